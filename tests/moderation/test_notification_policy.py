"""Notifications are checked against the policy when they are sent and again when they are read:
nobody is told anything about a group they cannot read, and a removed or banned member stops
hearing about (and seeing old notices from) the group."""
from __future__ import annotations

from sqlalchemy import select

from forum.extensions import db
from forum.notifications.models import Notification

from .conftest import notifications_of, text


def _ban(browser, scene, user):
    return browser.post(f"/g/{scene.group.slug}/members/{user.id}/status",
                        data={"action": "ban", "reason": "Repeated harassment."})


def test_an_inviter_outside_the_group_is_not_told_of_a_ban_there(scene, login, make):
    inviter = make.user("Ines Inviter")
    make.group("Other Ward", owner=inviter)
    scene.bystander.invited_by_id = inviter.id
    db.session.commit()

    assert _ban(login(scene.moderator), scene, scene.bystander).status_code == 302

    assert notifications_of(inviter) == []
    page = text(login(inviter).get("/notifications"))
    assert scene.group.name not in page and "was banned" not in page


def test_an_inviter_inside_the_group_is_told_of_the_ban(scene, login):
    scene.bystander.invited_by_id = scene.author.id
    db.session.commit()

    assert _ban(login(scene.moderator), scene, scene.bystander).status_code == 302

    page = text(login(scene.author).get("/notifications"))
    assert f"Bea Bystander, whom you invited, was banned from {scene.group.name}" in page


def test_a_stored_notice_about_a_group_disappears_once_the_reader_cannot_see_it(scene, login):
    """Read time: a notice sent while the reader was a member (or stored before notifications were
    checked) is not shown after the reader is removed."""
    bystander = login(scene.bystander)
    reply = login(scene.author).post(f"/g/{scene.group.slug}/t/{scene.topic.id}/reply",
                                     data={"body": "@" + scene.bystander.username + " what do you think?"})
    assert reply.status_code == 302
    assert "mentioned you in “Bridging anticoagulation”" in text(bystander.get("/notifications"))

    removed = login(scene.moderator).post(f"/g/{scene.group.slug}/members/{scene.bystander.id}/remove",
                                          data={"reason": "Left the hospital."})
    assert removed.status_code == 302

    page = text(bystander.get("/notifications"))
    assert "Bridging anticoagulation" not in page
    assert f"You were removed from {scene.group.name}: Left the hospital." in page


def test_replies_after_removal_do_not_reach_the_removed_author(scene, login):
    author = login(scene.author)
    first = login(scene.bystander).post(f"/g/{scene.group.slug}/t/{scene.topic.id}/reply",
                                        data={"body": "Before the removal."})
    assert first.status_code == 302
    assert "Bea Bystander replied to “Bridging anticoagulation”" in text(author.get("/notifications"))

    removed = login(scene.owner).post(f"/g/{scene.group.slug}/members/{scene.author.id}/remove",
                                      data={"reason": "Account moved to another site."})
    assert removed.status_code == 302
    count_before = len(notifications_of(scene.author))
    again = login(scene.bystander).post(f"/g/{scene.group.slug}/t/{scene.topic.id}/reply",
                                        data={"body": "After the removal."})
    assert again.status_code == 302

    assert len(notifications_of(scene.author)) == count_before  # nothing sent
    page = text(author.get("/notifications"))
    assert "Bridging anticoagulation" not in page and "replied to" not in page


def test_replies_after_a_ban_do_not_reach_the_banned_author(scene, login):
    assert _ban(login(scene.moderator), scene, scene.author).status_code == 302
    count_before = len(notifications_of(scene.author))
    reply = login(scene.bystander).post(f"/g/{scene.group.slug}/t/{scene.topic.id}/reply",
                                        data={"body": "After the ban."})
    assert reply.status_code == 302

    assert len(notifications_of(scene.author)) == count_before
    page = text(login(scene.author).get("/notifications"))
    assert "replied to" not in page
    assert f"You were banned from {scene.group.name}" in page  # the decision about them still reaches them


def test_a_legacy_sentence_about_a_group_follows_the_same_rule(scene, login):
    """Rows stored as finished sentences before this change carry the group the migration found."""
    db.session.add(Notification(user_id=scene.bystander.id, kind="reply", key="legacy", audience="member",
                                group_id=scene.group.id, legacy_message="Old news from Cardiology Round", link=""))
    db.session.commit()
    bystander = login(scene.bystander)
    assert "Old news from Cardiology Round" in text(bystander.get("/notifications"))
    assert _ban(login(scene.moderator), scene, scene.bystander).status_code == 302
    assert "Old news from Cardiology Round" not in text(bystander.get("/notifications"))
    stored = db.session.scalars(select(Notification).where(Notification.user_id == scene.bystander.id)).all()
    assert any(n.legacy_message == "Old news from Cardiology Round" for n in stored)  # kept, just not shown
