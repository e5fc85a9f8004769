"""Reports, cases, moderation actions, member management, appeals and mutes.

Services take the acting user first, check the rule themselves (a view may have loaded the page
before the actor lost a role), flush but never commit: the view commits once, so every action is
one transaction. Every decision is a conditional UPDATE (WHERE state = 'open' ...) whose row count
says whether this request made the change; a second, simultaneous decision is refused.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from flask import current_app, g, has_request_context
from sqlalchemy import delete, exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from .. import audit, permissions
from ..accounts.models import User
from ..audit import LogEntry
from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Group, InvitePolicy, Membership, MembershipStatus, Role
from ..notifications.services import notify
from ..posts.models import Post, Topic
from ..posts.services import Page, post_link
from ..urls import link_to
from .models import (SHORT_REASON_LABELS, SUSPENSION_DAYS, Action, Appeal, AppealState, CaseState, MemberWarning,
                     ModerationCase, Mute, Report, ReportReason)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l


class ModerationError(ValueError):
    """A rule refused the request; the message is shown to the user as it is."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotAllowed(ModerationError):
    """The actor may not do this (any more): answered with 403 and the message."""


class AlreadyDecided(ModerationError):
    """Someone else decided first; this request changed nothing."""


class DuplicateReport(ModerationError):
    pass


# Decisions against a member that the member may appeal (log actions).
APPEALABLE = {
    "moderation:post:hide": "hid your post",
    "moderation:post:delete": "deleted your post",
    "moderation:member:suspend": "suspended you",
    "moderation:member:ban": "banned you",
}


def _excerpt(text: str, limit: int = 500) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _config(name: str, default):
    return current_app.config.get(name, default)


def _staff_ids(group: Group) -> list[int]:
    return list(db.session.scalars(select(Membership.user_id).where(
        Membership.group_id == group.id, Membership.role.in_([Role.MODERATOR, Role.OWNER]),
        Membership.status == MembershipStatus.ACTIVE)))


def _admin_ids() -> list[int]:
    return list(db.session.scalars(select(User.id).where(User.is_admin.is_(True), User.deleted_at.is_(None))))


def _until_text(when: datetime) -> str:
    return when.strftime("%d %b %Y, %H:%M UTC")


# --------------------------------------------------------------------------------------------
# Reports and cases
# --------------------------------------------------------------------------------------------

def open_case_for(post_id: int) -> ModerationCase | None:
    return db.session.scalar(select(ModerationCase).where(ModerationCase.post_id == post_id,
                                                          ModerationCase.state == CaseState.OPEN))


def has_open_report(reporter_id: int, post_id: int) -> bool:
    return bool(db.session.scalar(select(exists().where(
        Report.post_id == post_id, Report.reporter_id == reporter_id, Report.state == CaseState.OPEN))))


def _claim_open_case(post: Post, *, privacy: bool) -> ModerationCase:
    """The post's open case with this report counted in, or a new one.

    The counting UPDATE holds the case row until commit, so a moderator deciding the case at the
    same moment either sees this report or this report lands in a fresh case -- never in a case
    that was closed without it."""
    now = utcnow()
    for _attempt in range(3):
        case_id = db.session.scalar(select(ModerationCase.id).where(ModerationCase.post_id == post.id,
                                                                    ModerationCase.state == CaseState.OPEN))
        if case_id is not None:
            values = {"report_count": ModerationCase.report_count + 1, "last_reported_at": now}
            if privacy:
                values["has_privacy_report"] = True
            result = db.session.execute(
                update(ModerationCase).where(ModerationCase.id == case_id, ModerationCase.state == CaseState.OPEN)
                .values(**values).execution_options(synchronize_session=False))
            if result.rowcount == 1:
                case = db.session.get(ModerationCase, case_id)
                db.session.refresh(case)
                return case
            continue  # decided in the meantime: this report opens a new case
        topic = post.topic
        case = ModerationCase(
            post_id=post.id, group_id=topic.group_id, topic_id=topic.id, state=CaseState.OPEN,
            post_author_id=post.author_id, post_author_name=post.author.public_name if post.author else "former member",
            topic_title=topic.title[:200], post_number=post.number, post_excerpt=_excerpt(post.body_source),
            report_count=1, has_privacy_report=privacy, created_at=now, last_reported_at=now,
        )
        try:
            with db.session.begin_nested():
                db.session.add(case)
                db.session.flush()
        except IntegrityError:
            continue  # another report opened the case at the same moment
        return case
    raise ModerationError(_("This post is being reviewed right now. Please try again in a moment."))


def file_report(reporter: User, post: Post, *, reason: str, details: str = "") -> Report:
    """A member reports a post; enough reports, or one patient-privacy report, hide it for review."""
    group = post.topic.group
    if post.author_id == reporter.id:
        raise NotAllowed(_("You cannot report your own post. You can edit or delete it instead."))
    if permissions.is_suspended_in(reporter, group):
        raise NotAllowed(_("You are suspended in this group and cannot report posts until the suspension ends."))
    if post.deleted_at is not None:
        raise ModerationError(_("This post was deleted; there is nothing left to report."))
    if post.hidden and not permissions.can_see_hidden_post(reporter, post):
        raise ModerationError(_("Moderators already hid this post while they review it."))
    if not permissions.can_report_post(reporter, post):
        raise NotAllowed(_("You cannot report posts in this group."))
    try:
        reason = ReportReason(reason)
    except ValueError:
        raise ModerationError(_("Choose why you are reporting this post."), "reason") from None
    details = (details or "").strip()
    if len(details) > 2000:
        raise ModerationError(_("Keep the details under 2,000 characters."), "details")
    if reason == ReportReason.OTHER and not details:
        raise ModerationError(_("Please say briefly what is wrong with this post."), "details")
    if has_open_report(reporter.id, post.id):
        raise DuplicateReport(_("You already reported this post. Moderators will review it."))
    case = _claim_open_case(post, privacy=reason == ReportReason.PATIENT_PRIVACY)
    report = Report(case_id=case.id, post_id=post.id, group_id=group.id, reporter_id=reporter.id, reason=reason,
                    details=details, state=CaseState.OPEN)
    try:
        with db.session.begin_nested():
            db.session.add(report)
            db.session.flush()
    except IntegrityError:
        raise DuplicateReport(_("You already reported this post. Moderators will review it.")) from None
    _protect_automatically(reporter, post, case, reason)
    return report


