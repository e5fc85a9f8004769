#!/usr/bin/env bash
# The whole test suite: SQLite first, then the same suite on a real PostgreSQL server,
# with a real Redis for the rate-limit storage tests. Services are started and stopped here.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

bash scripts/system-packages.sh

services_dir=$(mktemp -d /tmp/konsil-test-services.XXXXXX)
chmod 755 "$services_dir"
cleanup() { bash scripts/test-services.sh stop "$services_dir"; }
trap cleanup EXIT
eval "$(bash scripts/test-services.sh start "$services_dir")"
export TEST_REDIS_URL=${TEST_REDIS_URL:-}
pg_url=${TEST_DATABASE_URL:-}
unset TEST_DATABASE_URL

echo "== Test suite on SQLite"
"$BIN/pytest" "$@"

if [ -n "$pg_url" ]; then
  echo "== Test suite on PostgreSQL"
  TEST_DATABASE_URL="$pg_url" "$BIN/pytest" -m "not browser" "$@"
else
  echo "== PostgreSQL is not available here: the PostgreSQL run was skipped"
  if [ "${CI:-}" = "true" ]; then
    echo "CI must run the suite on PostgreSQL" >&2
    exit 1
  fi
fi
