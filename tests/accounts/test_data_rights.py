"""/me/export gives the user their own data and nobody else's; /me/delete erases the person, keeps the posts."""
import json

import pytest

from forum.accounts.models import PasswordResetToken, RecoveryCode, SecurityEvent, TwoFactor, User
from forum.extensions import db
from forum.groups.models import Membership
from forum.invitations.services import create_invitation
from tests.factories import PASSWORD

from .helpers import code, enrol, is_signed_in
from tests.conftest import sign_in


@pytest.fixture
def thread(app, make):
    anna = make.user("Anna Schmidt", email="anna@clinic.example", specialty="Nephrology",
                     licence_number="LIC-ANNA-123", licence_authority="Aerztekammer Nord")
    bert = make.user("Bert Baumann", email="bert@clinic.example", licence_number="LIC-BERT-999")
    group = make.group(members=[anna, bert])
    topic = make.topic(group, bert, title="Hyperkalaemia in dialysis patients",
                       body="Bert's opening question about potassium binders")
    make.reply(topic, anna, body="Anna's answer: we use patiromer first")
    bert_reply = make.reply(topic, bert, body="Bert's follow-up about sodium zirconium")
    create_invitation(anna, group, "carla.invitee@clinic.example")
    db.session.commit()
    return anna, bert, group, topic, bert_reply


def test_export_holds_the_users_data_and_nobody_elses(app, make, login, thread):
    anna, bert, group, topic, bert_reply = thread
    browser = login(anna)
    reported = browser.post(f"/posts/{bert_reply.id}/report", data={"reason": "misinformation",
                                                                     "details": "Anna's report details"})
    assert reported.status_code == 302

    assert browser.get("/me/export").status_code == 200
    response = browser.post("/me/export")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.get_data(as_text=True))

    assert data["profile"]["email"] == "anna@clinic.example"
    assert data["profile"]["licence_number"] == "LIC-ANNA-123"
    assert [post["body"] for post in data["posts"]] == ["Anna's answer: we use patiromer first"]
    assert data["memberships"][0]["group"] == group.slug
    assert len(data["invitations"]["created"]) == 1
    assert data["invitations"]["created"][0]["bound_to_an_address"] is True
    assert [report["details"] for report in data["reports"]] == ["Anna's report details"]
    assert data["reports"][0]["reason"] == "misinformation"
    assert any(event["action"] == "auth:login:success" for event in data["security_events"])

    text = json.dumps(data)
    for foreign in ("bert@clinic.example", "Bert Baumann", "LIC-BERT-999", "Bert's opening question",
                    "Bert's follow-up", "carla.invitee@clinic.example", "Hyperkalaemia in dialysis patients"):
        assert foreign not in text, foreign
    assert db.session.query(SecurityEvent).filter_by(user_id=anna.id, action="account:data:export").count() == 1


def test_export_and_delete_refuse_a_post_without_csrf_token(app, make, client):
    anna = make.user()
    sign_in(client, anna)
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post("/me/export").status_code == 400
    assert client.post("/me/delete", data={"password": PASSWORD, "confirm": "y"}).status_code == 400
    assert db.session.query(SecurityEvent).filter_by(action="account:data:export").count() == 0
    assert db.session.get(User, anna.id).deleted_at is None


def test_deleting_the_account_erases_the_person_and_keeps_the_posts(app, make, login, thread, smtp_server):
    anna, bert, group, topic, _ = thread
    browser, reader = login(anna), login(bert)
    elsewhere = login(anna)
    page = browser.get("/me/delete").get_data(as_text=True)
    assert "former member" in page

    wrong = browser.post("/me/delete", data={"password": "not my password at all", "confirm": "y"})
    assert wrong.status_code == 422 and "Your password is not correct." in wrong.get_data(as_text=True)
    unconfirmed = browser.post("/me/delete", data={"password": PASSWORD})
    assert unconfirmed.status_code == 422
    assert db.session.get(User, anna.id).deleted_at is None

    done = browser.post("/me/delete", data={"password": PASSWORD, "confirm": "y"})
    assert done.status_code == 302 and done.location.endswith("/auth/login")
    db.session.expire_all()
    erased = db.session.get(User, anna.id)
    assert erased.deleted_at is not None and erased.email is None and erased.password_hash is None
    assert erased.display_name == "Former member" and erased.public_name == "former member"
    assert erased.licence_number == "" and erased.specialty == "" and erased.organisation == ""
    assert db.session.query(Membership).filter_by(user_id=anna.id).count() == 0
    assert smtp_server[-1]["To"] == "anna@clinic.example"
    assert smtp_server[-1]["Subject"] == "Your Konsil account was deleted"

    assert not is_signed_in(browser) and not is_signed_in(elsewhere)
    again = browser.post("/auth/login", data={"email": "anna@clinic.example", "password": PASSWORD})
    assert again.status_code == 200 and "do not match an active account" in again.get_data(as_text=True)

    thread_page = reader.get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True)
    assert "Anna's answer: we use patiromer first" in thread_page
    assert "former member" in thread_page
    assert "Anna Schmidt" not in thread_page
    assert db.session.query(SecurityEvent).filter_by(user_id=anna.id, action="account:self:delete").count() == 1


def test_deleting_an_account_with_two_factor_needs_a_code(app, make, client):
    member = make.user()
    sign_in(client, member)
    secret, _ = enrol(client, member)
    client.post("/auth/reset", data={"email": member.email})
    without = client.post("/me/delete", data={"password": PASSWORD, "confirm": "y"})
    assert without.status_code == 422
    assert "Enter the code from your authenticator app" in without.get_data(as_text=True)
    done = client.post("/me/delete", data={"password": PASSWORD, "otp": code(secret, 1), "confirm": "y"})
    assert done.status_code == 302
    for model in (TwoFactor, RecoveryCode, PasswordResetToken):
        assert db.session.query(model).filter_by(user_id=member.id).count() == 0


def test_the_only_admin_cannot_delete_their_account(app, make, login):
    admin = make.user("Operator", admin=True)
    browser = login(admin)
    response = browser.post("/me/delete", data={"password": PASSWORD, "confirm": "y"})
    assert "You are the only admin" in response.get_data(as_text=True)
    assert db.session.get(User, admin.id).deleted_at is None
