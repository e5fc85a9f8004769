"""The notifications page pages by the notification it follows: older/newer links walk every notification once,
equal times broken by id, and a tampered cursor is the first page, never an error."""
from __future__ import annotations

import re

import pytest

from forum.db_types import utcnow
from forum.extensions import db
from forum.notifications.models import Notification


def _numbers(html: str) -> list[int]:
    return [int(number) for number in re.findall(r"Note number (\d+)\b", html)]


def _link(html: str, rel: str) -> str | None:
    match = re.search(rf'href="([^"]+)" rel="{rel}"', html)
    return match.group(1).replace("&amp;", "&") if match else None


@pytest.fixture
def reader(make):
    reader = make.user("Dr. Reader")
    same = utcnow()
    for number in range(120):  # one moment for all of them: the order is decided by id
        db.session.add(Notification(user_id=reader.id, kind="moderation", key="legacy", params={},
                                    legacy_message=f"Note number {number:03d}", audience="subject",
                                    created_at=same, read_at=same))
    db.session.commit()
    return reader


def test_older_and_newer_links_walk_every_notification_once(reader, login):
    browser = login(reader)
    pages, path = [], "/notifications"
    while path:
        html = browser.get(path).get_data(as_text=True)
        pages.append(_numbers(html))
        path = _link(html, "next")
    assert [len(page) for page in pages] == [50, 50, 20]
    assert [number for page in pages for number in page] == list(range(119, -1, -1))
    first = browser.get("/notifications").get_data(as_text=True)
    second = browser.get(_link(first, "next")).get_data(as_text=True)
    assert _numbers(browser.get(_link(second, "prev")).get_data(as_text=True)) == pages[0]
    assert _link(first, "prev") is None


@pytest.mark.parametrize("cursor", ["", "x", "1", "1.2.3", "-1.5", "99999999999999999999.1", "1.99999999999999999999"])
@pytest.mark.parametrize("direction", ["after", "before"])
def test_a_tampered_cursor_is_the_first_page(reader, login, cursor, direction):
    browser = login(reader)
    response = browser.get("/notifications", query_string={direction: cursor})
    assert response.status_code == 200
    assert _numbers(response.get_data(as_text=True)) == list(range(119, 69, -1))


def test_a_cursor_never_shows_someone_elses_notifications(reader, login, make):
    other = make.user("Dr. Other")
    page = login(other).get("/notifications", query_string={"after": "9999999999999999.99999999"})
    assert page.status_code == 200 and _numbers(page.get_data(as_text=True)) == []
