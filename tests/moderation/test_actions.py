"""Every action on a case, end to end through HTTP, and the refusals: resolved cases, deleted posts,
lost roles, and two moderators deciding at once."""
from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import select

from forum.db_types import utcnow
from forum.extensions import db
from forum.groups.models import Membership
from forum.moderation.models import MemberWarning
from forum.posts.models import Post, PostRevision, Topic

from .conftest import cases, decide, log_actions, notifications_of, open_case, report, reports_on, text

REASON = "Breaks guideline 3: cite your sources."


def membership(group, user) -> Membership:
    return db.session.scalar(select(Membership).where(Membership.group_id == group.id,
                                                      Membership.user_id == user.id))


def reported(scene, login, reason="misinformation", by=0):
    report(login(scene.reporters[by]), scene.post, reason)
    return login(scene.moderator)


def test_the_queue_shows_the_case_with_its_reports_and_the_post(scene, login):
    report(login(scene.reporters[0]), scene.post, "misinformation", "No source given.")
    report(login(scene.reporters[1]), scene.post, "off_topic")
    page = text(login(scene.moderator).get(f"/g/{scene.group.slug}/moderation"))
    assert "2 reports" in page
    assert "misinformation" in page and "off topic" in page
    assert "Rita Reporter 1" in page and "Rita Reporter 2" in page and "No source given." in page
    assert "Bridging is never needed" in page and "Bridging anticoagulation" in page


def test_dismiss_closes_the_case_and_tells_reporters_without_the_reason(scene, login):
    moderator = reported(scene, login)
    response = decide(moderator, scene.group, scene.post, "dismiss", reason="Private note: author is right.")
    assert response.status_code == 302
    [case] = cases(scene.post)
    assert (case.state, case.outcome, case.moderator_id) == ("dismissed", "dismiss", scene.moderator.id)
    assert [r.state for r in reports_on(scene.post)] == ["dismissed"]
    [outcome] = notifications_of(scene.reporters[0])
    assert outcome.kind == "report_outcome" and "within the group's guidelines" in outcome.message
    assert "Private note" not in outcome.message
    assert notifications_of(scene.author) == []  # nothing happened to the author
    assert "moderation:case:dismiss" in log_actions(group_id=scene.group.id)


def test_dismissing_restores_a_post_that_reports_hid(scene, login):
    report(login(scene.reporters[0]), scene.post, "patient_privacy")
    assert db.session.get(Post, scene.post.id).hidden
    decide(login(scene.moderator), scene.group, scene.post, "dismiss", reason="No patient can be identified.")
    post = db.session.get(Post, scene.post.id)
    assert (post.hidden, post.hidden_reason) == (False, None)
    assert any("restored it" in n.message for n in notifications_of(scene.author))


def test_hide_keeps_the_post_for_author_and_moderators_with_a_banner(scene, login):
    moderator = reported(scene, login)
    decide(moderator, scene.group, scene.post, "hide", reason="Unsourced claim against the guideline.")
    post = db.session.get(Post, scene.post.id)
    assert (post.hidden, post.hidden_reason) == (True, "moderator")
    topic_url = f"/g/{scene.group.slug}/t/{scene.topic.id}"
    assert "Moderators hid this post while they review it." in text(login(scene.bystander).get(topic_url))
    author_view = text(login(scene.author).get(topic_url))
    assert "Hidden from other members by a moderator" in author_view and "Bridging is never needed" in author_view
    assert "Bridging is never needed" in text(moderator.get(topic_url))

    [to_author] = [n for n in notifications_of(scene.author) if n.kind == "moderation"]
    assert "Unsourced claim against the guideline." in to_author.message and "/appeals/new?decision=" in to_author.link
    [to_reporter] = notifications_of(scene.reporters[0])
    assert "hid the post" in to_reporter.message and "Unsourced" not in to_reporter.message


def test_restore_brings_a_hidden_post_back(scene, login):
    report(login(scene.reporters[0]), scene.post, "patient_privacy")
    decide(login(scene.moderator), scene.group, scene.post, "restore", reason="Fully de-identified.")
    post = db.session.get(Post, scene.post.id)
    assert post.hidden is False
    assert cases(scene.post)[0].state == "dismissed"
    assert "moderation:post:restore" in log_actions(target_id=post.id)


