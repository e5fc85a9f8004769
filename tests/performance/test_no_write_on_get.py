"""Reading a page writes nothing (except where the GET's purpose is to record, named in
support.GET_WRITES_ALLOWED), and a GET that changed nothing sets no cookie."""
from __future__ import annotations

from .conftest import grow
from .support import statements_of_requests, writes_on_get

MAIN_PAGES = ["/", "/notifications", "/search?q=anticoagulation", "/bookmarks"]


def _paths(ward):
    slug = ward.group.slug
    return [*MAIN_PAGES, f"/g/{slug}", f"/g/{slug}/t/{ward.thread.id}", f"/g/{slug}/t/{ward.thread.id}?page=1",
            f"/g/{slug}/guidelines"]


def test_reading_pages_writes_nothing(ward, make, login):
    grow(ward, make, login, 2)
    for persona in (ward.viewer, ward.moderator, ward.authors[0]):
        browser = login(persona)
        with statements_of_requests() as seen:
            for path in _paths(ward) + ([f"/g/{ward.group.slug}/moderation", "/moderation",
                                         f"/g/{ward.group.slug}/members"]
                                        if persona is ward.moderator else []):
                response = browser.get(path)
                assert response.status_code in (200, 302), f"{path}: {response.status_code}"
        assert writes_on_get(seen) == []


def test_visiting_the_group_page_twice_writes_nothing(ward, make, login):
    grow(ward, make, login, 1)
    browser = login(ward.viewer)
    with statements_of_requests() as seen:
        browser.get(f"/g/{ward.group.slug}")
        browser.get(f"/g/{ward.group.slug}")
    assert writes_on_get(seen) == []


def test_a_get_that_changed_nothing_sets_no_cookie(ward, make, login):
    grow(ward, make, login, 1)
    browser = login(ward.viewer)
    slug = ward.group.slug
    for path in ["/", f"/g/{slug}", f"/g/{slug}/t/{ward.thread.id}?page=1", "/notifications"]:
        browser.get(path)  # the first visit may refresh the session (its last activity is stamped once a minute)
        response = browser.get(path)
        assert response.status_code == 200, path
        assert "Set-Cookie" not in response.headers, f"{path}: {response.headers.get('Set-Cookie')}"
