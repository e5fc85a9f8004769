"""Each main page answers in a small, constant number of SQL statements, whatever the data size."""
from __future__ import annotations

import pytest

from .conftest import grow
from .support import statements_for

BUDGET = 8
# Pages still above the budget, at the count they reach today: they may not grow, and each comes down to
# BUDGET as its remaining look-ups are asked together. The topic page (12): signing in and the header's
# unread count, the topic with its group and read mark, the page's posts with their authors, the posts under
# privacy review, the primer check, the watching level, mutes, images, source requests, reactions with
# bookmarks, the reader's reports, the group's image settings.
OVER_BUDGET = {"topic": 12}

PAGES = {
    "topic": lambda ward: f"/g/{ward.group.slug}/t/{ward.thread.id}?page=1",
    "group": lambda ward: f"/g/{ward.group.slug}",
    "dashboard": lambda ward: "/",
    "notifications": lambda ward: "/notifications",
    "search": lambda ward: "/search?q=anticoagulation",
    "moderation queue": lambda ward: f"/g/{ward.group.slug}/moderation",
}


@pytest.mark.parametrize("page", list(PAGES))
def test_main_pages_stay_within_the_budget_as_data_grows(ward, make, login, page):
    viewer = ward.moderator if page == "moderation queue" else ward.viewer
    grow(ward, make, login, 1)
    browser = login(viewer)
    path = PAGES[page](ward)
    few = statements_for(browser, path)
    grow(ward, make, login, 6)
    many = statements_for(browser, path)
    assert len(few) == len(many), "\n\n".join(many)
    assert len(many) <= OVER_BUDGET.get(page, BUDGET), f"{page}: {len(many)} statements\n\n" + "\n\n".join(many)
