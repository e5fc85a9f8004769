"""Notifications shown at /notifications, with the unread count in the header.

A notification is stored as data (a message key and its parameters, see messages.py) and rendered
when read. Whether the recipient may be told is checked when it is sent and again whenever it is
read: a member removed or banned from a group stops seeing what was about that group."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import joinedload

from .. import policy
from ..accounts.models import User
from ..db_types import utcnow
from ..core.header import header_count
from ..core.pagination import KeysetPage, keyset_page
from ..extensions import db
from ..groups.models import Membership, MembershipStatus
from .messages import ABOUT_POST_CONTENT, GROUPED, MEMBER, MESSAGES, STAFF, SUBJECT, render_group
from .models import Notification
from . import preferences, watching
from .mutes import has_muted


UNAVAILABLE_MESSAGE = _l("This notification was about something that is no longer available.")


def notify(user_id: int, kind: str, key: str, *, params: dict | None = None, group=None, topic=None,
           link: str = "", actor=None, audience: str | None = None, checked: bool = False) -> Notification | None:
    """Tell a user something; None when they muted the actor (replies, mentions), muted the topic or its
    group (replies, mentions, new topics), switched this kind off in their preferences, or may not know
    about the group it concerns. `checked`: the caller already applied the member's own choices (mutes,
    levels, preferences) for many recipients at once; the policy is asked here all the same."""
    if key not in MESSAGES:
        raise KeyError(f"unknown notification message {key!r}")
    actor_id = getattr(actor, "id", None)
    if not checked:
        if actor_id is not None and kind in ("reply", "mention") and has_muted(user_id, actor_id):
            return None
        if not preferences.wants(user_id, kind):
            return None
        if topic is not None and kind in watching.SILENCED_BY_MUTE and watching.is_muted(user_id, topic):
            return None
    if topic is not None and group is None:
        group = topic.group
    audience = audience or MESSAGES[key].audience
    group_id = getattr(group, "id", None)
    if group is not None and not may_be_told(db.session.get(User, user_id), audience, group):
        return None
    notification = Notification(user_id=user_id, kind=kind, key=key, params=params or {}, audience=audience,
                                group_id=group_id, topic_id=getattr(topic, "id", None), legacy_message="",
                                link=link[:300], actor_id=actor_id)
    db.session.add(notification)
    return notification


def may_be_told(user, audience: str, group) -> bool:
    """Whether the user may be told something about the group now (see messages.py)."""
    if user is None or user.deleted_at is not None:
        return False
    if audience == SUBJECT:
        return True
    if audience == STAFF:
        return policy.can_moderate(user, group)
    return policy.can_see_group(user, group)


def _readable(user):
    """SQL twin of may_be_told, applied to every stored notification of `user` when it is read."""
    if policy.is_admin(user):
        return Notification.user_id == user.id
    member_groups = select(Membership.group_id).where(Membership.user_id == user.id,
                                                      Membership.status != MembershipStatus.BANNED)
    staff_groups = policy.scopes.staff_group_ids_query(user.id)
    return or_(Notification.audience == SUBJECT, Notification.group_id.is_(None),
               and_(Notification.audience == MEMBER, Notification.group_id.in_(member_groups)),
               and_(Notification.audience == STAFF, Notification.group_id.in_(staff_groups)))


def readable(user, notifications: list[Notification]) -> list[Notification]:
    """The ones among `notifications` (all of `user`) that the user may read now."""
    if not notifications:
        return []
    allowed = set(db.session.scalars(select(Notification.id).where(
        Notification.id.in_([n.id for n in notifications]), _readable(user))))
    return [n for n in notifications if n.id in allowed]


def unread_count_query(user):
    return (select(func.count(Notification.id))
            .where(Notification.user_id == user.id, Notification.read_at.is_(None), _readable(user))
            .scalar_subquery())


def unread_count(user) -> int:
    """Asked with the header's other counts, in one statement per request."""
    return header_count(user, "unread_notifications")


def recent(user, limit: int = 50) -> list[Notification]:
    return recent_page(user, limit).items


def recent_page(user, limit: int = 50, *, after: str | None = None, before: str | None = None) -> KeysetPage:
    """The member's notifications, newest first, a page found by the notification it follows (keyset)."""
    query = (select(Notification).where(Notification.user_id == user.id, _readable(user))
             # Joined, not loaded separately: the page stays within a fixed, small number of statements.
             .options(joinedload(Notification.actor), joinedload(Notification.group), joinedload(Notification.topic)))
    page = keyset_page(query, (Notification.created_at, Notification.id), lambda n: (n.created_at, n.id),
                       (datetime, int), limit, after=after, before=before)
    check_targets(user, page.items)
    return page


_POST_ANCHOR = re.compile(r"#post-([0-9]{1,9})$")


