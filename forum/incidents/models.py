from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db_types import UTCDateTime, utcnow
from ..extensions import db
from ..groups.models import Group


class IncidentState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class PrivacyIncident(db.Model):
    """One confirmed exposure of patient data. Points at the post by id; never holds its text."""

    __tablename__ = "privacy_incidents"
    __table_args__ = (Index("ix_privacy_incidents_state_deadline", "state", "deadline_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"), index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topics.id", ondelete="SET NULL"))
    # redact, delete or hide: how the moderator confirmed the exposure.
    trigger: Mapped[str] = mapped_column(String(16))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    hidden_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Members (other than the author) who could read the post between publication and hiding.
    members_in_window: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Who opened it while it was under privacy review: [{"user_id", "name", "first_read_at", "staff"}].
    readers: Mapped[list] = mapped_column(JSON, default=list)
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deadline_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16), default=IncidentState.OPEN, server_default=IncidentState.OPEN)
    # The organisation's assessment: must an authority, hospital or patient be notified, and was it done.
    notification_needed: Mapped[bool | None] = mapped_column(Boolean)
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    notified_to: Mapped[str] = mapped_column(String(300), default="", server_default="")
    assessment: Mapped[str] = mapped_column(Text, default="", server_default="")
    assessed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    assessed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    close_reason: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    # Optimistic locking: two officers saving the same incident at once, the second is told.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    group: Mapped[Group | None] = relationship()
    handler: Mapped[User | None] = relationship(foreign_keys=[handler_id])
    assessed_by: Mapped[User | None] = relationship(foreign_keys=[assessed_by_id])
    closed_by: Mapped[User | None] = relationship(foreign_keys=[closed_by_id])

    @property
    def is_open(self) -> bool:
        return self.state == IncidentState.OPEN

    @property
    def has_assessment(self) -> bool:
        return self.notification_needed is not None and bool((self.assessment or "").strip())

    @property
    def exposure_seconds(self) -> int:
        return max(0, int((self.hidden_at - self.published_at).total_seconds()))


class PostRead(db.Model):
    """A member opened a post while it was under patient-privacy review (first time only)."""

    __tablename__ = "post_reads"
    __table_args__ = (UniqueConstraint("post_id", "user_id", name="uq_post_reads_post_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    first_read_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
