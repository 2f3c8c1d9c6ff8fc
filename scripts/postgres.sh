#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and local runs, on loopback only.
#
#   bash scripts/postgres.sh start    install PostgreSQL if missing, start a fresh cluster, print its connection string
#   bash scripts/postgres.sh stop     stop the server `start` started and delete its data
#   bash scripts/postgres.sh restart  stop and start the server `start` started, keeping its data (outage tests)
#   bash scripts/postgres.sh status   say whether a server answers and whether this script owns it
#
# Environment:
#   ACTORS_PG_PORT   TCP port on 127.0.0.1 (default 55432; not 5432, so a system server is never touched)
#   ACTORS_PG_STATE  directory holding the cluster's data, log and pid (default /tmp/actors-pg)
#
# The cluster is disposable (trust authentication, data deleted on stop) but keeps fsync on: the tests prove
# durability, and a server that loses acknowledged commits on a crash would make those proofs worthless.
set -euo pipefail

readonly PORT="${ACTORS_PG_PORT:-55432}"
readonly STATE="${ACTORS_PG_STATE:-/tmp/actors-pg}"
readonly HOST=127.0.0.1
# Written into the state dir by `start`: `stop` deletes only a directory carrying it.
readonly MARKER="$STATE/.actors-pg"
readonly CONNECTION_STRING="Host=$HOST;Port=$PORT;Username=postgres;Database=postgres"

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# The newest installed server's bin directory, or nothing.
find_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/pg_ctl" ]]; then
    printf '%s\n' "$dir"
  fi
}

ensure_installed() {
  BINDIR="$(find_bindir)"
  if [[ -n "$BINDIR" ]]; then
    return
  fi

  [[ $EUID -eq 0 ]] || die "PostgreSQL is not installed and installing it needs root: run 'apt-get install -y postgresql' as root."
  log "PostgreSQL binaries not found; installing Debian's postgresql package"
  # The package lists may be stale or absent on a fresh machine; refresh them only when the install fails.
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  fi

  BINDIR="$(find_bindir)"
  [[ -n "$BINDIR" ]] || die "apt-get installed postgresql but no /usr/lib/postgresql/*/bin/pg_ctl exists."
}

# Runs a server binary as the postgres OS user when we are root (postgres refuses to run as root).
# cd / first: the postgres user usually cannot read root's working directory.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# 0 when a server accepts connections on $HOST:$PORT.
answers() {
  "$BINDIR/pg_isready" -q -h "$HOST" -p "$PORT" -t 2
}

