"""Pages that only exist once something happened (a decision to appeal) are in the member's language
too: checked word by word against the same page in English, as the all-routes check does."""
from __future__ import annotations

from sqlalchemy import select

from forum.audit import LogEntry
from forum.extensions import db

from .support import english_left, english_ui_strings, same_in_both, untranslated_like_english, world_strings


def _speaks(user, lang):
    user.locale = lang
    db.session.commit()


def test_an_author_reads_about_a_moderators_decision_and_the_appeal_form_in_german(make, login):
    moderator, author, reporter = make.user("Mona Moderator"), make.user("Aaron Author"), make.user("Rita Reporter")
    group = make.group("Cardiology Round", members=[author, reporter], moderators=[moderator])
    topic = make.topic(group, author, title="Bridging anticoagulation", body="How do you bridge warfarin?")
    post = make.reply(topic, author, "Bridging is never needed; the evidence is settled.")
    login(reporter).post(f"/posts/{post.id}/report", data={"reason": "misinformation", "details": ""})
    decided = login(moderator).post(f"/g/{group.slug}/moderation/{post.id}",
                                    data={"action": "hide", "reason": "Unsourced claim."})
    assert decided.status_code in (302, 303)
    entry = db.session.scalar(select(LogEntry).where(LogEntry.action == "moderation:post:hide"))

    browser = login(author)
    data = world_strings()
    whole, fragments = english_ui_strings("de")
    for url in ("/appeals", f"/appeals/new?decision={entry.id}"):
        _speaks(author, "en")
        english = browser.get(url).get_data(as_text=True)
        assert "hid your post" in english
        _speaks(author, "de")
        german = browser.get(url).get_data(as_text=True)
        assert "Die Moderation hat Ihren Beitrag verborgen" in german or \
            "die Moderation hat Ihren Beitrag verborgen" in german
        assert "hid your post" not in german
        assert not english_left(german, whole, fragments)
        assert not untranslated_like_english(english, german, data, same_in_both("de"))
