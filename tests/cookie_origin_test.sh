#!/usr/bin/env bash
# The cookie-write Origin check over loopback against the real `bounceback serve`, as a browser
# sends it: without --public-url a write carried by the session cookie must name the request's
# Host as its Origin (as before); with --public-url behind a TLS-terminating proxy, which rewrites
# the Host, it must name the public origin, and one naming the loopback origin is refused. The
# same holds for opening a live stream. Refused writes change nothing.
# Usage: cookie_origin_test.sh BOUNCEBACK
set -euo pipefail

BIN=$(realpath "$1")
readonly BIN
command -v curl >/dev/null || { echo "SKIPPED: curl is not installed"; exit 77; }

# shellcheck source=tests/server_harness.sh
source "$(dirname "$0")/server_harness.sh"

readonly PUBLIC=https://bounce.example.org
readonly CHECKIN='{"pain":2,"feel":"good"}'

# sign_up EMAIL: registers, keeps the session cookie in $WORK/EMAIL.jar, and sets the profile
# and a clear screen (with the bearer token, which no Origin check concerns).
sign_up() {
  local token
  token=$(curl -sf -c "$WORK/$1.jar" -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"correct horse\",\"role\":\"person\"}" |
    sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [[ -n $token ]] || fail "registering $1"
  grep -q bb_session "$WORK/$1.jar" || fail "no session cookie for $1"
  curl -sf -o /dev/null -X PUT "$BASE/api/v1/profile" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"birth_year":1985,"height_cm":172,"rope_experience":"some","rope":"beaded"}' || fail "profile of $1"
  curl -sf -o /dev/null -X POST "$BASE/api/v1/screening" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"saddle_numbness":false,"bladder_bowel_change":false,"progressive_leg_weakness":false,"major_trauma":false,"fever_unwell":false,"cancer_history":false,"unexplained_weight_loss":false,"constant_night_pain":false,"immunosuppression_or_iv_drugs":false,"osteoporosis_minor_trauma":false}' ||
    fail "screening of $1"
  echo "$token"
}
# cookie_write EMAIL DATE ORIGIN: a check-in as a browser page sends it (the cookie, Origin and
# Sec-Fetch-Site: same-origin); prints the status.
cookie_write() {
  curl -s -o "$WORK/body" -w '%{http_code}' -b "$WORK/$1.jar" -X POST "$BASE/api/v1/checkins?date=$2" \
    -H 'Content-Type: application/json' -H "Origin: $3" -H 'Sec-Fetch-Site: same-origin' -d "$CHECKIN"
}
# checkin_status TOKEN DATE: the status of reading that day's check-in (404: none was written).
checkin_status() {
  curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" "$BASE/api/v1/checkins/$2"
}
# upgrade TOKEN ORIGIN: the status of opening a live stream with an unknown placement: 403 when
# the Origin is refused, else 422 for the placement (so no stream is ever opened here).
upgrade() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Connection: Upgrade" -H "Upgrade: websocket" \
    -H "Sec-WebSocket-Version: 13" -H "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==" \
    -H "Authorization: Bearer $1" -H "Origin: $2" "$BASE/api/v1/live?placement=auto"
}
expect_status() {
  [[ $2 == "$1" ]] || fail "$3: expected $1, got $2: $(cat "$WORK/body" 2>/dev/null)"
}

echo "== without --public-url: the Origin must name the request's Host"
start_server
ADA=$(sign_up ada@example.org)
expect_status 403 "$(cookie_write ada@example.org 2026-03-01 "$PUBLIC")" "a write naming another origin"
expect_status 403 "$(cookie_write ada@example.org 2026-03-01 "http://127.0.0.1:1")" "a write naming another port"
expect_status 404 "$(checkin_status "$ADA" 2026-03-01)" "a refused write was kept"
expect_status 201 "$(cookie_write ada@example.org 2026-03-01 "$BASE")" "a write from the server's own page"
expect_status 403 "$(upgrade "$ADA" "$PUBLIC")" "a live stream from another origin"
expect_status 422 "$(upgrade "$ADA" "$BASE")" "a live stream from the server's own page"
stop_server

echo "== with --public-url $PUBLIC: the Origin must be the public origin"
start_server --public-url "$PUBLIC/app/"
expect_status 403 "$(cookie_write ada@example.org 2026-03-02 "$BASE")" "a write naming the loopback origin"
expect_status 403 "$(cookie_write ada@example.org 2026-03-02 "http://bounce.example.org")" "a write naming http:// of the public host"
expect_status 403 "$(cookie_write ada@example.org 2026-03-02 "null")" "a write naming no origin (null)"
expect_status 404 "$(checkin_status "$ADA" 2026-03-02)" "a refused write was kept"
expect_status 201 "$(cookie_write ada@example.org 2026-03-02 "$PUBLIC")" "a write from the public page"
expect_status 201 "$(cookie_write ada@example.org 2026-03-03 "https://BOUNCE.example.org")" \
  "the public origin in capitals"
expect_status 403 "$(cookie_write ada@example.org 2026-03-04 "https://bounce.example.org:8443")" \
  "a write naming another port of the public host"
expect_status 403 "$(upgrade "$ADA" "$BASE")" "a live stream naming the loopback origin"
expect_status 422 "$(upgrade "$ADA" "$PUBLIC")" "a live stream from the public page"
stop_server

echo "cookie_origin_test: all checks passed"
