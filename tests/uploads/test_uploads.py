"""Clinical images through HTTP: what is stored, who may see it, what is refused, consent, erasure, purge."""
from __future__ import annotations

import io
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from forum.extensions import db
from forum.posts.models import Post
from forum.uploads.models import ImageConsent, Upload
from tests.factories import PASSWORD

from . import support


@pytest.fixture
def app_config(app_config, tmp_path):
    app_config["UPLOAD_DIR"] = str(tmp_path / "uploads")
    return app_config


@pytest.fixture
def world(personas):
    """The persona world's group A: `member` posts the images, `colleague` reads them; the pending account
    belongs to A, the outsider to group B only."""
    return {"author": personas.member, "reader": personas.colleague, "moderator": personas.moderator,
            "outsider": personas.outsider, "pending": personas.pending, "group": personas.group_a}


def upload(browser, group, data: bytes, name="image.bin"):
    return browser.post("/uploads", data={"group": group.slug, "file": (io.BytesIO(data), name)},
                        content_type="multipart/form-data")


def stored(app, upload_id: str, variant="full") -> bytes:
    return (Path(app.config["UPLOAD_DIR"]) / upload_id[:2] / f"{upload_id}.{variant}").read_bytes()


def publish(browser, group, ids, body="Look at this lesion, what do you think?", **extra):
    data = {"title": "Rash on the forearm", "body": body, "attachments": ",".join(ids), **extra}
    return browser.post(f"/g/{group.slug}/new", data=data)


def test_stored_photo_has_no_metadata_and_orientation_applied(app, login, world):
    author = login(world["author"])
    response = upload(author, world["group"], support.photo_with_metadata(640, 480, orientation=6), "IMG_1.jpg")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert set(body) >= {"id", "preview_url", "width", "height", "findings"}
    assert (body["width"], body["height"]) == (480, 640)  # orientation 6: turned upright, then stored
    data = stored(app, body["id"])
    for secret in (b"SecretCam", b"Dr. Secret", b"SERIAL-998877", b"Jane Roe", b"Exif", b"GPS"):
        assert secret not in data
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert "exif" not in image.info and "comment" not in image.info and "icc_profile" not in image.info
    assert len(body["id"]) >= 22  # random, not a counter


def test_png_text_chunks_and_xmp_are_dropped(app, login, world):
    response = upload(login(world["author"]), world["group"], support.png_with_text(), "scan.png")
    assert response.status_code == 201
    data = stored(app, response.get_json()["id"])
    assert b"Jane Roe" not in data and b"tEXt" not in data and b"iTXt" not in data
    assert Image.open(io.BytesIO(data)).text == {}


def test_burned_in_record_number_is_proposed_and_blacked_out(app, login, world):
    response = upload(login(world["author"]), world["group"], support.burned_in(), "monitor.png")
    assert response.status_code == 201
    body = response.get_json()
    types = {finding["type"] for finding in body["findings"]}
    assert "record_number" in types, body["findings"]
    image = Image.open(io.BytesIO(stored(app, body["id"]))).convert("L")
    for finding in body["findings"]:
        x, y, w, h = finding["box"]
        region = image.crop((x + 2, y + 2, x + w - 2, y + h - 2))
        assert region.getextrema() == (0, 0), "a proposed box is filled solid before anyone sees the image"


@pytest.mark.parametrize("kind,language", [("lab_report", "en"), ("wristband", "de"), ("monitor", "hi")])
def test_upside_down_identifiers_are_found_and_blacked_out(app, login, world, kind, language):
    # A lab report and a monitor photo (orientation detection turns them), a wristband (too little text for
    # it: each turn is read), in English, German and Hindi.
    data, identifiers = support.turned_document(kind, language, 180)
    response = upload(login(world["author"]), world["group"], data, "photo.png")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    image = Image.open(io.BytesIO(stored(app, body["id"]))).convert("L")
    for x, y, w, h in identifiers:
        region = image.crop((x, y, x + w, y + h))
        black = region.histogram()[0] / (region.width * region.height)
        assert black >= 0.9, ((x, y, w, h), black, body["findings"])


@pytest.mark.parametrize("degrees", [90, 270])
def test_turned_record_number_is_found_and_blacked_out(app, login, world, degrees):
    data, number_box = support.turned_record_number(degrees)
    response = upload(login(world["author"]), world["group"], data, "label.png")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["width"], body["height"]) == Image.open(io.BytesIO(data)).size  # stored as taken, not turned
    x, y, w, h = number_box
    covering = [f for f in body["findings"]
                if f["box"][0] <= x + 2 and f["box"][1] <= y + 2
                and f["box"][0] + f["box"][2] >= x + w - 2 and f["box"][1] + f["box"][3] >= y + h - 2]
    assert covering and covering[0]["type"] == "record_number", (number_box, body["findings"])
    image = Image.open(io.BytesIO(stored(app, body["id"]))).convert("L")
    assert image.crop((x + 2, y + 2, x + w - 2, y + h - 2)).getextrema() == (0, 0), "the digits are gone"


