"""Profile and password settings."""
from forum.accounts.models import SecurityEvent, User
from forum.extensions import db
from tests.factories import PASSWORD

from tests.conftest import sign_in

NEW_PASSWORD = "granite meadow fountain pencil"


def test_member_changes_display_name_specialty_and_locale(app, make, login):
    member = make.user("Anna Schmidt")
    browser = login(member)
    page = browser.get("/settings").get_data(as_text=True)
    assert 'value="Anna Schmidt"' in page
    response = browser.post("/settings", data={"display_name": "  Dr. Anna   Schmidt ", "specialty": "Nephrology",
                                               "locale": "de"})
    assert response.status_code == 302
    db.session.expire_all()
    user = db.session.get(User, member.id)
    assert (user.display_name, user.specialty, user.locale) == ("Dr. Anna Schmidt", "Nephrology", "de")
    event = db.session.query(SecurityEvent).filter_by(user_id=member.id, action="account:profile:update").one()
    assert sorted(event.details["fields"]) == ["display_name", "locale", "specialty"]


def test_bad_profile_input_keeps_what_was_typed(app, make, login):
    member = make.user("Anna Schmidt")
    browser = login(member)
    response = browser.post("/settings", data={"display_name": "A", "specialty": "Typed specialty",
                                               "locale": "xx"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'value="Typed specialty"' in html and "Not a valid choice" in html
    assert db.session.get(User, member.id).specialty == ""


def test_password_change_needs_the_current_password_and_a_strong_new_one(app, make, login, smtp_server):
    member = make.user()
    browser = login(member)
    wrong = browser.post("/settings/password", data={"current_password": "not it at all", "password": NEW_PASSWORD,
                                                     "password_confirm": NEW_PASSWORD})
    assert wrong.status_code == 422 and "Your current password is not correct." in wrong.get_data(as_text=True)
    weak = browser.post("/settings/password", data={"current_password": PASSWORD, "password": "qwertyuiop12",
                                                    "password_confirm": "qwertyuiop12"})
    assert weak.status_code == 422
    same = browser.post("/settings/password", data={"current_password": PASSWORD, "password": PASSWORD,
                                                    "password_confirm": PASSWORD})
    assert "same as the current one" in same.get_data(as_text=True)
    assert smtp_server == []

    done = browser.post("/settings/password", data={"current_password": PASSWORD, "password": NEW_PASSWORD,
                                                    "password_confirm": NEW_PASSWORD})
    assert done.status_code == 302
    assert [m["Subject"] for m in smtp_server] == ["Your Konsil password was changed"]
    browser.post("/auth/logout")
    assert sign_in(browser.client, member, password=NEW_PASSWORD).status_code == 302
    actions = [e.action for e in db.session.query(SecurityEvent).filter_by(user_id=member.id)]
    assert "auth:password:change" in actions and actions.count("auth:login:failure") == 1


def test_pending_users_reach_their_settings(app, make, login):
    pending = make.user("Pat Pending", status="pending")
    browser = login(pending)
    for path in ("/settings", "/settings/password", "/settings/two-factor", "/settings/sessions",
                 "/settings/security", "/me/export", "/me/delete"):
        assert browser.get(path).status_code == 200, path


def test_settings_pages_have_no_inline_styles_or_scripts(app, make, login):
    member = make.user()
    browser = login(member)
    for path in ("/settings", "/settings/password", "/settings/two-factor", "/settings/sessions",
                 "/settings/security", "/me/export", "/me/delete", "/auth/reset"):
        html = browser.get(path).get_data(as_text=True)
        assert "style=" not in html and "<script>" not in html and " onclick=" not in html, path
