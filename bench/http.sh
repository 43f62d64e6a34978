#!/usr/bin/env bash
# HTTP benchmark (not a test): builds the release binary, starts `bounceback serve` on a fresh
# SQLite file and drives it with wrk from a second process. Prints requests/s, p99 latency and
# the ratio to GET /healthz for an authenticated profile read, today's plan (kept), check-ins,
# and check-ins each followed by a plan (so every plan is computed afresh), then the resident memory of the server holding 1,000 idle connections, and 1,000 open live
# WebSocket streams.
# Usage: bench/http.sh [SECONDS per run, default 10] [CONNECTIONS, default 64]
# BENCH_BINARY=PATH runs another build of the server (for a before/after pair in one sitting);
# BENCH_SKIP_MEMORY=1 leaves out the two memory runs.
set -euo pipefail

readonly SECONDS_PER_RUN=${1:-10}
readonly CONNECTIONS=${2:-64}
readonly ROOT=$(cd "$(dirname "$0")/.." && pwd)
readonly BIN=${BENCH_BINARY:-$ROOT/build/release/bounceback}
readonly LIVE_CLIENT=$ROOT/build/release/tests/live_client
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
command -v curl >/dev/null || { echo "curl is not installed"; exit 1; }

[[ "${BENCH_SKIP_BUILD:-}" == 1 ]] || (cd "$ROOT" && cmake --preset release >/dev/null && cmake --build --preset release --target bounceback live_client >/dev/null)

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ulimit -n 4096  # the server and the clients below hold over 1,000 sockets each
# The server runs on its own; header timeout long enough to hold idle sockets for the memory run.
# Its output file exists before it starts, so the wait below never reads a missing file.
: >"$WORK/server.out"
"$BIN" serve --listen 127.0.0.1:0 --db "sqlite:$WORK/bench.db" --quiet \
  --header-timeout-ms 120000 >"$WORK/server.out" 2>"$WORK/server.log" &
SERVER_PID=$!
source "$ROOT/bench/bench_person.sh"

cat >"$WORK/checkin.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"pain":2,"feel":"good","notes":"bench"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA

# A check-in, then the plan: the write changes the plan revision, so the plan is computed.
cat >"$WORK/checkin_plan.lua" <<LUA
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
local write = wrk.format("POST", "/api/v1/checkins", nil, '{"pain":2,"feel":"good","notes":"bench"}')
local read = wrk.format("GET", "/api/v1/plans/today")
local count = 0
request = function()
  count = count + 1
  if count % 2 == 1 then return write end
  return read
end
LUA

# The server's user and system CPU time so far, in clock ticks.
server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

# run NAME wrk-arguments...: prints "NAME requests/s p99 server-CPU-microseconds-per-request"
# (the CPU figure depends less on what else the machine is doing than requests/s does).
run() {
  local name=$1
  shift
  local out rps p99 ticks requests
  ticks=$(server_ticks)
  out=$(wrk -t 1 -c "$CONNECTIONS" -d "${SECONDS_PER_RUN}s" --latency "$@")
  ticks=$(($(server_ticks) - ticks))
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  echo "$name $rps $p99 $(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN {printf "%.0fus", t * 1e6 / hz / n}')"
}

healthz=$(run healthz "$BASE/healthz")
profile=$(run profile -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/profile")
plan=$(run plan -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/plans/today")
checkin=$(run checkin -s "$WORK/checkin.lua" "$BASE/api/v1/checkins")
checkin_plan=$(run checkin_plan -s "$WORK/checkin_plan.lua" "$BASE/")
ceiling=$(awk '{print $2}' <<<"$healthz")
echo
echo "wrk -t 1 -c $CONNECTIONS -d ${SECONDS_PER_RUN}s, server: $(nproc) cores, SQLite"
printf '%-32s %12s %10s %8s %9s\n' route requests/s p99 ratio cpu/req
for line in "$healthz" "$profile" "$plan" "$checkin" "$checkin_plan"; do
  read -r name rps p99 cpu <<<"$line"
  case $name in
    healthz) label="GET /healthz" ;;
    profile) label="GET /api/v1/profile" ;;
    plan) label="GET /api/v1/plans/today" ;;
    checkin) label="POST /api/v1/checkins" ;;
    checkin_plan) label="check-in, then computed plan" ;;
  esac
  printf '%-32s %12s %10s %8s %9s\n' "$label" "$rps" "$p99" \
    "$(awk -v a="$rps" -v b="$ceiling" 'BEGIN {printf "%.2f", a / b}')" "$cpu"
done

[[ "${BENCH_SKIP_MEMORY:-}" == 1 ]] && exit 0

# 1,000 idle connections held open by this shell (file descriptors 10..1009).
rss_before=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
for i in $(seq 1 1000); do
  eval "exec {fd_$i}<>/dev/tcp/127.0.0.1/$PORT"
done
sleep 1
curl -sf -o /dev/null "$BASE/healthz" || echo "the server did not answer with 1,000 idle connections open"
rss_after=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
echo
echo "resident memory: $((rss_before / 1024)) MB before, $((rss_after / 1024)) MB with 1,000 idle connections"
for i in $(seq 1 1000); do eval "exec {fd_$i}>&-"; done

# 1,000 live streams, opened and then left waiting, as phones between rope rounds.
sleep 1
rss_before=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
"$LIVE_CLIENT" idle "ws://127.0.0.1:$PORT/api/v1/live?placement=pocket" "$TOKEN" 1000 20 >"$WORK/live.out" &
LIVE_PID=$!
for _ in $(seq 1 300); do grep -q holding "$WORK/live.out" && break; sleep 0.1; done
grep -q "holding 1000" "$WORK/live.out" || echo "the live client could not open 1,000 streams: $(cat "$WORK/live.out")"
sleep 1
curl -sf -o /dev/null "$BASE/healthz" || echo "the server did not answer with 1,000 live streams open"
rss_after=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
kill "$LIVE_PID" 2>/dev/null || true
wait "$LIVE_PID" 2>/dev/null || true
echo "resident memory: $((rss_before / 1024)) MB before, $((rss_after / 1024)) MB with 1,000 live streams open"