def test_delete_keeps_the_case_readable_from_its_snapshot(scene, login):
    moderator = reported(scene, login, "harassment")
    decide(moderator, scene.group, scene.post, "delete", reason="Personal attack on a colleague.")
    post = db.session.get(Post, scene.post.id)
    assert post.deleted_at is not None and post.deleted_by_id == scene.moderator.id
    resolved = text(moderator.get(f"/g/{scene.group.slug}/moderation?tab=resolved"))
    assert "Post deleted" in resolved and "Bridging is never needed" in resolved
    assert "Personal attack on a colleague." in resolved
    assert any("removed the post" in n.message for n in notifications_of(scene.reporters[0]))


def test_warn_sends_the_author_the_message(scene, login):
    moderator = reported(scene, login)
    decide(moderator, scene.group, scene.post, "warn", reason="Please cite the trial you mean.")
    [warning] = db.session.scalars(select(MemberWarning)).all()
    assert (warning.user_id, warning.moderator_id) == (scene.author.id, scene.moderator.id)
    assert any("warned you" in n.message and "Please cite the trial you mean." in n.message
               for n in notifications_of(scene.author))
    assert "moderation:member:warn" in log_actions(subject_user_id=scene.author.id)


def test_suspend_lets_the_author_read_but_not_post_report_or_invite(scene, login, make):
    moderator = reported(scene, login)
    response = decide(moderator, scene.group, scene.post, "suspend", reason="Repeated unsourced claims.", days=7)
    assert response.status_code == 302
    suspension = membership(scene.group, scene.author)
    assert suspension.status == "suspended"
    assert timedelta(days=6, hours=23) < suspension.suspended_until - utcnow() <= timedelta(days=7)

    author = login(scene.author)
    group_page = author.get(f"/g/{scene.group.slug}")
    assert group_page.status_code == 200
    assert "You are suspended in this group until" in text(group_page)
    assert author.post(f"/g/{scene.group.slug}/t/{scene.topic.id}/reply", data={"body": "Still here"}).status_code == 403
    assert author.post(f"/g/{scene.group.slug}/new", data={"title": "New", "body": "Text"}).status_code == 403
    other_post = make.reply(scene.topic, scene.bystander, "Another view.")
    assert report(author, other_post).status_code == 403
    assert author.post(f"/g/{scene.group.slug}/invites", data={"email": ""}).status_code == 403
    [notice] = [n for n in notifications_of(scene.author) if "suspended" in n.message]
    assert "until" in notice.message and "Repeated unsourced claims." in notice.message


def test_suspension_needs_a_length(scene, login):
    moderator = reported(scene, login)
    response = decide(moderator, scene.group, scene.post, "suspend", reason="Too much.", days=None)
    assert response.status_code == 422
    assert "1, 7 or 30 days" in text(response) and "Too much." in text(response)
    assert open_case(scene.post) is not None and membership(scene.group, scene.author).status == "active"


def test_ban_removes_the_group_from_the_author_and_tells_their_inviter(scene, login, make):
    inviter = scene.bystander
    membership(scene.group, scene.author).invited_by_id = inviter.id
    db.session.commit()
    moderator = reported(scene, login, "harassment")
    decide(moderator, scene.group, scene.post, "ban", reason="Harassment after a warning.")
    assert membership(scene.group, scene.author).status == "banned"
    author = login(scene.author)
    assert author.get(f"/g/{scene.group.slug}").status_code == 404
    assert author.get(f"/g/{scene.group.slug}/t/{scene.topic.id}").status_code == 404
    [notice] = [n for n in notifications_of(scene.author) if "banned" in n.message]
    assert notice.link.startswith("/appeals/new?decision=")
    assert author.get(notice.link).status_code == 200  # the appeal lives outside the group
    assert any("whom you invited, was banned" in n.message for n in notifications_of(inviter))


