"""Creating and changing accounts. Services take the acting user first and never commit."""
from __future__ import annotations

import re
import secrets
import unicodedata

from flask_babel import gettext as _
from sqlalchemy import func, select, update

from ..core.errors import DomainError
from ..db_types import utcnow
from ..extensions import db
from ..forms import has_control_characters
from .addresses import InvalidAddress, normalise_address
from .models import User, VerificationStatus
from .passwords import hash_password, needs_rehash, password_problems, verify_password

_USERNAME_CHARS = re.compile(r"[^a-z0-9._-]+")


class AccountError(DomainError):
    """A rule about accounts was broken; the message is shown to the user."""


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def find_by_email(email: str) -> User | None:
    email = normalise_email(email)
    if not email:
        return None
    return db.session.scalar(select(User).where(User.email == email))


def _username_base(display_name: str, email: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", display_name).encode("ascii", "ignore").decode()
    base = _USERNAME_CHARS.sub(".", ascii_name.lower()).strip("._-")
    if len(base) < 2:
        base = _USERNAME_CHARS.sub(".", email.split("@")[0].lower()).strip("._-")
    return (base or "member")[:24]


def unique_username(display_name: str, email: str) -> str:
    base = _username_base(display_name, email)
    candidate = base
    while db.session.scalar(select(func.count()).select_from(User).where(User.username == candidate)):
        candidate = f"{base}{secrets.randbelow(9000) + 1000}"
    return candidate


def create_user(
    *,
    email: str,
    display_name: str,
    password: str,
    status: str = VerificationStatus.PENDING,
    invited_by: User | None = None,
    **profile,
) -> User:
    try:
        email = normalise_address(email)
    except InvalidAddress as error:
        raise AccountError(str(error), "email") from error
    if has_control_characters(display_name):
        raise AccountError(_("Use one line of ordinary text for the display name, without line breaks, tabs "
                             "or other control characters."), "display_name")
    if find_by_email(email) is not None:
        raise AccountError(_("An account with this e-mail address already exists. Please sign in instead."), "email")
    user = User(
        email=email,
        display_name=display_name.strip(),
        username=unique_username(display_name, email),
        password_hash=hash_password(password),
        verification_status=status,
        invited_by_id=invited_by.id if invited_by else None,
        terms_accepted_at=utcnow(),
        **profile,
    )
    if status == VerificationStatus.VERIFIED:
        user.verified_at = utcnow()
    db.session.add(user)
    db.session.flush()
    return user


def check_credentials(email: str, password: str) -> User | None:
    """The user if the password matches; otherwise None after the same amount of work."""
    user = find_by_email(email)
    if user is None or user.deleted_at is not None:
        verify_password(None, password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def set_password(user: User, password: str) -> None:
    """A new password ends every session and voids every outstanding reset link."""
    from .resets import invalidate_all

    user.password_hash = hash_password(password)
    end_all_sessions(user)
    invalidate_all(user)


def end_all_sessions(user: User) -> None:
    """Every session of the user ends at its next request: the version inside each session cookie no longer
    matches, and the server-side records are closed (so even a copied cookie is worthless)."""
    from .models import UserSession

    user.session_version = (user.session_version or 1) + 1
    db.session.execute(update(UserSession).where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
                       .values(ended_at=utcnow()).execution_options(synchronize_session="evaluate"))


def change_password(user: User, current_password: str, new_password: str) -> None:
    """From settings: the current password first, then the policy for the new one."""
    if not verify_password(user.password_hash, current_password or ""):
        raise AccountError(_("Your current password is not correct."), "current_password")
    if verify_password(user.password_hash, new_password):
        raise AccountError(_("The new password is the same as the current one."), "password")
    problems = password_problems(new_password, [user.email or "", user.display_name, user.username, "konsil"])
    if problems:
        raise AccountError(problems[0], "password")
    set_password(user, new_password)


def update_profile(user: User, *, display_name: str, specialty: str, locale: str,
                   timezone: str | None = None) -> list[str]:
    """Change what the user may change about themselves; returns the names of the fields that changed."""
    if has_control_characters(display_name):
        raise AccountError(_("Use one line of ordinary text for the display name, without line breaks, tabs "
                             "or other control characters."), "display_name")
    display_name = " ".join((display_name or "").split())
    if len(display_name) < 2:
        raise AccountError(_("Please give a display name of at least 2 characters."), "display_name")
    changed = []
    for name, value in (("display_name", display_name), ("specialty", (specialty or "").strip()),
                        ("locale", locale), ("timezone", user.timezone if timezone is None else timezone)):
        if getattr(user, name) != value:
            setattr(user, name, value)
            changed.append(name)
    return changed


def reset_second_factor(actor: User | None, target: User, reason: str) -> None:
    """An admin (or the operator, actor None) removes a lost second factor: the authenticator and recovery
    codes go, every session ends, and both the security log and the moderation log say who and why."""
    from .. import audit
    from . import security, two_factor

    two_factor.disable(target)
    end_all_sessions(target)
    security.record(target, "auth:2fa:reset", actor=actor, details={"reason": reason[:500]})
    audit.record(actor, "account:2fa:reset", target_type="user", target_id=target.id,
                 target_label=target.display_name, subject_user=target, reason=reason)
