"""Each member's notification preferences: which kinds of event notify them, how often the e-mail digest goes out,
quiet hours (in the member's own time zone) during which nothing is e-mailed, and whether posting in a topic
makes them watch it. A member who never saved the page has the defaults (NotificationPreference's docstring)."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..core.errors import DomainError
from ..db_types import utcnow
from ..extensions import db
from ..i18n import zone_of
from .models import DigestFrequency, NotificationPreference

# The kinds a member may switch off. Decisions about the member themselves (moderation, verification, their
# account) always notify: they carry deadlines such as an appeal window.
OPTIONAL_KINDS = {
    "reply": _l("New posts in topics and groups I watch"),
    "new_topic": _l("New topics in groups I watch"),
    "mention": _l("Mentions of me"),
    "bookmark_reminder": _l("Reminders of my bookmarks"),
    "invitation_accepted": _l("A colleague accepted my invitation"),
    "join_request": _l("Requests to join groups I moderate, and answers to mine"),
    "report_outcome": _l("What moderators decided about posts I reported"),
}

DIGEST_LABELS = {
    DigestFrequency.NEVER: _l("Never"),
    DigestFrequency.DAILY: _l("Daily"),
    DigestFrequency.WEEKLY: _l("Weekly"),
}

# A digest is due when this long has passed since the last one; a little under the period, so that a timer
# firing at the same hour every day (or every hour) does not skip a day because of a few minutes' drift.
DIGEST_INTERVAL = {DigestFrequency.DAILY: timedelta(hours=23), DigestFrequency.WEEKLY: timedelta(days=6, hours=23)}


def defaults(user_id: int) -> NotificationPreference:
    return NotificationPreference(user_id=user_id, muted_kinds=[], digest=DigestFrequency.DAILY, quiet_start=None,
                                  quiet_end=None, watch_on_post=True)


def of(user_id: int) -> NotificationPreference:
    """The member's stored preferences, or the defaults (not added to the session)."""
    row = db.session.scalar(select(NotificationPreference).where(NotificationPreference.user_id == user_id))
    return row if row is not None else defaults(user_id)


def of_many(user_ids) -> dict[int, NotificationPreference]:
    """Preferences of several members in one query, the defaults for those without a row."""
    user_ids = list(user_ids)
    stored = {row.user_id: row for row in db.session.scalars(
        select(NotificationPreference).where(NotificationPreference.user_id.in_(user_ids)))} if user_ids else {}
    return {user_id: stored.get(user_id) or defaults(user_id) for user_id in user_ids}


def wants(user_id: int, kind: str) -> bool:
    if kind not in OPTIONAL_KINDS:
        return True
    return kind not in (of(user_id).muted_kinds or [])


def refusing(user_ids, kind: str) -> set[int]:
    """Those among `user_ids` who switched `kind` off, in one query."""
    if kind not in OPTIONAL_KINDS or not user_ids:
        return set()
    rows = db.session.execute(select(NotificationPreference.user_id, NotificationPreference.muted_kinds)
                              .where(NotificationPreference.user_id.in_(list(user_ids)))).all()
    return {user_id for user_id, muted in rows if kind in (muted or [])}


def parse_clock(text: str | None, field: str) -> int | None:
    """`HH:MM` (what a browser's time field sends) as minutes after midnight; empty is None."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        moment = datetime.strptime(text, "%H:%M")
    except ValueError:
        raise DomainError(_("Enter a time of day such as 22:00."), field) from None
    return moment.hour * 60 + moment.minute


def clock(minutes: int | None) -> str:
    return "" if minutes is None else f"{minutes // 60:02d}:{minutes % 60:02d}"


def save(actor, *, enabled_kinds, digest: str, quiet_start: str, quiet_end: str,
         watch_on_post: bool) -> NotificationPreference:
    """Stores the member's preferences after checking all of them, so that nothing is half-saved."""
    unknown = [kind for kind in enabled_kinds if kind not in OPTIONAL_KINDS]
    if unknown:
        raise DomainError(_("Choose among the kinds of notification offered."), "kinds")
    if digest not in DigestFrequency.ALL:
        raise DomainError(_("Choose how often the e-mail digest is sent."), "digest")
    start = parse_clock(quiet_start, "quiet_start")
    end = parse_clock(quiet_end, "quiet_end")
    if (start is None) != (end is None):
        raise DomainError(_("Give both the start and the end of your quiet hours, or neither."),
                          "quiet_end" if end is None else "quiet_start")
    if start is not None and start == end:
        raise DomainError(_("Quiet hours must end at another time than they start."), "quiet_end")
    row = db.session.scalar(select(NotificationPreference).where(NotificationPreference.user_id == actor.id))
    if row is None:
        row = NotificationPreference(user_id=actor.id)
        db.session.add(row)
    row.muted_kinds = sorted(kind for kind in OPTIONAL_KINDS if kind not in set(enabled_kinds))
    row.digest, row.quiet_start, row.quiet_end = digest, start, end
    row.watch_on_post = bool(watch_on_post)
    row.updated_at = utcnow()
    db.session.flush()
    return row


def in_quiet_hours(preference: NotificationPreference, user, now: datetime) -> bool:
    """Whether `now` falls in the member's quiet hours, read on the clock of their own time zone."""
    if preference.quiet_start is None or preference.quiet_end is None:
        return False
    local = now.astimezone(zone_of(user))
    minute = local.hour * 60 + local.minute
    start, end = preference.quiet_start, preference.quiet_end
    if start < end:
        return start <= minute < end
    return minute >= start or minute < end  # the window wraps around midnight


def digest_due(preference: NotificationPreference, now: datetime) -> bool:
    if preference.digest == DigestFrequency.NEVER:
        return False
    last = preference.last_digest_at
    interval = DIGEST_INTERVAL.get(preference.digest, DIGEST_INTERVAL[DigestFrequency.DAILY])
    return last is None or now - last >= interval
