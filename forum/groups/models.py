from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db_types import UTCDateTime, utcnow
from ..extensions import db


class Visibility(StrEnum):
    SECRET = "secret"
    LISTED = "listed"


class InvitePolicy(StrEnum):
    MEMBERS = "members"
    MODERATORS = "moderators"


class Role(StrEnum):
    MEMBER = "member"
    MODERATOR = "moderator"
    OWNER = "owner"


class MembershipStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    BANNED = "banned"


class Group(db.Model):
    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    guidelines_source: Mapped[str] = mapped_column(Text, default="")
    guidelines_html: Mapped[str] = mapped_column(Text, default="")
    guidelines_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    visibility: Mapped[str] = mapped_column(String(16), default=Visibility.SECRET)
    invite_policy: Mapped[str] = mapped_column(String(16), default=InvitePolicy.MODERATORS)
    # Posts published past the guard's findings: "hold" for review (invisible to other members
    # until a moderator decides) or "publish" and queue them.
    guard_policy: Mapped[str] = mapped_column(String(16), default="hold", server_default="hold")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"<Group {self.slug}>"


class GuidelinesVersion(db.Model):
    """Every published version of a group's guidelines, so acceptance refers to exact text."""

    __tablename__ = "guidelines_versions"
    __table_args__ = (UniqueConstraint("group_id", "version", name="uq_guidelines_versions_group_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Membership(db.Model):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "group_id", name="uq_memberships_user_group"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16), default=Role.MEMBER)
    status: Mapped[str] = mapped_column(String(16), default=MembershipStatus.ACTIVE)
    suspended_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    accepted_guidelines_version: Mapped[int | None] = mapped_column(Integer)
    guidelines_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    group: Mapped[Group] = relationship()
    invited_by: Mapped[User | None] = relationship(foreign_keys=[invited_by_id])

    @property
    def is_staff(self) -> bool:
        return self.role in (Role.MODERATOR, Role.OWNER)


class JoinRequestState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"


class JoinRequest(db.Model):
    """A verified user asking to join a listed group; the group's moderators decide."""

    __tablename__ = "join_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    message: Mapped[str] = mapped_column(String(500), default="")
    state: Mapped[str] = mapped_column(String(16), default=JoinRequestState.PENDING)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    group: Mapped[Group] = relationship()
