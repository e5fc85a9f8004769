"""Password reset by e-mail, received over real SMTP."""
import re
from datetime import timedelta

from forum.accounts.models import PasswordResetToken, SecurityEvent
from forum.db_types import utcnow
from forum.extensions import db
from tests.factories import PASSWORD

from .helpers import is_signed_in
from tests.conftest import sign_in

NEW_PASSWORD = "lantern orchid subway metronome"


def _link(message) -> str:
    body = message.get_content()
    match = re.search(r"https?://\S+/auth/reset/(\S+)", body)
    assert match, body
    return "/auth/reset/" + match.group(1)


def _request(client, email, **kwargs):
    """Ask for a link. The link is mailed once the answer has gone out, i.e. when the server closes the
    response, as a WSGI server does after sending it."""
    response = client.post("/auth/reset", data={"email": email}, **kwargs)
    response.get_data()
    response.close()
    return response


def test_reset_link_arrives_by_mail_and_sets_a_new_password(app, make, client, smtp_server):
    member = make.user("Anna Schmidt", email="anna@clinic.example")
    response = _request(client, "Anna@Clinic.example")
    assert response.status_code == 200
    assert "Check your e-mail" in response.get_data(as_text=True)

    assert len(smtp_server) == 1
    message = smtp_server[0]
    assert message.envelope_to == ["anna@clinic.example"]
    assert message["Subject"] == "Reset your Konsil password"
    link = _link(message)
    # Built on BASE_URL, not on the Host header the client sent.
    assert app.config["BASE_URL"] in message.get_content()
    token = link.rsplit("/", 1)[1]
    stored = db.session.query(PasswordResetToken).filter_by(user_id=member.id).one()
    assert stored.token_hash != token and token not in stored.token_hash
    assert stored.expires_at - stored.created_at == timedelta(hours=1)

    form = client.get(link)
    assert form.status_code == 200 and 'name="password"' in form.get_data(as_text=True)
    done = client.post(link, data={"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})
    assert done.status_code == 302 and done.location.endswith("/auth/login")

    # A notice of the change arrives, without the password in it.
    assert smtp_server[-1]["Subject"] == "Your Konsil password was changed"
    assert NEW_PASSWORD not in smtp_server[-1].get_content()

    assert sign_in(client, member).status_code == 200  # the old password no longer works
    assert not is_signed_in(client)
    assert sign_in(client, member, password=NEW_PASSWORD).status_code == 302
    actions = {event.action for event in db.session.query(SecurityEvent).filter_by(user_id=member.id)}
    assert {"auth:password:reset_request", "auth:password:reset"} <= actions


def test_same_answer_and_no_mail_for_an_unknown_address(app, make, client, smtp_server):
    make.user(email="known@clinic.example")
    known = _request(client, "known@clinic.example")
    unknown = _request(client, "nobody@clinic.example")
    assert known.status_code == unknown.status_code == 200
    normalise = lambda response: response.get_data(as_text=True).replace("known@clinic.example", "X").replace(
        "nobody@clinic.example", "X")
    assert normalise(known) == normalise(unknown)
    assert [m["To"] for m in smtp_server] == ["known@clinic.example"]


def test_a_reset_link_opened_twice_says_it_was_used(app, make, client, smtp_server):
    make.user(email="anna@clinic.example")
    _request(client, "anna@clinic.example")
    link = _link(smtp_server[0])
    client.post(link, data={"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})

    again = client.get(link)
    assert again.status_code == 410
    assert "This link was already used" in again.get_data(as_text=True)
    reuse = client.post(link, data={"password": "another long passphrase here", "password_confirm":
                                    "another long passphrase here"})
    assert reuse.status_code == 410


def test_an_expired_link_says_so(app, make, client, smtp_server):
    member = make.user(email="anna@clinic.example")
    _request(client, "anna@clinic.example")
    link = _link(smtp_server[0])
    row = db.session.query(PasswordResetToken).filter_by(user_id=member.id).one()
    row.created_at = utcnow() - timedelta(hours=2)
    row.expires_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    response = client.get(link)
    assert response.status_code == 410
    assert "This link has expired" in response.get_data(as_text=True)


def test_a_later_password_change_voids_the_link(app, make, client, login, smtp_server):
    member = make.user(email="anna@clinic.example")
    _request(client, "anna@clinic.example")
    link = _link(smtp_server[0])
    browser = login(member)
    changed = browser.post("/settings/password", data={"current_password": PASSWORD, "password": NEW_PASSWORD,
                                                       "password_confirm": NEW_PASSWORD})
    assert changed.status_code == 302
    response = client.get(link)
    assert response.status_code == 410
    assert "Your password was changed after this link was sent" in response.get_data(as_text=True)


def test_an_unknown_token_gets_a_clear_page(app, client):
    response = client.get("/auth/reset/not-a-real-token")
    assert response.status_code == 404
    assert "This link is not valid" in response.get_data(as_text=True)


def test_a_weak_new_password_is_refused_and_the_link_stays_usable(app, make, client, smtp_server):
    make.user(email="anna@clinic.example")
    _request(client, "anna@clinic.example")
    link = _link(smtp_server[0])
    weak = client.post(link, data={"password": "password1234", "password_confirm": "password1234"})
    assert weak.status_code == 422
    differ = client.post(link, data={"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD + "x"})
    assert "The passwords differ." in differ.get_data(as_text=True)
    assert client.get(link).status_code == 200


def test_reset_ends_every_session(app, make, login, client, smtp_server):
    member = make.user(email="anna@clinic.example")
    elsewhere = login(member)
    assert is_signed_in(elsewhere)
    _request(client, "anna@clinic.example")
    link = _link(smtp_server[0])
    client.post(link, data={"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})
    assert not is_signed_in(elsewhere)


def test_reset_requests_are_capped_per_account_without_changing_the_answer(app, make, client, smtp_server):
    make.user(email="anna@clinic.example")
    answers = {_request(client, "anna@clinic.example").get_data(as_text=True) for _ in range(5)}
    assert len(answers) == 1
    assert len(smtp_server) == 3


def test_reset_still_needs_the_second_factor_to_sign_in(app, make, client, smtp_server):
    from .helpers import code, enrol

    member = make.user(email="anna@clinic.example")
    sign_in(client, member)
    secret, _ = enrol(client, member)
    client.post("/auth/logout")
    _request(client, "anna@clinic.example")
    link = _link([m for m in smtp_server if m["Subject"] == "Reset your Konsil password"][0])
    client.post(link, data={"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})
    assert sign_in(client, member, password=NEW_PASSWORD).status_code == 200
    assert not is_signed_in(client)
    assert client.post("/auth/login", data={"otp": code(secret)}).status_code == 302


def test_a_forged_host_header_does_not_reach_the_reset_mail(app, make, client, smtp_server):
    make.user(email="anna@clinic.example")
    _request(client, "anna@clinic.example", headers={"Host": "attacker.example"})
    body = smtp_server[0].get_content()
    assert "attacker.example" not in body
    assert app.config["BASE_URL"] + "/auth/reset/" in body


def test_the_reset_mail_leaves_only_after_the_answer(app, make, client, smtp_server):
    make.user(email="anna@clinic.example")
    response = client.post("/auth/reset", data={"email": "anna@clinic.example"})
    assert "Check your e-mail" in response.get_data(as_text=True)
    assert smtp_server == []  # the answer is complete before anything is sent
    response.close()
    assert [message["Subject"] for message in smtp_server] == ["Reset your Konsil password"]
