"""Leaving and data rights: a JSON export of one person's own data, and erasure that keeps their posts
readable as "former member".

The export holds only the user's own data: other people appear, if at all, as numeric ids of posts
and groups -- never their names, addresses or texts."""
from __future__ import annotations

from datetime import datetime

from flask import current_app
from sqlalchemy import delete, func, select, update

from ..core.signals import account_erased, account_exported
from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Group, JoinRequest, Membership
from ..invitations.models import Invitation
from ..notifications.models import Notification
from ..posts.models import Post, Topic
from . import two_factor
from .models import PasswordResetToken, SecurityEvent, User, VerificationStatus
from .security import Client
from .services import AccountError, end_all_sessions
from flask_babel import gettext as _

EXPORT_FORMAT = "konsil-export-1"


def _contributions(user: User) -> dict:
    """What other features hold about the user (reports they filed ...), through account_exported."""
    sections: dict = {}
    for _receiver, part in account_exported.send(current_app._get_current_object(), user=user):
        sections.update(part or {})
    return sections


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


# --- export ---------------------------------------------------------------------------------------

def _profile(user: User) -> dict:
    return {
        "email": user.email, "display_name": user.display_name, "username": user.username,
        "profession": user.profession, "specialty": user.specialty, "organisation": user.organisation,
        "country": user.country, "licence_number": user.licence_number, "licence_authority": user.licence_authority,
        "verification_status": user.verification_status, "verified_at": _when(user.verified_at),
        "verified_until": _when(user.verified_until), "locale": user.locale, "timezone": user.timezone, "bio": user.bio,
        "is_admin": bool(user.is_admin), "is_verifier": bool(user.is_verifier),
        "two_factor_enabled": two_factor.is_enabled(user), "terms_accepted_at": _when(user.terms_accepted_at),
        "created_at": _when(user.created_at), "last_seen_at": _when(user.last_seen_at),
    }


def _posts(user: User) -> list[dict]:
    rows = db.session.execute(
        select(Post, Topic, Group).join(Topic, Post.topic_id == Topic.id).join(Group, Topic.group_id == Group.id)
        .where(Post.author_id == user.id).order_by(Post.created_at, Post.id))
    return [{
        "id": post.id, "group": group.slug, "topic_id": topic.id,
        # A topic's title is the author's own text only when they started the topic.
        "topic_title": topic.title if topic.author_id == user.id else None,
        "number": post.number, "created_at": _when(post.created_at), "edited_at": _when(post.edited_at),
        "body": post.body_source, "hidden": bool(post.hidden), "deleted": post.deleted_at is not None,
    } for post, topic, group in rows]


def _invitations(user: User) -> dict:
    created = db.session.execute(
        select(Invitation, Group).join(Group, Invitation.group_id == Group.id)
        .where(Invitation.inviter_id == user.id).order_by(Invitation.created_at))
    accepted = db.session.execute(
        select(Invitation, Group).join(Group, Invitation.group_id == Group.id)
        .where(Invitation.accepted_by_id == user.id).order_by(Invitation.created_at))
    return {
        # The invitee's address is their data, not the inviter's: only whether one was bound.
        "created": [{"id": invitation.id, "group": group.slug, "created_at": _when(invitation.created_at),
                     "expires_at": _when(invitation.expires_at), "state": invitation.state().value,
                     "bound_to_an_address": bool(invitation.email)} for invitation, group in created],
        "accepted": [{"id": invitation.id, "group": group.slug, "accepted_at": _when(invitation.accepted_at)}
                     for invitation, group in accepted],
    }


def _memberships(user: User) -> list[dict]:
    rows = db.session.execute(select(Membership, Group).join(Group, Membership.group_id == Group.id)
                              .where(Membership.user_id == user.id).order_by(Membership.joined_at))
    return [{"group": group.slug, "group_name": group.name, "role": membership.role, "status": membership.status,
             "joined_at": _when(membership.joined_at),
             "accepted_guidelines_version": membership.accepted_guidelines_version} for membership, group in rows]


def _security_events(user: User) -> list[dict]:
    rows = db.session.scalars(select(SecurityEvent).where(SecurityEvent.user_id == user.id)
                              .order_by(SecurityEvent.created_at, SecurityEvent.id))
    return [{"action": event.action, "at": _when(event.created_at), "network": event.ip_prefix,
             "client": Client.of(event).as_dict()} for event in rows]


def _notifications(user: User) -> list[dict]:
    # Kinds and times only: the messages name other people.
    rows = db.session.scalars(select(Notification).where(Notification.user_id == user.id)
                              .order_by(Notification.created_at))
    return [{"kind": note.kind, "created_at": _when(note.created_at), "read_at": _when(note.read_at)}
            for note in rows]


def export_data(user: User) -> dict:
    """Everything Konsil holds about the user that is theirs to take away."""
    return {
        "format": EXPORT_FORMAT,
        "site": current_app.config["SITE_NAME"],
        "exported_at": utcnow().isoformat(),
        "profile": _profile(user),
        "memberships": _memberships(user),
        "posts": _posts(user),
        "invitations": _invitations(user),
        **_contributions(user),
        "notifications": _notifications(user),
        "security_events": _security_events(user),
    }


# --- erasure --------------------------------------------------------------------------------------

def is_last_admin(user: User) -> bool:
    if not user.is_admin:
        return False
    others = db.session.scalar(select(func.count(User.id)).where(
        User.is_admin.is_(True), User.id != user.id, User.deleted_at.is_(None),
        User.verification_status == VerificationStatus.VERIFIED))
    return not others


def erase_account(actor: User, user: User) -> None:
    """Erase the person, keep the conversation: e-mail, names, credentials, second factor and sessions go;
    posts stay, shown as "former member". Pending invitations the user created are revoked."""
    if is_last_admin(user):
        raise AccountError(_("You are the only admin of this instance. Appoint another admin before you delete "
                           "your account."))
    now = utcnow()
    two_factor.disable(user)
    db.session.execute(delete(PasswordResetToken).where(PasswordResetToken.user_id == user.id))
    if user.email:
        from .security import clear_account_lock

        clear_account_lock(user.email)
    db.session.execute(delete(Membership).where(Membership.user_id == user.id))
    db.session.execute(delete(JoinRequest).where(JoinRequest.user_id == user.id))
    db.session.execute(delete(Notification).where(Notification.user_id == user.id))
    db.session.execute(
        update(Invitation).where(Invitation.inviter_id == user.id, Invitation.accepted_at.is_(None),
                                 Invitation.revoked_at.is_(None), Invitation.expires_at > now)
        .values(revoked_at=now).execution_options(synchronize_session=False))
    user.email = None
    user.display_name = "Former member"
    user.username = f"former-{user.id}"
    user.password_hash = None
    user.specialty = ""
    user.organisation = ""
    user.country = ""
    user.licence_number = ""
    user.licence_authority = ""
    user.bio = ""
    user.locale = "en"
    user.timezone = ""
    user.is_admin = False
    user.is_verifier = False
    user.last_seen_at = None
    user.deleted_at = now
    end_all_sessions(user)
    account_erased.send(current_app._get_current_object(), user=user, actor=actor)
    db.session.flush()

