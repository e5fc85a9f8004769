"""Accountable invitations: who vouched for a member, and whom they vouched for."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .. import policy
from ..accounts.models import User
from ..extensions import db
from ..groups.models import Membership


@dataclass
class InvitationTrail:
    account_inviter: User | None
    memberships: list[Membership]   # the profile's memberships in groups the viewer moderates
    invited: list[Membership]       # memberships the profile user vouched for, in those groups
    invited_accounts: list[User]    # accounts they invited (admins only: spans groups)


def invitation_trail(viewer: User, profile: User) -> InvitationTrail | None:
    """Who vouched for a member and whom they vouched for; for moderators of a shared group and admins."""
    if not policy.is_verified(viewer):
        return None
    admin = policy.is_admin(viewer)
    scope = policy.scopes.staff_group_ids_query(viewer.id)
    membership_query = (select(Membership).where(Membership.user_id == profile.id)
                        .options(selectinload(Membership.group), selectinload(Membership.invited_by)))
    if not admin:
        membership_query = membership_query.where(Membership.group_id.in_(scope))
    memberships = list(db.session.scalars(membership_query))
    if not memberships and not admin:
        return None
    invited_query = (select(Membership).where(Membership.invited_by_id == profile.id, Membership.user_id != profile.id)
                     .options(selectinload(Membership.user), selectinload(Membership.group))
                     .order_by(Membership.joined_at.desc()).limit(100))
    if not admin:
        invited_query = invited_query.where(Membership.group_id.in_(scope))
    invited = list(db.session.scalars(invited_query))
    accounts = []
    if admin:
        accounts = list(db.session.scalars(select(User).where(User.invited_by_id == profile.id, User.id != profile.id)
                                           .order_by(User.created_at.desc()).limit(100)))
    return InvitationTrail(profile.invited_by, memberships, invited, accounts)
