"""Uploading, redacting, attaching, serving and removing clinical images.

What is stored when:
- POST /uploads: the request body is read into memory (Werkzeug spools a large multipart part into an
  anonymous temporary file, unlinked from the start and closed with the request). The pipeline decodes it
  in memory, re-encodes the pixels without any metadata and fills every proposed box (identifiers found by
  OCR and the guard, faces) before anything is written: the first and only bytes stored are that redacted,
  re-encoded image and its thumbnail. The original bytes, and the unredacted pixels, are never written.
- POST /uploads/<id>/redact with `boxes`: fills further boxes into the stored image, in place. To un-black
  a proposal the author judged wrong, the composer sends the file again with the complete list of boxes;
  it is processed in memory as above and replaces the stored image, again with every chosen box filled.
- A moderator's redaction fills further boxes in place (redact_upload_regions); removal deletes the files.
- Unattached uploads are deleted after UPLOAD_UNATTACHED_HOURS (`flask forum purge-uploads`, daily timer);
  account erasure deletes every upload of the account; files go only once the deciding commit succeeded.
"""
from __future__ import annotations

import base64
import io
import json
import secrets
from datetime import timedelta

from flask import current_app, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from PIL import Image
from sqlalchemy import func, select, update

from .. import audit, permissions, policy
from ..db_types import utcnow
from ..extensions import db
from . import pipeline, pool, storage
from .models import GroupImageSettings, ImageConsent, Upload

CONSENT_CHOICES = (
    ("written", _l("Written consent on file")),
    ("not_identifiable", _l("Not identifiable, no consent needed")),
    ("other", _l("Other (explain)")),
)