def test_author_boxes_are_filled_uniformly(app, login, world):
    author = login(world["author"])
    body = upload(author, world["group"], support.photo_with_metadata(800, 600, orientation=1)).get_json()
    response = author.post(f"/uploads/{body['id']}/redact", data={"boxes": json.dumps([[100, 120, 160, 96]])})
    assert response.status_code == 200
    assert response.get_json()["boxes"][-1] == [100, 120, 160, 96]
    image = Image.open(io.BytesIO(stored(app, body["id"]))).convert("RGB")
    # JPEG: every 16x16 block wholly inside the box decodes to one flat colour.
    inner = image.crop((112, 128, 256, 208))
    extrema = inner.getextrema()
    assert all(high - low <= 2 and high <= 4 for low, high in extrema), extrema


def test_removing_a_proposal_needs_the_original_and_keeps_other_boxes(app, login, world):
    author = login(world["author"])
    original = support.burned_in()
    body = upload(author, world["group"], original, "monitor.png").get_json()
    response = author.post(f"/uploads/{body['id']}/redact",
                           data={"boxes": json.dumps([[10, 10, 30, 30]]),
                                 "file": (io.BytesIO(original), "monitor.png")}, content_type="multipart/form-data")
    assert response.status_code == 200
    assert response.get_json()["boxes"] == [[10, 10, 30, 30]]
    assert all(not f["redacted"] for f in response.get_json()["findings"])


def test_reader_sees_attached_image_with_private_headers(app, login, world, make):
    author = login(world["author"])
    upload_id = upload(author, world["group"], support.plain_png()).get_json()["id"]
    response = publish(author, world["group"], [upload_id])
    assert response.status_code == 302
    row = db.session.get(Upload, upload_id)
    assert row.post_id is not None
    reader = login(world["reader"])
    topic_page = reader.get(response.location).get_data(as_text=True)
    assert f"/uploads/{upload_id}/thumb" in topic_page
    image = reader.get(f"/uploads/{upload_id}/full")
    assert image.status_code == 200
    assert image.headers["Cache-Control"] == "private, no-store"
    assert image.headers["X-Content-Type-Options"] == "nosniff"
    assert image.mimetype == "image/png"
    assert reader.get(f"/uploads/{upload_id}/thumb").status_code == 200


def test_outsider_and_pending_member_get_404_for_an_image(app, login, world):
    author = login(world["author"])
    upload_id = upload(author, world["group"], support.plain_png()).get_json()["id"]
    assert publish(author, world["group"], [upload_id]).status_code == 302
    for persona in ("outsider", "pending"):
        assert login(world[persona]).get(f"/uploads/{upload_id}/full").status_code == 404, persona
    assert app.test_client().get(f"/uploads/{upload_id}/full").status_code in (302, 401)


def test_unattached_upload_is_only_for_its_author(app, login, world):
    upload_id = upload(login(world["author"]), world["group"], support.plain_png()).get_json()["id"]
    assert login(world["reader"]).get(f"/uploads/{upload_id}/full").status_code == 404
    assert login(world["reader"]).post(f"/uploads/{upload_id}/redact", data={"boxes": "[]"}).status_code == 404
    # Nor can another member attach it to their own post.
    response = publish(login(world["reader"]), world["group"], [upload_id])
    assert response.status_code == 422
    assert "no longer available" in response.get_data(as_text=True)


def test_hidden_or_deleted_post_hides_its_images(app, login, world):
    author = login(world["author"])
    upload_id = upload(author, world["group"], support.plain_png()).get_json()["id"]
    publish(author, world["group"], [upload_id])
    post = db.session.get(Post, db.session.get(Upload, upload_id).post_id)
    post.hidden = True
    post.hidden_reason = "moderator"
    db.session.commit()
    assert login(world["reader"]).get(f"/uploads/{upload_id}/full").status_code == 404
    assert author.get(f"/uploads/{upload_id}/full").status_code == 200
    assert login(world["moderator"]).get(f"/uploads/{upload_id}/full").status_code == 200
    post = db.session.get(Post, post.id)
    post.hidden = False
    db.session.commit()
    assert author.post(f"/posts/{post.id}/delete").status_code == 302
    assert login(world["reader"]).get(f"/uploads/{upload_id}/full").status_code == 404


def test_refused_file_type_gets_a_clear_message(app, login, world):
    response = upload(login(world["author"]), world["group"], b"%PDF-1.7\n1 0 obj<<>>endobj\n", "scan.jpg")
    assert response.status_code == 415
    assert "not an image Konsil accepts" in response.get_json()["error"]
    assert db.session.scalar(select(Upload)) is None


