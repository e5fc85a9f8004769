from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db_types import UTCDateTime, utcnow
from ..extensions import db
from ..groups.models import Group


class Upload(db.Model):
    """One de-identified image. The id is random (it appears in URLs); the files under UPLOAD_DIR are
    named after it and hold only re-encoded, metadata-free pixels with every applied box filled."""

    __tablename__ = "uploads"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # what was uploaded: jpeg, png, webp, heic, dicom
    content_type: Mapped[str] = mapped_column(String(32))  # what is stored: image/jpeg or image/png
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The pipeline's proposals (box, type, explanation -- never recognised text) and the boxes filled so far.
    findings: Mapped[list | None] = mapped_column(JSON)
    redacted_boxes: Mapped[list | None] = mapped_column(JSON)
    facts: Mapped[dict | None] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    attached_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # taken down by a moderator

    owner: Mapped[User] = relationship()
    group: Mapped[Group] = relationship()


class ImageConsent(db.Model):
    """What the author recorded about patient consent for the images of one post."""

    __tablename__ = "image_consents"

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))  # written, not_identifiable, other
    note: Mapped[str] = mapped_column(String(500), default="", server_default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class GroupImageSettings(db.Model):
    __tablename__ = "group_image_settings"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    images_need_consent: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
