"""Reports, the cases they form, warnings and appeals.

A *case* gathers every open report on one post, so moderators decide a post once (Discourse's
reviewable). Cases and reports snapshot what they point at, so deleting a post does not erase
the case. Decisions are conditional updates on the case row (WHERE state = 'open'): a second,
simultaneous decision finds nothing to update and is refused.
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db_types import UTCDateTime, utcnow
from ..extensions import db
from ..groups.models import Group
from . import log_guard  # noqa: F401  (refuses UPDATE/DELETE on the moderation log at the engine level)


class ReportReason(StrEnum):
    PATIENT_PRIVACY = "patient_privacy"
    MISINFORMATION = "misinformation"
    HARASSMENT = "harassment"
    SPAM = "spam"
    OFF_TOPIC = "off_topic"
    OTHER = "other"


REASON_LABELS = {
    ReportReason.PATIENT_PRIVACY: "Patient privacy: it could identify a patient",
    ReportReason.MISINFORMATION: "Misinformation: contradicts the evidence without saying so",
    ReportReason.HARASSMENT: "Harassment or a personal attack",
    ReportReason.SPAM: "Spam or advertising",
    ReportReason.OFF_TOPIC: "Off topic for this group",
    ReportReason.OTHER: "Something else (please explain)",
}

SHORT_REASON_LABELS = {
    ReportReason.PATIENT_PRIVACY: "patient privacy",
    ReportReason.MISINFORMATION: "misinformation",
    ReportReason.HARASSMENT: "harassment",
    ReportReason.SPAM: "spam",
    ReportReason.OFF_TOPIC: "off topic",
    ReportReason.OTHER: "other",
}


class CaseState(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"    # the reports were upheld: the post or its author was acted on
    DISMISSED = "dismissed"  # the post is within the guidelines


class Action(StrEnum):
    DISMISS = "dismiss"
    HIDE = "hide"
    RESTORE = "restore"
    DELETE = "delete"
    WARN = "warn"
    SUSPEND = "suspend"
    BAN = "ban"
    ESCALATE = "escalate"
    RELEASE = "release"  # a held post is published as it is
    REDACT = "redact"    # patient data is removed from the post and from every copy of it


ACTION_LABELS = {
    Action.DISMISS: "dismissed",
    Action.HIDE: "post hidden",
    Action.RESTORE: "post restored",
    Action.DELETE: "post deleted",
    Action.WARN: "author warned",
    Action.SUSPEND: "author suspended",
    Action.BAN: "author banned",
    Action.ESCALATE: "escalated to admins",
    Action.RELEASE: "held post released",
    Action.REDACT: "patient data redacted",
}

SUSPENSION_DAYS = (1, 7, 30)


class ModerationCase(db.Model):
    """Every open report on one post, decided together."""

    __tablename__ = "moderation_cases"
    __table_args__ = (
        # At most one open case per post; a report after a decision opens a new case.
        Index("uq_moderation_cases_open_post", "post_id", unique=True,
              sqlite_where=text("state = 'open'"), postgresql_where=text("state = 'open'")),
        Index("ix_moderation_cases_group_state", "group_id", "state", "created_at"),
        Index("ix_moderation_cases_escalated", "escalated", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topics.id", ondelete="SET NULL"))
    state: Mapped[str] = mapped_column(String(16), default=CaseState.OPEN, server_default=CaseState.OPEN)
    # Snapshots of what was reported, readable after the post or its author are gone.
    post_author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    post_author_name: Mapped[str] = mapped_column(String(80), default="")
    topic_title: Mapped[str] = mapped_column(String(200), default="")
    post_number: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    post_excerpt: Mapped[str] = mapped_column(String(600), default="")
    report_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Any patient_privacy report puts the case at the front of the queue.
    has_privacy_report: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    escalated: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    escalated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    escalation_reason: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    outcome: Mapped[str | None] = mapped_column(String(16))  # an Action
    # The moderator's reason: shown to the post's author and in the log, never to reporters.
    note: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_reported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    group: Mapped[Group] = relationship()
    post = relationship("Post", foreign_keys=[post_id])
    topic = relationship("Topic", foreign_keys=[topic_id])
    post_author: Mapped[User | None] = relationship(foreign_keys=[post_author_id])
    moderator: Mapped[User | None] = relationship(foreign_keys=[moderator_id])
    escalated_by: Mapped[User | None] = relationship(foreign_keys=[escalated_by_id])
    reports: Mapped[list[Report]] = relationship(back_populates="case", order_by="Report.created_at")

    @property
    def is_open(self) -> bool:
        return self.state == CaseState.OPEN

    @property
    def outcome_label(self) -> str:
        return ACTION_LABELS.get(self.outcome, self.outcome or "")


class Report(db.Model):
    """One member's report on a post (reporter None: filed automatically by the patient-data guard)."""

    __tablename__ = "reports"
    __table_args__ = (
        # One open report per member and post, enforced by the database against double submits.
        Index("uq_reports_open_reporter_post", "post_id", "reporter_id", unique=True,
              sqlite_where=text("state = 'open'"), postgresql_where=text("state = 'open'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("moderation_cases.id", ondelete="CASCADE"), index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    automatic: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    reason: Mapped[str] = mapped_column(String(32))
    details: Mapped[str] = mapped_column(String(2000), default="", server_default="")
    state: Mapped[str] = mapped_column(String(16), default=CaseState.OPEN, server_default=CaseState.OPEN)
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    outcome: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    case: Mapped[ModerationCase] = relationship(back_populates="reports")
    reporter: Mapped[User | None] = relationship(foreign_keys=[reporter_id])

    @property
    def reason_label(self) -> str:
        return SHORT_REASON_LABELS.get(self.reason, self.reason)


class MemberWarning(db.Model):
    """A moderator's written warning to a member, kept for the member's moderation history."""

    __tablename__ = "moderation_warnings"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("moderation_cases.id", ondelete="SET NULL"))
    message: Mapped[str] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AppealState(StrEnum):
    OPEN = "open"
    GRANTED = "granted"
    DENIED = "denied"


class Appeal(db.Model):
    """A member contests one decision against them (a log entry), once, within the appeal window."""

    __tablename__ = "appeals"
    __table_args__ = (UniqueConstraint("decision_id", name="uq_appeals_decision_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The log entry that recorded the decision; one appeal per decision.
    decision_id: Mapped[int] = mapped_column(ForeignKey("moderation_log.id"))
    decision_action: Mapped[str] = mapped_column(String(64))
    original_actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    appellant_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    statement: Mapped[str] = mapped_column(String(2000))
    state: Mapped[str] = mapped_column(String(16), default=AppealState.OPEN, server_default=AppealState.OPEN)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_reason: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    group: Mapped[Group] = relationship()
    appellant: Mapped[User | None] = relationship(foreign_keys=[appellant_id])
    original_actor: Mapped[User | None] = relationship(foreign_keys=[original_actor_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    decision = relationship("LogEntry", foreign_keys=[decision_id])
    post = relationship("Post", foreign_keys=[post_id])
