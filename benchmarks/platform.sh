# Sourced by the benchmark scripts: builds the packaged jar when it is missing, starts it with the demo data on an
# embedded PostgreSQL in a temporary folder (the default run's durable settings) on port $1, with any further
# arguments passed on, and waits until it is ready. Sets work (the folder), pid, base (the address) and pgport (the
# embedded server's port); the folder and the process go when the script exits.
start_platform() {
  local port=$1
  shift
  local jar
  jar=$(ls app/target/gongzhi-app-*-exec.jar 2>/dev/null | head -1 || true)
  [ -n "$jar" ] || ./mvnw -B -ntp -q -pl app package -DskipTests -Dspotless.check.skip=true
  jar=$(ls app/target/gongzhi-app-*-exec.jar | head -1)
  work=$(mktemp -d)
  local log="$work/app.log"
  (cd "$work" && exec env -u GONGZHI_DB_URL java -jar "$OLDPWD/$jar" --spring.profiles.active=demo --server.port="$port" \
    "$@" >"$log" 2>&1) &
  pid=$!
  trap stop_platform EXIT
  until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    kill -0 $pid 2>/dev/null || { tail -30 "$log" >&2; exit 1; }
    sleep 0.5
  done
  base="http://127.0.0.1:$port"
  pgport=$(sed -n 4p "$work/data/pg/postmaster.pid" | tr -d ' ')
}

# Signs a demo account in with a cookie jar in the work folder and prints its session cookie (SESSION=…); a second
# argument is the one-time code for accounts that need one (see demo_code).
sign_in() {
  local jar_file="$work/cookies-$1-$RANDOM"
  local token
  token=$(curl -s -c "$jar_file" -b "$jar_file" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
  curl -s -c "$jar_file" -b "$jar_file" -o /dev/null --data-urlencode "username=$1" \
    --data-urlencode "password=Demo#2026gz" --data-urlencode "_csrf=$token" ${2:+--data-urlencode "code=$2"} "$base/login"
  awk '$6 == "SESSION" {print "SESSION=" $7}' "$jar_file"
}

# Stops the platform and removes its folder once the embedded PostgreSQL (a process of its own, stopped by the
# platform on its way out) has gone too: removing the folder under a running server leaves gigabytes behind.
stop_platform() {
  local postmaster
  postmaster=$(head -1 "$work/data/pg/postmaster.pid" 2>/dev/null || true)
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  for _ in $(seq 1 100); do
    [ -n "$postmaster" ] && kill -0 "$postmaster" 2>/dev/null || break
    sleep 0.1
  done
  rm -rf "$work"
}

# The demo administrators' current one-time code (TOTP, RFC 6238, from the secret the README gives).
demo_code() {
  python3 -c 'import base64, hashlib, hmac, struct, time
key = base64.b32decode("JBSWY3DPEHPK3PXP")
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
at = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[at:at + 4])[0] & 0x7fffffff) % 1000000))'
}
