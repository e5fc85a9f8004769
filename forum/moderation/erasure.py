"""When an account is erased, its mutes go and the cases about its posts stop naming it; the cases,
reports and decisions themselves stay, as the moderation log does."""
from __future__ import annotations

from sqlalchemy import delete, or_, update

from ..extensions import db
from ..notifications.models import Mute
from .models import ModerationCase


def erase_moderation_data(sender, user, actor=None, **extra) -> None:
    db.session.execute(delete(Mute).where(or_(Mute.user_id == user.id, Mute.muted_user_id == user.id))
                       .execution_options(synchronize_session=False))
    db.session.execute(update(ModerationCase).where(ModerationCase.post_author_id == user.id)
                       .values(post_author_name="former member").execution_options(synchronize_session=False))


def connect() -> None:
    try:
        from ..accounts.data_rights import account_erased
    except ImportError:
        return
    account_erased.connect(erase_moderation_data)
