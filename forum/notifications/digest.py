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
from flask_babel import gettext as _
from flask_babel import ngettext

from ..i18n import as_recipient

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
        more = len(notifications) - MAX_ITEMS
        with as_recipient(user):
            # Each notification is rendered from its key in the reader's language.
            lines = [f"- {n.message}" + (f"\n  {link_to('main.dashboard', external=True).rstrip('/')}{n.link}"
                                         if n.link.startswith("/") else "")
                     for n in notifications[:MAX_ITEMS]]
            if more > 0:
                lines.append("- " + ngettext("and %(num)d more", "and %(num)d more", more))
            body = (_("Hello %(name)s,", name=user.display_name) + "\n\n"
                    + _("Here is what happened in your Konsil groups since your last digest:") + "\n\n"
                    + "\n".join(lines) + "\n\n"
                    + _("Read everything at %(link)s", link=link_to("notifications.index", external=True)) + "\n")
            subject = ngettext("Konsil: %(num)d new notification", "Konsil: %(num)d new notifications",
                               len(notifications))
        if not send_now(user.email, subject, body):
            continue  # not marked: it goes out with the next digest
        db.session.execute(update(Notification).where(Notification.id.in_([n.id for n in notifications]))
                           .values(emailed_at=utcnow()))
        db.session.commit()
        sent += 1
    return sent
