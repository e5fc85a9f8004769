"""Where a sign-in came from is stored as data (browser family, operating system, device kind) and put
into words when read, in the reader's language; rows written as English sentences are migrated."""
from __future__ import annotations

import json

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from config import TestingConfig
from forum import create_app
from forum.accounts.models import SecurityEvent, UserSession
from forum.accounts.security import Client, describe_client
from forum.extensions import db
from tests.factories import PASSWORD

from ..test_migrations import empty_database_url  # noqa: F401  (the fixture)
from ..verification.support import mails_to

FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI_IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                 "Version/17.5 Mobile/15E148 Safari/604.1")
SAFARI_IPAD = ("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
               "Version/17.5 Mobile/15E148 Safari/604.1")
CHROME_ANDROID_TABLET = ("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) "
                         "Chrome/126.0.0.0 Safari/537.36")
CHROME_ANDROID_PHONE = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                        "Chrome/126.0.0.0 Mobile Safari/537.36")


@pytest.mark.parametrize("agent, expected", [
    (FIREFOX_LINUX, Client("Firefox", "Linux", "computer")),
    (SAFARI_IPHONE, Client("Safari", "iOS", "phone")),
    (SAFARI_IPAD, Client("Safari", "iOS", "tablet")),
    (CHROME_ANDROID_TABLET, Client("Chrome", "Android", "tablet")),
    (CHROME_ANDROID_PHONE, Client("Chrome", "Android", "phone")),
    ("curl/8.5.0", Client()),
    (None, Client()),
])
def test_a_user_agent_becomes_browser_system_and_device_kind(agent, expected):
    assert describe_client(agent) == expected


def _sign_in(client, user, agent):
    response = client.post("/auth/login", data={"email": user.email, "password": PASSWORD},
                           environ_base={"REMOTE_ADDR": "198.51.100.77", "HTTP_USER_AGENT": agent})
    assert response.status_code == 302
    return response


def test_sign_ins_are_stored_as_data_not_as_an_english_sentence(app, make, client):
    member = make.user()
    _sign_in(client, member, SAFARI_IPHONE)
    event = db.session.query(SecurityEvent).filter_by(user_id=member.id, action="auth:login:success").one()
    assert (event.client_browser, event.client_os, event.client_device) == ("Safari", "iOS", "phone")
    record = db.session.query(UserSession).filter_by(user_id=member.id).one()
    assert (record.client_browser, record.client_os, record.client_device) == ("Safari", "iOS", "phone")
    app.config["WTF_CSRF_ENABLED"] = False
    export = client.post("/me/export", environ_base={"HTTP_USER_AGENT": SAFARI_IPHONE})
    assert export.status_code == 200
    clients = [item["client"] for item in json.loads(export.get_data(as_text=True))["security_events"]]
    assert {"browser": "Safari", "system": "iOS", "device": "phone"} in clients


@pytest.mark.parametrize("lang, described, english", [
    ("de", "Firefox unter Linux (Computer)", "Firefox on Linux"),
    ("hi", "Linux पर Firefox (कंप्यूटर)", "Firefox on Linux"),
    ("en", "Firefox on Linux (computer)", None),
])
def test_the_sessions_page_names_the_client_in_the_readers_language(app, make, client, lang, described, english):
    member = make.user()
    member.locale = lang
    db.session.commit()
    _sign_in(client, member, FIREFOX_LINUX)
    page = client.get("/settings/sessions", environ_base={"HTTP_USER_AGENT": FIREFOX_LINUX}).get_data(as_text=True)
    assert page.count(described) == 2  # the active session and the sign-in history
    if english:
        assert english not in page
    security = client.get("/settings/security", environ_base={"HTTP_USER_AGENT": FIREFOX_LINUX})
    assert described in security.get_data(as_text=True)


def test_an_admin_reads_a_members_client_in_the_admins_language(app, make, login):
    member = make.user("Mira Member")
    _sign_in(app.test_client(), member, SAFARI_IPAD)
    admin = make.user("Operator", admin=True)
    admin.locale = "de"
    db.session.commit()
    page = login(admin).get("/admin/security").get_data(as_text=True)
    assert "Safari unter iOS (Tablet)" in page and "Safari on iOS" not in page


def test_the_lock_notice_reaches_a_hindi_speaking_owner_in_hindi_whatever_the_attackers_browser(app, make):
    owner = make.user("Dr. Priya Nair", email="priya@aiims.example")
    owner.locale = "hi"
    db.session.commit()
    attacker = app.test_client()
    for _ in range(6):
        attempt = attacker.post("/auth/login", data={"email": owner.email, "password": "guess-guess-guess"},
                                headers={"Accept-Language": "en"},
                                environ_base={"REMOTE_ADDR": "198.51.100.7", "HTTP_USER_AGENT": FIREFOX_LINUX})
        attempt.close()  # the notice goes out once the answer is sent
    [notice] = mails_to(app, owner.email)
    body = notice.get_content()
    # (Python's header folding drops the space where it splits a long non-ASCII subject into two
    # encoded words, so the subject is compared by its unfolded tail.)
    assert notice["Subject"].startswith("आपके Konsil") and notice["Subject"].endswith("असफल sign-in प्रयास")
    assert "Linux पर Firefox (कंप्यूटर)" in body and "198.51.100.0/24" in body
    assert "someone entered" not in body and "not affected" not in body
    assert "यह ई-मेल आपको घंटे में अधिकतम एक बार मिलता है।" in body


def test_stored_sentences_are_migrated_to_data(empty_database_url):  # noqa: F811
    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": empty_database_url})
    sentences = {
        1: ("Firefox on Linux", ("Firefox", "Linux", "computer")),
        2: ("Safari on iOS", ("Safari", "iOS", "")),
        3: ("Samsung Internet on Android", ("Samsung Internet", "Android", "")),
        4: ("a browser on Windows", ("", "Windows", "computer")),
        5: ("Chrome", ("Chrome", "", "")),
        6: ("an unknown client", ("", "", "")),
        7: ("no client given", ("", "", "")),
        8: ("", ("", "", "")),
    }
    with app.app_context():
        upgrade(revision="0021")
        with db.engine.begin() as connection:
            for event_id, (sentence, _) in sentences.items():
                connection.execute(text(
                    "INSERT INTO security_events (id, created_at, action, ip_prefix, client) "
                    "VALUES (:id, CURRENT_TIMESTAMP, 'auth:login:success', '', :client)"),
                    {"id": event_id, "client": sentence})
        upgrade(revision="0020")
        with db.engine.connect() as connection:
            rows = dict((row[0], tuple(row[1:])) for row in connection.execute(text(
                "SELECT id, client_browser, client_os, client_device FROM security_events")))
        assert rows == {event_id: parsed for event_id, (_, parsed) in sentences.items()}
        db.engine.dispose()
