"""The patient-data guard in the posting flow, the preview, the settings and the CLI."""
import json
import logging

import pytest

from forum.extensions import db
from forum.posts.models import Post, Topic

PHONE_POST = "Could someone call the family back on +49 30 12345678 about the discharge?"
PHONE = "+49 30 12345678"


@pytest.fixture
def author_and_group(personas, make):
    """The persona world's author, in a new group of its own that the world's owner runs."""
    author = personas.author
    group = make.group(owner=personas.owner, members=[author])
    return author, group


def _in(group):
    return Topic.group_id == group.id


def test_findings_bring_the_form_back_with_the_text_kept(author_and_group, login):
    author, group = author_and_group
    browser = login(author)
    response = browser.post(f"/g/{group.slug}/new", data={"title": "Family call-back", "body": PHONE_POST})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "This may identify a patient" in page
    assert "I confirm this contains no patient-identifying information" in page
    assert '<mark class="finding"' in page
    assert "Family call-back" in page  # the title is kept
    assert "discharge?" in page  # and so is the body
    assert db.session.query(Topic).filter(_in(group)).count() == 0


def test_confirming_publishes_and_stores_only_types_and_offsets(author_and_group, login):
    author, group = author_and_group
    browser = login(author)
    response = browser.post(f"/g/{group.slug}/new", data={"title": "Family call-back", "body": PHONE_POST,
                                                          "confirm_no_phi": "y"})
    assert response.status_code == 302
    post = db.session.query(Post).join(Topic).filter(_in(group)).one()
    assert post.phi_confirmed is True
    assert post.phi_findings, "the findings are kept with the post"
    stored = json.dumps(post.phi_findings)
    assert PHONE not in stored and "12345678" not in stored
    assert {"start", "end", "type"} <= set(post.phi_findings[0])
    start, end = post.phi_findings[0]["start"], post.phi_findings[0]["end"]
    assert PHONE_POST[start:end].strip() in PHONE


def test_editing_the_identifier_away_clears_the_findings(author_and_group, login, make):
    author, group = author_and_group
    topic = make.topic(group, author, body="Harmless first version.")
    post = db.session.query(Post).filter_by(topic_id=topic.id).one()
    browser = login(author)
    flagged = browser.post(f"/posts/{post.id}/edit", data={"body": PHONE_POST})
    assert flagged.status_code == 422
    assert "discharge?" in flagged.get_data(as_text=True)
    clean = browser.post(f"/posts/{post.id}/edit", data={"body": "Could someone call the family back about the discharge?"})
    assert clean.status_code == 302
    db.session.refresh(post)
    assert post.phi_confirmed is False and not post.phi_findings
    assert "call the family back" in post.body_source


def test_reply_with_findings_is_held_back(author_and_group, login, make):
    author, group = author_and_group
    topic = make.topic(group, author)
    browser = login(author)
    response = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Mrs Elisabeth Kowalski, DOB 12.03.1941, is back."})
    assert response.status_code == 422
    assert "is back." in response.get_data(as_text=True)
    assert db.session.query(Post).filter_by(topic_id=topic.id).count() == 1


def test_preview_returns_findings_with_offsets(author_and_group, login):
    author, _ = author_and_group
    browser = login(author)
    response = browser.post("/posts/preview", data={"body": PHONE_POST})
    assert response.status_code == 200
    data = response.get_json()
    assert "<p>" in data["html"]
    assert data["findings"]
    finding = data["findings"][0]
    assert {"start", "end", "type", "explanation"} <= set(finding)
    assert PHONE_POST[finding["start"]:finding["end"]].strip() in PHONE
    assert browser.post("/posts/preview", data={"body": "Start 5 mg/kg bisoprolol."}).get_json()["findings"] == []


def test_matched_values_never_reach_the_logs(author_and_group, login, caplog):
    author, group = author_and_group
    browser = login(author)
    caplog.set_level(logging.DEBUG)
    browser.post(f"/g/{group.slug}/new", data={"title": "Call-back", "body": PHONE_POST})
    browser.post(f"/g/{group.slug}/new", data={"title": "Call-back", "body": PHONE_POST, "confirm_no_phi": "y"})
    browser.post("/posts/preview", data={"body": PHONE_POST})
    everything = "\n".join(record.getMessage() + repr(record.__dict__) for record in caplog.records)
    assert "12345678" not in everything


