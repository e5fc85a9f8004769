"""Read state per topic and member: where a topic opens, and how many posts are unread in topic lists."""
from __future__ import annotations

from sqlalchemy import and_, false, func, literal, or_, select
from sqlalchemy.exc import IntegrityError

from .. import policy
from ..db_types import UTCDateTime, utcnow
from ..extensions import db
from ..posts.models import Post
from ..urls import page_of
from ..request_cache import cached
from ..urls import link_to
from .models import GroupWatch, TopicRead, TopicWatch, WatchLevel


def last_read(user, topic) -> int | None:
    """The highest post number the member has been shown in this topic, or None if never opened."""
    if not getattr(user, "is_authenticated", False):
        return None
    return cached(f"_last_read_{topic.id}", lambda: db.session.scalar(
        select(TopicRead.last_read_number).where(TopicRead.user_id == user.id, TopicRead.topic_id == topic.id)))


def last_read_column(user, topic_id_column):
    """The member's read mark as a column of a topic query (None for a member who never opened it), so that
    a page loading its topic learns the mark in the same statement; pass the value to remember_last_read."""
    return (select(TopicRead.last_read_number)
            .where(TopicRead.user_id == user.id, TopicRead.topic_id == topic_id_column).scalar_subquery())


def remember_last_read(topic, number: int | None) -> None:
    cached(f"_last_read_{topic.id}", lambda: number)


def first_unread(user, topic) -> int | None:
    """The number of the first post the member has not seen, or None when there is none (or never opened)."""
    number = last_read(user, topic)
    if number is None or number >= topic.post_count:
        return None
    return number + 1


def opening_link(user, topic) -> str | None:
    """Where a topic opened without a page number should go, when that is not its first page: the first
    unread post, or the last post once everything is read."""
    number = last_read(user, topic)
    if number is None:
        return None
    target = min(number + 1, topic.post_count)
    page = page_of(target)
    if page == 1:
        return None  # the first page is served as asked; the page scrolls to the first unread post itself
    return link_to("posts.topic", slug=topic.group.slug, topic_id=topic.id, page=page) + f"#post-{target}"


def last_post_link(topic) -> str:
    page = page_of(topic.post_count)
    values = {"page": page} if page > 1 else {}
    return link_to("posts.topic", slug=topic.group.slug, topic_id=topic.id, **values) + f"#post-{topic.post_count}"


def record_read(user, topic, up_to_number: int) -> bool:
    """Moves the member's read mark forward to `up_to_number`; writes nothing when it would not move.
    Returns whether something was written (the caller commits)."""
    current = last_read(user, topic)
    if current is not None and current >= up_to_number:
        return False
    try:
        with db.session.begin_nested():
            if current is None:
                db.session.add(TopicRead(user_id=user.id, topic_id=topic.id, last_read_number=up_to_number))
            else:
                db.session.execute(
                    TopicRead.__table__.update()
                    .where(TopicRead.user_id == user.id, TopicRead.topic_id == topic.id,
                           TopicRead.last_read_number < up_to_number)
                    .values(last_read_number=up_to_number, updated_at=utcnow()))
    except IntegrityError:
        return False  # another tab of the same member recorded it first
    return True  # the request keeps the mark it started with: the page shows what was unread on arrival


def read_own(user, post):
    """The author has read the thread up to the post they just wrote; returns the post."""
    if post is not None:
        record_read(user, post.topic, post.number)
    return post


def record_page_read(user, topic, page) -> bool:
    if not page.items:
        return False
    return record_read(user, topic, max(post.number for post in page.items))


def unread_counts(user, topics) -> dict[int, int]:
    """Unread posts per topic for a list of topics, in one query: posts after the member's read mark that the
    member may see (not deleted; hidden ones only for their author and the group's moderators)."""
    topics = list(topics)
    if not topics or not getattr(user, "is_authenticated", False):
        return {}
    groups = {topic.group_id: topic for topic in topics}  # the policy is asked once per group, not per row
    moderating = {group_id for group_id, topic in groups.items() if policy.can_moderate(user, topic.group)}
    moderated = {topic.id for topic in topics if topic.group_id in moderating}
    visible = and_(Post.deleted_at.is_(None),
                   or_(Post.hidden.is_(False), Post.author_id == user.id,
                       Post.topic_id.in_(moderated) if moderated else false()))
    rows = db.session.execute(
        select(Post.topic_id, func.count(Post.id))
        .outerjoin(TopicRead, and_(TopicRead.topic_id == Post.topic_id, TopicRead.user_id == user.id))
        .where(Post.topic_id.in_([topic.id for topic in topics]), visible,
               Post.number > func.coalesce(TopicRead.last_read_number, 0))
        .group_by(Post.topic_id)
    ).all()
    return {topic_id: count for topic_id, count in rows}


