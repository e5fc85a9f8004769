"""Unusable invitation links all look the same, and no raw token is ever stored."""
from __future__ import annotations

import secrets
from datetime import timedelta

import pytest
from sqlalchemy import String, Text, select

from forum.db_types import utcnow
from forum.extensions import db
from forum.invitations.models import Invitation
from forum.invitations.services import create_invitation, hash_token

from .support import register, registration


@pytest.fixture
def group(personas, make):
    return make.group("Renal Round", owner=personas.owner)


def _neutral_case(make, client, group, case: str) -> str:
    """Makes an invitation unusable in the named way and returns its token."""
    if case == "unknown":
        return secrets.token_urlsafe(32)
    invitation, token = create_invitation(None, group, "bound@example.org" if case == "bound" else None)
    if case == "expired":
        invitation.expires_at = utcnow() - timedelta(seconds=1)
    elif case == "revoked":
        invitation.revoked_at = utcnow()
    db.session.commit()
    if case == "used":
        assert register(client, token, registration("first@example.org")).status_code == 302
        client.post("/auth/logout")
        client.get("/auth/login")  # shows (and so clears) the "signed out" message
    return token


CASES = ["expired", "used", "revoked", "unknown"]


def test_expired_used_revoked_and_unknown_links_get_one_identical_page(make, client, group):
    pages = {}
    for case in CASES:
        token = _neutral_case(make, client, group, case)
        for method in ("get", "post"):
            response = getattr(client, method)(f"/invite/{token}", data=registration("second@example.org"))
            pages[(case, method)] = (response.status_code, response.get_data(as_text=True))
    reference = pages[("unknown", "get")]
    assert reference[0] == 404
    assert "This invitation link cannot be used" in reference[1]
    for key, page in pages.items():
        assert page == reference, f"{key} differs from the unknown-token page"
    # Nothing was registered through any of them.
    from forum.accounts.models import User

    assert db.session.scalar(select(User).where(User.email == "second@example.org")) is None


def test_a_link_bound_to_another_address_looks_like_an_unknown_one_to_a_signed_in_user(make, login, group):
    browser = login(make.user("Someone else", email="someone@example.org"))
    _, bound_token = create_invitation(None, group, "bound@example.org")
    db.session.commit()
    unknown = browser.get(f"/invite/{secrets.token_urlsafe(32)}")
    for method in ("get", "post"):
        bound = getattr(browser, method)(f"/invite/{bound_token}")
        assert (bound.status_code, bound.get_data(as_text=True)) == (unknown.status_code, unknown.get_data(as_text=True))
    assert unknown.status_code == 404


@pytest.mark.parametrize("token", ["x", "a" * 300, "..%5c..%5cetc", "%00", "' OR 1=1 --", "%E2%80%AEabc"])
def test_malformed_tokens_get_the_same_page(client, group, token):
    reference = client.get(f"/invite/{secrets.token_urlsafe(32)}")
    response = client.get(f"/invite/{token}")
    assert (response.status_code, response.get_data(as_text=True)) == (404, reference.get_data(as_text=True))


def _every_stored_string(exclude_tables=()) -> list[tuple[str, str, str]]:
    values = []
    db.session.commit()  # SQLite: let the scan's own transaction take the lock
    with db.engine.connect() as connection:
        for table in db.metadata.sorted_tables:
            if table.name in exclude_tables:
                continue
            for row in connection.execute(table.select()):
                for column in table.columns:
                    value = row._mapping[column.name]
                    if value is not None and not isinstance(value, (int, float, bool)):
                        values.append((table.name, column.name, str(value)))
    return values


def test_the_database_holds_no_raw_token(app, make, login, client, group):
    member = make.user("Member")
    make.member(group, member)
    browser = login(member)
    page = browser.post(f"/g/{group.slug}/invites", data={"email": "invitee@example.org"}).get_data(as_text=True)
    from .support import link_from_page, token_from_link

    web_token = token_from_link(link_from_page(page))
    cli = app.test_cli_runner().invoke(args=["forum", "invite", "--group", group.slug])
    cli_token = token_from_link(cli.output)
    _, service_token = create_invitation(member, group)
    db.session.commit()
    register(client, cli_token, registration("joined@example.org"))

    tokens = [web_token, cli_token, service_token]
    assert all(len(token) >= 22 for token in tokens)  # at least 128 bits in URL-safe base64
    text_columns = [column.name for column in Invitation.__table__.columns if isinstance(column.type, (String, Text))]
    assert "token_hash" in text_columns
    rows = db.session.execute(select(Invitation)).scalars().all()
    assert len(rows) == 3
    for row in rows:
        for name in text_columns:
            value = getattr(row, name) or ""
            for token in tokens:
                assert token not in value, f"invitations.{name} holds a raw token"
    # Not in any other table either (log details, notifications, ...).
    for table, column, value in _every_stored_string():
        for token in tokens:
            assert token not in value, f"{table}.{column} holds a raw token"
    assert {row.token_hash for row in rows} == {hash_token(token) for token in tokens}
