#!/usr/bin/env bash
# Drives the real `bounceback serve` over loopback. Usage: http_server_test.sh BOUNCEBACK
set -euo pipefail

BIN=$(realpath "$1")
readonly BIN
command -v curl >/dev/null || { echo "SKIPPED: curl is not installed"; exit 77; }
command -v sqlite3 >/dev/null || { echo "SKIPPED: the sqlite3 tool is not installed"; exit 77; }

# Short timeouts, so the slow-client and drain cases finish quickly.
SERVER_ARGS="--header-timeout-ms 2000 --body-timeout-ms 2000 --idle-timeout-ms 3000 --drain-timeout-ms 3000"
# shellcheck source=tests/server_harness.sh
source "$(dirname "$0")/server_harness.sh"

# call METHOD PATH [TOKEN] [BODY] [CONTENT-TYPE]: prints the body, then the status on its own line.
call() {
  local method=$1 path=$2 token=${3:-} body=${4:-} type=${5:-application/json}
  local args=(-ks -X "$method" -w '\n%{http_code}' --max-time 10)
  [[ -n "$token" ]] && args+=(-H "Authorization: Bearer $token")
  [[ -n "$body" ]] && args+=(-H "Content-Type: $type" --data-binary "$body")
  curl "${args[@]}" "$BASE$path"
}
status_of() { tail -n 1 <<<"$1"; }
body_of() { sed '$d' <<<"$1"; }
expect() {
  local want=$1 what=$2 response=$3
  [[ "$(status_of "$response")" == "$want" ]] ||
    fail "$what: expected $want, got $(status_of "$response"): $(body_of "$response" | head -c 300)"
}
token_of() { grep -o '"token":"[0-9a-f]*"' <<<"$1" | grep -o '[0-9a-f]\{64\}'; }
register() {
  local r
  r=$(call POST /api/v1/auth/register "" "{\"email\":\"$1\",\"password\":\"correct horse\",\"role\":\"$2\"}")
  expect 201 "register $1" "$r"
  token_of "$r"
}
# Sends raw bytes on a fresh connection and prints the status line of the answer ("" if none).
raw() {
  local answer
  answer=$( (printf '%b' "$1"; sleep "${2:-1}") | timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; cat <&0 >&3 & head -n 1 <&3" 2>/dev/null || true)
  tr -d '\r' <<<"$answer"
}

start_server

echo "== the daily flow"
ADA=$(register ada@example.org person)
expect 200 "profile" "$(call PUT /api/v1/profile "$ADA" '{"birth_year":1985,"height_cm":172,"rope_experience":"some","rope":"beaded"}')"
expect 200 "screening" "$(call POST /api/v1/screening "$ADA" '{"saddle_numbness":false,"bladder_bowel_change":false,"progressive_leg_weakness":false,"major_trauma":false,"fever_unwell":false,"cancer_history":false,"unexplained_weight_loss":false,"constant_night_pain":false,"immunosuppression_or_iv_drugs":false,"osteoporosis_minor_trauma":false}')"
expect 201 "check-in" "$(call POST "/api/v1/checkins?date=2026-03-10" "$ADA" '{"pain":2,"feel":"good","notes":"ada only"}')"
expect 201 "today's check-in" "$(call POST /api/v1/checkins "$ADA" '{"pain":2,"feel":"good","notes":"ada only"}')"
expect 200 "plan of a date" "$(call GET /api/v1/plans/2026-03-10 "$ADA")"
expect 200 "today's plan" "$(call GET /api/v1/plans/today "$ADA")"
expect 201 "session" "$(call POST "/api/v1/sessions?date=2026-03-10" "$ADA" '{"completed":true,"rope_minutes":3,"pain_during_max":2,"pain_after":2}')"
expect 201 "follow-up" "$(call POST /api/v1/followups "$ADA" '{"session_date":"2026-03-10","pain":1}')"
expect 201 "PEG-3" "$(call POST /api/v1/measures/peg "$ADA" '{"average_pain":4,"enjoyment_interference":3,"activity_interference":5}')"
r=$(call GET /api/v1/export.csv "$ADA")
expect 200 "CSV export" "$r"
grep -q '^day,2026-03-10,2,good' <<<"$r" || fail "the CSV export lacks the day: $r"
printf 't_s,ax_g,ay_g,az_g\n' >"$WORK/rec.csv"
for i in $(seq 0 500); do printf '%d.%02d,0,0,1\n' $((i / 100)) $((i % 100)) >>"$WORK/rec.csv"; done
r=$(call POST "/api/v1/recordings?date=2026-03-10&placement=pocket&name=ada%20only.csv" "$ADA" "$(cat "$WORK/rec.csv")" text/csv)
expect 201 "a recording" "$r"
ADA_REC=$(body_of "$r" | grep -o '"id":[0-9]*' | head -n 1 | grep -o '[0-9]*')
echo ok

echo "== the authorization walk: every documented route as nobody, another person, a clinician"
BOB=$(register bob@example.org person)
# A clinician account needs an invite made on the server; each works once.
r=$(call POST /api/v1/auth/register "" '{"email":"carol@example.org","password":"correct horse","role":"clinician"}')
expect 422 "a clinician without an invite" "$r"
grep -q '"field":"invite"' <<<"$r" || fail "the refusal does not name the invite: $r"
INVITE=$("$BIN" --db "sqlite:$DB" clinician-invite 2>/dev/null) || fail "bounceback clinician-invite"
r=$(call POST /api/v1/auth/register "" "{\"email\":\"carol@example.org\",\"password\":\"correct horse\",\"role\":\"clinician\",\"invite\":\"$INVITE\"}")
expect 201 "a clinician with an invite" "$r"
CAROL=$(token_of "$r")
expect 422 "an invite used twice" "$(call POST /api/v1/auth/register "" "{\"email\":\"cy@example.org\",\"password\":\"correct horse\",\"role\":\"clinician\",\"invite\":\"$INVITE\"}")"
ADA_ID=$(call GET /api/v1/account "$ADA" | grep -o '"id":[0-9]*' | grep -o '[0-9]*')
CAROL_ID=$(call GET /api/v1/account "$CAROL" | grep -o '"id":[0-9]*' | grep -o '[0-9]*')
routes=$(curl -s "$BASE/api/v1/openapi.yaml" | awk '
  /^paths:/ {inside=1; next}
  /^[^ ]/ {inside=0}
  inside && /^  \/[^ ]*:$/ {path=$1; sub(/:$/, "", path)}
  inside && /^    (get|put|post|delete):$/ {m=$1; sub(/:$/, "", m); print toupper(m), path}')
[[ $(wc -l <<<"$routes") -gt 30 ]] || fail "the OpenAPI document lists too few routes: $routes"
public=" /healthz /readyz /api/v1/openapi.yaml /api/v1/auth/register /api/v1/auth/login /api/v1/catalog /api/v1/catalog/{id} /api/v1/safety-questions /api/v1/calendar/feeds/{feed} "
before=$(call GET /api/v1/export "$ADA")
walked=0
while read -r method pattern; do
  path=${pattern//\{date\}/2026-03-10}
  path=${path//\{person_id\}/$ADA_ID}
  path=${path//\{clinician_id\}/$CAROL_ID}
  if [[ $pattern == */recordings/* ]]; then path=${path//\{id\}/$ADA_REC}; else path=${path//\{id\}/cat_cow}; fi
  body=""
  [[ $method != GET ]] && body='{}'
  if [[ $public != *" $pattern "* ]]; then
    expect 401 "$method $path as nobody" "$(call "$method" "$path" "" "$body")"
  fi
  [[ $pattern == /api/v1/auth/logout || ($pattern == /api/v1/account && $method == DELETE) ]] && continue
  for who in BOB CAROL; do
    r=$(call "$method" "$path" "${!who}" "$body")
    if grep -q 'ada only\|ada@example' <<<"$r"; then fail "$method $path as $who shows Ada's data: $r"; fi
    if [[ $pattern == /api/v1/people/* ]]; then
      s=$(status_of "$r")
      [[ $s == 403 || $s == 404 ]] || fail "$method $path as $who: expected 403 or 404, got $s"
    fi
    [[ $(status_of "$r") != 5* ]] || fail "$method $path as $who: server error $(body_of "$r")"
  done
  walked=$((walked + 1))
done <<<"$routes"
[[ "$(call GET /api/v1/export "$ADA")" == "$before" ]] || fail "the walk changed Ada's records"
echo "ok ($walked routes)"

echo "== error statuses"
expect 415 "text/plain body" "$(call POST /api/v1/checkins "$ADA" '{"pain":3,"feel":"okay"}' text/plain)"
expect 400 "truncated JSON" "$(call POST /api/v1/checkins "$ADA" '{"pain":3,"fe')"
r=$(call POST /api/v1/checkins "$ADA" '{"pain":11,"feel":"okay"}')
expect 422 "pain out of range" "$r"
grep -q '"field":"checkin.pain"' <<<"$r" || fail "the error does not name the field: $r"
expect 409 "a session without a check-in" "$(call POST "/api/v1/sessions?date=2020-01-01" "$ADA" '{"completed":true,"rope_minutes":3,"pain_during_max":2,"pain_after":2}')"
expect 404 "an unknown route" "$(call GET /api/v1/nothing "$ADA")"
expect 405 "a wrong method" "$(call PATCH /api/v1/profile "$ADA")"
big=$(head -c 70000 /dev/zero | tr '\0' ' ')
expect 413 "a body over 64 KiB" "$(call POST /api/v1/checkins "$ADA" "{\"pain\":3,$big\"feel\":\"okay\"}")"
# Uploads alone may be larger: 1 MiB is read (and refused for what it holds), 17 MiB is not.
head -c 1048576 /dev/zero | tr '\0' 'x' >"$WORK/1mib.csv"
r=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $ADA" -H 'Content-Type: text/csv' --data-binary "@$WORK/1mib.csv" "$BASE/api/v1/recordings")
[[ $r == 422 ]] || fail "a 1 MiB upload of nonsense: expected 422, got $r"
head -c 17825792 /dev/zero | tr '\0' 'x' >"$WORK/17mib.csv"
r=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $ADA" -H 'Content-Type: text/csv' --data-binary "@$WORK/17mib.csv" "$BASE/api/v1/recordings")
[[ $r == 413 ]] || fail "a 17 MiB upload: expected 413, got $r"
rm -f "$WORK/1mib.csv" "$WORK/17mib.csv"
[[ "$(call GET /api/v1/export "$ADA")" == "$before" ]] || fail "rejected input changed Ada's records"
for i in 1 2 3 4 5; do call POST /api/v1/auth/login "" '{"email":"ada@example.org","password":"wrong password"}' >/dev/null; done
r=$(call POST /api/v1/auth/login "" '{"email":"ada@example.org","password":"correct horse"}')
expect 429 "a login after five failures" "$r"
echo ok

echo "== the app's files go in the encoding the browser accepts"
if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/")" == 200 ]]; then
  curl -s "$BASE/" >"$WORK/index.plain"
  script=$(grep -o 'assets/[^"]*\.js' "$WORK/index.plain" | head -n 1)
  [[ -n $script ]] || fail "index.html names no script"
  curl -s "$BASE/$script" >"$WORK/app.plain"
  for coding in br gzip; do
    headers=$(curl -s -D - -o "$WORK/app.$coding" -H "Accept-Encoding: $coding" "$BASE/$script")
    grep -qi "^Content-Encoding: $coding" <<<"$headers" || fail "$coding was asked for and not sent: $headers"
    grep -qi '^Vary: Accept-Encoding' <<<"$headers" || fail "no Vary: Accept-Encoding with $coding"
    (($(stat -c %s "$WORK/app.$coding") * 2 < $(stat -c %s "$WORK/app.plain"))) ||
      fail "the $coding script is not much smaller than the plain one"
  done
  gunzip -c "$WORK/app.gzip" | cmp -s - "$WORK/app.plain" || fail "the gzip script does not unpack to the script"
  if command -v node >/dev/null; then
    node -e 'const z = require("zlib"), fs = require("fs");
      process.exit(z.brotliDecompressSync(fs.readFileSync(process.argv[1])).equals(fs.readFileSync(process.argv[2])) ? 0 : 1)' \
      "$WORK/app.br" "$WORK/app.plain" || fail "the Brotli script does not unpack to the script"
  fi
  headers=$(curl -s -D - -o /dev/null "$BASE/$script")
  ! grep -qi '^Content-Encoding' <<<"$headers" || fail "a client that asked for no encoding got one"
  echo ok
else
  echo "SKIPPED: this binary has no web app built in"
fi

echo "== malformed HTTP is answered or cut off"
[[ "$(raw 'GARBAGE\r\n\r\n')" == "HTTP/1.1 400 Bad Request" ]] || fail "a bad request line"
[[ "$(raw 'GET /healthz HTTP/1.1\r\nHost localhost\r\n\r\n')" == "HTTP/1.1 400 Bad Request" ]] || fail "a header without a colon"
[[ "$(raw 'POST /api/v1/checkins HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n')" == "HTTP/1.1 400 Bad Request" ]] || fail "a bad Content-Length"
long=$(head -c 20000 /dev/zero | tr '\0' 'a')
[[ "$(raw "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: $long\r\n\r\n")" == "HTTP/1.1 431 Request Header Fields Too Large" ]] || fail "an oversized header"
[[ "$(raw 'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n')" == "HTTP/1.1 413 Payload Too Large" ]] || fail "a huge Content-Length"
[[ "$(raw 'GET http://evil.example/healthz HTTP/1.1\r\nHost: x\r\n\r\n')" == "HTTP/1.1 400 Bad Request" ]] || fail "an absolute target"
echo ok

echo "== a client sending one byte a second is cut off while others are served"
slow_started=$(date +%s)
(
  trap '' PIPE  # a write to the closed socket should fail, not kill this subshell
  exec 3<>"/dev/tcp/127.0.0.1/$PORT"
  request=$'GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n'
  for ((i = 0; i < ${#request}; i++)); do
    printf '%s' "${request:i:1}" >&3 2>/dev/null || break
    sleep 1
  done
  echo "slow client wrote $i bytes" >"$WORK/slow.done"
) &
slow=$!
for i in $(seq 1 10); do
  t=$(curl -s -o /dev/null -w '%{time_total}' --max-time 2 "$BASE/healthz") || fail "a normal client was not served while the slow one dripped"
  awk -v t="$t" 'BEGIN { exit !(t < 1.0) }' || fail "a normal request took ${t}s"
  sleep 0.2
done
wait "$slow" || true
slow_seconds=$(($(date +%s) - slow_started))
written=$(grep -o '[0-9]*' "$WORK/slow.done" || echo unknown)
[[ $written != unknown ]] || fail "the slow client did not finish"
((written < 10)) || fail "the slow client was not cut off ($written bytes in ${slow_seconds}s)"
echo "ok (cut off after $written bytes, ${slow_seconds}s)"

echo "== SIGKILL in the middle of a stream of writes, then a restart"
acked="$WORK/acked"
: >"$acked"
(
  for i in $(seq 0 299); do
    day=$(date -u -d "2024-01-01 + $i days" +%F)
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -X POST \
      -H "Authorization: Bearer $BOB" -H 'Content-Type: application/json' \
      --data "{\"pain\":$((i % 11)),\"feel\":\"okay\",\"notes\":\"write $i\"}" \
      "$BASE/api/v1/checkins?date=$day") || break
    [[ "$code" == 201 ]] || break
    echo "$day $i" >>"$acked"
  done
) &
writer=$!
for _ in $(seq 1 200); do
  (($(wc -l <"$acked") >= 20)) && break
  sleep 0.05
done
kill -KILL "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
wait "$writer" || true
count=$(wc -l <"$acked")
((count >= 20)) || fail "only $count writes were acknowledged before the kill"
[[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" == ok ]] || fail "integrity check after SIGKILL"
start_server
while read -r day i; do
  r=$(call GET "/api/v1/checkins/$day" "$BOB")
  expect 200 "acknowledged write $i ($day) after the restart" "$r"
  grep -q "\"write $i\"" <<<"$r" || fail "write $i came back different: $r"
done <"$acked"
echo "ok ($count acknowledged writes all present)"

echo "== SIGTERM drains and exits cleanly"
stop_server
[[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" == ok ]] || fail "integrity check after SIGTERM"
echo ok

echo "== TLS"
(cd "$WORK" && "$BIN" cert --cert "$WORK/cert.pem" --key "$WORK/key.pem" >/dev/null) || fail "bounceback cert"
start_server --tls-cert "$WORK/cert.pem" --tls-key "$WORK/key.pem"
r=$(curl -s -i --cacert "$WORK/cert.pem" -X POST -H 'Content-Type: application/json' \
  --data '{"email":"dan@example.org","password":"correct horse"}' "$BASE/api/v1/auth/register")
grep -qi '^set-cookie: bb_session=.*; Secure' <<<"$r" || fail "no Secure cookie under TLS: $r"
[[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")" != 200 ]] || fail "plain HTTP answered on the TLS port"
stop_server
echo ok
