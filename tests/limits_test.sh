#!/usr/bin/env bash
# The server under pressure, over loopback: out of file descriptors, large bodies without
# credentials, login guessing, registration floods and the framing of requests (docs/api.md,
# "Limits"). Every loop is bounded. Usage: limits_test.sh BOUNCEBACK
set -euo pipefail

BIN=$(realpath "$1")
readonly BIN
command -v curl >/dev/null || { echo "SKIPPED: curl is not installed"; exit 77; }

# shellcheck source=tests/server_harness.sh
source "$(dirname "$0")/server_harness.sh"

# Sends raw bytes on a fresh connection and prints the status line of the answer ("" if none).
raw() {
  local answer
  answer=$( (printf '%b' "$1"; sleep "${2:-1}") | timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; cat <&0 >&3 & head -n 1 <&3" 2>/dev/null || true)
  tr -d '\r' <<<"$answer"
}
# The time /healthz takes, failing past two seconds.
healthz_in_time() {
  curl -s -o /dev/null -w '%{time_total}' --max-time 2 "$BASE/healthz" ||
    fail "/healthz was not answered within 2 s ($1)"
}

echo "== a low soft limit on open files is raised to the hard limit"
SERVER_NOFILE=100:4096
start_server
soft=$(awk '/^Max open files/ {print $4}' "/proc/$SERVER_PID/limits")
[[ $soft == 4096 ]] || fail "the soft limit stayed at $soft"
stop_server
echo ok

echo "== more idle connections than file descriptors: the server keeps answering, quietly"
SERVER_NOFILE=128
start_server
: >"$WORK/server.log"
# 200 connections that never send a byte (the header deadline is 10 s, longer than this case).
idle=()
for _ in $(seq 1 200); do
  exec {fd}<>"/dev/tcp/127.0.0.1/$PORT" || break
  idle+=("$fd")
done
((${#idle[@]} == 200)) || fail "could only open ${#idle[@]} connections"
for i in 1 2 3 4 5; do
  t=$(healthz_in_time "with 200 idle connections, try $i")
  sleep 0.2
done
lines=$(grep -c 'accept failed' "$WORK/server.log" || true)
((lines <= 3)) || fail "$lines 'accept failed' lines in about a second"
for fd in "${idle[@]}"; do exec {fd}>&-; done
healthz_in_time "after the idle connections closed" >/dev/null
stop_server
SERVER_NOFILE=""
echo "ok (last /healthz in ${t}s, $lines accept warnings)"

echo "== a body is read only after the session is checked, and few large ones at once"
start_server
r=$(curl -s -X POST -H 'Content-Type: application/json' \
  --data '{"email":"ada@example.org","password":"correct horse"}' "$BASE/api/v1/auth/register")
ADA=$(grep -o '"token":"[0-9a-f]*"' <<<"$r" | grep -o '[0-9a-f]\{64\}') || fail "register: $r"
upload_head='POST /api/v1/recordings HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 16000000\r\n'
[[ "$(raw "$upload_head\r\n")" == "HTTP/1.1 401 Unauthorized" ]] ||
  fail "a 16 MB upload without a session was not refused before its body"
[[ "$(raw "${upload_head}Authorization: Bearer $(printf '0%.0s' $(seq 1 64))\r\n\r\n")" == "HTTP/1.1 401 Unauthorized" ]] ||
  fail "a 16 MB upload with an unknown session was not refused before its body"
[[ "$(raw 'POST /api/v1/checkins HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n')" == "HTTP/1.1 401 Unauthorized" ]] ||
  fail "a check-in without a session was not refused before its body"
# Uploads that stream slowly (chunked, from a pipe) hold their places for three seconds.
held=()
hold_upload() {  # ADDRESS OUTPUT
  (sleep 3; printf 't_s,ax_g,ay_g,az_g\n') |
    curl -s -o /dev/null -w '%{http_code}' --max-time 20 --interface "$1" -X POST -T - \
      -H 'Content-Type: text/csv' -H "Authorization: Bearer $ADA" "$BASE/api/v1/recordings" >"$2" &
  held+=($!)
}
hold_upload 127.0.0.1 "$WORK/held1"
hold_upload 127.0.0.1 "$WORK/held2"
sleep 0.5
r=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -X POST -T - -H 'Content-Type: text/csv' \
  -H "Authorization: Bearer $ADA" "$BASE/api/v1/recordings" </dev/null)
[[ $r == 429 ]] || fail "a third large upload at once from one address: expected 429, got $r"
for i in 2 3 4; do
  hold_upload "127.0.0.$i" "$WORK/held${i}a"
  hold_upload "127.0.0.$i" "$WORK/held${i}b"
done
sleep 0.5
r=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 --interface 127.0.0.5 -X POST -T - \
  -H 'Content-Type: text/csv' -H "Authorization: Bearer $ADA" "$BASE/api/v1/recordings" </dev/null)
[[ $r == 503 ]] || fail "a ninth large upload at once: expected 503, got $r"
# A small body needs no place: a check-in still goes through.
r=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -X POST -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $ADA" --data '{"pain":3,"feel":"okay"}' "$BASE/api/v1/checkins?date=2026-03-01")
[[ $r == 201 ]] || fail "a check-in while large uploads are held: expected 201, got $r"
wait "${held[@]}" || true
for f in "$WORK"/held*; do
  [[ $(cat "$f") == 422 ]] || fail "a held upload ended with $(cat "$f"), not 422 (a header alone)"
done
r=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -X POST -T - -H 'Content-Type: text/csv' \
  -H "Authorization: Bearer $ADA" "$BASE/api/v1/recordings" </dev/null)
[[ $r == 422 ]] || fail "a large upload once the others ended: expected 422, got $r"
stop_server
echo ok
