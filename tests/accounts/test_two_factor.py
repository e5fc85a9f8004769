import re

from forum.accounts.models import RecoveryCode, SecurityEvent, TwoFactor
from forum.audit import LogEntry
from forum.extensions import db

from tests.factories import PASSWORD

from .helpers import code, enrol, is_signed_in, secret_of
from tests.conftest import sign_in


def test_member_enrols_with_a_locally_drawn_qr_code_and_a_first_code(app, make, login):
    member = make.user("Anna Schmidt")
    browser = login(member)

    page = browser.get("/settings/two-factor").get_data(as_text=True)
    assert "Set up two-factor sign-in" in page

    assert browser.post("/settings/two-factor/start").status_code == 302
    page = browser.get("/settings/two-factor").get_data(as_text=True)
    # The QR code is an SVG data: URI drawn by the server; no external service, no inline styles.
    assert re.search(r'<img class="qr" src="data:image/svg\+xml[^"]+"', page)
    assert "style=" not in page and "<script>" not in page
    secret = secret_of(member)
    assert " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)) in page
    # Not in force until confirmed.
    assert db.session.query(TwoFactor).filter_by(user_id=member.id).one().is_active is False

    wrong = browser.post("/settings/two-factor/confirm", data={"code": "000000" if code(secret) != "000000" else "111111",
                                                               "password": PASSWORD})
    assert wrong.status_code == 422
    assert "That code is not valid" in wrong.get_data(as_text=True)

    confirmed = browser.post("/settings/two-factor/confirm", data={"code": code(secret), "password": PASSWORD})
    assert confirmed.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", confirmed.get_data(as_text=True))
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "shown only this once" in confirmed.get_data(as_text=True)
    stored = db.session.query(RecoveryCode).filter_by(user_id=member.id).all()
    assert len(stored) == 10
    stored_text = " ".join(f"{row.salt} {row.code_hash}" for row in stored)
    assert not any(c in stored_text or c.replace("-", "") in stored_text for c in codes)
    assert db.session.query(SecurityEvent).filter_by(user_id=member.id, action="auth:2fa:enable").count() == 1
    # Shown once: the settings page no longer lists them.
    assert codes[0] not in browser.get("/settings/two-factor").get_data(as_text=True)


def test_sign_in_asks_for_the_code_as_a_second_step(app, make, client):
    member = make.user()
    browser = client
    assert sign_in(browser, member).status_code == 302
    secret, _ = enrol(browser, member)
    browser.post("/auth/logout")

    first = sign_in(browser, member)
    assert first.status_code == 200
    html = first.get_data(as_text=True)
    assert 'name="otp"' in html and 'name="password"' not in html
    assert not is_signed_in(browser)

    wrong = browser.post("/auth/login", data={"otp": "12345x"})
    assert wrong.status_code == 422
    assert "That code is not valid" in wrong.get_data(as_text=True)

    right = browser.post("/auth/login", data={"otp": code(secret)})
    assert right.status_code == 302
    assert is_signed_in(browser)


def test_email_password_and_otp_in_one_post_sign_in_directly(app, make, client):
    member = make.user()
    sign_in(client, member)
    secret, _ = enrol(client, member)
    client.post("/auth/logout")
    response = sign_in(client, member, otp=code(secret))
    assert response.status_code == 302
    assert is_signed_in(client)


def test_a_code_is_accepted_only_once(app, make, client):
    member = make.user()
    sign_in(client, member)
    secret, _ = enrol(client, member)
    client.post("/auth/logout")
    used = code(secret, 1)
    assert sign_in(client, member, otp=used).status_code == 302
    client.post("/auth/logout")

    again = sign_in(client, member, otp=used)
    assert again.status_code == 422
    assert "already used" in again.get_data(as_text=True)
    assert not is_signed_in(client)


def test_an_old_code_is_called_expired(app, make, client):
    member = make.user()
    sign_in(client, member)
    secret, _ = enrol(client, member)
    client.post("/auth/logout")
    response = sign_in(client, member, otp=code(secret, -4))
    assert response.status_code == 422
    assert "expired" in response.get_data(as_text=True)
    assert not is_signed_in(client)


def test_a_lost_authenticator_is_recovered_with_a_single_use_recovery_code(app, make, client):
    member = make.user()
    sign_in(client, member)
    _, codes = enrol(client, member)
    client.post("/auth/logout")

    sign_in(client, member)
    response = client.post("/auth/login", data={"otp": codes[3].upper()}, follow_redirects=True)
    assert response.status_code == 200
    assert "recovery code; 9 of them are left" in response.get_data(as_text=True)
    assert db.session.query(SecurityEvent).filter_by(user_id=member.id, action="auth:recovery:use").count() == 1
    client.post("/auth/logout")

    sign_in(client, member)
    reused = client.post("/auth/login", data={"otp": codes[3]})
    assert reused.status_code == 422
    assert "That recovery code was already used" in reused.get_data(as_text=True)
    assert not is_signed_in(client)


