""""Source requested": a member asks the author of a post for the source of a clinical claim in it. Lighter
than a misinformation report (which stays for harmful claims): the author is told, the post shows "source
requested" until the author edits in a reference or a moderator resolves it, and requests nobody answered
within ESCALATE_AFTER go to the group's moderators (through the daily command).

What counts as a reference, one clear rule: the edit adds a web link (http or https), a DOI (10.1234/...)
or a PubMed id (PMID 12345678) that the text did not have before."""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .. import audit, policy
from ..core.errors import DomainError
from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Group
from ..posts.models import Post, Topic
from ..urls import post_link
from .models import SourceRequest, SourceRequestState
from .notify import notify_member

ESCALATE_AFTER = timedelta(days=7)
NOTE_MAX = 500

SOURCE_REASONS = {
    "no_source": _l("A clinical claim has no source"),
    "dose": _l("A dose, rate or number needs a reference"),
    "guideline": _l("It seems to differ from a current guideline"),
    "outdated": _l("The evidence may be out of date"),
}

_LINK = re.compile(r"https?://[^\s<>()\[\]\"']+", re.IGNORECASE)
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s<>()\[\]\"']+", re.IGNORECASE)
_PMID = re.compile(r"\bPMID:?\s*([0-9]{4,9})\b", re.IGNORECASE)


class SourceRequestError(DomainError):
    pass


def references_in(text: str) -> set[str]:
    """The links, DOIs and PubMed ids in a text, normalised so that the same reference compares equal."""
    text = text or ""
    found = {match.group(0).rstrip(".,;:").lower() for match in _LINK.finditer(text)}
    found |= {"doi:" + match.group(0).rstrip(".,;:").lower() for match in _DOI.finditer(text)}
    found |= {"pmid:" + match.group(1) for match in _PMID.finditer(text)}
    return found


def adds_reference(old_text: str, new_text: str) -> bool:
    return bool(references_in(new_text) - references_in(old_text))


def open_requests(post: Post) -> list[SourceRequest]:
    return list(db.session.scalars(select(SourceRequest).where(SourceRequest.post_id == post.id,
                                                               SourceRequest.state == SourceRequestState.OPEN)
                                   .order_by(SourceRequest.created_at)))


def request_source(member, post: Post, *, reason: str, note: str = "") -> SourceRequest:
    """The member asks for the source; the author is told (not who asked: a question, not an accusation)."""
    if reason not in SOURCE_REASONS:
        raise SourceRequestError(_("Please choose what the source is needed for."), "reason")
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise SourceRequestError(_("Keep the note to %(limit)s characters.", limit=NOTE_MAX), "note")
    if any(request.requester_id == member.id for request in open_requests(post)):
        raise SourceRequestError(_("You already asked for the source of this post; the author has been told."))
    request = SourceRequest(post_id=post.id, requester_id=member.id, reason=reason, note=note,
                            state=SourceRequestState.OPEN, created_at=utcnow())
    db.session.add(request)
    db.session.flush()
    if post.author_id and post.author_id != member.id:
        notify_member(post.author_id, "source_request", "source_request.asked", topic=post.topic,
                      params={"reason": reason}, link=post_link(post))
    return request


def answer_by_edit(sender, editor, post: Post, old_source: str, **extra) -> int:
    """The author's edit added a reference: every open request on the post is answered and its requester told.
    Connected to the post_edited signal."""
    if editor is None or editor.id != post.author_id or not adds_reference(old_source, post.body_source):
        return 0
    return _close(open_requests(post), SourceRequestState.ANSWERED, editor, notify_key="source_request.answered")


def resolve(moderator, post: Post, reason: str = "") -> int:
    """A moderator closes the open requests on a post (answered in the thread, or not a clinical claim)."""
    requests = open_requests(post)
    if not requests:
        raise SourceRequestError(_("There is no open source request on this post."))
    closed = _close(requests, SourceRequestState.RESOLVED, moderator, notify_key="source_request.resolved")
    audit.record(moderator, "post:source_request:resolve", target_type="post", target_id=post.id,
                 target_label=post.topic.title, subject_user=post.author, group_id=post.topic.group_id,
                 reason=(reason or "").strip()[:500], details={"requests": closed})
    return closed


