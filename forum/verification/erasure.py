"""When an account is erased, the credentials it submitted for review go too; the decisions stay
(as the moderation log does), without the licence details."""
from __future__ import annotations

from sqlalchemy import delete, update

from ..db_types import utcnow
from ..extensions import db
from .models import RequestStatus, VerificationReminder, VerificationRequest


def erase_verification_data(sender, user, actor=None, **extra) -> None:
    db.session.execute(
        update(VerificationRequest).where(VerificationRequest.user_id == user.id,
                                          VerificationRequest.status == RequestStatus.PENDING)
        .values(status=RequestStatus.SUPERSEDED, decided_at=utcnow(), version=VerificationRequest.version + 1)
        .execution_options(synchronize_session="auto"))
    db.session.execute(
        update(VerificationRequest).where(VerificationRequest.user_id == user.id)
        .values(specialty="", organisation="", licence_number="", licence_authority="")
        .execution_options(synchronize_session="auto"))
    db.session.execute(delete(VerificationReminder).where(VerificationReminder.user_id == user.id))
