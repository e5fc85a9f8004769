"""Who finds what, and the index following every change to a post in the same transaction."""
from __future__ import annotations

import re

from sqlalchemy import func, select, update

from forum.accounts.models import VerificationStatus
from forum.extensions import db
from forum.posts.models import Post
from forum.search.models import SearchDocument

from .support import found, opening_post, search


def _moderate(browser, group, post, action, **extra):
    """The moderators' post tools outside the report queue (hide, restore) or the queue's decisions."""
    path = f"/posts/{post.id}/moderate" if action in ("hide", "restore") else f"/g/{group.slug}/moderation/{post.id}"
    return browser.post(path, data={"action": action, "reason": "Against the guidelines.", **extra})


def _answer(page: str) -> str:
    """The page without the query echoed in it, to compare two answers."""
    page = re.sub(r'value="[^"]*"', "", page)
    return re.sub(r"“[^”]*”", "", page)


def test_an_outsider_finds_nothing_of_a_secret_group_and_cannot_tell_it_is_there(ward, make, login):
    make.topic(ward.group, ward.member, title="Rivaroxaban in dialysis", body="Rivaroxaban dosing on dialysis.")
    browser = login(ward.outsider)
    assert found(browser, "rivaroxaban") == []
    secret = search(browser, "rivaroxaban")
    nothing = search(browser, "zzyzxq")
    assert _answer(secret) == _answer(nothing).replace("zzyzxq", "rivaroxaban")
    assert _answer(search(browser, f"rivaroxaban group:{ward.group.slug}")) == \
        _answer(search(browser, "rivaroxaban group:no-such-group"))
    assert found(login(ward.member), "rivaroxaban") == ["Rivaroxaban in dialysis"]


def test_a_member_who_has_not_accepted_the_guidelines_finds_nothing(ward, make, login):
    newcomer = make.user("Nina Newcomer")
    make.member(ward.group, newcomer, accepted=False)
    make.topic(ward.group, ward.member, title="Edoxaban", body="Edoxaban switch.")
    assert found(login(newcomer), "edoxaban") == []


def test_a_pending_account_gets_no_search_at_all(ward, make, login):
    pending = make.user("Pia Pending", status=VerificationStatus.PENDING)
    make.member(ward.group, pending)
    make.topic(ward.group, ward.member, title="Edoxaban", body="Edoxaban switch.")
    response = login(pending).get("/search", query_string={"q": "edoxaban"})
    assert response.status_code == 404 and "Edoxaban" not in response.get_data(as_text=True)


def test_a_suspended_account_gets_nothing(ward, make, login):
    make.topic(ward.group, ward.member, title="Edoxaban", body="Edoxaban switch.")
    browser = login(ward.member)
    assert found(browser, "edoxaban") == ["Edoxaban"]
    ward.member.verification_status = VerificationStatus.SUSPENDED
    db.session.commit()
    response = browser.get("/search", query_string={"q": "edoxaban"})
    assert response.status_code in (302, 404) and "Edoxaban" not in response.get_data(as_text=True)


def test_a_banned_member_finds_nothing_of_the_group(ward, make, login):
    colleague = make.user("Bert Banned")
    make.member(ward.group, colleague)
    make.topic(ward.group, ward.member, title="Edoxaban", body="Edoxaban switch.")
    browser = login(colleague)
    assert found(browser, "edoxaban") == ["Edoxaban"]
    banned = login(ward.moderator).post(f"/g/{ward.group.slug}/members/{colleague.id}/status",
                                        data={"action": "ban", "reason": "Harassment."})
    assert banned.status_code == 302
    assert found(browser, "edoxaban") == []


def test_a_hidden_post_leaves_the_index_and_comes_back_when_restored(ward, make, login):
    topic = make.topic(ward.group, ward.member, title="Vancomycin levels", body="Trough levels of vancomycin.")
    reply = make.reply(topic, ward.member, "Ototoxicity was the worry.")
    moderator = login(ward.moderator)
    assert _moderate(moderator, ward.group, reply, "hide").status_code == 302
    assert found(login(ward.member), "ototoxicity") == []
    assert found(moderator, "ototoxicity") == []  # the index holds what every reader sees
    assert _moderate(moderator, ward.group, reply, "restore").status_code == 302
    assert found(login(ward.member), "ototoxicity") == ["Vancomycin levels"]


def test_a_deleted_post_leaves_the_index(ward, make, login):
    topic = make.topic(ward.group, ward.member, title="Vancomycin levels", body="Trough levels of vancomycin.")
    reply = make.reply(topic, ward.member, "Nephrotoxicity was the worry.")
    browser = login(ward.member)
    assert found(browser, "nephrotoxicity") == ["Vancomycin levels"]
    assert browser.post(f"/posts/{reply.id}/delete").status_code == 302
    assert found(browser, "nephrotoxicity") == []
    assert db.session.get(SearchDocument, reply.id) is None


def test_a_moderator_deletion_leaves_the_index(ward, make, login):
    topic = make.topic(ward.group, ward.member, title="Vancomycin levels", body="Red man syndrome.")
    reporter = make.user("Rita Reporter")
    make.member(ward.group, reporter)
    post = opening_post(topic)
    assert login(reporter).post(f"/posts/{post.id}/report", data={"reason": "misinformation"}).status_code == 302
    assert _moderate(login(ward.moderator), ward.group, post, "delete").status_code == 302
    assert db.session.get(Post, post.id).deleted_at is not None
    assert found(login(ward.member), "syndrome") == []


