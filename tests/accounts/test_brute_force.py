"""Failed sign-ins slow down per account and per address, without telling which accounts exist."""
import re
from datetime import timedelta

import pytest

from forum.accounts.models import LoginThrottle, SecurityEvent
from forum.db_types import utcnow
from forum.extensions import db
from tests.factories import PASSWORD

from .helpers import is_signed_in


@pytest.fixture
def app_config(app_config):
    app_config.update({"LOGIN_ACCOUNT_FAILURES": 5, "LOGIN_ADDRESS_FAILURES": 12})
    return app_config


def _try(client, email, password="not the password at all", address="192.0.2.10"):
    return client.post("/auth/login", data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def _page(response, *emails) -> str:
    text = response.get_data(as_text=True)
    for email in emails:
        text = text.replace(email, "EMAIL")
    return re.sub(r'name="csrf_token" (type="hidden" )?value="[^"]+"', "", text)


def test_wrong_password_and_unknown_address_get_the_same_answer(app, make, client):
    make.user(email="anna@clinic.example")
    known = _try(client, "anna@clinic.example")
    unknown = _try(client, "nobody@clinic.example")
    assert known.status_code == unknown.status_code == 200
    assert _page(known, "anna@clinic.example") == _page(unknown, "nobody@clinic.example")
    assert "do not match an active account" in known.get_data(as_text=True)


def test_an_account_locks_after_repeated_failures_and_says_nothing_about_existence(app, make, client):
    member = make.user(email="anna@clinic.example")
    answers = {}
    for email in ("anna@clinic.example", "nobody@clinic.example"):
        for attempt in range(5):
            response = _try(client, email, address=f"192.0.2.{20 + attempt}")
        answers[email] = response
    assert answers["anna@clinic.example"].status_code == answers["nobody@clinic.example"].status_code == 429
    assert _page(answers["anna@clinic.example"], "anna@clinic.example") == _page(
        answers["nobody@clinic.example"], "nobody@clinic.example")
    assert "Too many failed sign-in attempts" in answers["anna@clinic.example"].get_data(as_text=True)

    # Even the right password is refused while the lock lasts, from any address.
    locked = client.post("/auth/login", data={"email": member.email, "password": PASSWORD},
                         environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert locked.status_code == 429
    assert not is_signed_in(client)
    assert db.session.query(SecurityEvent).filter_by(user_id=member.id, action="auth:login:locked").count() >= 1


def _release_every_lock():
    for row in db.session.query(LoginThrottle):
        if row.locked_until:
            row.locked_until = utcnow() - timedelta(seconds=1)
    db.session.commit()


def test_the_lock_releases_by_itself_and_grows_when_guessing_goes_on(app, make, client):
    member = make.user(email="anna@clinic.example")
    for _ in range(5):
        _try(client, member.email)
    row = db.session.query(LoginThrottle).filter(LoginThrottle.key.like("pair:%")).one()
    first_lock = row.locked_until - utcnow()
    assert timedelta(seconds=30) < first_lock <= timedelta(minutes=1)

    _release_every_lock()  # the minute has passed
    for _ in range(5):
        _try(client, member.email)
    db.session.expire_all()
    row = db.session.query(LoginThrottle).filter(LoginThrottle.key.like("pair:%")).one()
    assert row.locked_until - utcnow() > timedelta(minutes=1, seconds=30)  # doubled

    _release_every_lock()
    ok = client.post("/auth/login", data={"email": member.email, "password": PASSWORD},
                     environ_base={"REMOTE_ADDR": "192.0.2.10"})
    assert ok.status_code == 302
    # A successful sign-in forgets the account's failures.
    assert db.session.query(LoginThrottle).filter(LoginThrottle.key.like("account:%")).count() == 0
    assert db.session.query(LoginThrottle).filter(LoginThrottle.key.like("pair:%")).count() == 0


def test_one_address_guessing_many_accounts_is_slowed_down(app, make, client):
    member = make.user(email="anna@clinic.example")
    for number in range(12):
        _try(client, f"guess{number}@clinic.example", address="192.0.2.66")
    blocked = client.post("/auth/login", data={"email": member.email, "password": PASSWORD},
                          environ_base={"REMOTE_ADDR": "192.0.2.66"})
    assert blocked.status_code == 429
    elsewhere = client.post("/auth/login", data={"email": member.email, "password": PASSWORD},
                            environ_base={"REMOTE_ADDR": "192.0.2.67"})
    assert elsewhere.status_code == 302


def test_throttle_rows_hold_neither_addresses_nor_typed_emails(app, make, client):
    _try(client, "someone@clinic.example", address="192.0.2.99")
    keys = " ".join(row.key for row in db.session.query(LoginThrottle))
    assert "someone" not in keys and "192.0.2.99" not in keys
    assert db.session.query(LoginThrottle).count() == 3  # the (account, address) pair, the account, the address


def test_wrong_second_factor_codes_count_towards_the_lock(app, make, client):
    from .helpers import enrol
    from tests.conftest import sign_in

    member = make.user(email="anna@clinic.example")
    sign_in(client, member)
    secret, _ = enrol(client, member)
    client.post("/auth/logout")
    sign_in(client, member)
    for _ in range(4):
        assert client.post("/auth/login", data={"otp": "abcdef"}).status_code == 422
    last = client.post("/auth/login", data={"otp": "abcdef"})
    assert last.status_code == 429

    assert sign_in(client, member).status_code == 429
    assert not is_signed_in(client)


def test_stale_throttle_rows_are_forgotten(app, make):
    from datetime import timedelta

    from forum.accounts.security import _prune

    old = utcnow() - timedelta(days=2)
    db.session.add_all([
        LoginThrottle(key="account:stale", failures=2, window_started_at=old),
        LoginThrottle(key="account:stale-lock", failures=0, window_started_at=old, locked_until=old, lockouts=1),
        LoginThrottle(key="account:recent", failures=2, window_started_at=utcnow()),
        LoginThrottle(key="account:long-lock", failures=0, window_started_at=old,
                      locked_until=utcnow() - timedelta(hours=1), lockouts=4),
    ])
    db.session.commit()
    _prune(utcnow())
    db.session.commit()
    assert sorted(row.key for row in db.session.query(LoginThrottle)) == ["account:long-lock", "account:recent"]
