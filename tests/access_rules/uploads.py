"""Access rules for clinical images. An image is for those who may read its post: everyone else gets 404,
as for the group itself. Uploading needs a group one can read (the matrix sends no group: 404 for everyone
signed in and verified). Redacting one's own upload is for its author; moderators black out more of
attached images; the per-group consent setting is the owner's (and admins')."""
import io
import tempfile

from . import answers

SIGNED_OUT = {"anonymous": "login", "suspended_account": "login", "pending": "404"}

RULES = {
    "uploads.create": {**SIGNED_OUT, "outsider": "404", "member": "404", "suspended_member": "404",
                       "banned_member": "404", "moderator": "404", "admin": "404", "verifier": "404"},
    "uploads.redact": {**SIGNED_OUT, "outsider": "404", "member": "200", "suspended_member": "404",
                       "banned_member": "404", "moderator": "404", "admin": "404", "verifier": "404"},
    "uploads.image": answers({**SIGNED_OUT, "outsider": "404", "member": "ok", "suspended_member": "ok",
                              "banned_member": "404", "moderator": "ok", "admin": "ok", "verifier": "404"}, 200),
    "uploads.moderate": answers({**SIGNED_OUT, "outsider": "404", "member": "403", "suspended_member": "403",
                                 "banned_member": "404", "moderator": "ok", "admin": "ok", "verifier": "404"}, 200),
    "uploads.group_settings": {**SIGNED_OUT, "outsider": "404", "member": "403", "suspended_member": "403",
                               "banned_member": "404", "moderator": "403", "admin": "302", "verifier": "404"},
}


def SETUP(world):
    """An image by `member`, attached to the world's post in group A."""
    from PIL import Image

    from forum.extensions import db
    from forum.uploads import services

    world.app.config["UPLOAD_DIR"] = tempfile.mkdtemp(prefix="konsil-matrix-uploads-")
    world.app.config["UPLOAD_OCR"] = False
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 120, 150)).save(buffer, "PNG")
    with world.app.test_request_context():
        upload = services.create_upload(world.users["member"], world.group_a, buffer.getvalue())
        services.attach(world.users["member"], world.post, [upload])
        db.session.commit()
        world.upload_id = upload.id


PARAMS = {"upload_id": lambda world: world.upload_id, "variant": lambda world: "full"}
