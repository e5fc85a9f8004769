"""The verification workflow: submissions, decisions, suspensions, verifier roles and expiry.

Services take the acting user first, never read current_user and never commit. E-mails are
returned as `Mail` values for the caller to deliver once its transaction has committed, so
nobody is told about a decision that was rolled back."""
from __future__ import annotations

import logging
import math
import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from .. import audit, policy
from ..accounts.models import User, VerificationStatus
from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Group, Membership, MembershipStatus
from ..notifications.services import notify
from ..core.errors import DomainError
from ..core.outbox import queue_mail
from ..core.pagination import Page
from ..core.text import escape_like
from ..urls import link_to
from .models import AccountSuspension, RequestKind, RequestStatus, VerificationReminder, VerificationRequest

log = logging.getLogger("forum.verification")

NOTIFICATION_KIND = "verification"


class VerificationError(DomainError):
    """A rule of the workflow was broken; the message is shown to the person acting."""


class AlreadyDecided(VerificationError):
    def __init__(self, message: str, current: VerificationRequest | None = None):
        super().__init__(message, status=409)
        self.current = current


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str


def deliver(mails: list[Mail]) -> None:
    """Queue the decision's e-mails: they go out once the decision is committed (forum/core/outbox.py);
    a mail server outage never undoes it, and a refused decision mails nobody."""
    for mail in mails:
        queue_mail(mail.to, mail.subject, mail.body)


def _mail(user: User, subject: str, body: str) -> list[Mail]:
    if not user.email or user.deleted_at is not None:
        return []
    return [Mail(user.email, subject, f"Hello {user.display_name},\n\n{body}\n\n-- {current_app.config['SITE_NAME']}\n")]


def _valid_days() -> int:
    return int(current_app.config.get("VERIFICATION_VALID_DAYS", 730))


def _reminder_days() -> int:
    return int(current_app.config.get("VERIFICATION_REMINDER_DAYS", 30))


def _lock_user(user: User) -> None:
    """Serialise the workflow per account, so two simultaneous submissions cannot both stay pending.
    A no-op UPDATE takes the row lock on PostgreSQL and the write lock (BEGIN IMMEDIATE) on SQLite,
    where reads run outside the transaction and SELECT ... FOR UPDATE does not exist."""
    db.session.flush()
    db.session.execute(update(User).where(User.id == user.id).values(session_version=User.session_version)
                       .execution_options(synchronize_session=False))
    db.session.refresh(user)  # what the account is now, not what this request read before the lock


# --- where an account stands ---------------------------------------------------------------

def state_of(user: User, now: datetime | None = None) -> str:
    """pending, rejected, verified, expiring (within the reminder window), lapsed or suspended."""
    now = now or utcnow()
    status = user.verification_status
    if status == VerificationStatus.SUSPENDED:
        return "suspended"
    if status == VerificationStatus.PENDING:
        return "pending"
    if status == VerificationStatus.REJECTED:
        return "rejected"
    if user.verified_until is not None:
        if user.verified_until <= now:
            return "lapsed"
        if user.verified_until - now <= timedelta(days=_reminder_days()):
            return "expiring"
    return "verified"


def status_label(user: User | None) -> str:
    if user is None:
        return "unknown"
    if user.deleted_at is not None:
        return "account deleted"
    return {
        "pending": "verification pending", "rejected": "verification rejected", "verified": "verified",
        "expiring": "verified (renewal due)", "lapsed": "verification lapsed", "suspended": "suspended",
    }[state_of(user)]


def pending_request_of(user: User) -> VerificationRequest | None:
    return db.session.scalar(select(VerificationRequest).where(VerificationRequest.user_id == user.id,
                                                               VerificationRequest.status == RequestStatus.PENDING))


def requests_of(user: User) -> list[VerificationRequest]:
    """Every submission of this account, newest first, with its reviewer."""
    return list(db.session.scalars(
        select(VerificationRequest).where(VerificationRequest.user_id == user.id)
        .options(selectinload(VerificationRequest.reviewer))
        .order_by(VerificationRequest.created_at.desc(), VerificationRequest.id.desc())
    ))


