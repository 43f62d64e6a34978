# Sourced by the tests that drive the real `bounceback serve`: a scratch folder, a server on a
# free loopback port over a SQLite file in it, and cleanup on exit. The caller sets BIN (the
# binary) first, and may set SERVER_ARGS (extra options for every start) and SERVER_NOFILE (the
# server's `ulimit -n`, "SOFT" or "SOFT:HARD").
WORK=$(mktemp -d)
readonly WORK
readonly DB="$WORK/bounceback.db"
SERVER_PID=""
BASE=""  # http://127.0.0.1:PORT, or https:// under TLS
PORT=""
SERVER_ARGS=${SERVER_ARGS:-}
SERVER_NOFILE=${SERVER_NOFILE:-}

harness_cleanup() {
  [[ -n "$SERVER_PID" ]] && kill -KILL "$SERVER_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap harness_cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  [[ -f "$WORK/server.log" ]] && tail -n 20 "$WORK/server.log" >&2
  exit 1
}

# start_server [OPTION...]: options after SERVER_ARGS (--tls-cert/--tls-key switch to https).
start_server() {
  : >"$WORK/server.out"
  local limit=(env)
  if [[ -n "$SERVER_NOFILE" ]]; then
    local soft=${SERVER_NOFILE%%:*} hard=${SERVER_NOFILE#*:}
    # exec keeps the pid: the limits apply to the server alone, not to this script.
    limit=(bash -c "ulimit -Sn $soft && ulimit -Hn $hard && exec \"\$@\"" limit)
  fi
  # shellcheck disable=SC2086  # SERVER_ARGS is a list of words
  "${limit[@]}" "$BIN" serve --listen 127.0.0.1:0 --db "sqlite:$DB" --password-cost minimal $SERVER_ARGS "$@" \
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
  fail "the server did not start"
}

# Stops the server with SIGTERM; fails unless it drains and exits with 0.
stop_server() {
  kill -TERM "$SERVER_PID"
  local rc=0
  wait "$SERVER_PID" || rc=$?
  SERVER_PID=""
  [[ $rc == 0 ]] || fail "the server exited with $rc after SIGTERM"
}
