"""The `flask forum …` commands answer the operator in English (docs/operator-guide.md says why), but
every e-mail a command sends to a member is written in that member's language."""
from __future__ import annotations

from datetime import timedelta

from forum.db_types import utcnow
from forum.extensions import db
from forum.notifications.services import notify

from ..accounts.helpers import enrol
from tests.conftest import sign_in
from ..verification.support import CREDENTIALS, mails_to


def _speaks(user, lang: str) -> None:
    user.locale = lang
    db.session.commit()


def test_send_digests_writes_to_each_member_in_their_language(app, make):
    priya = make.user("Dr. Priya Nair", email="priya@aiims.example")
    jonas = make.user("Dr. Jonas Weber", email="jonas@klinikum.example")
    other = make.user("Other")
    _speaks(priya, "hi")
    _speaks(jonas, "de")
    group = make.group("Ward round", owner=other, members=[priya, jonas])
    topic = make.topic(group, other, title="Heparin bridging", body="How do you bridge?")
    for reader in (priya, jonas):
        notify(reader.id, "mention", "mention", topic=topic, actor=other)
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["forum", "send-digests"])
    assert result.exit_code == 0, result.output
    assert "2 digests sent." in result.output  # the operator's own output stays English

    [hindi] = mails_to(app, priya.email)
    assert hindi["Subject"] == "Konsil: 1 नई सूचना"
    assert "आपके पिछले digest के बाद आपके Konsil ग्रुप में यह हुआ:" in hindi.get_content()
    [german] = mails_to(app, jonas.email)
    assert german["Subject"] == "Konsil: 1 neue Benachrichtigung"
    assert "Das ist in Ihren Konsil-Gruppen seit Ihrer letzten Zusammenfassung geschehen:" in german.get_content()


def test_send_reminders_writes_to_a_german_member_in_german(app, make):
    group = make.group()
    member = make.user("Dr. Renate Frist", **CREDENTIALS)
    member.verified_until = utcnow() + timedelta(days=10)
    _speaks(member, "de")
    make.member(group, member)
    result = app.test_cli_runner().invoke(args=["forum", "send-reminders"])
    assert result.exit_code == 0 and "1 verification reminder sent." in result.output
    [reminder] = mails_to(app, member.email)
    assert reminder["Subject"] == "Bitte verlängern Sie Ihre Konsil-Verifizierung"
    assert "renew" not in reminder.get_content().lower()


def test_the_operators_second_factor_reset_mails_the_member_in_hindi(app, make, client):
    admin = make.user("Dr. Arjun Rao", admin=True, email="ops@aiims.example")
    _speaks(admin, "hi")
    sign_in(client, admin)
    enrol(client, admin)
    result = app.test_cli_runner().invoke(args=["accounts", "reset-two-factor", "--email", admin.email,
                                                "--reason", "Lost phone; identity checked in person"])
    assert result.exit_code == 0, result.output
    assert "was reset" in result.output  # to the operator, in English
    subjects = [message["Subject"] for message in mails_to(app, admin.email)]
    assert "आपका Konsil second factor रीसेट किया गया" in subjects
    assert not any("reset" in subject for subject in subjects)
    [notice] = [m for m in mails_to(app, admin.email) if m["Subject"] == "आपका Konsil second factor रीसेट किया गया"]
    assert "Hello" not in notice.get_content() and "नमस्ते" in notice.get_content()
