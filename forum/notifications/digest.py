"""The e-mail digest: one message per member with what they have not read yet, instead of a
stream of e-mails. `flask --app wsgi forum send-digests` is meant to run from a timer (daily)."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select, update

from ..accounts.models import User, VerificationStatus
from ..db_types import utcnow
from ..extensions import db
from ..core.outbox import send_now
from ..urls import link_to
from .models import Notification
from .services import readable

MAX_ITEMS = 20


def send_digests() -> int:
    """Returns the number of digests sent. Each notification is e-mailed at most once."""
    rows = db.session.execute(
        select(Notification, User)
        .join(User, User.id == Notification.user_id)
        .where(Notification.read_at.is_(None), Notification.emailed_at.is_(None), User.deleted_at.is_(None),
               User.email.is_not(None), User.verification_status != VerificationStatus.SUSPENDED)
        .order_by(Notification.user_id, Notification.created_at)
    ).all()
    by_user: dict[int, tuple[User, list[Notification]]] = {}
    grouped: dict[int, list[Notification]] = defaultdict(list)
    for notification, user in rows:
        by_user[user.id] = (user, grouped[user.id])
        grouped[user.id].append(notification)
    sent = 0
    for user, notifications in by_user.values():
        # Checked against the policy as they are sent, as on the notifications page.
        notifications = readable(user, notifications)
        if not notifications:
            continue
        lines = [f"- {n.message}" + (f"\n  {link_to('main.dashboard', external=True).rstrip('/')}{n.link}" if n.link.startswith("/") else "")
                 for n in notifications[:MAX_ITEMS]]
        more = len(notifications) - MAX_ITEMS
        if more > 0:
            lines.append(f"- and {more} more")
        body = (f"Hello {user.display_name},\n\nHere is what happened in your Konsil groups since your last digest:\n\n"
                + "\n".join(lines)
                + f"\n\nRead everything at {link_to('notifications.index', external=True)}\n")
        if not send_now(user.email, f"Konsil: {len(notifications)} new notification{'s' if len(notifications) != 1 else ''}", body):
            continue  # not marked: it goes out with the next digest
        db.session.execute(update(Notification).where(Notification.id.in_([n.id for n in notifications]))
                           .values(emailed_at=utcnow()))
        db.session.commit()
        sent += 1
    return sent
