from email import message_from_bytes
from pathlib import Path

from forum.extensions import db
from forum.notifications.models import Notification
from forum.notifications.services import notify


def _outbox(app) -> list:
    folder = Path(app.config["MAIL_OUTBOX_DIR"])
    return [message_from_bytes(path.read_bytes()) for path in sorted(folder.glob("*.eml"))] if folder.exists() else []


def test_send_digests_mails_unread_notifications_once(app, make):
    reader = make.user("Reader")
    other = make.user("Other")
    group = make.group("Ward round", owner=other, members=[reader])
    bridging = make.topic(group, reader, title="Heparin bridging", body="How do you bridge?")
    handover = make.topic(group, other, title="Handover", body="Checklists?")
    make.reply(bridging, other, "We use enoxaparin.")  # the post the reply notification leads to
    notify(reader.id, "reply", "reply", topic=bridging, actor=other, link=f"/g/{group.slug}/t/{bridging.id}#post-2")
    notify(reader.id, "mention", "mention", topic=handover, actor=other)
    read = notify(other.id, "reply", "reply", topic=handover, actor=reader)
    db.session.flush()
    read.read_at = read.created_at
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["forum", "send-digests"])
    assert result.exit_code == 0, result.output
    assert "1 digest sent." in result.output
    messages = _outbox(app)
    assert len(messages) == 1
    assert messages[0]["To"] == reader.email
    body = messages[0].get_payload(decode=True).decode()
    assert "Heparin bridging" in body and "Handover" in body
    assert db.session.query(Notification).filter(Notification.emailed_at.is_(None),
                                                 Notification.user_id == reader.id).count() == 0

    again = app.test_cli_runner().invoke(args=["forum", "send-digests"])
    assert "0 digests sent." in again.output
    assert len(_outbox(app)) == 1