def _target_of(notification: Notification) -> tuple[int | None, int | None] | None:
    """(topic id, post number) a notification leads to; None when it is about no topic or post."""
    match = _POST_ANCHOR.search(notification.link or "")
    number = int(match.group(1)) if match else None
    if notification.topic_id is None and number is None:
        return None
    return notification.topic_id, number


def check_targets(user, notifications: list[Notification]) -> None:
    """Asks the policy's read scope, in one statement for the whole list, whether the topic and post each
    notification is about may still be shown to the reader: a post since hidden, held, deleted or redacted, or a
    topic since held or deleted, or in a group the reader no longer reads, is no longer named or linked (the
    notification reads "no longer available"). Messages that report what happened to a post (a report's outcome,
    a hold, a redaction) are checked against the topic only: the post being hidden is their news."""
    targets = {n.id: _target_of(n) for n in notifications}
    topic_ids = {target[0] for target in targets.values() if target and target[0] is not None}
    numbers = {target[1] for target in targets.values() if target and target[1] is not None}
    readable_topics, readable_posts = set(), set()
    if topic_ids:
        from ..posts.models import Post, Topic

        post_ok = policy.scopes.readable_post_condition(user)
        rows = db.session.execute(
            select(Topic.id, Post.number, post_ok)
            .outerjoin(Post, and_(Post.topic_id == Topic.id, Post.number.in_(numbers or [0])))
            .where(Topic.id.in_(topic_ids), policy.scopes.readable_topic_condition(user))).all()
        for topic_id, number, ok in rows:
            readable_topics.add(topic_id)
            if number is not None and ok:
                readable_posts.add((topic_id, number))
    for notification in notifications:
        target = targets[notification.id]
        if target is None:
            notification.unavailable = False
        elif target[0] is None or target[0] not in readable_topics:
            notification.unavailable = True  # the topic was deleted, held, or is in a group the reader left
        else:
            notification.unavailable = (target[1] is not None and target not in readable_posts
                                        and notification.key in ABOUT_POST_CONTENT)


def mark_all_read(user) -> None:
    db.session.execute(
        update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )


def _sibling_key(notification: Notification):
    """What makes notifications similar enough to show as one line: the same message about the same topic (a new
    topic: in the same group), and the same read state."""
    if notification.key not in GROUPED:
        return None
    target = notification.group_id if notification.key == "topic.new" else notification.topic_id
    if target is None:
        return None
    return notification.key, target, notification.read_at is None


@dataclass
class Entry:
    """One line of the notifications page or of a digest: one notification, or several similar ones."""
    items: list[Notification]

    @property
    def latest(self) -> Notification:
        return self.items[0]

    @property
    def oldest(self) -> Notification:
        """Where reading starts: the link of a line of several similar notifications is that of the oldest."""
        return self.items[-1]

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def unread(self) -> bool:
        return any(n.read_at is None for n in self.items)

    @property
    def message(self) -> str:
        if all(getattr(n, "unavailable", False) for n in self.items):
            return UNAVAILABLE_MESSAGE
        if self.count == 1:
            return self.latest.message
        return render_group(self.latest.key, self.count, self.latest.values())

    @property
    def link(self) -> str:
        """The oldest one's link, or that of the oldest whose post the reader may still be led to."""
        for notification in reversed(self.items):
            if not getattr(notification, "unavailable", False):
                return notification.link
        return ""


def grouped(notifications: list[Notification]) -> list[Entry]:
    """Similar notifications as one entry, placed where the latest of them is; the order is kept otherwise."""
    entries: list[Entry] = []
    by_key: dict = {}
    for notification in notifications:
        key = _sibling_key(notification)
        if key is not None and key in by_key:
            by_key[key].items.append(notification)
            continue
        entry = Entry([notification])
        entries.append(entry)
        if key is not None:
            by_key[key] = entry
    return entries


def open_notification(user, notification: Notification) -> str:
    """Marks the notification read, with the unread ones shown on the same line; returns where it leads."""
    conditions = [Notification.id == notification.id]
    key = _sibling_key(notification)
    if key is not None and notification.read_at is None:
        target = (Notification.group_id if notification.key == "topic.new" else Notification.topic_id) == key[1]
        conditions.append(and_(Notification.key == notification.key, target))
    db.session.execute(
        update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None), or_(*conditions))
        .values(read_at=utcnow()).execution_options(synchronize_session=False))
    check_targets(user, [notification])
    link = "" if notification.unavailable else (notification.link or "")
    return link if link.startswith("/") and not link.startswith("//") else ""


def readable_notification(user, notification_id: int) -> Notification | None:
    """One of the member's own notifications that they may read now, else None."""
    return db.session.scalar(select(Notification).where(Notification.id == notification_id,
                                                        Notification.user_id == user.id, _readable(user)))
