"""Every page answers in a number of SQL queries that does not grow with what it shows."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.posts.models import Post, Topic

from .support import count_queries


@pytest.fixture
def app_config(app_config):
    # 50 posts on one page, so that "5 posts" and "50 posts" are really both on the page.
    return {**app_config, "POSTS_PER_PAGE": 50}


def _queries_for(browser, path: str) -> list[str]:
    browser.get(path)  # warm-up: first-request work (caches, guard settings) is not what we measure
    with count_queries() as statements:
        response = browser.get(path)
    assert response.status_code == 200, path
    return statements


def _thread(make, group, authors, posts: int, title: str) -> Topic:
    """A thread whose posts come from many authors, some edited, hidden and deleted."""
    topic = make.topic(group, authors[0], title=title, body="Opening post")
    for number in range(2, posts + 1):
        make.reply(topic, authors[number % len(authors)], body=f"Reply {number} mentioning @nobody")
    replies = list(db.session.scalars(select(Post).where(Post.topic_id == topic.id, Post.number > 1)))
    for index, post in enumerate(replies):
        if index % 7 == 1:
            post.edited_at, post.edit_count = post.created_at, 1
        if index % 11 == 2:
            post.hidden, post.hidden_reason = True, "moderator"
        if index % 13 == 3:
            post.deleted_at, post.deleted_by_id = post.created_at, post.author_id
    db.session.commit()
    return topic


@pytest.mark.parametrize("viewer", ["member", "moderator"])
def test_topic_page_queries_do_not_grow_with_posts(make, login, viewer):
    authors = [make.user(f"Author {index}") for index in range(12)]
    moderator = make.user("Moderator")
    group = make.group(members=authors, moderators=[moderator])
    small = _thread(make, group, authors, 5, "Small thread")
    large = _thread(make, group, authors, 50, "Large thread")
    browser = login(moderator if viewer == "moderator" else authors[0])

    few = _queries_for(browser, f"/g/{group.slug}/t/{small.id}")
    many = _queries_for(browser, f"/g/{group.slug}/t/{large.id}")
    assert len(few) == len(many), "\n".join(many)
    page = browser.get(f"/g/{group.slug}/t/{large.id}").get_data(as_text=True)
    assert page.count('<article class="post') == 50


def test_group_page_queries_do_not_grow_with_topics(make, login):
    authors = [make.user(f"Author {index}") for index in range(10)]
    few_group = make.group(members=authors)
    many_group = make.group(members=authors)
    for index in range(5):
        make.topic(few_group, authors[index % 10], title=f"Few {index}")
    for index in range(30):
        topic = make.topic(many_group, authors[index % 10], title=f"Many {index}")
        if index % 4 == 0:
            db.session.get(Topic, topic.id).pinned = True
    db.session.commit()
    browser = login(authors[0])
    few = _queries_for(browser, f"/g/{few_group.slug}")
    many = _queries_for(browser, f"/g/{many_group.slug}")
    assert len(few) == len(many), "\n".join(many)
    assert browser.get(f"/g/{many_group.slug}").get_data(as_text=True).count('class="topic-title"') == 30


def test_dashboard_queries_do_not_grow_with_groups(make, login):
    def dashboard_queries(groups: int) -> list[str]:
        reader = make.user(f"Reader of {groups}")
        writer = make.user(f"Writer for {groups}")
        for index in range(groups):
            group = make.group(members=[reader, writer])
            make.topic(group, writer, title=f"News {groups}-{index}", replies=2)
        for index in range(groups):  # listed groups the reader may ask to join
            make.group(visibility="listed")
        browser = login(reader)
        statements = _queries_for(browser, "/")
        page = browser.get("/").get_data(as_text=True)
        assert all(f"News {groups}-{index}" in page for index in range(groups))
        return statements

    one = dashboard_queries(1)
    five = dashboard_queries(5)
    assert len(one) == len(five), "\n".join(five)
