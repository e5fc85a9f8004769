"""Notifications, through HTTP: opening one marks it read; similar ones share a line, on the page and in the
digest; preferences (kinds, digest frequency, quiet hours in the member's time zone); dates in the reader's
language and time zone; the page within its query budget."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email import message_from_bytes
from pathlib import Path

from babel.dates import format_date
from sqlalchemy import func, select

from forum.db_types import utcnow
from forum.extensions import db
from forum.notifications.digest import send_digests
from forum.notifications.models import Notification, NotificationPreference
from forum.participation.models import Bookmark
from forum.posts.models import Post

from ..core.support import count_queries


def _reply(browser, topic, body: str):
    response = browser.post(f"/g/{topic.group.slug}/t/{topic.id}/reply", data={"body": body})
    assert response.status_code == 302
    return response


def _outbox(app) -> list:
    folder = Path(app.config["MAIL_OUTBOX_DIR"])
    return [message_from_bytes(path.read_bytes()) for path in sorted(folder.glob("*.eml"))] if folder.exists() else []


def _body(message) -> str:
    return message.get_payload(decode=True).decode()


def _unread(user) -> int:
    return db.session.scalar(select(func.count(Notification.id)).where(Notification.user_id == user.id,
                                                                       Notification.read_at.is_(None)))


def _world(make):
    starter, colleague, other = make.user("Dr. Starter"), make.user("Dr. Colleague"), make.user("Dr. Other")
    group = make.group("Nephrology", members=[starter, colleague, other])
    topic = make.topic(group, starter, title="Heparin bridging", body="How do you bridge?")
    return starter, colleague, other, group, topic


def _open_forms(html: str) -> list[str]:
    return re.findall(r'<form method="post" action="(/notifications/\d+/open)"', html)


def test_opening_a_notification_marks_it_read_and_leads_to_the_post(make, login):
    starter, colleague, _other, _group, topic = _world(make)
    _reply(login(colleague), topic, "We bridge with enoxaparin.")
    browser = login(starter)
    assert _unread(starter) == 1
    page = browser.get("/notifications").get_data(as_text=True)
    [action] = _open_forms(page)
    assert 'class="unread"' in page

    assert browser.get(action).status_code == 405  # reading is a state change: a POST, never a GET
    response = browser.post(action)
    assert response.status_code == 302
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id, Post.number == 2))
    assert response.headers["Location"].endswith(f"#post-{post.number}")
    assert _unread(starter) == 0
    page = browser.get("/notifications").get_data(as_text=True)
    assert _open_forms(page) == [] and 'class="unread"' not in page
    assert "Dr. Colleague replied to “Heparin bridging”" in page  # still listed, as a plain link


def test_a_member_cannot_open_someone_elses_notification(make, login):
    starter, colleague, other, _group, topic = _world(make)
    _reply(login(colleague), topic, "An answer.")
    notification = db.session.scalar(select(Notification).where(Notification.user_id == starter.id))
    assert login(other).post(f"/notifications/{notification.id}/open").status_code == 404
    assert _unread(starter) == 1


def test_similar_notifications_share_a_line_on_the_page_and_in_the_digest(make, login, app):
    starter, colleague, other, group, topic = _world(make)
    for browser, text in ((login(colleague), "First answer."), (login(other), "Second answer."),
                          (login(colleague), "Third answer.")):
        _reply(browser, topic, text)
    elsewhere = make.topic(group, colleague, title="Handover lists", body="Checklists?")
    _reply(login(other), elsewhere, f"@{starter.username} what do you use?")

    browser = login(starter)
    page = browser.get("/notifications").get_data(as_text=True)
    assert "3 new replies in “Heparin bridging”" in page
    assert "Dr. Other mentioned you in “Handover lists”" in page
    assert len(_open_forms(page)) == 2

    result = app.test_cli_runner().invoke(args=["forum", "send-digests"])
    assert result.exit_code == 0 and "digests sent." in result.output
    [message] = [m for m in _outbox(app) if m["To"] == starter.email]
    body = _body(message)
    assert "- 3 new replies in “Heparin bridging”" in body and "Dr. Other mentioned you" in body
    assert "First answer" not in body  # no member's words in an e-mail

    # Opening the line marks the three replies read, and leads to the first of them
    action = re.search(r'action="(/notifications/\d+/open)"[^>]*>(?:(?!</form>).)*3 new replies', page, re.S).group(1)
    response = browser.post(action)
    assert response.headers["Location"].endswith("#post-2")
    assert _unread(starter) == 1  # the mention elsewhere stays unread


def test_preferences_refuse_bad_input_keeping_what_was_typed(make, login):
    member = make.user("Dr. Member")
    browser = login(member)
    page = browser.get("/notifications/preferences").get_data(as_text=True)
    assert re.search(r'<input checked id="kinds-\d" name="kinds" type="checkbox" value="reply">', page)
    assert '<option selected value="daily">' in page

    response = browser.post("/notifications/preferences", data={
        "kinds": ["mention"], "digest": "weekly", "quiet_start": "25:99", "quiet_end": "07:00",
        "watch_on_post": "y"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Enter a time of day such as 22:00." in page
    assert 'value="25:99"' in page and 'value="07:00"' in page
    assert '<option selected value="weekly">' in page
    assert re.search(r'<input checked id="kinds-\d" name="kinds" type="checkbox" value="mention">', page)
    assert re.search(r'<input id="kinds-\d" name="kinds" type="checkbox" value="reply">', page)
    assert db.session.scalar(select(func.count(NotificationPreference.id))) == 0  # nothing half-saved

    response = browser.post("/notifications/preferences", data={
        "kinds": ["mention"], "digest": "weekly", "quiet_start": "22:00", "quiet_end": ""})
    assert "Give both the start and the end of your quiet hours, or neither." in response.get_data(as_text=True)
    response = browser.post("/notifications/preferences", data={"kinds": ["mention"], "digest": "hourly"})
    assert "Choose how often the e-mail digest is sent." in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(NotificationPreference.id))) == 0

    response = browser.post("/notifications/preferences", data={
        "kinds": ["mention"], "digest": "weekly", "quiet_start": "22:00", "quiet_end": "07:00"})
    assert response.status_code == 302
    saved = db.session.scalar(select(NotificationPreference).where(NotificationPreference.user_id == member.id))
    assert (saved.digest, saved.quiet_start, saved.quiet_end, saved.watch_on_post) == ("weekly", 22 * 60, 7 * 60,
                                                                                        False)
    assert "reply" in saved.muted_kinds and "mention" not in saved.muted_kinds
    page = browser.get("/notifications/preferences").get_data(as_text=True)
    assert 'value="22:00"' in page and 'value="07:00"' in page


def test_a_kind_switched_off_no_longer_notifies(make, login):
    starter, colleague, _other, _group, topic = _world(make)
    login(starter).post("/notifications/preferences", data={
        "kinds": ["mention"], "digest": "daily", "watch_on_post": "y"})
    _reply(login(colleague), topic, "An answer.")
    assert _unread(starter) == 0
    _reply(login(colleague), topic, f"@{starter.username} does this help?")
    assert _unread(starter) == 1  # mentions are still on


def test_quiet_hours_hold_the_digest_back_and_it_goes_out_after(make, login, app):
    starter, colleague, _other, _group, topic = _world(make)
    starter.timezone = "Asia/Kolkata"  # UTC+05:30
    db.session.commit()
    login(starter).post("/notifications/preferences", data={
        "kinds": ["reply"], "digest": "daily", "quiet_start": "22:00", "quiet_end": "07:00", "watch_on_post": "y"})
    _reply(login(colleague), topic, "An answer.")

    with app.test_request_context():
        # 18:00 UTC is 23:30 in Kolkata: quiet
        assert send_digests(now=datetime(2030, 5, 1, 18, 0, tzinfo=timezone.utc)) == 0
        assert _outbox(app) == []
        # 01:00 UTC is 06:30 in Kolkata: still quiet (the window wraps around midnight)
        assert send_digests(now=datetime(2030, 5, 2, 1, 0, tzinfo=timezone.utc)) == 0
        # 02:00 UTC is 07:30 in Kolkata: the held digest goes out
        assert send_digests(now=datetime(2030, 5, 2, 2, 0, tzinfo=timezone.utc)) == 1
    [message] = _outbox(app)
    assert message["To"] == starter.email and "Dr. Colleague replied" in _body(message)
    assert db.session.scalar(select(Notification.emailed_at).where(Notification.user_id == starter.id)) is not None


def test_weekly_digest_waits_a_week_and_never_means_never(make, login, app):
    starter, colleague, other, _group, topic = _world(make)
    login(starter).post("/notifications/preferences", data={"kinds": ["reply"], "digest": "weekly",
                                                              "watch_on_post": "y"})
    login(other).post("/notifications/preferences", data={"kinds": ["reply"], "digest": "never",
                                                            "watch_on_post": "y"})
    _reply(login(other), topic, "First answer.")
    start = datetime(2030, 5, 1, 8, 0, tzinfo=timezone.utc)
    with app.test_request_context():
        assert send_digests(now=start) == 1  # the first weekly digest
    _reply(login(colleague), topic, "Second answer.")  # notifies the starter and `other`
    with app.test_request_context():
        assert send_digests(now=start + timedelta(days=1)) == 0
        assert send_digests(now=start + timedelta(days=6)) == 0
        assert send_digests(now=start + timedelta(days=7)) == 1
        assert send_digests(now=start + timedelta(days=30)) == 0  # nothing new; `other` never gets one
    messages = _outbox(app)
    assert [m["To"] for m in messages] == [starter.email, starter.email]
    bodies = sorted((_body(m) for m in messages), key=lambda body: "Dr. Colleague" in body)
    assert "Dr. Other replied" in bodies[0] and "Dr. Colleague" not in bodies[0]
    assert "Dr. Colleague replied" in bodies[1] and "Dr. Other" not in bodies[1]  # each carried once
    assert _unread(other) == 1  # still on the notifications page


def test_a_german_reader_sees_german_month_names_in_a_sanction(make, login):
    moderator, member = make.user("Dr. Moderator"), make.user("Dr. Mitglied")
    group = make.group("Nephrologie", members=[member], moderators=[moderator])
    member.locale, member.timezone = "de", "Europe/Berlin"
    db.session.commit()
    response = login(moderator).post(f"/g/{group.slug}/members/{member.id}/status",
                                     data={"action": "suspend", "reason": "Bitte Quellen angeben.", "days": "30"})
    assert response.status_code == 302
    notification = db.session.scalar(select(Notification).where(Notification.user_id == member.id))
    until = datetime.fromisoformat(notification.params["until"])
    page = login(member).get("/notifications").get_data(as_text=True)
    german = format_date(until, "long", locale="de")
    english = format_date(until, "MMMM", locale="en")
    assert german in page  # e.g. "30. Dezember 2026"
    if english != format_date(until, "MMMM", locale="de"):
        assert english not in page
    assert "(Europe/Berlin)" in page


def test_notifications_page_keeps_its_query_budget(make, login):
    starter, colleague, other, group, topic = _world(make)
    browser = login(starter)

    def measure() -> int:
        browser.get("/notifications")
        with count_queries() as statements:
            assert browser.get("/notifications").status_code == 200
        return len(statements)

    _reply(login(colleague), topic, "One answer.")
    few = measure()
    for index in range(6):
        other_topic = make.topic(group, starter, title=f"Question {index}", body="Any thoughts?")
        _reply(login(colleague if index % 2 else other), other_topic, f"Answer {index}")
        _reply(login(other), topic, f"@{starter.username} more {index}")
    many = measure()
    assert few == many and many <= 8


def test_bookmark_reminders_are_typed_and_shown_in_the_members_time_zone(make, login):
    author, reader = make.user("Dr. Author"), make.user("Dr. Reader")
    group = make.group("Nephrology", members=[author, reader])
    topic = make.topic(group, author, title="Heparin bridging", body="How do you bridge?")
    reader.timezone = "Asia/Kolkata"
    db.session.commit()
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
    browser = login(reader)
    page = browser.get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True)
    assert "Remind me on (Asia/Kolkata time)" in page
    year = utcnow().year + 1
    response = browser.post(f"/posts/{post.id}/bookmark", data={"remind_at": f"{year}-05-01T08:00"},
                            follow_redirects=True)
    assert "You will be reminded on" in response.get_data(as_text=True)
    stored = db.session.scalar(select(Bookmark.remind_at))
    assert stored == datetime(year, 5, 1, 2, 30, tzinfo=timezone.utc)  # 08:00 in Kolkata
    listing = browser.get("/bookmarks").get_data(as_text=True)
    assert "8:00" in listing and "UTC" not in listing
