"""With CSRF protection on (as in production), a missing or forged token gets the friendly page."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.posts.models import Post
from tests.conftest import csrf_token_from, sign_in


@pytest.fixture
def app_config(app_config):
    return {**app_config, "WTF_CSRF_ENABLED": True}


@pytest.fixture
def signed_in(personas, make, client):
    """`client` signed in (through the form, with its token) as the persona world's member, who has a topic
    in a group the world's owner runs."""
    member = personas.member
    group = make.group(owner=personas.owner, members=[member])
    topic = make.topic(group, member)
    assert sign_in(client, member).status_code == 302
    return group, topic


def _post_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Post))


@pytest.mark.parametrize("token", [None, "", "garbage", "IjEyMyI.abc.def", "x" * 5000, "\u00e9\u00e8"])
def test_a_missing_or_malformed_token_gets_the_friendly_page(client, signed_in, token):
    group, topic = signed_in
    data = {"body": "My carefully written reply."}
    if token is not None:
        data["csrf_token"] = token
    before = _post_count()
    response = client.post(f"/g/{group.slug}/t/{topic.id}/reply", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "This form has expired" in page and "Nothing was saved." in page
    assert "Traceback" not in page and "CSRF" not in page
    assert _post_count() == before


def test_a_token_from_another_session_is_refused(app, client, signed_in):
    group, topic = signed_in
    stranger = app.test_client()
    foreign = csrf_token_from(stranger.get("/auth/login").get_data(as_text=True))
    response = client.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Hi", "csrf_token": foreign})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)


def test_the_page_token_is_accepted(client, signed_in):
    group, topic = signed_in
    page = client.get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True)
    response = client.post(f"/g/{group.slug}/t/{topic.id}/reply",
                           data={"body": "With a token.", "csrf_token": csrf_token_from(page)})
    assert response.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Post).where(Post.body_source == "With a token.")) == 1


def test_json_routes_answer_json(client, signed_in):
    response = client.post("/posts/preview", data={"body": "*x*"})
    assert response.status_code == 400
    assert "form expired" in response.get_json()["error"]


def test_login_without_a_token_gets_the_friendly_page(app):
    anonymous = app.test_client()
    response = anonymous.post("/auth/login", data={"email": "a@example.org", "password": "whatever"})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)
