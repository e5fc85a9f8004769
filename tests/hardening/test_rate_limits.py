"""Rate limits on login, registration, invitations, posting, preview and reporting: they trip, say when
to retry, release after their window, and a client cannot dodge them with a forged X-Forwarded-For.
Each runs on the in-memory storage, the embedded SQLite file and a real Redis (TEST_REDIS_URL, started by
scripts/test.sh).

The limiter's clock is the test's: time stands still while a test sends its requests and moves only when
the test says so, so a slow machine can never let a window end halfway through (the limits are counted
with a moving window, whose Redis script takes the time from the app)."""
from __future__ import annotations

import os
import time

import pytest

from config import TestingConfig
from forum import create_app
from forum.extensions import db
from forum.posts.models import Post

from .. import factories

WINDOW = 58  # seconds; every limit under test is "N per 58 seconds"
SHORT = f"3 per {WINDOW} seconds"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")


def redis_url_or_skip() -> str:
    if not REDIS_URL:
        if os.environ.get("CI") == "true":
            pytest.fail("TEST_REDIS_URL must be set in CI (scripts/test.sh starts a Redis server)")
        pytest.skip("TEST_REDIS_URL is not set (scripts/test.sh starts a Redis server): Redis storage not tested")
    return REDIS_URL


class Clock:
    """time.time() for the duration of a test: the real time when the test starts, then only what the test
    adds. Redis keeps a moving window's entries for the window's length in real time, longer than a test."""

    def __init__(self):
        self.now = float(int(time.time()))  # whole seconds: the arithmetic on window ends stays exact

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(time, "time", clock)
    return clock


@pytest.fixture(params=["memory", "sqlite", "redis"])
def storage(request, app_config, tmp_path):
    if request.param == "sqlite":  # the embedded default: one file every worker shares
        app_config["RATELIMIT_STORAGE_URI"] = f"konsil+sqlite:///{tmp_path / 'ratelimits.sqlite3'}"
        yield None
    elif request.param == "redis":
        import redis

        url = redis_url_or_skip()
        connection = redis.Redis.from_url(url)
        connection.flushdb()  # a throw-away server for the tests
        app_config["RATELIMIT_STORAGE_URI"] = url
        yield connection
        connection.flushdb()
        connection.close()
    else:
        app_config["RATELIMIT_STORAGE_URI"] = "memory://"
        yield None


class Limited:
    """Builds the app with rate limits on and the given settings (before the app exists: ProxyFix
    and the storage are set up when it is created), then hands out its fixtures."""

    def __init__(self, request, app_config, storage, clock):
        self.request, self.app_config, self.redis, self.clock = request, app_config, storage, clock

    def app(self, **settings):
        self.app_config.update(RATELIMIT_ENABLED=True, **settings)
        return self.request.getfixturevalue("app")

    def client(self, **settings):
        return self.app(**settings).test_client()

    def __getattr__(self, fixture):  # make, login
        return self.request.getfixturevalue(fixture)


@pytest.fixture
def limited(request, app_config, storage, clock):
    return Limited(request, app_config, storage, clock)


def wait_for_the_window(limited) -> None:
    limited.clock.advance(WINDOW + 1)


def login_attempt(client, email="nobody@test.konsil.example", **kwargs):
    return client.post("/auth/login", data={"email": email, "password": "not the password"}, **kwargs)


def assert_friendly_429(response, *, json: bool = False):
    assert response.status_code == 429
    # The clock stood still since the first request, so the window ends exactly WINDOW seconds from now
    # (Flask-Limiter names the next whole second).
    assert int(response.headers["Retry-After"]) == WINDOW + 1
    if json:
        payload = response.get_json()
        assert payload["retry_after"] == WINDOW + 1 and "try again" in payload["error"]
    else:
        page = response.get_data(as_text=True)
        assert "Too many requests" in page and f"wait about {WINDOW + 1} seconds" in page


def test_login_limit_per_address_trips_and_releases(limited):
    client = limited.client(RATELIMIT_LOGIN_PER_ADDRESS=SHORT)
    # Different accounts each time, so only the per-address budget is spent.
    for number in range(3):
        assert login_attempt(client, f"guess{number}@test.konsil.example").status_code == 200
    assert_friendly_429(login_attempt(client, "guess9@test.konsil.example"))
    assert client.get("/auth/login").status_code == 200  # reading the form is never limited
    if limited.redis is not None:
        assert any(b"auth.login" in key for key in limited.redis.keys("*")), "the counters are not in Redis"
    wait_for_the_window(limited)
    assert login_attempt(client, "guess10@test.konsil.example").status_code == 200


