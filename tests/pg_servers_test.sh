#!/usr/bin/env bash
# Server instances on one PostgreSQL database keep no state of their own:
#  1. a login session opened on one instance is served by another, and logging out on one ends
#     it on both; what one instance writes, the other reads, and a plan one instance keeps is not
#     sent again once the other has changed the records;
#  2. an instance killed with SIGKILL in the middle of a stream of writes loses none of the writes
#     it acknowledged: after a restart every one of them is there, and the database passes
#     pg_amcheck.
#
# usage: pg_servers_test.sh BOUNCEBACK_BINARY PG_STATE_DIR
# PG_STATE_DIR is where tests/pg/pg_harness.sh keeps the server's url. Exits 77 (skipped) when
# there is no PostgreSQL server, no curl, or a binary whose serve command does not take
# PostgreSQL URLs.
set -euo pipefail

readonly SKIP=77
readonly BIN=$1
readonly STATE=$2

skip() {
  echo "SKIPPED: $*"
  exit "$SKIP"
}
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

[[ -s "$STATE/url" ]] || skip "no PostgreSQL test server ($(cat "$STATE/unavailable" 2>/dev/null))"
command -v curl >/dev/null || skip "curl is not installed"
"$BIN" --help 2>/dev/null | grep -qE "^ +serve( |$)" || skip "this bounceback has no serve command"
"$BIN" serve --help 2>/dev/null | grep -qi "postgres" || skip "this bounceback serves only SQLite"

readonly SERVER_URL=$(cat "$STATE/url")
readonly PSQL="$(cat "$STATE/bindir")/psql"
readonly DATABASE="bb_servers_$$"
readonly DB_URL="${SERVER_URL%/*}/$DATABASE"
WORK=$(mktemp -d)
readonly WORK
declare -A PIDS=()

cleanup() {
  local name
  for name in "${!PIDS[@]}"; do
    kill -TERM "${PIDS[$name]}" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  "$PSQL" "$SERVER_URL" -qc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$PSQL" "$SERVER_URL" -qc "CREATE DATABASE $DATABASE" >/dev/null

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# start_server NAME: starts an instance on a free port; its address goes to ADDRESS[NAME].
declare -A ADDRESS=()
start_server() {
  local name=$1 attempt port
  for attempt in 1 2 3 4 5; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    port_in_use "$port" && continue
    "$BIN" serve --listen "127.0.0.1:$port" --db "$DB_URL" --password-cost minimal \
      >>"$WORK/$name.log" 2>&1 &
    PIDS[$name]=$!
    local tries
    for tries in $(seq 1 100); do
      if curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; then
        ADDRESS[$name]="http://127.0.0.1:$port"
        return 0
      fi
      kill -0 "${PIDS[$name]}" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "${PIDS[$name]}" 2>/dev/null || true
    wait "${PIDS[$name]}" 2>/dev/null || true
    unset "PIDS[$name]"
  done
  cat "$WORK/$name.log" >&2
  fail "server $name did not become ready"
}

# call METHOD URL [TOKEN] [JSON]: prints the body, then the status code on a line of its own.
call() {
  local method=$1 url=$2 token=${3:-} body=${4:-}
  local args=(-s -X "$method" -w '\n%{http_code}' --max-time 10)
  [[ -n "$token" ]] && args+=(-H "Authorization: Bearer $token")
  [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data "$body")
  curl "${args[@]}" "$url"
}
status_of() { tail -n 1 <<<"$1"; }
body_of() { sed '$d' <<<"$1"; }
token_of() { grep -o '"token": *"[0-9a-f]*"' <<<"$1" | grep -o '[0-9a-f]\{64\}'; }

expect_status() {
  local want=$1 what=$2 response=$3
  [[ "$(status_of "$response")" == "$want" ]] ||
    fail "$what: expected $want, got $(status_of "$response"): $(body_of "$response")"
}

readonly PASSWORD='correct horse battery staple'

echo "== a session opened on one instance is served by the other"
start_server a
start_server b
A=${ADDRESS[a]}
B=${ADDRESS[b]}

r=$(call POST "$A/api/v1/auth/register" "" "{\"email\":\"ana@example.org\",\"password\":\"$PASSWORD\"}")
expect_status 201 "register on a" "$r"
token=$(token_of "$(body_of "$r")")
[[ -n "$token" ]] || fail "register gave no token: $(body_of "$r")"

r=$(call GET "$B/api/v1/account" "$token")
expect_status 200 "account on b with a's token" "$r"
grep -q 'ana@example.org' <<<"$r" || fail "b does not know the account: $(body_of "$r")"

r=$(call POST "$A/api/v1/checkins?date=2026-03-01" "$token" '{"pain":3,"feel":"okay","notes":"written on a"}')
expect_status 201 "check-in on a" "$r"
r=$(call GET "$B/api/v1/checkins/2026-03-01" "$token")
expect_status 200 "the check-in read on b" "$r"
grep -q 'written on a' <<<"$r" || fail "b reads another check-in: $(body_of "$r")"

# A plan one instance keeps is not sent again once the other instance has changed the records.
no_flags='{"saddle_numbness":false,"bladder_bowel_change":false,"progressive_leg_weakness":false,"major_trauma":false,"fever_unwell":false,"cancer_history":false,"unexplained_weight_loss":false,"constant_night_pain":false,"immunosuppression_or_iv_drugs":false,"osteoporosis_minor_trauma":false}'
r=$(call POST "$A/api/v1/screening?date=2026-03-01" "$token" "$no_flags")
expect_status 200 "screen on a" "$r"
r=$(call GET "$A/api/v1/plans/2026-03-01" "$token")
expect_status 200 "the plan on a" "$r"
first_plan=$(body_of "$r")
r=$(call GET "$A/api/v1/plans/2026-03-01" "$token")
[[ "$(body_of "$r")" == "$first_plan" ]] || fail "the same records gave another plan on a"
r=$(call POST "$B/api/v1/checkins?date=2026-03-01" "$token" '{"pain":8,"feel":"sensitive","notes":"worse, on b"}')
expect_status 201 "a worse check-in on b" "$r"
r=$(call GET "$A/api/v1/plans/2026-03-01" "$token")
expect_status 200 "the plan on a after b's write" "$r"
plan_on_a=$(body_of "$r")
r=$(call GET "$B/api/v1/plans/2026-03-01" "$token")
[[ "$plan_on_a" != "$first_plan" ]] || fail "a sent its kept plan after b changed the check-in"
[[ "$plan_on_a" == "$(body_of "$r")" ]] || fail "a and b give different plans for the same records"

r=$(call POST "$B/api/v1/auth/login" "" "{\"email\":\"ana@example.org\",\"password\":\"$PASSWORD\"}")
expect_status 200 "login on b" "$r"
second_token=$(token_of "$(body_of "$r")")
r=$(call GET "$A/api/v1/account" "$second_token")
expect_status 200 "account on a with b's token" "$r"

r=$(call POST "$B/api/v1/auth/logout" "$token")
expect_status 204 "logout on b" "$r"
r=$(call GET "$A/api/v1/account" "$token")
expect_status 401 "the logged-out token on a" "$r"
r=$(call GET "$A/api/v1/account")
expect_status 401 "no token on a" "$r"
echo "ok"

echo "== SIGKILL in the middle of a stream of writes loses no acknowledged write"
token=$second_token
acked="$WORK/acked"
: >"$acked"
# The writer acknowledges a date only after the server answered 201; it stops at the first error.
(
  for i in $(seq 0 399); do
    day=$(date -u -d "2024-01-01 + $i days" +%F)
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -X POST \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data "{\"pain\":$((i % 11)),\"feel\":\"good\",\"notes\":\"write $i\"}" \
      "$A/api/v1/checkins?date=$day") || break
    [[ "$code" == 201 ]] || break
    echo "$day $((i % 11))" >>"$acked"
  done
) &
writer=$!
for _ in $(seq 1 200); do
  (($(wc -l <"$acked") >= 25)) && break
  sleep 0.05
