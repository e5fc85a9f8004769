"""Fixtures: a real app on a real temporary database (SQLite file, or PostgreSQL when
TEST_DATABASE_URL is set), a client, and personas that sign in through the login form."""
from __future__ import annotations

import os
import re

import pytest
from flask import has_app_context
from flask.testing import FlaskClient
from sqlalchemy import text

from config import TestingConfig
from forum import create_app
from forum.extensions import db

from . import factories

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")


def pytest_report_header(config):
    return f"database: {'PostgreSQL ' + POSTGRES_URL.rsplit('@', 1)[-1] if POSTGRES_URL else 'SQLite (temporary file)'}"


@pytest.fixture(scope="session")
def postgres_schema():
    """On PostgreSQL the schema is created once; each test then starts from empty tables."""
    if not POSTGRES_URL:
        yield None
        return
    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": POSTGRES_URL})
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield POSTGRES_URL


@pytest.fixture
def app_config(tmp_path):
    """Overrides for the app under test; tests extend this dict before `app` is built."""
    return {
        "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
        "WTF_CSRF_ENABLED": False,
    }


@pytest.fixture
def database_url(tmp_path, postgres_schema):
    return postgres_schema or f"sqlite:///{tmp_path / 'test.sqlite3'}"


class FreshContextClient(FlaskClient):
    """Each request gets its own app context, `g` and database session, as in production.

    The test's own session is committed first, so the request sees what the test wrote and
    no lock is held across it; objects the test holds are reloaded on their next access."""

    def open(self, *args, **kwargs):
        if has_app_context():
            db.session.commit()
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def app(app_config, database_url):
    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": database_url, **app_config})
    app.test_client_class = FreshContextClient
    with app.app_context():
        if database_url.startswith("sqlite"):
            db.create_all()
        yield app
        db.session.remove()
        if not database_url.startswith("sqlite"):
            tables = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
            # The log is append-only in the app; only the test harness empties it between tests.
            with db.engine.begin() as connection:
                connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make(app):
    """Factories bound to the app: make.user(...), make.group(...), make.topic(...)."""
    return factories.Factories(app)


def sign_in(client, user, *, password: str = factories.PASSWORD, otp: str | None = None,
            environ: dict | None = None):
    """The suite's one way to sign in: the sign-in form, posted as a person would (with the form's CSRF
    token when the app checks it). Returns the response, for tests about signing in itself."""
    data = {"email": user.email, "password": password}
    if otp is not None:
        data["otp"] = otp
    if client.application.config.get("WTF_CSRF_ENABLED", True):
        data["csrf_token"] = csrf_token_from(client.get("/auth/login").get_data(as_text=True))
    return client.post("/auth/login", data=data, environ_base=environ or {})


def signed_in_client(app, user):
    """A fresh test client, signed in as `user` (None: a signed-out visitor)."""
    client = app.test_client()
    if user is not None:
        response = sign_in(client, user)
        assert response.status_code == 302, f"sign-in failed for {user.email}: {response.status_code}"
    return client


class Browser:
    """A test client signed in as one persona."""

    def __init__(self, app, user):
        self.user = user
        self.client = signed_in_client(app, user)

    def __getattr__(self, name):
        return getattr(self.client, name)


@pytest.fixture
def login(app):
    """login(user) -> a client signed in as user, through the sign-in form."""
    def sign_in_as(user):
        return Browser(app, user)

    return sign_in_as


@pytest.fixture
def personas(make):
    """The persona world (tests/factories.py: PersonaWorld): admin, owner, moderator, member, muted,
    suspended and banned members of secret group A, and its moderation cast (a second moderator, an
    author, three reporters, a bystander); pending and suspended accounts; an outsider, a verifier and
    a privacy officer in group B."""
    return make.personas()


def csrf_token_from(html: str) -> str:
    match = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html)
    assert match, "no csrf_token in the page"
    return match.group(1)


@pytest.fixture
def live_server(app_config, database_url):
    """The app with the demo data, served on a free loopback port, CSRF on as in production."""
    from forum.demo import seed_demo
    from tests.browser_support import LiveServer

    overrides = {key: value for key, value in app_config.items() if key != "WTF_CSRF_ENABLED"}
    live_app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": database_url, **overrides})
    with live_app.app_context():
        if database_url.startswith("sqlite"):
            db.create_all()
        with live_app.test_request_context():
            seed_demo()
        db.session.commit()
        db.session.remove()
    with LiveServer(live_app) as server:
        yield server
    with live_app.app_context():
        db.engine.dispose()


@pytest.fixture
def smtp_server(request, app_config):
    """A real SMTP server (aiosmtpd) on a free loopback port; the app sends its mail there, without STARTTLS.
    Yields the list of received messages (email.message.EmailMessage, with `.envelope_to`), in arrival order.
    Works whether it is requested before or after `app`/`client`."""
    import email
    import socket
    from email import policy

    from aiosmtpd.controller import Controller

    received: list = []

    class Collect:
        async def handle_DATA(self, server, session, envelope):
            message = email.message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
            message.envelope_to = list(envelope.rcpt_tos)
            received.append(message)
            return "250 Message accepted for delivery"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Collect(), hostname="127.0.0.1", port=port)
    controller.start()
    settings = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": port, "SMTP_STARTTLS": False, "SMTP_SSL": False,
                "SMTP_USERNAME": "", "SMTP_PASSWORD": ""}
    app_config.update(settings)
    if "app" in request.fixturenames:  # built already, or about to be: either way it gets these settings
        request.getfixturevalue("app").config.update(settings)
    try:
        yield received
    finally:
        controller.stop()
