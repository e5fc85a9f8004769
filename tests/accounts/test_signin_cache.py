"""AUTH_CACHE_SECONDS: a worker may keep who is signed in for a few seconds. Off (0), every request asks the
database; on, pages that change nothing skip the sign-in query, a change this process writes (sign out
everywhere, a ban, a password change) takes effect at once, and a change written elsewhere (another worker,
here a write that bypasses this process's sessions) takes effect when the copy expires.

Time is the test's (the clock of the rate-limit tests): it moves only when the test says so."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import event, text

from forum.extensions import db
from forum.groups.models import Membership
from tests.factories import PASSWORD
from tests.hardening.test_rate_limits import Clock

from .helpers import is_signed_in
from .test_sessions import _copy_of_session

TTL = 30


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(time, "time", clock)
    return clock


@pytest.fixture
def cached(app_config):
    app_config["AUTH_CACHE_SECONDS"] = TTL


class SignInQueries:
    """Counts the statements that load the signed-in user (users joined with the session record)."""

    def __init__(self, app):
        self.count = 0
        event.listen(db.engine, "before_cursor_execute", self._seen)

    def _seen(self, connection, cursor, statement, parameters, context, executemany):
        if "FROM users LEFT OUTER JOIN user_sessions" in statement:
            self.count += 1

    def during(self, action) -> int:
        before = self.count
        action()
        return self.count - before


@pytest.fixture
def sign_in_queries(app):
    counter = SignInQueries(app)
    yield counter
    event.remove(db.engine, "before_cursor_execute", counter._seen)


def test_off_by_default_every_request_loads_the_user(app, make, login, sign_in_queries):
    assert app.config["AUTH_CACHE_SECONDS"] == 0
    assert "signin_cache" not in app.extensions
    browser = login(make.user())
    for _ in range(3):
        assert sign_in_queries.during(lambda: browser.get("/settings")) == 1


def test_on_pages_that_change_nothing_reuse_the_copy_until_it_expires(cached, app, make, login, clock,
                                                                      sign_in_queries):
    browser = login(make.user())
    assert sign_in_queries.during(lambda: browser.get("/settings")) == 1
    assert sign_in_queries.during(lambda: browser.get("/settings")) == 0
    clock.advance(TTL - 1)
    assert sign_in_queries.during(lambda: browser.get("/about")) == 0
    clock.advance(1)
    assert sign_in_queries.during(lambda: browser.get("/settings")) == 1
    assert sign_in_queries.during(lambda: browser.get("/settings")) == 0


def test_on_a_form_submission_always_reads_the_user_from_the_database(cached, app, make, login, clock,
                                                                      sign_in_queries):
    member = make.user()
    browser = login(member)
    browser.get("/settings")
    assert sign_in_queries.during(lambda: browser.post("/settings", data={
        "display_name": "Renamed Member", "locale": "en", "timezone": "UTC"})) == 1
    assert "Renamed Member" in browser.get("/settings").get_data(as_text=True)


def test_on_sign_out_everywhere_takes_effect_at_once(cached, app, make, login, clock):
    member = make.user()
    laptop, phone = login(member), login(member)
    assert is_signed_in(laptop) and is_signed_in(phone)  # both kept in memory now
    assert laptop.post("/settings/sessions/end-all").status_code == 302
    assert not is_signed_in(phone)
    assert is_signed_in(laptop)


def test_on_signing_out_ends_the_copy_of_that_session(cached, app, make, client, clock):
    from tests.conftest import sign_in

    member = make.user()
    sign_in(client, member)
    stolen = _copy_of_session(app, client)
    assert is_signed_in(stolen)
    client.post("/auth/logout")
    assert not is_signed_in(stolen)


def test_on_a_password_change_takes_effect_at_once(cached, app, make, login, clock, smtp_server):
    member = make.user()
    laptop, phone = login(member), login(member)
    assert is_signed_in(phone)
    new = "quiet harbour copper lantern"
    response = laptop.post("/settings/password", data={"current_password": PASSWORD, "password": new,
                                                       "password_confirm": new})
    assert response.status_code == 302
    assert not is_signed_in(phone)
    assert is_signed_in(laptop)


def test_on_a_ban_takes_effect_at_once(cached, app, personas, login, clock):
    member, group = personas.member, personas.group_a
    banned = login(member)
    assert banned.get(f"/g/{group.slug}").status_code == 200  # the membership is kept in memory now
    moderator = login(personas.moderator)
    response = moderator.post(f"/g/{group.slug}/members/{member.id}/status",
                              data={"action": "ban", "reason": "Harassment after a warning."})
    assert response.status_code == 302
    assert banned.get(f"/g/{group.slug}").status_code == 404


def test_on_a_change_written_elsewhere_arrives_when_the_copy_expires(cached, app, personas, login, clock):
    """What the setting trades: a ban written by another worker (here, straight to the database, past this
    process's sessions) is seen only after AUTH_CACHE_SECONDS."""
    member, group = personas.member, personas.group_a
    browser = login(member)
    assert browser.get(f"/g/{group.slug}").status_code == 200
    db.session.commit()
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE memberships SET status = 'banned' WHERE user_id = :user AND group_id = :group"),
                           {"user": member.id, "group": group.id})
        connection.execute(text("UPDATE users SET session_version = session_version + 1 WHERE id = :user"),
                           {"user": member.id})
    assert browser.get("/settings").status_code == 200  # still the copy
    clock.advance(TTL)
    assert "/auth/login" in browser.get("/settings").location
    assert db.session.get(Membership, personas.membership("member").id).status == "banned"


def test_off_a_change_written_elsewhere_arrives_with_the_next_request(app, personas, login, clock):
    member = personas.member
    browser = login(member)
    assert browser.get("/settings").status_code == 200
    db.session.commit()
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE users SET session_version = session_version + 1 WHERE id = :user"),
                           {"user": member.id})
    assert "/auth/login" in browser.get("/settings").location


def test_a_negative_setting_is_refused(app_config, database_url):
    from config import TestingConfig
    from forum import create_app

    with pytest.raises(RuntimeError, match="AUTH_CACHE_SECONDS"):
        create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": database_url, **app_config, "AUTH_CACHE_SECONDS": -1})