def expiry_notice(user) -> dict | None:
    """What the renewal banner says to a member whose verification is about to lapse or has lapsed."""
    if not getattr(user, "is_authenticated", False) or not isinstance(user, User):
        return None
    state = state_of(user)
    if state not in ("expiring", "lapsed"):
        return None
    remaining = user.verified_until - utcnow()
    return {"state": state, "until": user.verified_until, "days": max(0, math.ceil(remaining.total_seconds() / 86400)),
            "renewal_pending": pending_request_of(user) is not None}


def typical_wait() -> timedelta | None:
    """The median time from submission to decision over recent decisions, for the status page."""
    since = utcnow() - timedelta(days=90)
    rows = db.session.execute(
        select(VerificationRequest.queued_at, VerificationRequest.decided_at)
        .where(VerificationRequest.status.in_((RequestStatus.APPROVED, RequestStatus.REJECTED)),
               VerificationRequest.decided_at >= since)
        .order_by(VerificationRequest.decided_at.desc()).limit(200)
    ).all()
    waits = [decided - queued for queued, decided in rows if decided and queued and decided >= queued]
    if len(waits) < 3:
        return None
    return statistics.median(waits)


def invited_groups(user: User) -> list[Group]:
    """The groups this account's invitations promised (its memberships, banned ones aside)."""
    return list(db.session.scalars(
        select(Group).join(Membership, Membership.group_id == Group.id)
        .where(Membership.user_id == user.id, Membership.status != MembershipStatus.BANNED).order_by(Group.name)
    ))


# --- submitting credentials ----------------------------------------------------------------

def _clean_credentials(credentials: dict) -> dict[str, str]:
    return {name: (credentials.get(name) or "").strip() for name in VerificationRequest.CREDENTIAL_FIELDS}


def submit(user: User, **credentials) -> VerificationRequest:
    """Submit (or correct) credentials. A pending request is replaced, never queued twice, and the
    correction keeps its place in the queue. Someone verified before asks for a renewal."""
    values = _clean_credentials(credentials)
    _lock_user(user)
    if user.verification_status == VerificationStatus.SUSPENDED or user.deleted_at is not None:
        raise VerificationError("This account cannot submit credentials.", status=403)
    now = utcnow()
    previous = pending_request_of(user)
    queued_at = now
    if previous is not None:
        queued_at = previous.queued_at
        replaced = db.session.execute(
            update(VerificationRequest)
            .where(VerificationRequest.id == previous.id, VerificationRequest.status == RequestStatus.PENDING)
            .values(status=RequestStatus.SUPERSEDED, decided_at=now, version=VerificationRequest.version + 1)
            .execution_options(synchronize_session=False)
        )
        if replaced.rowcount != 1:
            queued_at = now  # decided in the meantime: this is a fresh submission
        db.session.refresh(previous)
    kind = RequestKind.RENEWAL if user.verified_at is not None else RequestKind.NEW
    request = VerificationRequest(user_id=user.id, kind=kind, status=RequestStatus.PENDING, created_at=now,
                                  queued_at=queued_at, **values)
    db.session.add(request)
    if user.verification_status == VerificationStatus.REJECTED:
        user.verification_status = VerificationStatus.PENDING
    if user.verified_at is None:
        # Nobody has confirmed anything yet, so the account simply shows what was submitted.
        for name, value in values.items():
            setattr(user, name, value)
    db.session.flush()
    return request


def open_first_request(user: User) -> VerificationRequest:
    """Registration hands the credentials typed into the form to the verifiers' queue."""
    return submit(user, **{name: getattr(user, name) for name in VerificationRequest.CREDENTIAL_FIELDS})


# --- deciding ------------------------------------------------------------------------------

def _already_decided_message(request: VerificationRequest) -> tuple[str, VerificationRequest | None]:
    if request.status == RequestStatus.SUPERSEDED:
        newer = pending_request_of(request.user)
        return ("The applicant replaced this request with a corrected submission before it was decided. "
                "Nothing was changed; please review the current submission."), newer
    who = request.reviewer.display_name if request.reviewer else "another verifier"
    when = request.decided_at.strftime("%d %b %Y %H:%M UTC") if request.decided_at else ""
    return (f"This request was already {request.status} by {who}{' on ' + when if when else ''}. "
            "Your decision was not recorded."), None


