"""A suspension ends at its time, whatever the stored status still says: the member can post
again, the pages stop calling them suspended, and the owner can appoint them."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from forum.db_types import utcnow
from forum.extensions import db
from forum.groups.models import Membership

from .conftest import text


def _membership(scene, user) -> Membership:
    return db.session.scalar(select(Membership).where(Membership.group_id == scene.group.id,
                                                      Membership.user_id == user.id))


def _suspend(scene, user, until):
    membership = _membership(scene, user)
    membership.status = "suspended"
    membership.suspended_until = until
    db.session.commit()


def test_a_member_whose_suspension_ran_out_is_active_everywhere(scene, login):
    _suspend(scene, scene.bystander, utcnow() - timedelta(minutes=5))
    bystander = login(scene.bystander)

    dashboard = text(bystander.get("/"))
    assert scene.group.name in dashboard
    assert "suspended" not in dashboard

    members = text(login(scene.owner).get(f"/g/{scene.group.slug}/members"))
    row = members.split(f'id="member-{scene.bystander.id}"', 1)[1].split("</tr>", 1)[0]
    assert "suspended" not in row
    assert "Make moderator" in row

    reply = bystander.post(f"/g/{scene.group.slug}/t/{scene.topic.id}/reply", data={"body": "Back from my break."})
    assert reply.status_code == 302

    promoted = login(scene.owner).post(f"/g/{scene.group.slug}/members/{scene.bystander.id}/role",
                                       data={"role": "moderator"})
    assert promoted.status_code == 302
    membership = _membership(scene, scene.bystander)
    db.session.refresh(membership)
    assert membership.role == "moderator"
    assert membership.status == "active" and membership.suspended_until is None


def test_a_suspension_still_running_holds(scene, login):
    _suspend(scene, scene.bystander, utcnow() + timedelta(days=1))
    dashboard = text(login(scene.bystander).get("/"))
    assert "suspended" in dashboard

    members = text(login(scene.owner).get(f"/g/{scene.group.slug}/members"))
    row = members.split(f'id="member-{scene.bystander.id}"', 1)[1].split("</tr>", 1)[0]
    assert "suspended until" in row
    assert "Make moderator" not in row

    owner = login(scene.owner)
    refused = owner.post(f"/g/{scene.group.slug}/members/{scene.bystander.id}/role", data={"role": "moderator"})
    assert refused.status_code == 302
    assert "Lift the suspension or ban" in text(owner.get(refused.headers["Location"]))
    assert _membership(scene, scene.bystander).role == "member"
