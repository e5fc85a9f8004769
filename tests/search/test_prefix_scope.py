"""A prefix stands for the words most frequent in the groups the reader may read: a secret group's
words never change what an outsider's prefix covers, what it finds, or whether the page says the
prefix was narrowed -- and the vocabulary behind it is counted group by group."""
from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.search.models import SearchTerm

from .support import found, opening_post, search

# What differs between two requests for the same page: the form's CSRF token and per-request nonces.
_PER_REQUEST = re.compile(r'((?:name="csrf_token" value|name="csrf-token" content|nonce)=")[^"]*(")')


def _same_for_every_request(page: str) -> str:
    return _PER_REQUEST.sub(r"\1-\2", page)


def _vocabulary(prefix: str) -> dict[tuple[str, int], int]:
    db.session.expire_all()
    return {(token, group_id): documents for token, group_id, documents in db.session.execute(
        select(SearchTerm.token, SearchTerm.group_id, SearchTerm.documents)
        .where(SearchTerm.token.startswith(prefix)))}


@pytest.fixture
def club(ward, make):
    """The outsider's own group: "card" starts cardiology (three threads), cardiac (two) and carditis (one)."""
    club = make.group("Cardiology club", owner=ward.outsider)
    for number in range(3):
        make.topic(club, ward.outsider, title=f"Referral {number}", body="Sent to cardiology for review.")
    for number in range(2):
        make.topic(club, ward.outsider, title=f"Arrest {number}", body="A cardiac arrest on the ward.")
    make.topic(club, ward.outsider, title="Rheumatic", body="Rheumatic carditis in a child.")
    return club


def _fill_the_secret_group(ward, make):
    """Words starting with "card" far more frequent in the secret group than any of the club's."""
    for number in range(5):
        make.topic(ward.group, ward.member, title=f"Secret {number}",
                   body="Cardiomegaly on the film; cardioversion planned; cardiorenal syndrome; cardiac output low.")


QUERIES = ("card*", "cardi*", "cardio*", "card* -cardiac", "cardiology card*", "car*")


def test_a_secret_groups_words_change_nothing_on_an_outsiders_page(ward, make, login, club, monkeypatch):
    from forum.search import services

    monkeypatch.setattr(services, "PREFIX_WORDS", 2)
    outsider = login(ward.outsider)
    before = {query: _same_for_every_request(search(outsider, query)) for query in QUERIES}
    # The two most frequent of the club's three words, and the note that the prefix was narrowed.
    assert sorted(found(outsider, "card*")) == ["Arrest 0", "Arrest 1", "Referral 0", "Referral 1", "Referral 2"]
    assert "card* starts many words: the search took the 2 most frequent of them." in html.unescape(before["card*"])
    assert "starts many words" not in before["cardio*"]  # the club's one word: cardiology
    assert {query: _same_for_every_request(search(outsider, query)) for query in QUERIES} == before

    _fill_the_secret_group(ward, make)
    # Forum-wide, cardiomegaly, cardioversion and cardiorenal (5 documents each) and cardiac (7) would
    # now crowd out cardiology and narrow cardio*; within the outsider's groups nothing has changed,
    # byte for byte.
    assert {query: _same_for_every_request(search(outsider, query)) for query in QUERIES} == before
    assert sorted(found(outsider, "cardio*")) == ["Referral 0", "Referral 1", "Referral 2"]
    assert "starts many words" not in search(outsider, "cardio*")


