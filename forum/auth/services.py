"""Signing in: the password step, the second-factor step, and the throttle around both.

Unknown addresses, wrong passwords and inactive accounts take the same path and give the same
answer; the throttle is keyed by the typed address, so locks do not reveal which accounts exist."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from .. import policy
from ..accounts import security, two_factor
from ..accounts.models import User
from ..accounts.passwords import verify_password
from ..accounts.services import check_credentials, find_by_email
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..accounts.notices import mail_after_response
from ..accounts.two_factor import CodeResult
from ..db_types import utcnow
from . import devices


class Outcome(StrEnum):
    LOCKED = "locked"
    FAILED = "failed"
    NEEDS_CODE = "needs_code"
    SIGNED_IN = "signed_in"


@dataclass
class Attempt:
    outcome: Outcome
    user: User | None = None
    locked_until: datetime | None = None
    code_result: CodeResult | None = None
    method: str = "password"


def _known(email: str) -> User | None:
    """The account an attempt was aimed at, for the log only; never changes the answer."""
    user = find_by_email(email)
    return user if user is not None and user.deleted_at is None else None


def _keys(email: str, origin: security.Origin, known: User | None) -> dict[str, str]:
    return security.throttle_keys(email, origin, devices.device_for(known.id) if known is not None else None)


def _lock_started(known: User | None, lock) -> None:
    """Tell the owner (at most hourly) that sign-ins to their account were paused somewhere."""
    if lock is None or known is None or not known.email or not security.should_tell_owner(known.email):
        return
    minutes = max(1, round((lock - utcnow()).total_seconds() / 60))
    mail_after_response(known.email, _l("Failed sign-ins to your Konsil account"), "auth/mail/failed_sign_ins.txt",
                        user=known, minutes=minutes, origin=security.Origin.of_request())


def password_step(email: str, password: str, code: str | None, origin: security.Origin) -> Attempt:
    """Check the password (and the code, if one was typed along with it)."""
    known = _known(email)
    keys = _keys(email, origin, known)
    until = security.locked_until(keys)
    if until is not None:
        verify_password(None, password)  # the same work as a real check
        security.record(known, "auth:login:locked", origin=origin)
        return Attempt(Outcome.LOCKED, locked_until=until)
    user = check_credentials(email, password)
    if user is None or not policy.may_sign_in(user):
        lock = security.register_failure(keys)
        security.record(known, "auth:login:failure", origin=origin, details={"stage": "password"})
        _lock_started(known, lock)
        return Attempt(Outcome.LOCKED, locked_until=lock) if lock else Attempt(Outcome.FAILED)
    if not two_factor.is_enabled(user):
        security.register_success(keys, email)
        return Attempt(Outcome.SIGNED_IN, user=user, method="password")
    if not (code or "").strip():
        return Attempt(Outcome.NEEDS_CODE, user=user)
    return code_step(user, code, origin)


def code_step(user: User, code: str | None, origin: security.Origin) -> Attempt:
    """The second step: a current authenticator code or an unused recovery code."""
    keys = _keys(user.email or "", origin, user)
    until = security.locked_until(keys)
    if until is not None:
        security.record(user, "auth:login:locked", origin=origin, details={"stage": "second_factor"})
        return Attempt(Outcome.LOCKED, user=user, locked_until=until)
    result = two_factor.verify(user, code)
    if not result.ok:
        lock = None
        if result != CodeResult.MISSING:
            lock = security.register_failure(keys)
            security.record(user, "auth:login:failure", origin=origin,
                            details={"stage": "second_factor", "reason": result.value})
            _lock_started(user, lock)
        if lock:
            return Attempt(Outcome.LOCKED, user=user, locked_until=lock, code_result=result)
        return Attempt(Outcome.NEEDS_CODE, user=user, code_result=result)
    security.register_success(keys, user.email or "")
    if result == CodeResult.RECOVERY:
        security.record(user, "auth:recovery:use", origin=origin,
                        details={"codes_left": two_factor.recovery_codes_left(user)})
    return Attempt(Outcome.SIGNED_IN, user=user, code_result=result, method=result.value)
