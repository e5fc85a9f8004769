"""A second line of defence for the append-only moderation log.

forum/audit.py refuses ORM updates and deletes of LogEntry objects and ORM bulk statements. Core
statements on the table (`LogEntry.__table__.update()`) and raw SQL would pass those checks, so
every statement sent to any engine is checked here before it reaches the database.

The one exception is a reviewed migration that removes what the log should never have held (0018: topic
titles, which can hold patient data): it marks its statements with the execution option REVIEWED_REWRITE.
"""
from __future__ import annotations

import re

from sqlalchemy import event
from sqlalchemy.engine import Engine

from ..audit import AppendOnlyError

_REWRITE = re.compile(r"^\s*(?:UPDATE\s+(?:\w+\.)?\"?moderation_log\"?\s|DELETE\s+FROM\s+(?:\w+\.)?\"?moderation_log\"?\b)",
                      re.IGNORECASE)


REVIEWED_REWRITE = "reviewed_moderation_log_rewrite"


def rewrites_log(statement: str) -> bool:
    return bool(_REWRITE.match(statement or ""))


@event.listens_for(Engine, "before_cursor_execute")
def _refuse_log_rewrites(conn, cursor, statement, parameters, context, executemany):
    if rewrites_log(statement):
        options = context.execution_options if context is not None else conn.get_execution_options()
        if options.get(REVIEWED_REWRITE):
            return
        raise AppendOnlyError("moderation log entries cannot be changed or deleted")
