"""Redaction that removes: after `redact`, the removed text is nowhere -- not on any page, not in the
export, not in the outbox, not in any row of the database and (SQLite) not in the database files."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import JSON, String, Text, cast, func, select

from forum.audit import LogEntry
from forum.extensions import db
from forum.incidents.models import PrivacyIncident
from forum.notifications.digest import send_digests
from forum.notifications.services import notify
from forum.posts.models import Post, PostRevision

from .conftest import decide, log_actions, notifications_of, report, text

MARKER = "Qxvorblatt"
NUMBER = "77123984"
FLAGGED = f"Could someone call Mrs {MARKER} back on +49 30 {NUMBER} about the discharge?"
CORRECTED = "Could someone call the family back about the discharge?"


def rows_holding(needle: str) -> list[str]:
    """Every text column of every table, searched in the database itself (both engines)."""
    found = []
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, (String, Text, JSON)):
                count = db.session.scalar(select(func.count()).select_from(table)
                                          .where(func.lower(cast(column, Text)).contains(needle.lower())))
                if count:
                    found.append(f"{table.name}.{column.name}")
    return found


def database_files_holding(needle: str) -> list[str]:
    """SQLite only: the raw bytes of the database file and its write-ahead log."""
    if db.engine.dialect.name != "sqlite":
        return []
    path = Path(db.engine.url.database)
    hits = []
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")):
        if candidate.exists() and needle.encode() in candidate.read_bytes():
            hits.append(candidate.name)
    return hits


def outbox_holding(app, needle: str) -> list[str]:
    folder = Path(app.config["MAIL_OUTBOX_DIR"])
    if not folder.is_dir():
        return []
    return [path.name for path in folder.glob("*.eml") if needle.encode() in path.read_bytes()]


def _publish_and_queue(scene):
    db.session.merge(scene.group).guard_policy = "publish"
    db.session.commit()


def test_redact_destroys_every_copy_of_the_removed_text(scene, app, login):
    _publish_and_queue(scene)
    author, bystander, moderator = login(scene.author), login(scene.bystander), login(scene.moderator)
    topic_url = f"/g/{scene.group.slug}/t/{scene.topic.id}"
    assert author.post(f"{topic_url}/reply", data={"body": FLAGGED, "confirm_no_phi": "y"}).status_code == 302
    post = db.session.scalar(select(Post).order_by(Post.id.desc()))
    # The author edits once (the revision keeps the first text), a member reads it while it is under
    # review, a reporter quotes it, a notification quoting it waits in the digest outbox.
    assert author.post(f"/posts/{post.id}/edit", data={"body": FLAGGED + " Thanks!", "confirm_no_phi": "y"}
                       ).status_code == 302
    assert MARKER in text(bystander.get(topic_url))
    assert report(login(scene.reporters[0]), post, "patient_privacy",
                  f"It names Mrs {MARKER} and her number.").status_code == 302
    with app.test_request_context():
        notify(scene.second_moderator.id, "moderation", "post.edited_by_moderator", topic=scene.topic,
               params={"reason": f"Heads-up: the post about {MARKER} needs a look."})
        db.session.commit()
        assert send_digests() >= 1
    assert outbox_holding(app, MARKER) and rows_holding(MARKER)

    response = decide(moderator, scene.group, post, "redact", reason="It named the patient and her phone number.",
                      body=CORRECTED)
    assert response.status_code == 302, text(response)

    redacted = db.session.get(Post, post.id)
    assert redacted.body_source == CORRECTED and MARKER not in redacted.body_html
    revisions = db.session.scalars(select(PostRevision).where(PostRevision.post_id == post.id)).all()
    assert len(revisions) == 2 and all(r.redacted and r.body_source == "" for r in revisions)
    assert {r.editor_id for r in revisions} == {scene.author.id, scene.moderator.id}
    assert any(r.reason == "It named the patient and her phone number." for r in revisions)

    pages = [
        author.get(topic_url), bystander.get(topic_url), moderator.get(topic_url),
        author.get(f"/posts/{post.id}/history"), moderator.get(f"/posts/{post.id}/history"),
        moderator.get(f"/g/{scene.group.slug}/moderation"),
        moderator.get(f"/g/{scene.group.slug}/moderation?tab=resolved"),
        moderator.get(f"/g/{scene.group.slug}/moderation/{post.id}"),
        moderator.get(f"/g/{scene.group.slug}/moderation/log"),
        bystander.get(f"/search?q={NUMBER[:4]}"), author.get("/notifications"),
        login(scene.second_moderator).get("/notifications"), login(scene.reporters[0]).get("/notifications"),
    ]
    for page in pages:
        assert page.status_code == 200
        assert MARKER not in text(page) and NUMBER not in text(page)
    assert "Patient data was removed from this post" in text(author.get(f"/posts/{post.id}/history"))
    export = author.post("/me/export")
    assert export.status_code == 200 and MARKER not in text(export) and CORRECTED in text(export)

    assert outbox_holding(app, MARKER) == [] and outbox_holding(app, NUMBER) == []
    assert rows_holding(MARKER) == [] and rows_holding(NUMBER) == []
    assert database_files_holding(MARKER) == [] and database_files_holding(NUMBER) == []

    entry = db.session.scalar(select(LogEntry).where(LogEntry.action == "moderation:post:redact"))
    assert entry.target_id == post.id and entry.details["revisions"] == 1  # the earlier version it cleared
    assert any("removed patient data" in n.message for n in notifications_of(scene.author))
    assert db.session.scalar(select(func.count(PrivacyIncident.id))) == 1


def test_a_held_post_redacted_is_published_with_the_corrected_text(scene, app, login):
    author, moderator, bystander = login(scene.author), login(scene.moderator), login(scene.bystander)
    topic_url = f"/g/{scene.group.slug}/t/{scene.topic.id}"
    assert author.post(f"{topic_url}/reply", data={"body": FLAGGED, "confirm_no_phi": "y"}).status_code == 302
    post = db.session.scalar(select(Post).order_by(Post.id.desc()))
    assert post.is_held
    assert decide(moderator, scene.group, post, "redact", reason="Named the patient.",
                  body=CORRECTED).status_code == 302
    page = text(bystander.get(topic_url))
    assert CORRECTED in page and MARKER not in page
    assert rows_holding(MARKER) == [] and database_files_holding(MARKER) == []


def test_a_redaction_that_still_contains_findings_comes_back_highlighted(scene, login):
    author, moderator = login(scene.author), login(scene.moderator)
    topic_url = f"/g/{scene.group.slug}/t/{scene.topic.id}"
    assert author.post(f"{topic_url}/reply", data={"body": FLAGGED, "confirm_no_phi": "y"}).status_code == 302
    post = db.session.scalar(select(Post).order_by(Post.id.desc()))
    still = f"Could someone call the family back on +49 30 {NUMBER}?"
    response = decide(moderator, scene.group, post, "redact", reason="Named the patient.", body=still)
    assert response.status_code == 422
    page = text(response)
    assert f'<mark class="finding" title="Phone or fax number">+49 30 {NUMBER}</mark>' in page
    assert "still contains what may identify a patient" in page
    assert db.session.get(Post, post.id).body_source == FLAGGED  # nothing was changed
    assert "moderation:post:redact" not in log_actions()


def test_a_redaction_reason_that_repeats_the_removed_text_is_refused(scene, login):
    author, moderator = login(scene.author), login(scene.moderator)
    assert author.post(f"/g/{scene.group.slug}/t/{scene.topic.id}/reply",
                       data={"body": FLAGGED, "confirm_no_phi": "y"}).status_code == 302
    post = db.session.scalar(select(Post).order_by(Post.id.desc()))
    response = decide(moderator, scene.group, post, "redact", reason=f"Named Mrs {MARKER}.", body=CORRECTED)
    assert response.status_code == 422 and "the log keeps the reason" in text(response)
    assert CORRECTED in text(response)  # the typed corrected text is kept
    assert rows_holding(MARKER) and not db.session.get(Post, post.id).body_source == CORRECTED


def test_an_author_edit_that_removes_patient_data_clears_the_earlier_versions(scene, app, login):
    _publish_and_queue(scene)
    author = login(scene.author)
    assert author.post(f"/g/{scene.group.slug}/t/{scene.topic.id}/reply",
                       data={"body": FLAGGED, "confirm_no_phi": "y"}).status_code == 302
    post = db.session.scalar(select(Post).order_by(Post.id.desc()))
    response = author.post(f"/posts/{post.id}/edit", data={"body": CORRECTED, "removes_patient_data": "y",
                                                           "reason": "removed the patient's details"})
    assert response.status_code == 302
    [revision] = db.session.scalars(select(PostRevision).where(PostRevision.post_id == post.id)).all()
    assert revision.redacted and revision.body_source == "" and revision.reason == "removed the patient's details"
    assert rows_holding(MARKER) == [] and database_files_holding(MARKER) == []
    assert "post:redact" in log_actions(target_id=post.id)
    assert MARKER not in text(author.post("/me/export"))


def test_delete_for_patient_privacy_keeps_no_text_and_opens_an_incident(scene, login):
    _publish_and_queue(scene)
    author, moderator = login(scene.author), login(scene.moderator)
    assert author.post(f"/g/{scene.group.slug}/t/{scene.topic.id}/reply",
                       data={"body": FLAGGED, "confirm_no_phi": "y"}).status_code == 302
    post = db.session.scalar(select(Post).order_by(Post.id.desc()))
    response = decide(moderator, scene.group, post, "delete", reason="It named the patient.", patient_privacy="y")
    assert response.status_code == 302
    deleted = db.session.get(Post, post.id)
    assert deleted.is_deleted and deleted.body_source == "" and deleted.body_html == ""
    assert rows_holding(MARKER) == [] and database_files_holding(MARKER) == []
    incident = db.session.scalar(select(PrivacyIncident))
    assert incident.post_id == post.id and incident.trigger == "delete"
    assert {"moderation:post:delete", "moderation:post:purge", "privacy:incident:open"} <= set(log_actions())


def test_a_plain_delete_keeps_the_text_for_an_appeal(scene, login):
    _publish_and_queue(scene)
    author, moderator = login(scene.author), login(scene.moderator)
    assert author.post(f"/g/{scene.group.slug}/t/{scene.topic.id}/reply",
                       data={"body": FLAGGED, "confirm_no_phi": "y"}).status_code == 302
    post = db.session.scalar(select(Post).order_by(Post.id.desc()))
    assert decide(moderator, scene.group, post, "delete", reason="Off topic.").status_code == 302
    assert db.session.get(Post, post.id).body_source == FLAGGED
    assert db.session.scalar(select(func.count(PrivacyIncident.id))) == 0


# --- a topic's title is redacted like its text ------------------------------------------------------------

FLAGGED_TITLE = f"Mrs {MARKER} (+49 30 {NUMBER}): discharge"
CORRECTED_TITLE = "A discharge question"


def _topic_with_flagged_title(scene, login):
    """The author opens a topic whose title names the patient, past the guard's findings."""
    response = login(scene.author).post(f"/g/{scene.group.slug}/new", data={
        "title": FLAGGED_TITLE, "body": "Who can call the family back about the discharge?", "confirm_no_phi": "y"})
    assert response.status_code == 302, text(response)
    return db.session.scalar(select(Post).order_by(Post.id.desc()))


