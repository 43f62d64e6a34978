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
for _ in $(seq 1 600); do
  PORT=$(sed -n 's|.*://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/server.out")
  [[ -n "${PORT:-}" ]] && curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  sleep 0.1
done
readonly BASE="http://127.0.0.1:$PORT"
json() { curl -sf -X "$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} --data "$4" "$BASE$2"; }

TOKEN=$(json POST /api/v1/auth/register "" '{"email":"bench@example.org","password":"correct horse battery"}' |
  grep -o '"token":"[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}')
TODAY=$(date +%F)
json PUT /api/v1/profile "$TOKEN" '{"birth_year":1985,"height_cm":172,"rope_experience":"some","rope":"beaded"}' >/dev/null
json POST /api/v1/screening "$TOKEN" '{"saddle_numbness":false,"bladder_bowel_change":false,"progressive_leg_weakness":false,"major_trauma":false,"fever_unwell":false,"cancer_history":false,"unexplained_weight_loss":false,"constant_night_pain":false,"immunosuppression_or_iv_drugs":false,"osteoporosis_minor_trauma":false}' >/dev/null
for i in $(seq 60 -1 1); do
  day=$(date -d "$TODAY - $i days" +%F)
  json POST "/api/v1/checkins?date=$day" "$TOKEN" "{\"pain\":$((i % 4 + 1)),\"feel\":\"good\"}" >/dev/null
  json POST "/api/v1/sessions?date=$day" "$TOKEN" '{"completed":true,"rope_minutes":4,"pain_during_max":2,"pain_after":2}' >/dev/null
done

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
