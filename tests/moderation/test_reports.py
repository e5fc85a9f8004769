"""Reporting a post, and the automatic protection that reports trigger."""
from __future__ import annotations

from forum.extensions import db
from forum.posts.models import Post
from forum.posts.services import GuardResult, reply

from .conftest import cases, log_actions, notifications_of, open_case, report, reports_on, text


def test_member_reports_a_post_and_then_sees_that_they_reported_it(scene, login):
    reporter = login(scene.reporters[0])
    topic_url = f"/g/{scene.group.slug}/t/{scene.topic.id}"
    assert f'action="/posts/{scene.post.id}/report"' in text(reporter.get(topic_url))

    response = report(reporter, scene.post, "misinformation", "Contradicts BRIDGE only partly; please cite.")
    assert response.status_code == 302
    [saved] = reports_on(scene.post)
    assert (saved.reporter_id, saved.reason, saved.state) == (scene.reporters[0].id, "misinformation", "open")
    assert saved.details == "Contradicts BRIDGE only partly; please cite."
    case = open_case(scene.post)
    assert case.report_count == 1 and case.post_author_name == "Aaron Author"
    assert "Bridging is never needed" in case.post_excerpt

    page = text(reporter.get(topic_url))
    assert "You reported this post" in page
    assert f'action="/posts/{scene.post.id}/report"' not in page


def test_a_second_report_by_the_same_member_is_refused_politely(scene, login):
    reporter = login(scene.reporters[0])
    report(reporter, scene.post)
    response = report(reporter, scene.post, "spam")
    assert response.status_code == 302
    assert len(reports_on(scene.post)) == 1
    assert "You already reported this post" in text(reporter.get(response.location))


def test_nobody_reports_their_own_post(scene, login):
    response = report(login(scene.author), scene.post)
    assert response.status_code == 403
    assert "cannot report your own post" in text(response)
    assert reports_on(scene.post) == []


def test_bad_report_input_gets_a_clear_message_and_keeps_the_text(scene, login):
    reporter = login(scene.reporters[0])
    response = report(reporter, scene.post, "rumours", "My typed explanation")
    assert response.status_code == 422
    page = text(response)
    assert "Choose one of the reasons" in page
    assert "My typed explanation" in page

    response = report(reporter, scene.post, "other", "")
    assert response.status_code == 422 and "say briefly what is wrong" in text(response)

    response = report(reporter, scene.post, "spam", "x" * 2001)
    assert response.status_code == 422 and "under 2,000 characters" in text(response)
    assert reports_on(scene.post) == []


def test_people_outside_the_group_get_404(scene, login, make):
    outsider = make.user("Otto Outsider")
    make.group("Elsewhere", members=[outsider])
    assert report(login(outsider), scene.post).status_code == 404
    assert reports_on(scene.post) == []


def test_three_distinct_reporters_hide_the_post_until_review(scene, login):
    for reporter in scene.reporters[:2]:
        report(login(reporter), scene.post)
    assert db.session.get(Post, scene.post.id).hidden is False

    report(login(scene.reporters[2]), scene.post, "harassment")
    post = db.session.get(Post, scene.post.id)
    assert (post.hidden, post.hidden_reason) == (True, "reports")
    assert open_case(scene.post).report_count == 3
    assert "moderation:post:auto_hide" in log_actions(target_id=post.id)

    topic_url = f"/g/{scene.group.slug}/t/{scene.topic.id}"
    assert "Moderators hid this post while they review it." in text(login(scene.bystander).get(topic_url))
    assert "after several reports" in text(login(scene.author).get(topic_url))
    assert any("hidden automatically" in n.message for n in notifications_of(scene.moderator))
    assert any("is hidden from other members" in n.message for n in notifications_of(scene.author))


def test_the_threshold_comes_from_the_configuration(scene, login, app):
    app.config["REPORT_AUTO_HIDE_THRESHOLD"] = 2
    for reporter in scene.reporters[:2]:
        report(login(reporter), scene.post)
    assert db.session.get(Post, scene.post.id).hidden_reason == "reports"


def test_one_patient_privacy_report_hides_the_post_at_once(scene, login):
    report(login(scene.reporters[0]), scene.post, "patient_privacy", "Names the patient's ward and birthday.")
    post = db.session.get(Post, scene.post.id)
    assert (post.hidden, post.hidden_reason) == (True, "patient_privacy")
    assert open_case(scene.post).has_privacy_report is True


def test_publishing_past_the_guard_files_an_automatic_report_without_hiding(scene, app):
    # Groups hold such posts for review by default (tests/moderation/test_held_posts.py); this group
    # chose "publish and queue".
    db.session.merge(scene.group).guard_policy = "publish"
    db.session.commit()
    with app.test_request_context():
        guard = GuardResult(body=[{"start": 0, "end": 4, "type": "person_name", "explanation": "A name"}])
        post = reply(scene.author, db.session.merge(scene.topic), body="Anna was admitted", guard=guard)
        db.session.commit()
        post_id = post.id
    post = db.session.get(Post, post_id)
    assert post.phi_confirmed is True and post.hidden is False
    [automatic] = reports_on(post)
    assert automatic.reporter_id is None and automatic.automatic and automatic.reason == "patient_privacy"
    assert "person_name" in automatic.details and "Anna" not in automatic.details
    [case] = cases(post)
    assert case.has_privacy_report and case.state == "open"


def test_the_automatic_report_is_not_filed_twice_for_one_post(scene, app):
    from forum.moderation.reports import file_automatic_privacy_report

    with app.test_request_context():
        post = db.session.get(Post, scene.post.id)
        file_automatic_privacy_report(scene.author, post)
        file_automatic_privacy_report(scene.author, post)
        db.session.commit()
    assert len(reports_on(scene.post)) == 1


def test_privacy_cases_come_first_in_the_queue_then_the_oldest(scene, login, make):
    older = make.reply(scene.topic, scene.author, "An older, merely off-topic post.")
    report(login(scene.reporters[0]), older, "off_topic")
    report(login(scene.reporters[1]), scene.post, "patient_privacy")
    page = text(login(scene.moderator).get(f"/g/{scene.group.slug}/moderation"))
    assert page.index(f'data-post-id="{scene.post.id}"') < page.index(f'data-post-id="{older.id}"')
    assert "patient privacy" in page and "Rita Reporter 1" in page and "Rita Reporter 2" in page

