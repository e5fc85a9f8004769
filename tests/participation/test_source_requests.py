""""Source requested", through HTTP: a member asks for the source of a clinical claim, the author is told, the
post shows it until the author edits in a reference or a moderator closes it, and requests nobody answered go
to the moderators after 7 days through the daily command."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from forum.audit import LogEntry
from forum.audit_text import SENTENCES
from forum.extensions import db
from forum.notifications.models import Notification
from forum.participation.models import SourceRequest
from forum.posts.models import Post

BADGE = 'class="tag source-requested"'


def _world(personas, make):
    """The persona world's author, bystander (the reader), colleague (another member) and moderator, in a new
    group the world's owner runs."""
    author, reader, other = personas.author, personas.bystander, personas.colleague
    moderator = personas.moderator
    group = make.group("Oncology", owner=personas.owner, members=[author, reader, other], moderators=[moderator])
    topic = make.topic(group, author, title="Dexamethasone in CINV",
                       body="12 mg dexamethasone on day 1 halves delayed nausea.")
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
    return author, reader, other, moderator, group, topic, post


def _notes(user, key):
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id,
                                                              Notification.key == key)))


def _requests(post):
    return list(db.session.scalars(select(SourceRequest).where(SourceRequest.post_id == post.id)
                                   .order_by(SourceRequest.id)))


def _page(browser, group, topic):
    return browser.get(f"/g/{group.slug}/t/{topic.id}?page=1").get_data(as_text=True)


def test_member_asks_for_a_source_and_the_author_is_told_but_not_who(personas, make, login):
    author, reader, _other, _moderator, group, topic, post = _world(personas, make)
    browser = login(reader)
    page = _page(browser, group, topic)
    assert "Request source" in page and BADGE not in page
    response = browser.post(f"/posts/{post.id}/source-request", data={"reason": "dose", "note": "Which trial?"})
    assert response.status_code == 302
    [request] = _requests(post)
    assert (request.requester_id, request.reason, request.note, request.state) == (reader.id, "dose", "Which trial?", "open")
    [note] = _notes(author, "source_request.asked")
    assert note.actor_id is None and "Dexamethasone in CINV" in note.message and reader.display_name not in note.message
    # Everyone sees the badge; the reader is not offered to ask twice
    assert BADGE in _page(login(author), group, topic)
    assert "Request source" not in _page(browser, group, topic)
    again = browser.post(f"/posts/{post.id}/source-request", data={"reason": "no_source"})
    assert again.status_code == 302 and len(_requests(post)) == 1
    assert "You already asked for the source of this post" in browser.get(again.headers["Location"]).get_data(as_text=True)


def test_bad_reason_is_refused_and_the_author_cannot_ask_themselves(personas, make, login):
    author, reader, _other, _moderator, group, topic, post = _world(personas, make)
    browser = login(reader)
    response = browser.post(f"/posts/{post.id}/source-request", data={"reason": "because", "note": "x"})
    assert response.status_code == 302 and _requests(post) == []
    assert "Please choose what the source is needed for." in browser.get(response.headers["Location"]).get_data(as_text=True)
    assert login(author).post(f"/posts/{post.id}/source-request", data={"reason": "dose"}).status_code == 403
    assert "Request source" not in _page(login(author), group, topic)


def test_an_edit_without_a_reference_keeps_the_request_and_one_with_a_reference_answers_it(personas, make, login):
    author, reader, other, _moderator, group, topic, post = _world(personas, make)
    login(reader).post(f"/posts/{post.id}/source-request", data={"reason": "dose"})
    login(other).post(f"/posts/{post.id}/source-request", data={"reason": "guideline"})
    writer = login(author)
    writer.post(f"/posts/{post.id}/edit", data={"body": "12 mg dexamethasone on day 1 halves delayed nausea (my experience).",
                                                "reason": ""})
    assert {request.state for request in _requests(post)} == {"open"}
    page = _page(writer, group, topic)
    assert BADGE in page and "source requested · 2" in page
    writer.post(f"/posts/{post.id}/edit", data={"body": "12 mg dexamethasone on day 1 halves delayed nausea, "
                                                        "see PMID 26976154.", "reason": ""})
    assert {request.state for request in _requests(post)} == {"answered"}
    assert BADGE not in _page(writer, group, topic)
    assert len(_notes(reader, "source_request.answered")) == 1 and len(_notes(other, "source_request.answered")) == 1
    # A link or a DOI counts as well; one the text already had does not
    login(reader).post(f"/posts/{post.id}/source-request", data={"reason": "outdated"})
    writer.post(f"/posts/{post.id}/edit", data={"body": "See PMID 26976154 (2016).", "reason": ""})
    assert _requests(post)[-1].state == "open"
    writer.post(f"/posts/{post.id}/edit", data={"body": "See PMID 26976154 and doi:10.1200/JCO.2017.74.4789.",
                                                "reason": ""})
    assert _requests(post)[-1].state == "answered"


