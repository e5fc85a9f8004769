"""Helpers every part of moderation shares: the rule checks every action starts with, settings,
who to tell, and the conditional update of a post's visibility."""
from __future__ import annotations

from datetime import datetime

from flask import current_app
from sqlalchemy import select, update

from ..accounts.models import User
from ..core.errors import AlreadyDecided, DomainError, NotAllowed
from ..extensions import db
from ..groups.management import require_moderator, require_reason  # noqa: F401  (shared by every action)
from ..groups.models import Group
from ..policy.status import staff_member_ids_query
from ..posts.models import Post
from ..request_cache import cached  # noqa: F401
from .models import SHORT_REASON_LABELS

ModerationError = DomainError


class DuplicateReport(DomainError):
    pass


__all__ = ["AlreadyDecided", "DuplicateReport", "ModerationError", "NotAllowed"]


def excerpt(text: str, limit: int = 500) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def setting(name: str, default):
    return current_app.config.get(name, default)


def staff_ids(group: Group) -> list[int]:
    return list(db.session.scalars(staff_member_ids_query(group.id)))


def admin_ids() -> list[int]:
    return list(db.session.scalars(select(User.id).where(User.is_admin.is_(True), User.deleted_at.is_(None))))


def until_text(when: datetime) -> str:
    return when.strftime("%d %b %Y, %H:%M UTC")


def set_hidden(post: Post, hidden: bool, reason: str | None, *, only_if_hidden_reason: tuple | None = None) -> bool:
    """Conditional update of the post's visibility; True when this call changed it."""
    conditions = [Post.id == post.id, Post.hidden.is_(not hidden)]
    if only_if_hidden_reason:
        conditions.append(Post.hidden_reason.in_(only_if_hidden_reason))
    result = db.session.execute(update(Post).where(*conditions).values(hidden=hidden, hidden_reason=reason)
                                .execution_options(synchronize_session=False))
    db.session.refresh(post)
    return result.rowcount == 1


def reason_label(reason: str) -> str:
    return SHORT_REASON_LABELS.get(reason, reason)