def test_an_edit_replaces_the_old_text_in_the_index(ward, make, login):
    topic = make.topic(ward.group, ward.member, title="Amiodarone", body="Check the thyroid every month.")
    post = opening_post(topic)
    browser = login(ward.member)
    assert browser.post(f"/posts/{post.id}/edit", data={"body": "Check TSH every six months.",
                                                         "reason": "corrected"}).status_code == 302
    assert found(browser, "thyroid") == []
    assert found(browser, "TSH months") == ["Amiodarone"]


def test_a_moderators_corrected_text_removes_the_redacted_words_from_the_index(ward, make, login):
    topic = make.topic(ward.group, ward.member, title="Ward phone", body="Call Frau Kowalczyk on 0176 5550 1234.")
    post = opening_post(topic)
    assert login(ward.moderator).post(f"/posts/{post.id}/edit", data={
        "body": "Call the ward.", "reason": "patient data"}).status_code == 302
    assert found(login(ward.member), "Kowalczyk") == []
    document = db.session.get(SearchDocument, post.id)
    assert "kowalczyk" not in document.body_tokens


def test_any_code_path_that_changes_a_post_keeps_the_index_right(ward, make, login):
    """A future feature (redaction, held posts) changes posts without knowing about search."""
    first = make.topic(ward.group, ward.member, title="One", body="Metformin and contrast.")
    second = make.topic(ward.group, ward.member, title="Two", body="Metformin before surgery.")
    post = opening_post(first)
    post.body_html = "<p>Redacted text.</p>"
    db.session.commit()
    db.session.execute(update(Post).where(Post.id == opening_post(second).id).values(hidden=True)
                       .execution_options(synchronize_session=False))
    db.session.commit()
    browser = login(ward.member)
    assert found(browser, "metformin") == []
    assert found(browser, "redacted") == ["One"]


def test_a_rolled_back_change_leaves_the_index_as_it_was(ward, make, login):
    topic = make.topic(ward.group, ward.member, title="Lithium", body="Lithium levels.")
    post = opening_post(topic)
    post.body_html = "<p>Something else.</p>"
    db.session.flush()
    db.session.rollback()
    assert found(login(ward.member), "lithium") == ["Lithium"]


def test_a_hidden_topic_and_a_renamed_title_follow_in_the_index(ward, make, login):
    topic = make.topic(ward.group, ward.member, title="Digoxin toxicity", body="Nausea and yellow vision.")
    make.reply(topic, ward.member, "Check the potassium.")
    browser = login(ward.member)
    topic.title = "Glycoside toxicity"
    db.session.commit()
    assert found(browser, "digoxin") == []
    assert found(browser, "glycoside") == ["Glycoside toxicity"]
    topic.hidden = True
    db.session.commit()
    assert found(browser, "potassium") == []
    assert db.session.scalar(select(func.count()).select_from(SearchDocument)) == 0


def test_reindex_rebuilds_the_index_from_the_posts(app, ward, make, login):
    make.topic(ward.group, ward.member, title="Insulin", body="Basal bolus insulin.")
    hidden = make.topic(ward.group, ward.member, title="Hidden", body="Insulin pump.")
    db.session.execute(SearchDocument.__table__.delete())
    db.session.commit()
    browser = login(ward.member)
    assert found(browser, "insulin") == []
    db.session.execute(update(Post).where(Post.topic_id == hidden.id).values(hidden=True))
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["forum", "reindex"])
    assert result.exit_code == 0 and "1 posts" in result.output, result.output
    assert found(browser, "insulin") == ["Insulin"]


def test_a_bulk_update_by_primary_key_follows_in_the_index(ward, make, login):
    first = opening_post(make.topic(ward.group, ward.member, title="One", body="Ceftriaxone and calcium."))
    second = opening_post(make.topic(ward.group, ward.member, title="Two", body="Ceftriaxone in neonates."))
    db.session.execute(update(Post), [{"id": first.id, "hidden": True}, {"id": second.id, "body_html": "<p>Gone.</p>"}])
    db.session.commit()
    browser = login(ward.member)
    assert found(browser, "ceftriaxone") == []
    assert found(browser, "gone") == ["Two"]


def test_a_renamed_title_is_found_in_titles_by_its_new_words_only_before_and_after_reindex(app, ward, make, login):
    topic = make.topic(ward.group, ward.member, title="Digoxin toxicity", body="Nausea and yellow vision.")
    make.reply(topic, ward.member, "Glycoside levels were high.")
    browser = login(ward.member)
    topic.title = "Cardiac glycoside toxicity"
    db.session.commit()
    for _ in range(2):
        assert found(browser, "digoxin in:title") == []
        assert found(browser, "glycoside in:title") == ["Cardiac glycoside toxicity"]
        assert found(browser, "nausea in:title") == []
        result = app.test_cli_runner().invoke(args=["forum", "reindex"])
        assert result.exit_code == 0, result.output


def test_posts_older_than_the_newest_window_are_still_found_in_order(ward, make, login, monkeypatch):
    from forum.search import services

    for number in range(4):
        make.topic(ward.group, ward.member, title=f"Lactate {number}", body="Lactate was rising.")
    for number in range(3):
        make.topic(ward.group, ward.member, title=f"Rounds {number}", body="Nothing of note.")
    browser = login(ward.member)
    everything = found(browser, "lactate")
    assert sorted(everything) == [f"Lactate {number}" for number in range(4)]
    monkeypatch.setattr(services, "WINDOW", 2)  # the newest posts hold no match: the older part must answer
    assert found(browser, "lactate") == everything
    monkeypatch.setattr(services, "CANDIDATES", 2)
    monkeypatch.setattr(services, "TITLE_CANDIDATES", 2)
    assert sorted(found(browser, "lactate")) == ["Lactate 2", "Lactate 3"]  # the newest matches only
