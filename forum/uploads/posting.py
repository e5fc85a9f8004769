"""The post forms' side of images: the `attachments` field (comma-separated upload ids) and the consent
record, checked before publishing and applied in the same transaction as the post."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, StringField
from wtforms.validators import Length, Optional

from . import services
from .services import CONSENT_CHOICES, UploadError


class ImageFields:
    """Mixed into the post forms."""

    attachments = HiddenField(validators=[Optional(), Length(max=400)])
    image_consent = RadioField(_l("Patient consent for these images"), choices=list(CONSENT_CHOICES),
                               validators=[Optional()], validate_choice=False)
    image_consent_note = StringField(_l("Explain"), validators=[Optional(), Length(max=500)])


def images_for(actor, group, form, post=None):
    """The uploads the form names, checked; None (with the message on the form) when they cannot be used."""
    try:
        uploads = services.attachable(actor, group, form.attachments.data, post=post)
    except UploadError as error:
        form.attachments.errors = list(form.attachments.errors) + [str(error)]
        return None
    problem = services.consent_problem(group, uploads, form.image_consent.data, form.image_consent_note.data)
    if problem:
        form.image_consent.errors = list(form.image_consent.errors) + [problem]
        return None
    return uploads


def with_images(actor, post, form, uploads):
    """Attach the checked uploads to the just-written post and record the consent; returns the post."""
    if post is None:
        return post
    if uploads or services.parse_ids(form.attachments.data) or post.id is not None:
        services.attach(actor, post, uploads)
        services.record_consent(actor, post, uploads, form.image_consent.data, form.image_consent_note.data)
    return post


def prefill(form, post) -> None:
    """An edit form starts with the post's images and consent record."""
    images = services.images_of([post.id]).get(post.id, [])
    form.attachments.data = ",".join(u.id for u in images)
    consent = services.consents_of([post.id]).get(post.id)
    if consent is not None:
        form.image_consent.data = consent.kind
        form.image_consent_note.data = consent.note
