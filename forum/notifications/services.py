"""Notifications shown at /notifications, with the unread count in the header."""
from __future__ import annotations

from sqlalchemy import func, select, update

from ..db_types import utcnow
from ..extensions import db
from .models import Notification
from .mutes import has_muted


def notify(user_id: int, kind: str, message: str, *, link: str = "", actor=None) -> Notification | None:
    actor_id = getattr(actor, "id", None)
    if actor_id is not None and _muted(user_id, actor_id) and kind in ("reply", "mention"):
        return None
    notification = Notification(user_id=user_id, kind=kind, message=message[:1000], link=link[:300],
                                actor_id=actor_id)
    db.session.add(notification)
    return notification


def _muted(user_id: int, actor_id: int) -> bool:
    return has_muted(user_id, actor_id)


def unread_count(user) -> int:
    return db.session.scalar(
        select(func.count(Notification.id)).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    ) or 0


def recent(user, limit: int = 50) -> list[Notification]:
    return list(db.session.scalars(
        select(Notification).where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)
    ))


def mark_all_read(user) -> None:
    db.session.execute(
        update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