def test_login_limit_per_account_holds_across_addresses(limited):
    app = limited.app(RATELIMIT_LOGIN_PER_ACCOUNT=f"2 per {WINDOW} seconds", TRUSTED_PROXY_COUNT=1)
    user = limited.make.user()
    client = app.test_client()
    for number in range(2):
        response = login_attempt(client, user.email, headers={"X-Forwarded-For": f"198.51.100.{number}"})
        assert response.status_code == 200
    # A third address, the same account (spelled differently): limited.
    assert_friendly_429(login_attempt(client, user.email.upper(), headers={"X-Forwarded-For": "198.51.100.7"}))
    # Another account from the same addresses is not affected.
    assert login_attempt(client, "someone.else@test.konsil.example",
                         headers={"X-Forwarded-For": "198.51.100.7"}).status_code == 200
    if limited.redis is not None:
        keys = b" ".join(limited.redis.keys("*")).lower()
        assert keys and user.email.lower().encode() not in keys, "an e-mail address reached the limit storage"
    wait_for_the_window(limited)
    right = client.post("/auth/login", data={"email": user.email, "password": factories.PASSWORD},
                        headers={"X-Forwarded-For": "198.51.100.8"})
    assert right.status_code == 302


def test_a_forged_forwarded_for_does_not_bypass_the_limit(limited):
    client = limited.client(RATELIMIT_LOGIN_PER_ADDRESS=SHORT)  # TRUSTED_PROXY_COUNT 0: no proxy is believed
    for number in range(3):
        response = login_attempt(client, f"forged{number}@test.konsil.example",
                                 headers={"X-Forwarded-For": f"203.0.113.{number}", "X-Real-IP": f"203.0.113.{number}"})
        assert response.status_code == 200
    response = login_attempt(client, "forged9@test.konsil.example", headers={"X-Forwarded-For": "192.0.2.99"})
    assert_friendly_429(response)


def test_behind_one_trusted_proxy_its_forwarded_address_counts(limited):
    client = limited.client(RATELIMIT_LOGIN_PER_ADDRESS=SHORT, TRUSTED_PROXY_COUNT=1)
    for number in range(3):
        response = login_attempt(client, f"a{number}@test.konsil.example", headers={"X-Forwarded-For": "192.0.2.10"})
        assert response.status_code == 200
    assert_friendly_429(login_attempt(client, "a9@test.konsil.example", headers={"X-Forwarded-For": "192.0.2.10"}))
    # The client prepends its own "address"; the proxy appends the real one, which is what counts.
    forged = login_attempt(client, "a10@test.konsil.example", headers={"X-Forwarded-For": "10.9.9.9, 192.0.2.10"})
    assert_friendly_429(forged)
    # Another client behind the same proxy has its own budget.
    assert login_attempt(client, "b@test.konsil.example", headers={"X-Forwarded-For": "192.0.2.11"}).status_code == 200


def test_counters_live_in_the_storage_not_in_the_worker(limited):
    """A second app (another worker, or the same one restarted) sees the same counters with Redis and with the
    embedded SQLite file; with memory it starts afresh."""
    app = limited.app(RATELIMIT_LOGIN_PER_ADDRESS=SHORT)
    client = app.test_client()
    for number in range(3):
        assert login_attempt(client, f"w{number}@test.konsil.example").status_code == 200
    second_worker = create_app(TestingConfig, dict(limited.app_config, SQLALCHEMY_DATABASE_URI=app.config[
        "SQLALCHEMY_DATABASE_URI"]))
    with second_worker.app_context():
        response = login_attempt(second_worker.test_client(), "w9@test.konsil.example")
        db.session.remove()
        db.engine.dispose()
    if limited.app_config["RATELIMIT_STORAGE_URI"] != "memory://":
        assert_friendly_429(response)
    else:
        assert response.status_code == 200


def _member_world(make):
    member = make.user("Rita Rate")
    group = make.group(members=[member])
    topic = make.topic(group, member)
    return member, group, topic


def test_posting_limit_per_user_is_shared_by_topics_and_replies_and_keeps_the_text(limited):
    limited.app(RATELIMIT_POST_PER_USER=SHORT)
    member, group, topic = _member_world(limited.make)
    browser = limited.login(member)
    assert browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "First."}).status_code == 302
    assert browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Second."}).status_code == 302
    assert browser.post(f"/g/{group.slug}/new", data={"title": "Third", "body": "A new topic."}).status_code == 302
    response = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "My careful fourth answer."})
    assert_friendly_429(response)
    assert "My careful fourth answer." in response.get_data(as_text=True)  # shown back, nothing lost
    assert db.session.query(Post).filter(Post.body_source == "My careful fourth answer.").count() == 0
    assert browser.get(f"/g/{group.slug}/t/{topic.id}").status_code == 200  # reading is never limited
    wait_for_the_window(limited)
    assert browser.post(f"/g/{group.slug}/t/{topic.id}/reply",
                        data={"body": "My careful fourth answer."}).status_code == 302


