"""A ward that can grow: the same pages asked before and after it holds many more topics, posts,
notifications and reports."""
from __future__ import annotations

from types import SimpleNamespace

import pytest


@pytest.fixture
def ward(make):
    viewer = make.user("Vera Viewer")
    moderator = make.user("Moritz Moderator")
    authors = [make.user(f"Author {index}") for index in range(4)]
    reporter = make.user("Rita Reporter")
    group = make.group("Haematology", members=[viewer, reporter, *authors], moderators=[moderator])
    thread = make.topic(group, viewer, title="Anticoagulation bridging on the ward", body="How do you bridge?")
    return SimpleNamespace(viewer=viewer, moderator=moderator, authors=authors, reporter=reporter, group=group,
                           thread=thread, grown=0)


def grow(ward, make, login, times: int) -> None:
    """More of everything the main pages show: topics with replies, replies to the viewer (notifications),
    reported posts (the moderation queue), and search hits."""
    reporter = login(ward.reporter)
    for _ in range(times):
        ward.grown += 1
        number = ward.grown
        author = ward.authors[number % len(ward.authors)]
        topic = make.topic(ward.group, author, title=f"Anticoagulation question {number}",
                           body=f"Dosing anticoagulation case {number}", replies=2)
        for index, other in enumerate(ward.authors):
            post = make.reply(ward.thread, other, f"Anticoagulation reply {number}.{index} for @vera")
        make.reply(topic, ward.viewer, f"Anticoagulation answer {number}")
        reporter.post(f"/posts/{post.id}/report", data={"reason": "misinformation", "details": f"case {number}"})
