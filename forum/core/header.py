"""The counts the header of every signed-in page shows (unread notifications, open cases to review),
asked in one statement. Each feature registers, in its init_app, a function that builds its count as
a scalar subquery for a user (or None when the count does not apply to that user)."""
from __future__ import annotations

from typing import Callable

from flask import g, has_request_context
from sqlalchemy import select

from ..extensions import db

_COUNTS: dict[str, Callable] = {}


def register_count(name: str, build: Callable) -> None:
    _COUNTS[name] = build


def header_count(user, name: str) -> int:
    """The named count for the user, all registered counts asked together once per request."""
    counts = g.get("_header_counts") if has_request_context() else None
    if counts is None or counts[0] != user.id:
        built = {key: build(user) for key, build in _COUNTS.items()}
        built = {key: query for key, query in built.items() if query is not None}
        row = db.session.execute(select(*[query.label(key) for key, query in built.items()])).mappings().one() \
            if built else {}
        counts = (user.id, {key: int(row[key] or 0) for key in built})
        if has_request_context():
            g._header_counts = counts
    return counts[1].get(name, 0)
