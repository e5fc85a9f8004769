"""Topic lists of 30 and threads of 20 a page, pinned topics first, unknown pages 404."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from forum.db_types import utcnow
from forum.extensions import db
from forum.posts.models import Topic

from .support import main_text


def _titles(html: str) -> list[str]:
    return re.findall(r'class="topic-title" href="[^"]+">([^<]+)</a>', html)


def _post_numbers(html: str) -> list[int]:
    return [int(number) for number in re.findall(r'<article class="post[^"]*" id="post-(\d+)"', html)]


@pytest.fixture
def busy_group(personas, make):
    """31 topics by the persona world's member, each active one minute after the previous, in a group the
    world's owner runs; the two oldest are pinned."""
    member = personas.member
    group = make.group(owner=personas.owner, members=[member])
    start = utcnow() - timedelta(days=1)
    for index in range(31):
        topic = make.topic(group, member, title=f"Topic {index:02d}")
        db.session.execute(update(Topic).where(Topic.id == topic.id)
                           .values(last_activity_at=start + timedelta(minutes=index), pinned=index < 2))
    db.session.commit()
    return group, member


def test_group_pages_hold_30_topics_pinned_first(busy_group, login):
    group, member = busy_group
    browser = login(member)
    first = browser.get(f"/g/{group.slug}")
    assert first.status_code == 200
    titles = _titles(first.get_data(as_text=True))
    assert len(titles) == 30
    # Pinned (the two oldest) on top, newest first among each.
    assert titles[:3] == ["Topic 01", "Topic 00", "Topic 30"]
    # The list pages by the row it follows (a cursor in the link), not by counting the rows before it.
    older = re.search(r'href="([^"]+)" rel="next"', first.get_data(as_text=True)).group(1).replace("&amp;", "&")
    assert "after=" in older and 'rel="prev"' not in first.get_data(as_text=True)
    following = browser.get(older)
    assert following.status_code == 200
    assert _titles(following.get_data(as_text=True)) == ["Topic 02"]
    assert 'rel="next"' not in following.get_data(as_text=True)
    newer = re.search(r'href="([^"]+)" rel="prev"', following.get_data(as_text=True)).group(1).replace("&amp;", "&")
    assert _titles(browser.get(newer).get_data(as_text=True)) == titles
    # Numbered pages (links shared before) still answer.
    second = browser.get(f"/g/{group.slug}?page=2")
    assert second.status_code == 200
    assert _titles(second.get_data(as_text=True)) == ["Topic 02"]
    assert set(titles) | {"Topic 02"} == {f"Topic {index:02d}" for index in range(31)}


@pytest.mark.parametrize("page", ["3", "0", "-1", "abc", "1.5", "99999999", ""])
def test_unknown_group_page_numbers_are_404(busy_group, login, page):
    group, member = busy_group
    assert login(member).get(f"/g/{group.slug}?page={page}").status_code == 404


def test_an_empty_group_has_one_page(make, login):
    member = make.user("Member")
    group = make.group(members=[member])
    browser = login(member)
    assert "No topics yet." in browser.get(f"/g/{group.slug}").get_data(as_text=True)
    assert browser.get(f"/g/{group.slug}?page=1").status_code == 200
    assert browser.get(f"/g/{group.slug}?page=2").status_code == 404


@pytest.fixture
def long_thread(personas, make):
    member = personas.member
    group = make.group(owner=personas.owner, members=[member])
    topic = make.topic(group, member, title="A long thread", replies=40)  # 41 posts
    return group, topic, member


def test_topic_pages_hold_20_posts(long_thread, login, make):
    group, topic, member = long_thread
    browser = login(member)
    pages = [browser.get(f"/g/{group.slug}/t/{topic.id}?page={number}") for number in (1, 2, 3)]
    assert [page.status_code for page in pages] == [200, 200, 200]
    numbers = [_post_numbers(page.get_data(as_text=True)) for page in pages]
    assert numbers == [list(range(1, 21)), list(range(21, 41)), [41]]
    assert "Page 3 of 3" in main_text(pages[2].get_data(as_text=True))
    # No page number is the first page for a member who has not opened the topic yet (a returning reader
    # is sent to the first post they have not seen: tests/participation/test_reading.py).
    newcomer = make.user("Newcomer")
    make.member(group, newcomer)
    assert _post_numbers(login(newcomer).get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True)) == numbers[0]


@pytest.mark.parametrize("page", ["4", "0", "-2", "x", "2e1"])
def test_unknown_topic_page_numbers_are_404(long_thread, login, page):
    group, topic, member = long_thread
    assert login(member).get(f"/g/{group.slug}/t/{topic.id}?page={page}").status_code == 404


def test_a_reply_lands_on_the_last_page(long_thread, login):
    group, topic, member = long_thread
    response = login(member).post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Number 42."})
    assert response.location.endswith(f"/g/{group.slug}/t/{topic.id}?page=3#post-42")


def test_topics_of_another_group_are_not_reachable_under_this_slug(make, login):
    member = make.user("Member")
    group = make.group(members=[member])
    other = make.group(members=[member])
    topic = make.topic(other, member)
    assert login(member).get(f"/g/{group.slug}/t/{topic.id}").status_code == 404
    assert db.session.scalar(select(Topic.group_id).where(Topic.id == topic.id)) == other.id
