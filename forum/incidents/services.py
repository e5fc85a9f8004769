"""Opening, assessing, closing and exporting privacy incidents; recording who read a post under review."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import exists, func, select, update
from sqlalchemy.exc import IntegrityError

from .. import audit, policy
from ..accounts.models import User
from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Membership, Role
from ..notifications.services import notify
from ..posts.models import Post
from ..urls import link_to
from .models import IncidentState, PostRead, PrivacyIncident

HIDING_ACTIONS = ("moderation:post:hold", "moderation:post:auto_hide", "moderation:post:hide")


class IncidentError(ValueError):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class IncidentChanged(IncidentError):
    """Someone else saved or closed the incident first."""


def deadline_hours() -> int:
    return int(current_app.config.get("PRIVACY_INCIDENT_DEADLINE_HOURS", 72))


# --------------------------------------------------------------------------------------------
# Reads of posts under privacy review
# --------------------------------------------------------------------------------------------

def posts_under_privacy_review(post_ids: list[int]) -> set[int]:
    from ..moderation.models import CaseState, ModerationCase

    if not post_ids:
        return set()
    return set(db.session.scalars(select(ModerationCase.post_id).where(
        ModerationCase.post_id.in_(post_ids), ModerationCase.state == CaseState.OPEN,
        ModerationCase.has_privacy_report.is_(True))))


def record_reads(reader: User, posts: list[Post]) -> int:
    """Note, once per member and post, that the reader had a post under patient-privacy review in front of
    them, so that an incident can say who opened it. Returns the number of new records."""
    candidates = [post for post in posts if post.author_id != reader.id and post.deleted_at is None]
    under_review = posts_under_privacy_review([post.id for post in candidates])
    if not under_review:
        return 0
    seen = set(db.session.scalars(select(PostRead.post_id).where(PostRead.user_id == reader.id,
                                                                 PostRead.post_id.in_(under_review))))
    added = 0
    for post_id in sorted(under_review - seen):
        try:
            with db.session.begin_nested():
                db.session.add(PostRead(post_id=post_id, user_id=reader.id, first_read_at=utcnow()))
                db.session.flush()
            added += 1
        except IntegrityError:
            continue  # the same member's other tab recorded it a moment ago
    return added


# --------------------------------------------------------------------------------------------
# Opening an incident
# --------------------------------------------------------------------------------------------

def _hidden_at(post: Post, was_held: bool, now: datetime) -> datetime:
    if was_held:
        return post.created_at
    from ..audit import LogEntry

    first = db.session.scalar(select(func.min(LogEntry.created_at)).where(
        LogEntry.target_type == "post", LogEntry.target_id == post.id, LogEntry.action.in_(HIDING_ACTIONS),
        LogEntry.created_at >= post.created_at))
    return min(first, now) if first is not None else now


def _members_in_window(post: Post, hidden_at: datetime, was_held: bool) -> int:
    """How many people other than the author could read the post, decided by the policy itself: while it was
    visible, everyone who could read the group (verified, not banned, the current guidelines accepted -- or an
    admin, who reads every group); while it was held, those who see held posts (the group's moderators and the
    admins). Counted among the group's members who had joined by the end of the window and the admins."""
    end = utcnow() if was_held else hidden_at
    if not was_held and hidden_at <= post.created_at:
        return 0
    group = post.topic.group
    candidates = db.session.scalars(
        select(User).where(User.id != post.author_id, User.deleted_at.is_(None), User.created_at <= end,
                           (User.is_admin.is_(True)) | User.id.in_(
                               select(Membership.user_id).where(Membership.group_id == group.id,
                                                                Membership.joined_at <= end))))
    if was_held:
        could_read = [user for user in candidates if policy.can_moderate(user, group)]
    else:
        could_read = [user for user in candidates
                      if policy.can_read_group(user, group) or policy.can_moderate(user, group)]
    return len(could_read)


def _readers(post: Post) -> list[dict]:
    group_id = post.topic.group_id
    rows = db.session.execute(
        select(PostRead, User, Membership.role).join(User, User.id == PostRead.user_id)
        .outerjoin(Membership, (Membership.user_id == User.id) & (Membership.group_id == group_id))
        .where(PostRead.post_id == post.id, PostRead.user_id != post.author_id)
        .order_by(PostRead.first_read_at)).all()
    return [{"user_id": user.id, "name": user.public_name, "first_read_at": read.first_read_at.isoformat(),
             "staff": bool(user.is_admin or role in (Role.MODERATOR, Role.OWNER))} for read, user, role in rows]


