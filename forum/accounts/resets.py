"""Password reset links: 256-bit tokens, stored as SHA-256, valid one hour, used once, and void once the
password changed by any other way."""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from enum import StrEnum

from sqlalchemy import func, select, update

from ..db_types import utcnow
from ..extensions import db
from .models import PasswordResetToken, User

VALID_FOR = timedelta(hours=1)
# More requests than this per hour for one account send no further mail (the answer stays the same).
MAX_PER_HOUR = 3


class TokenState(StrEnum):
    VALID = "valid"
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"
    SUPERSEDED = "superseded"  # the password changed after the link was sent


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(user: User) -> str | None:
    """A new reset token for the user, or None when they asked too often this hour."""
    recent = db.session.scalar(select(func.count(PasswordResetToken.id)).where(
        PasswordResetToken.user_id == user.id, PasswordResetToken.created_at > utcnow() - timedelta(hours=1)))
    if recent >= MAX_PER_HOUR:
        return None
    token = secrets.token_urlsafe(32)
    now = utcnow()
    db.session.add(PasswordResetToken(user_id=user.id, token_hash=_hash(token), created_at=now,
                                      expires_at=now + VALID_FOR))
    db.session.flush()
    return token


def lookup(token: str) -> tuple[TokenState, PasswordResetToken | None]:
    if not token or len(token) > 128:
        return TokenState.UNKNOWN, None
    row = db.session.scalar(select(PasswordResetToken).where(PasswordResetToken.token_hash == _hash(token)))
    if row is None or row.user.deleted_at is not None:
        return TokenState.UNKNOWN, None
    if row.used_at is not None:
        return TokenState.USED, row
    if row.invalidated_at is not None:
        return TokenState.SUPERSEDED, row
    if row.expires_at <= utcnow():
        return TokenState.EXPIRED, row
    return TokenState.VALID, row


def consume(row: PasswordResetToken) -> bool:
    """Mark the token used; False if a concurrent request used it first."""
    result = db.session.execute(
        update(PasswordResetToken)
        .where(PasswordResetToken.id == row.id, PasswordResetToken.used_at.is_(None),
               PasswordResetToken.invalidated_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


def invalidate_all(user: User) -> None:
    """Every outstanding link of this user stops working (called on every password change)."""
    db.session.execute(
        update(PasswordResetToken)
        .where(PasswordResetToken.user_id == user.id, PasswordResetToken.used_at.is_(None),
               PasswordResetToken.invalidated_at.is_(None))
        .values(invalidated_at=utcnow())
        .execution_options(synchronize_session=False))
