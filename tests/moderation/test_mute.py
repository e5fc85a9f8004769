"""Personal safety: muting another member collapses their posts and silences their replies and mentions."""
from __future__ import annotations

from forum.extensions import db
from forum.notifications.mutes import has_muted

from .conftest import notifications_of, text


def test_a_muted_members_posts_are_collapsed_and_do_not_notify(scene, login, make):
    me = login(scene.bystander)
    response = me.post(f"/u/{scene.author.username}/mute")
    assert response.status_code == 302
    assert has_muted(scene.bystander.id, scene.author.id) and not has_muted(scene.author.id, scene.bystander.id)

    page = text(me.get(f"/g/{scene.group.slug}/t/{scene.topic.id}"))
    assert '<details class="muted-post"><summary>You muted Aaron Author. Show this post</summary>' in page
    assert "Bridging is never needed" in page  # still there, one click away
    assert "muted-post" not in text(login(scene.reporters[0]).get(f"/g/{scene.group.slug}/t/{scene.topic.id}"))

    my_topic = make.topic(scene.group, scene.bystander, title="My question")
    make.reply(my_topic, scene.author, f"Answer for @{scene.bystander.username}")
    make.reply(my_topic, scene.reporters[0], "Another answer")
    senders = [n.actor_id for n in notifications_of(scene.bystander) if n.kind in ("reply", "mention")]
    assert senders == [scene.reporters[0].id]

    me.post(f"/u/{scene.author.username}/unmute")
    assert not has_muted(scene.bystander.id, scene.author.id)
    make.reply(my_topic, scene.author, "After the unmute")
    assert scene.author.id in [n.actor_id for n in notifications_of(scene.bystander)]


def test_muting_is_listed_on_ones_own_page_and_not_told_to_the_other(scene, login):
    me = login(scene.bystander)
    me.post(f"/u/{scene.author.username}/mute")
    me.post(f"/u/{scene.author.username}/mute")  # twice changes nothing
    mine = text(me.get(f"/u/{scene.bystander.username}"))
    assert "Members you muted" in mine and "Aaron Author" in mine
    assert "Unmute" in text(me.get(f"/u/{scene.author.username}"))
    assert notifications_of(scene.author) == []


def test_one_cannot_mute_oneself_or_people_one_cannot_see(scene, login, make):
    me = login(scene.bystander)
    response = me.post(f"/u/{scene.bystander.username}/mute")
    assert "cannot mute yourself" in text(me.get(response.location))
    stranger = make.user("Stan Stranger")
    make.group("Far away", members=[stranger])
    assert me.post(f"/u/{stranger.username}/mute").status_code == 404
    db.session.rollback()
    assert not has_muted(scene.bystander.id, stranger.id)


def test_erasing_an_account_drops_its_mutes_and_its_name_from_cases(scene, login):
    from sqlalchemy import select

    from forum.moderation.models import ModerationCase
    from forum.notifications.models import Mute

    from .conftest import report
    from tests.factories import PASSWORD

    login(scene.author).post(f"/u/{scene.bystander.username}/mute")
    login(scene.bystander).post(f"/u/{scene.author.username}/mute")
    report(login(scene.reporters[0]), scene.post)
    response = login(scene.author).post("/me/delete", data={"password": PASSWORD, "confirm": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    # Both of the author's mutes are gone; the only one left is the one the world started with.
    remaining = [(mute.user_id, mute.muted_user_id) for mute in db.session.scalars(select(Mute))]
    assert remaining == [(scene.world.member.id, scene.world.muted_member.id)]
    case = db.session.scalar(select(ModerationCase))
    assert case.post_author_name == "former member" and case.state == "open"


def test_erasing_an_account_renames_it_on_cases_already_loaded_in_the_request(scene, login, app):
    """The erasure's bulk update reaches a case the request read beforehand: nothing later in the same request
    still shows the erased member's name."""
    from sqlalchemy import select

    from forum.accounts.data_rights import erase_account
    from forum.moderation.models import ModerationCase

    from .conftest import report

    assert report(login(scene.reporters[0]), scene.post).status_code == 302
    with app.test_request_context():
        loaded = db.session.scalar(select(ModerationCase).where(ModerationCase.post_id == scene.post.id))
        assert loaded.post_author_name == "Aaron Author"
        erase_account(scene.author, scene.author)
        assert loaded.post_author_name == "former member"
        db.session.commit()
