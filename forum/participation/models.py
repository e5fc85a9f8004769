from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db_types import UTCDateTime, utcnow
from ..extensions import db
from ..posts.models import Post


class ReactionKind:
    HELPFUL = "helpful"
    THANKS = "thanks"
    SAME_EXPERIENCE = "same_experience"
    ALL = (HELPFUL, THANKS, SAME_EXPERIENCE)


class Reaction(db.Model):
    """One of a small fixed set of reactions; a member gives each kind at most once per post."""
    __tablename__ = "reactions"
    __table_args__ = (UniqueConstraint("post_id", "user_id", "kind", name="uq_reactions_post_user_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Bookmark(db.Model):
    """A member's bookmark on a post, with an optional reminder fired by the daily command."""
    __tablename__ = "bookmarks"
    __table_args__ = (
        UniqueConstraint("user_id", "post_id", name="uq_bookmarks_user_post"),
        Index("ix_bookmarks_due", "reminded_at", "remind_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    remind_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    post: Mapped[Post] = relationship()


class TopicRead(db.Model):
    """How far a member has read a topic: the highest post number shown to them. Written only when it moves
    forward, so reading an old page again costs no write."""
    __tablename__ = "topic_reads"
    __table_args__ = (UniqueConstraint("user_id", "topic_id", name="uq_topic_reads_user_topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"), index=True)
    last_read_number: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class WatchLevel:
    """How closely a member follows a topic or a group. A topic without a level of its own follows its group's;
    a group without one is `normal`.

    watching -- every new post notifies (in a group: every post of every topic, and every new topic);
    tracking -- unread counts only, and mentions; set on a topic, it overrides a watched or muted group;
    normal   -- as tracking, but a topic set to normal follows its group again;
    muted    -- nothing notifies, not even a mention."""
    WATCHING = "watching"
    TRACKING = "tracking"
    NORMAL = "normal"
    MUTED = "muted"
    ALL = (WATCHING, TRACKING, NORMAL, MUTED)


class TopicWatch(db.Model):
    """A member's watching level for one topic (set by hand, or `watching` on posting in it)."""
    __tablename__ = "topic_watches"
    __table_args__ = (UniqueConstraint("user_id", "topic_id", name="uq_topic_watches_user_topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(16), default=WatchLevel.WATCHING, server_default=WatchLevel.WATCHING)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class GroupWatch(db.Model):
    """A member's watching level for a whole group; its topics follow it unless they have a level of their own."""
    __tablename__ = "group_watches"
    __table_args__ = (UniqueConstraint("user_id", "group_id", name="uq_group_watches_user_group"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(16), default=WatchLevel.NORMAL, server_default=WatchLevel.NORMAL)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
