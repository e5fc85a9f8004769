"""Privacy incidents: opened when a moderator confirms an exposure, with the window, the readers and the
72-hour deadline; assessed and closed by admins and privacy officers; exported for the records."""
from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

from sqlalchemy import select

from forum.extensions import db
from forum.incidents.models import PostRead, PrivacyIncident
from forum.posts.models import Post

from .conftest import decide, log_actions, notifications_of, report, text

FLAGGED = "Could someone call Mrs Qxvorblatt back on +49 30 77123984 about the discharge?"
CORRECTED = "Could someone call the family back about the discharge?"


def _published_post(scene, login):
    db.session.merge(scene.group).guard_policy = "publish"
    db.session.commit()
    response = login(scene.author).post(f"/g/{scene.group.slug}/t/{scene.topic.id}/reply",
                                        data={"body": FLAGGED, "confirm_no_phi": "y"})
    assert response.status_code == 302
    return db.session.scalar(select(Post).order_by(Post.id.desc()))


def _readers_of_group_a(scene) -> set[int]:
    """Who of the persona world may read group A, its author apart."""
    world = scene.world
    readers = {world.owner, world.moderator, world.second_moderator, *world.reporters, world.bystander, world.admin,
               world.member, world.colleague, world.muted_member, world.suspended_member, world.suspended_account}
    return {user.id for user in readers}


def test_a_redaction_opens_an_incident_with_window_readers_and_deadline(scene, login):
    post = _published_post(scene, login)
    topic_url = f"/g/{scene.group.slug}/t/{scene.topic.id}"
    # Two members open the topic while the post is under privacy review (its automatic report); once
    # is recorded once. A member who never opened it is not listed.
    bystander, reporter = login(scene.bystander), login(scene.reporters[1])
    assert bystander.get(topic_url).status_code == 200 and bystander.get(topic_url).status_code == 200
    assert reporter.get(topic_url).status_code == 200
    login(scene.author).get(topic_url)  # the author's own reads do not count
    assert db.session.query(PostRead).filter_by(post_id=post.id).count() == 2

    response = decide(login(scene.moderator), scene.group, post, "redact", reason="Named the patient.",
                      body=CORRECTED)
    assert response.status_code == 302
    incident = db.session.scalar(select(PrivacyIncident))
    assert incident.post_id == post.id and incident.group_id == scene.group.id and incident.trigger == "redact"
    assert incident.handler_id == scene.moderator.id
    assert incident.published_at == post.created_at and incident.hidden_at >= incident.published_at
    assert incident.deadline_at - incident.confirmed_at == timedelta(hours=72)
    # Everyone who could read the group but the author: owner, 2 moderators, 3 reporters, bystander, the admin
    # (who reads every group), and the rest of the world's group A who may read it -- not its pending account
    # nor its banned member.
    assert incident.members_in_window == len(_readers_of_group_a(scene)) == 13
    assert sorted(reader["name"] for reader in incident.readers) == ["Bea Bystander", "Rita Reporter 2"]
    assert "Qxvorblatt" not in json.dumps(incident.readers)
    assert "privacy:incident:open" in log_actions()
    # Admins and privacy officers are told.
    assert any("privacy incident" in n.message for n in notifications_of(scene.admin))

    page = text(login(scene.admin).get("/admin/incidents"))
    assert f'id="incident-{incident.id}"' in page and "h " in page and "left" in page
    assert "Bea Bystander" in page and "Qxvorblatt" not in page


def test_a_held_post_was_visible_only_to_those_who_see_held_posts(scene, login):
    response = login(scene.author).post(f"/g/{scene.group.slug}/t/{scene.topic.id}/reply",
                                        data={"body": FLAGGED, "confirm_no_phi": "y"})
    assert response.status_code == 302
    post = db.session.scalar(select(Post).order_by(Post.id.desc()))
    assert decide(login(scene.moderator), scene.group, post, "redact", reason="Named the patient.",
                  body=CORRECTED).status_code == 302
    incident = db.session.scalar(select(PrivacyIncident))
    assert incident.hidden_at == incident.published_at and incident.readers == []
    # Never public, but the owner, the two moderators and the admin could open it in the queue.
    assert incident.members_in_window == 4


def test_the_count_of_who_could_read_follows_the_policy(scene, login, make):
    """Not every membership row is a reader: a member who has not accepted the current guidelines, a banned one
    and an account still waiting for verification could not open the group; an admin outside it could."""
    from forum.accounts.models import VerificationStatus
    from forum.groups.models import MembershipStatus

    unaccepted = make.user("Una Unaccepted")
    make.member(scene.group, unaccepted, accepted=False)
    banned = make.user("Ben Banned")
    make.member(scene.group, banned).status = MembershipStatus.BANNED
    waiting = make.user("Wanda Waiting", status=VerificationStatus.PENDING)
    make.member(scene.group, waiting)
    suspended = make.user("Sue Suspended")
    membership = make.member(scene.group, suspended)
    membership.status, membership.suspended_until = MembershipStatus.SUSPENDED, None  # still reads, cannot write
    second_admin = make.user("Abe Admin", admin=True)
    db.session.commit()

    post = _published_post(scene, login)
    assert decide(login(scene.moderator), scene.group, post, "redact", reason="Named the patient.",
                  body=CORRECTED).status_code == 302
    incident = db.session.scalar(select(PrivacyIncident))
    # owner, 2 moderators, 3 reporters, bystander, suspended member, 2 admins, and the rest of the world's readers
    assert incident.members_in_window == len(_readers_of_group_a(scene) | {suspended.id, second_admin.id}) == 15
    assert second_admin.id and unaccepted.id and banned.id and waiting.id


