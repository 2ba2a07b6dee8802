#!/usr/bin/env bash
# The appeal list and the handler's inbox with a million appeals (docs/performance.md, issue 8). Starts the packaged jar
# with the demo data on an embedded PostgreSQL in a temporary folder, writes 1,000,000 synthetic appeals over the demo
# territory and the past year (benchmarks/appeals/generate.sql), then measures each page with wrk and prints the plan
# of each query (EXPLAIN ANALYZE).
#   benchmarks/appeals.sh [seconds] [clients] [appeals]     default 20 s per page, 4 clients, 1,000,000 appeals
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
clients=${2:-4}
count=${3:-1000000}
for tool in wrk psql curl; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install wrk postgresql-client curl" >&2; exit 2; }
done
. benchmarks/platform.sh
start_platform 18092
psql -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -v n="$count" -f benchmarks/appeals/generate.sql | grep -E "INSERT|Time: [0-9]{4,}" || true
echo "appeals: $(psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atc 'select count(*) from appeal.appeal')"

admin=$(sign_in xueyuanlu.street-admin)
police=$(sign_in xueyuanlu.department)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
# name|who|address
while IFS='|' read -r name who path; do
  cookie=$admin
  [ "$who" = police ] && cookie=$police
  COOKIE="$cookie" wrk -t1 -c"$clients" -d3s -s benchmarks/appeals/latency.lua "$base$path" >/dev/null
  printf '%-44s ' "$name"
  COOKIE="$cookie" wrk -t1 -c"$clients" -d"${seconds}s" -s benchmarks/appeals/latency.lua "$base$path" | tail -1
done <<'PAGES'
list, newest first (street)|admin|/appeals
list, state and category (street)|admin|/appeals?state=HANDLING&category=E05
list, channel and a month (street)|admin|/appeals?channel=PATROL&from=2026-06-01&to=2026-06-30
list, red light (street)|admin|/appeals?light=RED
inbox, soonest deadline first (police station)|police|/appeals/work
inbox (street office)|admin|/appeals/work
API list, red light (street)|admin|/api/v1/appeals?light=RED
API list, state and category (street)|admin|/api/v1/appeals?state=HANDLING&category=E05
API inbox (police station)|police|/api/v1/appeals?mine=true
PAGES

echo
echo "== plans (EXPLAIN ANALYZE of the queries the pages run)"
units=$(psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atc \
  "select '{' || string_agg(id::text, ',') || '}' from territory.unit where code like '110108010%'")
org=$(psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atc \
  "select id from organization.organisation where name = '海淀分局学院路派出所'")
scope="(coalesce(a.unit_id, a.coordinator_id) = any('$units'::uuid[]) or a.handler_id = any('{}'::uuid[]) or a.co_handler_ids && '{}'::uuid[])"
open="a.state in ('DISPATCHED', 'OBJECTED', 'SIGNED', 'HANDLING', 'SUSPENDED')"
for q in \
  "select a.* from appeal.appeal a where $scope order by a.registered_at desc, a.id desc limit 51" \
  "select a.* from appeal.appeal a where $scope and a.state = 'HANDLING' and a.category_code like 'E05%' order by a.registered_at desc, a.id desc limit 51" \
  "select a.* from appeal.appeal a where $scope and a.red_after < now() order by a.registered_at desc, a.id desc limit 51" \
  "select a.* from ((select a.* from appeal.appeal a where a.handler_id = '$org' and $open order by a.resolution_due, a.id limit 51) union all (select a.* from appeal.appeal a where a.co_handler_ids && '{$org}'::uuid[] and not (a.handler_id = any('{$org}'::uuid[])) and $open order by a.resolution_due, a.id limit 51)) a order by a.resolution_due, a.id limit 51"; do
  echo
  psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atc "explain (analyze, costs off) $q" | sed -E 's/\{[0-9a-f-]{36}(,[0-9a-f-]{36})+\}/{…units of 学院路街道…}/g'
done
