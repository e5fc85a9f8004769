"""Read tracking per topic and member, through HTTP: unread counts, opening at the first unread post,
page labels that match the thread's order, and permalinks that open the right page."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.participation.models import TopicRead
from forum.posts.models import Post

from ..core.support import count_queries


@pytest.fixture
def app_config(app_config):
    return {**app_config, "POSTS_PER_PAGE": 5}


def _world(personas, make):
    """The persona world's author and bystander (the reader), in a new group the world's owner runs."""
    author, reader = personas.author, personas.bystander
    group = make.group("Nephrology", owner=personas.owner, members=[author, reader])
    topic = make.topic(group, author, title="Heparin bridging", body="How do you bridge?")
    return author, reader, group, topic


def _read_mark(user, topic):
    return db.session.scalar(select(TopicRead.last_read_number).where(TopicRead.user_id == user.id,
                                                                      TopicRead.topic_id == topic.id))


def test_group_page_shows_unread_counts_that_reading_clears(personas, make, login):
    author, reader, group, topic = _world(personas, make)
    make.reply(topic, author, body="Second")
    browser = login(reader)
    listing = browser.get(f"/g/{group.slug}").get_data(as_text=True)
    assert "2 unread" in listing  # never opened: every post is new to the reader

    assert browser.get(f"/g/{group.slug}/t/{topic.id}").status_code == 200
    assert _read_mark(reader, topic) == 2
    assert "unread" not in browser.get(f"/g/{group.slug}").get_data(as_text=True).replace("unread-count", "")

    make.reply(topic, author, body="Third")
    make.reply(topic, author, body="Fourth")
    assert "2 unread" in browser.get(f"/g/{group.slug}").get_data(as_text=True)


def test_unread_counts_leave_out_hidden_and_deleted_posts(personas, make, login):
    author, reader, group, topic = _world(personas, make)
    login(reader).get(f"/g/{group.slug}/t/{topic.id}")
    hidden = make.reply(topic, author, body="Hidden by a moderator")
    deleted = make.reply(topic, author, body="Deleted")
    make.reply(topic, author, body="Visible")
    db.session.get(Post, hidden.id).hidden = True
    db.session.get(Post, deleted.id).deleted_at = db.session.get(Post, deleted.id).created_at
    db.session.commit()
    listing = login(reader).get(f"/g/{group.slug}").get_data(as_text=True)
    assert "1 unread" in listing and "3 unread" not in listing


def test_topic_opens_at_the_first_unread_post_on_its_page(personas, make, login):
    author, reader, group, topic = _world(personas, make)
    for number in range(2, 8):
        make.reply(topic, author, body=f"Reply {number}")
    browser = login(reader)
    path = f"/g/{group.slug}/t/{topic.id}"
    assert browser.get(path).status_code == 200  # never opened: page 1
    assert _read_mark(reader, topic) == 5  # the first page holds posts 1 to 5

    response = browser.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{path}?page=2#post-6")
    page = browser.get(f"{path}?page=2").get_data(as_text=True)
    assert 'data-first-unread="6"' in page and 'class="post first-unread' in page
    assert _read_mark(reader, topic) == 7

    # Everything read: the topic opens at its last post
    assert browser.get(path).headers["Location"].endswith(f"{path}?page=2#post-7")


def test_first_unread_on_the_first_page_is_marked_without_a_redirect(personas, make, login):
    author, reader, group, topic = _world(personas, make)
    browser = login(reader)
    path = f"/g/{group.slug}/t/{topic.id}"
    browser.get(path)
    make.reply(topic, author, body="News")
    response = browser.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'data-first-unread="2"' in html and 'href="#post-2">First unread post' in html


def test_reading_an_old_page_again_writes_nothing(personas, make, login):
    author, reader, group, topic = _world(personas, make)
    for number in range(2, 8):
        make.reply(topic, author, body=f"Reply {number}")
    browser = login(reader)
    path = f"/g/{group.slug}/t/{topic.id}"
    browser.get(f"{path}?page=2")
    assert _read_mark(reader, topic) == 7
    with count_queries() as statements:
        assert browser.get(f"{path}?page=1").status_code == 200
    writes = [s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE")) and "topic_reads" in s]
    assert writes == []
    assert _read_mark(reader, topic) == 7
    assert db.session.scalar(select(func.count(TopicRead.id))) == 1


def test_replying_marks_the_thread_read_up_to_my_reply(personas, make, login):
    author, reader, group, topic = _world(personas, make)
    make.reply(topic, author, body="Second")
    browser = login(reader)
    response = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "My answer"})
    assert response.status_code == 302
    assert _read_mark(reader, topic) == 3


def test_page_labels_follow_the_thread_order_and_jump_to_last(personas, make, login):
    author, reader, group, topic = _world(personas, make)
    for number in range(2, 12):
        make.reply(topic, author, body=f"Reply {number}")
    browser = login(reader)
    html = browser.get(f"/g/{group.slug}/t/{topic.id}?page=2").get_data(as_text=True)
    assert f'page=1" rel="prev">← Earlier posts' in html
    assert f'page=3" rel="next">Later posts →' in html
    assert "Older →" not in html and "← Newer" not in html
    assert f'href="/g/{group.slug}/t/{topic.id}?page=3#post-11">Jump to the last post' in html


def test_permalink_of_a_post_opens_its_page(personas, make, login):
    author, reader, group, topic = _world(personas, make)
    posts = [make.reply(topic, author, body=f"Reply {number}") for number in range(2, 9)]
    browser = login(reader)
    target = posts[-2]  # post 7, on page 2
    page = browser.get(f"/g/{group.slug}/t/{topic.id}?page=2").get_data(as_text=True)
    assert f'href="/posts/{target.id}"' in page
    response = browser.get(f"/posts/{target.id}")
    assert response.headers["Location"].endswith(f"/g/{group.slug}/t/{topic.id}?page=2#post-7")
    assert "Reply 7" in browser.get(response.headers["Location"]).get_data(as_text=True)
