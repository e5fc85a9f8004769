"""Appeals: once per decision, within the window, decided by someone other than the decider."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from forum.audit import LogEntry
from forum.extensions import db
from forum.groups.models import Membership
from forum.moderation.models import Appeal
from forum.posts.models import Post

from .conftest import decide, log_actions, notifications_of, report, text


def decision_entry(action: str) -> LogEntry:
    return db.session.scalar(select(LogEntry).where(LogEntry.action == action).order_by(LogEntry.id.desc()))


def hidden_by_moderator(scene, login):
    report(login(scene.reporters[0]), scene.post)
    decide(login(scene.moderator), scene.group, scene.post, "hide", reason="Unsourced claim.")
    return decision_entry("moderation:post:hide")


def appeal(browser, entry, statement="I added the BRIDGE trial reference; please look again."):
    return browser.post("/appeals/new", data={"decision": str(entry.id), "statement": statement})


def test_the_author_appeals_and_another_moderator_grants_it(scene, login):
    entry = hidden_by_moderator(scene, login)
    author = login(scene.author)
    listing = text(author.get("/appeals"))
    assert "hid your post" in listing and f"/appeals/new?decision={entry.id}" in listing
    assert appeal(author, entry).status_code == 302
    [filed] = db.session.scalars(select(Appeal)).all()
    assert (filed.state, filed.original_actor_id, filed.post_id) == ("open", scene.moderator.id, scene.post.id)
    assert any("appealed a decision" in n.message for n in notifications_of(scene.second_moderator))
    assert not any("appealed a decision" in n.message for n in notifications_of(scene.moderator))

    # The moderator who decided may not decide the appeal.
    original = login(scene.moderator)
    assert "another moderator or an admin decides" in text(original.get(f"/g/{scene.group.slug}/moderation/appeals"))
    refused = original.post(f"/appeals/{filed.id}/decide", data={"decision": "grant", "reason": "Fine"})
    assert refused.status_code == 403
    assert db.session.get(Appeal, filed.id).state == "open"

    other = login(scene.second_moderator)
    response = other.post(f"/appeals/{filed.id}/decide", data={"decision": "grant", "reason": "The source settles it."})
    assert response.status_code == 302
    decided = db.session.get(Appeal, filed.id)
    assert (decided.state, decided.decided_by_id) == ("granted", scene.second_moderator.id)
    assert db.session.get(Post, scene.post.id).hidden is False
    assert any("granted" in n.message and "The source settles it." in n.message
               for n in notifications_of(scene.author))
    assert any("granted an appeal against your decision" in n.message for n in notifications_of(scene.moderator))
    assert "moderation:appeal:grant" in log_actions(subject_user_id=scene.author.id)
    again = other.post(f"/appeals/{filed.id}/decide", data={"decision": "deny", "reason": "Changed my mind"})
    assert again.status_code == 302 and db.session.get(Appeal, filed.id).state == "granted"


def test_a_denied_appeal_leaves_the_decision_standing(scene, login):
    entry = hidden_by_moderator(scene, login)
    appeal(login(scene.author), entry)
    filed = db.session.scalars(select(Appeal)).one()
    login(scene.admin).post(f"/appeals/{filed.id}/decide", data={"decision": "deny", "reason": "Still unsourced."})
    assert db.session.get(Appeal, filed.id).state == "denied"
    assert db.session.get(Post, scene.post.id).hidden is True
    assert "denied" in text(login(scene.author).get("/appeals"))


def test_each_decision_is_appealed_once(scene, login):
    entry = hidden_by_moderator(scene, login)
    author = login(scene.author)
    appeal(author, entry)
    second = appeal(author, entry, "Once more")
    assert second.status_code == 409 and "already appealed" in text(second)
    assert db.session.scalars(select(Appeal)).all().__len__() == 1


def test_the_appeal_window_closes(scene, login):
    entry = hidden_by_moderator(scene, login)
    # The log is append-only, so the decision is dated back in a fresh entry rather than rewritten.
    old = LogEntry(actor_id=scene.moderator.id, actor_name="Mona Moderator", action="moderation:post:hide",
                   target_type="post", target_id=scene.post.id, subject_user_id=scene.author.id,
                   group_id=scene.group.id, created_at=entry.created_at - timedelta(days=15))
    db.session.add(old)
    db.session.commit()
    response = appeal(login(scene.author), old)
    assert response.status_code == 409 and "window to appeal this decision closed" in text(response)
    assert db.session.scalars(select(Appeal)).all() == []


def test_only_the_person_concerned_appeals(scene, login):
    entry = hidden_by_moderator(scene, login)
    assert login(scene.bystander).get(f"/appeals/new?decision={entry.id}").status_code == 404
    assert appeal(login(scene.bystander), entry).status_code == 404


def test_an_empty_statement_is_refused_with_a_message(scene, login):
    entry = hidden_by_moderator(scene, login)
    response = appeal(login(scene.author), entry, "   ")
    assert response.status_code == 422 and "Say briefly why" in text(response)


def test_a_banned_member_appeals_from_outside_the_group_and_an_admin_reinstates(scene, login):
    report(login(scene.reporters[0]), scene.post, "harassment")
    decide(login(scene.moderator), scene.group, scene.post, "ban", reason="Harassment.")
    entry = decision_entry("moderation:member:ban")
    author = login(scene.author)
    assert author.get(f"/g/{scene.group.slug}").status_code == 404
    page = author.get(f"/appeals/new?decision={entry.id}")
    assert page.status_code == 200 and "banned you" in text(page)
    assert appeal(author, entry, "It was a misunderstanding; I apologised.").status_code == 302
    filed = db.session.scalars(select(Appeal)).one()
    login(scene.admin).post(f"/appeals/{filed.id}/decide", data={"decision": "grant", "reason": "Apology accepted."})
    membership = db.session.scalar(select(Membership).where(Membership.user_id == scene.author.id,
                                                            Membership.group_id == scene.group.id))
    assert membership.status == "active"
    assert author.get(f"/g/{scene.group.slug}").status_code == 200


def test_a_suspended_member_appeals_and_a_moderator_lifts_the_suspension(scene, login):
    report(login(scene.reporters[0]), scene.post)
    decide(login(scene.moderator), scene.group, scene.post, "suspend", reason="Unsourced again.", days=30)
    entry = decision_entry("moderation:member:suspend")
    appeal(login(scene.author), entry)
    filed = db.session.scalars(select(Appeal)).one()
    login(scene.second_moderator).post(f"/appeals/{filed.id}/decide",
                                       data={"decision": "grant", "reason": "30 days was too long."})
    membership = db.session.scalar(select(Membership).where(Membership.user_id == scene.author.id,
                                                            Membership.group_id == scene.group.id))
    assert (membership.status, membership.suspended_until) == ("active", None)
