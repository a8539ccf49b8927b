#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15:
#   scripts/with-postgres.sh npm run test:integration
# initdb into a temp dir, start on 127.0.0.1 (PG_PORT, default 54329, or the next free port) with
# trust auth, export DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres, run the command, then
# stop the server and remove the temp dir. Exits with the command's exit code.
# The PostgreSQL binaries refuse to run as root, so as root they run as user postgres.
set -uo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
log() { echo "with-postgres: $*" >&2; }

if [ ! -x "$PG_BIN/postgres" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    log "installing postgresql-15 with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq &&
      apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql-15 >/dev/null || {
      log "apt-get install postgresql-15 failed"
      exit 1
    }
  else
    log "$PG_BIN/postgres is missing; install it with: sudo apt-get install -y postgresql-15"
    exit 1
  fi
fi

# Run the server binaries as user postgres when we are root (they refuse root).
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres || exit 1
  fi
  as_pg() { runuser -u postgres -- "$@"; }
  OWNER=postgres
else
  as_pg() { "$@"; }
  OWNER="$(id -un)"
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT="${PG_PORT:-54329}"
for _ in $(seq 1 50); do
  port_free "$PORT" && break
  PORT=$((PORT + 1))
done
port_free "$PORT" || {
  log "no free port found from ${PG_PORT:-54329}"
  exit 1
}

TMP="$(mktemp -d "${TMPDIR:-/tmp}/orbitshare-pg.XXXXXX")"
DATA="$TMP/data"
SOCK="$TMP/sock"
mkdir -p "$DATA" "$SOCK"
chmod 755 "$TMP"
chown -R "$OWNER" "$TMP"

started=0
cleanup() {
  if [ "$started" -eq 1 ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_pg "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 || {
  cat "$TMP/initdb.log" >&2
  log "initdb failed"
  exit 1
}

started=1
as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$TMP/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $SOCK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=128MB" \
  start >/dev/null || {
  cat "$TMP/server.log" >&2
  log "the server did not start"
  exit 1
}

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (DATABASE_URL=$DATABASE_URL)"

"$@"
status=$?
exit "$status"
