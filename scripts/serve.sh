#!/usr/bin/env bash
# Serves Konsil with gunicorn (deploy/gunicorn.conf.py): `make serve` runs this.
# Settings come from the environment; a .env file in the checkout (or ENV_FILE) is read first,
# without overriding variables that are already set. See .env.example and README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VIRTUAL_ENV:-$PWD/.venv}/bin

env_file=${ENV_FILE:-.env}
if [ -f "$env_file" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    name=${line%%=*}
    value=${line#*=}
    if [[ ! "$name" =~ ^[A-Z_][A-Z0-9_]*$ ]]; then
      echo "serve: ignoring a line in $env_file that is not NAME=value" >&2
      continue
    fi
    # Values are taken literally (no shell expansion), surrounding quotes removed.
    value=${value#\"}; value=${value%\"}; value=${value#\'}; value=${value%\'}
    if [ -z "${!name+x}" ]; then export "$name=$value"; fi
  done <"$env_file"
fi

export FORUM_ENV=${FORUM_ENV:-production}
if [ "${KONSIL_MIGRATE:-1}" != "0" ]; then
  "$BIN/flask" --app wsgi db upgrade
fi
exec "$BIN/gunicorn" --config deploy/gunicorn.conf.py wsgi:app
