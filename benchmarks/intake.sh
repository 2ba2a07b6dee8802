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
. benchmarks/platform.sh
start_platform 18091 --gongzhi.demo-data.appeals-per-subdistrict=0
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atc "$1"; }

# Operators' sessions: each signs in and takes the CSRF token its pages carry.
pairs=""
for i in $(seq 1 "$sessions"); do
  cookie=$(sign_in xueyuanlu.street-admin)
  token=$(curl -s -b "$cookie" "$base/appeals/new" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
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
