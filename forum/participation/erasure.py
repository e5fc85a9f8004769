"""When an account is erased, its bookmarks go; its reactions stay as counts and show "former member"."""
from __future__ import annotations

from sqlalchemy import delete

from ..extensions import db
from .models import Bookmark
from .sources import erase_requester


def erase_participation_data(sender, user, actor=None, **extra) -> None:
    db.session.execute(delete(Bookmark).where(Bookmark.user_id == user.id)
                       .execution_options(synchronize_session=False))
    erase_requester(user.id)

