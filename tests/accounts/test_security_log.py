"""The security event log: the user's own page, the admins' page, admin resets, and no secrets anywhere."""
import json
import logging
import re

import pytest

from forum.accounts.models import SecurityEvent, TwoFactor
from forum.audit import LogEntry
from forum.extensions import db
from tests.factories import PASSWORD

from .helpers import code, enrol, is_signed_in
from tests.conftest import sign_in


def test_users_see_their_own_events_only(app, make, client, login):
    member, other = make.user("Anna Schmidt"), make.user("Bert Other")
    client.post("/auth/login", data={"email": member.email, "password": "wrong password here"})
    login(other)
    browser = login(member)
    page = browser.get("/settings/security").get_data(as_text=True)
    assert "Failed sign-in" in page and "Signed in" in page
    mine = db.session.query(SecurityEvent).filter_by(user_id=member.id).count()
    assert page.count("<tr class=\"event") == mine
    assert db.session.query(SecurityEvent).filter_by(user_id=other.id).count() == 1


def test_admins_read_the_security_log_and_members_cannot(app, make, login, client):
    admin, member = make.user("Operator", admin=True), make.user("Anna Schmidt")
    client.post("/auth/login", data={"email": "ghost@nowhere.example", "password": "whatever it is"})
    member_browser = login(member)
    assert member_browser.get("/admin/security").status_code == 403
    assert "/auth/login" in client.get("/admin/security").location

    browser = login(admin)
    page = browser.get("/admin/security").get_data(as_text=True)
    assert "Anna Schmidt" in page and "unknown account" in page and "Failed sign-in" in page
    assert "ghost@nowhere.example" not in page
    filtered = browser.get(f"/admin/security?user=@{member.username}").get_data(as_text=True)
    assert "Anna Schmidt" in filtered and "unknown account" not in filtered
    failures = browser.get("/admin/security?action=auth:login:failure").get_data(as_text=True)
    assert "Failed sign-in" in failures and "Signed in</td>" not in failures


def test_admin_resets_a_lost_second_factor_and_it_is_logged(app, make, login, client, smtp_server):
    admin, member = make.user("Operator", admin=True), make.user("Anna Schmidt")
    sign_in(client, member)
    enrol(client, member)
    assert is_signed_in(client)

    outsider = login(make.user("Somebody"))
    assert outsider.post(f"/admin/security/users/{member.id}/reset-two-factor",
                         data={"reason": "lost phone"}).status_code == 403

    browser = login(admin)
    page = browser.get(f"/admin/security?user={member.email}").get_data(as_text=True)
    assert "Reset second factor" in page
    missing_reason = browser.post(f"/admin/security/users/{member.id}/reset-two-factor", data={"reason": ""})
    assert missing_reason.status_code == 302
    assert db.session.query(TwoFactor).filter_by(user_id=member.id).count() == 1

    done = browser.post(f"/admin/security/users/{member.id}/reset-two-factor",
                        data={"reason": "Lost phone, identity checked by call-back"})
    assert done.status_code == 302
    assert db.session.query(TwoFactor).filter_by(user_id=member.id).count() == 0
    event = db.session.query(SecurityEvent).filter_by(user_id=member.id, action="auth:2fa:reset").one()
    assert event.actor_id == admin.id
    entry = db.session.query(LogEntry).filter_by(action="account:2fa:reset").one()
    assert entry.subject_user_id == member.id and entry.actor_id == admin.id
    assert smtp_server[-1]["Subject"] == "Your Konsil second factor was reset"
    assert smtp_server[-1]["To"] == member.email
    assert not is_signed_in(client)  # their sessions ended
    assert sign_in(client, member).status_code == 302  # password alone again
    assert "Two-factor sign-in turned off" not in client.get("/settings/security").get_data(as_text=True)
    assert "reset by an admin" in client.get("/settings/security").get_data(as_text=True)


def test_admins_cannot_reset_their_own_second_factor(app, make, login):
    admin = make.user("Operator", admin=True)
    browser = login(admin)
    enrol(browser.client, admin)
    assert browser.post(f"/admin/security/users/{admin.id}/reset-two-factor",
                        data={"reason": "mine"}).status_code == 403


def test_no_password_token_code_or_post_text_in_any_log(app, make, client, login, smtp_server, caplog):
    caplog.set_level(logging.DEBUG)
    member = make.user("Anna Schmidt", email="anna@clinic.example")
    group = make.group(members=[member])
    post_text = "Unusual presentation of sarcoidosis in a marathon runner"
    make.topic(group, member, title="Sarcoidosis", body=post_text)
    client.post("/auth/login", data={"email": member.email, "password": "my wrong secret guess"})
    sign_in(client, member)
    secret, codes = enrol(client, member)
    client.post("/auth/logout")
    sign_in(client, member)
    client.post("/auth/login", data={"otp": "99999x"})
    client.post("/auth/login", data={"otp": codes[0]})
    client.post("/me/export")
    client.post("/auth/logout")
    client.post("/auth/reset", data={"email": member.email}).close()  # the link is mailed on close
    link = re.search(r"/auth/reset/\S+", smtp_server[-1].get_content()).group(0)
    token = link.rsplit("/", 1)[1]
    new_password = "violet harbour seventeen kites"
    client.post(link, data={"password": new_password, "password_confirm": new_password})
    sign_in(client, member, password=new_password, otp=code(secret, 1))
    client.post("/me/delete", data={"password": new_password, "otp": code(secret, -1), "confirm": "y"})

    rows = [json.dumps({c.name: str(getattr(e, c.name)) for c in e.__table__.columns})
            for model in (SecurityEvent, LogEntry) for e in db.session.query(model)]
    # Everything the app logged; aiosmtpd's own "mail.log" is the test's stand-in for a remote mail server.
    app_logs = "\n".join(f"{record.name} {record.getMessage()} {record.__dict__}" for record in caplog.records
                         if not record.name.startswith("mail.log"))
    logged = "\n".join(rows) + "\n" + app_logs
    assert db.session.query(SecurityEvent).count() >= 8
    for secret_text in [PASSWORD, "my wrong secret guess", new_password, token, secret, post_text, *codes,
                        codes[0].replace("-", ""), "99999x", "anna@clinic.example"]:
        assert secret_text not in logged, secret_text


def test_the_operator_resets_the_last_admins_second_factor_from_the_command_line(app, make, client, smtp_server):
    admin = make.user("Operator", admin=True, email="ops@clinic.example")
    sign_in(client, admin)
    enrol(client, admin)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["accounts", "reset-two-factor", "--email", "ops@clinic.example",
                                 "--reason", "Lost phone and codes; identity checked in person"])
    assert result.exit_code == 0, result.output
    assert db.session.query(TwoFactor).filter_by(user_id=admin.id).count() == 0
    entry = db.session.query(LogEntry).filter_by(action="account:2fa:reset").one()
    assert entry.actor_id is None and entry.actor_name == "system" and entry.subject_user_id == admin.id
    assert smtp_server[-1]["Subject"] == "Your Konsil second factor was reset"
    assert not is_signed_in(client)
    unknown = runner.invoke(args=["accounts", "reset-two-factor", "--email", "nobody@x.example", "--reason", "x"])
    assert unknown.exit_code != 0 and "no account" in unknown.output
