"""Prefix searches stay bounded: a prefix stands for the index vocabulary's most frequent words that
start with it, a too-short prefix is refused with a message, and the vocabulary follows the posts."""
from __future__ import annotations

import html

from sqlalchemy import select

from forum.extensions import db
from forum.search.models import SearchTerm

from .support import found, opening_post, search


def _vocabulary(prefix: str) -> dict[str, int]:
    db.session.expire_all()
    return dict(db.session.execute(select(SearchTerm.token, SearchTerm.documents)
                                   .where(SearchTerm.token.startswith(prefix))).all())


def _cardiac_threads(make, ward):
    """Three words starting with "card": cardiology in three threads, cardiomyopathy in two, cardiac in one."""
    for number in range(3):
        make.topic(ward.group, ward.member, title=f"Referral {number}", body="Sent to cardiology for review.")
    for number in range(2):
        make.topic(ward.group, ward.member, title=f"Echo {number}", body="A dilated cardiomyopathy.")
    make.topic(ward.group, ward.member, title="Arrest", body="A cardiac arrest on the ward.")


def test_a_one_letter_prefix_gets_a_clear_message_and_the_typed_query_is_kept(ward, make, login):
    make.topic(ward.group, ward.member, title="Apixaban", body="Apixaban and amiodarone.")
    browser = login(ward.member)
    response = browser.get("/search", query_string={"q": "apixaban a*"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'role="alert"' in page and "Type at least 2 letters before the *." in page
    assert 'value="apixaban a*"' in page
    assert 'class="search-hit"' not in page


def test_a_prefix_finds_every_word_that_starts_with_it_when_there_are_few(ward, make, login):
    _cardiac_threads(make, ward)
    browser = login(ward.member)
    assert sorted(found(browser, "card*")) == ["Arrest", "Echo 0", "Echo 1", "Referral 0", "Referral 1",
                                               "Referral 2"]
    page = search(browser, "card*")
    assert "<mark>cardiology</mark>" in page and "<mark>cardiac</mark>" in page
    assert "starts many words" not in page


def test_a_prefix_with_many_words_stands_for_the_most_frequent_and_says_so(ward, make, login, monkeypatch):
    from forum.search import services

    _cardiac_threads(make, ward)
    monkeypatch.setattr(services, "PREFIX_WORDS", 2)
    browser = login(ward.member)
    assert sorted(found(browser, "card*")) == ["Echo 0", "Echo 1", "Referral 0", "Referral 1", "Referral 2"]
    page = html.unescape(search(browser, "card*"))
    assert "card* starts many words: the search took the 2 most frequent of them." in page
    assert 'value="card*"' in page
    # More letters reach the rarer word.
    assert found(browser, "cardia*") == ["Arrest"]
    assert "starts many words" not in search(browser, "cardia*")


def test_a_prefix_that_starts_no_word_finds_nothing_and_an_excluded_one_leaves_nothing_out(ward, make, login):
    _cardiac_threads(make, ward)
    browser = login(ward.member)
    assert found(browser, "zyx*") == []
    assert sorted(found(browser, "cardiology -zyx*")) == ["Referral 0", "Referral 1", "Referral 2"]
    assert sorted(found(browser, "card* -cardiom*")) == ["Arrest", "Referral 0", "Referral 1", "Referral 2"]
    # Words joined by a hyphen are a phrase; the prefix is its last word.
    assert sorted(found(browser, "dilated-cardio*")) == ["Echo 0", "Echo 1"]
    assert found(browser, "dilated-cardiol*") == []


def test_prefix_results_keep_to_the_readable_groups_and_the_filters(ward, make, login):
    other = make.group("Cardiology club", members=[ward.outsider])
    make.topic(other, ward.outsider, title="Their thread", body="Cardiology only here.")
    _cardiac_threads(make, ward)
    assert found(login(ward.outsider), "card*") == ["Their thread"]
    member = login(ward.member)
    assert "Their thread" not in found(member, "card*")
    assert found(member, f"card* group:{other.slug}") == []
    assert sorted(found(member, f"cardiom* group:{ward.group.slug}")) == ["Echo 0", "Echo 1"]
    assert found(member, "cardi* in:title") == []


def test_the_vocabulary_follows_edits_hiding_and_redaction(ward, make, login):
    topic = make.topic(ward.group, ward.member, title="Ward phone", body="Call Frau Kowalczyk about the kidney.")
    post = opening_post(topic)
    assert _vocabulary("kowal") == {"kowalczyk": 1}
    assert found(login(ward.member), "kowal*") == ["Ward phone"]
    # A moderator's correction: the redacted name leaves the documents and the vocabulary.
    assert login(ward.moderator).post(f"/posts/{post.id}/edit", data={
        "body": "Call the ward about the kidney.", "reason": "patient data"}).status_code == 302
    assert _vocabulary("kowal") == {}
    assert found(login(ward.member), "kowal*") == []
    kidney = _vocabulary("kidney")
    assert list(kidney.values()) == [1]
    make.topic(ward.group, ward.member, title="Second", body="Kidney function again.")
    assert list(_vocabulary("kidney").values()) == [2]
    browser = login(ward.moderator)
    assert browser.post(f"/posts/{post.id}/moderate", data={"action": "hide", "reason": "Off topic."}).status_code == 302
    assert list(_vocabulary("kidney").values()) == [1]


def test_reindex_counts_the_vocabulary_afresh(app, ward, make, login):
    make.topic(ward.group, ward.member, title="Insulin", body="Basal bolus insulin.")
    make.topic(ward.group, ward.member, title="Pump", body="Insulin pump.")
    db.session.execute(SearchTerm.__table__.delete())
    db.session.commit()
    assert found(login(ward.member), "insul*") == []
    result = app.test_cli_runner().invoke(args=["forum", "reindex"])
    assert result.exit_code == 0, result.output
    assert list(_vocabulary("insulin").values()) == [2]
    assert sorted(found(login(ward.member), "insul*")) == ["Insulin", "Pump"]
