"""The decision on `/g/<slug>/moderation/<post_id>` with patient data in mind: held posts are released
or redacted here, `redact` works on any post, and a delete or hide confirmed as a patient-data exposure
destroys the text (delete) and opens a privacy incident. Every other action is the case decision."""
from __future__ import annotations

from flask_babel import gettext as _

from ..accounts.models import User
from ..posts.models import Post
from ..privacy_guard.outcomes import record_case_decision, record_redaction
from . import cases, holds, redaction
from .common import ModerationError
from .models import Action

SANCTIONS = (Action.WARN, Action.SUSPEND, Action.BAN)


def decide(actor: User, post: Post, action: str, reason: str, *, days: int | None = None,
           expected_case_id: int | None = None, body: str = "", confirmed: bool = False,
           patient_privacy: bool = False, title: str | None = None) -> None:
    if post.is_held and action in (Action.DISMISS, Action.RESTORE):
        action = Action.RELEASE  # within the guidelines: the held post is published
    if action == Action.RELEASE:
        holds.release(actor, post, reason, expected_case_id=expected_case_id)
        record_case_decision(post, action)  # the guard's finding was a false alarm: counted, never the text
        return
    if action == Action.REDACT:
        before, findings = post.body_source or "", post.phi_findings
        redaction.redact(actor, post, reason=reason, body=body, confirmed=confirmed,
                         expected_case_id=expected_case_id, title=title)
        record_redaction(post.topic.group_id, before, body, findings)  # upheld findings and misses, by type
        return
    if post.is_held and action in SANCTIONS:
        raise ModerationError(_("This post is waiting for a moderator: release, redact, hide or delete it first; "
                                "then act on its author from the members page."), "action")
    was_held = post.is_held
    cases.decide_case(actor, post, action, reason, days=days, expected_case_id=expected_case_id)
    if patient_privacy and action in (Action.DELETE, Action.HIDE):
        redaction.confirm_exposure(actor, post, action, reason, was_held=was_held)
