"""TOTP second factor (RFC 6238 via pyotp) and single-use recovery codes.

Codes are checked with a window of one 30-second step either side, and a step once accepted is
never accepted again (replay protection). Recovery codes carry about 80 bits of randomness and are
stored as salted SHA-256 hashes."""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from enum import StrEnum

import pyotp
import segno
from flask import current_app
from sqlalchemy import delete, func, select

from ..db_types import utcnow
from ..extensions import db
from .models import RecoveryCode, TwoFactor, User
from flask_babel import lazy_gettext as _l

RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: codes are read off paper
_RECOVERY_LENGTH = 16
STEP_SECONDS = 30
# Codes this many steps old are recognised as "expired" (to give a useful message) but never accepted.
EXPIRED_STEPS = 10


class CodeResult(StrEnum):
    TOTP = "totp"
    RECOVERY = "recovery"
    WRONG = "wrong"
    EXPIRED = "expired"
    REUSED = "reused"
    RECOVERY_USED = "recovery_used"
    MISSING = "missing"

    @property
    def ok(self) -> bool:
        return self in (CodeResult.TOTP, CodeResult.RECOVERY)


MESSAGES = {
    CodeResult.WRONG: _l("That code is not valid. Enter the current 6-digit code from your authenticator app, "
                      "or one of your recovery codes."),
    CodeResult.EXPIRED: _l("That code has expired. Codes change every 30 seconds: enter the one your app shows now. "
                        "If this keeps happening, check that your phone's clock is set automatically."),
    CodeResult.REUSED: _l("That code was already used. Wait for the next code in your authenticator app."),
    CodeResult.RECOVERY_USED: _l("That recovery code was already used. Each recovery code works only once."),
    CodeResult.MISSING: _l("Enter the code from your authenticator app, or one of your recovery codes."),
}


def message_for(result: CodeResult) -> str:
    return str(MESSAGES.get(result, MESSAGES[CodeResult.WRONG]))


# --- state ----------------------------------------------------------------------------------------

def factor_for(user: User) -> TwoFactor | None:
    return db.session.scalar(select(TwoFactor).where(TwoFactor.user_id == user.id))


def is_enabled(user: User) -> bool:
    factor = factor_for(user)
    return factor is not None and factor.is_active


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(select(func.count(RecoveryCode.id)).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))) or 0


# --- enrolment --------------------------------------------------------------------------------------

def begin_enrolment(user: User) -> TwoFactor:
    """A new secret, not yet in force: sign-in keeps using the current one (if any) until a first code
    from the new authenticator confirms it."""
    factor = factor_for(user)
    if factor is None:
        factor = TwoFactor(user_id=user.id)
        db.session.add(factor)
    factor.pending_secret = pyotp.random_base32()  # 160 bits
    factor.pending_since = utcnow()
    db.session.flush()
    return factor


def pending_enrolment(user: User) -> TwoFactor | None:
    factor = factor_for(user)
    return factor if factor is not None and factor.pending_secret else None


def cancel_enrolment(user: User) -> None:
    factor = factor_for(user)
    if factor is None:
        return
    if factor.is_active:
        factor.pending_secret = None
        factor.pending_since = None
    else:
        db.session.delete(factor)


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email or user.username,
                                               issuer_name=current_app.config["SITE_NAME"])


