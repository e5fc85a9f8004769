"""Reports cannot be used to flood: each member has a budget (RATELIMIT_REPORT_PER_USER)."""
from __future__ import annotations

import pytest

from .conftest import report, reports_on


@pytest.fixture
def app_config(app_config):
    return {**app_config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://",
            "RATELIMIT_REPORT_PER_USER": "2 per hour"}


def test_a_member_who_reports_too_much_is_slowed_down(scene, login, make):
    posts = [make.reply(scene.topic, scene.author, f"Post number {index}") for index in range(3)]
    reporter = login(scene.reporters[0])
    statuses = [report(reporter, post).status_code for post in posts]
    assert statuses == [302, 302, 429]
    assert reports_on(posts[2]) == []
    # The budget is the member's own: another member still reports.
    assert report(login(scene.reporters[1]), posts[2]).status_code == 302
