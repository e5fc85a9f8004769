from flask import (Blueprint, abort, current_app, flash, g, jsonify, redirect, render_template, request, send_file,
                   url_for)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import policy
from ..extensions import db
from ..forms import EmptyForm
from ..urls import post_link
from ..groups.access import visible_group_or_404
from ..groups.services import get_by_slug
from . import services, storage
from .models import Upload
from .services import UploadError

bp = Blueprint("uploads", __name__)


PRIVATE_HEADERS = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


def _error(error: UploadError):
    db.session.rollback()
    response = jsonify(error=str(error))
    response.status_code = error.status
    if error.retry_after:
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def _read_file_field():
    """The uploaded file's bytes, or an UploadError; the body limit for this route is the image limit."""
    limit = current_app.config["UPLOAD_MAX_BYTES"]
    if request.content_length is not None and request.content_length > limit + 64 * 1024:
        raise UploadError(services.refusal_message("size"), status=413)
    request.max_content_length = limit + 64 * 1024
    stream = request.files.get("file")
    if stream is None:
        return None
    data = stream.read(limit + 1)
    stream.close()
    if len(data) > limit:
        raise UploadError(services.refusal_message("size"), status=413)
    return data


def _owned_upload_or_404(upload_id: str) -> Upload:
    upload = db.session.get(Upload, upload_id)
    if upload is None or upload.owner_id != current_user.id or upload.removed_at is not None:
        abort(404)
    return upload


@bp.route("/uploads", methods=["POST"])
@login_required
def create():
    policy.ensure(current_user, "instance.read")
    try:
        data = _read_file_field()
        group = get_by_slug((request.form.get("group") or "").strip())
        if group is None:
            abort(404)
        policy.ensure(current_user, "group.read", group)
        if data is None:
            raise UploadError(services.refusal_message("empty"))
        upload = services.create_upload(current_user, group, data)
        db.session.commit()
    except UploadError as error:
        return _error(error)
    return jsonify(services.as_json(upload)), 201


@bp.route("/uploads/<upload_id>/redact", methods=["POST"])
@login_required
def redact(upload_id):
    upload = _owned_upload_or_404(upload_id)
    try:
        original = _read_file_field()
        boxes = services.parse_boxes(request.form.get("boxes"), upload.width, upload.height)
        services.redact_upload(current_user, upload, boxes, original=original)
        db.session.commit()
    except UploadError as error:
        return _error(error)
    return jsonify(services.as_json(upload))


@bp.route("/uploads/<upload_id>/<any(full, thumb):variant>")
@login_required
def image(upload_id, variant):
    upload = db.session.get(Upload, upload_id)
    if upload is None:
        abort(404)
    policy.ensure(current_user, "upload.view", upload)
    accel = current_app.config.get("UPLOAD_ACCEL_PREFIX")
    content_type = upload.content_type if variant == "full" else "image/jpeg"
    if accel:
        response = current_app.response_class(status=200, mimetype=content_type)
        response.headers["X-Accel-Redirect"] = accel.rstrip("/") + "/" + storage.relative_path(upload.id, variant)
    else:
        path = storage.path_for(upload.id, variant)
        if not path.exists():
            abort(404)
        response = send_file(path, mimetype=content_type, conditional=False, etag=False, max_age=0)
    response.headers.update(PRIVATE_HEADERS)
    response.headers["Content-Disposition"] = "inline"
    return response


@bp.route("/uploads/<upload_id>/moderate", methods=["GET", "POST"])
@login_required
def moderate(upload_id):
    """A moderator blacks out further regions of an attached image (the moderation `redact` action links here)."""
    upload = db.session.get(Upload, upload_id)
    if upload is None:
        abort(404)
    policy.ensure(current_user, "upload.view", upload)
    policy.ensure(current_user, "group.moderate", upload.group)
    form = EmptyForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        reason = (request.form.get("reason") or "")[:500]
        try:
            if request.form.get("action") == "remove":
                services.remove_upload(current_user, upload, reason=reason)
            else:
                boxes = services.parse_boxes(request.form.get("boxes"), upload.width, upload.height)
                services.redact_upload_regions(current_user, upload, boxes, reason=reason)
            db.session.commit()
        except UploadError as error:
            db.session.rollback()
            if request.accept_mimetypes.best == "application/json":
                return _error(error)
            flash(str(error), "error")
            return render_template("uploads/moderate.html", upload=upload, form=form), error.status
        if request.accept_mimetypes.best == "application/json":
            return jsonify(services.as_json(upload))
        flash(_("The image is removed.") if upload.removed_at else
              _("The regions are blacked out in the stored image."), "success")
        from ..posts.models import Post

        post = db.session.get(Post, upload.post_id) if upload.post_id else None
        if post is not None:
            return redirect(post_link(post))
        return redirect(url_for("uploads.moderate", upload_id=upload.id))
    return render_template("uploads/moderate.html", upload=upload, form=form)


@bp.route("/g/<slug>/image-settings", methods=["POST"])
@login_required
def group_settings(slug):
    group = visible_group_or_404(slug)
    policy.ensure(current_user, "group.manage", group)
    form = EmptyForm()
    if form.validate_on_submit():
        services.set_needs_consent(current_user, group, request.form.get("images_need_consent") == "1")
        db.session.commit()
        flash(_("The image settings are saved."), "success")
    return redirect(url_for("groups.show", slug=group.slug))


@bp.app_context_processor
def _image_helpers():
    return {"post_images": _post_images, "post_image_consent": _post_consent, "consent_label": services.consent_label,
            "uploads_for_form": _uploads_for_form, "group_images_need_consent": services.needs_consent}


def _page_cache(post) -> tuple[dict, dict]:
    """Images and consent records for every post this request has loaded so far, fetched in one batch the
    first time a post asks (the page's posts are loaded before it renders): two queries per page, however
    many posts, topics or groups it shows (consent records only where a moderator sees images)."""
    from ..posts.models import Post

    cache = g.setdefault("_post_images", {"known": set(), "images": {}, "consents": {}})
    if post.id not in cache["known"]:
        ids = {obj.id for obj in list(db.session.identity_map.values())
               if isinstance(obj, Post) and obj.id is not None} | {post.id}
        ids -= cache["known"]
        cache["images"].update(services.images_of(ids))
        cache["known"] |= ids
    return cache["images"], cache["consents"]


def _post_images(post) -> list[Upload]:
    if post is None or post.id is None:
        return []
    images = _page_cache(post)[0].get(post.id, [])
    return [image for image in images if services.can_view(current_user, image)]


def _post_consent(post):
    """Consent records are shown to moderators beside a post's images only: asked for, in one batch for the
    page's posts with images, the first time a page shows one."""
    images, consents = _page_cache(post)
    cache = g._post_images
    wanted = {post_id for post_id, found in images.items() if found} - cache.setdefault("consents_known", set())
    if post.id in wanted:
        consents.update(services.consents_of(wanted))
        cache["consents_known"] |= wanted
    return consents.get(post.id)


def _uploads_for_form(form) -> list[dict]:
    ids = services.parse_ids(getattr(form, "attachments", None) and form.attachments.data)
    if not ids:
        return []
    found = {u.id: u for u in db.session.scalars(select(Upload).where(Upload.id.in_(ids)))}
    return [services.as_json(found[i]) for i in ids if i in found and services.can_view(current_user, found[i])]
