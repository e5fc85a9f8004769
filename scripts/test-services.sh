#!/usr/bin/env bash
# Starts throw-away PostgreSQL and Redis servers on loopback for the test suite.
#   scripts/test-services.sh start DIR   -> prints shell assignments for TEST_DATABASE_URL and TEST_REDIS_URL
#   scripts/test-services.sh stop DIR
set -euo pipefail
action=${1:?start or stop}
dir=${2:?directory}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  mkdir -p "$dir"
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$pgbin" ] && [ -x "$pgbin/initdb" ]; then
    local pgdata="$dir/pg" pgport
    pgport=$(free_port)
    mkdir -p "$pgdata"
    [ "$(id -u)" -eq 0 ] && chown -R postgres "$dir"
    as_postgres "$pgbin/initdb" -D "$pgdata" -U konsil --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1
    as_postgres "$pgbin/pg_ctl" -D "$pgdata" -l "$dir/pg.log" -w -t 60 \
      -o "-k $dir -p $pgport -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    as_postgres "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U konsil konsil_test
    echo "TEST_DATABASE_URL=postgresql+psycopg://konsil@127.0.0.1:$pgport/konsil_test"
    echo "$pgbin" >"$dir/pgbin"
  else
    echo "# PostgreSQL is not installed; its tests will be skipped" >&2
  fi
  if command -v redis-server >/dev/null 2>&1; then
    local redisport
    redisport=$(free_port)
    redis-server --port "$redisport" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
      --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
    for _ in $(seq 50); do
      redis-cli -p "$redisport" ping >/dev/null 2>&1 && break
      sleep 0.1
    done
    echo "TEST_REDIS_URL=redis://127.0.0.1:$redisport/0"
  else
    echo "# Redis is not installed; its tests will be skipped" >&2
  fi
}

stop() {
  if [ -f "$dir/pgbin" ]; then
    as_postgres "$(cat "$dir/pgbin")/pg_ctl" -D "$dir/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -f "$dir/redis.pid" ]; then
    kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

"$action"
