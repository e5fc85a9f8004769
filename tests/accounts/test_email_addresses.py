"""One rule for e-mail addresses at every entry point, internal hospital domains included."""
import pytest
from sqlalchemy import select

from forum.accounts.addresses import InvalidAddress, normalise_address
from forum.accounts.models import User
from forum.extensions import db
from tests.core.support import link_from_page, register, registration, token_from_link

from .helpers import is_signed_in

ADMIN_PASSWORD = "harbour-quartz-lantern-91-slowly"


def _create_admin(app, email):
    return app.test_cli_runner().invoke(args=["forum", "create-admin", "--email", email, "--name", "Dr. Ada Admin",
                                              "--password", ADMIN_PASSWORD])


@pytest.mark.parametrize("email", ["admin@hospital.local", "Admin@Klinikum.Internal", "it.admin@ward-3.lan"])
def test_an_admin_created_on_an_internal_domain_can_sign_in(app, client, email):
    result = _create_admin(app, email)
    assert result.exit_code == 0, result.output
    assert f"Admin {email.lower()} created." in result.output
    response = client.post("/auth/login", data={"email": email, "password": ADMIN_PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert is_signed_in(client)


def test_create_admin_refuses_an_address_the_sign_in_form_would_refuse(app):
    result = _create_admin(app, "admin@@hospital")
    assert result.exit_code != 0 and "Enter a valid e-mail address" in result.output
    assert db.session.scalar(select(User)) is None


def test_internal_domains_are_configurable(app, client):
    app.config["EMAIL_INTERNAL_DOMAINS"] = ("corp",)
    refused = _create_admin(app, "admin@hospital.local")
    assert refused.exit_code != 0 and "Enter a valid e-mail address" in refused.output
    assert _create_admin(app, "admin@hospital.corp").exit_code == 0
    page = client.post("/auth/login", data={"email": "someone@hospital.local", "password": ADMIN_PASSWORD})
    assert page.status_code == 422  # the form comes back with the message
    html = page.get_data(as_text=True)
    assert "Enter a valid e-mail address" in html and 'value="someone@hospital.local"' in html
    signed_in = client.post("/auth/login", data={"email": "admin@hospital.corp", "password": ADMIN_PASSWORD})
    assert signed_in.status_code == 302


def test_invitation_and_registration_accept_an_internal_address(make, login, client):
    moderator = make.user("Dr. Mod Erator")
    group = make.group("Ward Round", moderators=[moderator])
    created = login(moderator).post(f"/g/{group.slug}/invites", data={"email": "Nurse.Kim@Ward7.LAN"})
    assert created.status_code == 200
    token = token_from_link(link_from_page(created.get_data(as_text=True)))
    response = register(client, token, registration("nurse.kim@ward7.lan"))
    assert response.status_code == 302, response.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.email == "nurse.kim@ward7.lan")) is not None


def test_every_form_refuses_a_malformed_address_and_keeps_it(make, login, client):
    moderator = make.user("Dr. Mod Erator")
    group = make.group("Ward Round", moderators=[moderator])
    browser = login(moderator)
    invite = browser.post(f"/g/{group.slug}/invites", data={"email": "nurse at ward7"})
    assert invite.status_code == 200
    html = invite.get_data(as_text=True)
    assert "Enter a valid e-mail address" in html and 'value="nurse at ward7"' in html
    assert 'id="new-link"' not in html

    login_page = client.post("/auth/login", data={"email": "admin@", "password": "x"})
    assert "Enter a valid e-mail address" in login_page.get_data(as_text=True)
    reset = client.post("/auth/reset", data={"email": "admin@hospital..local"})
    assert reset.status_code == 422 and "Enter a valid e-mail address" in reset.get_data(as_text=True)

    created = browser.post(f"/g/{group.slug}/invites", data={})
    token = token_from_link(link_from_page(created.get_data(as_text=True)))
    register = client.post(f"/invite/{token}", data=registration("ines@lakeside..example"))
    assert register.status_code == 422
    html = register.get_data(as_text=True)
    assert "Enter a valid e-mail address" in html and 'value="ines@lakeside..example"' in html
    assert db.session.scalar(select(User).where(User.email.like("ines%"))) is None


def test_password_reset_accepts_an_internal_address(app, client):
    assert _create_admin(app, "admin@hospital.local").exit_code == 0
    response = client.post("/auth/reset", data={"email": "admin@hospital.local"})
    assert response.status_code == 200 and "Check your e-mail" in response.get_data(as_text=True)


def test_the_rule_outside_a_request():
    assert normalise_address("  Admin@Hospital.LOCAL ") == "admin@hospital.local"
    assert normalise_address("dr.weber@praxis.example.org") == "dr.weber@praxis.example.org"
    for bad in ("", "admin", "@hospital.local", "admin@local", "admin@hospital.onion", "a b@hospital.local",
                "admin@-hospital.local", "x" * 250 + "@a.lan"):
        with pytest.raises(InvalidAddress):
            normalise_address(bad)
