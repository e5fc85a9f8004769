"""Bad input gets a clear message, the typed text comes back, and nothing is half-written."""
from __future__ import annotations

import html

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.posts.models import Post, PostRevision, Topic

TITLE_MAX = 200
BODY_MAX = 50_000


def _counts() -> tuple[int, int, int]:
    return tuple(db.session.scalar(select(func.count()).select_from(model)) for model in (Topic, Post, PostRevision))


@pytest.fixture
def setting(personas, make, login):
    """The persona world's member, with a topic of their own in a group the world's owner runs."""
    member = personas.member
    group = make.group(owner=personas.owner, members=[member])
    topic = make.topic(group, member, title="Existing topic", body="Existing body.")
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
    return group, topic, post, login(member)


def _page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


@pytest.mark.parametrize("title, body, message", [
    ("", "A body that must survive.", "Please give the topic a title."),
    ("   ", "A body that must survive.", "Please give the topic a title."),
    ("A title that must survive", "", "Please write a message."),
    ("A title that must survive", " \n\t ", "Please write a message."),
    ("T" * (TITLE_MAX + 1), "A body that must survive.", "Keep the title to 200 characters; it has 201 (1 too many)."),
    ("A title that must survive", "b" * (BODY_MAX + 1),
     "Keep the message to 50,000 characters; it has 50,001 (1 too many)."),
])
def test_new_topic_errors_are_clear_and_keep_the_typed_text(setting, title, body, message):
    group, _, _, browser = setting
    before = _counts()
    response = browser.post(f"/g/{group.slug}/new", data={"title": title, "body": body})
    assert response.status_code == 422
    page = _page(response)
    assert message in page
    assert 'class="errors"' in page
    if title.strip():
        assert f'value="{title}"' in page
    if body.strip():
        assert body in page
    assert _counts() == before


def test_titles_and_bodies_at_the_limit_are_accepted(setting):
    group, _, _, browser = setting
    title, body = "T" * TITLE_MAX, "b" * BODY_MAX
    response = browser.post(f"/g/{group.slug}/new", data={"title": title, "body": body})
    assert response.status_code == 302
    topic = db.session.scalar(select(Topic).where(Topic.title == title))
    assert db.session.scalar(select(Post.body_source).where(Post.topic_id == topic.id)) == body


def test_windows_newlines_do_not_count_twice(setting):
    group, _, _, browser = setting
    body = ("x" * 98 + "\r\n") * 505  # 49,995 characters, but 50,500 if each CR counted
    assert len(body.replace("\r\n", "\n")) <= BODY_MAX < len(body)
    response = browser.post(f"/g/{group.slug}/new", data={"title": "Pasted from Word", "body": body})
    assert response.status_code == 302
    stored = db.session.scalar(select(Post.body_source).order_by(Post.id.desc()).limit(1))
    assert "\r" not in stored


@pytest.mark.parametrize("body, message", [
    ("", "Please write a reply."),
    ("r" * (BODY_MAX + 1), "Keep the reply to 50,000 characters; it has 50,001 (1 too many)."),
])
def test_reply_errors_are_clear_and_keep_the_typed_text(setting, body, message):
    group, topic, _, browser = setting
    before = _counts()
    response = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": body})
    assert response.status_code == 422
    page = _page(response)
    assert message in page
    if body:
        assert body in page
    assert "Existing body." in page  # the thread is still shown around the form
    assert _counts() == before


@pytest.mark.parametrize("body, message", [
    ("", "A post cannot be empty; delete it instead."),
    ("e" * (BODY_MAX + 1), "Keep the message to 50,000 characters; it has 50,001 (1 too many)."),
])
def test_edit_errors_are_clear_and_keep_the_typed_text(setting, body, message):
    _, _, post, browser = setting
    response = browser.post(f"/posts/{post.id}/edit", data={"body": body, "reason": "my reason"})
    assert response.status_code == 422
    page = _page(response)
    assert message in page
    if body:
        assert body in page
    assert 'value="my reason"' in page
    stored = db.session.get(Post, post.id)
    assert stored.body_source == "Existing body." and stored.edited_at is None
    assert _counts()[2] == 0


def test_markup_too_complex_comes_back_with_a_message_and_the_text(setting):
    group, _, _, browser = setting
    body = "Look: " + "[" * 5000
    before = _counts()
    response = browser.post(f"/g/{group.slug}/new", data={"title": "Brackets", "body": body})
    assert response.status_code == 422
    page = _page(response)
    assert "formatting characters" in page
    assert body in page and 'value="Brackets"' in page
    assert _counts() == before


def test_a_double_submitted_topic_is_created_once(setting):
    group, _, _, browser = setting
    data = {"title": "Submitted twice", "body": "Network hiccup.", "submission_id": "form-token-topic-1"}
    first = browser.post(f"/g/{group.slug}/new", data=data)
    second = browser.post(f"/g/{group.slug}/new", data=data)
    assert first.status_code == second.status_code == 302
    assert first.location == second.location
    assert db.session.scalar(select(func.count()).select_from(Topic).where(Topic.title == "Submitted twice")) == 1
    assert db.session.scalar(select(func.count()).select_from(Post).where(Post.body_source == "Network hiccup.")) == 1


def test_a_double_submitted_reply_is_created_once(setting):
    group, topic, _, browser = setting
    data = {"body": "Sent twice.", "submission_id": "form-token-reply-1"}
    first = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data=data)
    second = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data=data)
    assert first.status_code == second.status_code == 302
    assert first.location == second.location
    assert db.session.scalar(select(func.count()).select_from(Post).where(Post.body_source == "Sent twice.")) == 1
    assert db.session.get(Topic, topic.id).post_count == 2


def test_each_rendered_form_carries_a_fresh_submission_id(setting):
    import re

    group, topic, _, browser = setting
    ids = set()
    for path in (f"/g/{group.slug}/new", f"/g/{group.slug}/new", f"/g/{group.slug}/t/{topic.id}"):
        match = re.search(r'name="submission_id" type="hidden" value="([^"]+)"|'
                          r'id="submission_id" name="submission_id" type="hidden" value="([^"]+)"',
                          browser.get(path).get_data(as_text=True))
        assert match, path
        ids.add(match.group(1) or match.group(2))
    assert len(ids) == 3


def test_different_submission_ids_create_two_posts(setting):
    group, topic, _, browser = setting
    for number in (1, 2):
        browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Same words.", "submission_id": f"id-{number}"})
    assert db.session.scalar(select(func.count()).select_from(Post).where(Post.body_source == "Same words.")) == 2


def test_oversized_requests_get_a_page_not_a_crash(setting):
    group, _, _, browser = setting
    response = browser.post(f"/g/{group.slug}/new", data={"title": "Huge", "body": "x" * (600 * 1024)})
    assert response.status_code == 413
    assert "That was too large" in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)
