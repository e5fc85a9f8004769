"""Password hashing (argon2id) and the password policy."""
from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import current_app, has_app_context
from zxcvbn import zxcvbn
from flask_babel import gettext as _

MIN_LENGTH = 12
MAX_LENGTH = 256


@lru_cache(maxsize=2)
def _hasher(fast: bool) -> PasswordHasher:
    if fast:  # tests only: the same algorithm with a tiny cost
        return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    return PasswordHasher()


def _current_hasher() -> PasswordHasher:
    fast = has_app_context() and current_app.config.get("PASSWORD_HASH_FAST", False)
    return _hasher(bool(fast))


def hash_password(password: str) -> str:
    return _current_hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        # Compare against a dummy so unknown accounts take as long as known ones.
        _burn(password)
        return False
    try:
        return _current_hasher().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    try:
        return _current_hasher().check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


_DUMMY: dict[bool, str] = {}


def _dummy_hash() -> str:
    fast = bool(has_app_context() and current_app.config.get("PASSWORD_HASH_FAST", False))
    if fast not in _DUMMY:
        _DUMMY[fast] = _hasher(fast).hash("konsil dummy password for timing")
    return _DUMMY[fast]


def _burn(password: str) -> None:
    try:
        _current_hasher().verify(_dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        pass


def password_problems(password: str, user_inputs: list[str] | None = None) -> list[str]:
    """What is wrong with a new password, in words a user can act on; empty when it is fine."""
    if len(password) < MIN_LENGTH:
        return [_("Use at least %(num)d characters.", num=MIN_LENGTH)]
    if len(password) > MAX_LENGTH:
        return [_("Use at most %(num)d characters.", num=MAX_LENGTH)]
    result = zxcvbn(password[:100], user_inputs=[value for value in (user_inputs or []) if value])
    if result["score"] < 3:
        feedback = result["feedback"]
        from ..i18n.password_texts import password_text

        message = password_text(feedback.get("warning")) or _("This password is too easy to guess.")
        hints = " ".join(password_text(hint) for hint in feedback.get("suggestions") or [])
        return [f"{message} {hints}".strip()]
    return []