def decide(actor: User, request: VerificationRequest, *, approve: bool, reason: str = "",
           seen_version: int | None = None) -> list[Mail]:
    """Approve or reject a pending request, exactly once: a conditional UPDATE on status (and on the
    version the verifier saw) lets only the first of two simultaneous decisions through."""
    if not policy.can_verify(actor):
        raise VerificationError("Only verifiers decide verification requests.", status=403)
    if request.user_id == actor.id:
        raise VerificationError("Nobody can decide on their own verification request; another verifier will.",
                                status=403)
    user = request.user
    reason = (reason or "").strip()
    if not approve and not reason:
        raise VerificationError("Say why you reject this request: the applicant reads the reason and can correct "
                                "their submission.", "reason")
    if len(reason) > 2000:
        raise VerificationError("Keep the reason under 2,000 characters.", "reason")
    if user.deleted_at is not None:
        raise VerificationError("This account was deleted; there is nothing to decide.", status=409)
    if user.verification_status == VerificationStatus.SUSPENDED and request.is_pending:
        raise VerificationError("This account is suspended. Lift the suspension on the account page before "
                                "deciding its verification.", status=409)
    now = utcnow()
    conditions = [VerificationRequest.id == request.id, VerificationRequest.status == RequestStatus.PENDING]
    if seen_version is not None:
        conditions.append(VerificationRequest.version == seen_version)
    result = db.session.execute(
        update(VerificationRequest).where(*conditions)
        .values(status=RequestStatus.APPROVED if approve else RequestStatus.REJECTED, reviewer_id=actor.id,
                reason=reason, decided_at=now, version=VerificationRequest.version + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(request)
    if result.rowcount != 1:
        if request.status == RequestStatus.PENDING:
            raise AlreadyDecided("This request changed since you opened it. Please review it again.", request)
        message, newer = _already_decided_message(request)
        raise AlreadyDecided(message, newer)
    return _approved(actor, request, user, now) if approve else _rejected(actor, request, user, reason)


def _approved(actor: User, request: VerificationRequest, user: User, now: datetime) -> list[Mail]:
    for name, value in request.credentials().items():
        setattr(user, name, value)
    user.verification_status = VerificationStatus.VERIFIED
    user.verified_at = now
    user.verified_until = now + timedelta(days=_valid_days())
    audit.record(actor, "verification:request:approve", target_type="verification_request", target_id=request.id,
                 target_label=user.display_name, subject_user=user, reason=request.reason,
                 details={"kind": request.kind, "valid_until": user.verified_until.isoformat()})
    groups = invited_groups(user)
    until = user.verified_until.strftime("%d %B %Y")
    if request.kind == RequestKind.RENEWAL:
        message = f"Your verification is renewed until {until}."
        key, params = "verification.renewed", {"until": user.verified_until.isoformat()}
    elif groups:
        message = (f"Your credentials are verified. You can now join {_names(groups)}: accept each group's "
                   "guidelines to start reading.")
        key, params = "verification.approved_groups", {"groups": _names(groups)}
    else:
        message = "Your credentials are verified. Ask a colleague to invite you to a group."
        key, params = "verification.approved", {}
    notify(user.id, NOTIFICATION_KIND, key, params=params, link=link_to("main.dashboard"), actor=actor)
    return _mail(user, "Your Konsil verification is approved",
                 f"{message}\n\nYour verification is valid until {until}; we will remind you before it lapses.\n\n"
                 f"{link_to('main.dashboard', external=True)}")


def _rejected(actor: User, request: VerificationRequest, user: User, reason: str) -> list[Mail]:
    still_valid = policy.is_verified(user)
    if not still_valid:
        user.verification_status = VerificationStatus.REJECTED
    audit.record(actor, "verification:request:reject", target_type="verification_request", target_id=request.id,
                 target_label=user.display_name, subject_user=user, reason=reason, details={"kind": request.kind})
    message = f"A verifier could not confirm your credentials: {reason}"
    follow_up = ("Your current verification stays valid until it lapses; correct your details and submit again."
                 if still_valid else "Correct your details and submit them again.")
    notify(user.id, NOTIFICATION_KIND, "verification.rejected_still_valid" if still_valid else "verification.rejected",
           params={"reason": reason}, link=link_to("verification.status"), actor=actor)
    return _mail(user, "Your Konsil verification needs another look",
                 f"{message}\n\n{follow_up}\n\n{link_to('verification.status', external=True)}")


def _names(groups: list[Group]) -> str:
    names = [group.name for group in groups]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# --- the verifiers' queue ------------------------------------------------------------------

def _queue_query(kind: str | None):
    query = (select(VerificationRequest).join(VerificationRequest.user)
             .where(VerificationRequest.status == RequestStatus.PENDING, User.deleted_at.is_(None)))
    if kind in (RequestKind.NEW, RequestKind.RENEWAL):
        query = query.where(VerificationRequest.kind == kind)
    return query


def pending_queue(kind: str | None = None, limit: int = 200) -> tuple[list[VerificationRequest], int]:
    """Pending requests, oldest first, with the applicant and their inviter loaded; and the total."""
    query = _queue_query(kind)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    requests = list(db.session.scalars(
        query.options(contains_eager(VerificationRequest.user).joinedload(User.invited_by))
        .order_by(VerificationRequest.queued_at, VerificationRequest.id).limit(limit)
    ).unique())
    return requests, total


def queue_counts() -> dict[str, int]:
    rows = db.session.execute(
        select(VerificationRequest.kind, func.count(VerificationRequest.id)).join(VerificationRequest.user)
        .where(VerificationRequest.status == RequestStatus.PENDING, User.deleted_at.is_(None))
        .group_by(VerificationRequest.kind)
    ).all()
    counts = {kind: count for kind, count in rows}
    return {"new": counts.get(RequestKind.NEW, 0), "renewal": counts.get(RequestKind.RENEWAL, 0),
            "all": sum(counts.values())}


def pending_count_for(verifier: User) -> int:
    """Requests this verifier can decide (their own excluded), for the header badge."""
    return db.session.scalar(
        select(func.count(VerificationRequest.id)).join(VerificationRequest.user)
        .where(VerificationRequest.status == RequestStatus.PENDING, User.deleted_at.is_(None),
               VerificationRequest.user_id != verifier.id)
    ) or 0


def earlier_decisions(user_ids: list[int]) -> dict[int, dict[str, int]]:
    """Per applicant: how many of their requests were approved and rejected before."""
    if not user_ids:
        return {}
    rows = db.session.execute(
        select(VerificationRequest.user_id, VerificationRequest.status, func.count(VerificationRequest.id))
        .where(VerificationRequest.user_id.in_(user_ids),
               VerificationRequest.status.in_((RequestStatus.APPROVED, RequestStatus.REJECTED)))
        .group_by(VerificationRequest.user_id, VerificationRequest.status)
    ).all()
    result: dict[int, dict[str, int]] = {}
    for user_id, status, count in rows:
        result.setdefault(user_id, {})[status] = count
    return result


def recent_decisions(limit: int = 20) -> list[VerificationRequest]:
    return list(db.session.scalars(
        select(VerificationRequest)
        .where(VerificationRequest.status.in_((RequestStatus.APPROVED, RequestStatus.REJECTED)))
        .options(joinedload(VerificationRequest.user), joinedload(VerificationRequest.reviewer))
        .order_by(VerificationRequest.decided_at.desc()).limit(limit)
    ))


def changed_fields(request: VerificationRequest) -> list[str]:
    """For a renewal: which credentials differ from what was verified last time."""
    if request.kind != RequestKind.RENEWAL:
        return []
    user = request.user
    return [name for name in VerificationRequest.CREDENTIAL_FIELDS
            if (getattr(user, name) or "").strip() != (getattr(request, name) or "").strip()]


# --- accounts: suspension and the verifier role --------------------------------------------

def suspend(actor: User, user: User, reason: str) -> list[Mail]:
    """Suspend an account. Every existing session ends at its next request: the session version is
    bumped and the user loader refuses suspended accounts."""
    reason = (reason or "").strip()
    if not policy.can_suspend_account(actor, user):
        raise VerificationError("You cannot suspend this account." if user.id != actor.id
                                else "You cannot suspend your own account.", status=403)
    if not reason:
        raise VerificationError("Give the reason for the suspension (for example: licence withdrawn by the "
                                "chamber on 3 March). The member reads it.", "reason")
    if len(reason) > 2000:
        raise VerificationError("Keep the reason under 2,000 characters.", "reason")
    _lock_user(user)
    if user.verification_status == VerificationStatus.SUSPENDED:
        raise VerificationError("This account is already suspended.", status=409)
    db.session.add(AccountSuspension(user_id=user.id, reason=reason, previous_status=user.verification_status,
                                     created_by_id=actor.id))
    user.verification_status = VerificationStatus.SUSPENDED
    user.session_version = (user.session_version or 1) + 1
    audit.record(actor, "verification:account:suspend", target_type="user", target_id=user.id,
                 target_label=user.display_name, subject_user=user, reason=reason)
    notify(user.id, NOTIFICATION_KIND, "account.suspended", params={"reason": reason}, actor=actor)
    return _mail(user, "Your Konsil account is suspended",
                 f"An administrator suspended your Konsil account. The reason given:\n\n{reason}\n\n"
                 "You cannot sign in while the suspension lasts. Reply to your organisation's Konsil administrator "
                 "if you think this is a mistake.")


def open_suspension(user: User) -> AccountSuspension | None:
    return db.session.scalar(
        select(AccountSuspension).where(AccountSuspension.user_id == user.id, AccountSuspension.lifted_at.is_(None))
        .order_by(AccountSuspension.created_at.desc()).limit(1)
    )


def unsuspend(actor: User, user: User, note: str = "") -> list[Mail]:
    """Lift a suspension; the account gets back the verification status it had (an expired
    verification stays expired)."""
    if not policy.can_manage_accounts(actor):
        raise VerificationError("Only administrators lift suspensions.", status=403)
    note = (note or "").strip()[:2000]
    _lock_user(user)
    if user.verification_status != VerificationStatus.SUSPENDED:
        raise VerificationError("This account is not suspended.", status=409)
    suspension = open_suspension(user)
    if suspension is not None and suspension.previous_status != VerificationStatus.SUSPENDED:
        restored = suspension.previous_status
    else:
        restored = VerificationStatus.VERIFIED if user.verified_at else VerificationStatus.PENDING
    if suspension is not None:
        suspension.lifted_at = utcnow()
        suspension.lifted_by_id = actor.id
        suspension.lift_note = note
    user.verification_status = restored
    audit.record(actor, "verification:account:unsuspend", target_type="user", target_id=user.id,
                 target_label=user.display_name, subject_user=user, reason=note, details={"restored": restored})
    notify(user.id, NOTIFICATION_KIND, "account.reinstated_note" if note else "account.reinstated",
           params={"note": note or ""}, actor=actor)
    return _mail(user, "Your Konsil account is active again",
                 "An administrator lifted the suspension of your Konsil account; you can sign in again."
                 + (f"\n\n{note}" if note else "") + f"\n\n{link_to('auth.login', external=True)}")


def set_verifier(actor: User, user: User, grant: bool) -> None:
    if not policy.can_manage_accounts(actor):
        raise VerificationError("Only administrators appoint verifiers.", status=403)
    if grant and not policy.is_verified(user):
        raise VerificationError("Only verified members can become verifiers.", status=409)
    if bool(user.is_verifier) == grant:
        raise VerificationError(f"{user.display_name} {'is already' if grant else 'is not'} a verifier.", status=409)
    user.is_verifier = grant
    audit.record(actor, f"verification:verifier:{'grant' if grant else 'revoke'}", target_type="user",
                 target_id=user.id, target_label=user.display_name, subject_user=user)
    if grant:
        notify(user.id, NOTIFICATION_KIND, "verifier.appointed", link=link_to("verification.queue"), actor=actor)
    else:
        notify(user.id, NOTIFICATION_KIND, "verifier.removed", actor=actor)


ACCOUNT_FILTERS = {
    "all": "Everyone", "pending": "Pending", "verified": "Verified", "rejected": "Rejected",
    "suspended": "Suspended", "verifiers": "Verifiers", "admins": "Admins",
}


def find_accounts(query_text: str, status: str, page: int, per_page: int = 50) -> Page | None:
    conditions = [User.deleted_at.is_(None)]
    text = (query_text or "").strip()[:100]
    if text:
        pattern = "%" + escape_like(text) + "%"
        conditions.append(or_(User.display_name.ilike(pattern, escape="\\"), User.email.ilike(pattern, escape="\\"),
                              User.username.ilike(pattern, escape="\\"),
                              User.licence_number.ilike(pattern, escape="\\")))
    if status in ("pending", "verified", "rejected", "suspended"):
        conditions.append(User.verification_status == status)
    elif status == "verifiers":
        conditions.append(or_(User.is_verifier.is_(True), User.is_admin.is_(True)))
    elif status == "admins":
        conditions.append(User.is_admin.is_(True))
    total = db.session.scalar(select(func.count(User.id)).where(*conditions))
    pages = max(1, math.ceil(total / per_page))
    if page < 1 or page > pages:
        return None
    users = list(db.session.scalars(select(User).where(*conditions).order_by(User.display_name, User.id)
                                    .limit(per_page).offset((page - 1) * per_page)))
    return Page(users, page, pages, total)


def suspensions_of(user: User) -> list[AccountSuspension]:
    return list(db.session.scalars(
        select(AccountSuspension).where(AccountSuspension.user_id == user.id)
        .options(selectinload(AccountSuspension.created_by), selectinload(AccountSuspension.lifted_by))
        .order_by(AccountSuspension.created_at.desc())
    ))


# --- expiry --------------------------------------------------------------------------------

def send_reminders(now: datetime | None = None) -> list[Mail]:
    """Remind members whose verification lapses within VERIFICATION_REMINDER_DAYS, and tell those
    whose verification just lapsed; each at most once per verification period."""
    now = now or utcnow()
    window_end = now + timedelta(days=_reminder_days())
    mails: list[Mail] = []
    pending_exists = exists().where(VerificationRequest.user_id == User.id,
                                    VerificationRequest.status == RequestStatus.PENDING)

    def not_yet(kind: str):
        return ~exists().where(VerificationReminder.user_id == User.id, VerificationReminder.kind == kind,
                               VerificationReminder.valid_until == User.verified_until)

    base = [User.verification_status == VerificationStatus.VERIFIED, User.verified_until.is_not(None),
            User.deleted_at.is_(None)]
    expiring = db.session.scalars(select(User).where(
        *base, User.verified_until > now, User.verified_until <= window_end, ~pending_exists, not_yet("expiring")))
    for user in expiring:
        db.session.add(VerificationReminder(user_id=user.id, kind="expiring", valid_until=user.verified_until,
                                            sent_at=now))
        days = max(1, math.ceil((user.verified_until - now).total_seconds() / 86400))
        until = user.verified_until.strftime("%d %B %Y")
        message = (f"Your verification lapses on {until} (in {days} day{'s' if days != 1 else ''}). "
                   "Confirm your credentials to keep reading your groups.")
        notify(user.id, NOTIFICATION_KIND, "verification.expiring",
               params={"until": user.verified_until.isoformat(), "days": days}, link=link_to("verification.status"))
        mails += _mail(user, "Please renew your Konsil verification",
                       f"{message} It takes a minute:\n\n{link_to('verification.status', external=True)}")
    lapsed = db.session.scalars(select(User).where(*base, User.verified_until <= now, not_yet("lapsed")))
    for user in lapsed:
        db.session.add(VerificationReminder(user_id=user.id, kind="lapsed", valid_until=user.verified_until,
                                            sent_at=now))
        message = ("Your verification has lapsed, so your groups are paused. Your memberships are kept: "
                   "confirm your credentials and a verifier will restore your access.")
        notify(user.id, NOTIFICATION_KIND, "verification.lapsed", link=link_to("verification.status"))
        mails += _mail(user, "Your Konsil verification has lapsed",
                       f"{message}\n\n{link_to('verification.status', external=True)}")
    db.session.flush()
    return mails


def describe_wait(wait: timedelta | None) -> str:
    if wait is None:
        return "usually within two working days"
    hours = wait.total_seconds() / 3600
    if hours < 1:
        return "usually within an hour"
    if hours < 36:
        return f"usually about {max(1, round(hours))} hour{'s' if round(hours) > 1 else ''}"
    days = round(hours / 24)
    return f"usually about {days} days"
