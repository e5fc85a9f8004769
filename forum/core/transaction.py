"""The unit of work: one commit per request (or CLI command), in the view or the command; services
flush and never commit. Whatever must only happen once the change is stored -- an e-mail, anything
that leaves the process -- is registered with `after_commit` and runs after the next successful
commit of the session; a rollback drops it, so a refused request never mails anyone."""
from __future__ import annotations

import logging

from sqlalchemy import event
from sqlalchemy.orm import Session

from ..extensions import db

log = logging.getLogger("forum.core")
_KEY = "forum_after_commit"


def after_commit(callback) -> None:
    """Run `callback()` after the current transaction commits (never if it rolls back)."""
    session = db.session()
    if not session.in_transaction():
        session.begin()  # so that a rollback before the next commit drops the callback too
    session.info.setdefault(_KEY, []).append(callback)


@event.listens_for(Session, "after_commit")
def _run_after_commit(session: Session) -> None:
    callbacks = session.info.pop(_KEY, [])
    for callback in callbacks:
        try:
            callback()
        except Exception:  # noqa: BLE001 -- the change is stored; one failed side effect must not hide it
            log.exception("an after-commit task failed")


@event.listens_for(Session, "after_soft_rollback")
def _drop_after_rollback(session: Session, previous_transaction) -> None:
    if not previous_transaction.nested:  # a savepoint rolled back leaves the request's work in place
        session.info.pop(_KEY, None)