def test_escalate_puts_the_case_in_the_admins_queue(scene, login):
    moderator = reported(scene, login, "misinformation")
    decide(moderator, scene.group, scene.post, "escalate", reason="Clinical question beyond our group.")
    case = open_case(scene.post)
    assert case.escalated and case.escalated_by_id == scene.moderator.id
    assert any("escalated a case" in n.message for n in notifications_of(scene.admin))
    admin = login(scene.admin)
    queue = text(admin.get("/admin/moderation"))
    assert f'data-post-id="{scene.post.id}"' in queue and scene.group.name in queue
    assert "escalated to admins" in text(moderator.get(f"/g/{scene.group.slug}/moderation"))
    # Escalating again changes nothing; an admin then decides.
    assert decide(moderator, scene.group, scene.post, "escalate").status_code == 302
    decide(admin, scene.group, scene.post, "hide", reason="Admins agree: hide.")
    assert db.session.get(Post, scene.post.id).hidden
    assert "moderation:case:refused" in log_actions(actor_id=scene.moderator.id)


def test_moderator_edits_with_a_reason_and_the_revision_is_kept(scene, login):
    moderator = reported(scene, login)
    response = moderator.post(f"/posts/{scene.post.id}/edit",
                              data={"body": "Bridging is rarely needed (BRIDGE trial).", "reason": "Added the source."})
    assert response.status_code == 302
    [revision] = db.session.scalars(select(PostRevision).where(PostRevision.post_id == scene.post.id)).all()
    assert revision.body_source == "Bridging is never needed; the evidence is settled."
    decide(moderator, scene.group, scene.post, "dismiss", reason="Edited: source added.")
    assert cases(scene.post)[0].state == "dismissed"


def test_lock_and_pin_the_topic(scene, login):
    moderator = login(scene.moderator)
    base = f"/g/{scene.group.slug}/t/{scene.topic.id}"
    assert "Lock topic" in text(moderator.get(base))
    response = moderator.post(base + "/lock", data={"reason": ""})
    assert response.status_code == 302 and db.session.get(Topic, scene.topic.id).locked is False
    moderator.post(base + "/lock", data={"reason": "The question is answered."})
    moderator.post(base + "/pin", data={})
    topic = db.session.get(Topic, scene.topic.id)
    assert topic.locked and topic.pinned
    assert login(scene.bystander).post(base + "/reply", data={"body": "Late reply"}).status_code == 403
    assert login(scene.bystander).post(base + "/lock", data={"reason": "x"}).status_code == 403
    moderator.post(base + "/unlock", data={"reason": "New evidence appeared."})
    moderator.post(base + "/unpin", data={})
    topic = db.session.get(Topic, scene.topic.id)
    assert not topic.locked and not topic.pinned
    actions = log_actions(target_id=topic.id, target_type="topic")
    assert actions == ["moderation:topic:lock", "moderation:topic:pin", "moderation:topic:unlock",
                       "moderation:topic:unpin"]


def test_moderators_hide_and_restore_a_post_without_reports(scene, login):
    moderator = login(scene.moderator)
    moderator.post(f"/posts/{scene.post.id}/moderate", data={"action": "hide", "reason": "Off topic."})
    assert db.session.get(Post, scene.post.id).hidden_reason == "moderator"
    moderator.post(f"/posts/{scene.post.id}/moderate", data={"action": "restore", "reason": "On reflection, fine."})
    assert db.session.get(Post, scene.post.id).hidden is False
    # With open reports, the queue decides (so reporters hear the outcome).
    report(login(scene.reporters[0]), scene.post)
    response = moderator.post(f"/posts/{scene.post.id}/moderate", data={"action": "hide", "reason": "x"})
    assert "decide them in the review queue" in text(moderator.get(response.location))
    assert db.session.get(Post, scene.post.id).hidden is False


def test_every_action_needs_a_reason(scene, login):
    moderator = reported(scene, login)
    response = decide(moderator, scene.group, scene.post, "hide", reason="   ")
    assert response.status_code == 422 and "Give a reason" in text(response)
    assert open_case(scene.post) is not None and db.session.get(Post, scene.post.id).hidden is False


def test_an_unknown_action_is_refused(scene, login):
    moderator = reported(scene, login)
    response = decide(moderator, scene.group, scene.post, "shadowban")
    assert response.status_code == 422
    assert open_case(scene.post) is not None


