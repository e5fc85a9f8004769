"""A second line of defence for the append-only moderation log.

forum/audit.py refuses ORM updates and deletes of LogEntry objects and ORM bulk statements. Core
statements on the table (`LogEntry.__table__.update()`) and raw SQL would pass those checks, so
every statement sent to any engine is checked here before it reaches the database.
"""
from __future__ import annotations

import re

from sqlalchemy import event
from sqlalchemy.engine import Engine

from ..audit import AppendOnlyError

_REWRITE = re.compile(r"^\s*(?:UPDATE\s+(?:\w+\.)?\"?moderation_log\"?\s|DELETE\s+FROM\s+(?:\w+\.)?\"?moderation_log\"?\b)",
                      re.IGNORECASE)


def rewrites_log(statement: str) -> bool:
    return bool(_REWRITE.match(statement or ""))


@event.listens_for(Engine, "before_cursor_execute")
def _refuse_log_rewrites(conn, cursor, statement, parameters, context, executemany):
    if rewrites_log(statement):
        raise AppendOnlyError("moderation log entries cannot be changed or deleted")