def test_a_moderator_closes_a_request_members_cannot(personas, make, login):
    _author, reader, other, moderator, group, topic, post = _world(personas, make)
    login(reader).post(f"/posts/{post.id}/source-request", data={"reason": "no_source"})
    assert login(other).post(f"/posts/{post.id}/source-request/resolve").status_code == 403
    browser = login(moderator)
    assert "Close source request" in _page(browser, group, topic)
    response = browser.post(f"/posts/{post.id}/source-request/resolve", data={"reason": "Sourced further down."})
    assert response.status_code == 302
    assert [request.state for request in _requests(post)] == ["resolved"]
    entry = db.session.scalar(select(LogEntry).where(LogEntry.action == "post:source_request:resolve"))
    assert entry.actor_id == moderator.id and entry.target_id == post.id and entry.reason == "Sourced further down."
    assert len(_notes(reader, "source_request.resolved")) == 1
    assert BADGE not in _page(browser, group, topic)
    # Nothing left to close
    again = browser.post(f"/posts/{post.id}/source-request/resolve")
    assert "There is no open source request on this post." in browser.get(again.headers["Location"]).get_data(as_text=True)


def test_unanswered_requests_go_to_the_moderators_after_seven_days(app, personas, make, login):
    _author, reader, other, moderator, group, topic, post = _world(personas, make)
    login(reader).post(f"/posts/{post.id}/source-request", data={"reason": "dose", "note": "Which trial?"})
    login(other).post(f"/posts/{post.id}/source-request", data={"reason": "no_source"})
    old, recent = _requests(post)
    old.created_at = old.created_at - timedelta(days=7, minutes=1)
    recent.created_at = recent.created_at - timedelta(days=6, hours=23)
    db.session.commit()
    queue = login(moderator).get(f"/g/{group.slug}/moderation").get_data(as_text=True)
    assert "Unanswered source requests" not in queue

    result = app.test_cli_runner().invoke(args=["forum", "send-digests"])
    assert result.exit_code == 0, result.output
    assert "1 unanswered source request passed to the moderators." in result.output
    db.session.expire_all()
    old, recent = _requests(post)
    assert old.escalated_at is not None and recent.escalated_at is None and old.state == "open"
    [note] = _notes(moderator, "source_request.escalated")
    assert "no answer for 7 days" in note.message
    entry = db.session.scalar(select(LogEntry).where(LogEntry.action == "post:source_request:escalate"))
    assert entry.target_id == post.id and entry.group_id == group.id
    queue = login(moderator).get(f"/g/{group.slug}/moderation").get_data(as_text=True)
    assert "Unanswered source requests" in queue and "Which trial?" in queue and "Dexamethasone in CINV" in queue
    # A request is passed on once; closing it from the queue empties the list
    again = app.test_cli_runner().invoke(args=["forum", "send-digests"])
    assert "source request" not in again.output and len(_notes(moderator, "source_request.escalated")) == 1
    response = login(moderator).post(f"/posts/{post.id}/source-request/resolve", data={"next": "queue"})
    assert response.headers["Location"].endswith(f"/g/{group.slug}/moderation")
    assert "Unanswered source requests" not in login(moderator).get(f"/g/{group.slug}/moderation").get_data(as_text=True)


def test_source_request_log_codes_read_as_sentences():
    for code in ("post:source_request:resolve", "post:source_request:escalate"):
        assert code in SENTENCES


def test_a_members_source_requests_are_in_their_export_and_lose_who_asked_on_erasure(personas, make, login):
    import json

    from tests.factories import PASSWORD

    _author, reader, _other, _moderator, _group, _topic, post = _world(personas, make)
    browser = login(reader)
    browser.post(f"/posts/{post.id}/source-request", data={"reason": "dose", "note": "Which trial?"})
    data = json.loads(browser.post("/me/export").get_data(as_text=True))
    [mine] = data["source_requests"]
    assert (mine["post_id"], mine["reason"], mine["note"], mine["state"]) == (post.id, "dose", "Which trial?", "open")
    assert browser.post("/me/delete", data={"password": PASSWORD, "confirm": "y"}).status_code == 302
    [request] = _requests(post)
    assert (request.requester_id, request.note) == (None, "")