def test_redacting_a_published_title_destroys_every_copy_of_it(scene, app, login):
    _publish_and_queue(scene)
    post = _topic_with_flagged_title(scene, login)
    topic_id, slug = post.topic_id, scene.group.slug
    assert post.number == 1
    # Copies spread: a reporter quotes the title, a notification and a digest e-mail carry it, moderators act
    # on the post (each action a log entry), and the search index holds it.
    assert report(login(scene.reporters[0]), post, "patient_privacy",
                  f"The title names Mrs {MARKER}.").status_code == 302
    with app.test_request_context():
        notify(scene.second_moderator.id, "moderation", "post.edited_by_moderator", topic=post.topic,
               params={"reason": f"Look at “{FLAGGED_TITLE}”."})
        db.session.commit()
        assert send_digests() >= 1
    bystander = login(scene.bystander)
    assert MARKER in text(bystander.get(f"/search?q={MARKER}"))
    assert outbox_holding(app, MARKER) and rows_holding(MARKER)
    assert "moderation_log.target_label" not in rows_holding(MARKER)  # the log never copies a title

    moderator = login(scene.moderator)
    form = text(moderator.get(f"/g/{slug}/moderation/{post.id}"))
    assert 'name="title"' in form  # the opening post's title is offered for correction
    response = decide(moderator, scene.group, post, "redact", reason="The title named the patient.",
                      body="Who can call the family back about the discharge?", title=CORRECTED_TITLE)
    assert response.status_code == 302, text(response)

    from forum.posts.models import Topic

    assert db.session.get(Topic, topic_id).title == CORRECTED_TITLE
    pages = [bystander.get(f"/g/{slug}"), bystander.get(f"/g/{slug}/t/{topic_id}"), bystander.get("/"),
             bystander.get(f"/search?q={MARKER[:5]}"), bystander.get("/search?q=discharge"),
             moderator.get(f"/g/{slug}/moderation?tab=resolved"), moderator.get(f"/g/{slug}/moderation/log"),
             moderator.get(f"/posts/{post.id}/history"), login(scene.second_moderator).get("/notifications"),
             login(scene.reporters[0]).get("/notifications"), login(scene.author).get("/notifications")]
    for page in pages:
        assert page.status_code == 200
        assert MARKER not in text(page) and NUMBER not in text(page)
    assert CORRECTED_TITLE in text(bystander.get(f"/g/{slug}"))
    export = login(scene.author).post("/me/export")
    assert export.status_code == 200 and MARKER not in text(export) and CORRECTED_TITLE in text(export)
    assert outbox_holding(app, MARKER) == [] and outbox_holding(app, NUMBER) == []
    assert rows_holding(MARKER) == [] and rows_holding(NUMBER) == []
    assert database_files_holding(MARKER) == [] and database_files_holding(NUMBER) == []
    entry = db.session.scalar(select(LogEntry).where(LogEntry.action == "moderation:post:redact"))
    assert entry.target_label == f"topic #{topic_id} in {scene.group.name}" and entry.details["title"] is True


