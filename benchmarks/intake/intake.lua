-- wrk script for benchmarks/intake.sh: every request registers a new 12345 work order (its own number) through the
-- staff API, as an operator's client would, spread over the signed-in sessions given in SESSIONS (cookie|token;...).
local sessions = {}
for pair in string.gmatch(os.getenv("SESSIONS") or "", "[^;]+") do
  local cookie, token = string.match(pair, "([^|]+)|(.+)")
  table.insert(sessions, {cookie = cookie, token = token})
end
local counter = 0
local threads = 0

-- Work-order numbers are unique across runs and threads: the run's id (RUN) and the thread's number lead them.
function setup(thread)
  threads = threads + 1
  thread:set("prefix", (os.getenv("RUN") or tostring(os.time())) .. "T" .. threads)
end

function request()
  counter = counter + 1
  local s = sessions[(counter % #sessions) + 1]
  local body = '{"channel":"HOTLINE","type":"COMPLAINT","categoryCode":"E0504",'
    .. '"content":"基准测试：二里庄小区北门外机动车长期乱停放，堵塞消防通道。",'
    .. '"unitCode":"110108010005","reporterName":"测试","reporterPhone":"13800138000",'
    .. '"workOrderNumber":"B' .. prefix .. '-' .. counter .. '"}'
  return wrk.format("POST", "/api/v1/appeals", {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["Cookie"] = s.cookie,
    ["X-CSRF-TOKEN"] = s.token
  }, body)
end
