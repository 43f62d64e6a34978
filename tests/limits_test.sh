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
