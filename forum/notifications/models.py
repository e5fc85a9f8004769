from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db_types import UTCDateTime, utcnow
from ..extensions import db


class Notification(db.Model):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_unread", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # reply, mention, report_outcome, verification, invitation_accepted, moderation, ... (for digests and filters)
    kind: Mapped[str] = mapped_column(String(32))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # What it says: a key of forum/notifications/messages.py and its parameters, rendered when read.
    key: Mapped[str] = mapped_column(String(48), default="legacy", server_default="legacy")
    params: Mapped[dict | None] = mapped_column(JSON)
    # Who may read it (subject, member, staff) and the group and topic it is about, checked at read time.
    audience: Mapped[str] = mapped_column(String(16), default="subject", server_default="subject")
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topics.id", ondelete="SET NULL"))
    # The finished sentence of notifications written before they were stored as data; empty since.
    legacy_message: Mapped[str] = mapped_column("message", String(1000), default="")
    link: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set once the notification went out in an e-mail digest, so it is never sent twice.
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    group = relationship("Group", foreign_keys=[group_id])
    topic = relationship("Topic", foreign_keys=[topic_id])

    def values(self) -> dict:
        """The stored parameters, with names as they are now."""
        params = dict(self.params or {})
        if self.key == "legacy":
            params["text"] = self.legacy_message
        params.setdefault("actor", self.actor.public_name if self.actor is not None else "former member")
        if self.group is not None:
            params.setdefault("group", self.group.name)
        if self.topic is not None:
            params.setdefault("topic", self.topic.title)
        return params

    @property
    def message(self) -> str:
        """The sentence in the current locale, with names as they are now."""
        from .messages import render

        return render(self.key, self.values())


class Mute(db.Model):
    """A member no longer wants to see or be notified by another member."""

    __tablename__ = "mutes"
    __table_args__ = (UniqueConstraint("user_id", "muted_user_id", name="uq_mutes_user_muted"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    muted_user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    muted_user: Mapped[User] = relationship(foreign_keys=[muted_user_id])


class DigestFrequency:
    NEVER = "never"
    DAILY = "daily"
    WEEKLY = "weekly"
    ALL = (NEVER, DAILY, WEEKLY)


class NotificationPreference(db.Model):
    """What a member wants to hear of, and when e-mail may reach them. A member without a row has the defaults:
    every kind notifies, a daily digest, no quiet hours, watching what they post in."""
    __tablename__ = "notification_preferences"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    # Kinds (see notifications/preferences.py) the member no longer wants to be notified of.
    muted_kinds: Mapped[list | None] = mapped_column(JSON)
    digest: Mapped[str] = mapped_column(String(8), default=DigestFrequency.DAILY, server_default=DigestFrequency.DAILY)
    # Quiet hours in the member's own time zone, as minutes after midnight; both set or both empty.
    # The window may wrap around midnight (22:00 to 07:00).
    quiet_start: Mapped[int | None] = mapped_column(Integer)
    quiet_end: Mapped[int | None] = mapped_column(Integer)
    watch_on_post: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    last_digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
