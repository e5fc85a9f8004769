"""A notification is checked against the reader's read scope whenever it is read: once the post it is about was
hidden, held, deleted or redacted, or its topic held, or the reader left the group, it no longer names or links
the post (a neutral line, or nothing), on the page, when opened and in the digest; within the page's budget."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import delete, select, update

from forum.db_types import utcnow
from forum.extensions import db
from forum.groups.models import Membership
from forum.notifications.models import Notification
from forum.posts.models import Post, PostRevision, Topic

from ..core.support import count_queries

GONE = "This notification was about something that is no longer available."


def _world(make, login):
    starter, colleague = make.user("Dr. Starter"), make.user("Dr. Colleague")
    group = make.group("Nephrology", members=[starter, colleague])
    topic = make.topic(group, starter, title="Heparin bridging", body="How do you bridge?")
    response = login(colleague).post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "We use enoxaparin."})
    assert response.status_code == 302
    reply = db.session.scalar(select(Post).where(Post.topic_id == topic.id, Post.number == 2))
    return starter, colleague, group, topic, reply


def _hide(reply, topic, starter):
    db.session.execute(update(Post).where(Post.id == reply.id).values(hidden=True, hidden_reason="held"))


def _delete(reply, topic, starter):
    db.session.execute(update(Post).where(Post.id == reply.id).values(deleted_at=utcnow()))


def _redact(reply, topic, starter):
    db.session.add(PostRevision(post_id=reply.id, editor_id=starter.id, body_source="", reason="patient data",
                                redacted=True))


def _hold_topic(reply, topic, starter):
    db.session.execute(update(Topic).where(Topic.id == topic.id).values(hidden=True, author_id=None))


CHANGES = {"hidden": _hide, "deleted": _delete, "redacted": _redact, "topic held": _hold_topic}


def test_an_untouched_notification_names_and_links_its_post(make, login):
    starter, _colleague, group, topic, reply = _world(make, login)
    browser = login(starter)
    page = browser.get("/notifications").get_data(as_text=True)
    assert "Dr. Colleague replied to “Heparin bridging”" in page and GONE not in page
    [action] = re.findall(r'action="(/notifications/\d+/open)"', page)
    assert browser.post(action).headers["Location"].endswith("#post-2")


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_notification_about_a_post_no_longer_shown_neither_names_nor_links_it(make, login, change):
    starter, _colleague, group, topic, reply = _world(make, login)
    CHANGES[change](reply, topic, starter)
    db.session.commit()
    browser = login(starter)
    page = browser.get("/notifications").get_data(as_text=True)
    assert GONE in page
    assert "Heparin bridging" not in page and "#post-2" not in page
    # Opening it marks it read and leads back to the list, not to the post.
    [action] = re.findall(r'action="(/notifications/\d+/open)"', page)
    response = browser.post(action)
    assert response.status_code == 302 and response.headers["Location"].endswith("/notifications")
    # Read later: still neutral, no link.
    page = browser.get("/notifications").get_data(as_text=True)
    assert GONE in page and "#post-2" not in page and "Heparin bridging" not in page


def test_the_author_of_a_hidden_post_is_still_led_to_it(make, login):
    """The read scope, not a blanket rule: a moderator's note about the author's own held post still links it."""
    starter, colleague, group, topic, reply = _world(make, login)
    db.session.add(Notification(user_id=colleague.id, kind="moderation", key="post.released", params={"reason": ""},
                                audience="subject", group_id=group.id, topic_id=topic.id, legacy_message="",
                                link=f"/g/{group.slug}/t/{topic.id}#post-2"))
    _hide(reply, topic, starter)
    db.session.commit()
    page = login(colleague).get("/notifications").get_data(as_text=True)
    assert GONE not in page and "Heparin bridging" in page


def test_a_reader_who_left_the_group_no_longer_sees_its_notifications(make, login):
    starter, _colleague, group, topic, reply = _world(make, login)
    db.session.execute(delete(Membership).where(Membership.user_id == starter.id, Membership.group_id == group.id))
    db.session.commit()
    page = login(starter).get("/notifications").get_data(as_text=True)
    assert "Heparin bridging" not in page and "#post-2" not in page


def test_checking_the_targets_keeps_the_page_within_a_constant_budget(make, login):
    starter, colleague, group, topic, reply = _world(make, login)
    browser = login(starter)
    few = _statements(browser)
    other = make.topic(group, starter, title="Another question")
    for index in range(4):
        assert login(colleague).post(f"/g/{group.slug}/t/{other.id}/reply",
                                     data={"body": f"Answer {index}"}).status_code == 302
    _hide(reply, topic, starter)
    db.session.commit()
    assert _statements(browser) == few <= 8


def _statements(browser) -> int:
    browser.get("/notifications")
    with count_queries() as statements:
        assert browser.get("/notifications").status_code == 200
    return len(statements)


def test_a_report_outcome_still_names_its_topic_after_the_post_was_hidden(make, login):
    """The reporter is told what happened to the post: its being hidden is the news, not a reason for silence."""
    from forum.notifications.services import notify

    starter, colleague, group, topic, reply = _world(make, login)
    _hide(reply, topic, starter)
    notify(starter.id, "moderation", "report.hidden", params={"topic": topic.title}, topic=topic,
           link=f"/g/{group.slug}/t/{topic.id}#post-2")
    db.session.commit()
    page = login(starter).get("/notifications").get_data(as_text=True)
    assert "Moderators reviewed the post you reported in “Heparin bridging” and hid the post." in page
    # the reply notification about the same post, now hidden, stays neutral
    assert GONE in page
