"""The hooks in other pages (header, group navigation, profile) and who may see what."""
from __future__ import annotations

from sqlalchemy import event

from forum.extensions import db
from forum.groups.models import Membership

from .conftest import report, text


def test_moderators_see_the_review_count_in_the_header_in_one_query(scene, login, make, app):
    report(login(scene.reporters[0]), scene.post)
    other_post = make.reply(scene.topic, scene.bystander, "Another one.")
    report(login(scene.reporters[1]), other_post)
    moderator = login(scene.moderator)
    statements = []

    def count(conn, cursor, statement, *args):
        if "moderation_cases" in statement and "memberships" in statement:
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        page = text(moderator.get("/notifications"))
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert 'class="review-link">Review <span class="badge" aria-label="2 open cases">2</span>' in page
    assert len(statements) == 1
    assert "review-link" not in text(login(scene.bystander).get("/notifications"))


def test_the_group_navigation_links_moderators_to_the_queue_and_members(scene, login):
    report(login(scene.reporters[0]), scene.post)
    page = text(login(scene.moderator).get(f"/g/{scene.group.slug}"))
    assert f'href="/g/{scene.group.slug}/moderation">Moderation <span class="badge"' in page
    assert f'href="/g/{scene.group.slug}/members"' in page
    assert f'href="/g/{scene.group.slug}/moderation"' not in text(login(scene.bystander).get(f"/g/{scene.group.slug}"))


def test_the_overview_lists_the_groups_one_moderates(scene, login):
    report(login(scene.reporters[0]), scene.post)
    page = text(login(scene.moderator).get("/moderation"))
    assert scene.group.name in page and "1 open" in page
    assert login(scene.bystander).get("/moderation").status_code == 403


def test_moderators_see_who_invited_a_member_and_whom_they_invited(scene, login, make):
    newcomer = make.user("Nina Newcomer")
    make.member(scene.group, newcomer)
    for user, inviter in ((scene.author, scene.owner), (newcomer, scene.author)):
        membership = db.session.query(Membership).filter_by(user_id=user.id, group_id=scene.group.id).one()
        membership.invited_by_id = inviter.id
    db.session.commit()
    page = text(login(scene.moderator).get(f"/u/{scene.author.username}"))
    assert "invited by" in page and "Olga Owner" in page
    assert "Whom Aaron Author invited" in page and "Nina Newcomer" in page
    assert "Whom Aaron Author invited" not in text(login(scene.bystander).get(f"/u/{scene.author.username}"))


def test_a_moderator_of_group_a_can_do_nothing_in_group_b(scene, login, make):
    """The authorisation matrix covers every route with group A; this checks the same moderator
    against a second group, post, topic, member and appeal."""
    world = scene.world
    outsider_owner, member_b, group_b, topic_b = world.owner_b, world.outsider, world.group_b, world.topic_b
    post_b = make.reply(topic_b, outsider_owner, "A post in B")
    report(login(member_b), post_b)
    moderator = login(scene.moderator)
    slug = group_b.slug
    gets = [f"/g/{slug}/moderation", f"/g/{slug}/moderation/{post_b.id}", f"/g/{slug}/moderation/log",
            f"/g/{slug}/moderation/appeals", f"/g/{slug}/members", f"/g/{slug}/guidelines/edit"]
    posts = [(f"/g/{slug}/moderation/{post_b.id}", {"action": "hide", "reason": "x"}),
             (f"/posts/{post_b.id}/moderate", {"action": "hide", "reason": "x"}),
             (f"/g/{slug}/t/{topic_b.id}/lock", {"reason": "x"}),
             (f"/g/{slug}/t/{topic_b.id}/pin", {}),
             (f"/g/{slug}/members/{member_b.id}/status", {"action": "ban", "reason": "x"}),
             (f"/g/{slug}/members/{member_b.id}/remove", {"reason": "x"}),
             (f"/g/{slug}/members/{member_b.id}/role", {"role": "moderator"}),
             (f"/g/{slug}/invite-policy", {"invite_policy": "moderators"}),
             (f"/posts/{post_b.id}/report", {"reason": "spam"})]
    for url in gets:
        assert moderator.get(url).status_code == 404, url
    for url, data in posts:
        assert moderator.post(url, data=data).status_code == 404, url
    for url in ("/admin/log", "/admin/log.csv", "/admin/moderation"):
        assert moderator.get(url).status_code == 403, url
    db.session.expire_all()
    assert db.session.get(type(post_b), post_b.id).hidden is False