def test_a_held_opening_posts_title_is_redacted_and_the_topic_published(scene, login):
    post = _topic_with_flagged_title(scene, login)  # the group holds posts past the guard
    assert post.is_held
    bystander, moderator = login(scene.bystander), login(scene.moderator)
    assert bystander.get(f"/g/{scene.group.slug}/t/{post.topic_id}").status_code == 404
    log = text(moderator.get(f"/g/{scene.group.slug}/moderation/log"))
    assert MARKER in log  # the moderator sees the title as it is now, joined when the log is read
    assert sorted(rows_holding(MARKER)) == ["moderation_cases.topic_title", "topics.title"]

    # A corrected title that still names the patient comes back, nothing changed.
    still = decide(moderator, scene.group, post, "redact", reason="The title named the patient.",
                   body="Who can call the family back about the discharge?", title=f"Call +49 30 {NUMBER}")
    assert still.status_code == 422 and "corrected title still contains" in text(still)
    assert sorted(rows_holding(MARKER)) == ["moderation_cases.topic_title", "topics.title"]

    assert decide(moderator, scene.group, post, "redact", reason="The title named the patient.",
                  body="Who can call the family back about the discharge?", title=CORRECTED_TITLE).status_code == 302
    page = text(bystander.get(f"/g/{scene.group.slug}/t/{post.topic_id}"))
    assert CORRECTED_TITLE in page and MARKER not in page
    assert CORRECTED_TITLE in text(moderator.get(f"/g/{scene.group.slug}/moderation/log"))
    assert rows_holding(MARKER) == [] and rows_holding(NUMBER) == [] and database_files_holding(MARKER) == []