def test_decompression_bomb_is_refused(app, login, world):
    response = upload(login(world["author"]), world["group"], support.png_bomb(), "small.png")
    assert response.status_code == 422
    assert "too many pixels" in response.get_json()["error"]
    assert not any(Path(app.config["UPLOAD_DIR"]).rglob("*.full"))


def test_oversized_file_is_refused(app, login, world):
    app.config["UPLOAD_MAX_BYTES"] = 20_000
    response = upload(login(world["author"]), world["group"], support.photo_with_metadata(1600, 1200, 1))
    assert response.status_code == 413
    assert "larger than" in response.get_json()["error"]


def test_quota_is_enforced(app, login, world):
    app.config["UPLOAD_QUOTA_BYTES"] = 1_000
    response = upload(login(world["author"]), world["group"], support.plain_png())
    assert response.status_code == 413
    assert "storage" in response.get_json()["error"]


def test_dicom_header_fields_are_gone_and_pixels_rendered(app, login, world):
    response = upload(login(world["author"]), world["group"], support.dicom_file(), "ct.dcm")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["width"], body["height"]) == (512, 512)
    data = stored(app, body["id"])
    for secret in (b"Doe", b"Janet", b"MRN7788991", b"19570312", b"Elsewhere", b"ACC55501", b"DICM"):
        assert secret not in data
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.text == {}
    gray = image.convert("L")
    # Window 40/400 over a 0..300 HU blob on -1024 HU air: air is black, the centre of the blob bright.
    assert gray.getpixel((5, 5)) < 10 and gray.getpixel((256, 256)) > 200


def test_group_that_needs_consent_refuses_images_without_a_record(app, login, world, make):
    group = world["group"]
    owner = group.created_by_id
    from forum.accounts.models import User

    owner_browser = login(db.session.get(User, owner))
    assert owner_browser.post(f"/g/{group.slug}/image-settings",
                              data={"images_need_consent": "1"}).status_code == 302
    author = login(world["author"])
    upload_id = upload(author, group, support.plain_png()).get_json()["id"]
    refused = publish(author, group, [upload_id], body="My carefully typed question about this rash")
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert "consent record" in page and "My carefully typed question about this rash" in page
    other = publish(author, group, [upload_id], image_consent="other")
    assert other.status_code == 422 and "Explain the consent" in other.get_data(as_text=True)
    accepted = publish(author, group, [upload_id], image_consent="written")
    assert accepted.status_code == 302
    post_id = db.session.get(Upload, upload_id).post_id
    assert db.session.get(ImageConsent, post_id).kind == "written"
    record = re.compile(r'class="small image-consent-record">Patient consent:\s*Written consent on file')
    assert record.search(login(world["moderator"]).get(accepted.location).get_data(as_text=True))
    assert "image-consent-record" not in login(world["reader"]).get(accepted.location).get_data(as_text=True)


def test_text_only_post_needs_no_consent(app, login, world):
    from forum.uploads.models import GroupImageSettings

    db.session.add(GroupImageSettings(group_id=world["group"].id, images_need_consent=True))
    db.session.commit()
    assert publish(login(world["author"]), world["group"], []).status_code == 302


def test_edit_keeps_or_removes_images(app, login, world):
    author = login(world["author"])
    first = upload(author, world["group"], support.plain_png()).get_json()["id"]
    second = upload(author, world["group"], support.plain_png(colour=(10, 200, 10))).get_json()["id"]
    publish(author, world["group"], [first])
    post_id = db.session.get(Upload, first).post_id
    form = author.get(f"/posts/{post_id}/edit").get_data(as_text=True)
    assert first in form
    response = author.post(f"/posts/{post_id}/edit", data={"body": "Edited: second image instead",
                                                           "attachments": second})
    assert response.status_code == 302
    assert db.session.get(Upload, first) is None
    assert db.session.get(Upload, second).post_id == post_id
    assert not (Path(app.config["UPLOAD_DIR"]) / first[:2] / f"{first}.full").exists()


def test_erasure_removes_the_files_and_export_includes_images(app, login, world):
    author = login(world["author"])
    attached = upload(author, world["group"], support.plain_png()).get_json()["id"]
    loose = upload(author, world["group"], support.plain_png(colour=(1, 2, 3))).get_json()["id"]
    publish(author, world["group"], [attached])
    export = author.post("/me/export")
    images = json.loads(export.get_data(as_text=True))["images"]
    assert {image["id"] for image in images} == {attached, loose}
    assert all(image["data_base64"] for image in images)
    response = author.post("/me/delete", data={"password": PASSWORD, "confirm": "y"})
    assert response.status_code == 302
    assert db.session.scalars(select(Upload)).all() == []
    assert not any(Path(app.config["UPLOAD_DIR"]).rglob("*.full"))
    assert not any(Path(app.config["UPLOAD_DIR"]).rglob("*.thumb"))


