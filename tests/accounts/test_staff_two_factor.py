"""Staff (admins, verifiers, moderators) must use two-factor sign-in when TWO_FACTOR_REQUIRED_FOR_STAFF is on."""
import pytest

from forum.accounts.models import SecurityEvent
from forum.extensions import db
from forum.groups.models import Membership, Role
from forum.posts.models import Topic
from tests.factories import PASSWORD

from .helpers import code, enrol
from tests.conftest import sign_in


@pytest.fixture
def app_config(app_config):
    app_config["TWO_FACTOR_REQUIRED_FOR_STAFF"] = True
    return app_config


def test_member_made_moderator_must_enrol_before_using_the_new_powers(app, make, client):
    member = make.user("Anna Schmidt")
    group = make.group(members=[member])
    assert sign_in(client, member).status_code == 302
    assert client.get(f"/g/{group.slug}").status_code == 200
    with client.session_transaction() as session:
        sid_before = session["sid"]

    membership = db.session.query(Membership).filter_by(user_id=member.id, group_id=group.id).one()
    membership.role = Role.MODERATOR
    db.session.commit()

    for path in (f"/g/{group.slug}", f"/g/{group.slug}/moderation", "/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.location.endswith("/settings/two-factor"), path
    topics_before = db.session.query(Topic).count()
    blocked = client.post(f"/g/{group.slug}/new", data={"title": "A new topic", "body": "Some text here."})
    assert blocked.status_code == 302 and blocked.location.endswith("/settings/two-factor")
    assert db.session.query(Topic).count() == topics_before
    preview = client.post("/posts/preview", data={"body": "x"}, headers={"Accept": "application/json"})
    assert preview.status_code == 403 and "two-factor" in preview.get_json()["error"]

    # The promotion renewed the session identity.
    with client.session_transaction() as session:
        assert session["sid"] != sid_before
    assert db.session.query(SecurityEvent).filter_by(user_id=member.id,
                                                     action="auth:session:privilege_change").count() == 1

    page = client.get("/settings/two-factor", follow_redirects=True).get_data(as_text=True)
    assert "Your role (admin, verifier or moderator) needs two-factor sign-in" in page
    enrol(client, member)
    assert client.get(f"/g/{group.slug}").status_code == 200
    assert client.get("/").status_code == 200


def test_admin_without_a_second_factor_is_sent_to_enrolment_after_signing_in(app, make, client):
    admin = make.user("Operator", admin=True)
    response = sign_in(client, admin)
    assert response.status_code == 302
    follow = client.get(response.location)
    assert follow.status_code == 302 and follow.location.endswith("/settings/two-factor")
    assert client.get("/admin/security").status_code == 302
    # Signing out stays possible.
    assert client.post("/auth/logout").status_code == 302
    assert client.get("/settings").status_code == 302
    assert "/auth/login" in client.get("/settings").location


def test_staff_cannot_turn_the_required_second_factor_off(app, make, client):
    verifier = make.user("Verifier", verifier=True)
    sign_in(client, verifier)
    secret, _ = enrol(client, verifier)
    response = client.post("/settings/two-factor/disable", data={"password": PASSWORD, "otp": code(secret, 1)})
    assert response.status_code == 403
    assert "Your role needs two-factor sign-in, so it stays on" in response.get_data(as_text=True)
    client.post("/auth/logout")
    assert sign_in(client, verifier).status_code == 200  # still asks for the code


def test_members_are_not_forced_to_enrol(app, make, client):
    member = make.user()
    group = make.group(members=[member])
    sign_in(client, member)
    assert client.get(f"/g/{group.slug}").status_code == 200
