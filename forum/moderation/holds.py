"""Held posts: a topic or reply published past the patient-data guard's findings waits for a moderator.

While it is held, only its author (marked "waiting for a moderator") and the group's moderators see
it: it is a hidden post (hidden_reason "held"), so every list that leaves hidden posts out -- the
topic page, search, the dashboard's counts -- leaves it out too; a held first post hides its topic.
Replies and mentions are not announced until the post is released. A group can choose "publish and
queue" instead (Group.guard_policy), which keeps the post visible with an automatic report.
"""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select, update

from .. import audit, permissions
from ..accounts.models import User
from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Group
from ..notifications.services import notify
from ..posts.models import HELD, Post, Topic
from ..posts.services import notify_publication, post_link
from ..urls import link_to
from .models import Action, CaseState, ModerationCase, Report
from .common import AlreadyDecided, close_case_once, ModerationError, NotAllowed, require_moderator, require_reason, staff_ids
from .reports import open_case_for

HOLD = "hold"
PUBLISH = "publish"
GUARD_POLICIES = (HOLD, PUBLISH)


def holds_posts(group: Group) -> bool:
    return (group.guard_policy or HOLD) == HOLD


def hold(actor: User, post: Post, case: ModerationCase | None = None) -> bool:
    """Hold a post its author published past the guard's findings; True when it is now held.

    A moderator of the group writing past the findings is not held: they are the reviewers."""
    topic = post.topic
    group = topic.group
    if not holds_posts(group) or post.hidden or post.deleted_at is not None:
        return False
    if permissions.can_moderate(actor, group) and not actor.is_admin:
        return False
    result = db.session.execute(update(Post).where(Post.id == post.id, Post.hidden.is_(False))
                                .values(hidden=True, hidden_reason=HELD).execution_options(synchronize_session=False))
    db.session.refresh(post)
    if result.rowcount != 1:
        return False
    if post.number == 1:
        topic.hidden = True
    else:
        # Other members must not see the topic move up because of a post they cannot read.
        topic.last_activity_at = _last_visible_activity(topic, excluding=post.id)
    types = sorted({finding.get("type", "") for finding in (post.phi_findings or []) if finding.get("type")})
    audit.record(None, "moderation:post:hold", target_type="post", target_id=post.id, target_label=audit.topic_label(topic),
                 subject_user=post.author, group_id=group.id,
                 reason="Published past the patient-data guard's findings; held until a moderator reviews it.",
                 details={"case": case.id if case else None, "types": types})
    queue = link_to("moderation.case", slug=group.slug, post_id=post.id)
    for staff_id in staff_ids(group):
        if staff_id != post.author_id:
            notify(staff_id, "moderation", "post.held_for_review", topic=topic, link=queue)
    return True


def _last_visible_activity(topic: Topic, excluding: int):
    latest = db.session.scalar(select(func.max(Post.created_at)).where(
        Post.topic_id == topic.id, Post.id != excluding, Post.hidden.is_(False), Post.deleted_at.is_(None)))
    return latest or topic.created_at


def close_open_case(actor: User, post: Post, *, outcome: str, state: str, reason: str,
                    expected_case_id: int | None = None) -> ModerationCase | None:
    """Decide the post's open case, if any, with a conditional update: a second moderator deciding at the
    same moment finds nothing to update and is told, and nothing else of their request happens."""
    case = open_case_for(post.id)
    if case is None:
        return None
    if expected_case_id and case.id != expected_case_id:
        raise AlreadyDecided(_("The case you were looking at was decided meanwhile and new reports have arrived. "
                               "Review the post again."))
    close_case_once(actor, case, outcome, state, reason,
                    _("Another moderator decided this post a moment ago. Nothing was changed."))
    return case


def already_decided_message(post: Post) -> str:
    last = db.session.scalar(select(ModerationCase).where(ModerationCase.post_id == post.id,
                                                          ModerationCase.state != CaseState.OPEN)
                             .order_by(ModerationCase.resolved_at.desc(), ModerationCase.id.desc()))
    if last is not None and last.moderator is not None:
        return _("%(name)s already decided this post (%(outcome)s). Nothing was changed.",
                 name=last.moderator.display_name, outcome=last.outcome_label)
    return _("This post is no longer waiting for a moderator. Nothing was changed.")


def topic_gone(post: Post) -> bool:
    """A reply's topic counts as deleted when its first post was deleted."""
    if post.number == 1:
        return False
    first = db.session.scalar(select(Post).where(Post.topic_id == post.topic_id, Post.number == 1))
    return first is None or first.deleted_at is not None


def unhold(post: Post) -> bool:
    """The post leaves the hold (released, or redacted and published); its topic and its announcements follow."""
    result = db.session.execute(update(Post).where(Post.id == post.id, Post.hidden_reason == HELD)
                                .values(hidden=False, hidden_reason=None).execution_options(synchronize_session=False))
    db.session.refresh(post)
    if result.rowcount != 1:
        return False
    topic = post.topic
    if post.number == 1:
        topic.hidden = False
    topic.last_activity_at = max(topic.last_activity_at, post.created_at)
    if post.author is not None and not post.author.is_deleted:
        notify_publication(post.author, post)
    return True


def release(actor: User, post: Post, reason: str, expected_case_id: int | None = None) -> None:
    """A moderator finds the held post free of patient data and publishes it."""
    group = post.topic.group
    require_moderator(actor, group)
    if not post.is_held:
        raise AlreadyDecided(already_decided_message(post))
    reason = require_reason(reason)
    if post.author_id == actor.id:
        raise NotAllowed(_("This is your own post; another moderator decides it."))
    if post.deleted_at is not None:
        raise ModerationError(_("This post was deleted; there is nothing to release."))
    if topic_gone(post):
        raise ModerationError(_("The topic of this reply was deleted, so the reply cannot be released. "
                                "Redact or delete it instead."), "action")
    if post.number != 1 and post.topic.hidden:
        raise ModerationError(_("The first post of this topic is still waiting for a moderator; release it first."),
                              "action")
    case = close_open_case(actor, post, outcome=Action.RELEASE, state=CaseState.DISMISSED, reason=reason,
                           expected_case_id=expected_case_id)
    if not unhold(post):
        raise AlreadyDecided(already_decided_message(post))
    topic = post.topic
    audit.record(actor, "moderation:post:release", target_type="post", target_id=post.id, target_label=audit.topic_label(topic),
                 subject_user=post.author, group_id=group.id, reason=reason,
                 details={"case": case.id if case else None})
    if post.author_id:
        notify(post.author_id, "moderation", "post.released", topic=topic, params={"reason": reason},
               link=post_link(post), actor=actor)


def set_guard_policy(actor: User, group: Group, policy: str) -> bool:
    require_moderator(actor, group)
    if policy not in GUARD_POLICIES:
        raise ModerationError(_("Choose hold for review or publish and queue."), "guard_policy")
    if group.guard_policy == policy:
        return False
    group.guard_policy = policy
    audit.record(actor, "group:guard_policy", target_type="group", target_id=group.id, target_label=group.name,
                 group_id=group.id, details={"policy": policy})
    return True


def highlighted_findings(post: Post):
    """The post's text with the guard's stored findings (type and offsets only) marked, for moderators."""
    from ..privacy_guard.detector import CATEGORIES
    from ..web import highlight

    findings = [{"start": f["start"], "end": f["end"], "explanation": CATEGORIES.get(f.get("type"), f.get("type", ""))}
                for f in (post.phi_findings or []) if f.get("field", "body") == "body"]
    return highlight(post.body_source, findings)