def test_a_member_of_the_secret_group_gets_its_words(ward, make, login, club, monkeypatch):
    from forum.search import services

    monkeypatch.setattr(services, "PREFIX_WORDS", 2)
    _fill_the_secret_group(ward, make)
    member = login(ward.member)
    page = html.unescape(search(member, "cardio*"))
    # Three words of five documents each start "cardio" in the member's group: the first two by name.
    assert "cardio* starts many words: the search took the 2 most frequent of them." in page
    assert "<mark>cardiomegaly</mark>" in page.lower()
    assert sorted(found(member, "cardio*")) == [f"Secret {number}" for number in range(5)]
    assert found(member, "cardiolog*") == []  # the club's word is not the member's
    # A member of both groups: the words summed over both (cardiac: 5 + 2 documents).
    make.member(club, ward.member)
    assert sorted(found(member, "cardiac*")) == ["Arrest 0", "Arrest 1"] + [f"Secret {number}" for number in range(5)]
    assert "<mark>cardiology</mark>" in search(member, "cardiol*").lower()


def test_hiding_and_redaction_take_a_word_out_of_its_groups_vocabulary(ward, make, login, club):
    topic = make.topic(ward.group, ward.member, title="Ward phone", body="Call Frau Kowalczyk about the cardiac echo.")
    echo = opening_post(make.topic(ward.group, ward.member, title="Echo", body="Cardiac echo booked."))
    post = opening_post(topic)
    assert _vocabulary("kowal") == {("kowalczyk", ward.group.id): 1}
    assert _vocabulary("cardiac") == {("cardiac", ward.group.id): 2, ("cardiac", club.id): 2}
    # A moderator's correction: the redacted name leaves the group's vocabulary.
    assert login(ward.moderator).post(f"/posts/{post.id}/edit", data={
        "body": "Call the ward about the cardiac echo.", "reason": "patient data"}).status_code == 302
    assert _vocabulary("kowal") == {}
    assert found(login(ward.member), "kowal*") == []
    # Hiding a post takes its words out of its own group's counts only.
    moderator = login(ward.moderator)
    assert moderator.post(f"/posts/{post.id}/moderate", data={"action": "hide", "reason": "Off topic."}).status_code == 302
    assert _vocabulary("cardiac") == {("cardiac", ward.group.id): 1, ("cardiac", club.id): 2}
    assert moderator.post(f"/posts/{echo.id}/moderate", data={"action": "hide", "reason": "Off topic."}).status_code == 302
    assert _vocabulary("cardiac") == {("cardiac", club.id): 2}
    assert _vocabulary("echo") == {}
    assert found(login(ward.member), "cardi*") == []


def test_reindex_counts_the_vocabulary_per_group(app, ward, make, login, club):
    _fill_the_secret_group(ward, make)
    counted = _vocabulary("card")
    assert counted[("cardiac", ward.group.id)] == 5 and counted[("cardiac", club.id)] == 2
    db.session.execute(SearchTerm.__table__.delete())
    db.session.commit()
    assert found(login(ward.outsider), "card*") == []
    result = app.test_cli_runner().invoke(args=["forum", "reindex"])
    assert result.exit_code == 0, result.output
    assert _vocabulary("card") == counted
    assert _vocabulary("cardiomegal") == {("cardiomegali", ward.group.id): 5}  # the stem
    assert sorted(found(login(ward.outsider), "cardiac*")) == ["Arrest 0", "Arrest 1"]


def test_the_choice_to_walk_the_newest_posts_counts_the_readable_groups_only(app, ward, make, club, monkeypatch):
    """PostgreSQL walks the newest posts for a word dense in them: how dense, it reads from the
    vocabulary of the reader's groups, so that a secret group's words change neither the choice nor
    the time the search takes."""
    from forum.search import services
    from forum.search.query import parse

    _fill_the_secret_group(ward, make)  # 5 posts of 11 say cardiomegaly, all in the secret group
    monkeypatch.setattr(services, "CANDIDATES", 2)
    monkeypatch.setattr(services, "WALK_ROWS", 5)
    with app.test_request_context():
        word = parse("cardiomegaly")
        services.expand_prefixes(word, None)
        assert services._walk_newest(word, [ward.group.id], 11)  # 2 candidates within 4.4 posts
        assert services._walk_newest(word, None, 11)
        assert not services._walk_newest(word, [club.id], 11)  # none in the club's posts
