"""Redaction that removes: patient data taken out of a post is taken out of every copy of it.

The post's text becomes the corrected text, and every other place that holds member-written text
about the post loses the removed words: earlier revisions (they keep who, when and why, not the
text), the cases' excerpts, report details that quote it, notifications, e-mails waiting in the
outbox, and the author's future exports (they read the post and its revisions). The log records
the redaction without the text. After the commit, `wipe_from_disk` makes the database give the
freed space back (SQLite: secure_delete is on for every connection, the WAL is checkpointed and
truncated; PostgreSQL: the touched tables are vacuumed -- see the operator notes in README.md).
"""
from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import String, cast, func, or_, select, update

from .. import audit, permissions
from ..accounts.models import User
from ..core import signals
from ..core.transaction import after_commit
from ..db_types import utcnow
from ..extensions import db
from ..markup import MarkupTooComplex
from ..notifications.models import Notification
from ..notifications.services import notify
from ..forms import has_control_characters
from ..posts.forms import BODY_MAX, TITLE_MAX
from ..posts.mentions import render_post
from ..posts.models import Post, PostRevision
from ..posts.services import GuardResult, _stored_findings, post_link
from ..privacy_guard.service import find_identifiers
from . import holds
from .models import Action, CaseState, ModerationCase, Report
from .common import AlreadyDecided, ModerationError, NotAllowed, require_moderator, require_reason

REMOVED = "[removed]"
_TOKEN = re.compile(r"\w[\w@.+/:-]*\w|\w", re.UNICODE)
_PIECE = re.compile(r"\w+", re.UNICODE)
# Tables whose rows a redaction rewrites; PostgreSQL vacuums them afterwards.
TOUCHED_TABLES = ("posts", "topics", "post_revisions", "moderation_cases", "reports", "notifications")


class FindingsRemain(ModerationError):
    """The corrected text still contains what the guard flags; the form comes back with it highlighted."""

    def __init__(self, findings: list[dict]):
        super().__init__(_("The corrected text still contains what may identify a patient (highlighted below). "
                           "Remove it, or tick the confirmation if it is not patient data."), "body")
        self.findings = findings


def _significant(word: str) -> bool:
    return len(word) >= 3 or any(character.isdigit() for character in word)


def _terms(text: str) -> set[str]:
    """Whole tokens (e-mail addresses, record numbers with dashes) and their word pieces."""
    found = set()
    for token in _TOKEN.findall(text or ""):
        found.add(token)
        found.update(_PIECE.findall(token))
    return {term for term in found if _significant(term)}


def removed_terms(old_texts: list[str], new_text: str) -> set[str]:
    """The words of the earlier texts that the corrected text no longer contains."""
    keep = {term.casefold() for term in _terms(new_text)}
    removed: set[str] = set()
    for old in old_texts:
        removed.update(term for term in _terms(old) if term.casefold() not in keep)
    return removed


def identifying_terms(texts: list[str]) -> set[str]:
    """When a whole post goes, only what identifies is hunted down elsewhere (a report quoting "the"
    must keep its "the"): the words the guard flags, numbers, and capitalised words such as names."""
    found: set[str] = set()
    for text in texts:
        for finding in find_identifiers(text):
            found |= _terms(text[finding["start"]:finding["end"]])
        found |= {term for term in _terms(text)
                  if any(character.isdigit() for character in term) or (len(term) >= 4 and term[:1].isupper())}
    return found