def test_admin_tests_a_pattern_before_saving_it(make, login):
    admin = make.user("Operator", admin=True)
    group = make.group(owner=admin)
    browser = login(admin)
    tried = browser.post("/admin/guard/patterns", data={
        "label": "Hospital record", "pattern": r"KH-\d{6}", "explanation": "Looks like our record number",
        "sample": "Patient file KH-123456 was reviewed.", "action": "test"})
    page = tried.get_data(as_text=True)
    assert tried.status_code == 200
    assert "finds 1 match" in page
    from forum.privacy_guard.models import GuardPattern
    assert db.session.query(GuardPattern).count() == 0, "testing saves nothing"

    saved = browser.post("/admin/guard/patterns", data={
        "label": "Hospital record", "pattern": r"KH-\d{6}", "explanation": "Looks like our record number",
        "action": "save"})
    assert saved.status_code == 302
    preview = browser.post("/posts/preview", data={"body": "See KH-654321 for details."}).get_json()
    assert [f["type"] for f in preview["findings"]] == ["custom"]
    assert preview["findings"][0]["explanation"] == "Looks like our record number"


def test_a_pattern_that_could_backtrack_is_refused(make, login):
    admin = make.user("Operator", admin=True)
    browser = login(admin)
    response = browser.post("/admin/guard/patterns", data={
        "label": "Bad", "pattern": "(a+)+$", "explanation": "x", "action": "save"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "(a+)+$" in page  # the typed pattern is kept
    from forum.privacy_guard.models import GuardPattern
    assert db.session.query(GuardPattern).count() == 0


def test_switching_a_category_off_and_setting_regions(make, login):
    admin = make.user("Operator", admin=True)
    browser = login(admin)
    from forum.privacy_guard.detector import CATEGORIES
    enabled = [name for name in CATEGORIES if name != "email"]
    response = browser.post("/admin/guard", data={"enabled_categories": enabled, "phone_regions": "de, in"})
    assert response.status_code == 302
    preview = browser.post("/posts/preview", data={"body": "Write to someone@example.org please"}).get_json()
    assert preview["findings"] == []
    bad = browser.post("/admin/guard", data={"enabled_categories": enabled, "phone_regions": "XX"})
    assert bad.status_code == 422
    assert "XX" in bad.get_data(as_text=True)


def test_members_cannot_change_guard_settings(make, login):
    member = make.user("Member")
    assert login(member).get("/admin/guard").status_code == 403


def test_scan_phi_cli_reports_findings_as_json(app, tmp_path):
    runner = app.test_cli_runner()
    sample = tmp_path / "post.txt"
    sample.write_text(PHONE_POST, encoding="utf-8")
    result = runner.invoke(args=["forum", "scan-phi", str(sample)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.output.strip().splitlines()]
    assert lines and set(lines[0]) == {"start", "end", "type", "explanation"}
    clean = runner.invoke(args=["forum", "scan-phi"], input="Start bisoprolol 2.5 mg once daily.")
    assert clean.exit_code == 0 and clean.output == ""


def test_scan_phi_all_posts_prints_ids_never_values(app, make, author_and_group):
    author, group = author_and_group
    make.topic(group, author, body="A clean post about 5 mg/kg dosing.")
    flagged = make.topic(group, author, title="Call-back", body=PHONE_POST)
    result = app.test_cli_runner().invoke(args=["forum", "scan-phi", "--all-posts"])
    assert result.exit_code == 1
    assert "12345678" not in result.output
    rows = [json.loads(line) for line in result.output.strip().splitlines()]
    flagged_post = db.session.query(Post).filter_by(topic_id=flagged.id).one()
    assert [row["post_id"] for row in rows] == [flagged_post.id]


def test_a_post_published_past_findings_enters_the_moderation_queue(author_and_group, login, make):
    from forum.moderation.models import ModerationCase, Report

    author, group = author_and_group
    moderator = make.user("Moderator")
    make.member(group, moderator, role="moderator")
    login(author).post(f"/g/{group.slug}/new", data={"title": "Family call-back", "body": PHONE_POST,
                                                      "confirm_no_phi": "y"})
    post = db.session.query(Post).join(Topic).filter(_in(group)).one()
    report = db.session.query(Report).filter_by(post_id=post.id).one()
    assert report.reason == "patient_privacy" and report.reporter_id is None
    assert db.session.query(ModerationCase).filter_by(post_id=post.id, state="open").count() == 1
    assert "12345678" not in json.dumps(report.details if hasattr(report, "details") else "")
    queue = login(moderator).get(f"/g/{group.slug}/moderation").get_data(as_text=True)
    assert "Family call-back" in queue
