"""Helpers for the verification tests: applicants with requests, reading pages and mail."""
from __future__ import annotations

import email
import re
from pathlib import Path

from sqlalchemy import select

from forum.accounts.models import VerificationStatus
from forum.audit import LogEntry
from forum.extensions import db
from forum.notifications.models import Notification
from forum.verification.models import RequestStatus, VerificationRequest
from forum.verification.services import submit

CREDENTIALS = {
    "profession": "physician",
    "specialty": "Nephrology",
    "organisation": "Lakeside General Hospital",
    "country": "US",
    "licence_number": "1234567893",  # a valid NPI
    "licence_authority": "NPPES",
}


def applicant(make, name: str = "Dr. Ines Carvalho", **profile):
    """A pending account with one pending verification request, as registration leaves it."""
    values = {**CREDENTIALS, **profile}
    user = make.user(name, status=VerificationStatus.PENDING, **values)
    request = submit(user, **values)
    db.session.commit()
    return user, request


def pending_request_of(user) -> VerificationRequest | None:
    return db.session.scalar(select(VerificationRequest).where(VerificationRequest.user_id == user.id,
                                                               VerificationRequest.status == RequestStatus.PENDING))


def main_text(response) -> str:
    html = response.get_data(as_text=True)
    start, end = html.find("<main"), html.find("</main>")
    assert start != -1 and end != -1, html[:500]
    return html[start:end]


def text_of(response) -> str:
    """The visible words of <main>, tags removed and whitespace collapsed."""
    import html as html_module

    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", main_text(response)))).strip()


def outbox(app) -> list[email.message.EmailMessage]:
    folder = Path(app.config["MAIL_OUTBOX_DIR"])
    if not folder.exists():
        return []
    messages = []
    for path in sorted(folder.glob("*.eml")):
        messages.append(email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
    return messages


def mails_to(app, address: str) -> list:
    return [message for message in outbox(app) if message["To"] == address]


def notifications_of(user, kind: str = "verification") -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id,
                                                              Notification.kind == kind)
                                   .order_by(Notification.id)))


def log_entries(action: str) -> list[LogEntry]:
    return list(db.session.scalars(select(LogEntry).where(LogEntry.action == action).order_by(LogEntry.id)))
