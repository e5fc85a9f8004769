"""When an account is erased, its bookmarks, watching levels and notification preferences go; its reactions stay
as counts and show "former member"."""
from __future__ import annotations

from sqlalchemy import delete, select

from ..extensions import db
from ..notifications.models import NotificationPreference
from .models import Bookmark, GroupWatch, TopicWatch
from .sources import erase_requester, requests_for_export


def erase_participation_data(sender, user, actor=None, **extra) -> None:
    for model in (Bookmark, TopicWatch, GroupWatch, NotificationPreference):
        db.session.execute(delete(model).where(model.user_id == user.id).execution_options(synchronize_session=False))
    erase_requester(user.id)


def export_participation_data(sender, user, **extra) -> dict:
    """The member's watching levels, notification preferences and the source requests they made, for their
    data export."""
    topics = db.session.execute(select(TopicWatch.topic_id, TopicWatch.level).where(TopicWatch.user_id == user.id)
                                .order_by(TopicWatch.topic_id)).all()
    groups = db.session.execute(select(GroupWatch.group_id, GroupWatch.level).where(GroupWatch.user_id == user.id)
                                .order_by(GroupWatch.group_id)).all()
    choice = db.session.scalar(select(NotificationPreference).where(NotificationPreference.user_id == user.id))
    preferences = None if choice is None else {
        "muted_kinds": choice.muted_kinds or [], "digest": choice.digest, "quiet_start": choice.quiet_start,
        "quiet_end": choice.quiet_end, "watch_on_post": choice.watch_on_post,
        "last_digest_at": choice.last_digest_at.isoformat() if choice.last_digest_at else None}
    return {"watching": {"topics": [{"topic_id": t, "level": level} for t, level in topics],
                         "groups": [{"group_id": g, "level": level} for g, level in groups]},
            "notification_preferences": preferences,
            "source_requests": requests_for_export(user.id)}
