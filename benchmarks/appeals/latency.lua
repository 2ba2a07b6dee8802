-- wrk script for benchmarks/appeals.sh: GET the address as the signed-in person whose cookie is in COOKIE, and
-- print the latency percentiles the document records (p50, p95, p99) and any non-200 answers.
local cookie = os.getenv("COOKIE")

function request()
  -- the pages as a browser asks for them; the API as a client does
  local accept = string.find(wrk.path, "^/api/") and "application/json" or "text/html"
  return wrk.format("GET", nil, {["Cookie"] = cookie, ["Accept"] = accept})
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  (%d requests, %d not 2xx/3xx)\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status))
end