# The postmaster pid recorded by `start`, when that process is still the server of our data directory.
owned_pid() {
  [[ -f "$MARKER" && -f "$STATE/server.pid" && -f "$STATE/data-dir" ]] || return 1
  local pid data
  pid="$(cat "$STATE/server.pid")"
  data="$(cat "$STATE/data-dir")"
  # The pid alone could have been reused by another process; the server's own pid file ties it to our data dir.
  [[ -f "$data/postmaster.pid" && "$(head -n 1 "$data/postmaster.pid")" == "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  printf '%s\n' "$pid"
}

# Deletes the state dir, but only one this script created.
remove_state() {
  if [[ -d "$STATE" ]]; then
    [[ -f "$MARKER" ]] || die "$STATE exists but was not created by this script (no $MARKER); refusing to delete it."
    rm -rf -- "$STATE"
  fi
}

wait_until_ready() {
  local deadline=$((SECONDS + 60))
  until answers; do
    if ((SECONDS >= deadline)); then
      log "server did not accept connections within 60 s; its log:"
      tail -n 50 "$STATE/postgres.log" >&2 || true
      die "PostgreSQL on $HOST:$PORT did not become ready."
    fi
    sleep 0.2
  done
}

cmd_start() {
  ensure_installed

  if answers; then
    if owned_pid >/dev/null; then
      log "already running (started by this script, data in $(cat "$STATE/data-dir"))"
    else
      log "a PostgreSQL server already answers on $HOST:$PORT; reusing it (not started by this script, so 'stop' will leave it running)"
    fi
    printf '%s\n' "$CONNECTION_STRING"
    return
  fi

  # A state dir without a live server is left over from a crash or a reboot: start over from a fresh directory.
  if [[ -d "$STATE" ]]; then
    log "removing stale state in $STATE (its server is not running)"
    remove_state
  fi

  mkdir -p "$STATE"
  touch "$MARKER"
  chmod 0755 "$STATE"
  local data="$STATE/data" run="$STATE/run" logfile="$STATE/postgres.log"
  mkdir -p "$data" "$run"
  chmod 0700 "$data"
  touch "$logfile"
  if [[ $EUID -eq 0 ]]; then
    chown postgres:postgres "$data" "$run" "$logfile"
  fi
  printf '%s\n' "$data" >"$STATE/data-dir"
  printf '%s\n' "$PORT" >"$STATE/port"

  log "initializing a throwaway cluster in $data ($("$BINDIR/postgres" --version))"
  as_postgres "$BINDIR/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-instructions >/dev/null

  # Loopback TCP only, plus a Unix socket in our own directory (the packaged /var/run/postgresql may not exist).
  cat >"$data/pg_hba.conf" <<'EOF'
# Throwaway test cluster: trust, and only from this machine.
local all all              trust
host  all all 127.0.0.1/32 trust
EOF
  cat >>"$data/postgresql.conf" <<EOF

# Set by scripts/postgres.sh
listen_addresses = '$HOST'
port = $PORT
unix_socket_directories = '$run'
fsync = on
synchronous_commit = on
full_page_writes = on
# Test runs open several pools at once (one per silo or storage under test).
max_connections = 200
EOF

  if ! as_postgres "$BINDIR/pg_ctl" -D "$data" -l "$logfile" -w -t 60 start >/dev/null; then
    log "pg_ctl could not start the server; its log:"
    tail -n 50 "$logfile" >&2 || true
    die "PostgreSQL did not start on $HOST:$PORT (state left in $STATE for inspection; 'start' again cleans it up)."
  fi
  head -n 1 "$data/postmaster.pid" >"$STATE/server.pid"
  wait_until_ready
  log "started PostgreSQL (pid $(cat "$STATE/server.pid")) on $HOST:$PORT"
  printf '%s\n' "$CONNECTION_STRING"
}

cmd_stop() {
  if [[ ! -f "$MARKER" ]]; then
    log "nothing to stop: no server started by this script (no state in $STATE)"
    return
  fi

  local pid data
  data="$(cat "$STATE/data-dir" 2>/dev/null || true)"
  if pid="$(owned_pid)"; then
    BINDIR="$(find_bindir)"
    [[ -n "$BINDIR" ]] || die "cannot find pg_ctl to stop the server (pid $pid)."
    log "stopping PostgreSQL (pid $pid, data in $data)"
    as_postgres "$BINDIR/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
  else
    log "the server started by this script is not running"
  fi

  remove_state
  log "removed $STATE"
}

cmd_restart() {
  local pid data
  pid="$(owned_pid)" || die "no server started by this script runs on $HOST:$PORT; nothing to restart."
  data="$(cat "$STATE/data-dir")"
  BINDIR="$(find_bindir)"
  log "restarting PostgreSQL (pid $pid, data in $data)"
  as_postgres "$BINDIR/pg_ctl" -D "$data" -l "$STATE/postgres.log" -m fast -w -t 60 restart >/dev/null
  head -n 1 "$data/postmaster.pid" >"$STATE/server.pid"
  wait_until_ready
  log "restarted PostgreSQL (pid $(cat "$STATE/server.pid")) on $HOST:$PORT"
}

cmd_status() {
  local pid
  ensure_installed
  if answers; then
    if pid="$(owned_pid)"; then
      log "running on $HOST:$PORT (pid $pid, started by this script)"
    else
      log "a server answers on $HOST:$PORT (not started by this script)"
    fi
    printf '%s\n' "$CONNECTION_STRING"
  else
    log "no server answers on $HOST:$PORT"
    return 1
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_restart ;;
  status) cmd_status ;;
  *)
    printf 'usage: %s start|stop|restart|status\n' "$0" >&2
    exit 2
    ;;
esac
