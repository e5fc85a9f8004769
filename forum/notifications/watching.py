"""Watching levels: who hears of a new post. A topic's own level wins; a topic without one (or set back to
`normal`) follows its group's level; a group without one is `normal`. Posting in a topic makes the author watch
it, unless they switched that off in their preferences or chose a level for the topic themselves.

Every notification sent from here still goes through notify(), which asks the policy whether the recipient
may be told about the group; the topic itself must be visible to them too (a hidden topic is not)."""
from __future__ import annotations

from sqlalchemy import select

from .. import policy
from ..accounts.models import User
from ..db_types import utcnow
from ..extensions import db
from ..participation.models import GroupWatch, TopicWatch, WatchLevel
from ..request_cache import cached
from ..urls import post_link
from . import preferences
from .mutes import muted_ids_among

# Kinds of notification that a muted topic or group silences.
SILENCED_BY_MUTE = ("reply", "mention", "new_topic")


def _effective(topic_level: str | None, group_level: str | None) -> str:
    if topic_level and topic_level != WatchLevel.NORMAL:
        return topic_level
    return group_level or WatchLevel.NORMAL


def topic_level(user, topic) -> tuple[str | None, str]:
    """(the member's own level for the topic or None, the level in force), in one query per page."""
    def load():
        row = db.session.execute(
            select(TopicWatch.level, GroupWatch.level)
            .select_from(User)
            .outerjoin(TopicWatch, (TopicWatch.user_id == User.id) & (TopicWatch.topic_id == topic.id))
            .outerjoin(GroupWatch, (GroupWatch.user_id == User.id) & (GroupWatch.group_id == topic.group_id))
            .where(User.id == user.id)).first()
        own, group = (row or (None, None))
        return own, _effective(own, group)
    return cached(f"_watch_topic_{topic.id}", load)


def group_level(user, group) -> str:
    return cached(f"_watch_group_{group.id}", lambda: db.session.scalar(
        select(GroupWatch.level).where(GroupWatch.user_id == user.id, GroupWatch.group_id == group.id))
        or WatchLevel.NORMAL)


def is_muted(user_id: int, topic) -> bool:
    """Whether the member muted the topic, or its group without giving the topic a level of its own."""
    row = db.session.execute(
        select(TopicWatch.level, GroupWatch.level)
        .select_from(User)
        .outerjoin(TopicWatch, (TopicWatch.user_id == User.id) & (TopicWatch.topic_id == topic.id))
        .outerjoin(GroupWatch, (GroupWatch.user_id == User.id) & (GroupWatch.group_id == topic.group_id))
        .where(User.id == user_id)).first()
    return row is not None and _effective(*row) == WatchLevel.MUTED


def watchers(topic) -> set[int]:
    """Members whose level in force for the topic is `watching`: two queries whatever their number."""
    own = dict(db.session.execute(select(TopicWatch.user_id, TopicWatch.level)
                                  .where(TopicWatch.topic_id == topic.id)).all())
    by_group = dict(db.session.execute(select(GroupWatch.user_id, GroupWatch.level)
                                       .where(GroupWatch.group_id == topic.group_id)).all())
    return {user_id for user_id in own.keys() | by_group.keys()
            if _effective(own.get(user_id), by_group.get(user_id)) == WatchLevel.WATCHING}


def set_topic_level(actor, topic, level: str) -> None:
    """The member's level for one topic; `normal` makes the topic follow the group again."""
    if level not in WatchLevel.ALL:
        raise ValueError(level)
    _upsert(TopicWatch, actor.id, "topic_id", topic.id, level)


def set_group_level(actor, group, level: str) -> None:
    if level not in WatchLevel.ALL:
        raise ValueError(level)
    _upsert(GroupWatch, actor.id, "group_id", group.id, level)


def _upsert(model, user_id: int, column: str, target_id: int, level: str) -> None:
    existing = db.session.scalar(select(model).where(model.user_id == user_id, getattr(model, column) == target_id))
    if existing is None:
        db.session.add(model(user_id=user_id, level=level, updated_at=utcnow(), **{column: target_id}))
    else:
        existing.level, existing.updated_at = level, utcnow()
    db.session.flush()


def watch_on_post(author, topic) -> None:
    """Posting in a topic makes the author watch it (a preference, on by default); a level the author chose for
    the topic stays as it is."""
    if not preferences.of(author.id).watch_on_post:
        return
    exists = db.session.scalar(select(TopicWatch.id).where(TopicWatch.user_id == author.id,
                                                           TopicWatch.topic_id == topic.id))
    if exists is None:
        db.session.add(TopicWatch(user_id=author.id, topic_id=topic.id, level=WatchLevel.WATCHING,
                                  updated_at=utcnow()))
        db.session.flush()


def notify_watchers(author, post, already_told: set[int]) -> int:
    """A new post became visible: every watcher hears of it once (a new topic as such, a reply as a reply), except
    its author, those already told (mentioned), those who muted the author or switched the kind off, and those who
    may not see the topic. Returns how many were notified."""
    from .services import notify

    topic = post.topic
    kind, key = ("new_topic", "topic.new") if post.number == 1 else ("reply", "reply")
    candidates = watchers(topic) - already_told - {author.id}
    if not candidates:
        return 0
    candidates -= muted_ids_among(candidates, author.id)
    candidates -= preferences.refusing(candidates, kind)
    users = db.session.scalars(select(User).where(User.id.in_(candidates))).all() if candidates else []
    told = 0
    for user in sorted(users, key=lambda u: u.id):
        if not policy.can_see_topic(user, topic) or not policy.can_see_post(user, post):
            continue
        if notify(user.id, kind, key, topic=topic, link=post_link(post), actor=author, checked=True) is not None:
            told += 1
    return told
