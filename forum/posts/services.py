"""Topics and posts: writing, editing, deleting and reading them a page at a time."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload

from ..accounts.models import User
from ..core import signals
from ..core.errors import DomainError
from ..core.pagination import Page, page_count
from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Group
from ..markup import MarkupTooComplex, check_complexity, render_markdown
from ..notifications import watching
from ..notifications.services import notify
from ..policy import scopes
from ..privacy_guard.service import find_identifiers
from ..urls import page_of, post_link, posts_per_page  # noqa: F401  (re-exported: one place for post URLs)
from .models import Post, PostRevision, Topic
from flask_babel import gettext as _

MENTION = re.compile(r"(?<![\w@/.])@([a-z0-9][a-z0-9._-]{1,31})", re.IGNORECASE)


class PostingError(DomainError):
    pass


@dataclass
class GuardResult:
    """What the patient-data guard found in a submission; empty means clean."""

    title: list[dict] = field(default_factory=list)
    body: list[dict] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.title or self.body)


def check_submission(body: str, title: str = "") -> GuardResult:
    """The guard's findings. A body the renderer refuses is not scanned: it cannot be published as it
    is, and the guard's work on it would be wasted (the author first gets the renderer's message)."""
    try:
        check_complexity(body)
    except MarkupTooComplex:
        return GuardResult(title=find_identifiers(title), body=[])
    return GuardResult(title=find_identifiers(title), body=find_identifiers(body))


def _render(body: str) -> str:
    try:
        return render_markdown(body)
    except MarkupTooComplex as error:
        raise PostingError(str(error), "body") from error


def _existing_submission(author: User, submission_id: str | None) -> Post | None:
    if not submission_id:
        return None
    return db.session.scalar(select(Post).where(Post.submission_id == submission_id, Post.author_id == author.id))


def _stored_findings(guard: GuardResult) -> list[dict] | None:
    """Keep type and offsets only; the matched text never leaves the author's form."""
    if not guard.found:
        return None
    keep = ("start", "end", "type")
    return [{"field": "title", **{k: f[k] for k in keep}} for f in guard.title] + [
        {"field": "body", **{k: f[k] for k in keep}} for f in guard.body
    ]


def create_topic(author: User, group: Group, *, title: str, body: str, guard: GuardResult,
                 submission_id: str | None = None) -> Post:
    existing = _existing_submission(author, submission_id)
    if existing is not None:
        return existing
    html = _render(body)
    now = utcnow()
    topic = Topic(group_id=group.id, author_id=author.id, title=title.strip(), created_at=now,
                  last_activity_at=now, post_count=1,
                  title_phi_findings=_stored_findings(GuardResult(title=guard.title)))
    db.session.add(topic)
    db.session.flush()
    post = Post(topic_id=topic.id, author_id=author.id, number=1, body_source=body, body_html=html, created_at=now,
                phi_findings=_stored_findings(guard), phi_confirmed=guard.found, submission_id=submission_id or None)
    db.session.add(post)
    _flush_once(post)
    watching.watch_on_post(author, topic)
    _after_publish(author, post, guard)
    if not post.is_held:
        notify_publication(author, post)
    return post


def reply(author: User, topic: Topic, *, body: str, guard: GuardResult, submission_id: str | None = None) -> Post:
    existing = _existing_submission(author, submission_id)
    if existing is not None:
        return existing
    html = _render(body)
    now = utcnow()
    # Take the next number atomically: the UPDATE serialises concurrent replies on this row.
    db.session.execute(
        Topic.__table__.update().where(Topic.id == topic.id)
        .values(post_count=Topic.post_count + 1, last_activity_at=now)
    )
    number = db.session.scalar(select(Topic.post_count).where(Topic.id == topic.id))
    db.session.refresh(topic)
    post = Post(topic_id=topic.id, author_id=author.id, number=number, body_source=body, body_html=html,
                created_at=now, phi_findings=_stored_findings(guard), phi_confirmed=guard.found,
                submission_id=submission_id or None)
    db.session.add(post)
    _flush_once(post)
    watching.watch_on_post(author, topic)
    _after_publish(author, post, guard)
    if not post.is_held:
        notify_publication(author, post)
    return post


