from __future__ import annotations

from sqlalchemy import exists, select

from .. import audit, permissions
from ..accounts.models import User
from ..db_types import utcnow
from ..extensions import db
from ..posts.models import Post
from .content import PRIMER_VERSION


def needs_primer(user) -> bool:
    """A verified member confirms the current primer before posting. Members who posted before the primer
    existed (no version recorded) are not stopped; a new version asks those who confirmed an older one."""
    if not permissions.is_verified(user):
        return False
    if user.primer_version is not None:
        return user.primer_version < PRIMER_VERSION
    return not db.session.scalar(select(exists().where(Post.author_id == user.id)))


def accept(user: User) -> None:
    user.primer_version = PRIMER_VERSION
    user.primer_accepted_at = utcnow()
    audit.record(user, "account:primer:accept", target_type="user", target_id=user.id,
                 target_label=user.display_name, subject_user=user, details={"version": PRIMER_VERSION})