def _close(requests: list[SourceRequest], state: str, actor, *, notify_key: str) -> int:
    now = utcnow()
    for request in requests:
        request.state, request.closed_at, request.closed_by_id = state, now, actor.id
        if request.requester_id and request.requester_id != actor.id:
            notify_member(request.requester_id, "source_request", notify_key, topic=request.post.topic,
                          link=post_link(request.post))
    db.session.flush()
    return len(requests)


def escalate_unanswered(now=None) -> int:
    """Requests open for ESCALATE_AFTER go to the group's moderators: marked, logged, and each moderator told
    once per post. Run by the daily command; a request is escalated once."""
    now = now or utcnow()
    due = list(db.session.scalars(
        select(SourceRequest).where(SourceRequest.state == SourceRequestState.OPEN,
                                    SourceRequest.escalated_at.is_(None),
                                    SourceRequest.created_at <= now - ESCALATE_AFTER)
        .options(selectinload(SourceRequest.post).selectinload(Post.topic).selectinload(Topic.group))
        .order_by(SourceRequest.post_id, SourceRequest.created_at)))
    by_post: dict[int, list[SourceRequest]] = defaultdict(list)
    for request in due:
        request.escalated_at = now
        by_post[request.post_id].append(request)
    for requests in by_post.values():
        post = requests[0].post
        if post.deleted_at is not None:
            continue
        audit.record(None, "post:source_request:escalate", target_type="post", target_id=post.id,
                     target_label=post.topic.title, subject_user=post.author, group_id=post.topic.group_id,
                     details={"requests": len(requests), "days": ESCALATE_AFTER.days})
        for moderator_id in db.session.scalars(policy.scopes.staff_member_ids_query(post.topic.group_id)):
            notify_member(moderator_id, "source_request", "source_request.escalated", topic=post.topic,
                          params={"days": ESCALATE_AFTER.days}, link=post_link(post))
    db.session.flush()
    return len(due)


def open_requests_in_topic(topic_id: int) -> dict[int, list[SourceRequest]]:
    """Post id -> its open requests, for one topic page: one query whatever the number of posts."""
    found: dict[int, list[SourceRequest]] = defaultdict(list)
    for request in db.session.scalars(
            select(SourceRequest).join(Post, Post.id == SourceRequest.post_id)
            .where(Post.topic_id == topic_id, SourceRequest.state == SourceRequestState.OPEN)
            .order_by(SourceRequest.created_at)):
        found[request.post_id].append(request)
    return found


def escalated_in_group(group: Group) -> list[SourceRequest]:
    """Unanswered requests past ESCALATE_AFTER on the group's live posts, oldest first: the moderators' list."""
    return list(db.session.scalars(
        select(SourceRequest).join(Post, Post.id == SourceRequest.post_id).join(Topic, Topic.id == Post.topic_id)
        .where(Topic.group_id == group.id, SourceRequest.state == SourceRequestState.OPEN,
               SourceRequest.escalated_at.is_not(None), Post.deleted_at.is_(None))
        .options(selectinload(SourceRequest.post).selectinload(Post.topic),
                 selectinload(SourceRequest.post).selectinload(Post.author))
        .order_by(SourceRequest.created_at)))


def requests_for_export(user_id: int) -> list[dict]:
    """The source requests a member made, with their own reason and note."""
    return [{"post_id": r.post_id, "reason": r.reason, "note": r.note, "state": r.state,
             "created_at": r.created_at.isoformat(), "closed_at": r.closed_at.isoformat() if r.closed_at else None}
            for r in db.session.scalars(select(SourceRequest).where(SourceRequest.requester_id == user_id)
                                        .order_by(SourceRequest.id))]


def erase_requester(user_id: int) -> None:
    """An erased account's requests stay (the post keeps its badge) without who asked or their note."""
    for request in db.session.scalars(select(SourceRequest).where(SourceRequest.requester_id == user_id)):
        request.requester_id, request.note = None, ""
