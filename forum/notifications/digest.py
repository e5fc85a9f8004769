"""The e-mail digest: one message per member with what they have not read yet, instead of a stream of e-mails.
`flask --app wsgi forum send-digests` runs from a timer, best every hour: each member's digest goes out when it
is due by their preference (daily: 23 hours after the last one; weekly: 6 days and 23 hours; never: not at all)
and not during their quiet hours, which are read on the clock of their own time zone. A digest held back by quiet
hours goes out with the first run after them. A digest names topics and groups, never what members wrote.

One unit of work per member: each digest is recorded (its notifications marked as e-mailed, the member's last
digest time) and committed right after its e-mail went out. The e-mail cannot be taken back, so what it carried
must be on disk before the next member's turn: a failure later in the run (or a crash) then never makes an
earlier member receive the same notifications twice. A member whose e-mail fails keeps everything for the next
run."""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select, update

from ..accounts.models import User, VerificationStatus
from ..core.outbox import send_now
from ..db_types import utcnow
from ..extensions import db
from ..i18n import as_recipient
from ..urls import link_to
from . import preferences
from .models import Notification, NotificationPreference
from .services import check_targets, grouped, readable

MAX_ITEMS = 20


def send_digests(now: datetime | None = None) -> int:
    """Returns the number of digests sent. Each notification is e-mailed at most once."""
    now = now or utcnow()
    rows = db.session.execute(
        select(Notification, User)
        .join(User, User.id == Notification.user_id)
        .where(Notification.read_at.is_(None), Notification.emailed_at.is_(None), User.deleted_at.is_(None),
               User.email.is_not(None), User.verification_status != VerificationStatus.SUSPENDED)
        .order_by(Notification.user_id, Notification.created_at.desc(), Notification.id.desc())
    ).all()
    by_user: dict[int, tuple[User, list[Notification]]] = {}
    waiting: dict[int, list[Notification]] = defaultdict(list)
    for notification, user in rows:
        by_user[user.id] = (user, waiting[user.id])
        waiting[user.id].append(notification)
    choices = preferences.of_many(by_user)
    sent = 0
    for user, notifications in by_user.values():
        choice = choices[user.id]
        if not preferences.digest_due(choice, now) or preferences.in_quiet_hours(choice, user, now):
            continue  # held back: the notifications stay waiting for the run that may send them
        # Checked against the policy as they are sent, as on the notifications page.
        notifications = readable(user, notifications)
        check_targets(user, notifications)  # a post since hidden or deleted is no longer named or linked
        if not notifications:
            continue
        if _send_one(user, notifications):
            _record(user, choice, notifications, now)
            db.session.commit()
            sent += 1
    return sent


def _send_one(user: User, notifications: list[Notification]) -> bool:
    entries = grouped(notifications)
    more = len(entries) - MAX_ITEMS
    home = link_to("main.dashboard", external=True).rstrip("/")
    with as_recipient(user):
        # Each line is rendered from its key in the reader's language; similar ones share a line.
        lines = [f"- {entry.message}" + (f"\n  {home}{entry.link}" if entry.link.startswith("/") else "")
                 for entry in entries[:MAX_ITEMS]]
        if more > 0:
            lines.append("- " + ngettext("and %(num)d more", "and %(num)d more", more))
        body = (_("Hello %(name)s,", name=user.display_name) + "\n\n"
                + _("Here is what happened in your Konsil groups since your last digest:") + "\n\n"
                + "\n".join(lines) + "\n\n"
                + _("Read everything at %(link)s", link=link_to("notifications.index", external=True)) + "\n"
                + _("Choose how often this digest comes at %(link)s",
                    link=link_to("notifications.preferences_page", external=True)) + "\n")
        subject = ngettext("Konsil: %(num)d new notification", "Konsil: %(num)d new notifications",
                           len(notifications))
    return send_now(user.email, subject, body)


def _record(user: User, choice: NotificationPreference, notifications: list[Notification], now: datetime) -> None:
    db.session.execute(update(Notification).where(Notification.id.in_([n.id for n in notifications]))
                       .values(emailed_at=now).execution_options(synchronize_session=False))
    if choice.id is None:
        db.session.add(choice)  # the defaults, stored now that there is something to remember
    choice.last_digest_at = now
    db.session.flush()
