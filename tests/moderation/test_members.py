"""Group management: the members list, roles, removal, sanctions outside a case, invitation policy
and guidelines."""
from __future__ import annotations

from sqlalchemy import select

from forum.extensions import db
from forum.groups.models import Group, Membership

from .conftest import log_actions, notifications_of, text


def membership(scene, user) -> Membership | None:
    return db.session.scalar(select(Membership).where(Membership.group_id == scene.group.id,
                                                      Membership.user_id == user.id))


def test_moderators_see_members_with_roles_status_and_inviters(scene, login):
    membership(scene, scene.bystander).invited_by_id = scene.author.id
    db.session.commit()
    page = text(login(scene.moderator).get(f"/g/{scene.group.slug}/members"))
    for name in ("Olga Owner", "Mona Moderator", "Aaron Author", "Bea Bystander"):
        assert name in page
    assert "owner" in page and "moderator" in page
    assert login(scene.bystander).get(f"/g/{scene.group.slug}/members").status_code == 403


def test_the_owner_promotes_and_demotes_and_moderators_cannot(scene, login):
    url = f"/g/{scene.group.slug}/members/{scene.bystander.id}/role"
    assert login(scene.moderator).post(url, data={"role": "moderator"}).status_code == 403
    owner = login(scene.owner)
    assert owner.post(url, data={"role": "moderator"}).status_code == 302
    assert membership(scene, scene.bystander).role == "moderator"
    assert login(scene.bystander).get(f"/g/{scene.group.slug}/moderation").status_code == 200
    owner.post(url, data={"role": "member"})
    assert membership(scene, scene.bystander).role == "member"
    assert login(scene.bystander).get(f"/g/{scene.group.slug}/moderation").status_code == 403
    assert log_actions(subject_user_id=scene.bystander.id)[-2:] == ["group:member:promote", "group:member:demote"]
    assert any("now a moderator" in n.message for n in notifications_of(scene.bystander))
    bad = owner.post(url, data={"role": "owner"})
    assert bad.status_code == 422
    assert owner.post(f"/g/{scene.group.slug}/members/{scene.owner.id}/role", data={"role": "member"}).status_code == 302
    assert membership(scene, scene.owner).role == "owner"


def test_moderators_remove_a_member_with_a_reason(scene, login):
    moderator = login(scene.moderator)
    url = f"/g/{scene.group.slug}/members/{scene.bystander.id}/remove"
    missing = moderator.post(url, data={"reason": ""})
    assert missing.status_code == 422 and "Give a reason" in text(missing)
    assert moderator.post(url, data={"reason": "Left the hospital."}).status_code == 302
    assert membership(scene, scene.bystander) is None
    assert login(scene.bystander).get(f"/g/{scene.group.slug}").status_code == 404
    assert "group:member:remove" in log_actions(subject_user_id=scene.bystander.id)
    # A moderator cannot remove another moderator or the owner.
    assert moderator.post(f"/g/{scene.group.slug}/members/{scene.second_moderator.id}/remove",
                          data={"reason": "x"}).status_code == 403
    moderator.post(f"/g/{scene.group.slug}/members/{scene.owner.id}/remove", data={"reason": "x"})
    assert membership(scene, scene.owner) is not None


def test_moderators_suspend_and_reinstate_from_the_members_page(scene, login):
    moderator = login(scene.moderator)
    url = f"/g/{scene.group.slug}/members/{scene.bystander.id}/status"
    no_days = moderator.post(url, data={"action": "suspend", "reason": "Cooling off."})
    assert no_days.status_code == 422 and "1, 7 or 30 days" in text(no_days) and "Cooling off." in text(no_days)
    moderator.post(url, data={"action": "suspend", "reason": "Cooling off.", "days": "1"})
    assert membership(scene, scene.bystander).status == "suspended"
    moderator.post(url, data={"action": "reinstate", "reason": "Talked it through."})
    assert membership(scene, scene.bystander).status == "active"
    assert log_actions(subject_user_id=scene.bystander.id)[-2:] == ["moderation:member:suspend",
                                                                   "moderation:member:reinstate"]
    assert moderator.post(f"/g/{scene.group.slug}/members/{scene.moderator.id}/status",
                          data={"action": "ban", "reason": "x"}).status_code == 403


def test_moderators_change_the_invitation_policy(scene, login):
    moderator = login(scene.moderator)
    assert moderator.post(f"/g/{scene.group.slug}/invite-policy", data={"invite_policy": "moderators"}).status_code == 302
    assert db.session.get(Group, scene.group.id).invite_policy == "moderators"
    assert login(scene.bystander).get(f"/g/{scene.group.slug}/invites").status_code == 403
    assert moderator.post(f"/g/{scene.group.slug}/invite-policy", data={"invite_policy": "all"}).status_code == 422
    assert "group:invite_policy:change" in log_actions(group_id=scene.group.id)


def test_new_guidelines_are_accepted_again_by_members(scene, login):
    moderator = login(scene.moderator)
    url = f"/g/{scene.group.slug}/guidelines/edit"
    assert "Be kind." in text(moderator.get(url))
    assert moderator.post(url, data={"guidelines": ""}).status_code == 422
    assert moderator.post(url, data={"guidelines": "Be kind.\n\nCite sources."}).status_code == 302
    assert db.session.get(Group, scene.group.id).guidelines_version == 2
    member = login(scene.bystander)
    response = member.get(f"/g/{scene.group.slug}")
    assert response.status_code == 302 and "/guidelines" in response.location
    member.post(f"/g/{scene.group.slug}/guidelines", data={"accept": "y"})
    assert member.get(f"/g/{scene.group.slug}").status_code == 200


def test_guidelines_too_complex_to_render_come_back_with_a_message(scene, login):
    moderator = login(scene.moderator)
    url = f"/g/{scene.group.slug}/guidelines/edit"
    pathological = "Rules " + "![" * 10_000
    response = moderator.post(url, data={"guidelines": pathological})
    assert response.status_code == 422
    page = text(response)
    assert "Rules ![![" in page  # the typed text is kept
    assert db.session.get(Group, scene.group.id).guidelines_version == 1
