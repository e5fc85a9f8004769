from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from ..accounts.models import User
from ..db_types import UTCDateTime, utcnow
from ..extensions import db
from ..groups.models import Group


class Topic(db.Model):
    __tablename__ = "topics"
    __table_args__ = (Index("ix_topics_group_listing", "group_id", "pinned", "last_activity_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    pinned: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Number of posts ever written in the topic; new posts take the next number.
    post_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    title_phi_findings: Mapped[list | None] = mapped_column(JSON)

    group: Mapped[Group] = relationship()
    author: Mapped[User | None] = relationship()

    @property
    def visible_reply_count(self) -> int:
        return max(0, self.post_count - 1 - (self.held_count or 0))


HELD = "held"


class Post(db.Model):
    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("topic_id", "number", name="uq_posts_topic_number"),
        # A submission id is the author's own: another member sending the same id is a different post.
        UniqueConstraint("author_id", "submission_id", name="uq_posts_author_submission"),
        Index("ix_posts_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    edit_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # moderator, reports, patient_privacy, held (published past the guard, waiting for a moderator)
    hidden_reason: Mapped[str | None] = mapped_column(String(32))
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The guard's findings as type and offsets only -- never the matched text.
    phi_findings: Mapped[list | None] = mapped_column(JSON)
    phi_confirmed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # A per-form token so that a retried submission creates nothing twice.
    submission_id: Mapped[str | None] = mapped_column(String(64))

    topic: Mapped[Topic] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_held(self) -> bool:
        """Published past the guard's findings and waiting for a moderator: only the author and the
        group's moderators see it."""
        return bool(self.hidden) and self.hidden_reason == HELD


# Held replies are left out of the reply counts other members see; one correlated count per topic row.
Topic.held_count = column_property(
    select(func.count(Post.id)).where(Post.topic_id == Topic.id, Post.hidden_reason == HELD)
    .correlate_except(Post).scalar_subquery())


class PostRevision(db.Model):
    __tablename__ = "post_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body_source: Mapped[str] = mapped_column(Text)  # the text as it was before this edit
    reason: Mapped[str] = mapped_column(String(500), default="")
    # Patient data was removed: the text is gone, who, when and why stay.
    redacted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    editor: Mapped[User | None] = relationship()
