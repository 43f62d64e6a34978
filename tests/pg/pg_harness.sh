#!/usr/bin/env bash
# A throw-away PostgreSQL server for tests, on loopback only.
#
#   pg_harness.sh start STATE_DIR   start a server; writes STATE_DIR/url when it is up
#   pg_harness.sh stop STATE_DIR    stop it and remove its files (safe to repeat)
#   pg_harness.sh url STATE_DIR     print the URL of the running server
#
# When the PostgreSQL server programs are not installed, `start` says so, writes no url and
# exits 0: the tests that need the server then skip. PG_BINDIR names the folder of initdb and
# pg_ctl when they are neither on PATH nor in the usual Debian place.
#
# PostgreSQL refuses to run as root, so as root the server runs as a system user
# (bounceback-test, created when missing, or nobody when users cannot be added); otherwise it
# runs as the caller.
set -euo pipefail

TEST_USER=bounceback-test
readonly DB_ROLE=bounceback

usage() {
  echo "usage: $0 start|stop|url STATE_DIR" >&2
  exit 2
}

find_bindir() {
  if [[ -n "${PG_BINDIR:-}" && -x "$PG_BINDIR/initdb" ]]; then
    echo "$PG_BINDIR"
    return
  fi
  # Through links, to the folder that also holds psql and pg_amcheck.
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return
  fi
  # Debian keeps the server programs out of PATH, one folder per major version: take the newest.
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return
    fi
  done
}

# Runs a command as the user that owns the server.
as_server_user() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u "$TEST_USER" -- "$@"
  else
    "$@"
  fi
}

ensure_server_user() {
  [[ "$(id -u)" == 0 ]] || return 0
  id -u "$TEST_USER" >/dev/null 2>&1 && return 0
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
    "$TEST_USER" 2>/dev/null && return 0
  id -u "$TEST_USER" >/dev/null 2>&1 && return 0  # a parallel run won the race
  TEST_USER=nobody
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local state=$1
  mkdir -p "$state"
  if [[ -f "$state/url" ]]; then
    echo "pg_harness: a server is already recorded in $state; stopping it first"
    stop "$state"
  fi
  rm -f "$state/url" "$state/unavailable"

  local bindir
  bindir=$(find_bindir)
  if [[ -z "$bindir" ]]; then
    echo "PostgreSQL server programs (initdb, pg_ctl) not found" | tee "$state/unavailable"
    return 0
  fi

  ensure_server_user
  local root
  # A short path: the socket path must fit in 107 bytes, and the server user must reach it.
  root=$(mktemp -d /tmp/bb-pg.XXXXXX)
  echo "$root" >"$state/root"
  echo "$bindir" >"$state/bindir"
  echo "$TEST_USER" >"$state/user"
  chmod 755 "$root"
  [[ "$(id -u)" == 0 ]] && chown "$TEST_USER:" "$root"

  # Durability settings are off: a test server loses nothing that matters when the machine
  # crashes, and stopping a process (even with SIGKILL) still keeps every committed write.
  as_server_user "$bindir/initdb" --pgdata="$root/data" --username="$DB_ROLE" --auth=trust \
    --encoding=UTF8 --locale=C --no-sync >"$root/initdb.log" 2>&1 || {
    cat "$root/initdb.log" >&2
    return 1
  }
  cat >>"$root/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$root'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 16MB
EOF
  # Trust only on loopback; no other address can reach the server anyway.
  cat >"$root/data/pg_hba.conf" <<EOF
local all $DB_ROLE trust
host all $DB_ROLE 127.0.0.1/32 trust
EOF

  local attempt port
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    port_in_use "$port" && continue
    if as_server_user "$bindir/pg_ctl" --pgdata="$root/data" --log="$root/server.log" \
      --options="-p $port" --wait --timeout=30 start </dev/null >>"$root/pg_ctl.log" 2>&1; then
      echo "$port" >"$state/port"
      echo "postgresql://$DB_ROLE@127.0.0.1:$port/postgres" >"$state/url"
      echo "pg_harness: PostgreSQL on 127.0.0.1:$port (data in $root)"
      return 0
    fi
    # Another process may have taken the port between the check and the start: try another.
    grep -q "could not bind\|Address already in use" "$root/server.log" 2>/dev/null || break
  done
  echo "pg_harness: the server did not start (attempt $attempt)" >&2
  cat "$root/pg_ctl.log" "$root/server.log" >&2 2>/dev/null || true
  return 1
}

stop() {
  local state=$1
  local root bindir
  root=$(cat "$state/root" 2>/dev/null || true)
  bindir=$(cat "$state/bindir" 2>/dev/null || true)
  TEST_USER=$(cat "$state/user" 2>/dev/null || echo "$TEST_USER")
  rm -f "$state/url" "$state/port"
  if [[ -n "$root" && -d "$root/data" && -n "$bindir" ]]; then
    as_server_user "$bindir/pg_ctl" --pgdata="$root/data" --mode=fast --wait --timeout=30 stop \
      </dev/null >/dev/null 2>&1 ||
      as_server_user "$bindir/pg_ctl" --pgdata="$root/data" --mode=immediate stop \
        </dev/null >/dev/null 2>&1 || true
  fi
  # Only remove what this harness made.
  if [[ -n "$root" && "$(basename "$root")" == bb-pg.* ]]; then
    rm -rf "$root"
  fi
  rm -f "$state/root" "$state/bindir" "$state/user" "$state/unavailable"
}

url() {
  local state=$1
  [[ -f "$state/url" ]] || {
    echo "pg_harness: no server is running for $state" >&2
    return 1
  }
  cat "$state/url"
}

[[ $# == 2 ]] || usage
case "$1" in
  # A start that fails halfway leaves no server and no folder behind.
  start) start "$2" || {
    stop "$2"
    exit 1
  } ;;
  stop) stop "$2" ;;
  url) url "$2" ;;
  *) usage ;;
esac
