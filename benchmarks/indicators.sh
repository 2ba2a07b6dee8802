#!/usr/bin/env bash
# The indicators with a million appeals (docs/performance.md, issue 9). Starts the packaged jar with the demo data on an
# embedded PostgreSQL in a temporary folder, writes 1,000,000 synthetic appeals over the demo territory and the past year
# with their 回访 answers and a year of 吹哨报到 (benchmarks/appeals/generate.sql), has the indicator facts reconciled
# from the appeal module (the nightly job, run now by the system administrator and timed), then measures with wrk the
# three rates of a 街道, a 社区, a handling unit and a category for last month, and a year's ranking of every
# department, as the 街道's administrator and as an installation-wide administrator. The jar is rebuilt first, so the
# figures are of the code checked out.
#   benchmarks/indicators.sh [seconds] [clients] [appeals]     default 20 s per address, 4 clients, 1,000,000 appeals
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
clients=${2:-4}
count=${3:-1000000}
for tool in wrk psql curl python3; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install wrk postgresql-client curl python3" >&2; exit 2; }
done
./mvnw -B -ntp -q -pl app package -DskipTests -Dspotless.check.skip=true
. benchmarks/platform.sh
start_platform 18093
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atc "$1"; }
psql -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -v n="$count" -f benchmarks/appeals/generate.sql | grep -E "INSERT|Time: [0-9]{4,}" || true
echo "appeals: $(sql 'select count(*) from appeal.appeal'), follow-ups: $(sql 'select count(*) from appeal.follow_up'), whistles: $(sql 'select count(*) from dispatch.whistle'), summons: $(sql 'select count(*) from dispatch.summons')"

admin=$(sign_in xueyuanlu.street-admin)
sysadmin=$(sign_in sysadmin "$(demo_code)")
token=$(curl -s -H "Cookie: $sysadmin" "$base/settings/indicators" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
echo "facts before: $(sql 'select count(*) from indicator.appeal_fact')"
started=$(date +%s.%N)
curl -s -o /dev/null --max-time 3600 -H "Cookie: $sysadmin" --data-urlencode "_csrf=$token" "$base/settings/indicators/reconcile"
echo "reconciled in $(python3 -c "print(round($(date +%s.%N) - $started, 1))") s; facts: $(sql 'select count(*) from indicator.appeal_fact')"
sql "vacuum (analyze) indicator.appeal_fact" >/dev/null
sql "checkpoint" >/dev/null

month=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-15) -1 month" +%Y-%m)
first=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-15) -12 month" +%Y-%m)
street=$(sql "select id from territory.unit where code = '110108010'")
community=$(sql "select id from territory.unit where code = '110108010005'")
police=$(sql "select id from organization.organisation where name = '海淀分局学院路派出所'")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "month $month; ranking $first..$month"
# name|who|clients (n: the script's)|address
while IFS='|' read -r name who c path; do
  cookie=$admin
  [ "$who" = sysadmin ] && cookie=$sysadmin
  [ "$c" = n ] && c=$clients
  COOKIE="$cookie" wrk -t1 -c"$c" -d3s --timeout 10s -s benchmarks/appeals/latency.lua "$base$path" >/dev/null
  printf '%-62s ' "$name"
  COOKIE="$cookie" wrk -t1 -c"$c" -d"${seconds}s" --timeout 10s -s benchmarks/appeals/latency.lua "$base$path" | tail -1
done <<PAGES
three rates, 街道 (街道 administrator)|admin|n|/api/v1/indicators?dimension=STREET&key=$street&month=$month
three rates, 社区 (街道 administrator)|admin|n|/api/v1/indicators?dimension=COMMUNITY&key=$community&month=$month
three rates, handling unit (街道 administrator)|admin|n|/api/v1/indicators?dimension=HANDLER&key=$police&month=$month
three rates, 街道 (installation-wide)|sysadmin|n|/api/v1/indicators?dimension=STREET&key=$street&month=$month
three rates, handling unit (installation-wide)|sysadmin|n|/api/v1/indicators?dimension=HANDLER&key=$police&month=$month
three rates, category (installation-wide)|sysadmin|n|/api/v1/indicators?dimension=CATEGORY&key=E0504&month=$month
year's ranking of every unit, one client (installation-wide)|sysadmin|1|/api/v1/indicators/ranking?dimension=HANDLER&from=$first&to=$month
year's ranking of every unit (installation-wide)|sysadmin|n|/api/v1/indicators/ranking?dimension=HANDLER&from=$first&to=$month
year's ranking of every unit (街道 administrator)|admin|n|/api/v1/indicators/ranking?dimension=HANDLER&from=$first&to=$month
dashboard page, by unit (街道 administrator)|admin|n|/indicators?month=$month&dimension=HANDLER
PAGES
