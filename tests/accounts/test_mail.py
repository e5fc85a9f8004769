"""Mail delivery: real SMTP on loopback without STARTTLS, the outbox folder by default, and failures that
never change what a page says."""
import socket
from email import message_from_bytes, policy

import pytest

from forum.mail import MailError, send


def test_bound_invitation_is_delivered_over_smtp(app, make, login, smtp_server):
    owner = make.user("Olga Owner")
    group = make.group(owner=owner, name="Night Shift")
    browser = login(owner)
    response = browser.post(f"/g/{group.slug}/invites", data={"email": "new.colleague@clinic.example"})
    assert response.status_code in (200, 302)
    assert len(smtp_server) == 1
    message = smtp_server[0]
    assert message.envelope_to == ["new.colleague@clinic.example"]
    # Member-written text (the group's and the inviter's names) is quoted in the body, never in the subject.
    assert "Night Shift" not in message["Subject"] and "Olga" not in message["Subject"]
    assert "“Night Shift”" in message.get_content() and "“Olga Owner”" in message.get_content()
    assert "/invite/" in message.get_content()
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Message-ID"].endswith("@konsil.invalid>")


def test_without_smtp_mail_goes_to_the_outbox_folder(app, tmp_path):
    with app.test_request_context():
        send("someone@clinic.example", "Outbox check", "Hello from the outbox.")
    files = list((tmp_path / "outbox").glob("*.eml"))
    assert len(files) == 1
    message = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert message["To"] == "someone@clinic.example" and message["Subject"] == "Outbox check"
    assert "Hello from the outbox." in message.get_content()


def test_credentials_are_never_sent_without_tls(app, smtp_server):
    app.config.update(SMTP_USERNAME="konsil", SMTP_PASSWORD="relay-password")
    with app.test_request_context(), pytest.raises(MailError, match="refusing to send the password"):
        send("someone@clinic.example", "Subject", "Body")
    assert smtp_server == []


def test_a_mail_server_that_is_down_does_not_change_the_reset_answer(app, make, client):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=closed_port, SMTP_STARTTLS=False, SMTP_TIMEOUT=2)
    make.user(email="anna@clinic.example")
    with app.test_request_context(), pytest.raises(MailError):
        send("anna@clinic.example", "Subject", "Body")
    known = client.post("/auth/reset", data={"email": "anna@clinic.example"})
    unknown = client.post("/auth/reset", data={"email": "nobody@clinic.example"})
    assert known.status_code == unknown.status_code == 200
    assert known.get_data(as_text=True).replace("anna@", "X@") == unknown.get_data(as_text=True).replace(
        "nobody@", "X@")
