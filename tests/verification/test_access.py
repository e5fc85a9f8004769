"""Who reaches what: pending, rejected, lapsed and suspended accounts against every group route,
and this feature's own routes against tests/access_rules/verification.py."""
from datetime import timedelta

import pytest
from sqlalchemy import update

from forum.accounts.models import User, VerificationStatus
from forum.db_types import utcnow
from forum.extensions import db
from forum.groups.models import MembershipStatus
from forum.verification.services import submit
from tests import factories
from tests.access_rules import verification as rules

from .support import CREDENTIALS


def _group_routes(app):
    """Every route that shows or changes group content, with the methods it answers."""
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(("/g/<", "/posts/<")) or rule.endpoint in ("search.index", "posts.preview"):
            for method in sorted(rule.methods & {"GET", "POST"}):
                yield rule, method


@pytest.fixture
def world(app, make):
    class World:
        pass

    w = World()
    w.owner = make.user("Owner", admin=True)
    w.member = make.user("Mia Member")
    w.group = make.group("Ward A", owner=w.owner, members=[w.member], visibility="listed")
    w.topic = make.topic(w.group, w.member, title="Secret handover title")
    w.post = make.reply(w.topic, w.member, body="A reply.")
    w.membership_id = make.member(w.group, make.user("Other")).id
    return w


def _url(app, rule, world) -> str:
    from flask import url_for

    values = {"slug": world.group.slug, "topic_id": world.topic.id, "post_id": world.post.id}
    with app.test_request_context():
        return url_for(rule.endpoint, **{name: values.get(name, world.membership_id) for name in rule.arguments})


def _in_group(make, world, status, **extra):
    user = make.user(f"A {status} person", status=status, **extra)
    make.member(world.group, user)  # the invitation's membership exists, yet must not open anything
    return user


@pytest.mark.parametrize("kind", ["pending", "rejected", "lapsed"])
def test_unverified_accounts_get_404_on_every_group_route(app, make, login, world, kind):
    if kind == "lapsed":
        user = _in_group(make, world, VerificationStatus.VERIFIED)
        user.verified_until = utcnow() - timedelta(minutes=1)
        db.session.commit()
    else:
        user = _in_group(make, world, kind)
    browser = login(user)
    checked = 0
    for rule, method in _group_routes(app):
        url = _url(app, rule, world)
        response = browser.open(url, method=method, data={})
        assert response.status_code == 404, f"{kind} {method} {url}: {response.status_code}"
        assert "Secret handover title" not in response.get_data(as_text=True)
        checked += 1
    assert checked >= 15
    # Their own status page and profile still work.
    assert browser.get("/").status_code == 200
    assert browser.get(f"/u/{user.username}").status_code == 200
    assert browser.get(f"/u/{world.member.username}").status_code == 404


def test_a_suspended_account_is_signed_out_of_every_group_route(app, make, login, world):
    user = world.member
    browser = login(user)
    assert browser.get(f"/g/{world.group.slug}").status_code == 200
    db.session.execute(update(User).where(User.id == user.id).values(verification_status=VerificationStatus.SUSPENDED))
    db.session.commit()
    for rule, method in _group_routes(app):
        response = browser.open(_url(app, rule, world), method=method, data={})
        assert response.status_code in (302, 401), f"{method} {rule.rule}: {response.status_code}"
        if response.status_code == 302:
            assert "/auth/login" in response.location


# --- this feature's routes against its access rules --------------------------------------

PERSONAS = ["anonymous", "pending", "suspended_account", "outsider", "member", "suspended_member",
            "banned_member", "moderator", "verifier", "admin"]


@pytest.fixture
def personas(app, make, world):
    users = {
        "pending": make.user("P Pending", status=VerificationStatus.PENDING),
        "suspended_account": make.user("S Account"),
        "outsider": make.user("O Outsider"),
        "member": world.member,
        "suspended_member": make.user("S Member"),
        "banned_member": make.user("B Member"),
        "moderator": make.user("M Moderator"),
        "verifier": make.user("V Verifier", verifier=True),
        "admin": make.user("A Admin", admin=True),
    }
    make.member(world.group, users["moderator"], role="moderator")
    for name, status in (("suspended_member", MembershipStatus.SUSPENDED), ("banned_member", MembershipStatus.BANNED)):
        membership = make.member(world.group, users[name])
        membership.status = status
    other = make.group("Ward B", owner=world.owner)
    make.member(other, users["outsider"])
    db.session.commit()
    return users


def _client_for(app, persona, users):
    client = app.test_client()
    if persona == "anonymous":
        return client
    user = users[persona]
    assert client.post("/auth/login", data={"email": user.email, "password": factories.PASSWORD}).status_code == 302
    if persona == "suspended_account":
        db.session.execute(update(User).where(User.id == user.id)
                           .values(verification_status=VerificationStatus.SUSPENDED))
        db.session.commit()
    return client


def _outcome(response) -> str:
    if response.status_code == 401 or (response.status_code == 302 and "/auth/login" in response.location):
        return "login"
    if response.status_code in (403, 404):
        return str(response.status_code)
    if response.status_code < 400 or response.status_code in (400, 422):
        return "ok"
    return f"unexpected {response.status_code}"


def test_the_verification_routes_answer_as_their_access_rules_say(app, make, personas):
    class World:
        pass

    world = World()
    world.make = make
    rules.SETUP(world)
    db.session.commit()
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("verification.")}
    assert endpoints == set(rules.RULES), "every route of the feature has an access rule"
    from flask import url_for

    mismatches = []
    for persona in PERSONAS:
        client = _client_for(app, persona, personas)
        for rule in app.url_map.iter_rules():
            if not rule.endpoint.startswith("verification."):
                continue
            with app.test_request_context():
                url = url_for(rule.endpoint, **{name: rules.PARAMS[name](world) for name in rule.arguments})
            expected = rules.RULES[rule.endpoint].get(persona, rules.DEFAULTS[persona])
            for method in sorted(rule.methods & {"GET", "POST"}):
                got = _outcome(client.open(url, method=method, data={}))
                if got != expected:
                    mismatches.append(f"{persona} {method} {rule.rule}: expected {expected}, got {got}")
    assert mismatches == []
    # Empty POSTs changed nothing.
    assert db.session.get(User, world.account_target.id).verification_status == VerificationStatus.VERIFIED
    assert not db.session.get(User, world.account_target.id).is_verifier
    assert world.verification_request.status == "pending"
