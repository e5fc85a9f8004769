"""A verified member's first post waits for the patient-data primer, confirmed once per version."""
from sqlalchemy import select

from forum.audit import LogEntry
from forum.extensions import db
from forum.posts.models import Post, Topic
from forum.primer.content import PRIMER_VERSION


def test_the_primer_gates_the_first_post_and_is_confirmed_once(make, login):
    newcomer = make.user("Nadia Newcomer", primer=False, country="DE")
    group = make.group(members=[newcomer])
    browser = login(newcomer)

    gated = browser.get(f"/g/{group.slug}/new")
    assert gated.status_code == 302 and "/me/primer" in gated.location
    typed = browser.post(f"/g/{group.slug}/new", data={"title": "First question", "body": "My very first text."})
    assert typed.status_code == 422
    page = typed.get_data(as_text=True)
    assert "patient-data primer" in page and "My very first text." in page  # the typed text is kept
    assert db.session.query(Topic).count() == 0

    primer = browser.get("/me/primer").get_data(as_text=True)
    assert "Germany" in primer and "§ 203 StGB" in primer
    for category in ("Patient name", "Date of birth, admission or discharge", "Medical record or case number"):
        assert category in primer
    assert "describe the clinical question, never the person" in primer
    refused = browser.post("/me/primer", data={})
    assert refused.status_code == 422 and "Tick the box" in refused.get_data(as_text=True)
    accepted = browser.post("/me/primer", data={"accept": "y", "next": f"/g/{group.slug}/new"})
    assert accepted.status_code == 302 and accepted.location.endswith(f"/g/{group.slug}/new")
    user = db.session.get(type(newcomer), newcomer.id)
    assert user.primer_version == PRIMER_VERSION and user.primer_accepted_at is not None
    assert db.session.scalar(select(LogEntry.action).where(LogEntry.action == "account:primer:accept"))

    posted = browser.post(f"/g/{group.slug}/new", data={"title": "First question", "body": "My very first text."})
    assert posted.status_code == 302
    assert browser.get(f"/g/{group.slug}/new").status_code == 200  # asked once
    assert "I have read this" not in browser.get("/me/primer").get_data(as_text=True)


def test_a_reply_is_gated_too_and_members_who_posted_before_the_primer_are_not(make, login):
    newcomer = make.user("Nadia Newcomer", primer=False, country="US")
    veteran = make.user("Victor Veteran", primer=False)
    group = make.group(members=[newcomer, veteran])
    topic = make.topic(group, veteran)  # posted before the primer existed
    reply = login(newcomer).post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Me too."})
    assert reply.status_code == 422 and "Me too." in reply.get_data(as_text=True)
    assert "HIPAA" in login(newcomer).get("/me/primer").get_data(as_text=True)
    assert login(veteran).post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Hello."}).status_code == 302
    assert db.session.query(Post).filter_by(topic_id=topic.id).count() == 2


def test_pending_accounts_do_not_get_the_primer(make, login):
    pending = make.user("Pia Pending", status="pending", primer=False)
    assert login(pending).get("/me/primer").status_code == 404
