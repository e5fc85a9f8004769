"""Watching levels, through HTTP: whoever took part in a topic hears of the next reply; a muted topic or group
tells nothing, not even a mention; a watched group tells of every new topic; nobody hears of what they may not
read."""
from __future__ import annotations

from sqlalchemy import select

from forum.extensions import db
from forum.groups.models import Membership, MembershipStatus
from forum.notifications.models import Notification
from forum.participation.models import GroupWatch, TopicWatch
from forum.posts.models import Post


def _reply(browser, topic, body: str):
    response = browser.post(f"/g/{topic.group.slug}/t/{topic.id}/reply", data={"body": body})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response


def _notifications(user, kind: str | None = None) -> list[Notification]:
    query = select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
    if kind:
        query = query.where(Notification.kind == kind)
    return list(db.session.scalars(query))


def _world(personas, make):
    """The persona world's author (who starts the topic), colleague and bystander, in a new group the world's
    owner runs."""
    starter, second, third = personas.author, personas.colleague, personas.bystander
    group = make.group("Nephrology", owner=personas.owner, members=[starter, second, third])
    topic = make.topic(group, starter, title="Heparin bridging", body="How do you bridge?")
    return starter, second, third, group, topic


def test_a_third_member_who_replied_is_notified_of_the_next_reply(personas, make, login):
    starter, second, third, _group, topic = _world(personas, make)
    _reply(login(third), topic, "I bridge with enoxaparin.")
    assert [n.key for n in _notifications(starter)] == ["reply"]  # the starter hears of the reply
    assert _notifications(third) == []  # nobody hears of their own post

    _reply(login(second), topic, "We stopped bridging most patients.")

    told = _notifications(third, "reply")
    assert len(told) == 1 and told[0].actor_id == second.id and told[0].topic_id == topic.id
    assert len(_notifications(starter, "reply")) == 2
    page = login(third).get("/notifications").get_data(as_text=True)
    assert f"{second.display_name} replied to “Heparin bridging”" in page


def test_a_muted_topic_notifies_nothing_not_even_a_mention(personas, make, login):
    starter, second, third, group, topic = _world(personas, make)
    third_browser = login(third)
    _reply(third_browser, topic, "Following this.")
    response = third_browser.post(f"/g/{group.slug}/t/{topic.id}/watch", data={"level": "muted"})
    assert response.status_code == 302

    _reply(login(second), topic, f"@{third.username} what do you use?")
    _reply(login(starter), topic, "Thanks, everyone.")

    assert _notifications(third) == []
    # The others still hear of it: the starter of both replies, the second member of the starter's
    assert len(_notifications(starter, "reply")) == 2
    assert [n.actor_id for n in _notifications(second, "reply")] == [starter.id]


def test_a_muted_group_silences_its_topics_unless_a_topic_has_a_level_of_its_own(personas, make, login):
    starter, second, third, group, topic = _world(personas, make)
    other = make.topic(group, second, title="Handover lists", body="Checklists?")
    browser = login(third)
    browser.post(f"/g/{group.slug}/watch", data={"level": "muted"})
    browser.post(f"/g/{group.slug}/t/{other.id}/watch", data={"level": "watching"})

    _reply(login(second), topic, f"@{third.username} and you?")  # the topic follows the muted group
    assert _notifications(third) == []
    # Posting in a topic watches it, which is a level of its own: it speaks again
    _reply(browser, topic, "We use enoxaparin.")
    _reply(login(starter), topic, "Thank you.")
    assert [n.topic_id for n in _notifications(third)] == [topic.id]
    _reply(login(starter), other, "Ours is on paper.")  # this one was set to watching by hand
    assert [n.topic_id for n in _notifications(third)] == [topic.id, other.id]


def test_watching_a_group_tells_of_every_new_topic_and_post(personas, make, login):
    starter, second, third, group, topic = _world(personas, make)
    login(third).post(f"/g/{group.slug}/watch", data={"level": "watching"})
    response = login(second).post(f"/g/{group.slug}/new", data={"title": "Night shifts", "body": "How many?"})
    assert response.status_code == 302
    new = _notifications(third, "new_topic")
    assert len(new) == 1 and new[0].key == "topic.new"
    assert f"{second.display_name} started “Night shifts” in Nephrology" in login(third).get("/notifications").get_data(as_text=True)

    _reply(login(starter), topic, "Any more answers?")
    assert len(_notifications(third, "reply")) == 1


def test_watching_level_change_round_trips(personas, make, login):
    starter, _second, third, group, topic = _world(personas, make)
    browser = login(third)
    topic_url = f"/g/{group.slug}/t/{topic.id}"
    page = browser.get(topic_url).get_data(as_text=True)
    assert f'action="{topic_url}/watch"' in page and '<option value="normal" selected>' in page

    for level in ("watching", "tracking", "muted", "normal"):
        response = browser.post(f"{topic_url}/watch", data={"level": level}, follow_redirects=True)
        assert response.status_code == 200
        assert f'<option value="{level}" selected>' in response.get_data(as_text=True)
        assert db.session.scalar(select(TopicWatch.level).where(TopicWatch.user_id == third.id)) == level

    # A topic back at normal follows its group, and says so
    browser.post(f"/g/{group.slug}/watch", data={"level": "watching"})
    group_page = browser.get(f"/g/{group.slug}").get_data(as_text=True)
    assert '<option value="watching" selected>' in group_page
    assert "As the group: Watching" in browser.get(topic_url).get_data(as_text=True)

    response = browser.post(f"{topic_url}/watch", data={"level": "everything"}, follow_redirects=True)
    assert "Choose one of the notification levels offered." in response.get_data(as_text=True)
    assert db.session.scalar(select(TopicWatch.level).where(TopicWatch.user_id == third.id)) == "normal"
    assert db.session.scalar(select(GroupWatch.level).where(GroupWatch.user_id == third.id)) == "watching"


