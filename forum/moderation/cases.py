"""Deciding a case: one handler per action, every open report on the post decided at once; and the
moderator's tools outside the queue (a post's visibility, a topic's lock and pin)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from .. import audit
from ..accounts.models import User
from ..audit import LogEntry
from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Group, Membership
from ..notifications.services import notify
from ..posts.models import Post, Topic
from ..posts.services import post_link
from ..privacy_guard.outcomes import record_case_decision
from ..urls import link_to
from .common import (AlreadyDecided, close_case_once, ModerationError, NotAllowed, admin_ids, require_moderator, require_reason,
                     set_hidden, setting)
from .models import Action, CaseState, ModerationCase, Report
from .reports import open_case_for
from .sanctions import author_membership, check_sanction, sanction_member
from flask_babel import gettext as _


def decide_case(actor: User, post: Post, action: str, reason: str, days: int | None = None,
                expected_case_id: int | None = None) -> ModerationCase:
    """Decide every open report on the post at once."""
    group = post.topic.group
    require_moderator(actor, group)
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
    reason = require_reason(reason)
    if post.author_id == actor.id:
        raise NotAllowed(_("This case is about your own post; another moderator decides it."))
    if post.deleted_at is not None and action in (Action.HIDE, Action.DELETE, Action.RESTORE):
        raise ModerationError(_("This post was already deleted, so it can no longer be hidden, deleted or restored "
                              "from the queue. Dismiss the case or act on its author."), "action")
    membership = author_membership(post, group)
    if action in (Action.WARN, Action.SUSPEND, Action.BAN):
        check_sanction(actor, group, post.author, membership, action, days)
    if action == Action.ESCALATE:
        return _escalate(actor, post, case, reason)
    _close_case(actor, case, action, reason)
    record_case_decision(post, action)  # counts only, for the guard's measured precision
    handler = HANDLERS[action]
    handler(Decision(actor, post, group, case, reason, days, membership,
                     {"case": case.id, "reports": case.report_count}))
    _tell_reporters(actor, case, post, action)
    return case


@dataclass
class Decision:
    """What a handler needs to carry out one moderator's decision on a case."""
    actor: User
    post: Post
    group: Group
    case: ModerationCase
    reason: str
    days: int | None
    membership: Membership | None
    details: dict


