#!/usr/bin/env bash
# The whole test suite: first on SQLite (with the headless-Chromium journeys), then the same suite
# on a real PostgreSQL server; a real Redis serves the rate-limit storage tests in both passes.
# PostgreSQL and Redis are started here on loopback in a temporary directory and stopped afterwards,
# whatever happens. Arguments are passed to pytest (e.g. scripts/test.sh tests/hardening -x).
# With CI=true, a missing PostgreSQL, Redis or Chromium is a failure instead of a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
started=$(date +%s)

bash scripts/system-packages.sh

services_dir=$(mktemp -d /tmp/konsil-test-services.XXXXXX)
cleanup() { if [ -n "${pg_pid:-}" ]; then kill "$pg_pid" 2>/dev/null || true; fi; bash scripts/test-services.sh stop "$services_dir"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! services=$(bash scripts/test-services.sh start "$services_dir"); then
  echo "Could not start the test services (see above)." >&2
  exit 1
fi
printf '%s\n' "$services" | grep '^#' || true
pg_url=$(printf '%s\n' "$services" | sed -n 's/^TEST_DATABASE_URL=//p')
redis_url=$(printf '%s\n' "$services" | sed -n 's/^TEST_REDIS_URL=//p')
if [ "${CI:-}" = "true" ] && { [ -z "$pg_url" ] || [ -z "$redis_url" ]; }; then
  echo "CI must run the suite with PostgreSQL and Redis; install them (scripts/system-packages.sh)." >&2
  exit 1
fi
export TEST_REDIS_URL=$redis_url
unset TEST_DATABASE_URL

# The compiled catalogues (.mo) are build products, never committed.
"$BIN/pybabel" compile -d translations -f >/dev/null 2>&1

# The two passes share nothing but the Redis server (each test takes its own keys), so they run side by
# side on two cores; the PostgreSQL pass's output is printed after the SQLite pass's.
status=0
pg_status=0
if [ -n "$pg_url" ]; then
  pg_log="$services_dir/postgresql-pass.log"
  KONSIL_TEST_PASS=postgresql TEST_DATABASE_URL="$pg_url" "$BIN/pytest" -p no:cacheprovider -m "not browser" "$@" \
    >"$pg_log" 2>&1 &
  pg_pid=$!
fi
echo "== Test suite on SQLite"
KONSIL_TEST_PASS=sqlite "$BIN/pytest" "$@" || status=$?

if [ -n "$pg_url" ]; then
  wait "$pg_pid" || pg_status=$?
  echo "== Test suite on PostgreSQL"
  cat "$pg_log"
  [ "$pg_status" -eq 0 ] || status=$pg_status
else
  echo "== PostgreSQL is not installed here: the PostgreSQL pass was skipped"
fi

echo "== Done in $(( $(date +%s) - started )) s: $([ "$status" -eq 0 ] && echo 'all passed' || echo 'FAILURES above')"
exit "$status"