def test_posting_limit_per_address_spans_users(limited):
    limited.app(RATELIMIT_POST_PER_ADDRESS=SHORT)
    first, second = limited.make.user(), limited.make.user()
    group = limited.make.group(members=[first, second])
    topic = limited.make.topic(group, first)
    for browser in (limited.login(first), limited.login(second), limited.login(first)):
        assert browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Yes."}).status_code == 302
    assert_friendly_429(limited.login(second).post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "And I."}))


def test_preview_limit_answers_json(limited):
    limited.app(RATELIMIT_PREVIEW_PER_USER=SHORT)
    member, _, _ = _member_world(limited.make)
    browser = limited.login(member)
    for _ in range(3):
        assert browser.post("/posts/preview", data={"body": "*hello*"}).status_code == 200
    response = browser.post("/posts/preview", data={"body": "*hello*"})
    assert response.mimetype == "application/json"
    assert_friendly_429(response, json=True)


def test_mention_suggestions_are_limited_per_user_and_answer_json(limited):
    limited.app(RATELIMIT_MENTIONS_PER_USER=SHORT)
    member, group, _topic = _member_world(limited.make)
    browser = limited.login(member)
    for prefix in ("a", "b", "c"):  # each keystroke is a lookup
        assert browser.get(f"/g/{group.slug}/mentions?q={prefix}", headers={"Accept": "application/json"}).status_code == 200
    response = browser.get(f"/g/{group.slug}/mentions?q=d", headers={"Accept": "application/json"})
    assert response.mimetype == "application/json"
    assert_friendly_429(response, json=True)
    assert browser.get(f"/g/{group.slug}").status_code == 200  # the group's pages are not limited
    wait_for_the_window(limited)
    assert browser.get(f"/g/{group.slug}/mentions?q=d", headers={"Accept": "application/json"}).status_code == 200


def test_invitation_creation_is_limited_per_user(limited):
    limited.app(RATELIMIT_INVITE_PER_USER=SHORT)
    moderator = limited.make.user()
    group = limited.make.group(moderators=[moderator])
    browser = limited.login(moderator)
    for _ in range(3):
        assert browser.post(f"/g/{group.slug}/invites", data={"email": ""}).status_code == 200
    assert_friendly_429(browser.post(f"/g/{group.slug}/invites", data={"email": ""}))
    assert browser.get(f"/g/{group.slug}/invites").status_code == 200


def test_registration_is_limited_per_invitation_across_addresses(limited):
    from forum.invitations.services import create_invitation

    app = limited.app(RATELIMIT_REGISTER_PER_INVITATION=SHORT, TRUSTED_PROXY_COUNT=1)
    group = limited.make.group()
    _, token = create_invitation(None, group, None)
    db.session.commit()
    client = app.test_client()
    for number in range(3):  # bad forms from three addresses: each is answered with its errors
        response = client.post(f"/invite/{token}", data={"email": "x"},
                               headers={"X-Forwarded-For": f"198.51.100.{number + 20}"})
        assert response.status_code == 422
    assert_friendly_429(client.post(f"/invite/{token}", data={"email": "x"},
                                    headers={"X-Forwarded-For": "198.51.100.99"}))


def test_registration_is_limited_per_address(limited):
    from forum.invitations.services import create_invitation

    app = limited.app(RATELIMIT_REGISTER_PER_ADDRESS=SHORT)
    group = limited.make.group()
    tokens = [create_invitation(None, group, None)[1] for _ in range(4)]
    db.session.commit()
    client = app.test_client()
    for token in tokens[:3]:
        assert client.post(f"/invite/{token}", data={"email": "x"}).status_code == 422
    assert_friendly_429(client.post(f"/invite/{tokens[3]}", data={"email": "x"}))


def test_reporting_is_limited_per_user(limited):
    app = limited.app(RATELIMIT_REPORT_PER_USER=SHORT)
    member, group, topic = _member_world(limited.make)
    reporter = limited.make.user()
    limited.make.member(group, reporter)
    posts = [limited.make.reply(topic, member, body=f"Post number {number}") for number in range(4)]
    browser = limited.login(reporter)
    for post in posts[:3]:
        assert browser.post(f"/posts/{post.id}/report", data={"reason": "spam", "details": ""}).status_code < 400
    response = browser.post(f"/posts/{posts[3].id}/report", data={"reason": "spam", "details": "Selling things."})
    assert_friendly_429(response)
    assert "Selling things." in response.get_data(as_text=True)


