"""Structured request logs without personal data, and the /healthz endpoint."""
from __future__ import annotations

import json
import logging

import pytest

from config import TestingConfig
from forum import create_app
from forum.extensions import db
from forum.logging_setup import REQUEST_LOGGER_NAME, JsonFormatter, client_address

from .. import factories


class Capture(logging.Handler):
    """Formats what the app logs exactly as production does, one JSON line per record."""

    def __init__(self):
        super().__init__()
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))

    @property
    def entries(self) -> list[dict]:
        return [json.loads(line) for line in self.lines]


@pytest.fixture
def captured(app_config):
    app_config["LOG_REQUESTS"] = True
    handler = Capture()
    logger = logging.getLogger("forum")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


def requests_in(capture: Capture) -> list[dict]:
    return [entry for entry in capture.entries if entry.get("event") == "request"]


def test_one_json_line_per_request_with_no_personal_data(captured, app, make, login):
    member = make.user("Lena Logtest", email="lena.logtest@hospital.example")
    group = make.group(members=[member])
    topic = make.topic(group, member)
    browser = login(member)
    browser.get("/search?q=hypokalaemia+in+bed+12")
    reply = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Potassium was 2.9 this morning."})
    assert reply.status_code == 302
    app.test_client().get(f"/invite/secret-invitation-token-abc")

    entries = requests_in(captured)
    assert len(entries) == 4  # login, search, reply, invitation landing
    for entry in entries:
        assert {"request_id", "method", "endpoint", "status", "duration_ms", "time", "level"} <= entry.keys()
        assert isinstance(entry["status"], int) and entry["duration_ms"] >= 0
    assert [(e["method"], e["endpoint"], e["status"]) for e in entries] == [
        ("POST", "auth.login", 302), ("GET", "search.index", 200), ("POST", "posts.reply_to", 302),
        ("GET", "invitations.landing", 404)]
    everything = "\n".join(captured.lines)
    for secret in ("lena.logtest", "hospital.example", "hypokalaemia", "Potassium", "secret-invitation-token",
                   "127.0.0.1", "?q=", factories.PASSWORD):
        assert secret not in everything, secret
    assert reply.headers["X-Request-ID"] == entries[2]["request_id"]


def test_client_addresses_only_as_configured():
    assert client_address("203.0.113.77", "none") is None
    assert client_address("203.0.113.77", "truncated") == "203.0.113.0/24"
    assert client_address("2001:db8:1234:5678::1", "truncated") == "2001:db8:1234::/48"
    assert client_address("203.0.113.77", "full") == "203.0.113.77"


@pytest.fixture
def truncated_addresses(app_config):
    app_config["LOG_CLIENT_ADDRESS"] = "truncated"


def test_truncated_addresses_are_logged_when_the_operator_allows(truncated_addresses, captured, client):
    client.get("/auth/login", environ_base={"REMOTE_ADDR": "198.51.100.23"})
    assert requests_in(captured)[-1]["client"] == "198.51.100.0/24"


def test_an_unknown_address_mode_refuses_to_start(app_config, database_url):
    with pytest.raises(RuntimeError, match="LOG_CLIENT_ADDRESS"):
        create_app(TestingConfig, {**app_config, "SQLALCHEMY_DATABASE_URI": database_url, "LOG_CLIENT_ADDRESS": "all"})


def test_a_request_id_from_the_client_is_not_adopted_without_a_trusted_proxy(captured, client):
    response = client.get("/auth/login", headers={"X-Request-ID": "forged-request-id-123"})
    assert response.headers["X-Request-ID"] != "forged-request-id-123"
    assert requests_in(captured)[-1]["request_id"] == response.headers["X-Request-ID"]


@pytest.fixture
def behind_proxy(app_config):
    app_config["TRUSTED_PROXY_COUNT"] = 1


def test_the_proxys_request_id_is_adopted_when_well_formed(behind_proxy, captured, client):
    good = client.get("/auth/login", headers={"X-Request-ID": "0f3c2a9be1d54c7a"})
    assert good.headers["X-Request-ID"] == "0f3c2a9be1d54c7a"
    bad = client.get("/auth/login", headers={"X-Request-ID": '"}, {"injected": "json'})
    assert bad.headers["X-Request-ID"] != '"}, {"injected": "json' and len(bad.headers["X-Request-ID"]) == 32


def test_an_unhandled_exception_is_logged_by_endpoint_not_by_url(captured, app):
    with app.test_request_context("/invite/very-secret-token?email=someone@example.org"):
        from flask import request

        request.url_rule = None
        try:
            raise ValueError("boom")
        except ValueError:
            import sys

            app.log_exception(sys.exc_info())
    entry = captured.entries[-1]
    assert entry["event"] == "exception" and entry["level"] == "error" and "ValueError: boom" in entry["exception"]
    assert "very-secret-token" not in captured.lines[-1] and "someone@example.org" not in captured.lines[-1]


def test_sql_errors_never_carry_what_users_typed(app, make):
    from sqlalchemy.exc import IntegrityError

    from forum.accounts.models import User

    user = make.user()
    db.session.add(User(email=user.email, display_name="Duplicate Person", username="typed-by-a-user",
                        password_hash="x"))
    with pytest.raises(IntegrityError) as caught:
        db.session.flush()
    db.session.rollback()
    assert "typed-by-a-user" not in str(caught.value) and "parameters hidden" in str(caught.value)


# --------------------------------------------------------------------------- /healthz

def test_healthz_answers_anonymously_in_json_without_details(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.get_json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_says_unavailable_when_the_database_is_gone(tmp_path, app_config):
    broken = create_app(TestingConfig, {**app_config,
                                        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'missing' / 'x.sqlite3'}"})
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable", "checks": {"database": "unavailable"}}
    assert "sqlite" not in response.get_data(as_text=True).lower()


def test_healthz_reports_rate_limit_storage_without_failing(tmp_path, app_config):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    degraded = create_app(TestingConfig, {**app_config, "RATELIMIT_ENABLED": True,
                                          "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{port}/0",
                                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'h.sqlite3'}"})
    response = degraded.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["checks"] == {"database": "ok", "rate_limit_storage": "degraded"}