def test_hiding_after_a_privacy_report_opens_an_incident_from_the_moment_it_was_hidden(scene, login):
    post = _published_post(scene, login)
    assert report(login(scene.reporters[0]), post, "patient_privacy", "Names the patient.").status_code == 302
    hidden = db.session.get(Post, post.id)
    assert hidden.hidden and hidden.hidden_reason == "patient_privacy"
    assert decide(login(scene.moderator), scene.group, post, "hide", reason="Patient data.",
                  patient_privacy="y").status_code == 302
    incident = db.session.scalar(select(PrivacyIncident))
    assert incident.trigger == "hide" and incident.hidden_at < incident.confirmed_at
    assert db.session.get(Post, post.id).body_source == FLAGGED  # hidden, not deleted: restorable on appeal


def test_an_incident_cannot_be_closed_without_an_assessment(scene, login):
    post = _published_post(scene, login)
    assert decide(login(scene.moderator), scene.group, post, "redact", reason="Named the patient.",
                  body=CORRECTED).status_code == 302
    incident = db.session.scalar(select(PrivacyIncident))
    admin = login(scene.admin)
    refused = admin.post(f"/admin/incidents/{incident.id}/close", data={"close_reason": "Done."})
    assert refused.status_code == 422 and "Save an assessment" in text(refused)
    assert db.session.get(PrivacyIncident, incident.id).is_open

    missing = admin.post(f"/admin/incidents/{incident.id}/assess",
                         data={"notification_needed": "yes", "assessment": ""})
    assert missing.status_code == 422 and "Write the assessment" in text(missing)
    saved = admin.post(f"/admin/incidents/{incident.id}/assess", data={
        "notification_needed": "yes", "assessment": "A name and a phone number, seen by two colleagues.",
        "version": str(incident.version)})
    assert saved.status_code == 302
    not_sent = admin.post(f"/admin/incidents/{incident.id}/close", data={"close_reason": "Done."})
    assert not_sent.status_code == 422 and "none is recorded as sent" in text(not_sent)
    seen_version = db.session.get(PrivacyIncident, incident.id).version
    sent = admin.post(f"/admin/incidents/{incident.id}/assess", data={
        "notification_needed": "yes", "assessment": "A name and a phone number, seen by two colleagues.",
        "notified_at": "2026-01-05T10:30", "notified_to": "Hospital data protection officer",
        "version": str(seen_version)})
    assert sent.status_code == 302
    stale = admin.post(f"/admin/incidents/{incident.id}/close", data={"close_reason": "Notified.",
                                                                      "version": str(seen_version)})
    assert stale.status_code == 302 and db.session.get(PrivacyIncident, incident.id).is_open  # saved meanwhile
    closed = admin.post(f"/admin/incidents/{incident.id}/close", data={"close_reason": "Notified; no further risk."})
    assert closed.status_code == 302
    done = db.session.get(PrivacyIncident, incident.id)
    assert not done.is_open and done.closed_by_id == scene.admin.id and done.notified_to.startswith("Hospital")
    assert {"privacy:incident:assess", "privacy:incident:close"} <= set(log_actions())


def test_exports_for_the_records_and_who_may_see_incidents(scene, login, make):
    post = _published_post(scene, login)
    assert decide(login(scene.moderator), scene.group, post, "redact", reason="Named the patient.",
                  body=CORRECTED).status_code == 302
    officer = make.user("Paula Privacy")
    admin = login(scene.admin)
    assert login(officer).get("/admin/incidents").status_code == 403
    assert login(scene.moderator).get("/admin/incidents").status_code == 403
    assert admin.post(f"/admin/users/{officer.id}/privacy-officer", data={"action": "grant"}).status_code == 302
    officer_browser = login(officer)
    assert officer_browser.get("/admin/incidents").status_code == 200
    exported = officer_browser.get("/admin/incidents.json")
    records = json.loads(exported.get_data(as_text=True))["incidents"]
    assert records[0]["post_id"] == post.id and records[0]["state"] == "open" and records[0]["deadline_at"]
    rows = list(csv.DictReader(io.StringIO(officer_browser.get("/admin/incidents.csv").get_data(as_text=True))))
    assert rows[0]["post_id"] == str(post.id) and rows[0]["trigger"] == "redact"
    assert "Qxvorblatt" not in exported.get_data(as_text=True)
    assert "privacy:officer:grant" in log_actions()
