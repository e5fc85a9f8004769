"""Sanctions on members of a group: warn, suspend, ban and reinstate."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from .. import audit, policy
from ..accounts.models import User
from ..audit import LogEntry
from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Group, Membership, MembershipStatus
from ..notifications.services import notify
from ..posts.models import Post
from ..posts.services import post_link
from ..urls import link_to
from .common import AlreadyDecided, ModerationError, NotAllowed, require_moderator, require_reason, setting
from .models import SUSPENSION_DAYS, Action, MemberWarning, ModerationCase
from flask_babel import gettext as _

from ..i18n import state_label


def author_membership(post: Post, group: Group) -> Membership | None:
    if post.author_id is None:
        return None
    return db.session.scalar(select(Membership).where(Membership.user_id == post.author_id,
                                                      Membership.group_id == group.id))


def check_sanction(actor: User, group: Group, target: User | None, membership: Membership | None, action: str,
                    days: int | None) -> None:
    if target is None or target.is_deleted:
        raise ModerationError(_("The author's account no longer exists; act on the post instead."))
    if target.id == actor.id:
        raise NotAllowed(_("You cannot act against yourself; another moderator decides."))
    if action not in policy.sanctions_against(actor, group, target, membership):
        # The policy refuses it (and the pages did not offer it): say why.
        standing = policy.standing(membership)
        if policy.is_admin(target):
            raise ModerationError(_("%(name)s is an administrator of the forum; moderators cannot warn, suspend or "
                                    "ban them.", name=target.display_name))
        if membership is None:
            raise ModerationError(_("%(name)s is no longer a member of %(group)s.", name=target.display_name,
                                    group=group.name))
        if standing.staff:
            raise ModerationError(_("%(name)s is a %(role)s of this group. The owner or an admin must demote them "
                                    "before they can be warned, suspended or banned.", name=target.display_name,
                                    role=state_label(membership.role)))
        if standing.banned:
            raise ModerationError(_("%(name)s is already banned from %(group)s.", name=target.display_name,
                                    group=group.name))
        raise NotAllowed(_("You cannot act against this member."))
    if action == Action.SUSPEND and days not in SUSPENSION_DAYS:
        raise ModerationError(_("Choose how long the suspension lasts: 1, 7 or 30 days."), "days")


def _sanction_membership(membership: Membership, target: User, group: Group, status: str, until) -> None:
    """Suspend or ban, unless a ban landed first: the conditional UPDATE makes the race explicit."""
    result = db.session.execute(
        update(Membership).where(Membership.id == membership.id, Membership.status != MembershipStatus.BANNED)
        .values(status=status, suspended_until=until)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(_("%(name)s was banned a moment ago. Nothing was changed.", name=target.display_name))
    db.session.refresh(membership)
    policy.forget_membership(target, group)


def sanction_member(actor: User, group: Group, target: User | None, membership: Membership | None, action: str,
                    reason: str, *, days: int | None = None, post: Post | None = None,
                    case: ModerationCase | None = None) -> LogEntry:
    """Warn, suspend, ban or reinstate a member of the group."""
    require_moderator(actor, group)
    reason = require_reason(reason)
    if action == "reinstate":
        return _reinstate(actor, group, target, membership, reason)
    check_sanction(actor, group, target, membership, action, days)
    details = {"case": case.id} if case else {}
    if post is not None:
        details["post"] = post.id
    about = "_post" if post is not None else ""
    topic = post.topic if post is not None else None
    appeal_days = setting("APPEAL_WINDOW_DAYS", 14)
    now = utcnow()
    if action == Action.WARN:
        db.session.add(MemberWarning(group_id=group.id, user_id=target.id, moderator_id=actor.id,
                                     case_id=case.id if case else None, message=reason))
        entry = audit.record(actor, "moderation:member:warn", target_type="user", target_id=target.id,
                             target_label=target.display_name, subject_user=target, group_id=group.id,
                             reason=reason, details=details)
        notify(target.id, "moderation", "sanction.warned" + about, group=group, topic=topic, params={"reason": reason},
               link=post_link(post) if post is not None and post.deleted_at is None else "", actor=actor)
        return entry
    if action == Action.SUSPEND:
        until = now + timedelta(days=days)
        _sanction_membership(membership, target, group, MembershipStatus.SUSPENDED, until)
        entry = audit.record(actor, "moderation:member:suspend", target_type="user", target_id=target.id,
                             target_label=target.display_name, subject_user=target, group_id=group.id,
                             reason=reason, details={**details, "days": days, "until": until.isoformat()})
        db.session.flush()
        notify(target.id, "moderation", "sanction.suspended" + about, group=group, topic=topic,
               params={"reason": reason, "until": until.isoformat(), "days": appeal_days},
               link=link_to("moderation.new_appeal", decision=entry.id), actor=actor)
        return entry
    if action == Action.BAN:
        _sanction_membership(membership, target, group, MembershipStatus.BANNED, None)
        entry = audit.record(actor, "moderation:member:ban", target_type="user", target_id=target.id,
                             target_label=target.display_name, subject_user=target, group_id=group.id,
                             reason=reason, details=details)
        db.session.flush()
        notify(target.id, "moderation", "sanction.banned" + about, group=group, topic=topic,
               params={"reason": reason, "days": appeal_days},
               link=link_to("moderation.new_appeal", decision=entry.id), actor=actor)
        inviter_id = membership.invited_by_id or target.invited_by_id
        if inviter_id and inviter_id not in (target.id, actor.id):
            # Accountable invitations: whoever vouched for the member learns of the ban -- if they can
            # see the group; nobody learns anything about a group they cannot read.
            notify(inviter_id, "moderation", "sanction.invitee_banned", group=group,
                   params={"member": target.display_name}, actor=actor)
        return entry
    raise ModerationError(_("Choose one of the actions."), "action")


def _reinstate(actor: User, group: Group, target: User | None, membership: Membership | None,
               reason: str) -> LogEntry:
    if target is None or membership is None:
        raise ModerationError(_("This person is no longer a member of the group."))
    if target.id == actor.id:
        raise NotAllowed(_("You cannot lift your own suspension or ban; another moderator decides."))
    result = db.session.execute(
        update(Membership).where(Membership.id == membership.id, Membership.status != MembershipStatus.ACTIVE)
        .values(status=MembershipStatus.ACTIVE, suspended_until=None).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(_("%(name)s is not suspended or banned. Nothing was changed.", name=target.display_name))
    db.session.refresh(membership)
    policy.forget_membership(target, group)
    entry = audit.record(actor, "moderation:member:reinstate", target_type="user", target_id=target.id,
                         target_label=target.display_name, subject_user=target, group_id=group.id, reason=reason)
    notify(target.id, "moderation", "sanction.lifted", group=group, params={"reason": reason},
           link=link_to("groups.show", slug=group.slug), actor=actor)
    return entry