def test_acting_on_a_resolved_case_is_refused_and_logged(scene, login):
    moderator = reported(scene, login)
    decide(moderator, scene.group, scene.post, "dismiss", reason="Fine.")
    second = login(scene.second_moderator)
    response = decide(second, scene.group, scene.post, "delete", reason="Too late.")
    assert response.status_code == 302
    assert "already decided by Mona Moderator" in text(second.get(response.location))
    assert db.session.get(Post, scene.post.id).deleted_at is None
    assert log_actions(group_id=scene.group.id)[-2:] == ["moderation:case:dismiss", "moderation:case:refused"]


def test_a_form_for_a_case_that_was_replaced_is_refused(scene, login):
    moderator = reported(scene, login)
    stale_case = open_case(scene.post).id
    decide(login(scene.second_moderator), scene.group, scene.post, "dismiss", reason="Fine.")
    report(login(scene.reporters[1]), scene.post, "spam")  # a new case opens
    response = decide(moderator, scene.group, scene.post, "delete", case_id=str(stale_case))
    assert response.status_code == 302
    assert db.session.get(Post, scene.post.id).deleted_at is None and open_case(scene.post) is not None


def test_hiding_or_deleting_a_deleted_post_is_refused(scene, login):
    moderator = reported(scene, login)
    login(scene.author).post(f"/posts/{scene.post.id}/delete")
    response = decide(moderator, scene.group, scene.post, "hide")
    assert response.status_code == 422 and "already deleted" in text(response)
    assert open_case(scene.post) is not None
    # The case can still be closed, or the author acted on.
    decide(moderator, scene.group, scene.post, "warn", reason="Deleted, but please do not repeat it.")
    assert cases(scene.post)[0].state == "resolved"


def test_a_moderator_who_just_lost_the_role_is_refused(scene, login):
    moderator = reported(scene, login)
    assert moderator.get(f"/g/{scene.group.slug}/moderation").status_code == 200
    membership(scene.group, scene.moderator).role = "member"
    db.session.commit()
    response = decide(moderator, scene.group, scene.post, "hide")
    assert response.status_code == 403 and "not (or no longer) one of them" in text(response)
    assert open_case(scene.post) is not None and db.session.get(Post, scene.post.id).hidden is False


def test_moderators_do_not_decide_cases_about_their_own_posts(scene, login, make):
    own = make.reply(scene.topic, scene.moderator, "A moderator's opinion.")
    report(login(scene.reporters[0]), own)
    response = decide(login(scene.moderator), scene.group, own, "dismiss")
    assert response.status_code == 403 and "another moderator decides" in text(response)
    assert decide(login(scene.second_moderator), scene.group, own, "dismiss").status_code == 302


def test_moderators_and_owner_must_be_demoted_before_a_suspension(scene, login, make):
    post = make.reply(scene.topic, scene.second_moderator, "Opinion.")
    report(login(scene.reporters[0]), post)
    response = decide(login(scene.moderator), scene.group, post, "suspend", days=1)
    assert response.status_code == 422 and "must demote them" in text(response)


def test_two_moderators_deciding_at_once_produce_one_outcome_and_two_log_entries(scene, login):
    report(login(scene.reporters[0]), scene.post)
    report(login(scene.reporters[1]), scene.post)
    browsers = [login(scene.moderator), login(scene.second_moderator)]
    url = f"/g/{scene.group.slug}/moderation/{scene.post.id}"
    db.session.commit()
    barrier = threading.Barrier(2)
    statuses = []

    def act(browser, action):
        barrier.wait()
        statuses.append(browser.post(url, data={"action": action, "reason": f"{action} it"}).status_code)

    threads = [threading.Thread(target=act, args=(browsers[0], "hide")),
               threading.Thread(target=act, args=(browsers[1], "delete"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [302, 302]
    [case] = cases(scene.post)
    assert case.state == "resolved" and case.outcome in ("hide", "delete")
    post = db.session.get(Post, scene.post.id)
    assert (post.hidden, post.deleted_at is not None) == ((True, False) if case.outcome == "hide" else (False, True))
    entries = log_actions(group_id=scene.group.id)
    assert entries.count("moderation:case:refused") == 1
    assert len([e for e in entries if e in ("moderation:post:hide", "moderation:post:delete")]) == 1
    # Each reporter hears exactly one outcome.
    assert len(notifications_of(scene.reporters[0])) == 1
