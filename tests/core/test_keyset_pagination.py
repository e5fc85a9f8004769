"""Topic lists page by the row they follow (a cursor in the query string): ties in the order are broken by id so
no topic is shown twice or skipped, older/newer links walk the list both ways, and a tampered cursor is the first
page, never an error."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import update

from forum.db_types import utcnow
from forum.extensions import db
from forum.posts.models import Topic


def _titles(html: str) -> list[str]:
    return re.findall(r'class="topic-title" href="[^"]+">([^<]+)</a>', html)


def _link(html: str, rel: str) -> str | None:
    match = re.search(rf'href="([^"]+)" rel="{rel}"', html)
    return match.group(1).replace("&amp;", "&") if match else None


@pytest.fixture
def tied_group(make):
    """65 topics, every one with the same last activity (a tie the order must break by id), 3 of them pinned."""
    member = make.user("Dr. Reader")
    group = make.group("Cardiology", members=[member])
    same = utcnow() - timedelta(hours=1)
    for index in range(65):
        topic = make.topic(group, member, title=f"Topic {index:02d}")
        db.session.execute(update(Topic).where(Topic.id == topic.id).values(last_activity_at=same, pinned=index < 3))
    db.session.commit()
    return group, member


def test_older_and_newer_links_walk_every_topic_once_in_order(tied_group, login):
    group, member = tied_group
    browser = login(member)
    pages, path = [], f"/g/{group.slug}"
    while path:
        html = browser.get(path).get_data(as_text=True)
        pages.append(_titles(html))
        path = _link(html, "next")
    seen = [title for page in pages for title in page]
    assert [len(page) for page in pages] == [30, 30, 5]
    # Pinned first, then newest first; equal times by the latest id first.
    assert seen == ["Topic 02", "Topic 01", "Topic 00"] + [f"Topic {index:02d}" for index in range(64, 2, -1)]
    # And back: each newer link shows the page before it.
    html = browser.get(f"/g/{group.slug}").get_data(as_text=True)
    second = browser.get(_link(html, "next")).get_data(as_text=True)
    third = browser.get(_link(second, "next")).get_data(as_text=True)
    assert _titles(browser.get(_link(third, "prev")).get_data(as_text=True)) == pages[1]
    assert _titles(browser.get(_link(second, "prev")).get_data(as_text=True)) == pages[0]
    assert _link(html, "prev") is None


def test_a_topic_with_new_activity_moves_up_without_breaking_a_shared_link(tied_group, login):
    group, member = tied_group
    browser = login(member)
    older = _link(browser.get(f"/g/{group.slug}").get_data(as_text=True), "next")
    before = _titles(browser.get(older).get_data(as_text=True))
    db.session.execute(update(Topic).where(Topic.title == "Topic 03").values(last_activity_at=utcnow()))
    db.session.commit()
    after = _titles(browser.get(older).get_data(as_text=True))
    assert after == before  # the rows after the cursor are the same rows


@pytest.mark.parametrize("cursor", ["", "abc", "1.2", "1.2.3.4", "2.1.1", "1.99999999999999999999.1", "0.-5.1",
                                    "1.1e9.1", "１.1.1", "1.1.99999999999999999999", "0.0.0", "1" * 200,
                                    "0.253402300800000000.1"])
@pytest.mark.parametrize("direction", ["after", "before"])
def test_a_tampered_cursor_is_the_first_page_never_an_error(tied_group, login, cursor, direction):
    group, member = tied_group
    browser = login(member)
    first = _titles(browser.get(f"/g/{group.slug}").get_data(as_text=True))
    response = browser.get(f"/g/{group.slug}", query_string={direction: cursor})
    assert response.status_code == 200
    titles = _titles(response.get_data(as_text=True))
    if cursor == "0.0.0":  # well-formed: a position like any other (the end of the list), within what may be shown
        assert len(titles) == (30 if direction == "before" else 30) and set(titles) <= {f"Topic {i:02d}" for i in range(65)}
    else:
        assert titles == first


def test_a_cursor_shows_no_held_topic_of_someone_else(make, login):
    member, author = make.user("Dr. Reader"), make.user("Dr. Author")
    group = make.group("Oncology", members=[member, author])
    held = make.topic(group, author, title="Held topic")
    db.session.execute(update(Topic).where(Topic.id == held.id).values(hidden=True))
    db.session.commit()
    browser = login(member)
    for direction in ("after", "before"):
        for cursor in ("1.9999999999999999.9999999", "0.0.0", "0.9999999999999999.9999999"):
            html = browser.get(f"/g/{group.slug}", query_string={direction: cursor}).get_data(as_text=True)
            assert "Held topic" not in html