def _protect_automatically(reporter: User, post: Post, case: ModerationCase, reason: str) -> None:
    if post.hidden:
        return
    if reason == ReportReason.PATIENT_PRIVACY and permissions.is_verified(reporter):
        _auto_hide(post, case, "patient_privacy")
        return
    reporters = db.session.scalar(select(func.count(func.distinct(Report.reporter_id))).where(
        Report.case_id == case.id, Report.state == CaseState.OPEN, Report.reporter_id.is_not(None)))
    if reporters >= int(_config("REPORT_AUTO_HIDE_THRESHOLD", 3)):
        _auto_hide(post, case, "reports")


def _set_hidden(post: Post, hidden: bool, reason: str | None, *, only_if_hidden_reason: tuple | None = None) -> bool:
    """Conditional update of the post's visibility; True when this call changed it."""
    conditions = [Post.id == post.id, Post.hidden.is_(not hidden)]
    if only_if_hidden_reason:
        conditions.append(Post.hidden_reason.in_(only_if_hidden_reason))
    result = db.session.execute(update(Post).where(*conditions).values(hidden=hidden, hidden_reason=reason)
                                .execution_options(synchronize_session=False))
    db.session.refresh(post)
    return result.rowcount == 1


def _auto_hide(post: Post, case: ModerationCase, why: str) -> None:
    if not _set_hidden(post, True, why):
        return
    topic = post.topic
    text = ("after a patient-privacy report" if why == "patient_privacy"
            else f"after reports from {_config('REPORT_AUTO_HIDE_THRESHOLD', 3)} members")
    audit.record(None, "moderation:post:auto_hide", target_type="post", target_id=post.id,
                 target_label=topic.title, subject_user=post.author, group_id=topic.group_id,
                 reason=f"Hidden automatically {text}, until a moderator reviews it.",
                 details={"case": case.id, "trigger": why})
    queue = link_to("moderation.case", slug=topic.group.slug, post_id=post.id)
    for staff_id in _staff_ids(topic.group):
        if staff_id != post.author_id:
            notify(staff_id, "moderation", f"A post in “{topic.title}” was hidden automatically {text}. Please review it.",
                   link=queue)
    if post.author_id:
        notify(post.author_id, "moderation",
               f"Your post in “{topic.title}” is hidden from other members {text}, until a moderator reviews it.",
               link=post_link(post))


def file_automatic_privacy_report(author: User, post: Post) -> Report | None:
    """The author published past the patient-data guard's findings: the post joins the queue as an
    automatic patient_privacy report. It is not hidden: the author confirmed explicitly, and a
    moderator decides."""
    existing = db.session.scalar(select(Report).where(Report.post_id == post.id, Report.automatic.is_(True),
                                                      Report.state == CaseState.OPEN))
    if existing is not None:
        return existing
    types = sorted({finding.get("type", "") for finding in (post.phi_findings or []) if finding.get("type")})
    case = _claim_open_case(post, privacy=True)
    details = "Published past the patient-data guard's findings"
    details += f" ({', '.join(types)})." if types else "."
    report = Report(case_id=case.id, post_id=post.id, group_id=case.group_id, reporter_id=None, automatic=True,
                    reason=ReportReason.PATIENT_PRIVACY, details=details, state=CaseState.OPEN)
    db.session.add(report)
    db.session.flush()
    return report


# --------------------------------------------------------------------------------------------
# Deciding a case
# --------------------------------------------------------------------------------------------

def _require_moderator(actor: User, group: Group) -> None:
    permissions.forget_membership(actor, group)
    if not permissions.can_moderate(actor, group):
        raise NotAllowed(_("You are not (or no longer) a moderator of %(group)s, so this action was not taken.",
                           group=group.name))


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError(_("Give a reason. It goes into the moderation log and, except for reporters, "
                              "to the people concerned."), "reason")
    if len(reason) > 1000:
        raise ModerationError(_("Keep the reason under 1,000 characters."), "reason")
    return reason


def _author_membership(post: Post, group: Group) -> Membership | None:
    if post.author_id is None:
        return None
    return db.session.scalar(select(Membership).where(Membership.user_id == post.author_id,
                                                      Membership.group_id == group.id))


def _check_sanction(actor: User, group: Group, target: User | None, membership: Membership | None, action: str,
                    days: int | None) -> None:
    if target is None or target.is_deleted:
        raise ModerationError(_("The author's account no longer exists; act on the post instead."))
    if target.id == actor.id:
        raise NotAllowed(_("You cannot act against yourself; another moderator decides."))
    if action == Action.WARN:
        return
    if membership is None:
        raise ModerationError(f"{target.display_name} is no longer a member of {group.name}.")
    if membership.role in (Role.MODERATOR, Role.OWNER):
        raise ModerationError(f"{target.display_name} is a {membership.role} of this group. The owner or an admin "
                              "must demote them before they can be suspended or banned.")
    if membership.status == MembershipStatus.BANNED:
        raise ModerationError(f"{target.display_name} is already banned from {group.name}.")
    if action == Action.SUSPEND and days not in SUSPENSION_DAYS:
        raise ModerationError(_("Choose how long the suspension lasts: 1, 7 or 30 days."), "days")