def notify_publication(author: User, post: Post) -> None:
    """Mentions, then everyone watching the topic (or its group): sent when the post becomes visible to
    others (at once, or when a moderator releases a held post). A member mentioned hears of it once."""
    topic = post.topic
    mentioned = _notify_mentions(author, post, topic.group)
    watching.notify_watchers(author, post, already_told=mentioned)


def _flush_once(post: Post) -> None:
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError as error:
        raise DuplicateSubmission() from error


class DuplicateSubmission(Exception):
    """The same form was submitted twice at the same moment; the first one won."""


def _after_publish(author: User, post: Post, guard: GuardResult) -> None:
    if guard.found:
        # Moderation files an automatic patient-privacy report (connected in forum.moderation.init_app).
        signals.post_published_past_findings.send(current_app._get_current_object(), author=author, post=post)


def edit_post(editor: User, post: Post, *, body: str, reason: str, guard: GuardResult) -> Post:
    if post.deleted_at is not None:
        raise PostingError(_("This post was deleted and can no longer be edited."))
    if body == post.body_source:
        return post
    html = _render(body)
    db.session.add(PostRevision(post_id=post.id, editor_id=editor.id, body_source=post.body_source,
                                reason=reason.strip()))
    post.body_source = body
    post.body_html = html
    post.edited_at = utcnow()
    post.edit_count += 1
    post.phi_findings = _stored_findings(guard)
    post.phi_confirmed = guard.found
    if editor.id != post.author_id:
        from .. import audit

        audit.record(editor, "post:edit", target_type="post", target_id=post.id,
                     target_label=post.topic.title, subject_user=post.author, group_id=post.topic.group_id,
                     reason=reason)
    _after_publish(editor, post, guard)
    return post


def delete_post(actor: User, post: Post, reason: str = "") -> None:
    if post.deleted_at is not None:
        raise PostingError(_("This post was already deleted."))
    post.deleted_at = utcnow()
    post.deleted_by_id = actor.id
    if actor.id != post.author_id:
        from .. import audit

        audit.record(actor, "post:delete", target_type="post", target_id=post.id, target_label=post.topic.title,
                     subject_user=post.author, group_id=post.topic.group_id, reason=reason)


def _notify_mentions(author: User, post: Post, group: Group) -> set[int]:
    names = {match.group(1).lower() for match in MENTION.finditer(post.body_source)}
    names.discard(author.username)
    if not names:
        return set()
    recipients = scopes.mentionable_member_ids(group, list(names)[:20])
    for user_id in recipients:
        notify(user_id, "mention", "mention", topic=post.topic, link=post_link(post), actor=author)
    return recipients


def earlier_texts(post: Post) -> list[str]:
    """The post's current text and every earlier version still held, for a redaction to compare with."""
    texts = [post.body_source or ""]
    texts += list(db.session.scalars(select(PostRevision.body_source).where(PostRevision.post_id == post.id,
                                                                            PostRevision.redacted.is_(False))))
    return texts


def post_page(topic: Topic, page: int, per_page: int) -> Page | None:
    total = topic.post_count
    pages = page_count(total, per_page)
    if page < 1 or page > pages:
        return None
    # Posts are numbered 1, 2, 3 ... within their topic (a deleted post keeps its number), so a page is a seek
    # on (topic, number), as fast for page 500 as for page 1; the authors come in the same statement.
    posts = list(db.session.scalars(
        select(Post).where(Post.topic_id == topic.id, Post.number > (page - 1) * per_page)
        .options(joinedload(Post.author))
        .order_by(Post.number).limit(per_page)
    ))
    return Page(posts, page, pages, total)


def revisions_of(post: Post) -> list[PostRevision]:
    return list(db.session.scalars(
        select(PostRevision).where(PostRevision.post_id == post.id)
        .options(selectinload(PostRevision.editor)).order_by(PostRevision.created_at.desc(), PostRevision.id.desc())
    ))