def qr_data_uri(uri: str) -> str:
    """The QR code as an SVG data: URI, drawn here: the secret never leaves the server for a QR service."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=3, dark="#000", light="#fff")


def grouped_secret(secret: str) -> str:
    return " ".join(secret[index:index + 4] for index in range(0, len(secret), 4))


def confirm_enrolment(user: User, code: str) -> tuple[CodeResult, list[str]]:
    """Put the pending secret in force when a first code from it matches; returns ten fresh recovery codes."""
    factor = pending_enrolment(user)
    if factor is None:
        return CodeResult.WRONG, []
    result, step = _match_totp(factor.pending_secret, code, None)
    if result != CodeResult.TOTP:
        return result, []
    factor.secret = factor.pending_secret
    factor.last_used_step = step
    factor.confirmed_at = utcnow()
    factor.pending_secret = None
    factor.pending_since = None
    return result, new_recovery_codes(user)


def disable(user: User) -> None:
    db.session.execute(delete(TwoFactor).where(TwoFactor.user_id == user.id))
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))


# --- recovery codes ---------------------------------------------------------------------------------

def _normalise_recovery(code: str) -> str:
    return re.sub(r"[\s-]+", "", (code or "").lower())


def _hash_recovery(salt: str, code: str) -> str:
    return hashlib.sha256(f"{salt}:{_normalise_recovery(code)}".encode()).hexdigest()


def _format_recovery(raw: str) -> str:
    return "-".join(raw[index:index + 4] for index in range(0, len(raw), 4))


def new_recovery_codes(user: User) -> list[str]:
    """Replace every recovery code with ten new ones; the plain codes are returned once, never stored."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LENGTH))
        salt = secrets.token_hex(16)
        db.session.add(RecoveryCode(user_id=user.id, salt=salt, code_hash=_hash_recovery(salt, raw)))
        codes.append(_format_recovery(raw))
    db.session.flush()
    return codes


def _use_recovery_code(user: User, code: str) -> CodeResult:
    rows = db.session.scalars(select(RecoveryCode).where(RecoveryCode.user_id == user.id))
    for row in rows:
        if hmac.compare_digest(row.code_hash, _hash_recovery(row.salt, code)):
            if row.used_at is not None:
                return CodeResult.RECOVERY_USED
            row.used_at = utcnow()
            return CodeResult.RECOVERY
    return CodeResult.WRONG


# --- checking a code --------------------------------------------------------------------------------

def _looks_like_totp(code: str) -> bool:
    return bool(re.fullmatch(r"\d{6}", code))


def _match_totp(secret: str, code: str, last_used_step: int | None,
                now: float | None = None) -> tuple[CodeResult, int | None]:
    code = re.sub(r"\s+", "", code or "")
    if not _looks_like_totp(code):
        return CodeResult.WRONG, None
    totp = pyotp.TOTP(secret)
    current = int((now if now is not None else time.time()) // STEP_SECONDS)
    for step in (current, current - 1, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            if last_used_step is not None and step <= last_used_step:
                return CodeResult.REUSED, None
            return CodeResult.TOTP, step
    for step in range(current - 2, current - 2 - EXPIRED_STEPS, -1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return CodeResult.EXPIRED, None
    return CodeResult.WRONG, None


def _check_totp(factor: TwoFactor, code: str) -> CodeResult:
    result, step = _match_totp(factor.secret, code, factor.last_used_step)
    if result == CodeResult.TOTP:
        factor.last_used_step = step
    return result


def verify(user: User, code: str | None) -> CodeResult:
    """Check a sign-in code: a current TOTP code or an unused recovery code."""
    code = (code or "").strip()
    if not code:
        return CodeResult.MISSING
    factor = factor_for(user)
    if factor is None or not factor.is_active:
        return CodeResult.WRONG
    if _looks_like_totp(re.sub(r"\s+", "", code)):
        return _check_totp(factor, code)
    if len(_normalise_recovery(code)) == _RECOVERY_LENGTH:
        return _use_recovery_code(user, code)
    return CodeResult.WRONG


@dataclass
class Enrolment:
    """What the enrolment page shows."""
    factor: TwoFactor
    uri: str
    qr: str
    secret: str


def enrolment_view(user: User, factor: TwoFactor) -> Enrolment:
    uri = provisioning_uri(user, factor.pending_secret)
    return Enrolment(factor=factor, uri=uri, qr=qr_data_uri(uri), secret=grouped_secret(factor.pending_secret))