def test_unattached_uploads_are_purged_after_a_day(app, login, world):
    author = login(world["author"])
    old = upload(author, world["group"], support.plain_png()).get_json()["id"]
    fresh = upload(author, world["group"], support.plain_png(colour=(9, 9, 9))).get_json()["id"]
    attached = upload(author, world["group"], support.plain_png(colour=(99, 9, 9))).get_json()["id"]
    publish(author, world["group"], [attached])
    for upload_id in (old, attached):
        row = db.session.get(Upload, upload_id)
        row.created_at = row.created_at - timedelta(hours=25)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["forum", "purge-uploads"])
    assert result.exit_code == 0 and "1 unattached image deleted" in result.output
    assert db.session.get(Upload, old) is None
    assert not (Path(app.config["UPLOAD_DIR"]) / old[:2] / f"{old}.full").exists()
    assert db.session.get(Upload, fresh) is not None and db.session.get(Upload, attached) is not None


def test_moderator_blacks_out_more_of_an_attached_image(app, login, world):
    author = login(world["author"])
    upload_id = upload(author, world["group"], support.plain_png((400, 300))).get_json()["id"]
    publish(author, world["group"], [upload_id])
    assert login(world["reader"]).post(f"/uploads/{upload_id}/moderate",
                                       data={"boxes": "[[0, 0, 50, 50]]"}).status_code == 403
    moderator = login(world["moderator"])
    assert moderator.get(f"/uploads/{upload_id}/moderate").status_code == 200
    response = moderator.post(f"/uploads/{upload_id}/moderate",
                              data={"boxes": "[[20, 30, 100, 60]]", "reason": "wristband visible"})
    assert response.status_code == 302
    image = Image.open(io.BytesIO(stored(app, upload_id))).convert("RGB")
    assert image.crop((20, 30, 120, 90)).getextrema() == ((0, 0), (0, 0), (0, 0))
    from forum.audit import LogEntry

    assert db.session.scalar(select(LogEntry).where(LogEntry.action == "post:image:redact")) is not None


def test_upload_to_a_group_one_cannot_read_is_404(app, login, world):
    response = upload(login(world["outsider"]), world["group"], support.plain_png())
    assert response.status_code == 404


def test_moderator_removes_an_image_and_its_files_go(app, login, world):
    author = login(world["author"])
    upload_id = upload(author, world["group"], support.plain_png()).get_json()["id"]
    publish(author, world["group"], [upload_id])
    response = login(world["moderator"]).post(f"/uploads/{upload_id}/moderate",
                                              data={"action": "remove", "reason": "face visible"})
    assert response.status_code == 302
    assert db.session.get(Upload, upload_id).removed_at is not None
    assert not (Path(app.config["UPLOAD_DIR"]) / upload_id[:2] / f"{upload_id}.full").exists()
    assert author.get(f"/uploads/{upload_id}/full").status_code == 404


def test_a_burst_beyond_the_pool_is_refused_with_retry_after(app, login, world):
    import threading

    from forum.uploads import pool

    app.config.update(UPLOAD_WORKERS=1, UPLOAD_QUEUE=0)
    release, started = threading.Event(), threading.Event()

    def occupy():
        started.set()
        release.wait(10)

    worker = threading.Thread(target=pool.run, args=(occupy,), kwargs={"workers": 1, "queue": 0, "timeout": 15})
    worker.start()
    started.wait(5)
    try:
        response = upload(login(world["author"]), world["group"], support.plain_png())
    finally:
        release.set()
        worker.join()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "10"
    assert "try again in a moment" in response.get_json()["error"]
    assert db.session.scalar(select(Upload)) is None
    assert upload(login(world["author"]), world["group"], support.plain_png()).status_code == 201


def test_heic_photo_is_stored_as_a_plain_jpeg(app, login, world):
    response = upload(login(world["author"]), world["group"], support.heic_photo(), "IMG_0001.HEIC")
    assert response.status_code == 201, response.get_json()
    data = stored(app, response.get_json()["id"])
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.size == (320, 240) and not image.getexif()


def test_behind_nginx_the_file_is_handed_over_with_x_accel_redirect(app, login, world):
    app.config["UPLOAD_ACCEL_PREFIX"] = "/_konsil_uploads"
    author = login(world["author"])
    upload_id = upload(author, world["group"], support.plain_png()).get_json()["id"]
    response = author.get(f"/uploads/{upload_id}/thumb")
    assert response.status_code == 200
    assert response.headers["X-Accel-Redirect"] == f"/_konsil_uploads/{upload_id[:2]}/{upload_id}.thumb"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.get_data() == b""
    assert login(world["reader"]).get(f"/uploads/{upload_id}/thumb").status_code == 404
