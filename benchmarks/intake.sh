#!/usr/bin/env bash
# Appeal intake under load (docs/performance.md, issue 8): 12345 work orders registered over HTTP through the staff API
# by wrk at 50 and 100 concurrent clients — locate, classification, routing, the audit row and the event included —
# and, in the same run on the same database, the raw PostgreSQL rate of the writes one intake makes
# (benchmarks/intake/intake-writes.sql, replayed by pgbench with as many clients).
#   benchmarks/intake.sh [seconds] [sessions]      default 30 s per measurement, 25 signed-in operator sessions
# Needs wrk and pgbench from Debian (apt-get install wrk postgresql-client). Starts the packaged jar with the demo
# data on an embedded PostgreSQL in a temporary folder, with the default run's durable settings.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
sessions=${2:-25}
for tool in wrk pgbench psql curl; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install wrk postgresql-client curl" >&2; exit 2; }
done
jar=$(ls app/target/gongzhi-app-*-exec.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || ./mvnw -B -ntp -q -pl app package -DskipTests -Dspotless.check.skip=true
jar=$(ls app/target/gongzhi-app-*-exec.jar | head -1)
work=$(mktemp -d)
port=18091
log="$work/app.log"
(cd "$work" && exec env -u GONGZHI_DB_URL java -jar "$OLDPWD/$jar" --spring.profiles.active=demo --server.port=$port \
  --gongzhi.demo-data.appeals-per-subdistrict=0 >"$log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
  kill -0 $pid 2>/dev/null || { tail -30 "$log" >&2; exit 1; }
  sleep 0.5
done
base="http://127.0.0.1:$port"
pgport=$(sed -n 4p "$work/data/pg/postmaster.pid" | tr -d ' ')
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atc "$1"; }

# Operators' sessions: each signs in and takes the CSRF token its pages carry.
pairs=""
for i in $(seq 1 "$sessions"); do
  jar_file="$work/cookies-$i"
  token=$(curl -s -c "$jar_file" -b "$jar_file" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
  curl -s -c "$jar_file" -b "$jar_file" -o /dev/null --data-urlencode "username=xueyuanlu.street-admin" \
    --data-urlencode "password=Demo#2026gz" --data-urlencode "_csrf=$token" "$base/login"
  token=$(curl -s -c "$jar_file" -b "$jar_file" "$base/appeals/new" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
  cookie=$(awk '$6 == "SESSION" {print "SESSION=" $7}' "$jar_file")
  pairs="$pairs${pairs:+;}$cookie|$token"
done
export SESSIONS="$pairs"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "warm-up (10 s, 10 clients)"
RUN="w$(date +%s)" wrk -t2 -c10 -d10s -s benchmarks/intake/intake.lua "$base" >/dev/null
for clients in 50 100; do
  before=$(sql "select count(*) from appeal.appeal")
  echo
  echo "== HTTP intake, $clients clients, ${seconds} s"
  RUN="c$clients$(date +%s)" wrk -t2 -c"$clients" -d"${seconds}s" --timeout 30s --latency -s benchmarks/intake/intake.lua "$base" \
    | grep -E "Requests/sec|Latency  |50%|90%|99%|Non-2xx|requests in|Socket errors"
  after=$(sql "select count(*) from appeal.appeal")
  echo "appeals written: $((after - before)), $(awk -v n=$((after - before)) -v s="$seconds" 'BEGIN {printf "%.0f", n / s}') appeals/s"
  sleep 5
done
# The raw rate: the database takes the platform's writes through its connection pool (10 connections), so pgbench
# runs with 10 clients, and with 50 (the embedded server allows 100 connections, some held by the platform).
for clients in 10 50; do
  echo
  echo "== raw PostgreSQL, the same writes, $clients clients, ${seconds} s"
  rm -f "$work"/pgbench_log.*
  (cd "$work" && pgbench -h 127.0.0.1 -p "$pgport" -U postgres -n -f "$OLDPWD/benchmarks/intake/intake-writes.sql" \
      -c "$clients" -j 2 -T "$seconds" -l postgres) | grep -E "tps|latency average|failed"
  cat "$work"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n | awk '{a[NR] = $1} END {
    printf "raw latency p50 %.1f ms, p99 %.1f ms over %d transactions\n", a[int(NR * 0.5)], a[int(NR * 0.99)], NR}'
  sleep 5
done
