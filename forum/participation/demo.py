"""Read state for the demo: members have read most of what was written, and the newest posts of each group's two
most active topics are still unread for them, so that anyone signing in to the demo sees unread topics on the
home page ("Unread for you", "What's new since your last visit") and a topic that opens at its first unread post."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Membership
from ..posts.models import Post, Topic
from .models import TopicRead

# Per group, by latest activity: the newest topic has this many unread posts for each member, the next one
# fewer; older topics are read to the end. A member's own post counts as read (they wrote it).
UNREAD_TAILS = (3, 1)


def seed_read_state(users) -> int:
    """Writes each demo member's read marks and last visits; returns the number of read marks."""
    db.session.flush()
    user_ids = {user.id for user in users}
    memberships = list(db.session.scalars(select(Membership).where(Membership.user_id.in_(user_ids))))
    group_ids = {membership.group_id for membership in memberships}
    topics = list(db.session.scalars(select(Topic).where(Topic.group_id.in_(group_ids))
                                     .order_by(Topic.group_id, Topic.last_activity_at.desc(), Topic.id.desc())))
    posts = list(db.session.scalars(select(Post).where(Post.topic_id.in_([topic.id for topic in topics]))))
    by_topic: dict[int, list[Post]] = {}
    for post in posts:
        by_topic.setdefault(post.topic_id, []).append(post)
    rank: dict[int, int] = {}
    seen_in_group: dict[int, int] = {}
    for topic in topics:
        rank[topic.id] = seen_in_group.get(topic.group_id, 0)
        seen_in_group[topic.group_id] = rank[topic.id] + 1

    now = utcnow()
    marks = 0
    for membership in memberships:
        first_unread_at = None
        for topic in (topic for topic in topics if topic.group_id == membership.group_id):
            topic_posts = sorted(by_topic.get(topic.id, []), key=lambda post: post.number)
            if not topic_posts:
                continue
            tail = UNREAD_TAILS[rank[topic.id]] if rank[topic.id] < len(UNREAD_TAILS) else 0
            read_to = max(0, topic_posts[-1].number - tail)
            own = [post.number for post in topic_posts if post.author_id == membership.user_id]
            read_to = max([read_to] + own)
            if read_to:
                db.session.add(TopicRead(user_id=membership.user_id, topic_id=topic.id, last_read_number=read_to,
                                         updated_at=now))
                marks += 1
            unread = [post.created_at for post in topic_posts if post.number > read_to]
            if unread and (first_unread_at is None or min(unread) < first_unread_at):
                first_unread_at = min(unread)
        # The last visit was just before the first post they have not read (members joined before the threads).
        membership.joined_at = min(membership.joined_at or now, now - timedelta(days=30))
        membership.last_visit_at = (first_unread_at - timedelta(minutes=1)) if first_unread_at else now
    db.session.flush()
    return marks
