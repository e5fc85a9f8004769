"""After-commit work runs once the transaction is stored, and never after a rollback; e-mail goes
through it, so a decision that is refused mails nobody."""
from __future__ import annotations

from pathlib import Path

from forum.core.outbox import queue_mail
from forum.core.transaction import after_commit
from forum.extensions import db


def _outbox(app) -> list[Path]:
    folder = Path(app.config["MAIL_OUTBOX_DIR"])
    return sorted(folder.glob("*.eml")) if folder.exists() else []


def test_after_commit_runs_on_commit_and_is_dropped_on_rollback(app, make):
    ran = []
    make.user("Someone")
    after_commit(lambda: ran.append("dropped"))
    db.session.rollback()
    db.session.commit()
    assert ran == []
    after_commit(lambda: ran.append("kept"))
    assert ran == []
    db.session.commit()
    assert ran == ["kept"]


def test_queued_mail_leaves_only_with_the_commit(app):
    with app.test_request_context():
        queue_mail("a@test.konsil.example", "Refused", "This change was rolled back.")
        db.session.rollback()
        db.session.commit()
        assert _outbox(app) == []
        queue_mail("b@test.konsil.example", "Stored", "This change was committed.")
        assert _outbox(app) == []
        db.session.commit()
    [message] = _outbox(app)
    assert "Stored" in message.read_text()
