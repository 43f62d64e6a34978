# Sourced by the tests that drive the real `bounceback serve`: a scratch folder, a server on a
# free loopback port over a SQLite file in it (or the database DB_URL names), and cleanup on exit.
# The caller sets BIN (the binary) first, and may set SERVER_ARGS (extra options for every start),
# SERVER_NOFILE (the server's `ulimit -n`, "SOFT" or "SOFT:HARD") and DB_URL (the --db of every
# start; use_pg_database sets it to a fresh PostgreSQL database).
WORK=$(mktemp -d)
readonly WORK
readonly DB="$WORK/bounceback.db"
SERVER_PID=""
BASE=""  # http://127.0.0.1:PORT, or https:// under TLS
PORT=""
SERVER_ARGS=${SERVER_ARGS:-}
SERVER_NOFILE=${SERVER_NOFILE:-}
DB_URL=${DB_URL:-}
PG_STATE=""     # the folder of tests/pg/pg_harness.sh, once use_pg_database ran
PG_DATABASE=""  # the database use_pg_database made, dropped on exit

harness_cleanup() {
  [[ -n "$SERVER_PID" ]] && kill -KILL "$SERVER_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  if [[ -n "$PG_DATABASE" ]]; then
    "$(cat "$PG_STATE/bindir")/psql" "$(cat "$PG_STATE/url")" -qc "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)" \
      >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap harness_cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  [[ -f "$WORK/server.log" ]] && tail -n 20 "$WORK/server.log" >&2
  exit 1
}

# use_pg_database PG_STATE_DIR NAME: creates database NAME on the server tests/pg/pg_harness.sh
# runs (PG_STATE_DIR/url) and points DB_URL at it; the database is dropped on exit.
use_pg_database() {
  PG_STATE=$1
  "$(cat "$PG_STATE/bindir")/psql" "$(cat "$PG_STATE/url")" -qc "CREATE DATABASE $2" >/dev/null
  PG_DATABASE=$2
  DB_URL=$(sed "s|/[^/]*$|/$2|" "$PG_STATE/url")
}

# on_sqlite_then_postgresql PG_STATE_DIR DATABASE FUNCTION: runs FUNCTION sqlite on the SQLite
# file, then FUNCTION postgresql on a fresh database DATABASE when pg_harness.sh has a server.
on_sqlite_then_postgresql() {
  DB_URL=""
  "$3" sqlite
  if [[ -s "$1/url" ]]; then
    use_pg_database "$1" "$2"
    "$3" postgresql
  else
    echo "PostgreSQL half not run: no test server ($(cat "$1/unavailable" 2>/dev/null || echo unknown))"
  fi
}

# start_server [OPTION...]: options after SERVER_ARGS (--tls-cert/--tls-key switch to https), on
# DB_URL, or on the SQLite file $DB when DB_URL is empty.
start_server() {
  : >"$WORK/server.out"
  local limit=(env)
  if [[ -n "$SERVER_NOFILE" ]]; then
    local soft=${SERVER_NOFILE%%:*} hard=${SERVER_NOFILE#*:}
    # exec keeps the pid: the limits apply to the server alone, not to this script.
    limit=(bash -c "ulimit -Sn $soft && ulimit -Hn $hard && exec \"\$@\"" limit)
  fi
  # shellcheck disable=SC2086  # SERVER_ARGS is a list of words
  "${limit[@]}" "$BIN" serve --listen 127.0.0.1:0 --db "${DB_URL:-sqlite:$DB}" --password-cost minimal $SERVER_ARGS "$@" \
    >"$WORK/server.out" 2>>"$WORK/server.log" &
  SERVER_PID=$!
  local scheme=http
  [[ " $* " == *" --tls-cert "* ]] && scheme=https
  for _ in $(seq 1 300); do
    PORT=$(sed -n 's|.*://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/server.out")
    if [[ -n "$PORT" ]]; then
      BASE="$scheme://127.0.0.1:$PORT"
      curl -ksf -o /dev/null "$BASE/healthz" && return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  fail "the server did not start on ${DB_URL:-sqlite:$DB}"
}

# Stops the server with SIGTERM; fails unless it drains and exits with 0.
stop_server() {
  kill -TERM "$SERVER_PID"
  local rc=0
  wait "$SERVER_PID" || rc=$?
  SERVER_PID=""
  [[ $rc == 0 ]] || fail "the server exited with $rc after SIGTERM"
}

# call METHOD PATH TOKEN [JSON]: the body goes to $WORK/body, the headers to $WORK/headers; fails
# unless the status is 2xx (prefixed with $STORE, if set). A test that wants the status back
# instead defines its own call after sourcing this file.
call() {
  local args=(-ks -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X "$1" --max-time 10
              -H "Authorization: Bearer $3")
  [[ $# -ge 4 ]] && args+=(-H 'Content-Type: application/json' --data "$4")
  local status
  status=$(curl "${args[@]}" "$BASE$2")
  [[ $status == 2* ]] || fail "${STORE:+$STORE: }$1 $2 answered $status: $(cat "$WORK/body")"
}
