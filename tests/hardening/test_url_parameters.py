"""Every id in a path, every `page` and every date a route reads answers 400 or 404 with a page when it is
out of range: ids beyond what the database stores, pages no forum has, dates without a next day, digits
that are not ASCII. Walked from the URL map, so a new route is covered the day it is added."""
from __future__ import annotations

import inspect

import pytest
from flask import url_for
from werkzeug.routing import Rule

from forum.params import MAX_ID

from tests.conftest import signed_in_client

from .support import World

HUGE_IDS = (MAX_ID + 1, 10**30)
BAD_PAGES = ("99999999999999999999999", str(2**63), "-1", "0", "²", "١", "1e9", "")
BAD_DATES = ({"date_to": "9999-12-31"}, {"date_from": "0001-01-01"}, {"date_from": "9999-12-31"},
             {"date_to": "2024-13-45"}, {"date_from": "²⁰²⁴-01-01"})


@pytest.fixture
def world(app, make):
    return World(app, make)


def _int_arguments(rule: Rule) -> list[str]:
    from forum.params import BoundedIntConverter

    return [name for name, converter in rule._converters.items() if isinstance(converter, BoundedIntConverter)]


def _view_source(app, endpoint: str) -> str:
    view = app.view_functions[endpoint]
    while hasattr(view, "__wrapped__"):
        view = view.__wrapped__
    try:
        return inspect.getsource(view)
    except (OSError, TypeError):
        return ""


def _url(world: World, rule: Rule, **override) -> str:
    values = {}
    for name in rule.arguments:
        if name in override:
            continue
        value = world.url_value(rule.endpoint, name)
        values[name] = value if value is not None else (1 if name in _int_arguments(rule) else "unknown")
    values.update(override)
    with world.app.test_request_context():
        return url_for(rule.endpoint, **values)


def _is_error_page(response) -> bool:
    if response.status_code not in (400, 404):
        return False
    if response.mimetype == "application/json":
        return "error" in response.get_json()
    return response.mimetype == "text/html" and "</html>" in response.get_data(as_text=True)


def test_the_walk_finds_the_routes_it_is_about(app):
    rules = list(app.url_map.iter_rules())
    assert sum(1 for rule in rules if _int_arguments(rule)) >= 15
    assert {"posts.topic", "groups.show", "moderation.admin_log", "accounts.admin_security"} <= {
        rule.endpoint for rule in rules if "page_argument" in _view_source(app, rule.endpoint)}


def test_every_int_id_beyond_the_database_range_is_a_404_page(app, world):
    admin = signed_in_client(app, world.users["admin"])
    failures = []
    for rule in app.url_map.iter_rules():
        names = _int_arguments(rule)
        if not names:
            continue
        method = "GET" if "GET" in rule.methods else "POST"
        for huge in HUGE_IDS:
            for name in names:
                # url_for checks the converter's range, so the URL is built with a valid id and then edited.
                others = {other: 987654320 for other in names if other != name}
                url = _url(world, rule, **others, **{name: 987654321}).replace("987654321", str(huge), 1)
                response = admin.open(url, method=method)
                if response.status_code != 404 or not _is_error_page(response):
                    failures.append(f"{method} {url}: {response.status_code}")
    assert failures == []


def test_every_page_parameter_out_of_range_is_a_404_page(app, world):
    admin = signed_in_client(app, world.users["admin"])
    failures, checked = [], 0
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or "page_argument" not in _view_source(app, rule.endpoint):
            continue
        base = _url(world, rule)
        ok = admin.get(base)
        if ok.status_code != 200:  # a route the admin cannot see at all says nothing about its pages
            continue
        checked += 1
        for page in BAD_PAGES:
            response = admin.get(base, query_string={"page": page})
            if not _is_error_page(response):
                failures.append(f"GET {base}?page={page!r}: {response.status_code}")
    assert failures == []
    assert checked >= 6


def test_every_date_parameter_out_of_range_is_a_400_page(app, world):
    moderator = signed_in_client(app, world.users["admin"])
    failures, checked = [], 0
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or "LogFilterForm" not in _view_source(app, rule.endpoint):
            continue
        base = _url(world, rule)
        checked += 1
        for dates in BAD_DATES:
            response = moderator.get(base, query_string=dates)
            if rule.endpoint.endswith("_csv"):  # the export goes back to the log page with the message
                if response.status_code not in (302, 400):
                    failures.append(f"GET {base} {dates}: {response.status_code}")
            elif not _is_error_page(response) or response.status_code != 400:
                failures.append(f"GET {base} {dates}: {response.status_code}")
    assert failures == []
    assert checked >= 2  # the group's log and the instance's log


def test_an_appeal_for_a_decision_written_in_other_digits_is_a_404_page(app, world):
    member = signed_in_client(app, world.users["member"])
    for decision in ("²", "١٢", "99999999999999999999999999", "-3", "1.0"):
        response = member.get("/appeals/new", query_string={"decision": decision})
        assert response.status_code == 404 and _is_error_page(response), decision


def test_the_admin_security_page_refuses_a_huge_page_number(app, world):
    admin = signed_in_client(app, world.users["admin"])
    assert admin.get("/admin/security").status_code == 200
    assert _is_error_page(admin.get("/admin/security", query_string={"page": str(10**40)}))