def unread_in(user, topic, topics) -> int:
    """The unread count of one row of a topic list, computed for the whole list once per request."""
    key = "_unread_" + "_".join(str(t.id) for t in topics)
    return cached(key, lambda: unread_counts(user, topics)).get(topic.id, 0)



def needs_me(user, limit: int = 20) -> list[tuple]:
    """"What needs me": topics with posts I have not read, across every group I read, those that mention or
    answer me first, then by latest activity. Rows of (topic, unread count, for_me). A fixed number of queries
    whatever the number of groups, topics and posts."""
    from sqlalchemy.orm import selectinload

    from ..notifications.models import Notification
    from ..posts.models import Topic

    if not policy.is_verified(user):
        return []
    readable = policy.scopes.readable_group_ids_query(user)
    staff = policy.scopes.staff_group_ids_query(user.id) if not policy.is_admin(user) else select(Topic.group_id)
    muted = muted_topic_condition(user, Topic)
    for_me = (select(Notification.topic_id).where(Notification.user_id == user.id, Notification.read_at.is_(None),
                                                  Notification.kind.in_(("reply", "mention")),
                                                  Notification.topic_id.is_not(None)))
    flag = Topic.id.in_(for_me)
    # Candidates from the topics alone (a post numbered past the member's read mark exists), in the list's order:
    # counting posts is left to these few, so the page does not grow with the number of posts. Twice the rows
    # shown, since a topic whose only unread posts are hidden from the member drops out when counted.
    candidates = (
        select(Topic.id.label("topic_id"), flag.label("for_me"))
        .outerjoin(TopicRead, and_(TopicRead.topic_id == Topic.id, TopicRead.user_id == user.id))
        .where(Topic.group_id.in_(readable), ~muted,
               or_(Topic.hidden.is_(False), Topic.author_id == user.id, Topic.group_id.in_(staff)),
               Topic.post_count > func.coalesce(TopicRead.last_read_number, 0))
        .order_by(flag.desc(), Topic.last_activity_at.desc(), Topic.id.desc()).limit(limit * 2).subquery())
    unread = (
        select(Post.topic_id.label("topic_id"), func.count(Post.id).label("unread"))
        .join(candidates, candidates.c.topic_id == Post.topic_id)
        .join(Topic, Topic.id == Post.topic_id)
        .outerjoin(TopicRead, and_(TopicRead.topic_id == Post.topic_id, TopicRead.user_id == user.id))
        .where(Post.deleted_at.is_(None),
               or_(Post.hidden.is_(False), Post.author_id == user.id, Topic.group_id.in_(staff)),
               Post.number > func.coalesce(TopicRead.last_read_number, 0))
        .group_by(Post.topic_id).subquery())
    rows = db.session.execute(
        select(Topic, unread.c.unread, candidates.c.for_me)
        .join(candidates, candidates.c.topic_id == Topic.id)
        .join(unread, unread.c.topic_id == Topic.id)
        .options(selectinload(Topic.group))
        .order_by(candidates.c.for_me.desc(), Topic.last_activity_at.desc(), Topic.id.desc()).limit(limit)
    ).all()
    return [(topic, count, bool(mine)) for topic, count, mine in rows]


def muted_topic_condition(user, Topic):
    """SQL: the topic is muted for the member (by its own level, or by its group's when it has none that
    speaks). Muted topics are left out of "what needs me", as they notify nothing."""
    own = select(TopicWatch.topic_id).where(TopicWatch.user_id == user.id, TopicWatch.level == WatchLevel.MUTED)
    speaking = select(TopicWatch.topic_id).where(TopicWatch.user_id == user.id,
                                                 TopicWatch.level.in_((WatchLevel.WATCHING, WatchLevel.TRACKING)))
    muted_groups = select(GroupWatch.group_id).where(GroupWatch.user_id == user.id,
                                                     GroupWatch.level == WatchLevel.MUTED)
    return or_(Topic.id.in_(own), and_(Topic.group_id.in_(muted_groups), Topic.id.not_in(speaking)))


def mark_all_read(actor, group=None) -> None:
    """Moves the actor's read mark to the end of every topic they can read (in one group, or everywhere): two
    statements whatever the number of topics."""
    from ..posts.models import Topic

    groups = policy.scopes.readable_group_ids_query(actor)
    topic_ids = select(Topic.id).where(Topic.group_id.in_(groups))
    if group is not None:
        topic_ids = topic_ids.where(Topic.group_id == group.id)
    db.session.execute(TopicRead.__table__.delete().where(TopicRead.user_id == actor.id,
                                                          TopicRead.topic_id.in_(topic_ids)))
    source = select(literal(actor.id), Topic.id, Topic.post_count, literal(utcnow(), UTCDateTime)).where(
        Topic.id.in_(topic_ids))
    db.session.execute(TopicRead.__table__.insert().from_select(
        ["user_id", "topic_id", "last_read_number", "updated_at"], source))
