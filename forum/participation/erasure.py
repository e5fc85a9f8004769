"""When an account is erased, its bookmarks, watching levels and notification preferences go; its reactions stay
as counts and show "former member"."""
from __future__ import annotations

from sqlalchemy import delete

from ..extensions import db
from ..notifications.models import NotificationPreference
from .models import Bookmark, GroupWatch, TopicWatch


def erase_participation_data(sender, user, actor=None, **extra) -> None:
    for model in (Bookmark, TopicWatch, GroupWatch, NotificationPreference):
        db.session.execute(delete(model).where(model.user_id == user.id).execution_options(synchronize_session=False))
