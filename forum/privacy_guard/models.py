from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db_types import UTCDateTime, utcnow
from ..extensions import db


class GuardSettings(db.Model):
    """The instance's guard settings; a single row, created on first save."""

    __tablename__ = "guard_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    disabled_categories: Mapped[list] = mapped_column(JSON, default=list)
    phone_regions: Mapped[str] = mapped_column(String(200), default="")
    # Public service numbers of this instance (hospital switchboards, local hotlines), E.164.
    public_numbers: Mapped[list | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class GuardPattern(db.Model):
    """An organisation's own identifier format, e.g. its record numbers."""

    __tablename__ = "guard_patterns"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(80))
    pattern: Mapped[str] = mapped_column(String(500))
    explanation: Mapped[str] = mapped_column(String(300))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class GuardOutcome(db.Model):
    """How one case the guard raised was decided, or one redaction of text it missed: a finding
    type, the post's language and the outcome -- counts only, never the text or who wrote it."""

    __tablename__ = "guard_outcomes"
    __table_args__ = (Index("ix_guard_outcomes_type_outcome", "finding_type", "outcome"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    finding_type: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8))
    outcome: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
