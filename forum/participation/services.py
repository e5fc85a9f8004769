"""Reactions and bookmarks. Services take the acting member first and never commit."""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timezone

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import literal, null, select
from sqlalchemy.orm import selectinload

from .. import policy
from ..accounts.models import User
from ..db_types import utcnow
from ..extensions import db
from ..i18n import zone_of
from ..posts.models import Post, Topic
from .models import Bookmark, Reaction, ReactionKind, WatchLevel
from .notify import notify_member

REACTION_LABELS = {
    ReactionKind.HELPFUL: _l("Helpful"),
    ReactionKind.THANKS: _l("Thanks"),
    ReactionKind.SAME_EXPERIENCE: _l("Same experience"),
}

WATCH_LABELS = {
    WatchLevel.WATCHING: _l("Watching: every post notifies me"),
    WatchLevel.TRACKING: _l("Tracking: new posts counted"),
    WatchLevel.NORMAL: _l("Normal"),
    WatchLevel.MUTED: _l("Muted: nothing notifies me"),
}


class ParticipationError(Exception):
    """A request that the rules refuse; the message is shown to the member."""


def post_visible_to(user, post: Post) -> bool:
    """The one rule for every participation list (bookmarks, reminders, reactions): the group is readable, the
    topic is there for the reader, the post is live, and a hidden or held post only for its author and the
    group's moderators."""
    group = post.topic.group
    if post.deleted_at is not None or not policy.can_read_group(user, group):
        return False
    if not policy.can_see_topic(user, post.topic) or not policy.can_see_post(user, post):
        return False
    return not post.hidden or policy.can_see_hidden_post(user, post)


def can_react(user, post: Post) -> bool:
    """Members who may write in the group react to other people's visible posts."""
    return (post_visible_to(user, post) and policy.can_post_in(user, post.topic.group)
            and post.author_id != user.id)


def toggle_reaction(actor: User, post: Post, kind: str) -> bool:
    """Adds the reaction, or takes it back if the member had given it; returns whether it is now given."""
    if kind not in ReactionKind.ALL:
        raise ParticipationError(_("Choose one of the reactions offered."))
    if post.author_id == actor.id:
        raise ParticipationError(_("You cannot react to your own post."))
    existing = db.session.scalar(select(Reaction).where(Reaction.post_id == post.id, Reaction.user_id == actor.id,
                                                        Reaction.kind == kind))
    if existing is not None:
        db.session.delete(existing)
        db.session.flush()
        return False
    db.session.add(Reaction(post_id=post.id, user_id=actor.id, kind=kind))
    db.session.flush()
    return True


