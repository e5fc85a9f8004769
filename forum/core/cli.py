"""The `flask --app wsgi forum ...` command group; features add their commands to it."""
from __future__ import annotations

from flask.cli import AppGroup

forum_cli = AppGroup("forum", help="Konsil operator commands.")