def test_posting_makes_you_watch_unless_you_switched_it_off(personas, make, login):
    starter, second, third, group, topic = _world(personas, make)
    browser = login(third)
    response = browser.post("/notifications/preferences", data={
        "kinds": ["reply", "mention", "new_topic"], "digest": "daily", "quiet_start": "", "quiet_end": ""})
    assert response.status_code == 302
    _reply(browser, topic, "A thought, no need to follow.")
    assert db.session.scalar(select(TopicWatch).where(TopicWatch.user_id == third.id)) is None
    _reply(login(second), topic, "Another answer.")
    assert _notifications(third) == []
    assert db.session.scalar(select(TopicWatch.level).where(TopicWatch.user_id == second.id)) == "watching"


def test_watchers_who_may_not_read_hear_nothing(personas, make, login):
    starter, second, third, group, topic = _world(personas, make)
    _reply(login(third), topic, "Following this.")
    _reply(login(second), topic, "Me too.")
    membership = db.session.scalar(select(Membership).where(Membership.user_id == third.id,
                                                            Membership.group_id == group.id))
    membership.status = MembershipStatus.BANNED
    db.session.commit()
    before = len(_notifications(third))

    _reply(login(starter), topic, "Thanks, both.")

    assert len(_notifications(third)) == before  # banned: told nothing more
    assert len(_notifications(second, "reply")) == 1


def test_a_held_post_notifies_watchers_only_once_released(personas, make, login):
    starter, second, third, group, topic = _world(personas, make)
    _reply(login(third), topic, "Following this.")
    moderator = personas.moderator
    make.member(group, moderator, role="moderator")
    # A reply published past the patient-data guard is held for the moderators (the group's default policy)
    response = login(second).post(f"/g/{group.slug}/t/{topic.id}/reply", data={
        "body": "Could someone call Mrs Zorblax back on +49 30 98127364 about the discharge?", "confirm_no_phi": "y"})
    assert response.status_code == 302
    post = db.session.scalar(select(Post).order_by(Post.id.desc()))
    assert post.is_held
    assert _notifications(third) == [] and _notifications(starter, "reply")[-1].actor_id == third.id

    response = login(moderator).post(f"/g/{group.slug}/moderation/{post.id}",
                                     data={"action": "release", "reason": "No patient data: a fictitious name."})
    assert response.status_code == 302
    told = _notifications(third)
    assert [(n.kind, n.actor_id) for n in told] == [("reply", second.id)]


def test_muted_topics_and_groups_stay_off_what_needs_me(personas, make, login):
    me, colleague = personas.bystander, personas.colleague
    one = make.group("Nephrology", owner=personas.owner, members=[me, colleague])
    two = make.group("Cardiology", owner=personas.owner, members=[me, colleague])
    quiet = make.topic(one, colleague, title="A topic I muted")
    make.topic(one, colleague, title="Still wanted")
    make.topic(two, colleague, title="In a muted group")
    followed = make.topic(two, colleague, title="Followed in a muted group")
    browser = login(me)
    browser.post(f"/g/{one.slug}/t/{quiet.id}/watch", data={"level": "muted"})
    browser.post(f"/g/{two.slug}/watch", data={"level": "muted"})
    browser.post(f"/g/{two.slug}/t/{followed.id}/watch", data={"level": "tracking"})

    html = browser.get("/").get_data(as_text=True)
    section = html[html.index('id="needs-me-title"'):]
    section = section[:section.index("</section>")]
    assert "Still wanted" in section and "Followed in a muted group" in section
    assert "A topic I muted" not in section and "In a muted group" not in section


def test_watching_levels_and_preferences_are_exported_and_erased_with_the_account(personas, make, login):
    import json

    from forum.notifications.models import NotificationPreference
    from tests.factories import PASSWORD

    starter, _second, third, group, topic = _world(personas, make)
    browser = login(third)
    browser.post(f"/g/{group.slug}/watch", data={"level": "tracking"})
    _reply(browser, topic, "Following this.")
    browser.post("/notifications/preferences", data={"kinds": ["mention"], "digest": "weekly"})

    data = json.loads(browser.post("/me/export").get_data(as_text=True))
    assert data["watching"] == {"topics": [{"topic_id": topic.id, "level": "watching"}],
                                "groups": [{"group_id": group.id, "level": "tracking"}]}
    assert data["notification_preferences"]["digest"] == "weekly"

    assert browser.post("/me/delete", data={"password": PASSWORD, "confirm": "y"}).status_code == 302
    for model in (TopicWatch, GroupWatch, NotificationPreference):
        assert db.session.scalar(select(model).where(model.user_id == third.id)) is None
    _reply(login(starter), topic, "Anyone else?")  # an erased member is told nothing
    assert _notifications(third) == []
