from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db_types import UTCDateTime, utcnow
from ..extensions import db


class RequestKind(StrEnum):
    NEW = "new"
    RENEWAL = "renewal"


class RequestStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUPERSEDED = "superseded"  # the applicant corrected it before anyone decided


class VerificationRequest(db.Model):
    """One submission of professional credentials and, once decided, the verifier's decision.

    The credentials are a snapshot: the account's own fields change only when a request is
    approved, so posts always show what a verifier confirmed. At most one request per user is
    pending (a partial unique index backs that up); decisions are conditional updates on
    status and version, so two verifiers clicking at once cannot both decide."""

    __tablename__ = "verification_requests"
    __table_args__ = (
        Index("ix_verification_requests_status_queued_at", "status", "queued_at"),
        Index("uq_verification_requests_one_pending", "user_id", unique=True,
              sqlite_where=text("status = 'pending'"), postgresql_where=text("status = 'pending'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default=RequestKind.NEW)
    status: Mapped[str] = mapped_column(String(16), default=RequestStatus.PENDING)
    profession: Mapped[str] = mapped_column(String(32))
    specialty: Mapped[str] = mapped_column(String(120), default="")
    organisation: Mapped[str] = mapped_column(String(160), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    licence_number: Mapped[str] = mapped_column(String(64), default="")
    licence_authority: Mapped[str] = mapped_column(String(160), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A correction keeps the applicant's place in the queue: the queue is ordered by this.
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(2000), default="", server_default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])

    CREDENTIAL_FIELDS = ("profession", "specialty", "organisation", "country", "licence_number", "licence_authority")

    def credentials(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in self.CREDENTIAL_FIELDS}

    @property
    def is_pending(self) -> bool:
        return self.status == RequestStatus.PENDING

    @property
    def profession_label(self) -> str:
        from ..accounts.models import PROFESSION_LABELS, Profession

        try:
            return Profession(self.profession).label
        except ValueError:
            return str(PROFESSION_LABELS[Profession.OTHER])

    def __repr__(self) -> str:
        return f"<VerificationRequest {self.id} {self.status}>"


class AccountSuspension(db.Model):
    """An admin suspended an account (a licence withdrawn, for example); lifting it restores the
    verification status the account had before."""

    __tablename__ = "account_suspensions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(2000))
    previous_status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lifted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    lift_note: Mapped[str] = mapped_column(String(2000), default="", server_default="")

    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    lifted_by: Mapped[User | None] = relationship(foreign_keys=[lifted_by_id])


class VerificationReminder(db.Model):
    """One row per reminder sent, so that `forum send-reminders` can run as often as it likes."""

    __tablename__ = "verification_reminders"
    __table_args__ = (UniqueConstraint("user_id", "kind", "valid_until", name="uq_verification_reminders_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "expiring" or "lapsed"
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