def test_an_author_corrects_their_own_title_and_no_copy_survives(scene, app, login):
    _publish_and_queue(scene)
    post = _topic_with_flagged_title(scene, login)
    with app.test_request_context():
        notify(scene.bystander.id, "moderation", "post.edited_by_moderator", topic=post.topic,
               params={"reason": f"About “{FLAGGED_TITLE}”."})
        db.session.commit()
    author = login(scene.author)
    form = text(author.get(f"/posts/{post.id}/edit"))
    assert 'name="title"' in form and MARKER in form
    response = author.post(f"/posts/{post.id}/edit", data={
        "title": CORRECTED_TITLE, "body": "Who can call the family back about the discharge?",
        "removes_patient_data": "y", "reason": "removed the patient's name from the title"})
    assert response.status_code == 302, text(response)
    assert CORRECTED_TITLE in text(login(scene.bystander).get(f"/g/{scene.group.slug}"))
    assert rows_holding(MARKER) == [] and rows_holding(NUMBER) == [] and database_files_holding(MARKER) == []
    assert "post:redact" in log_actions(target_id=post.id)


def test_the_log_shows_a_title_only_to_whoever_may_see_the_topic(scene, login, make):
    post = _topic_with_flagged_title(scene, login)  # held: only the author and the moderators see it
    other_group_moderator = make.user("Otto Other")
    make.group("Other Round", moderators=[other_group_moderator])
    entry = db.session.scalar(select(LogEntry).where(LogEntry.action == "moderation:post:hold"))
    assert entry.target_label == f"topic #{post.topic_id} in {scene.group.name}"
    assert MARKER in text(login(scene.admin).get("/admin/log"))  # admins moderate everywhere
    assert MARKER in text(login(scene.moderator).get(f"/g/{scene.group.slug}/moderation/log"))
    assert login(other_group_moderator).get(f"/g/{scene.group.slug}/moderation/log").status_code == 404


def test_deleting_an_opening_post_for_patient_privacy_takes_the_identifiers_out_of_its_title(scene, login):
    _publish_and_queue(scene)
    post = _topic_with_flagged_title(scene, login)
    assert decide(login(scene.moderator), scene.group, post, "delete", reason="It named the patient.",
                  patient_privacy="y").status_code == 302
    from forum.posts.models import Topic

    title = db.session.get(Topic, post.topic_id).title
    assert MARKER not in title and NUMBER not in title and "discharge" in title
    assert rows_holding(MARKER) == [] and rows_holding(NUMBER) == [] and database_files_holding(MARKER) == []
