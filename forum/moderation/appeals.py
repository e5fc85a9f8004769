"""Appeals: a member appeals a decision against them or their post within the window; another
moderator or an admin grants (the decision is reversed if it still stands) or denies it."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from .. import audit, policy
from ..accounts.models import User
from ..audit import LogEntry
from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Group, Membership, MembershipStatus
from ..notifications.services import notify
from ..posts.models import Post
from ..urls import link_to
from .common import AlreadyDecided, ModerationError, NotAllowed, require_moderator, require_reason, setting, staff_ids, until_text
from .models import Appeal, AppealState
from flask_babel import gettext as _

# Decisions against a member that the member may appeal (log actions).
APPEALABLE = {
    "moderation:post:hide": "hid your post",
    "moderation:post:delete": "deleted your post",
    "moderation:member:suspend": "suspended you",
    "moderation:member:ban": "banned you",
}
# The same, as the member reads them (APPEALABLE stays English: it labels entries of the moderation log).
APPEAL_LABELS = {
    "moderation:post:hide": _l("hid your post"),
    "moderation:post:delete": _l("deleted your post"),
    "moderation:member:suspend": _l("suspended you"),
    "moderation:member:ban": _l("banned you"),
}


def appeal_deadline(entry: LogEntry) -> datetime:
    return entry.created_at + timedelta(days=int(setting("APPEAL_WINDOW_DAYS", 14)))


def appealable_decisions(user: User) -> list[LogEntry]:
    """Decisions against the user still open to appeal: in the window and not yet appealed."""
    since = utcnow() - timedelta(days=int(setting("APPEAL_WINDOW_DAYS", 14)))
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
        return _("You already appealed this decision; each decision can be appealed once.")
    deadline = appeal_deadline(entry)
    if deadline <= utcnow():
        return _("The %(days)s-day window to appeal this decision closed on %(date)s.",
                 days=setting('APPEAL_WINDOW_DAYS', 14), date=until_text(deadline))
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
    for staff_id in set(staff_ids(group)) - {entry.actor_id, user.id}:
        notify(staff_id, "moderation", "appeal.filed", group=group, link=link, actor=user)
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
    require_moderator(actor, group)
    if not policy.can_decide_appeal(actor, appeal):
        raise NotAllowed(_("You made the original decision (or filed the appeal); another moderator or an admin "
                         "decides it."))
    reason = require_reason(reason)
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
        notify(appeal.appellant_id, "moderation", "appeal.granted" if grant else "appeal.denied", group=group,
               params={"reason": reason}, link=link_to("moderation.appeals"), actor=actor)
    if grant and appeal.original_actor_id and appeal.original_actor_id != actor.id:
        notify(appeal.original_actor_id, "moderation", "appeal.granted_against_you", group=group,
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
