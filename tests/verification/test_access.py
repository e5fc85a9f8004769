"""Who reaches what: pending, rejected, lapsed and suspended accounts against every group route,
and this feature's own routes against tests/access_rules/verification.py."""
from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import update

from forum.accounts.models import User, VerificationStatus
from forum.db_types import utcnow
from forum.extensions import db
from tests.access_rules import verification as rules
from tests.conftest import signed_in_client



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

# What an allowed persona's empty POST gets (the access rules state the GET, as the matrix requests
# it): refused with the form's errors (422), or sent back with a message (302). A persona the rules
# turn away gets the same answer to both methods.
EMPTY_POST = {
    "verification.status": "422",
    "verification.review": "422",
    "verification.verifier_role": "302",
    "verification.suspend_account": "422",
    "verification.unsuspend_account": "302",
}


def _outcome(response) -> str:
    if response.status_code == 401 or (response.status_code == 302 and "/auth/login" in response.location):
        return "login"
    return str(response.status_code)


def test_the_verification_routes_answer_as_their_access_rules_say(app, make, personas):
    clients = {persona: signed_in_client(app, None if persona == "anonymous" else personas.users[persona])
               for persona in PERSONAS}
    personas.suspend_account()  # signed in first: a suspended account cannot sign in at all
    world = SimpleNamespace(make=make)
    rules.SETUP(world)
    db.session.commit()
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("verification.")}
    assert endpoints == set(rules.RULES), "every route of the feature has an access rule"
    from flask import url_for

    mismatches = []
    checked = 0
    for persona in PERSONAS:
        client = clients[persona]
        for rule in app.url_map.iter_rules():
            if not rule.endpoint.startswith("verification."):
                continue
            with app.test_request_context():
                url = url_for(rule.endpoint, **{name: rules.PARAMS[name](world) for name in rule.arguments})
            stated = rules.RULES[rule.endpoint][persona]
            allowed = stated not in ("login", "403", "404")
            for method in sorted(rule.methods & {"GET", "POST"}):
                expected = EMPTY_POST[rule.endpoint] if allowed and method == "POST" else stated
                got = _outcome(client.open(url, method=method, data={}))
                checked += 1
                if got != expected:
                    mismatches.append(f"{persona} {method} {rule.rule}: expected {expected}, got {got}")
    assert mismatches == []
    assert checked >= len(PERSONAS) * len(endpoints)
    # Empty POSTs changed nothing.
    assert db.session.get(User, world.account_target.id).verification_status == VerificationStatus.VERIFIED
    assert not db.session.get(User, world.account_target.id).is_verifier
    assert world.verification_request.status == "pending"