class UploadError(ValueError):
    def __init__(self, message: str, status: int = 400, retry_after: int | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


def refusal_message(code: str) -> str:
    config = current_app.config
    messages = {
        "type": _("This file is not an image Konsil accepts. Upload a JPEG, PNG, WebP or HEIC photo, or a DICOM "
                  "(.dcm) file."),
        "pixels": _("This image has too many pixels (the limit is %(limit)s megapixels). Export it at a smaller "
                    "size and upload it again.", limit=config["UPLOAD_MAX_PIXELS"] // 1_000_000),
        "size": _("This file is larger than %(limit)s MB. Export it at a smaller size and upload it again.",
                  limit=config["UPLOAD_MAX_BYTES"] // (1024 * 1024)),
        "broken": _("This image could not be read; the file may be damaged or incomplete."),
        "dicom_pixels": _("Konsil could not read the pixels of this DICOM file (its compression is not "
                          "supported). Export the image uncompressed and upload it again."),
        "empty": _("Choose an image file to upload."),
    }
    return messages.get(code, messages["broken"])


def _limits() -> pipeline.Limits:
    config = current_app.config
    return pipeline.Limits(max_pixels=config["UPLOAD_MAX_PIXELS"], store_max_side=config["UPLOAD_STORE_MAX_SIDE"],
                           thumb_side=config["UPLOAD_THUMB_SIDE"])


def _guard_scan():
    from forum.privacy_guard.detector import scan

    from ..privacy_guard.service import instance_config

    guard_config = instance_config()
    return lambda text: scan(text, guard_config)


class _Job:
    """Everything the pool thread needs, computed in the request thread (no app context over there)."""

    def __init__(self, data: bytes, boxes: list | None):
        self.data = data
        self.boxes = boxes
        self.limits = _limits()
        self.scan = _guard_scan()
        self.ocr = current_app.config["UPLOAD_OCR"]
        self.faces = current_app.config["UPLOAD_FACES"]
        self.face_explanation = _("A face. Faces identify patients; keep it only with consent.")
        self.number_explanation = _("A long number burned into the image: record, case and accession numbers "
                                    "identify patients.")

    def __call__(self) -> dict:
        decoded = pipeline.decode(self.data, self.limits)
        self.data = None  # the original bytes are not needed any more
        image = decoded.image
        findings = analyse(image, self.scan, ocr=self.ocr, faces=self.faces, face_explanation=self.face_explanation,
                           number_explanation=self.number_explanation, kind=decoded.kind, facts=decoded.facts)
        boxes = [f["box"] for f in findings] if self.boxes is None else pipeline.clamp_boxes(self.boxes, *image.size)
        redacted = pipeline.fill_boxes(image, boxes)
        full, content_type = pipeline.encode(redacted, decoded.kind)
        thumb = pipeline.thumbnail(redacted, self.limits.thumb_side)
        return {"kind": decoded.kind, "facts": decoded.facts, "width": image.width, "height": image.height,
                "findings": findings, "boxes": boxes, "full": full, "thumb": thumb, "content_type": content_type}


def analyse(image: Image.Image, scan, *, ocr: bool = True, faces: bool = True, face_explanation: str = "A face.",
            number_explanation: str = "A long number.", kind: str = "", facts: dict | None = None) -> list[dict]:
    from . import analysis

    return analysis.analyse(image, scan, ocr=ocr, faces=faces, face_explanation=face_explanation,
                            number_explanation=number_explanation, kind=kind, facts=facts)


def _run(job: _Job) -> dict:
    config = current_app.config
    try:
        return pool.run(job, workers=config["UPLOAD_WORKERS"], queue=config["UPLOAD_QUEUE"],
                        timeout=config["UPLOAD_TIMEOUT_SECONDS"])
    except pool.Busy as error:
        raise UploadError(_("Konsil is processing many images just now. Your file was not stored; please try "
                            "again in a moment."), status=503, retry_after=10) from error
    except pipeline.RefusedImage as error:
        raise UploadError(refusal_message(error.code), status=422 if error.code != "type" else 415) from error


def used_bytes(user) -> int:
    return int(db.session.scalar(select(func.coalesce(func.sum(Upload.size_bytes), 0))
                                 .where(Upload.owner_id == user.id)) or 0)


def _check_quota(user, incoming: int) -> None:
    quota = current_app.config["UPLOAD_QUOTA_BYTES"]
    if used_bytes(user) + incoming > quota:
        raise UploadError(_("Your images use all of your %(limit)s MB of storage. Remove images you no longer need "
                            "from your posts, or ask an admin.", limit=quota // (1024 * 1024)), status=413)


def create_upload(actor, group, data: bytes) -> Upload:
    """De-identify `data` and store the result for `actor` to attach in `group`."""
    if not permissions.can_post_in(actor, group):
        raise UploadError(_("You cannot post in this group."), status=403)
    if not data:
        raise UploadError(refusal_message("empty"))
    if len(data) > current_app.config["UPLOAD_MAX_BYTES"]:
        raise UploadError(refusal_message("size"), status=413)
    if pipeline.sniff(data) is None:
        raise UploadError(refusal_message("type"), status=415)
    result = _run(_Job(data, None))
    _check_quota(actor, len(result["full"]) + len(result["thumb"]))
    upload = Upload(id=secrets.token_urlsafe(18), owner_id=actor.id, group_id=group.id, kind=result["kind"],
                    content_type=result["content_type"], width=result["width"], height=result["height"],
                    findings=result["findings"], redacted_boxes=result["boxes"], facts=result["facts"] or None,
                    size_bytes=len(result["full"]) + len(result["thumb"]))
    db.session.add(upload)
    db.session.flush()
    storage.write(db.session, upload.id, "full", result["full"])
    storage.write(db.session, upload.id, "thumb", result["thumb"])
    return upload


def parse_boxes(raw: str | None, width: int, height: int) -> list[list[int]]:
    try:
        value = json.loads(raw or "[]")
        if not isinstance(value, list) or len(value) > 500:
            raise ValueError
        boxes = []
        for box in value:
            if not isinstance(box, (list, tuple)) or len(box) != 4:
                raise ValueError
            boxes.append([float(v) for v in box])
    except (ValueError, TypeError) as error:
        raise UploadError(_("The boxes could not be read. Draw them again and save.")) from error
    return pipeline.clamp_boxes(boxes, width, height)


def _fill_stored(upload: Upload, boxes: list[list[int]]) -> None:
    image = Image.open(io.BytesIO(storage.read(upload.id, "full")))
    image.load()
    image = image.convert("RGB")
    redacted = pipeline.fill_boxes(image, boxes)
    full, content_type = pipeline.encode(redacted, pipeline.JPEG if upload.content_type == "image/jpeg" else pipeline.PNG)
    thumb = pipeline.thumbnail(redacted, current_app.config["UPLOAD_THUMB_SIDE"])
    storage.write(db.session, upload.id, "full", full)
    storage.write(db.session, upload.id, "thumb", thumb)
    upload.redacted_boxes = list(upload.redacted_boxes or []) + boxes
    upload.size_bytes = len(full) + len(thumb)
    upload.version += 1


def redact_upload(actor, upload: Upload, boxes: list[list[int]], original: bytes | None = None) -> Upload:
    """The author's boxes. Without `original`, the boxes are filled into the stored image in addition to
    those already filled. With `original` (the same file sent again), the image is made afresh from it with
    exactly these boxes filled -- that is how an author keeps a region a proposal covered wrongly."""
    if upload.owner_id != actor.id or upload.removed_at is not None:
        raise UploadError(_("This image is not yours to change."), status=404)
    if original is None:
        if boxes:
            _fill_stored(upload, boxes)
        return upload
    if pipeline.sniff(original) is None:
        raise UploadError(refusal_message("type"), status=415)
    result = _run(_Job(original, boxes))
    if (result["width"], result["height"]) != (upload.width, upload.height):
        raise UploadError(_("This is not the file this image was made from. Upload it as a new image instead."))
    storage.write(db.session, upload.id, "full", result["full"])
    storage.write(db.session, upload.id, "thumb", result["thumb"])
    upload.findings = result["findings"]
    upload.redacted_boxes = result["boxes"]
    upload.size_bytes = len(result["full"]) + len(result["thumb"])
    upload.version += 1
    return upload


def redact_upload_regions(actor, upload: Upload, boxes, reason: str = "") -> Upload:
    """Moderation: black out further regions of an attached image in place. The old pixels are destroyed
    (the stored file is rewritten and its thumbnail with it); the log keeps who, when, why and how many
    boxes, never the image. `boxes` are [x, y, w, h] in the stored image's pixels."""
    if not permissions.can_moderate(actor, upload.group):
        raise UploadError(_("Only the group's moderators can redact this image."), status=403)
    clean = pipeline.clamp_boxes(boxes, upload.width, upload.height)
    if not clean:
        raise UploadError(_("Draw at least one box over the part of the image to black out."))
    _fill_stored(upload, clean)
    audit.record(actor, "post:image:redact", target_type="post", target_id=upload.post_id,
                 group_id=upload.group_id, reason=reason, details={"upload": upload.id, "boxes": len(clean)})
    return upload


def remove_upload(actor, upload: Upload, reason: str = "") -> None:
    """Moderation: take an image down for good (its files go once the decision is committed)."""
    if not permissions.can_moderate(actor, upload.group):
        raise UploadError(_("Only the group's moderators can remove this image."), status=403)
    upload.removed_at = utcnow()
    storage.delete_after_commit(db.session, upload.id)
    audit.record(actor, "post:image:remove", target_type="post", target_id=upload.post_id,
                 group_id=upload.group_id, reason=reason, details={"upload": upload.id})


def as_json(upload: Upload) -> dict:
    applied = upload.redacted_boxes or []
    return {
        "id": upload.id,
        "preview_url": url_for("uploads.image", upload_id=upload.id, variant="full", v=upload.version),
        "thumb_url": url_for("uploads.image", upload_id=upload.id, variant="thumb", v=upload.version),
        "width": upload.width,
        "height": upload.height,
        "findings": [{**finding, "redacted": finding["box"] in applied} for finding in (upload.findings or [])],
        "boxes": applied,
    }


# ------------------------------------------------------------------------------- posts

def parse_ids(raw: str | None) -> list[str]:
    ids = []
    for part in (raw or "").split(","):
        part = part.strip()
        if part and part not in ids:
            ids.append(part[:32])
    return ids


def attachable(actor, group, raw: str | None, post=None) -> list[Upload]:
    """The uploads named in a post form's `attachments`, checked: the actor's own (or already on this post),
    made for this group, not attached elsewhere. Raises UploadError with a message for the form."""
    ids = parse_ids(raw)
    if len(ids) > current_app.config["UPLOAD_MAX_PER_POST"]:
        raise UploadError(_("A post can carry at most %(count)s images.", count=current_app.config["UPLOAD_MAX_PER_POST"]))
    if not ids:
        return []
    found = {u.id: u for u in db.session.scalars(select(Upload).where(Upload.id.in_(ids)))}
    result = []
    for upload_id in ids:
        upload = found.get(upload_id)
        mine = upload is not None and (upload.owner_id == actor.id or (post is not None and upload.post_id == post.id))
        if (not mine or upload.group_id != group.id or upload.removed_at is not None
                or (upload.post_id is not None and (post is None or upload.post_id != post.id))):
            raise UploadError(_("One of the images is no longer available. Remove it and upload it again."))
        result.append(upload)
    return result


def attach(actor, post, uploads: list[Upload]) -> None:
    """Make `uploads` the post's images, in this order; images taken off the post are deleted."""
    now = utcnow()
    keep = {u.id for u in uploads}
    for old in db.session.scalars(select(Upload).where(Upload.post_id == post.id)):
        if old.id not in keep:
            db.session.delete(old)
            storage.delete_after_commit(db.session, old.id)
    for position, upload in enumerate(uploads):
        upload.post_id = post.id
        upload.position = position
        upload.attached_at = upload.attached_at or now


def images_of(post_ids) -> dict[int, list[Upload]]:
    """Live images per post, for a page of posts in one query."""
    ids = [i for i in post_ids if i is not None]
    result: dict[int, list[Upload]] = {}
    if not ids:
        return result
    rows = db.session.scalars(select(Upload).where(Upload.post_id.in_(ids), Upload.removed_at.is_(None))
                              .order_by(Upload.post_id, Upload.position))
    for upload in rows:
        result.setdefault(upload.post_id, []).append(upload)
    return result


def needs_consent(group) -> bool:
    setting = db.session.get(GroupImageSettings, group.id)
    return bool(setting and setting.images_need_consent)


def set_needs_consent(actor, group, value: bool) -> None:
    if not permissions.can_manage_group(actor, group):
        raise UploadError(_("Only the group's owner can change this."), status=403)
    setting = db.session.get(GroupImageSettings, group.id)
    if setting is None:
        setting = GroupImageSettings(group_id=group.id)
        db.session.add(setting)
    setting.images_need_consent = bool(value)
    audit.record(actor, "group:settings:image-consent", target_type="group", target_id=group.id, group_id=group.id,
                 details={"images_need_consent": bool(value)})


def consent_problem(group, uploads, kind: str | None, note: str | None) -> str | None:
    """The message for the form when the consent record is missing or incomplete, else None."""
    kind = (kind or "").strip()
    if kind and kind not in dict(CONSENT_CHOICES):
        return _("Choose one of the consent options.")
    if kind == "other" and not (note or "").strip():
        return _("Explain the consent situation in a few words.")
    if uploads and needs_consent(group) and not kind:
        return _("This group asks for a consent record for every post with images: choose one of the options.")
    return None


def record_consent(actor, post, uploads, kind: str | None, note: str | None) -> None:
    kind = (kind or "").strip()
    existing = db.session.get(ImageConsent, post.id)
    if not uploads or not kind:
        if existing is not None and not uploads:
            db.session.delete(existing)
        return
    if existing is None:
        existing = ImageConsent(post_id=post.id)
        db.session.add(existing)
    existing.kind = kind
    existing.note = (note or "").strip()[:500] if kind == "other" else ""
    existing.recorded_by_id = actor.id
    existing.recorded_at = utcnow()


def consents_of(post_ids) -> dict[int, ImageConsent]:
    ids = [i for i in post_ids if i is not None]
    if not ids:
        return {}
    return {c.post_id: c for c in db.session.scalars(select(ImageConsent).where(ImageConsent.post_id.in_(ids)))}


def consent_label(kind: str) -> str:
    return str(dict(CONSENT_CHOICES).get(kind, kind))


# ------------------------------------------------------------------------------- reading

def can_view(user, upload: Upload) -> bool:
    """Whether the user may see the image (the rule lives in the policy: `upload.view`)."""
    return policy.can(user, "upload.view", upload)


# ------------------------------------------------------------------------------- lifecycle

def purge_unattached(now=None) -> int:
    now = now or utcnow()
    cutoff = now - timedelta(hours=current_app.config["UPLOAD_UNATTACHED_HOURS"])
    stale = list(db.session.scalars(select(Upload).where(Upload.post_id.is_(None), Upload.created_at < cutoff)))
    for upload in stale:
        storage.delete_after_commit(db.session, upload.id)
        db.session.delete(upload)
    return len(stale)


def erase_images_of(sender, user, actor=None, **extra) -> None:
    """Account erasure: every image the account uploaded goes, attached or not."""
    for upload in db.session.scalars(select(Upload).where(Upload.owner_id == user.id)):
        storage.delete_after_commit(db.session, upload.id)
        db.session.delete(upload)


def export_images_section(sender, user, **extra) -> dict:
    """The user's images, for their data export (connected to account_exported)."""
    return {"images": export_images(user)}


def export_images(user) -> list[dict]:
    rows = db.session.scalars(select(Upload).where(Upload.owner_id == user.id, Upload.removed_at.is_(None))
                              .order_by(Upload.created_at))
    result = []
    for upload in rows:
        try:
            data = base64.b64encode(storage.read(upload.id, "full")).decode("ascii")
        except FileNotFoundError:
            data = None
        result.append({"id": upload.id, "post_id": upload.post_id, "created_at": upload.created_at.isoformat(),
                       "content_type": upload.content_type, "width": upload.width, "height": upload.height,
                       "data_base64": data})
    return result


def detach_post_images(post) -> None:
    """Used when redaction of a post removes its images as well."""
    db.session.execute(update(Upload).where(Upload.post_id == post.id).values(removed_at=utcnow())
                       .execution_options(synchronize_session=False))
    for upload_id in db.session.scalars(select(Upload.id).where(Upload.post_id == post.id)):
        storage.delete_after_commit(db.session, upload_id)