done
kill -KILL "${PIDS[a]}"
wait "${PIDS[a]}" 2>/dev/null || true
unset "PIDS[a]"
wait "$writer" || true
count=$(wc -l <"$acked")
((count >= 25)) || fail "only $count writes were acknowledged before the kill"
echo "killed after $count acknowledged writes"

start_server a
A=${ADDRESS[a]}
missing=0
while read -r day pain; do
  r=$(call GET "$A/api/v1/checkins/$day" "$token")
  if [[ "$(status_of "$r")" != 200 ]] || ! grep -q "\"pain\": *$pain[,}]" <<<"$r"; then
    echo "missing or wrong after restart: $day: $r" >&2
    missing=$((missing + 1))
  fi
done <"$acked"
((missing == 0)) || fail "$missing of $count acknowledged writes are missing"
echo "all $count acknowledged writes are there"

# pg_amcheck checks every table and index of the database (the extension comes with the server).
if [[ -x "$(dirname "$PSQL")/pg_amcheck" ]]; then
  "$(dirname "$PSQL")/pg_amcheck" --install-missing "$DB_URL" >"$WORK/amcheck.log" 2>&1 ||
    fail "pg_amcheck: $(cat "$WORK/amcheck.log")"
  echo "pg_amcheck: no corruption"
fi

# The terminal commands take the same URL: a screen, a check-in, then its plan, on PostgreSQL.
"$BIN" --db "$DB_URL" screen --none --date 2026-03-09 >"$WORK/cli.out" 2>&1 ||
  fail "screen on PostgreSQL: $(cat "$WORK/cli.out")"
"$BIN" --db "$DB_URL" checkin --date 2026-03-10 --pain 2 --feel good >"$WORK/cli.out" 2>&1 ||
  fail "checkin on PostgreSQL: $(cat "$WORK/cli.out")"
"$BIN" --db "$DB_URL" plan --date 2026-03-10 --json >"$WORK/plan.json" 2>&1 ||
  fail "plan on PostgreSQL: $(cat "$WORK/plan.json")"
grep -q '"day_type"' "$WORK/plan.json" || fail "no plan from PostgreSQL: $(head -c 300 "$WORK/plan.json")"
[[ $("$PSQL" "$DB_URL" -tAc "SELECT COUNT(*) FROM checkins WHERE person_id = 1") == 1 ]] ||
  fail "the terminal's check-in is not in PostgreSQL"
echo "the terminal commands work on PostgreSQL"
echo "ok"
