from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db_types import UTCDateTime, utcnow
from ..extensions import db
from flask_babel import lazy_gettext as _l


class Profession(StrEnum):
    PHYSICIAN = "physician"
    NURSE = "nurse"
    MIDWIFE = "midwife"
    PHARMACIST = "pharmacist"
    PSYCHOTHERAPIST = "psychotherapist"
    PHYSIOTHERAPIST = "physiotherapist"
    PARAMEDIC = "paramedic"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(PROFESSION_LABELS[self])


PROFESSION_LABELS = {
    Profession.PHYSICIAN: _l("Physician"),
    Profession.NURSE: _l("Nurse"),
    Profession.MIDWIFE: _l("Midwife"),
    Profession.PHARMACIST: _l("Pharmacist"),
    Profession.PSYCHOTHERAPIST: _l("Psychotherapist"),
    Profession.PHYSIOTHERAPIST: _l("Physiotherapist"),
    Profession.PARAMEDIC: _l("Paramedic"),
    Profession.OTHER: _l("Other health professional"),
}


class VerificationStatus(StrEnum):
    PENDING = "pending"
    VERIFIED = "verified"
    REJECTED = "rejected"
    SUSPENDED = "suspended"


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str | None] = mapped_column(String(254), unique=True)  # stored lower-case; None once erased
    display_name: Mapped[str] = mapped_column(String(80))
    # The @handle used for mentions: lower-case letters, digits, dots, dashes.
    username: Mapped[str] = mapped_column(String(32), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    profession: Mapped[str] = mapped_column(String(32), default=Profession.OTHER)
    specialty: Mapped[str] = mapped_column(String(120), default="")
    organisation: Mapped[str] = mapped_column(String(160), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    licence_number: Mapped[str] = mapped_column(String(64), default="")
    licence_authority: Mapped[str] = mapped_column(String(160), default="")
    verification_status: Mapped[str] = mapped_column(
        String(16), default=VerificationStatus.PENDING, server_default=VerificationStatus.PENDING, index=True
    )
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    verified_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    locale: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    # An IANA zone name; empty means the organisation's FORUM_DEFAULT_TIMEZONE.
    timezone: Mapped[str] = mapped_column(String(64), default="", server_default="")
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    is_verifier: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Handles privacy incidents (/admin/incidents) beside the admins; granted by an admin.
    is_privacy_officer: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # The patient-data primer version the member read and confirmed before their first post.
    primer_version: Mapped[int | None] = mapped_column(Integer)
    primer_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Bumped to end every existing session of this user ("sign out everywhere", password change).
    session_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    terms_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    bio: Mapped[str] = mapped_column(Text, default="", server_default="")

    invited_by: Mapped[User | None] = relationship(remote_side=[id], foreign_keys=[invited_by_id])

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def profession_label(self) -> str:
        try:
            return Profession(self.profession).label
        except ValueError:
            return str(PROFESSION_LABELS[Profession.OTHER])

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def public_name(self) -> str:
        return str(_l("former member")) if self.is_deleted else self.display_name

    def __repr__(self) -> str:
        return f"<User {self.id}>"


class TwoFactor(db.Model):
    """A TOTP second factor. `secret` is the one in force (once a first code confirmed it); `pending_secret`
    is an enrolment in progress, so moving to a new device never leaves the account without a factor."""

    __tablename__ = "two_factor"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    secret: Mapped[str | None] = mapped_column(String(64))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The last 30-second time step accepted: a code is never accepted twice.
    last_used_step: Mapped[int | None] = mapped_column(Integer)
    pending_secret: Mapped[str | None] = mapped_column(String(64))
    pending_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def is_active(self) -> bool:
        return bool(self.secret) and self.confirmed_at is not None


class RecoveryCode(db.Model):
    """Single-use codes for when the authenticator is lost; only salted hashes are stored."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    salt: Mapped[str] = mapped_column(String(32))
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PasswordResetToken(db.Model):
    """A password reset link: SHA-256 of the token, valid for an hour, used once."""

    __tablename__ = "password_reset_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set when the password changed by another way after the link was sent.
    invalidated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


class SecurityEvent(db.Model):
    """Sign-ins, failures, second-factor and password changes, resets, exports: for the user and for admins.
    Never holds a password, token, code or post text."""

    __tablename__ = "security_events"
    __table_args__ = (Index("ix_security_events_user_created", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(48), index=True)  # "auth:login:success", "account:data:export"
    ip_prefix: Mapped[str] = mapped_column(String(64), default="")  # a /24 or /48 network, never the address
    # The browser family, operating system and device kind (security.Client), put into words when read.
    client_browser: Mapped[str] = mapped_column(String(32), default="", server_default="")
    client_os: Mapped[str] = mapped_column(String(32), default="", server_default="")
    client_device: Mapped[str] = mapped_column(String(16), default="", server_default="")
    details: Mapped[dict | None] = mapped_column(JSON)

    user: Mapped[User | None] = relationship(foreign_keys=[user_id])
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])


class LoginThrottle(db.Model):
    """Failed sign-ins per account and per address, kept in the database so every worker sees them.
    Keys are keyed hashes: neither the typed e-mail address nor the IP address is stored."""

    __tablename__ = "login_throttles"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    window_started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    lockouts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # When the account's owner was last told by e-mail about failed sign-ins (account rows only).
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class UserSession(db.Model):
    """One signed-in session, known to the server so that it can be ended there: signing out, "sign out
    everywhere" and a password change take effect even for a copied cookie. Holds a hash of the session's
    random id, never the id itself."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    sid_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    method: Mapped[str] = mapped_column(String(16), default="password")
    ip_prefix: Mapped[str] = mapped_column(String(64), default="")
    client_browser: Mapped[str] = mapped_column(String(32), default="", server_default="")
    client_os: Mapped[str] = mapped_column(String(32), default="", server_default="")
    client_device: Mapped[str] = mapped_column(String(16), default="", server_default="")