def test_the_window_moves_so_a_burst_cannot_straddle_two_windows(limited):
    """Three attempts in any WINDOW seconds, not three per fixed window: one attempt, two just before the
    window's end, and right after it only the first has left the window."""
    client = limited.client(RATELIMIT_LOGIN_PER_ADDRESS=SHORT)
    assert login_attempt(client, "m0@test.konsil.example").status_code == 200
    limited.clock.advance(WINDOW - 1)
    assert login_attempt(client, "m1@test.konsil.example").status_code == 200
    assert login_attempt(client, "m2@test.konsil.example").status_code == 200
    assert login_attempt(client, "m3@test.konsil.example").status_code == 429
    limited.clock.advance(2)  # the first attempt is now older than the window; the other two are not
    assert login_attempt(client, "m4@test.konsil.example").status_code == 200
    assert login_attempt(client, "m5@test.konsil.example").status_code == 429
    limited.clock.advance(WINDOW)
    assert login_attempt(client, "m6@test.konsil.example").status_code == 200


def test_other_member_actions_share_one_budget(limited):
    limited.app(RATELIMIT_ACTION_PER_USER=SHORT)
    member, group, topic = _member_world(limited.make)
    post = limited.make.reply(topic, member, body="Hello.")
    browser = limited.login(member)
    assert browser.post(f"/posts/{post.id}/bookmark", data={}).status_code < 400
    assert browser.post("/notifications/read", data={}).status_code < 400
    assert browser.post(f"/g/{group.slug}/read-all", data={}).status_code < 400
    assert_friendly_429(browser.post(f"/posts/{post.id}/bookmark", data={}))
    assert browser.get(f"/g/{group.slug}/t/{topic.id}").status_code == 200  # reading is never limited
    wait_for_the_window(limited)
    assert browser.post(f"/posts/{post.id}/bookmark", data={}).status_code < 400


STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}


def test_every_state_changing_endpoint_has_a_limit_or_a_named_exemption(app):
    """Limits are attached to endpoints, not URLs; a new or moved form that changes something must be limited
    (forum/rate_limits.py RULES, or a limiter decorator on its view) or be named in EXEMPT with a reason."""
    from forum.rate_limits import EXEMPT, limited_endpoints

    limited = limited_endpoints(app)
    changing = {rule.endpoint for rule in app.url_map.iter_rules() if rule.methods & STATE_CHANGING}
    assert len(changing) > 50  # the whole app, not a part of it
    unlimited = sorted(changing - limited - set(EXEMPT))
    assert unlimited == [], f"state-changing endpoints without a rate limit: {unlimited}"
    assert set(EXEMPT) <= changing, "EXEMPT names an endpoint that does not exist or changes nothing"
    assert not set(EXEMPT) & limited, "an exempt endpoint has a limit after all"
    assert all(len(reason) > 20 for reason in EXEMPT.values())
    from forum.rate_limits import RULES

    for rule in RULES:
        for name, _ in rule.limits:
            assert name in app.config, name


def test_a_limit_for_an_endpoint_the_app_lacks_stops_the_app(monkeypatch, app_config, database_url):
    """A renamed or removed view would otherwise lose its limits silently."""
    from forum import rate_limits

    monkeypatch.setattr(rate_limits, "RULES", rate_limits.RULES + (
        rate_limits.Rule("posts.reply_elsewhere", (("RATELIMIT_POST_PER_USER", rate_limits.by_user),)),))
    with pytest.raises(RuntimeError, match="posts.reply_elsewhere"):
        create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": database_url, **app_config})


def test_a_route_keeps_its_limit_when_its_url_changes(limited):
    """The limit follows the endpoint: the same view served under another URL is limited all the same."""
    app = limited.app(RATELIMIT_PREVIEW_PER_USER=SHORT)
    app.add_url_rule("/drafts/preview", endpoint="posts.preview", methods=["POST"])
    member, _, _ = _member_world(limited.make)
    browser = limited.login(member)
    for _ in range(3):
        assert browser.post("/drafts/preview", data={"body": "*moved*"}).status_code == 200
    assert_friendly_429(browser.post("/drafts/preview", data={"body": "*moved*"}), json=True)


def test_an_unreachable_redis_falls_back_to_memory_instead_of_failing(request, app_config, clock):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app_config.update(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{port}/0",
                      RATELIMIT_LOGIN_PER_ADDRESS=SHORT)
    client = request.getfixturevalue("client")
    statuses = [login_attempt(client, f"f{number}@test.konsil.example").status_code for number in range(4)]
    assert statuses == [200, 200, 200, 429]
