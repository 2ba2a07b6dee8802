#!/usr/bin/env bash
# Start-up to readiness, measured in one run (docs/performance.md):
#   floor      the platform's starters with no code of ours (benchmarks' FloorApplication), plain java -jar
#   plain      the platform, plain java -jar, data kept (the database migrated by an earlier start)
#   production the platform in the documented production layout (bin/build-production: extracted + CDS), data kept
#   first      the production layout on an empty database with the demo profile: migrations and demo data
# Every start uses the machine's PostgreSQL 15 (one database each, recreated here) and ends at the first 200 from
# /actuator/health/readiness. Usage: benchmarks/startup.sh [runs]   (as root, like .ci/run; default 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
pg_ctlcluster 15 main start 2>/dev/null || pg_ctlcluster 15 main status >/dev/null
port=$(pg_lsclusters -h | awk '$1 == 15 && $2 == "main" { print $3 }')
psql_admin() { su postgres -c "psql -p $port -q -v ON_ERROR_STOP=1 $*"; }
psql_admin "-c \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'gz_bench') then create role gz_bench login password 'gz_bench'; end if; end \\\$\\\$\""
fresh() { psql_admin "-c 'drop database if exists $1' -c 'create database $1 owner gz_bench'" 2>/dev/null; }

./mvnw -B -ntp -q -pl app,benchmarks -am install -DskipTests -Dspotless.check.skip=true
bin/build-production >/dev/null
floor_jar=$(ls benchmarks/target/gongzhi-benchmarks-*-floor.jar)
app_jar=$(ls app/target/gongzhi-app-*-exec.jar)
prod=app/target/production
prod_jar="$prod/$(basename "$app_jar")"

export GONGZHI_DB_USER=gz_bench GONGZHI_DB_PASSWORD=gz_bench
GONGZHI_DATA_KEY=$(openssl rand -base64 32)
GONGZHI_LOOKUP_KEY=$(openssl rand -base64 32)
export GONGZHI_DATA_KEY GONGZHI_LOOKUP_KEY
log=$(mktemp)

# ready DB PORT command...: milliseconds from launch to the first 200 from the readiness probe
ready() {
  local db=$1 http=$2; shift 2
  local start end pid
  start=$(date +%s%N)
  GONGZHI_DB_URL="jdbc:postgresql://127.0.0.1:$port/$db" PORT=$http "$@" --server.port="$http" >"$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$http/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A times
fresh gz_bench_floor; fresh gz_bench_kept
ready gz_bench_floor 18081 java -jar "$floor_jar" >/dev/null   # schema of the starters, not timed
ready gz_bench_kept 18082 java -jar "$app_jar" --spring.profiles.active=prod >/dev/null   # migrations, not timed
for i in $(seq "$runs"); do
  times[floor]+="$(ready gz_bench_floor 18081 java -jar "$floor_jar") "
  times[plain]+="$(ready gz_bench_kept 18082 java -jar "$app_jar" --spring.profiles.active=prod) "
  times[production]+="$(ready gz_bench_kept 18082 java -XX:SharedArchiveFile="$prod/gongzhi.jsa" -jar "$prod_jar" --spring.profiles.active=prod) "
  fresh gz_bench_first
  times[first]+="$(ready gz_bench_first 18083 java -XX:SharedArchiveFile="$prod/gongzhi.jsa" -jar "$prod_jar" --spring.profiles.active=demo) "
done
floor=$(echo "${times[floor]}" | tr ' ' '\n' | grep . | median)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-11s %-24s %8s %8s\n' start "runs (ms)" median "× floor"
for k in floor plain production first; do
  m=$(echo "${times[$k]}" | tr ' ' '\n' | grep . | median)
  printf '%-11s %-24s %8s %8s\n' "$k" "${times[$k]}" "$m" "$(awk -v a="$m" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')"
done
rm -f "$log"
