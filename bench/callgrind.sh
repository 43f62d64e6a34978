#!/usr/bin/env bash
# Instructions per request inside the API handler (Api::dispatch), counted by valgrind's callgrind
# on a one-thread server: a figure that does not depend on what else the machine is doing (user
# space only, so time in the kernel is not in it). Sets up one person with 60 days of history as
# bench/http.sh does, then counts N check-ins, and N check-ins each followed by today's plan (so
# every plan is computed): the plan's share is the difference.
# Usage: bench/callgrind.sh [N, default 200]
# BENCH_BINARY=PATH counts another build; BENCH_PROFILE=FILE keeps the profile of the plans (for
# callgrind_annotate).
set -euo pipefail

readonly N=${1:-200}
readonly ROOT=$(cd "$(dirname "$0")/.." && pwd)
readonly BIN=${BENCH_BINARY:-$ROOT/build/release/bounceback}
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 1; }

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

: >"$WORK/server.out"
valgrind --tool=callgrind --collect-atstart=no --toggle-collect='bb::http::Api::dispatch*' \
  --callgrind-out-file="$WORK/callgrind.out" \
  "$BIN" serve --threads 1 --listen 127.0.0.1:0 --db "sqlite:$WORK/bench.db" --quiet \
  --password-cost minimal >"$WORK/server.out" 2>"$WORK/server.log" &
SERVER_PID=$!
source "$ROOT/bench/bench_person.sh"

# Instructions counted since the last zeroing, dumped now.
counted() {
  callgrind_control -d "$SERVER_PID" >/dev/null 2>&1
  local file
  file=$(ls -t "$WORK"/callgrind.out.* | head -1)
  awk '/^summary:/ {print $2}' "$file"
}
checkin() { json POST /api/v1/checkins "$TOKEN" '{"pain":2,"feel":"good","notes":"bench"}' >/dev/null; }

callgrind_control -z "$SERVER_PID" >/dev/null 2>&1
for _ in $(seq 1 "$N"); do checkin; done
checkins=$(counted)
callgrind_control -z "$SERVER_PID" >/dev/null 2>&1
for _ in $(seq 1 "$N"); do
  checkin
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/plans/today"
done
pairs=$(counted)
[[ -n "${BENCH_PROFILE:-}" ]] && cp "$(ls -t "$WORK"/callgrind.out.* | head -1)" "$BENCH_PROFILE"
echo "instructions per request in Api::dispatch, $N of each:"
echo "check-in                 $((checkins / N))"
echo "computed plan            $(((pairs - checkins) / N))"
