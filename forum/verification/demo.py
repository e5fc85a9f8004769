"""The verification part of the demo: validity periods, a history of decisions, a pending user who
was asked once to correct their submission, a member due for renewal and a renewal in the queue."""
from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from ..accounts.models import User
from ..db_types import utcnow
from ..extensions import db
from .models import RequestKind, RequestStatus, VerificationRequest
from .services import decide, submit


def _approved_history(user: User, admin: User, when) -> None:
    db.session.add(VerificationRequest(
        user_id=user.id, kind=RequestKind.NEW, status=RequestStatus.APPROVED, created_at=when - timedelta(days=1),
        queued_at=when - timedelta(days=1), reviewer_id=admin.id, decided_at=when, version=2,
        reason="Checked in the register.", **{name: getattr(user, name) for name in VerificationRequest.CREDENTIAL_FIELDS}))


def seed_verification_demo(users: dict[str, User], groups) -> None:
    now = utcnow()
    valid = timedelta(days=current_app.config["VERIFICATION_VALID_DAYS"])
    admin = users["admin@demo.konsil.example"]
    for user in users.values():
        user.verified_at = now - timedelta(days=40)
    # Due for renewal in three weeks: the banner and `forum send-reminders` have someone to remind.
    paramedic = users["paramedic@demo.konsil.example"]
    paramedic.verified_at = now - valid + timedelta(days=21)
    # Already renewing: the queue shows renewals beside new requests.
    gp = users["gp@demo.konsil.example"]
    gp.verified_at = now - valid + timedelta(days=9)
    for user in users.values():
        user.verified_until = user.verified_at + valid
        if user is not admin:
            _approved_history(user, admin, user.verified_at)
    db.session.flush()
    submit(gp, **{name: getattr(gp, name) for name in VerificationRequest.CREDENTIAL_FIELDS})

    pending = db.session.scalar(select(User).where(User.email == "pending@demo.konsil.example"))
    if pending is None:
        return
    first = submit(pending, **{name: getattr(pending, name) for name in VerificationRequest.CREDENTIAL_FIELDS})
    first.created_at = first.queued_at = now - timedelta(days=2)
    db.session.flush()
    decide(admin, first, approve=False,
           reason="The Ärztekammer Westfalen-Lippe issues no number like DEMO-PEND. Please give your LANR or the "
                  "membership number printed on your Arztausweis.")
    submit(pending, profession="physician", specialty="Neurology", organisation="Uniklinik West", country="DE",
           licence_number="123456601", licence_authority="Ärztekammer Westfalen-Lippe")