def open_incident(actor: User, post: Post, *, trigger: str, was_held: bool = False) -> PrivacyIncident:
    """A moderator confirmed that the post exposed patient data. One open incident per post."""
    existing = db.session.scalar(select(PrivacyIncident).where(PrivacyIncident.post_id == post.id,
                                                               PrivacyIncident.state == IncidentState.OPEN))
    if existing is not None:
        return existing
    now = utcnow()
    hidden_at = _hidden_at(post, was_held, now)
    topic = post.topic
    incident = PrivacyIncident(
        group_id=topic.group_id, post_id=post.id, topic_id=topic.id, trigger=str(trigger),
        published_at=post.created_at, hidden_at=hidden_at,
        members_in_window=_members_in_window(post, hidden_at, was_held), readers=_readers(post),
        handler_id=actor.id, confirmed_at=now, deadline_at=now + timedelta(hours=deadline_hours()),
        state=IncidentState.OPEN)
    db.session.add(incident)
    db.session.flush()
    audit.record(actor, "privacy:incident:open", target_type="incident", target_id=incident.id,
                 target_label=f"post {post.id}", group_id=topic.group_id,
                 details={"post": post.id, "trigger": str(trigger), "members_in_window": incident.members_in_window,
                          "readers": len(incident.readers), "deadline": incident.deadline_at.isoformat()})
    link = link_to("incidents.index") + f"#incident-{incident.id}"
    officers = db.session.scalars(select(User.id).where(
        (User.is_admin.is_(True)) | (User.is_privacy_officer.is_(True)), User.deleted_at.is_(None)))
    for officer_id in officers:
        if officer_id != actor.id:
            notify(officer_id, "moderation", "incident.opened", params={
                "group": topic.group.name, "deadline": incident.deadline_at.isoformat()}, link=link, actor=actor)
    return incident


# --------------------------------------------------------------------------------------------
# Assessing and closing
# --------------------------------------------------------------------------------------------

def incidents_page() -> list[PrivacyIncident]:
    """Open incidents first, the nearest deadline first; then closed ones, newest first."""
    open_ones = list(db.session.scalars(select(PrivacyIncident).where(PrivacyIncident.state == IncidentState.OPEN)
                                        .order_by(PrivacyIncident.deadline_at, PrivacyIncident.id)))
    closed = list(db.session.scalars(select(PrivacyIncident).where(PrivacyIncident.state == IncidentState.CLOSED)
                                     .order_by(PrivacyIncident.closed_at.desc(), PrivacyIncident.id.desc())
                                     .limit(200)))
    return open_ones + closed


