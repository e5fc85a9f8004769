"""The append-only moderation log: every moderation, verification and membership decision.

Entries are only ever inserted. The ORM refuses to update or delete them, including
through bulk `update()`/`delete()` statements, so no code path can rewrite history.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from .accounts.models import User
from .db_types import UTCDateTime, utcnow
from .extensions import db


class AppendOnlyError(RuntimeError):
    pass


class LogEntry(db.Model):
    __tablename__ = "moderation_log"
    __table_args__ = (
        Index("ix_moderation_log_group_created", "group_id", "created_at"),
        Index("ix_moderation_log_action", "action"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    # Snapshots, so that the entry stays readable after the actor or target is gone.
    actor_name: Mapped[str] = mapped_column(String(80), default="system")
    action: Mapped[str] = mapped_column(String(64))  # "feature:object:verb", e.g. "group:member:ban"
    target_type: Mapped[str] = mapped_column(String(32), default="")
    target_id: Mapped[int | None] = mapped_column()
    target_label: Mapped[str] = mapped_column(String(200), default="")
    subject_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(2000), default="")
    details: Mapped[dict | None] = mapped_column(JSON)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])


@event.listens_for(LogEntry, "before_update")
def _refuse_update(mapper, connection, target):
    raise AppendOnlyError("moderation log entries cannot be changed")


@event.listens_for(LogEntry, "before_delete")
def _refuse_delete(mapper, connection, target):
    raise AppendOnlyError("moderation log entries cannot be deleted")


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state):
    if (state.is_update or state.is_delete) and any(
        mapper.class_ is LogEntry for mapper in state.all_mappers
    ):
        raise AppendOnlyError("moderation log entries cannot be changed or deleted")


def record(
    actor: User | None,
    action: str,
    *,
    target_type: str = "",
    target_id: int | None = None,
    target_label: str = "",
    subject_user: User | None = None,
    group_id: int | None = None,
    reason: str = "",
    details: dict | None = None,
) -> LogEntry:
    """Add a log entry to the session; the caller's transaction commits it with the change it records."""
    entry = LogEntry(
        actor_id=actor.id if actor else None,
        actor_name=actor.display_name if actor else "system",
        action=action,
        target_type=target_type,
        target_id=target_id,
        target_label=target_label[:200],
        subject_user_id=subject_user.id if subject_user else None,
        group_id=group_id,
        reason=(reason or "")[:2000],
        details=details,
    )
    db.session.add(entry)
    return entry
