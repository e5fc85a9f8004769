"""Muting: a member no longer wants to be notified by (or see the posts of) another member."""
from __future__ import annotations

from sqlalchemy import delete, exists, select
from sqlalchemy.exc import IntegrityError

from ..accounts.models import User
from ..core.errors import DomainError
from ..extensions import db
from ..request_cache import cached
from .models import Mute
from flask_babel import gettext as _


def has_muted(user_id: int, actor_id: int) -> bool:
    """Whether `user_id` muted `actor_id` (their mentions and replies no longer notify)."""
    if not user_id or not actor_id or user_id == actor_id:
        return False
    return bool(db.session.scalar(select(exists().where(Mute.user_id == user_id, Mute.muted_user_id == actor_id))))


def mute(user: User, other: User) -> bool:
    """True when the mute is new; muting twice changes nothing."""
    if other.id == user.id:
        raise DomainError(_("You cannot mute yourself."))
    if has_muted(user.id, other.id):
        return False
    try:
        with db.session.begin_nested():
            db.session.add(Mute(user_id=user.id, muted_user_id=other.id))
            db.session.flush()
    except IntegrityError:
        return False
    return True


def unmute(user: User, other: User) -> bool:
    result = db.session.execute(delete(Mute).where(Mute.user_id == user.id, Mute.muted_user_id == other.id)
                                .execution_options(synchronize_session=False))
    return result.rowcount > 0


def muted_ids(user: User) -> set[int]:
    return set(db.session.scalars(select(Mute.muted_user_id).where(Mute.user_id == user.id)))


def muted_users(user: User) -> list[User]:
    return list(db.session.scalars(select(User).join(Mute, Mute.muted_user_id == User.id)
                                   .where(Mute.user_id == user.id).order_by(User.display_name)))


def cached_muted_ids(user: User) -> set[int]:
    return cached("_muted_ids", lambda: muted_ids(user))


def muted_ids_among(user_ids, actor_id: int) -> set[int]:
    """Those among `user_ids` who muted `actor_id`, in one query."""
    if not user_ids or not actor_id:
        return set()
    return set(db.session.scalars(select(Mute.user_id).where(Mute.user_id.in_(list(user_ids)),
                                                             Mute.muted_user_id == actor_id)))
