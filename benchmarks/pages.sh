#!/usr/bin/env bash
# Page speed under load (docs/performance.md): every main page next to the JSON API for the same data, a static file
# and the HTTP stack's own rate (health), in one run, with wrk from Debian (apt-get install wrk).
#   benchmarks/pages.sh [seconds] [clients]      default 10 s per address, 8 clients (2 wrk threads)
# Starts the packaged jar with the demo data on an embedded PostgreSQL in a temporary folder (the default run's
# durable settings), warms every address up, then measures each in turn. Pages are fetched as a visitor.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
clients=${2:-8}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
. benchmarks/platform.sh
start_platform 18090
council=$(curl -sf "$base/api/v1/councils" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
org=$(curl -sf "$base/api/v1/organizations?size=1&q=%E5%8C%97%E4%BA%AC%E7%A7%91%E6%8A%80%E5%A4%A7%E5%AD%A6" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
list=$(curl -sf "$base/api/v1/responsibility-lists" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)

# name|page|JSON for the same data (or -)
rows=(
  "home|/|-"
  "sign-in|/login|-"
  "organisations (30 a page)|/organizations|/api/v1/organizations?size=30"
  "organisation|/organizations/$org|/api/v1/organizations/$org"
  "councils|/councils|/api/v1/councils"
  "council (14 members)|/councils/$council|/api/v1/councils/$council"
  "responsibility lists|/responsibility-lists|/api/v1/responsibility-lists"
  "responsibility list (27 duties)|/responsibility-lists/$list|/api/v1/responsibility-lists/$list"
  "territory map page|/territory|-"
  "unit (社区)|/territory/units/110108010005|/api/v1/territory/units/110108010005"
  "stylesheet (static)|/css/app.css|-"
  "health (HTTP stack)|/actuator/health|-"
)
rate() { wrk -t2 -c"$clients" -d"${1}s" "$base$2" | awk '/Requests\/sec/ { printf "%.0f", $2 }'; }
for row in "${rows[@]}"; do
  IFS='|' read -r _ page json <<<"$row"
  rate 3 "$page" >/dev/null
  [ "$json" = - ] || rate 3 "$json" >/dev/null
done
printf '| address | page req/s | JSON req/s | page ÷ JSON |\n| --- | ---: | ---: | ---: |\n'
for row in "${rows[@]}"; do
  IFS='|' read -r name page json <<<"$row"
  p=$(rate "$seconds" "$page")
  if [ "$json" = - ]; then
    printf '| %s `%s` | %s | | |\n' "$name" "${page%%[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-*}" "$p"
  else
    j=$(rate "$seconds" "$json")
    printf '| %s | %s | %s | %s |\n' "$name" "$p" "$j" "$(awk -v a="$p" -v b="$j" 'BEGIN { printf "%.2f", a / b }')"
  fi
done
echo
echo "$(nproc) cores, $(java -version 2>&1 | head -1), wrk $clients clients, ${seconds} s each, load $(cut -d' ' -f1-3 /proc/loadavg)"
