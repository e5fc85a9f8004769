"""Choosing the language and the time zone; e-mails in the recipient's language; the guard's
explanations in the author's language."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from babel.messages.pofile import read_po
from sqlalchemy import select

from forum.accounts.models import User
from forum.extensions import db
from forum.i18n.guard_texts import _KNOWN as GUARD_ENGLISH
from forum.posts.models import Post

from ..verification.support import applicant, mails_to, outbox
from .support import ROOT, english_left, english_ui_strings


def _translations(lang: str) -> dict[str, str]:
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return {m.id: m.string for m in read_po(handle, locale=lang) if m.id and isinstance(m.id, str)}


def _speaks(user, lang: str, zone: str = "") -> None:
    user.locale, user.timezone = lang, zone
    db.session.commit()


# --- e-mails --------------------------------------------------------------------------------------


def test_password_reset_mail_to_a_hindi_speaking_member_is_in_hindi(app, make, client):
    priya = make.user("Dr. Priya Nair", email="priya@aiims.example")
    _speaks(priya, "hi")
    # Asked for from an English browser: the e-mail still follows the member's own language.
    response = client.post("/auth/reset", data={"email": "priya@aiims.example"}, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    response.close()  # the link is mailed once the answer has gone out
    [message] = mails_to(app, "priya@aiims.example")
    hi = _translations("hi")
    assert message["Subject"] == hi["Reset your Konsil password"]
    body = message.get_content()
    assert "नमस्ते Dr. Priya Nair," in body and "/auth/reset/" in body
    assert "someone (hopefully you)" not in body and re.search(r"[\u0900-\u097F]{4}", body)


def test_verification_decision_reaches_a_hindi_applicant_in_hindi(app, make, login):
    applicant_user, request = applicant(make, "Dr. Arjun Mehta")
    _speaks(applicant_user, "hi")
    verifier = login(make.user("Vera Verifier", verifier=True))  # reads English
    response = verifier.post(f"/admin/verifications/{request.id}", data={"decision": "approve", "version": "1"})
    assert response.status_code == 302
    [message] = mails_to(app, applicant_user.email)
    assert message["Subject"] == _translations("hi")["Your Konsil verification is approved"]
    assert "नमस्ते Dr. Arjun Mehta," in message.get_content()


def test_an_invitation_is_written_in_the_language_the_inviter_chooses(app, make, login):
    owner = make.user("Olga Owner")
    group = make.group(owner=owner, name="Nachtdienst")
    browser = login(owner)
    page = browser.get(f"/g/{group.slug}/invites").get_data(as_text=True)
    assert '<option selected value="en">' in page or 'value="en" selected' in page  # the inviter's own, by default
    browser.post(f"/g/{group.slug}/invites", data={"email": "kollegin@klinik.example", "language": "de"})
    [message] = mails_to(app, "kollegin@klinik.example")
    assert message["Subject"] == "Eine Einladung in eine geschlossene Gruppe auf Konsil"
    body = message.get_content()
    assert "Um anzunehmen, öffnen Sie diesen Link" in body and "“Nachtdienst”" in body
    assert "To accept, open this link" not in body


def test_the_inviter_cannot_pick_a_language_without_a_catalogue(app, make, login):
    owner = make.user("Olga Owner")
    group = make.group(owner=owner, name="Night Shift")
    browser = login(owner)
    response = browser.post(f"/g/{group.slug}/invites", data={"email": "a@clinic.example", "language": "fr"})
    assert response.status_code == 200 and mails_to(app, "a@clinic.example") == []


# --- the guard ------------------------------------------------------------------------------------


def test_guard_explanations_come_back_in_the_authors_language(app, make, login):
    author = make.user("Dr. Jonas Weber")
    browser = login(author)
    body = "Patientin Frau Erika Mustermann, geb. 03.04.1950, Tel. 0221 4789 3321, MRN 4471234."
    english = browser.post("/posts/preview", data={"body": body}).get_json()
    assert english["findings"] and all(f["explanation"] in GUARD_ENGLISH for f in english["findings"])

    for lang in ("de", "hi"):
        _speaks(author, lang)
        findings = browser.post("/posts/preview", data={"body": body}).get_json()["findings"]
        translations = _translations(lang)
        assert [f["explanation"] for f in findings] == [translations[f["explanation"]] for f in english["findings"]]
        assert not any(f["explanation"] in GUARD_ENGLISH for f in findings)


# --- choosing the language ------------------------------------------------------------------------


def test_the_switcher_keeps_an_anonymous_visitors_choice_in_the_session(app, client):
    page = client.get("/auth/login", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="en">' in page and 'name="locale" value="hi"' in page and "हिन्दी" in page
    response = client.post("/language", data={"locale": "hi", "next": "/auth/login"})
    assert response.status_code == 302 and response.location.endswith("/auth/login")
    page = client.get("/auth/login", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="hi">' in page and "साइन इन करें" in page
    whole, fragments = english_ui_strings("hi")
    assert not english_left(page, whole, fragments)


def test_the_switcher_refuses_unknown_languages_and_foreign_redirects(app, client):
    assert client.post("/language", data={"locale": "fr", "next": "/auth/login"}).status_code == 400
    response = client.post("/language", data={"locale": "de", "next": "https://evil.example/"})
    assert response.status_code == 302 and "evil.example" not in response.location
    response = client.post("/language", data={"locale": "de", "next": "//evil.example/x"})
    assert "evil.example" not in response.location


def test_the_switcher_is_on_the_invitation_and_legal_pages_and_needs_csrf(app, make):
    from forum.invitations.services import create_invitation

    app.config["WTF_CSRF_ENABLED"] = True
    member = make.user("Mira Member")
    group = make.group(owner=member, name="Ward 7", invite_policy="members")
    with app.test_request_context():
        _, token = create_invitation(member, group)
    db.session.commit()
    client = app.test_client()
    for path in (f"/invite/{token}", "/about", "/legal/terms", "/legal/privacy"):
        page = client.get(path).get_data(as_text=True)
        assert 'class="language-switcher"' in page and 'name="csrf_token"' in page, path
    assert client.post("/language", data={"locale": "de", "next": "/about"}).status_code == 400  # no token


def test_a_members_setting_wins_over_the_browser(app, make, login):
    member = make.user("Dr. Lena Hoffmann")
    _speaks(member, "de")
    page = login(member).get("/", headers={"Accept-Language": "hi,en"}).get_data(as_text=True)
    assert '<html lang="de">' in page and "Meine Gruppen" in page


def test_settings_offer_only_the_complete_languages_and_save_a_time_zone(app, make, login):
    member = make.user("Dr. Lena Hoffmann")
    browser = login(member)
    page = browser.get("/settings").get_data(as_text=True)
    offered = set(re.findall(r'<option[^>]*value="([a-z]{2})"', page))
    assert offered == {"en", "de", "hi"}
    assert 'value="Asia/Kolkata"' in page
    response = browser.post("/settings", data={"display_name": "Dr. Lena Hoffmann", "specialty": "",
                                               "locale": "fr", "timezone": "Europe/Berlin"})
    assert response.status_code == 422 and db.session.get(User, member.id).locale == "en"
    response = browser.post("/settings", data={"display_name": "Dr. Lena Hoffmann", "specialty": "",
                                               "locale": "de", "timezone": "Mars/Olympus_Mons"})
    assert db.session.get(User, member.id).timezone == ""
    response = browser.post("/settings", data={"display_name": "Dr. Lena Hoffmann", "specialty": "",
                                               "locale": "de", "timezone": "Europe/Berlin"})
    assert response.status_code == 302
    saved = db.session.get(User, member.id)
    assert (saved.locale, saved.timezone) == ("de", "Europe/Berlin")


# --- dates and times ------------------------------------------------------------------------------


def _post_at(make, when: datetime):
    author = make.user("Dr. Ravi Kumar")
    group = make.group(owner=author, name="Ward 9")
    topic = make.topic(group, author, title="Night handover")
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
    post.created_at = when
    db.session.commit()
    return author, group, topic


def test_times_are_shown_in_the_members_zone_with_the_exact_date_in_a_title(app, make, login):
    author, group, topic = _post_at(make, datetime(2026, 1, 10, 12, 0, tzinfo=timezone.utc))
    _speaks(author, "en", "Asia/Kolkata")
    page = login(author).get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True)
    time_tag = re.search(r'<time datetime="2026-01-10T12:00:00\+00:00" title="([^"]+)">([^<]+)</time>', page)
    assert time_tag, page[:2000]
    title = time_tag.group(1).replace("\u202f", " ")
    assert title == "Jan 10, 2026, 5:30 PM"  # 12:00 UTC is 17:30 in India


def test_members_without_a_zone_see_the_organisations_zone_in_their_language(app, make, login):
    app.config["FORUM_DEFAULT_TIMEZONE"] = "Europe/Berlin"
    author, group, topic = _post_at(make, datetime(2026, 1, 10, 12, 0, tzinfo=timezone.utc))
    _speaks(author, "de")
    page = login(author).get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True)
    assert 'title="10.01.2026, 13:00"' in page  # German format, Berlin time


def test_wtforms_own_messages_follow_the_members_language(app, make, login):
    """WTForms ships no Hindi: its messages come from Konsil's catalogues."""
    member = make.user("Dr. Kavita Rao")
    _speaks(member, "hi")
    response = login(member).post("/settings", data={"display_name": "K", "specialty": "", "locale": "hi",
                                                     "timezone": ""})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "यह field 2 से 80 अक्षरों के बीच होना चाहिए।" in page
    assert "Field must be between" not in page and 'value="K"' in page  # the typed text is kept


def test_a_notification_is_written_in_its_readers_language(app, make, login):
    """An English-speaking colleague replies; the Hindi-speaking author reads the notification in Hindi."""
    author, colleague = make.user("Dr. Meera Iyer"), make.user("Dr. Tom Baker")
    group = make.group(owner=author, name="ICU Nights", members=[colleague])
    topic = make.topic(group, author, title="Sepsis bundle timing")
    _speaks(author, "hi")
    make.reply(topic, colleague, body="We start antibiotics within the first hour.")
    page = login(author).get("/notifications").get_data(as_text=True)
    assert "Dr. Tom Baker ने “Sepsis bundle timing” पर जवाब दिया" in page
    assert "replied to" not in page


def test_error_pages_speak_the_members_language(app, make, login):
    member = make.user("Dr. Lena Hoffmann")
    _speaks(member, "de")
    response = login(member).get("/g/no-such-group")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Wir konnten diese Seite nicht finden" in page
    whole, fragments = english_ui_strings("de")
    assert not english_left(page, whole, fragments)