def _pattern(removed: set[str]) -> re.Pattern | None:
    if not removed:
        return None
    alternatives = "|".join(re.escape(term) for term in sorted(removed, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def scrub(text: str, removed: set[str] | re.Pattern | None) -> str:
    pattern = removed if isinstance(removed, re.Pattern) or removed is None else _pattern(removed)
    if not text or pattern is None:
        return text
    return pattern.sub(REMOVED, text)


def quotes_removed_text(text: str, removed: set[str]) -> bool:
    pattern = _pattern(removed)
    return bool(pattern and pattern.search(text or ""))


from ..posts.services import earlier_texts  # noqa: E402,F401  (the texts a redaction compares against)


def purge_copies(post: Post, removed: set[str], new_text: str) -> dict:
    """Take the removed words out of every copy of the post's text besides the post itself."""
    pattern = _pattern(removed)
    revisions = db.session.execute(
        update(PostRevision).where(PostRevision.post_id == post.id)
        .values(body_source="", redacted=True).execution_options(synchronize_session=False)).rowcount
    for case in db.session.scalars(select(ModerationCase).where(ModerationCase.post_id == post.id)):
        excerpt = " ".join(new_text.split()) if new_text else scrub(case.post_excerpt, pattern)
        case.post_excerpt = excerpt if len(excerpt) <= 500 else excerpt[:499] + "…"
    reports = 0
    for report in db.session.scalars(select(Report).where(Report.post_id == post.id, Report.details != "")):
        cleaned = scrub(report.details, pattern)
        if cleaned != report.details:
            report.details = cleaned
            reports += 1
    notifications = 0
    if pattern is not None:
        terms = sorted(removed, key=len, reverse=True)
        for start in range(0, len(terms), 40):
            chunk = terms[start:start + 40]
            rows = db.session.scalars(select(Notification).where(
                Notification.created_at >= post.created_at,
                or_(*[func.lower(Notification.legacy_message).contains(term.lower(), autoescape=True)
                      for term in chunk],
                    *[func.lower(cast(Notification.params, String)).contains(term.lower(), autoescape=True)
                      for term in chunk])))
            for notification in rows:
                cleaned = scrub(notification.legacy_message, pattern)
                params = {name: scrub(value, pattern) if isinstance(value, str) else value
                          for name, value in (notification.params or {}).items()}
                if cleaned != notification.legacy_message or params != (notification.params or {}):
                    notification.legacy_message = cleaned
                    notification.params = params
                    notifications += 1
    outbox = scrub_outbox(pattern)
    if not db.session.info.get("wipe_from_disk"):
        db.session.info["wipe_from_disk"] = True
        after_commit(wipe_from_disk)
    return {"revisions": revisions, "reports": reports, "notifications": notifications, "outbox": outbox}


def scrub_outbox(pattern: re.Pattern | None) -> int:
    """E-mails still waiting in the outbox folder lose the removed words (rewritten in place)."""
    if pattern is None or current_app.config.get("SMTP_HOST"):
        return 0
    folder = Path(current_app.config["MAIL_OUTBOX_DIR"])
    if not folder.is_dir():
        return 0
    changed = 0
    for path in sorted(folder.glob("*.eml")):
        message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        part = message.get_body(preferencelist=("plain",)) or message
        body = part.get_content() if part.get_content_maintype() == "text" else ""
        subject = str(message.get("Subject", ""))
        if not (pattern.search(body) or pattern.search(subject)):
            continue
        if pattern.search(subject):
            del message["Subject"]
            message["Subject"] = scrub(subject, pattern)
        part.set_content(scrub(body, pattern))
        data = bytes(message)
        with path.open("r+b") as handle:  # overwrite the same file, then cut what is left of the old one
            handle.write(data)
            handle.truncate()
        changed += 1
    return changed


def wipe_from_disk() -> None:
    """After the redaction's commit: let no earlier page of the database keep the removed text."""
    db.session.info.pop("wipe_from_disk", None)
    engine = db.engine
    # Features that keep derived copies outside ordinary rows (the search index's segments) compact them first.
    signals.text_removed_from_disk.send(current_app._get_current_object(), engine=engine)
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    elif engine.dialect.name == "postgresql":
        # Dead row versions stay in the table files until VACUUM marks them free (and are overwritten
        # later); VACUUM cannot run inside a transaction.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            for table in TOUCHED_TABLES:
                connection.exec_driver_sql(f'VACUUM "{table}"')


def _tell_reporters(actor: User, case: ModerationCase | None, post: Post) -> None:
    if case is None:
        return
    reporter_ids = set(db.session.scalars(select(Report.reporter_id).where(Report.case_id == case.id,
                                                                           Report.reporter_id.is_not(None))))
    for reporter_id in reporter_ids - {actor.id}:
        notify(reporter_id, "report_outcome", "report.redacted", topic=post.topic,
               link=post_link(post) if post.deleted_at is None else "")


def corrected_title(post: Post, title: str | None) -> str | None:
    """The topic's new title when a redaction or an author's edit of its opening post changes it, else None.
    Only the opening post carries the title."""
    if post.number != 1 or title is None:
        return None
    title = " ".join(title.split())
    if not title or title == post.topic.title:
        return None
    if len(title) > TITLE_MAX:
        raise ModerationError(_("Keep the title to %(limit)s characters.", limit=TITLE_MAX), "title")
    if has_control_characters(title):
        raise ModerationError(_("Use one line of ordinary text for the title."), "title")
    return title


def retitle(topic, title: str, findings: list[dict]) -> int:
    """The topic takes its corrected title; the copies the moderation queue keeps of it follow. (The log never
    held it; notifications look it up when read; the search index follows the topic.)"""
    topic.title = title
    topic.title_phi_findings = _stored_findings(GuardResult(title=findings))
    return cases_follow_title(topic)


def cases_follow_title(topic) -> int:
    """The moderation queue's snapshots of a topic's title take its current one."""
    return db.session.execute(update(ModerationCase).where(ModerationCase.topic_id == topic.id)
                              .values(topic_title=topic.title[:200])
                              .execution_options(synchronize_session=False)).rowcount


def old_texts_with_title(post: Post) -> list[str]:
    """What a redaction of this post compares against: its texts, and the topic's title on the opening post."""
    texts = earlier_texts(post)
    return texts + [post.topic.title] if post.number == 1 else texts


def new_text_with_title(post: Post, body: str, title: str | None) -> str:
    if post.number != 1:
        return body
    return f"{body}\n{title if title is not None else post.topic.title}"


def redact(actor: User, post: Post, *, reason: str, body: str, confirmed: bool = False,
           expected_case_id: int | None = None, title: str | None = None) -> ModerationCase | None:
    """A moderator replaces the post's text with `body` (and, on a topic's opening post, its title with `title`)
    and destroys every other copy of what they removed."""
    from ..incidents.services import open_incident

    group = post.topic.group
    require_moderator(actor, group)
    reason = require_reason(reason)
    if post.author_id == actor.id:
        raise NotAllowed(_("This is your own post; another moderator decides it. You can edit it yourself and "
                           "tick “this edit removes patient data”."))
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip():
        raise ModerationError(_("Give the corrected text: the post as it should read without the patient data."),
                              "body")
    if len(body) > BODY_MAX:
        raise ModerationError(_("Keep the corrected text to %(limit)s characters.", limit=f"{BODY_MAX:,}"), "body")
    new_title = corrected_title(post, title)
    if body == post.body_source and new_title is None:
        raise ModerationError(_("The corrected text is the same as the post. Remove the patient data from it."),
                              "body")
    findings = find_identifiers(body)
    if findings and not confirmed:
        raise FindingsRemain(findings)
    title_findings = find_identifiers(new_title) if new_title is not None else []
    if title_findings and not confirmed:
        raise ModerationError(_("The corrected title still contains what may identify a patient. Remove it, or "
                                "tick the confirmation if it is not patient data."), "title")
    old_texts = old_texts_with_title(post)
    removed = removed_terms(old_texts, new_text_with_title(post, body, new_title))
    if quotes_removed_text(reason, removed):
        raise ModerationError(_("The reason repeats words that are being removed; the log keeps the reason, so "
                                "describe what was removed instead (for example “the patient's name”)."), "reason")
    try:
        html = render_post(body, post.topic.group)
    except MarkupTooComplex as error:
        raise ModerationError(str(error), "body") from error
    was_held = post.is_held
    case = holds.close_open_case(actor, post, outcome=Action.REDACT, state=CaseState.RESOLVED, reason=reason,
                                 expected_case_id=expected_case_id)
    seen_version = post.edit_count
    result = db.session.execute(
        update(Post).where(Post.id == post.id, Post.edit_count == seen_version)
        .values(body_source=body, body_html=html, edit_count=seen_version + 1, edited_at=utcnow(),
                phi_findings=_stored_findings(GuardResult(body=findings)), phi_confirmed=bool(findings))
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(_("Someone changed this post a moment ago. Nothing was changed; review it again."))
    db.session.refresh(post)
    if new_title is not None:
        retitle(post.topic, new_title, title_findings)
    counts = purge_copies(post, removed, body)
    db.session.add(PostRevision(post_id=post.id, editor_id=actor.id, body_source="", reason=reason, redacted=True))
    incident = open_incident(actor, post, trigger=Action.REDACT, was_held=was_held)
    if was_held:
        holds.unhold(post)
    topic = post.topic
    audit.record(actor, "moderation:post:redact", target_type="post", target_id=post.id, target_label=audit.topic_label(topic),
                 subject_user=post.author, group_id=group.id, reason=reason,
                 details={"case": case.id if case else None, "incident": incident.id, "removed_terms": len(removed),
                          "title": new_title is not None, **counts})
    if post.author_id:
        notify(post.author_id, "moderation", "post.redacted", topic=topic, params={"reason": reason},
               link=post_link(post), actor=actor)
    _tell_reporters(actor, case, post)
    return case


def purge_deleted(actor: User, post: Post, reason: str) -> dict:
    """A post deleted for patient privacy keeps no text at all; an opening post's topic keeps its title without
    what identifies (the topic lives on with its replies)."""
    removed = identifying_terms(old_texts_with_title(post))
    db.session.execute(update(Post).where(Post.id == post.id).values(body_source="", body_html="")
                       .execution_options(synchronize_session=False))
    db.session.refresh(post)
    if post.number == 1:
        title = scrub(post.topic.title, removed)
        if title != post.topic.title:
            retitle(post.topic, title, [])
    counts = purge_copies(post, removed, "")
    audit.record(actor, "moderation:post:purge", target_type="post", target_id=post.id,
                 target_label=audit.topic_label(post.topic), subject_user=post.author, group_id=post.topic.group_id,
                 reason=reason, details={"removed_terms": len(removed), **counts})
    return counts


def confirm_exposure(actor: User, post: Post, action: str, reason: str, *, was_held: bool) -> None:
    """Delete or hide with the patient-privacy reason: the moderator confirms an exposure."""
    from ..incidents.services import open_incident

    if action == Action.DELETE:
        removed = identifying_terms(old_texts_with_title(post))
        if quotes_removed_text(reason, removed):
            raise ModerationError(_("The reason repeats words of the post; the log keeps the reason, so describe "
                                    "what was exposed instead (for example “the patient's name”)."), "reason")
        purge_deleted(actor, post, reason)
    open_incident(actor, post, trigger=action, was_held=was_held)


def after_author_edit(sender, editor: User, post: Post, old_texts: list[str], **extra) -> None:
    """The author ticked "this edit removes patient data" (signal patient_data_removed_by_author):
    earlier versions lose the removed words."""
    # On the opening post the title is part of what the author corrected (old_texts then ends with the old one).
    removed = removed_terms(old_texts, new_text_with_title(post, post.body_source, None))
    if post.number == 1:
        cases_follow_title(post.topic)
    counts = purge_copies(post, removed, post.body_source)
    audit.record(editor, "post:redact", target_type="post", target_id=post.id, target_label=audit.topic_label(post.topic),
                 subject_user=post.author, group_id=post.topic.group_id,
                 details={"removed_terms": len(removed), **counts})


def may_redact(user, post: Post) -> bool:
    return permissions.can_moderate(user, post.topic.group) and post.author_id != getattr(user, "id", None)
