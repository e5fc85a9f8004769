"""Notifications shown at /notifications, with the unread count in the header.

A notification is stored as data (a message key and its parameters, see messages.py) and rendered
when read. Whether the recipient may be told is checked when it is sent and again whenever it is
read: a member removed or banned from a group stops seeing what was about that group."""
from __future__ import annotations

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import selectinload

from .. import policy
from ..accounts.models import User
from ..db_types import utcnow
from ..core.header import header_count
from ..extensions import db
from ..groups.models import Membership, MembershipStatus
from .messages import MEMBER, MESSAGES, STAFF, SUBJECT
from .models import Notification
from .mutes import has_muted


def notify(user_id: int, kind: str, key: str, *, params: dict | None = None, group=None, topic=None,
           link: str = "", actor=None, audience: str | None = None) -> Notification | None:
    """Tell a user something; None when they muted the actor (replies, mentions) or may not know
    about the group it concerns."""
    if key not in MESSAGES:
        raise KeyError(f"unknown notification message {key!r}")
    actor_id = getattr(actor, "id", None)
    if actor_id is not None and kind in ("reply", "mention") and has_muted(user_id, actor_id):
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
    return list(db.session.scalars(
        select(Notification).where(Notification.user_id == user.id, _readable(user))
        .options(selectinload(Notification.actor), selectinload(Notification.group), selectinload(Notification.topic))
        .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)
    ))


def mark_all_read(user) -> None:
    db.session.execute(
        update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