def decide_case(actor: User, post: Post, action: str, reason: str, days: int | None = None,
                expected_case_id: int | None = None) -> ModerationCase:
    """Decide every open report on the post at once."""
    group = post.topic.group
    _require_moderator(actor, group)
    try:
        action = Action(action)
    except ValueError:
        raise ModerationError(_("Choose one of the actions."), "action") from None
    case = open_case_for(post.id)
    if case is None:
        last = db.session.scalar(select(ModerationCase).where(ModerationCase.post_id == post.id)
                                 .order_by(ModerationCase.resolved_at.desc().nulls_last(), ModerationCase.id.desc()))
        if last is not None and last.moderator is not None:
            raise AlreadyDecided(_("This case was already decided by %(name)s (%(outcome)s). Nothing was changed.",
                                   name=last.moderator.display_name, outcome=last.outcome_label))
        raise AlreadyDecided(_("There are no open reports on this post. Nothing was changed."))
    if expected_case_id and case.id != expected_case_id:
        raise AlreadyDecided(_("The case you were looking at was decided meanwhile and new reports have arrived. "
                             "Review the post again."))
    reason = _require_reason(reason)
    if post.author_id == actor.id:
        raise NotAllowed(_("This case is about your own post; another moderator decides it."))
    if post.deleted_at is not None and action in (Action.HIDE, Action.DELETE, Action.RESTORE):
        raise ModerationError(_("This post was already deleted, so it can no longer be hidden, deleted or restored "
                              "from the queue. Dismiss the case or act on its author."), "action")
    membership = _author_membership(post, group)
    if action in (Action.WARN, Action.SUSPEND, Action.BAN):
        _check_sanction(actor, group, post.author, membership, action, days)
    now = utcnow()

    if action == Action.ESCALATE:
        if case.escalated:
            raise AlreadyDecided(_("This case was already escalated to the admins."))
        result = db.session.execute(
            update(ModerationCase).where(ModerationCase.id == case.id, ModerationCase.state == CaseState.OPEN,
                                         ModerationCase.escalated.is_(False))
            .values(escalated=True, escalated_at=now, escalated_by_id=actor.id, escalation_reason=reason)
            .execution_options(synchronize_session=False))
        if result.rowcount != 1:
            raise AlreadyDecided(_("This case was decided or escalated by someone else a moment ago. Nothing was changed."))
        db.session.refresh(case)
        audit.record(actor, "moderation:case:escalate", target_type="post", target_id=post.id,
                     target_label=post.topic.title, subject_user=post.author, group_id=group.id, reason=reason,
                     details={"case": case.id})
        link = link_to("moderation.case", slug=group.slug, post_id=post.id)
        for admin_id in _admin_ids():
            if admin_id != actor.id:
                notify(admin_id, "moderation", f"{actor.display_name} escalated a case in {group.name} "
                       f"(“{post.topic.title}”) to the admins.", link=link, actor=actor)
        return case

    state = CaseState.DISMISSED if action in (Action.DISMISS, Action.RESTORE) else CaseState.RESOLVED
    result = db.session.execute(
        update(ModerationCase).where(ModerationCase.id == case.id, ModerationCase.state == CaseState.OPEN)
        .values(state=state, moderator_id=actor.id, outcome=action, note=reason, resolved_at=now)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(_("Another moderator decided this case a moment ago. Nothing was changed."))
    db.session.execute(
        update(Report).where(Report.case_id == case.id, Report.state == CaseState.OPEN)
        .values(state=state, moderator_id=actor.id, outcome=action, resolved_at=now)
        .execution_options(synchronize_session=False))
    db.session.refresh(case)
    details = {"case": case.id, "reports": case.report_count}
    topic = post.topic
    author = post.author

    if action in (Action.DISMISS, Action.RESTORE):
        restored = _set_hidden(post, False, None,
                               only_if_hidden_reason=None if action == Action.RESTORE else ("reports", "patient_privacy"))
        audit.record(actor, "moderation:post:restore" if action == Action.RESTORE else "moderation:case:dismiss",
                     target_type="post", target_id=post.id, target_label=topic.title, subject_user=author,
                     group_id=group.id, reason=reason, details={**details, "unhidden": restored})
        if restored and post.author_id:
            notify(post.author_id, "moderation", f"Moderators reviewed your post in “{topic.title}” and restored it: "
                   f"{reason}", link=post_link(post), actor=actor)
    elif action == Action.HIDE:
        _hide_by_moderator(actor, post, reason, details)
    elif action == Action.DELETE:
        _delete_by_moderator(actor, post, reason, details)
    else:
        if post.hidden and post.hidden_reason in ("reports", "patient_privacy"):
            # The reports were upheld: the automatic hide stands, now as a moderator's decision.
            _hide_by_moderator(actor, post, reason, details)
        sanction_member(actor, group, author, membership, action, reason, days=days, post=post, case=case)
    _tell_reporters(actor, case, post, action)
    return case


def _sanction_membership(membership: Membership, target: User, group: Group, status: str, until) -> None:
    """Suspend or ban, unless a ban landed first: the conditional UPDATE makes the race explicit."""
    result = db.session.execute(
        update(Membership).where(Membership.id == membership.id, Membership.status != MembershipStatus.BANNED)
        .values(status=status, suspended_until=until)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(_("%(name)s was banned a moment ago. Nothing was changed.", name=target.display_name))
    db.session.refresh(membership)
    permissions.forget_membership(target, group)


def _tell_author_they_may_appeal(actor: User, post: Post, entry: LogEntry, what: str) -> None:
    """The author learns the action and its reason, with a link to appeal this one decision."""
    db.session.flush()
    if post.author_id:
        notify(post.author_id, "moderation",
               f"{what} You can appeal within {_config('APPEAL_WINDOW_DAYS', 14)} days.",
               link=link_to("moderation.new_appeal", decision=entry.id), actor=actor)


def _hide_by_moderator(actor: User, post: Post, reason: str, details: dict) -> LogEntry:
    if not post.hidden:
        if not _set_hidden(post, True, "moderator"):
            raise AlreadyDecided(_("Someone else hid this post a moment ago. Nothing was changed."))
    else:
        db.session.execute(update(Post).where(Post.id == post.id).values(hidden_reason="moderator")
                           .execution_options(synchronize_session=False))
        db.session.refresh(post)
    topic = post.topic
    entry = audit.record(actor, "moderation:post:hide", target_type="post", target_id=post.id,
                         target_label=topic.title, subject_user=post.author, group_id=topic.group_id,
                         reason=reason, details=details)
    _tell_author_they_may_appeal(actor, post, entry,
                                 f"A moderator hid your post in “{topic.title}” from other members: {reason}")
    return entry


def _delete_by_moderator(actor: User, post: Post, reason: str, details: dict) -> LogEntry:
    result = db.session.execute(update(Post).where(Post.id == post.id, Post.deleted_at.is_(None))
                                .values(deleted_at=utcnow(), deleted_by_id=actor.id)
                                .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(_("This post was deleted a moment ago. Nothing was changed."))
    db.session.refresh(post)
    topic = post.topic
    entry = audit.record(actor, "moderation:post:delete", target_type="post", target_id=post.id,
                         target_label=topic.title, subject_user=post.author, group_id=topic.group_id,
                         reason=reason, details=details)
    _tell_author_they_may_appeal(actor, post, entry, f"A moderator deleted your post in “{topic.title}”: {reason}")
    return entry


REPORTER_OUTCOMES = {
    Action.DISMISS: _l("found it within the group's guidelines"),
    Action.RESTORE: _l("found it within the group's guidelines"),
    Action.HIDE: _l("hid the post"),
    Action.DELETE: _l("removed the post"),
    Action.WARN: _l("took action against its author"),
    Action.SUSPEND: _l("took action against its author"),
    Action.BAN: _l("took action against its author"),
}


def _tell_reporters(actor: User, case: ModerationCase, post: Post, action: str) -> None:
    """Reporters learn the outcome, never the moderator's reason."""
    reporter_ids = set(db.session.scalars(select(Report.reporter_id).where(Report.case_id == case.id,
                                                                           Report.reporter_id.is_not(None))))
    link = post_link(post) if post.deleted_at is None else ""
    for reporter_id in reporter_ids:
        if reporter_id == actor.id:
            continue
        notify(reporter_id, "report_outcome",
               f"Moderators reviewed the post you reported in “{case.topic_title}” and {REPORTER_OUTCOMES[action]}. "
               "Thank you for reporting.", link=link)


# --------------------------------------------------------------------------------------------
# Sanctions on members
# --------------------------------------------------------------------------------------------

def sanction_member(actor: User, group: Group, target: User | None, membership: Membership | None, action: str,
                    reason: str, *, days: int | None = None, post: Post | None = None,
                    case: ModerationCase | None = None) -> LogEntry:
    """Warn, suspend, ban or reinstate a member of the group."""
    _require_moderator(actor, group)
    reason = _require_reason(reason)
    if action == "reinstate":
        return _reinstate(actor, group, target, membership, reason)
    _check_sanction(actor, group, target, membership, action, days)
    details = {"case": case.id} if case else {}
    if post is not None:
        details["post"] = post.id
    where = f" about your post in “{post.topic.title}”" if post is not None else ""
    appeal_days = _config("APPEAL_WINDOW_DAYS", 14)
    now = utcnow()
    if action == Action.WARN:
        db.session.add(MemberWarning(group_id=group.id, user_id=target.id, moderator_id=actor.id,
                                     case_id=case.id if case else None, message=reason))
        entry = audit.record(actor, "moderation:member:warn", target_type="user", target_id=target.id,
                             target_label=target.display_name, subject_user=target, group_id=group.id,
                             reason=reason, details=details)
        notify(target.id, "moderation", f"A moderator of {group.name} warned you{where}: {reason}",
               link=post_link(post) if post is not None and post.deleted_at is None else "", actor=actor)
        return entry
    if action == Action.SUSPEND:
        until = now + timedelta(days=days)
        _sanction_membership(membership, target, group, MembershipStatus.SUSPENDED, until)
        entry = audit.record(actor, "moderation:member:suspend", target_type="user", target_id=target.id,
                             target_label=target.display_name, subject_user=target, group_id=group.id,
                             reason=reason, details={**details, "days": days, "until": until.isoformat()})
        db.session.flush()
        notify(target.id, "moderation",
               f"You are suspended from {group.name} until {_until_text(until)}{where}: {reason} "
               f"You can still read the group, but not post, report or invite. You can appeal within {appeal_days} days.",
               link=link_to("moderation.new_appeal", decision=entry.id), actor=actor)
        return entry
    if action == Action.BAN:
        _sanction_membership(membership, target, group, MembershipStatus.BANNED, None)
        entry = audit.record(actor, "moderation:member:ban", target_type="user", target_id=target.id,
                             target_label=target.display_name, subject_user=target, group_id=group.id,
                             reason=reason, details=details)
        db.session.flush()
        notify(target.id, "moderation", f"You were banned from {group.name}{where}: {reason} "
               f"You can appeal within {appeal_days} days.",
               link=link_to("moderation.new_appeal", decision=entry.id), actor=actor)
        inviter_id = membership.invited_by_id or target.invited_by_id
        if inviter_id and inviter_id not in (target.id, actor.id):
            # Accountable invitations: whoever vouched for the member learns of the ban.
            notify(inviter_id, "moderation", f"{target.display_name}, whom you invited, was banned from {group.name} "
                   "by its moderators.", actor=actor)
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
    permissions.forget_membership(target, group)
    entry = audit.record(actor, "moderation:member:reinstate", target_type="user", target_id=target.id,
                         target_label=target.display_name, subject_user=target, group_id=group.id, reason=reason)
    notify(target.id, "moderation", f"Your suspension or ban in {group.name} was lifted: {reason}",
           link=link_to("groups.show", slug=group.slug), actor=actor)
    return entry


# --------------------------------------------------------------------------------------------
# Moderator tools outside the queue: a post's visibility, a topic's lock and pin
# --------------------------------------------------------------------------------------------

def moderate_post(actor: User, post: Post, action: str, reason: str) -> LogEntry:
    """Hide or restore a post that has no open reports (those are decided in the queue)."""
    group = post.topic.group
    _require_moderator(actor, group)
    reason = _require_reason(reason)
    if open_case_for(post.id) is not None:
        raise ModerationError(_("This post has open reports: decide them in the review queue, so that the reporters "
                              "learn the outcome."))
    if action == Action.HIDE:
        if post.deleted_at is not None:
            raise ModerationError(_("This post was deleted; there is nothing to hide."))
        if post.hidden:
            raise AlreadyDecided(_("This post is already hidden."))
        return _hide_by_moderator(actor, post, reason, {})
    if action == Action.RESTORE:
        topic = post.topic
        if post.deleted_at is not None:
            if post.deleted_by_id is None or post.deleted_by_id == post.author_id:
                raise ModerationError(_("The author deleted this post themselves; it stays deleted."))
            result = db.session.execute(update(Post).where(Post.id == post.id, Post.deleted_at.is_not(None))
                                        .values(deleted_at=None, deleted_by_id=None, hidden=False, hidden_reason=None)
                                        .execution_options(synchronize_session=False))
        else:
            result = db.session.execute(update(Post).where(Post.id == post.id, Post.hidden.is_(True))
                                        .values(hidden=False, hidden_reason=None)
                                        .execution_options(synchronize_session=False))
        if result.rowcount != 1:
            raise AlreadyDecided(_("This post is already visible. Nothing was changed."))
        db.session.refresh(post)
        entry = audit.record(actor, "moderation:post:restore", target_type="post", target_id=post.id,
                             target_label=topic.title, subject_user=post.author, group_id=group.id, reason=reason)
        if post.author_id and post.author_id != actor.id:
            notify(post.author_id, "moderation", f"A moderator restored your post in “{topic.title}”: {reason}",
                   link=post_link(post), actor=actor)
        return entry
    raise ModerationError(_("Choose hide or restore."), "action")


TOPIC_TOOLS = {
    "lock": ("locked", True, "This topic is already locked."),
    "unlock": ("locked", False, "This topic is not locked."),
    "pin": ("pinned", True, "This topic is already pinned."),
    "unpin": ("pinned", False, "This topic is not pinned."),
}


def set_topic_flag(actor: User, topic: Topic, tool: str, reason: str = "") -> LogEntry:
    _require_moderator(actor, topic.group)
    column, value, already = TOPIC_TOOLS[tool]
    reason = (reason or "").strip()
    if tool in ("lock", "unlock") and not reason:
        raise ModerationError(_("Say why you lock or unlock the topic; members see it in the log."), "reason")
    if len(reason) > 500:
        raise ModerationError(_("Keep the reason under 500 characters."), "reason")
    attribute = getattr(Topic, column)
    result = db.session.execute(update(Topic).where(Topic.id == topic.id, attribute.is_(not value))
                                .values({column: value}).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(already)
    db.session.refresh(topic)
    return audit.record(actor, f"moderation:topic:{tool}", target_type="topic", target_id=topic.id,
                        target_label=topic.title, group_id=topic.group_id, reason=reason)


# --------------------------------------------------------------------------------------------
# Group management
# --------------------------------------------------------------------------------------------

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
    permissions.forget_membership(actor, group)
    if not permissions.can_manage_group(actor, group):
        raise NotAllowed(_("Only the group's owner or an admin appoints and demotes moderators."))
    if role not in (Role.MEMBER, Role.MODERATOR):
        raise ModerationError(_("Choose member or moderator."), "role")
    if membership.role == Role.OWNER:
        raise ModerationError(_("The owner's role cannot be changed here."))
    if role == Role.MODERATOR and membership.status != MembershipStatus.ACTIVE:
        raise ModerationError(_("Lift the suspension or ban before appointing this member as a moderator."))
    result = db.session.execute(update(Membership).where(Membership.id == membership.id, Membership.role != role)
                                .values(role=role).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(f"{membership.user.display_name} already is a {role}.")
    db.session.refresh(membership)
    permissions.forget_membership(membership.user, group)
    verb = "promote" if role == Role.MODERATOR else "demote"
    entry = audit.record(actor, f"group:member:{verb}", target_type="user", target_id=membership.user_id,
                         target_label=membership.user.display_name, subject_user=membership.user, group_id=group.id,
                         details={"role": role})
    notify(membership.user_id, "moderation",
           f"You are now a moderator of {group.name}." if role == Role.MODERATOR
           else f"You are no longer a moderator of {group.name}.", link=link_to("groups.show", slug=group.slug),
           actor=actor)
    return entry


def remove_member(actor: User, group: Group, membership: Membership, reason: str) -> LogEntry:
    _require_moderator(actor, group)
    reason = _require_reason(reason)
    user = membership.user
    if user.id == actor.id:
        raise NotAllowed(_("You cannot remove yourself here."))
    if membership.role == Role.OWNER:
        raise ModerationError(_("The owner cannot be removed from the group."))
    if membership.role == Role.MODERATOR and not permissions.can_manage_group(actor, group):
        raise NotAllowed(_("Only the owner or an admin removes a moderator."))
    result = db.session.execute(delete(Membership).where(Membership.id == membership.id)
                                .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(f"{user.display_name} was removed a moment ago.")
    db.session.expunge(membership)
    permissions.forget_membership(user, group)
    entry = audit.record(actor, "group:member:remove", target_type="user", target_id=user.id,
                         target_label=user.display_name, subject_user=user, group_id=group.id, reason=reason)
    notify(user.id, "moderation", f"You were removed from {group.name}: {reason}", actor=actor)
    return entry


def set_invite_policy(actor: User, group: Group, policy: str) -> LogEntry | None:
    _require_moderator(actor, group)
    if policy not in (InvitePolicy.MEMBERS, InvitePolicy.MODERATORS):
        raise ModerationError(_("Choose who may invite."), "invite_policy")
    if group.invite_policy == policy:
        return None
    group.invite_policy = policy
    return audit.record(actor, "group:invite_policy:change", target_type="group", target_id=group.id,
                        target_label=group.name, group_id=group.id, details={"invite_policy": policy})


def edit_guidelines(actor: User, group: Group, source: str) -> bool:
    """Publishes a new version that every member accepts again; False when nothing changed."""
    from ..groups.services import publish_guidelines

    _require_moderator(actor, group)
    if not (source or "").strip():
        raise ModerationError(_("The guidelines cannot be empty."), "guidelines")
    if source == group.guidelines_source:
        return False
    publish_guidelines(actor, group, source)
    return True


# --------------------------------------------------------------------------------------------
# The queue
# --------------------------------------------------------------------------------------------

def _case_options():
    return (selectinload(ModerationCase.reports).selectinload(Report.reporter),
            selectinload(ModerationCase.post).selectinload(Post.author),
            selectinload(ModerationCase.post).selectinload(Post.topic),
            selectinload(ModerationCase.moderator), selectinload(ModerationCase.escalated_by),
            selectinload(ModerationCase.group))


def _paginate(query, count_query, page: int, per_page: int) -> Page | None:
    total = db.session.scalar(count_query) or 0
    pages = max(1, -(-total // per_page))
    if page < 1 or page > pages:
        return None
    items = list(db.session.scalars(query.limit(per_page).offset((page - 1) * per_page)))
    return Page(items, page, pages, total)


def queue_page(group: Group | None, *, resolved: bool = False, escalated_only: bool = False, page: int = 1,
               per_page: int = 20) -> Page | None:
    """Open cases: patient privacy first, then oldest. Resolved cases: newest decision first."""
    conditions = []
    if group is not None:
        conditions.append(ModerationCase.group_id == group.id)
    if escalated_only:
        conditions.append(ModerationCase.escalated.is_(True))
    if resolved:
        conditions.append(ModerationCase.state != CaseState.OPEN)
        order = (ModerationCase.resolved_at.desc(), ModerationCase.id.desc())
    else:
        conditions.append(ModerationCase.state == CaseState.OPEN)
        order = (ModerationCase.has_privacy_report.desc(), ModerationCase.created_at, ModerationCase.id)
    query = select(ModerationCase).where(*conditions).options(*_case_options()).order_by(*order)
    return _paginate(query, select(func.count(ModerationCase.id)).where(*conditions), page, per_page)


def cases_for_post(post_id: int) -> list[ModerationCase]:
    return list(db.session.scalars(select(ModerationCase).where(ModerationCase.post_id == post_id)
                                   .options(*_case_options()).order_by(ModerationCase.created_at.desc())))


@dataclass
class AuthorRecord:
    upheld: int = 0
    warnings: int = 0
    status: str = ""
    suspended_until: datetime | None = None


def author_records(pairs: set[tuple[int, int | None]]) -> dict[tuple[int, int], AuthorRecord]:
    """(group id, author id) -> the author's history in that group: upheld cases, warnings and
    membership status; three queries whatever the number of cases or groups shown."""
    records = {(group_id, author_id): AuthorRecord() for group_id, author_id in pairs if author_id}
    if not records:
        return records
    group_ids = list({group_id for group_id, _ in records})
    author_ids = list({author_id for _, author_id in records})
    for group_id, author_id, count in db.session.execute(
            select(ModerationCase.group_id, ModerationCase.post_author_id, func.count(ModerationCase.id))
            .where(ModerationCase.group_id.in_(group_ids), ModerationCase.post_author_id.in_(author_ids),
                   ModerationCase.state == CaseState.RESOLVED)
            .group_by(ModerationCase.group_id, ModerationCase.post_author_id)):
        if (group_id, author_id) in records:
            records[(group_id, author_id)].upheld = count
    for group_id, user_id, count in db.session.execute(
            select(MemberWarning.group_id, MemberWarning.user_id, func.count(MemberWarning.id))
            .where(MemberWarning.group_id.in_(group_ids), MemberWarning.user_id.in_(author_ids))
            .group_by(MemberWarning.group_id, MemberWarning.user_id)):
        if (group_id, user_id) in records:
            records[(group_id, user_id)].warnings = count
    for group_id, user_id, status, until in db.session.execute(
            select(Membership.group_id, Membership.user_id, Membership.status, Membership.suspended_until)
            .where(Membership.group_id.in_(group_ids), Membership.user_id.in_(author_ids))):
        if (group_id, user_id) in records:
            records[(group_id, user_id)].status = status
            records[(group_id, user_id)].suspended_until = until
    return records


def review_summary(user: User) -> tuple[bool, int]:
    """(moderates anything, open cases to review) in one query: the cases of the groups the user
    moderates, plus escalated cases for admins."""
    staff_groups = select(Membership.group_id).where(
        Membership.user_id == user.id, Membership.role.in_([Role.MODERATOR, Role.OWNER]),
        Membership.status == MembershipStatus.ACTIVE)
    is_admin = permissions.is_admin(user)
    case_filter = ModerationCase.group_id.in_(staff_groups)
    if is_admin:
        case_filter = or_(case_filter, ModerationCase.escalated.is_(True))
    staff_count = select(func.count()).select_from(staff_groups.subquery()).scalar_subquery()
    open_count = (select(func.count(ModerationCase.id))
                  .where(ModerationCase.state == CaseState.OPEN, case_filter).scalar_subquery())
    row = db.session.execute(select(staff_count, open_count)).one()
    return bool(row[0]) or is_admin, int(row[1] or 0)


def open_counts_by_group(group_ids: list[int]) -> dict[int, int]:
    if not group_ids:
        return {}
    return dict(db.session.execute(
        select(ModerationCase.group_id, func.count(ModerationCase.id))
        .where(ModerationCase.group_id.in_(group_ids), ModerationCase.state == CaseState.OPEN)
        .group_by(ModerationCase.group_id)).all())


def moderated_groups(user: User) -> list[Group]:
    if permissions.is_admin(user):
        return list(db.session.scalars(select(Group).order_by(Group.name)))
    return list(db.session.scalars(
        select(Group).join(Membership, Membership.group_id == Group.id)
        .where(Membership.user_id == user.id, Membership.role.in_([Role.MODERATOR, Role.OWNER]),
               Membership.status == MembershipStatus.ACTIVE).order_by(Group.name)))


# --------------------------------------------------------------------------------------------
# The log: filters, pages and CSV
# --------------------------------------------------------------------------------------------

@dataclass
class LogFilter:
    action: str = ""
    actor: str = ""
    date_from: date | None = None
    date_to: date | None = None
    group_id: int | None = None

    def conditions(self) -> list:
        conditions = []
        if self.action:
            # A full action ("moderation:post:hide") or a prefix ("moderation:post").
            conditions.append(or_(LogEntry.action == self.action, LogEntry.action.startswith(self.action + ":")))
        if self.actor:
            name = self.actor.strip().lstrip("@")
            if name.lower() == "system":
                conditions.append(LogEntry.actor_id.is_(None))
            else:
                pattern = "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                conditions.append(or_(LogEntry.actor_name.ilike(pattern, escape="\\"),
                                      LogEntry.actor_id.in_(select(User.id).where(User.username == name.lower()))))
        if self.date_from:
            conditions.append(LogEntry.created_at >= datetime.combine(self.date_from, time.min, timezone.utc))
        if self.date_to:
            conditions.append(LogEntry.created_at < datetime.combine(self.date_to + timedelta(days=1), time.min,
                                                                     timezone.utc))
        if self.group_id:
            conditions.append(LogEntry.group_id == self.group_id)
        return conditions


def log_page(log_filter: LogFilter, page: int, per_page: int = 50, group: Group | None = None) -> Page | None:
    conditions = log_filter.conditions()
    if group is not None:
        conditions.append(LogEntry.group_id == group.id)
    query = (select(LogEntry).where(*conditions).options(selectinload(LogEntry.actor))
             .order_by(LogEntry.created_at.desc(), LogEntry.id.desc()))
    return _paginate(query, select(func.count(LogEntry.id)).where(*conditions), page, per_page)


def log_actions(group: Group | None = None) -> list[str]:
    query = select(LogEntry.action).distinct().order_by(LogEntry.action)
    if group is not None:
        query = query.where(LogEntry.group_id == group.id)
    return list(db.session.scalars(query))


def _csv_cell(value) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas (CSV injection): defuse them."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def log_csv_rows(log_filter: LogFilter):
    """The filtered log as CSV text, streamed in chunks."""
    groups = dict(db.session.execute(select(Group.id, Group.slug)).all())
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "time_utc", "actor", "action", "target_type", "target_id", "target", "subject_user_id",
                     "group", "reason"])
    yield buffer.getvalue()
    query = (select(LogEntry).where(*log_filter.conditions()).order_by(LogEntry.created_at, LogEntry.id)
             .execution_options(yield_per=500))
    for entry in db.session.scalars(query):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_csv_cell(value) for value in (
            entry.id, entry.created_at.isoformat(), entry.actor_name, entry.action, entry.target_type, entry.target_id,
            entry.target_label, entry.subject_user_id, groups.get(entry.group_id, ""), entry.reason)])
        yield buffer.getvalue()


# --------------------------------------------------------------------------------------------
# Appeals
# --------------------------------------------------------------------------------------------

def appeal_deadline(entry: LogEntry) -> datetime:
    return entry.created_at + timedelta(days=int(_config("APPEAL_WINDOW_DAYS", 14)))


def appealable_decisions(user: User) -> list[LogEntry]:
    """Decisions against the user still open to appeal: in the window and not yet appealed."""
    since = utcnow() - timedelta(days=int(_config("APPEAL_WINDOW_DAYS", 14)))
    appealed = select(Appeal.decision_id)
    return list(db.session.scalars(
        select(LogEntry).where(LogEntry.subject_user_id == user.id, LogEntry.action.in_(list(APPEALABLE)),
                               LogEntry.created_at > since, LogEntry.id.not_in(appealed))
        .order_by(LogEntry.created_at.desc())))


def appeals_of(user: User) -> list[Appeal]:
    return list(db.session.scalars(select(Appeal).where(Appeal.appellant_id == user.id)
                                   .options(selectinload(Appeal.group), selectinload(Appeal.decision),
                                            selectinload(Appeal.decided_by))
                                   .order_by(Appeal.created_at.desc())))


def decision_for_appeal(user: User, decision_id: int | None) -> LogEntry | None:
    """The decision, if it is one against this user that can be appealed at all (else None: 404)."""
    if not decision_id:
        return None
    entry = db.session.get(LogEntry, decision_id)
    if entry is None or entry.subject_user_id != user.id or entry.action not in APPEALABLE:
        return None
    return entry


def appeal_problem(entry: LogEntry) -> str | None:
    """Why this decision can no longer be appealed, or None."""
    existing = db.session.scalar(select(Appeal).where(Appeal.decision_id == entry.id))
    if existing is not None:
        return "You already appealed this decision; each decision can be appealed once."
    deadline = appeal_deadline(entry)
    if deadline <= utcnow():
        return f"The {_config('APPEAL_WINDOW_DAYS', 14)}-day window to appeal this decision closed on {_until_text(deadline)}."
    return None


def file_appeal(user: User, entry: LogEntry, statement: str) -> Appeal:
    if entry.subject_user_id != user.id or entry.action not in APPEALABLE:
        raise NotAllowed(_("You can only appeal decisions about yourself or your posts."))
    problem = appeal_problem(entry)
    if problem:
        raise ModerationError(problem)
    statement = (statement or "").strip()
    if not statement:
        raise ModerationError(_("Say briefly why the decision should be reconsidered."), "statement")
    if len(statement) > 2000:
        raise ModerationError(_("Keep the statement under 2,000 characters."), "statement")
    group = db.session.get(Group, entry.group_id) if entry.group_id else None
    if group is None:
        raise ModerationError(_("The group of this decision no longer exists."))
    post_id = entry.target_id if entry.target_type == "post" else (entry.details or {}).get("post")
    appeal = Appeal(decision_id=entry.id, decision_action=entry.action, original_actor_id=entry.actor_id,
                    appellant_id=user.id, group_id=group.id, post_id=post_id, statement=statement)
    try:
        with db.session.begin_nested():
            db.session.add(appeal)
            db.session.flush()
    except IntegrityError:
        raise ModerationError(_("You already appealed this decision; each decision can be appealed once.")) from None
    link = link_to("moderation.group_appeals", slug=group.slug)
    for staff_id in set(_staff_ids(group)) - {entry.actor_id, user.id}:
        notify(staff_id, "moderation", f"{user.display_name} appealed a decision in {group.name}.", link=link,
               actor=user)
    return appeal


def open_appeals(group: Group | None = None, *, decided: bool = False) -> list[Appeal]:
    conditions = [Appeal.state != AppealState.OPEN] if decided else [Appeal.state == AppealState.OPEN]
    if group is not None:
        conditions.append(Appeal.group_id == group.id)
    query = (select(Appeal).where(*conditions)
             .options(selectinload(Appeal.appellant), selectinload(Appeal.original_actor),
                      selectinload(Appeal.decision), selectinload(Appeal.decided_by), selectinload(Appeal.group),
                      selectinload(Appeal.post))
             .order_by(Appeal.decided_at.desc() if decided else Appeal.created_at))
    return list(db.session.scalars(query.limit(100)))


def decide_appeal(actor: User, appeal: Appeal, grant: bool, reason: str) -> Appeal:
    group = appeal.group
    _require_moderator(actor, group)
    if not permissions.can_decide_appeal(actor, appeal):
        raise NotAllowed(_("You made the original decision (or filed the appeal); another moderator or an admin "
                         "decides it."))
    reason = _require_reason(reason)
    state = AppealState.GRANTED if grant else AppealState.DENIED
    result = db.session.execute(
        update(Appeal).where(Appeal.id == appeal.id, Appeal.state == AppealState.OPEN)
        .values(state=state, decided_by_id=actor.id, decision_reason=reason, decided_at=utcnow())
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(_("This appeal was already decided. Nothing was changed."))
    db.session.refresh(appeal)
    changed = _reverse(appeal) if grant else False
    audit.record(actor, f"moderation:appeal:{'grant' if grant else 'deny'}", target_type="appeal",
                 target_id=appeal.id, target_label=APPEALABLE.get(appeal.decision_action, appeal.decision_action),
                 subject_user=appeal.appellant, group_id=group.id, reason=reason,
                 details={"decision": appeal.decision_id, "reversed": changed})
    if appeal.appellant_id:
        outcome = "granted: the decision is reversed" if grant else "denied: the decision stands"
        notify(appeal.appellant_id, "moderation", f"Your appeal in {group.name} was {outcome}. {reason}",
               link=link_to("moderation.appeals"), actor=actor)
    if grant and appeal.original_actor_id and appeal.original_actor_id != actor.id:
        notify(appeal.original_actor_id, "moderation",
               f"{actor.display_name} granted an appeal against your decision in {group.name}.",
               link=link_to("moderation.group_appeals", slug=group.slug), actor=actor)
    return appeal


def _reverse(appeal: Appeal) -> bool:
    """Undo the appealed decision if it still stands; True when something changed."""
    action = appeal.decision_action
    if action in ("moderation:post:hide", "moderation:post:delete") and appeal.post_id:
        column = Post.hidden.is_(True) if action.endswith("hide") else Post.deleted_at.is_not(None)
        values = ({"hidden": False, "hidden_reason": None} if action.endswith("hide")
                  else {"deleted_at": None, "deleted_by_id": None})
        result = db.session.execute(update(Post).where(Post.id == appeal.post_id, column).values(**values)
                                    .execution_options(synchronize_session=False))
        return result.rowcount == 1
    if action in ("moderation:member:suspend", "moderation:member:ban") and appeal.appellant_id:
        status = MembershipStatus.SUSPENDED if action.endswith("suspend") else MembershipStatus.BANNED
        result = db.session.execute(
            update(Membership).where(Membership.user_id == appeal.appellant_id, Membership.group_id == appeal.group_id,
                                     Membership.status == status)
            .values(status=MembershipStatus.ACTIVE, suspended_until=None).execution_options(synchronize_session=False))
        return result.rowcount == 1
    return False


# --------------------------------------------------------------------------------------------
# Muting
# --------------------------------------------------------------------------------------------

def has_muted(user_id: int, actor_id: int) -> bool:
    """Whether `user_id` muted `actor_id` (their mentions and replies no longer notify)."""
    if not user_id or not actor_id or user_id == actor_id:
        return False
    return bool(db.session.scalar(select(exists().where(Mute.user_id == user_id, Mute.muted_user_id == actor_id))))


def mute(user: User, other: User) -> bool:
    """True when the mute is new; muting twice changes nothing."""
    if other.id == user.id:
        raise ModerationError(_("You cannot mute yourself."))
    if has_muted(user.id, other.id):
        return False
    try:
        with db.session.begin_nested():
            db.session.add(Mute(user_id=user.id, muted_user_id=other.id))
            db.session.flush()
    except IntegrityError:
        return False
    return True


def unmute(user: User, other: User) -> bool:
    result = db.session.execute(delete(Mute).where(Mute.user_id == user.id, Mute.muted_user_id == other.id)
                                .execution_options(synchronize_session=False))
    return result.rowcount > 0


def muted_ids(user: User) -> set[int]:
    return set(db.session.scalars(select(Mute.muted_user_id).where(Mute.user_id == user.id)))


def muted_users(user: User) -> list[User]:
    return list(db.session.scalars(select(User).join(Mute, Mute.muted_user_id == User.id)
                                   .where(Mute.user_id == user.id).order_by(User.display_name)))


# --------------------------------------------------------------------------------------------
# Accountable invitations
# --------------------------------------------------------------------------------------------

@dataclass
class InvitationTrail:
    account_inviter: User | None
    memberships: list[Membership]   # the profile's memberships in groups the viewer moderates
    invited: list[Membership]       # memberships the profile user vouched for, in those groups
    invited_accounts: list[User]    # accounts they invited (admins only: spans groups)


def invitation_trail(viewer: User, profile: User) -> InvitationTrail | None:
    """Who vouched for a member and whom they vouched for; for moderators of a shared group and admins."""
    if not permissions.is_verified(viewer):
        return None
    admin = permissions.is_admin(viewer)
    scope = select(Membership.group_id).where(
        Membership.user_id == viewer.id, Membership.role.in_([Role.MODERATOR, Role.OWNER]),
        Membership.status == MembershipStatus.ACTIVE)
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


# --------------------------------------------------------------------------------------------
# Per-request helpers for templates (each look-up is one query per request, cached in g)
# --------------------------------------------------------------------------------------------

def cached(key: str, compute):
    if not has_request_context():
        return compute()
    if key not in g:
        setattr(g, key, compute())
    return getattr(g, key)


def reported_post_ids(user: User, topic_id: int) -> set[int]:
    return cached(f"_reported_{topic_id}", lambda: set(db.session.scalars(
        select(Report.post_id).join(Post, Post.id == Report.post_id)
        .where(Report.reporter_id == user.id, Report.state == CaseState.OPEN, Post.topic_id == topic_id))))


def open_cases_in_topic(topic_id: int) -> dict[int, int]:
    """post id -> number of open reports, for the posts of one topic."""
    return cached(f"_open_cases_{topic_id}", lambda: dict(db.session.execute(
        select(ModerationCase.post_id, ModerationCase.report_count)
        .where(ModerationCase.topic_id == topic_id, ModerationCase.state == CaseState.OPEN)).all()))


def cached_muted_ids(user: User) -> set[int]:
    return cached("_muted_ids", lambda: muted_ids(user))


def reason_label(reason: str) -> str:
    return str(SHORT_REASON_LABELS.get(reason, reason))

