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

# login EMAIL PASSWORD [CURL OPTION...]: prints the status of a login.
login() {
  local email=$1 password=$2
  shift 2
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" -X POST -H 'Content-Type: application/json' \
    --data "{\"email\":\"$email\",\"password\":\"$password\"}" "$BASE/api/v1/auth/login"
}
register_status() {  # EMAIL [CURL OPTION...]
  local email=$1
  shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" -X POST -H 'Content-Type: application/json' \
    --data "{\"email\":\"$email\",\"password\":\"correct horse\"}" "$BASE/api/v1/auth/register"
}

echo "== wrong passwords slow down that email from that address only"
start_server --registrations-per-hour 3
for _ in 1 2 3 4 5; do
  [[ $(login ada@example.org 'wrong password' --interface 127.0.0.2) == 401 ]] || fail "a wrong password"
done
[[ $(login ada@example.org 'correct horse' --interface 127.0.0.2) == 429 ]] ||
  fail "a sixth try at once from the guessing address was not slowed down"
retry=$(curl -s -D - -o /dev/null --interface 127.0.0.2 -X POST -H 'Content-Type: application/json' \
  --data '{"email":"ada@example.org","password":"correct horse"}' "$BASE/api/v1/auth/login" |
  tr -d '\r' | awk 'tolower($1) == "retry-after:" {print $2}')
[[ -n $retry ]] && ((retry >= 1 && retry <= 30)) || fail "Retry-After after five failures: '$retry'"
[[ $(login ada@example.org 'correct horse') == 200 ]] ||
  fail "the owner, from another address, was locked out by someone else's guesses"
[[ $(login bob@example.org 'wrong password' --interface 127.0.0.2) == 401 ]] ||
  fail "another email from the guessing address was limited too"
echo ok

echo "== registrations are limited per address; a taken email counts too"
[[ $(register_status bea@example.org --interface 127.0.0.3) == 201 ]] || fail "a registration"
[[ $(register_status bea@example.org --interface 127.0.0.3) == 409 ]] || fail "a taken email"
[[ $(register_status cy@example.org --interface 127.0.0.3) == 201 ]] || fail "a third registration"
[[ $(register_status dee@example.org --interface 127.0.0.3) == 429 ]] ||
  fail "a fourth registration within the hour from one address was not refused"
[[ $(register_status dee@example.org --interface 127.0.0.4) == 201 ]] ||
  fail "another address was refused too"
stop_server
echo ok

echo "== behind a trusted proxy the client is the address in X-Forwarded-For"
start_server --trusted-proxy 127.0.0.1
for _ in 1 2 3 4 5; do
  [[ $(login ada@example.org 'wrong password' -H 'X-Forwarded-For: 198.51.100.1') == 401 ]] || fail "a wrong password"
done
[[ $(login ada@example.org 'correct horse' -H 'X-Forwarded-For: 198.51.100.1') == 429 ]] ||
  fail "the guessing client behind the proxy was not slowed down"
[[ $(login ada@example.org 'correct horse' -H 'X-Forwarded-For: 198.51.100.2') == 200 ]] ||
  fail "another client behind the proxy was slowed down"
# What a client writes itself is further left and not believed.
[[ $(login ada@example.org 'correct horse' -H 'X-Forwarded-For: 198.51.100.2, 198.51.100.1') == 429 ]] ||
  fail "a forged X-Forwarded-For was believed"
stop_server
echo "== without --trusted-proxy, X-Forwarded-For is ignored"
start_server
for _ in 1 2 3 4 5; do login ada@example.org 'wrong password' -H 'X-Forwarded-For: 198.51.100.1' >/dev/null; done
[[ $(login ada@example.org 'correct horse' -H 'X-Forwarded-For: 198.51.100.2') == 429 ]] ||
  fail "X-Forwarded-For was believed from an untrusted peer"
stop_server
echo ok

echo "== framing: what cannot be told apart from the next request is refused, and the connection closed"
start_server
# What follows the header must not be served as a second request.
smuggled='GET /api/v1/openapi.yaml HTTP/1.1\r\nHost: x\r\n\r\n'
for encoding in xchunked gzip 'chunked, identity' 'identity'; do
  answer=$( (printf '%b' "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: $encoding\r\nContent-Type: application/json\r\n\r\n$smuggled"; sleep 1) |
    timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; cat <&0 >&3 & cat <&3" 2>/dev/null | tr -d '\r' || true)
  [[ $(head -n 1 <<<"$answer") == "HTTP/1.1 400 Bad Request" ]] ||
    fail "Transfer-Encoding: $encoding: $(head -n 1 <<<"$answer")"
  ! grep -q '^openapi:' <<<"$answer" || fail "Transfer-Encoding: $encoding: the bytes after it were served"
done
[[ "$(raw 'GET /healthz HTTP/1.1\r\n\r\n')" == "HTTP/1.1 400 Bad Request" ]] || fail "HTTP/1.1 without Host"
[[ "$(raw 'GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n')" == "HTTP/1.1 400 Bad Request" ]] || fail "two Host headers"
[[ "$(raw 'GET /healthz HTTP/1.0\r\n\r\n')" == "HTTP/1.0 200 OK" || "$(raw 'GET /healthz HTTP/1.0\r\n\r\n')" == "HTTP/1.1 200 OK" ]] ||
  fail "HTTP/1.0 without Host"
long=$(head -c 20000 /dev/zero | tr '\0' 'a')
[[ "$(raw "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: $long\r\n\r\n")" == "HTTP/1.1 431 Request Header Fields Too Large" ]] ||
  fail "an oversized header"
echo ok

echo "== a JSON key or a query parameter given twice is refused"
# From an address of its own: the case before left failed logins for Ada from 127.0.0.1.
r=$(curl -s --interface 127.0.0.6 -X POST -H 'Content-Type: application/json' \
  --data '{"email":"ada@example.org","password":"correct horse"}' "$BASE/api/v1/auth/login")
ADA=$(grep -o '"token":"[0-9a-f]*"' <<<"$r" | grep -o '[0-9a-f]\{64\}') || fail "login: $r"
r=$(curl -s -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $ADA" \
  --data '{"pain": {"x": 1}, "feel": "okay", "pain": 3}' "$BASE/api/v1/checkins?date=2026-03-02")
[[ $(tail -n 1 <<<"$r") == 400 ]] || fail "a key given twice: $r"
grep -q '"pain\\" more than once' <<<"$r" || fail "the error does not name the key: $r"
r=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $ADA" "$BASE/api/v1/checkins/2026-03-02")
[[ $(tail -n 1 <<<"$r") == 404 ]] || fail "the refused check-in was written: $r"
r=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $ADA" "$BASE/api/v1/history?date=2026-03-02&date=2020-01-01")
[[ $(tail -n 1 <<<"$r") == 400 ]] || fail "a query parameter given twice: $r"
grep -q 'date is given more than once' <<<"$r" || fail "the error does not name the parameter: $r"
stop_server
echo ok

echo "== headers: a content security policy everywhere, no caching of health data, HSTS under TLS"
start_server
# From an address of its own: the case before left failed logins for Ada from 127.0.0.1.
r=$(curl -s --interface 127.0.0.6 -X POST -H 'Content-Type: application/json' \
  --data '{"email":"ada@example.org","password":"correct horse"}' "$BASE/api/v1/auth/login")
ADA=$(grep -o '"token":"[0-9a-f]*"' <<<"$r" | grep -o '[0-9a-f]\{64\}') || fail "login: $r"
for path in / /healthz /api/v1/history /api/v1/export; do
  h=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $ADA" "$BASE$path" | tr -d '\r')
  grep -qi "^content-security-policy: .*frame-ancestors 'none'" <<<"$h" || fail "$path has no CSP with frame-ancestors: $h"
  ! grep -qi '^strict-transport-security' <<<"$h" || fail "$path sends HSTS over plain HTTP"
done
for path in /api/v1/history /api/v1/export /api/v1/export.csv /api/v1/plans/today /api/v1/account; do
  curl -s -D - -o /dev/null -H "Authorization: Bearer $ADA" "$BASE$path" | tr -d '\r' |
    grep -qi '^cache-control: no-store' || fail "$path may be cached"
done
stop_server
(cd "$WORK" && "$BIN" cert --cert "$WORK/cert.pem" --key "$WORK/key.pem" >/dev/null) || fail "bounceback cert"
start_server --tls-cert "$WORK/cert.pem" --tls-key "$WORK/key.pem"
curl -s -D - -o /dev/null --cacert "$WORK/cert.pem" "$BASE/" | tr -d '\r' |
  grep -qi '^strict-transport-security: max-age=' || fail "no HSTS under TLS"
stop_server
echo ok

echo "== live streams: a few at once per person"
start_server
r=$(curl -s --interface 127.0.0.6 -X POST -H 'Content-Type: application/json' \
  --data '{"email":"ada@example.org","password":"correct horse"}' "$BASE/api/v1/auth/login")
ADA=$(grep -o '"token":"[0-9a-f]*"' <<<"$r" | grep -o '[0-9a-f]\{64\}') || fail "login: $r"
upgrade="GET /api/v1/live?placement=pocket HTTP/1.1\r\nHost: 127.0.0.1:$PORT\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer $ADA\r\n\r\n"
streams=()
for i in 1 2 3; do
  exec {fd}<>"/dev/tcp/127.0.0.1/$PORT"
  printf '%b' "$upgrade" >&"$fd"
  read -r -t 5 line <&"$fd" || fail "stream $i: no answer"
  [[ ${line%$'\r'} == "HTTP/1.1 101 Switching Protocols" ]] || fail "stream $i: $line"
  streams+=("$fd")
done
[[ "$(raw "$upgrade")" == "HTTP/1.1 429 Too Many Requests" ]] || fail "a fourth stream at once was opened"
for fd in "${streams[@]}"; do exec {fd}>&-; done
ok=""
for _ in $(seq 1 50); do
  [[ "$(raw "$upgrade" 0.3)" == "HTTP/1.1 101 Switching Protocols" ]] && { ok=yes; break; }
  sleep 0.1
done
[[ -n $ok ]] || fail "a stream could not open after the others closed"
stop_server
echo ok
