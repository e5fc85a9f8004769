"""Feature demos that the base demo (forum/demo.py) does not know about: called once, after the
groups, members and threads exist. Each feature adds its own function and one call below."""
from __future__ import annotations

from sqlalchemy import select


def seed_extras(users, groups) -> None:
    _seed_open_report(users, groups)
    _seed_read_state(users)


def _seed_read_state(users) -> None:
    """Unread topics for every demo member, so that the home page shows what is new for them."""
    from .participation.demo import seed_read_state

    seed_read_state(list(users.values()))


def _seed_open_report(users, groups) -> None:
    """An open misinformation report, so that the moderators' review queue is not empty."""
    from .extensions import db
    from .moderation.reports import file_report
    from .posts.models import Post, Topic

    group = groups.get("cardiology-round")
    if group is None:
        return
    post = db.session.scalar(
        select(Post).join(Topic, Topic.id == Post.topic_id)
        .where(Topic.group_id == group.id, Post.body_source.contains("POPular TAVI"))
    )
    if post is None:
        return
    candidates = ["pharmacist@demo.konsil.example", "physio@demo.konsil.example", "gp@demo.konsil.example"]
    reporter = next((users[email] for email in candidates if email in users and users[email].id != post.author_id), None)
    if reporter is None:
        return
    file_report(reporter, post, reason="misinformation",
                details="POPular TAVI cohort A compared aspirin alone with aspirin plus clopidogrel; "
                        "the post reads as if it covered anticoagulated patients too. Could the author add the reference?")
