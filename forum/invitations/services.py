"""Invitations: the only way into Konsil. The token lives only in the link; we keep its SHA-256."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app, has_app_context
from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import selectinload

from .. import audit, permissions
from ..accounts.addresses import InvalidAddress, normalise_address
from ..accounts.models import User
from ..accounts.passwords import hash_password
from ..accounts.services import AccountError, checked_new_account, create_user, find_by_email
from ..core.errors import DomainError
from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Group, MembershipStatus
from ..groups.services import add_member
from ..notifications.services import notify
from .models import Invitation, RegistrationRequest


class InvitationError(DomainError):
    pass


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def emailed_today(inviter: User) -> int:
    """How many invitations for an e-mail address this member created in the last 24 hours."""
    return db.session.scalar(select(func.count(Invitation.id)).where(
        Invitation.inviter_id == inviter.id, Invitation.email.is_not(None),
        Invitation.created_at > utcnow() - timedelta(days=1))) or 0


def _bound_address(email: str | None) -> str | None:
    if not (email or "").strip():
        return None
    try:
        return normalise_address(email)
    except InvalidAddress as error:
        raise InvitationError(str(error), "email") from error


def create_invitation(inviter: User | None, group: Group, email: str | None = None,
                      valid_days: int | None = None) -> tuple[Invitation, str]:
    """Returns the invitation and the raw token, which is shown once and never stored.

    An invitation for an address makes the forum send an e-mail to that address in the member's name,
    so a member may do that only so many times a day (INVITATION_EMAILS_PER_DAY)."""
    if email and inviter is not None and has_app_context():
        limit = current_app.config.get("INVITATION_EMAILS_PER_DAY", 20)
        if emailed_today(inviter) >= limit:
            raise InvitationError(_(
                "You have sent %(limit)s invitations by e-mail in the last 24 hours, the most Konsil sends for one "
                "member. Create a link without an address and pass it on yourself, or try again tomorrow.",
                limit=limit), "email")
    if valid_days is None:
        valid_days = current_app.config["INVITATION_VALID_DAYS"] if has_app_context() else 7
    token = secrets.token_urlsafe(32)  # 256 bits
    invitation = Invitation(
        token_hash=hash_token(token), group_id=group.id, inviter_id=inviter.id if inviter else None,
        email=_bound_address(email), expires_at=utcnow() + timedelta(days=valid_days),
    )
    db.session.add(invitation)
    db.session.flush()
    audit.record(inviter, "invitation:create", target_type="invitation", target_id=invitation.id,
                 target_label=group.name, group_id=group.id, details={"bound": bool(invitation.email)})
    return invitation, token


def usable_invitation(token: str) -> Invitation | None:
    """The pending invitation for this token, or None for unknown, expired, used and revoked alike."""
    if not token or len(token) > 200:
        return None
    invitation = db.session.scalar(
        select(Invitation).options(selectinload(Invitation.group)).where(Invitation.token_hash == hash_token(token))
    )
    if invitation is None or invitation.accepted_at or invitation.revoked_at or invitation.expires_at <= utcnow():
        return None
    if not inviter_may_still_invite(invitation):
        return None
    return invitation


def inviter_may_still_invite(invitation: Invitation) -> bool:
    """An invitation speaks for its inviter: once they are removed, banned or suspended (in the group or as an
    account), or may no longer invite there, their links are void. Links the operator made have no inviter."""
    if invitation.inviter_id is None:
        return True
    inviter = invitation.inviter
    return inviter is not None and permissions.invitations_stand_for(inviter, invitation.group)


def void_reason(invitation: Invitation) -> str | None:
    """Why a pending invitation no longer works although nobody revoked it: its inviter can no longer vouch
    for anyone in the group (the same rule as inviter_may_still_invite), in words for the invitations page."""
    if invitation.inviter_id is None or inviter_may_still_invite(invitation):
        return None
    inviter = invitation.inviter
    if inviter is None or inviter.deleted_at is not None:
        return _("Void: the account of the member who made it was closed.")
    if not permissions.may_sign_in(inviter):
        return _("Void: the account of the member who made it is suspended.")
    if not permissions.is_verified(inviter):
        return _("Void: the member who made it is no longer verified.")
    membership = permissions.membership_for(inviter, invitation.group)
    if membership is None:
        return _("Void: the member who made it was removed from the group.")
    if membership.status == MembershipStatus.BANNED:
        return _("Void: the member who made it was banned from the group.")
    if permissions.is_suspended_in(inviter, invitation.group):
        return _("Void: the member who made it is suspended in the group.")
    return _("Void: the member who made it may no longer invite to this group.")


def is_banned_from(user: User, group: Group) -> bool:
    membership = permissions.membership_for(user, group)
    return membership is not None and membership.status == MembershipStatus.BANNED


def _claim(invitation: Invitation, user: User) -> None:
    """Mark the invitation used; the conditional UPDATE makes a second, simultaneous use fail."""
    now = utcnow()
    result = db.session.execute(
        update(Invitation)
        .where(Invitation.id == invitation.id, Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None),
               Invitation.expires_at > now)
        .values(accepted_at=now, accepted_by_id=user.id)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise InvitationError(_("This invitation can no longer be used."))
    db.session.refresh(invitation)


# How long the link that confirms a registration works.
REGISTRATION_VALID_FOR = timedelta(hours=24)


@dataclass
class RegistrationAnswer:
    """What a registration through an invitation leads to. The page says the same in both cases (check your
    e-mail); only the mail differs: a confirmation link for a new address, a notice to an existing account."""

    email: str
    existing: User | None = None
    confirmation_token: str | None = None


def request_registration(invitation: Invitation, *, email: str, display_name: str, password: str,
                         **credentials) -> RegistrationAnswer:
    """Checks what a registration may be refused for without revealing anything (address form, the address an
    invitation is bound to, the name), then keeps the registration until its address is confirmed. Whether an
    account already has the address decides only which e-mail goes out: the work done (hashing the password)
    and the answer are the same either way."""
    try:
        email = checked_new_account(email, display_name)
    except AccountError as error:
        raise InvitationError(str(error), error.field) from error
    if invitation.email and invitation.email != email:
        raise InvitationError(_("This invitation was issued for a different e-mail address; please use that one."),
                              "email")
    password_hash = hash_password(password)
    now = utcnow()
    db.session.execute(delete(RegistrationRequest).where(RegistrationRequest.expires_at <= now)
                       .execution_options(synchronize_session=False))
    existing = find_by_email(email)
    if existing is not None:
        return RegistrationAnswer(email, existing=existing)
    token = secrets.token_urlsafe(32)
    db.session.add(RegistrationRequest(
        token_hash=hash_token(token), invitation_id=invitation.id, email=email, display_name=display_name.strip(),
        password_hash=password_hash, credentials=credentials, created_at=now,
        expires_at=min(now + REGISTRATION_VALID_FOR, invitation.expires_at)))
    db.session.flush()
    return RegistrationAnswer(email, confirmation_token=token)


def pending_registration(token: str) -> RegistrationRequest | None:
    """The registration this confirmation link stands for, while it and its invitation can still be used."""
    if not token or len(token) > 200:
        return None
    row = db.session.scalar(select(RegistrationRequest).options(selectinload(RegistrationRequest.invitation))
                            .where(RegistrationRequest.token_hash == hash_token(token)))
    if row is None or row.expires_at <= utcnow():
        return None
    invitation = row.invitation
    if invitation.state() != "pending" or not inviter_may_still_invite(invitation):
        return None
    return row


def confirm_registration(registration: RegistrationRequest) -> User:
    """The address is confirmed: the account is created, the invitation used and the membership begun."""
    invitation = registration.invitation
    try:
        user = create_user(email=registration.email, display_name=registration.display_name,
                           password_hash=registration.password_hash, invited_by=invitation.inviter,
                           **(registration.credentials or {}))
    except AccountError as error:
        raise InvitationError(str(error), error.field) from error
    _claim(invitation, user)
    from ..verification.services import open_first_request

    open_first_request(user)  # the credentials go to the verifiers' queue
    add_member(None, invitation.group, user, invited_by=invitation.inviter)
    _tell_inviter(invitation, user)
    # Other registrations waiting for this address, or for this (now used) invitation, are void.
    db.session.execute(delete(RegistrationRequest).where(or_(RegistrationRequest.email == registration.email,
                                                             RegistrationRequest.invitation_id == invitation.id))
                       .execution_options(synchronize_session=False))
    return user


def join_with_invitation(user: User, invitation: Invitation) -> None:
    """An existing account accepts an invitation to another group."""
    if invitation.email and invitation.email != user.email:
        raise InvitationError(_("This invitation was issued for a different e-mail address."))
    if is_banned_from(user, invitation.group):  # no invitation, whoever made it, undoes a ban
        raise InvitationError(_("This invitation can no longer be used."))
    _claim(invitation, user)
    add_member(None, invitation.group, user, invited_by=invitation.inviter)
    if user.invited_by_id is None and invitation.inviter_id != user.id:
        user.invited_by_id = invitation.inviter_id
    _tell_inviter(invitation, user)


def _tell_inviter(invitation: Invitation, user: User) -> None:
    if invitation.inviter_id and invitation.inviter_id != user.id:
        notify(invitation.inviter_id, "invitation_accepted", "invitation.accepted", group=invitation.group, actor=user)


def revoke(actor: User, invitation: Invitation) -> None:
    if invitation.accepted_at:
        raise InvitationError(_("This invitation was already used and cannot be revoked."))
    if invitation.revoked_at:
        return
    invitation.revoked_at = utcnow()
    audit.record(actor, "invitation:revoke", target_type="invitation", target_id=invitation.id,
                 target_label=invitation.group.name, group_id=invitation.group_id)


def invitations_for(group: Group, inviter: User | None, everyone: bool) -> list[Invitation]:
    query = (select(Invitation).where(Invitation.group_id == group.id)
             .options(selectinload(Invitation.accepted_by), selectinload(Invitation.inviter))
             .order_by(Invitation.created_at.desc()).limit(200))
    if not everyone:
        query = query.where(Invitation.inviter_id == inviter.id)
    return list(db.session.scalars(query))


def invitation_link(token: str) -> str:
    from ..urls import link_to

    return link_to("invitations.landing", token=token, external=True)
