"""Running a group: its member list, roles, removal, who may invite and its guidelines."""
from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import selectinload

from .. import audit, policy
from ..accounts.models import User
from ..audit import LogEntry
from ..core.errors import AlreadyDecided, DomainError, NotAllowed
from ..extensions import db
from ..notifications.services import notify
from ..policy.status import effective_status
from ..urls import link_to
from .models import Group, InvitePolicy, Membership, MembershipStatus, Role

ModerationError = DomainError


def require_moderator(actor: User, group: Group) -> None:
    policy.forget_membership(actor, group)
    if not policy.can_moderate(actor, group):
        raise NotAllowed(f"You are not (or no longer) a moderator of {group.name}, so this action was not taken.")


def require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError("Give a reason. It goes into the moderation log and, except for reporters, "
                              "to the people concerned.", "reason")
    if len(reason) > 1000:
        raise ModerationError("Keep the reason under 1,000 characters.", "reason")
    return reason


def member_rows(group: Group) -> list[Membership]:
    return list(db.session.scalars(
        select(Membership).where(Membership.group_id == group.id)
        .options(selectinload(Membership.user), selectinload(Membership.invited_by))
        .order_by(Membership.role.desc(), Membership.joined_at)))


def membership_by_user(group: Group, user_id: int) -> Membership | None:
    return db.session.scalar(select(Membership).options(selectinload(Membership.user))
                             .where(Membership.group_id == group.id, Membership.user_id == user_id))


def set_role(actor: User, group: Group, membership: Membership, role: str) -> LogEntry:
    """Owner and admins appoint and demote moderators."""
    policy.forget_membership(actor, group)
    if not policy.can_manage_group(actor, group):
        raise NotAllowed("Only the group's owner or an admin appoints and demotes moderators.")
    if role not in (Role.MEMBER, Role.MODERATOR):
        raise ModerationError("Choose member or moderator.", "role")
    if membership.role == Role.OWNER:
        raise ModerationError("The owner's role cannot be changed here.")
    values = {"role": role}
    if role == Role.MODERATOR:
        if effective_status(membership) != MembershipStatus.ACTIVE:
            raise ModerationError("Lift the suspension or ban before appointing this member as a moderator.")
        if membership.status != MembershipStatus.ACTIVE:
            # The suspension has run out: the stored status catches up with it here.
            values.update(status=MembershipStatus.ACTIVE, suspended_until=None)
    result = db.session.execute(update(Membership).where(Membership.id == membership.id, Membership.role != role)
                                .values(**values).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(f"{membership.user.display_name} already is a {role}.")
    db.session.refresh(membership)
    policy.forget_membership(membership.user, group)
    verb = "promote" if role == Role.MODERATOR else "demote"
    entry = audit.record(actor, f"group:member:{verb}", target_type="user", target_id=membership.user_id,
                         target_label=membership.user.display_name, subject_user=membership.user, group_id=group.id,
                         details={"role": role})
    notify(membership.user_id, "moderation", "role.promoted" if role == Role.MODERATOR else "role.demoted",
           group=group, link=link_to("groups.show", slug=group.slug), actor=actor)
    return entry


def remove_member(actor: User, group: Group, membership: Membership, reason: str) -> LogEntry:
    require_moderator(actor, group)
    reason = require_reason(reason)
    user = membership.user
    if user.id == actor.id:
        raise NotAllowed("You cannot remove yourself here.")
    if membership.role == Role.OWNER:
        raise ModerationError("The owner cannot be removed from the group.")
    if membership.role == Role.MODERATOR and not policy.can_manage_group(actor, group):
        raise NotAllowed("Only the owner or an admin removes a moderator.")
    result = db.session.execute(delete(Membership).where(Membership.id == membership.id)
                                .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(f"{user.display_name} was removed a moment ago.")
    db.session.expunge(membership)
    policy.forget_membership(user, group)
    entry = audit.record(actor, "group:member:remove", target_type="user", target_id=user.id,
                         target_label=user.display_name, subject_user=user, group_id=group.id, reason=reason)
    notify(user.id, "moderation", "member.removed", group=group, params={"reason": reason}, actor=actor)
    return entry


def set_invite_policy(actor: User, group: Group, policy: str) -> LogEntry | None:
    require_moderator(actor, group)
    if policy not in (InvitePolicy.MEMBERS, InvitePolicy.MODERATORS):
        raise ModerationError("Choose who may invite.", "invite_policy")
    if group.invite_policy == policy:
        return None
    group.invite_policy = policy
    return audit.record(actor, "group:invite_policy:change", target_type="group", target_id=group.id,
                        target_label=group.name, group_id=group.id, details={"invite_policy": policy})


def edit_guidelines(actor: User, group: Group, source: str) -> bool:
    """Publishes a new version that every member accepts again; False when nothing changed."""
    from .services import publish_guidelines

    require_moderator(actor, group)
    if not (source or "").strip():
        raise ModerationError("The guidelines cannot be empty.", "guidelines")
    if source == group.guidelines_source:
        return False
    publish_guidelines(actor, group, source)
    return True
