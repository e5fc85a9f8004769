"""The moderation scene on the suite's persona world (tests/factories.py: PersonaWorld): group A with its
owner, two moderators, an author, three reporters and a bystander; plus helpers that act through HTTP as
those people do."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import select

from forum.audit import LogEntry
from forum.extensions import db
from forum.moderation.models import ModerationCase, Report
from forum.notifications.models import Notification


@pytest.fixture
def scene(personas, make):
    """The author's topic in group A and the author's reply in it (`post`), the post the tests moderate."""
    world = personas
    topic = make.topic(world.group_a, world.author, title="Bridging anticoagulation", body="How do you bridge warfarin?")
    post = make.reply(topic, world.author, "Bridging is never needed; the evidence is settled.")
    return SimpleNamespace(world=world, owner=world.owner, moderator=world.moderator,
                           second_moderator=world.second_moderator, author=world.author, reporters=world.reporters,
                           bystander=world.bystander, admin=world.admin, group=world.group_a, topic=topic, post=post)


def report(browser, post, reason="misinformation", details=""):
    return browser.post(f"/posts/{post.id}/report", data={"reason": reason, "details": details})


def decide(browser, group, post, action, reason="Breaks guideline 3: cite your sources.", days=None, **extra):
    data = {"action": action, "reason": reason, **extra}
    if days is not None:
        data["days"] = str(days)
    return browser.post(f"/g/{group.slug}/moderation/{post.id}", data=data)


def open_case(post) -> ModerationCase | None:
    return db.session.scalar(select(ModerationCase).where(ModerationCase.post_id == post.id,
                                                          ModerationCase.state == "open"))


def cases(post) -> list[ModerationCase]:
    return list(db.session.scalars(select(ModerationCase).where(ModerationCase.post_id == post.id)
                                   .order_by(ModerationCase.id)))


def reports_on(post) -> list[Report]:
    return list(db.session.scalars(select(Report).where(Report.post_id == post.id).order_by(Report.id)))


def notifications_of(user) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)
                                   .order_by(Notification.id)))


def log_actions(**conditions) -> list[str]:
    query = select(LogEntry.action).order_by(LogEntry.id)
    for name, value in conditions.items():
        query = query.where(getattr(LogEntry, name) == value)
    return list(db.session.scalars(query))


def text(response) -> str:
    return response.get_data(as_text=True)