def _escalate(actor: User, post: Post, case: ModerationCase, reason: str) -> ModerationCase:
    group = post.topic.group
    if case.escalated:
        raise AlreadyDecided(_("This case was already escalated to the admins."))
    result = db.session.execute(
        update(ModerationCase).where(ModerationCase.id == case.id, ModerationCase.state == CaseState.OPEN,
                                     ModerationCase.escalated.is_(False))
        .values(escalated=True, escalated_at=utcnow(), escalated_by_id=actor.id, escalation_reason=reason)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(_("This case was decided or escalated by someone else a moment ago. Nothing was changed."))
    db.session.refresh(case)
    audit.record(actor, "moderation:case:escalate", target_type="post", target_id=post.id,
                 target_label=audit.topic_label(post.topic), subject_user=post.author, group_id=group.id, reason=reason,
                 details={"case": case.id})
    link = link_to("moderation.case", slug=group.slug, post_id=post.id)
    for admin_id in admin_ids():
        if admin_id != actor.id:
            notify(admin_id, "moderation", "case.escalated", topic=post.topic, link=link, actor=actor)
    return case


def _close_case(actor: User, case: ModerationCase, action: str, reason: str) -> None:
    """Close the case and every open report in it, unless another moderator closed it first."""
    state = CaseState.DISMISSED if action in (Action.DISMISS, Action.RESTORE) else CaseState.RESOLVED
    close_case_once(actor, case, action, state, reason,
                    _("Another moderator decided this case a moment ago. Nothing was changed."))


def _dismiss_or_restore(decision: Decision, *, restore: bool) -> None:
    post, actor, reason = decision.post, decision.actor, decision.reason
    topic = post.topic
    restored = set_hidden(post, False, None,
                          only_if_hidden_reason=None if restore else ("reports", "patient_privacy"))
    audit.record(actor, "moderation:post:restore" if restore else "moderation:case:dismiss",
                 target_type="post", target_id=post.id, target_label=audit.topic_label(topic), subject_user=post.author,
                 group_id=decision.group.id, reason=reason, details={**decision.details, "unhidden": restored})
    if restored and post.author_id:
        notify(post.author_id, "moderation", "case.restored", topic=topic, params={"reason": reason},
               link=post_link(post), actor=actor)


def _dismiss(decision: Decision) -> None:
    _dismiss_or_restore(decision, restore=False)


def _restore(decision: Decision) -> None:
    _dismiss_or_restore(decision, restore=True)


def _hide(decision: Decision) -> None:
    hide_by_moderator(decision.actor, decision.post, decision.reason, decision.details)


def _delete(decision: Decision) -> None:
    delete_by_moderator(decision.actor, decision.post, decision.reason, decision.details)


def _sanction(action: str):
    def handler(decision: Decision) -> None:
        post = decision.post
        if post.hidden and post.hidden_reason in ("reports", "patient_privacy"):
            # The reports were upheld: the automatic hide stands, now as a moderator's decision.
            hide_by_moderator(decision.actor, post, decision.reason, decision.details)
        sanction_member(decision.actor, decision.group, post.author, decision.membership, action, decision.reason,
                        days=decision.days, post=post, case=decision.case)
    return handler


# One handler per action that closes a case (escalation keeps it open and is handled above).
HANDLERS = {
    Action.DISMISS: _dismiss,
    Action.RESTORE: _restore,
    Action.HIDE: _hide,
    Action.DELETE: _delete,
    Action.WARN: _sanction(Action.WARN),
    Action.SUSPEND: _sanction(Action.SUSPEND),
    Action.BAN: _sanction(Action.BAN),
}


def tell_author_they_may_appeal(actor: User, post: Post, entry: LogEntry, key: str, reason: str) -> None:
    """The author learns the action and its reason, with a link to appeal this one decision."""
    db.session.flush()
    if post.author_id:
        notify(post.author_id, "moderation", key, topic=post.topic,
               params={"reason": reason, "days": setting("APPEAL_WINDOW_DAYS", 14)},
               link=link_to("moderation.new_appeal", decision=entry.id), actor=actor)


def hide_by_moderator(actor: User, post: Post, reason: str, details: dict) -> LogEntry:
    if not post.hidden:
        if not set_hidden(post, True, "moderator"):
            raise AlreadyDecided(_("Someone else hid this post a moment ago. Nothing was changed."))
    else:
        db.session.execute(update(Post).where(Post.id == post.id).values(hidden_reason="moderator")
                           .execution_options(synchronize_session=False))
        db.session.refresh(post)
    topic = post.topic
    entry = audit.record(actor, "moderation:post:hide", target_type="post", target_id=post.id,
                         target_label=audit.topic_label(topic), subject_user=post.author, group_id=topic.group_id,
                         reason=reason, details=details)
    tell_author_they_may_appeal(actor, post, entry, "post.hidden", reason)
    return entry


def delete_by_moderator(actor: User, post: Post, reason: str, details: dict) -> LogEntry:
    result = db.session.execute(update(Post).where(Post.id == post.id, Post.deleted_at.is_(None))
                                .values(deleted_at=utcnow(), deleted_by_id=actor.id)
                                .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(_("This post was deleted a moment ago. Nothing was changed."))
    db.session.refresh(post)
    topic = post.topic
    entry = audit.record(actor, "moderation:post:delete", target_type="post", target_id=post.id,
                         target_label=audit.topic_label(topic), subject_user=post.author, group_id=topic.group_id,
                         reason=reason, details=details)
    tell_author_they_may_appeal(actor, post, entry, "post.deleted", reason)
    return entry


# The message each action sends to the reporters (forum/notifications/messages.py).
REPORTER_OUTCOMES = {
    Action.DISMISS: "report.kept",
    Action.RESTORE: "report.kept",
    Action.HIDE: "report.hidden",
    Action.DELETE: "report.removed",
    Action.WARN: "report.sanctioned",
    Action.SUSPEND: "report.sanctioned",
    Action.BAN: "report.sanctioned",
}


def _tell_reporters(actor: User, case: ModerationCase, post: Post, action: str) -> None:
    """Reporters learn the outcome, never the moderator's reason."""
    reporter_ids = set(db.session.scalars(select(Report.reporter_id).where(Report.case_id == case.id,
                                                                           Report.reporter_id.is_not(None))))
    link = post_link(post) if post.deleted_at is None else ""
    for reporter_id in reporter_ids:
        if reporter_id == actor.id:
            continue
        notify(reporter_id, "report_outcome", REPORTER_OUTCOMES[action], topic=post.topic, link=link)


def moderate_post(actor: User, post: Post, action: str, reason: str) -> LogEntry:
    """Hide or restore a post that has no open reports (those are decided in the queue)."""
    group = post.topic.group
    require_moderator(actor, group)
    reason = require_reason(reason)
    if open_case_for(post.id) is not None:
        raise ModerationError(_("This post has open reports: decide them in the review queue, so that the reporters "
                              "learn the outcome."))
    if action == Action.HIDE:
        if post.deleted_at is not None:
            raise ModerationError(_("This post was deleted; there is nothing to hide."))
        if post.hidden:
            raise AlreadyDecided(_("This post is already hidden."))
        return hide_by_moderator(actor, post, reason, {})
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
                             target_label=audit.topic_label(topic), subject_user=post.author, group_id=group.id, reason=reason)
        if post.author_id and post.author_id != actor.id:
            notify(post.author_id, "moderation", "post.restored", topic=topic, params={"reason": reason},
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
    require_moderator(actor, topic.group)
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
                        target_label=audit.topic_label(topic), group_id=topic.group_id, reason=reason)
