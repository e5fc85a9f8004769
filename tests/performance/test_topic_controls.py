"""The topic page decides the viewer's controls once per page (policy.topic_page_actions); every role must
still see exactly the controls the per-post rules of the policy give them."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from forum import policy
from forum.accounts.models import User
from forum.db_types import utcnow
from forum.extensions import db
from forum.participation import services as participation
from forum.posts.models import HELD, Post, Topic


@pytest.fixture
def thread(make):
    author = make.user("Aaron Author")
    member = make.user("Mia Member")
    muter = make.user("Muriel Muter")
    suspended = make.user("Sam Suspended")
    moderator = make.user("Mona Moderator")
    admin = make.user("Ada Admin", admin=True)
    group = make.group("Nephrology", members=[author, member, muter, suspended], moderators=[moderator])
    topic = make.topic(group, author, title="Dialysis timing", body="When do you start?")
    for body in ("Edited later", "Deleted later", "Held for review", "Hidden by a moderator"):
        make.reply(topic, author, body)
    for body in ("A reply from a member", "Another view"):
        make.reply(topic, member, body)
    posts = {post.body_source: post for post in db.session.scalars(select(Post).where(Post.topic_id == topic.id))}
    posts["Edited later"].edited_at, posts["Edited later"].edit_count = utcnow(), 1
    posts["Another view"].edited_at, posts["Another view"].edit_count = utcnow(), 1
    posts["Deleted later"].deleted_at, posts["Deleted later"].deleted_by_id = utcnow(), author.id
    posts["Held for review"].hidden, posts["Held for review"].hidden_reason = True, HELD
    posts["Hidden by a moderator"].hidden, posts["Hidden by a moderator"].hidden_reason = True, "moderator"
    db.session.commit()
    return dict(author=author, member=member, muter=muter, suspended=suspended, moderator=moderator,
                admin=admin, group=group, topic=topic)


def _controls(html: str, group_slug: str) -> dict[int, set[str]]:
    """Per post shown on the page, the controls it offers."""
    found = {}
    for match in re.finditer(r'<article class="post[^"]*" id="post-\d+" data-post-id="(\d+)">(.*?)</article>', html,
                             re.DOTALL):
        post_id, body = int(match.group(1)), match.group(2)
        markers = {
            "reply": 'data-quote="',
            "edit": f'href="/posts/{post_id}/edit"',
            "delete": f'action="/posts/{post_id}/delete"',
            "report": f'action="/posts/{post_id}/report"',
            "moderate": f'href="/g/{group_slug}/moderation/{post_id}"',
            "history": f'href="/posts/{post_id}/history"',
            "react": f'action="/posts/{post_id}/react"',
        }
        found[post_id] = {name for name, marker in markers.items() if marker in body}
    return found


def _expected(app, user: User, topic: Topic) -> dict[int, set[str]]:
    """The same controls from the per-post rules of the policy."""
    expected = {}
    with app.test_request_context():
        user = db.session.get(User, user.id)
        topic = db.session.get(Topic, topic.id)
        for post in db.session.scalars(select(Post).where(Post.topic_id == topic.id).order_by(Post.number)):
            if not policy.can_see_post(user, post):
                continue
            shown = not post.is_deleted and (not post.hidden or policy.can_see_hidden_post(user, post))
            if not shown:
                expected[post.id] = set()
                continue
            controls = set(policy.post_actions(user, post)) & {"edit", "delete", "report", "moderate"}
            if policy.can_reply(user, topic):
                controls.add("reply")
            if post.edited_at and (policy.can_moderate(user, topic.group) or post.author_id == user.id):
                controls.add("history")
            if participation.can_react(user, post):
                controls.add("react")
            expected[post.id] = controls
    return expected


@pytest.mark.parametrize("role", ["member", "author", "moderator", "admin", "muter", "suspended"])
@pytest.mark.parametrize("locked", [False, True], ids=["open", "locked"])
def test_every_role_sees_the_controls_the_policy_gives_it(app, thread, make, login, role, locked):
    group, topic = thread["group"], thread["topic"]
    if locked:
        db.session.get(Topic, topic.id).locked = True
        db.session.commit()
    if role == "suspended":
        membership = policy.membership_for(thread["suspended"], group)
        membership.status = "suspended"
        db.session.commit()
    browser = login(thread[role])
    if role == "muter":
        assert browser.post(f"/u/{thread['author'].username}/mute").status_code == 302
    html = browser.get(f"/g/{group.slug}/t/{topic.id}?page=1").get_data(as_text=True)
    if role == "muter":
        assert 'class="muted-post"' in html
    shown = _controls(html, group.slug)
    assert shown == _expected(app, thread[role], topic)
    held = next(post for post in db.session.scalars(select(Post).where(Post.topic_id == topic.id)) if post.is_held)
    assert (held.id in shown) == (role in ("author", "moderator", "admin"))