def test_regenerated_recovery_codes_replace_the_old_ones(app, make, client):
    member = make.user()
    sign_in(client, member)
    secret, old_codes = enrol(client, member)
    response = client.post("/settings/two-factor/recovery-codes", data={"otp": code(secret, 1)})
    assert response.status_code == 200
    new_codes = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", response.get_data(as_text=True))
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    client.post("/auth/logout")

    sign_in(client, member)
    assert client.post("/auth/login", data={"otp": old_codes[0]}).status_code == 422
    assert client.post("/auth/login", data={"otp": new_codes[0]}).status_code == 302


def test_turning_two_factor_off_needs_password_and_code(app, make, client):
    member = make.user()
    sign_in(client, member)
    secret, _ = enrol(client, member)

    refused = client.post("/settings/two-factor/disable", data={"password": "wrong password", "otp": code(secret, 1)})
    assert refused.status_code == 422
    assert "Your password is not correct." in refused.get_data(as_text=True)
    assert db.session.query(TwoFactor).filter_by(user_id=member.id).count() == 1

    from tests.factories import PASSWORD
    done = client.post("/settings/two-factor/disable", data={"password": PASSWORD, "otp": code(secret, 1)})
    assert done.status_code == 302
    assert db.session.query(TwoFactor).filter_by(user_id=member.id).count() == 0
    assert db.session.query(RecoveryCode).filter_by(user_id=member.id).count() == 0
    client.post("/auth/logout")
    assert sign_in(client, member).status_code == 302


def test_moving_to_a_new_authenticator_keeps_the_old_one_until_confirmed(app, make, client):
    from tests.factories import PASSWORD

    member = make.user()
    sign_in(client, member)
    old_secret, _ = enrol(client, member)
    assert client.post("/settings/two-factor/start", data={"password": PASSWORD, "otp": code(old_secret, 1)}
                       ).status_code == 302
    factor = db.session.query(TwoFactor).filter_by(user_id=member.id).one()
    new_secret = factor.pending_secret
    assert new_secret and new_secret != old_secret and factor.secret == old_secret
    response = client.post("/settings/two-factor/confirm", data={"code": code(new_secret), "password": PASSWORD})
    assert response.status_code == 200
    db.session.expire_all()
    assert db.session.query(TwoFactor).filter_by(user_id=member.id).one().secret == new_secret


def test_two_step_sign_in_works_with_csrf_protection_on(app, make, client):
    from tests.conftest import csrf_token_from
    from tests.factories import PASSWORD

    member = make.user()
    sign_in(client, member)
    secret, _ = enrol(client, member)
    client.post("/auth/logout")
    app.config["WTF_CSRF_ENABLED"] = True

    token = csrf_token_from(client.get("/auth/login").get_data(as_text=True))
    step = client.post("/auth/login", data={"email": member.email, "password": PASSWORD, "csrf_token": token})
    assert step.status_code == 200 and 'name="otp"' in step.get_data(as_text=True)
    without_token = client.post("/auth/login", data={"otp": code(secret)})
    assert without_token.status_code == 400
    token = csrf_token_from(step.get_data(as_text=True))
    done = client.post("/auth/login", data={"otp": code(secret), "csrf_token": token})
    assert done.status_code == 302
    assert is_signed_in(client)


def test_the_password_step_expires_after_a_few_minutes(app, make, client):
    from datetime import timedelta

    from forum.db_types import utcnow

    member = make.user()
    sign_in(client, member)
    secret, _ = enrol(client, member)
    client.post("/auth/logout")
    assert sign_in(client, member).status_code == 200
    with client.session_transaction() as session:
        session["login_pending"]["at"] = (utcnow() - timedelta(minutes=6)).isoformat()
        session.modified = True
    response = client.post("/auth/login", data={"otp": code(secret)})
    assert response.status_code == 422  # back to the password form: the code alone is not enough
    assert 'name="password"' in response.get_data(as_text=True)
    assert "Signing in took too long" in response.get_data(as_text=True)
    assert not is_signed_in(client)


def test_pages_rendered_right_after_a_session_renewal_carry_a_valid_csrf_token(app, make, client):
    from tests.conftest import csrf_token_from

    member = make.user()
    sign_in(client, member)
    app.config["WTF_CSRF_ENABLED"] = True
    page = client.get("/settings/two-factor").get_data(as_text=True)
    assert client.post("/settings/two-factor/start", data={"csrf_token": csrf_token_from(page)}).status_code == 302
    page = client.get("/settings/two-factor").get_data(as_text=True)
    codes_page = client.post("/settings/two-factor/confirm", data={"code": code(secret_of(member)),
                                                                    "password": PASSWORD,
                                                                    "csrf_token": csrf_token_from(page)})
    assert codes_page.status_code == 200  # the session was renewed while this page was made
    token = csrf_token_from(codes_page.get_data(as_text=True))
    assert client.post("/auth/logout", data={"csrf_token": token}).status_code == 302
    assert not is_signed_in(client)
