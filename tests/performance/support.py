"""What the performance tests share: the statements a request issues, and the writes a GET may make."""
from __future__ import annotations

import re
from contextlib import contextmanager

from flask import has_request_context, request
from sqlalchemy import event

from forum.extensions import db

# GET requests whose purpose is to record something, and what they record. Every other GET reads only.
GET_WRITES_ALLOWED = {
    # The read mark (only when it moves forward) and, for a post under patient-privacy review, who had
    # it in front of them: a privacy incident must be able to say who opened it.
    "posts.topic": "the reader's read mark and who saw a post under privacy review",
}

# Writes that may happen on any request, throttled so that reading pages does not mean writing rows.
THROTTLED_WRITES = {
    "user_sessions": "a session's last activity, at most once a minute (forum/accounts/sessions.py TOUCH_EVERY)",
}

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b(?:\s+(?:INTO|FROM))?\s+\"?(\w+)", re.IGNORECASE)


@contextmanager
def statements_of_requests():
    """Every statement sent while the block runs, as (method, endpoint, statement)."""
    seen: list[tuple[str | None, str | None, str]] = []

    def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
        if has_request_context():
            seen.append((request.method, request.endpoint, statement))
        else:
            seen.append((None, None, statement))

    engine = db.engine
    event.listen(engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before_cursor_execute)


def writes_on_get(seen) -> list[str]:
    """The writes GET requests made that neither the allow-list nor the throttled writes explain."""
    found = []
    for method, endpoint, statement in seen:
        match = WRITE.match(statement)
        if method != "GET" or match is None:
            continue
        if endpoint in GET_WRITES_ALLOWED or match.group(2).lower() in THROTTLED_WRITES:
            continue
        found.append(f"{endpoint}: {statement.strip().splitlines()[0][:160]}")
    return found


def statements_for(browser, path: str) -> list[str]:
    """The statements one GET of path issues, after a warm-up request (first-request work is not measured)."""
    browser.get(path)
    with statements_of_requests() as seen:
        response = browser.get(path)
    assert response.status_code == 200, f"{path}: {response.status_code}"
    return [statement for _, _, statement in seen]
