"""The demo seeds read state: a member signing in sees unread topics on the home page, and an unread topic opens
at its first unread post."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from forum.demo import DEMO_PASSWORD, seed_demo
from forum.extensions import db
from forum.participation.models import TopicRead
from forum.posts.models import Topic


def test_a_demo_member_signing_in_sees_unread_topics(app):
    with app.test_request_context():
        seed_demo()
        db.session.commit()
    assert db.session.scalar(select(func.count(TopicRead.id))) > 0
    browser = app.test_client()
    signed_in = browser.post("/auth/login", data={"email": "nurse@demo.konsil.example", "password": DEMO_PASSWORD})
    assert signed_in.status_code == 302
    home = browser.get("/").get_data(as_text=True)
    assert "Nothing unread in your groups." not in home and "You are up to date." not in home
    rows = re.findall(r'<a href="(/g/[^"]+/t/\d+)">([^<]+)</a>\s*<span class="badge unread-count">(\d+) unread', home)
    assert len(rows) >= 2
    # Not everything is unread: older topics were read to the end
    assert len(rows) < db.session.scalar(select(func.count(Topic.id)))
    # An unread topic the member had opened before opens at its first unread post (marked, and scrolled to by
    # static/js/reading.js; a topic longer than a page is redirected to the page of that post)
    firsts = [re.search(r'<article class="post first-unread[^"]*" id="post-(\d+)"', browser.get(link).get_data(as_text=True))
              for link, _title, _count in rows]
    assert any(match and int(match.group(1)) > 1 for match in firsts)