def _save(incident: PrivacyIncident, version: int | None, values: dict, *, only_open: bool = True) -> None:
    conditions = [PrivacyIncident.id == incident.id]
    if version is not None:
        conditions.append(PrivacyIncident.version == version)
    if only_open:
        conditions.append(PrivacyIncident.state == IncidentState.OPEN)
    result = db.session.execute(update(PrivacyIncident).where(*conditions)
                                .values(version=PrivacyIncident.version + 1, **values)
                                .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise IncidentChanged(_("Someone else saved or closed this incident a moment ago. Nothing was changed; "
                                "review it again."))
    db.session.refresh(incident)


def assess(actor: User, incident: PrivacyIncident, *, notification_needed: bool | None, notified_at: datetime | None,
           notified_to: str, assessment: str, version: int | None) -> None:
    assessment = (assessment or "").strip()
    notified_to = (notified_to or "").strip()
    if notification_needed is None:
        raise IncidentError(_("Say whether the supervisory authority, the hospital or the patient must be notified."),
                            "notification_needed")
    if not assessment:
        raise IncidentError(_("Write the assessment: what was exposed (by kind, not the data itself), to whom, "
                              "and the risk."), "assessment")
    if notified_at is not None and not notified_to:
        raise IncidentError(_("Say to whom the notification was sent."), "notified_to")
    if notified_to and notified_at is None:
        raise IncidentError(_("Say when the notification was sent."), "notified_at")
    if not incident.is_open:
        raise IncidentChanged(_("This incident is closed. Nothing was changed."))
    _save(incident, version, {"notification_needed": notification_needed, "notified_at": notified_at,
                              "notified_to": notified_to[:300], "assessment": assessment[:10000],
                              "assessed_by_id": actor.id, "assessed_at": utcnow()})
    audit.record(actor, "privacy:incident:assess", target_type="incident", target_id=incident.id,
                 target_label=f"post {incident.post_id}", group_id=incident.group_id,
                 details={"notification_needed": notification_needed,
                          "notified": notified_at.isoformat() if notified_at else None})


def close(actor: User, incident: PrivacyIncident, reason: str, version: int | None) -> None:
    reason = (reason or "").strip()
    if not incident.is_open:
        raise IncidentChanged(_("This incident was already closed. Nothing was changed."))
    if not incident.has_assessment:
        raise IncidentError(_("Save an assessment (is a notification needed, and why) before closing the incident."),
                            "close_reason")
    if incident.notification_needed and incident.notified_at is None:
        raise IncidentError(_("The assessment says a notification is needed, but none is recorded as sent. "
                              "Record when and to whom it was sent first."), "close_reason")
    if not reason:
        raise IncidentError(_("Give a reason for closing the incident."), "close_reason")
    _save(incident, version, {"state": IncidentState.CLOSED, "closed_at": utcnow(), "closed_by_id": actor.id,
                              "close_reason": reason[:1000]})
    audit.record(actor, "privacy:incident:close", target_type="incident", target_id=incident.id,
                 target_label=f"post {incident.post_id}", group_id=incident.group_id, reason=reason)


# --------------------------------------------------------------------------------------------
# Export for the organisation's records
# --------------------------------------------------------------------------------------------

def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def as_record(incident: PrivacyIncident) -> dict:
    return {
        "id": incident.id, "group": incident.group.slug if incident.group else None, "post_id": incident.post_id,
        "topic_id": incident.topic_id, "trigger": incident.trigger, "state": incident.state,
        "published_at": _when(incident.published_at), "hidden_at": _when(incident.hidden_at),
        "exposure_seconds": incident.exposure_seconds, "members_in_window": incident.members_in_window,
        "readers": incident.readers or [],
        "handler": incident.handler.display_name if incident.handler else None,
        "confirmed_at": _when(incident.confirmed_at), "deadline_at": _when(incident.deadline_at),
        "notification_needed": incident.notification_needed, "notified_at": _when(incident.notified_at),
        "notified_to": incident.notified_to, "assessment": incident.assessment,
        "assessed_by": incident.assessed_by.display_name if incident.assessed_by else None,
        "assessed_at": _when(incident.assessed_at), "closed_at": _when(incident.closed_at),
        "closed_by": incident.closed_by.display_name if incident.closed_by else None,
        "close_reason": incident.close_reason,
    }


CSV_COLUMNS = ("id", "group", "post_id", "trigger", "state", "published_at", "hidden_at", "exposure_seconds",
               "members_in_window", "readers", "handler", "confirmed_at", "deadline_at", "notification_needed",
               "notified_at", "notified_to", "assessment", "closed_at", "closed_by", "close_reason")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # Spreadsheets run cells that start with these as formulas.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def as_csv(incidents: list[PrivacyIncident]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for incident in incidents:
        record = as_record(incident)
        record["readers"] = "; ".join(f"{reader['name']} ({reader['first_read_at']})" for reader in record["readers"])
        writer.writerow([_cell(record[column]) for column in CSV_COLUMNS])
    return out.getvalue()


def has_open_incident(post_id: int) -> bool:
    return bool(db.session.scalar(select(exists().where(PrivacyIncident.post_id == post_id,
                                                        PrivacyIncident.state == IncidentState.OPEN))))


def set_privacy_officer(actor: User, user: User, grant: bool) -> None:
    from .. import permissions

    if not permissions.can_manage_accounts(actor):
        raise IncidentError(_("Only administrators appoint privacy officers."))
    if grant and not permissions.is_verified(user):
        raise IncidentError(_("Only verified members can become privacy officers."))
    if bool(user.is_privacy_officer) == grant:
        raise IncidentError(_("Nothing to change: %(name)s already has this role setting.", name=user.display_name))
    user.is_privacy_officer = grant
    audit.record(actor, f"privacy:officer:{'grant' if grant else 'revoke'}", target_type="user", target_id=user.id,
                 target_label=user.display_name, subject_user=user)
    notify(user.id, "moderation", "role.privacy_officer_granted" if grant else "role.privacy_officer_revoked",
           link=link_to("incidents.index") if grant else "", actor=actor)
