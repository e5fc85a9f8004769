#!/usr/bin/env bash
# Starts throw-away PostgreSQL and Redis servers on loopback for the test suite, in DIR.
#   scripts/test-services.sh start DIR   -> prints TEST_DATABASE_URL=... and TEST_REDIS_URL=... lines
#   scripts/test-services.sh stop DIR    -> stops both and removes DIR
# Both listen on 127.0.0.1 only, on free ports, with their data in DIR; PostgreSQL asks for a
# random password. A service that is not installed is left out (a "#" line says so); one that is
# installed but fails to start is an error (exit status 1, with its log on stderr).
set -euo pipefail
action=${1:?usage: test-services.sh start|stop DIR}
dir=${2:?usage: test-services.sh start|stop DIR}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# PostgreSQL refuses to run as root; as root, its processes run as the postgres user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

fail() {
  echo "test-services: $1" >&2
  [ -n "${2:-}" ] && [ -f "$2" ] && tail -n 30 "$2" >&2
  exit 1
}

start_postgres() {
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
    echo "# PostgreSQL is not installed; its tests will be skipped"
    return 0
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    fail "running as root, but there is no postgres user to run PostgreSQL as"
  fi
  local pgdata="$dir/pg" pgport password
  pgport=$(free_port)
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  mkdir -p "$pgdata"
  printf '%s\n' "$password" >"$dir/pgpass"
  chmod 600 "$dir/pgpass"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$dir"; fi
  as_postgres "$pgbin/initdb" -D "$pgdata" -U konsil --pwfile="$dir/pgpass" --auth=scram-sha-256 -E UTF8 \
    --no-instructions >"$dir/initdb.log" 2>&1 || fail "initdb failed" "$dir/initdb.log"
  echo "$pgbin" >"$dir/pgbin"
  # Durability settings off: these databases are thrown away, and the suite is faster without fsync.
  as_postgres "$pgbin/pg_ctl" -D "$pgdata" -l "$dir/pg.log" -w -t 60 \
    -o "-k $dir -p $pgport -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || fail "PostgreSQL did not start" "$dir/pg.log"
  PGPASSWORD=$password as_postgres "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U konsil konsil_test \
    || fail "createdb failed" "$dir/pg.log"
  echo "TEST_DATABASE_URL=postgresql+psycopg://konsil:$password@127.0.0.1:$pgport/konsil_test"
}

start_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "# Redis is not installed; its tests will be skipped"
    return 0
  fi
  local redisport
  redisport=$(free_port)
  redis-server --port "$redisport" --bind 127.0.0.1 --protected-mode yes --save "" --appendonly no \
    --daemonize yes --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null \
    || fail "redis-server did not start" "$dir/redis.log"
  for _ in $(seq 100); do
    if redis-cli -h 127.0.0.1 -p "$redisport" ping 2>/dev/null | grep -q PONG; then
      echo "TEST_REDIS_URL=redis://127.0.0.1:$redisport/0"
      return 0
    fi
    sleep 0.1
  done
  fail "Redis did not answer on port $redisport" "$dir/redis.log"
}

start() {
  mkdir -p "$dir"
  chmod 755 "$dir"
  start_postgres
  start_redis
}

stop() {
  [ -d "$dir" ] || return 0
  if [ -f "$dir/pgbin" ] && [ -f "$dir/pg/postmaster.pid" ]; then
    as_postgres "$(cat "$dir/pgbin")/pg_ctl" -D "$dir/pg" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_postgres "$(cat "$dir/pgbin")/pg_ctl" -D "$dir/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -f "$dir/redis.pid" ]; then
    local pid
    pid=$(cat "$dir/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -rf "$dir"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: test-services.sh start|stop DIR" >&2; exit 2 ;;
esac