def reactions_in_topic(topic_id: int) -> dict[int, dict[str, list[tuple[int, str]]]]:
    """Every reaction in a topic, by post and kind, as (member id, name) -- one query for a whole page."""
    rows = db.session.execute(
        select(Reaction.post_id, Reaction.kind, User.id, User.display_name, User.deleted_at)
        .join(Post, Post.id == Reaction.post_id).join(User, User.id == Reaction.user_id)
        .where(Post.topic_id == topic_id).order_by(Reaction.created_at, Reaction.id)
    ).all()
    result: dict[int, dict[str, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
    for post_id, kind, user_id, name, deleted_at in rows:
        result[post_id][kind].append((user_id, _("former member") if deleted_at else name))
    return result


def reactions_and_bookmarks(user, post_ids) -> tuple[dict, set[int]]:
    """The reactions on these posts (as reactions_in_topic) and which of them the user bookmarked, in one
    statement: a page of a topic asks for its own posts only, however long the topic is."""
    ids = sorted({post_id for post_id in post_ids if post_id is not None})
    reactions: dict[int, dict[str, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
    if not ids:
        return reactions, set()
    given = (select(Reaction.post_id, Reaction.kind, User.id.label("user_id"), User.display_name,
                    User.deleted_at, Reaction.created_at, Reaction.id.label("row_id"), literal(0).label("bookmark"))
             .join(User, User.id == Reaction.user_id).where(Reaction.post_id.in_(ids)))
    marked = (select(Bookmark.post_id, null(), null(), null(), null(), null(), null(), literal(1))
              .where(Bookmark.user_id == getattr(user, "id", None), Bookmark.post_id.in_(ids)))
    union = given.union_all(marked).subquery()
    bookmarked = set()
    for post_id, kind, user_id, name, deleted_at, _created, _id, bookmark in db.session.execute(
            select(union).order_by(union.c.bookmark, union.c.created_at, union.c.row_id)):
        if bookmark:
            bookmarked.add(post_id)
        else:
            reactions[post_id][kind].append((user_id, _("former member") if deleted_at else name))
    return reactions, bookmarked


def parse_remind_at(actor, text: str | None, now: datetime | None = None) -> datetime | None:
    """`YYYY-MM-DDTHH:MM` (the browser's date-and-time field), on the clock of the member's own time zone;
    stored in UTC. Empty means no reminder."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ParticipationError(_("The reminder time is not a date and time, such as 2030-05-01T08:00.")) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone_of(actor))
    moment = moment.astimezone(timezone.utc)
    if moment <= (now or utcnow()):
        raise ParticipationError(_("The reminder time has passed already; choose a time in the future."))
    return moment


def bookmark_for(user, post: Post) -> Bookmark | None:
    return db.session.scalar(select(Bookmark).where(Bookmark.user_id == user.id, Bookmark.post_id == post.id))


def toggle_bookmark(actor: User, post: Post, remind_at: datetime | None = None) -> Bookmark | None:
    """Bookmarks the post (with an optional reminder), or removes the bookmark; returns the bookmark if now set."""
    existing = bookmark_for(actor, post)
    if existing is not None:
        db.session.delete(existing)
        db.session.flush()
        return None
    bookmark = Bookmark(user_id=actor.id, post_id=post.id, remind_at=remind_at)
    db.session.add(bookmark)
    db.session.flush()
    return bookmark


def bookmarked_post_ids(user, topic_id: int) -> set[int]:
    return set(db.session.scalars(select(Bookmark.post_id).join(Post, Post.id == Bookmark.post_id)
                                  .where(Bookmark.user_id == user.id, Post.topic_id == topic_id)))


def my_bookmarks(user) -> list[Bookmark]:
    """The member's bookmarks, newest first, leaving out every post the member may no longer see."""
    bookmarks = db.session.scalars(
        select(Bookmark).where(Bookmark.user_id == user.id)
        .options(selectinload(Bookmark.post).selectinload(Post.topic).selectinload(Topic.group),
                 selectinload(Bookmark.post).selectinload(Post.author))
        .order_by(Bookmark.created_at.desc(), Bookmark.id.desc())
    )
    return [bookmark for bookmark in bookmarks if post_visible_to(user, bookmark.post)]


def fire_due_reminders(now: datetime | None = None) -> int:
    """Notifies members of bookmarks whose reminder time has come (run by the daily command); a post the
    member can no longer see is passed over silently. Returns the number of reminders sent."""
    from ..urls import post_link

    now = now or utcnow()
    due = db.session.scalars(
        select(Bookmark).where(Bookmark.reminded_at.is_(None), Bookmark.remind_at.is_not(None),
                               Bookmark.remind_at <= now)
        .options(selectinload(Bookmark.post).selectinload(Post.topic).selectinload(Topic.group))
    ).all()
    owners = {user.id: user for user in db.session.scalars(select(User).where(User.id.in_({b.user_id for b in due})))}
    sent = 0
    for bookmark in due:
        bookmark.reminded_at = now
        owner = owners.get(bookmark.user_id)
        if owner is None or not post_visible_to(owner, bookmark.post):
            continue
        notify_member(owner.id, "bookmark_reminder", "bookmark.reminder", topic=bookmark.post.topic,
                      link=post_link(bookmark.post))
        sent += 1
    db.session.flush()
    return sent

