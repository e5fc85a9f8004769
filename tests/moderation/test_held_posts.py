"""Posts published past the patient-data guard are held: only the author and the moderators see them
until a moderator releases, redacts, hides or deletes them."""
from __future__ import annotations

import re
import threading

from sqlalchemy import select

from forum.extensions import db
from forum.moderation.models import ModerationCase
from forum.posts.models import Post, Topic

from .conftest import decide, log_actions, notifications_of, open_case, text

FLAGGED = "Could someone call Mrs Zorblax back on +49 30 98127364 about the discharge? @bea-bystander"
MARKER = "98127364"


def without_tokens(page: str) -> str:
    """A page without its CSRF tokens, which carry a timestamp."""
    return re.sub(r'name="csrf_token"[^>]*>', "", page)


def _post_past_guard(browser, group, topic=None, body=FLAGGED):
    if topic is None:
        response = browser.post(f"/g/{group.slug}/new", data={"title": "Call-back question", "body": body,
                                                               "confirm_no_phi": "y"})
        post = db.session.scalar(select(Post).order_by(Post.id.desc()))
    else:
        response = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": body, "confirm_no_phi": "y"})
        post = db.session.scalar(select(Post).order_by(Post.id.desc()))
    assert response.status_code == 302, text(response)
    return post


def test_a_held_reply_is_invisible_to_a_third_member_everywhere_until_released(scene, login):
    body = FLAGGED.replace("@bea-bystander", f"@{scene.bystander.username}")
    author, bystander, moderator = login(scene.author), login(scene.bystander), login(scene.moderator)
    dashboard_before = without_tokens(text(bystander.get("/")))
    post = _post_past_guard(author, scene.group, scene.topic, body)
    assert post.is_held and post.phi_confirmed
    # The dashboard (new-post counts, what's new) reads as if nothing had been posted.
    assert without_tokens(text(bystander.get("/"))) == dashboard_before

    # The author sees it, marked as waiting for a moderator; so do the moderators.
    own = text(author.get(f"/g/{scene.group.slug}/t/{scene.topic.id}"))
    assert MARKER in own and "Waiting for a moderator" in own
    assert MARKER in text(moderator.get(f"/g/{scene.group.slug}/t/{scene.topic.id}"))

    # A third member: not on the topic page (not even a placeholder), not in search, not in the counts,
    # not in notifications (the mention waits), not on the dashboard.
    page = text(bystander.get(f"/g/{scene.group.slug}/t/{scene.topic.id}"))
    assert MARKER not in page and f'data-post-id="{post.id}"' not in page and "Waiting for a moderator" not in page
    assert f"/posts/{post.id}\"" not in text(bystander.get("/search?q=98127364"))
    assert "Nothing matches" in text(bystander.get("/search?q=Zorblax"))
    listing = text(bystander.get(f"/g/{scene.group.slug}"))
    assert 'class="num">1</td>' in listing  # the earlier reply only
    assert not [n for n in notifications_of(scene.bystander) if n.kind in ("mention", "reply")]
    assert bystander.get(f"/posts/{post.id}").status_code == 404
    assert bystander.get(f"/posts/{post.id}/history").status_code == 404

    # Released by a moderator: everyone sees it, the mention is sent, the author is told.
    response = decide(moderator, scene.group, post, "release", reason="No patient data: a fictitious name.")
    assert response.status_code == 302
    assert MARKER in text(bystander.get(f"/g/{scene.group.slug}/t/{scene.topic.id}"))
    assert f"/posts/{post.id}\"" in text(bystander.get("/search?q=98127364"))
    assert 'class="num">2</td>' in text(bystander.get(f"/g/{scene.group.slug}"))
    assert [n.kind for n in notifications_of(scene.bystander)] == ["mention"]
    assert any("published it" in n.message for n in notifications_of(scene.author))
    released = db.session.get(Post, post.id)
    assert not released.hidden and released.hidden_reason is None
    assert "moderation:post:hold" in log_actions(target_id=post.id) and "moderation:post:release" in log_actions()
    assert open_case(post) is None


def test_a_held_first_post_holds_its_topic(scene, login):
    author, bystander, moderator = login(scene.author), login(scene.bystander), login(scene.moderator)
    post = _post_past_guard(author, scene.group)
    topic = db.session.get(Topic, post.topic_id)
    assert topic.hidden and post.is_held
    assert bystander.get(f"/g/{scene.group.slug}/t/{topic.id}").status_code == 404
    assert "Call-back question" not in text(bystander.get(f"/g/{scene.group.slug}"))
    assert "Call-back question" not in text(bystander.get("/"))
    assert "Call-back question" in text(author.get(f"/g/{scene.group.slug}"))
    assert author.get(f"/g/{scene.group.slug}/t/{topic.id}").status_code == 200
    assert "Call-back question" in text(moderator.get(f"/g/{scene.group.slug}"))

    assert decide(moderator, scene.group, post, "release", reason="Fictitious.").status_code == 302
    assert bystander.get(f"/g/{scene.group.slug}/t/{topic.id}").status_code == 200
    assert "Call-back question" in text(bystander.get(f"/g/{scene.group.slug}"))


def test_held_posts_come_first_in_the_queue_with_the_guard_findings_highlighted(scene, login):
    from .conftest import report

    report(login(scene.reporters[0]), scene.post, "misinformation", "No source given.")
    post = _post_past_guard(login(scene.author), scene.group, scene.topic)
    queue = text(login(scene.moderator).get(f"/g/{scene.group.slug}/moderation"))
    assert queue.index(f'data-post-id="{post.id}"') < queue.index(f'data-post-id="{scene.post.id}"')
    held_card = queue[queue.index(f'data-post-id="{post.id}"'):queue.index(f'data-post-id="{scene.post.id}"')]
    assert "held: waiting for a moderator" in held_card
    assert '<mark class="finding" title="Phone or fax number">+49 30 98127364</mark>' in held_card
    stored = db.session.get(Post, post.id).phi_findings
    assert all(set(finding) == {"field", "start", "end", "type"} for finding in stored)


def test_the_group_can_publish_and_queue_instead(scene, login):
    owner = login(scene.owner)
    response = owner.post(f"/g/{scene.group.slug}/guard-policy", data={"guard_policy": "publish"})
    assert response.status_code == 302
    post = _post_past_guard(login(scene.author), scene.group, scene.topic)
    assert not post.hidden
    assert MARKER in text(login(scene.bystander).get(f"/g/{scene.group.slug}/t/{scene.topic.id}"))
    assert open_case(post).has_privacy_report
    bad = owner.post(f"/g/{scene.group.slug}/guard-policy", data={"guard_policy": "sometimes"})
    assert bad.status_code == 422


def test_two_moderators_releasing_at_once_make_one_decision(scene, app, login):
    post = _post_past_guard(login(scene.author), scene.group, scene.topic)
    first, second = login(scene.moderator), login(scene.second_moderator)
    case_id = str(open_case(post).id)
    url, post_id, slug = f"/g/{scene.group.slug}/moderation/{post.id}", post.id, scene.group.slug
    db.session.commit()
    db.session.remove()  # the test holds no connection while the threads run
    results = {}
    barrier = threading.Barrier(2)

    def act(name, browser, action):
        barrier.wait()
        results[name] = browser.post(url,
                                     data={"action": action, "reason": "Reviewed.", "case_id": case_id,
                                           "body": "Could someone call the family back about the discharge?"})

    threads = [threading.Thread(target=act, args=("first", first, "release")),
               threading.Thread(target=act, args=("second", second, "release"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {response.status_code for response in results.values()} == {302}
    decided = db.session.scalars(select(ModerationCase).where(ModerationCase.post_id == post_id)).all()
    assert len(decided) == 1 and decided[0].outcome == "release"
    assert log_actions(action="moderation:post:release") == ["moderation:post:release"]
    refused = [n for n in log_actions(action="moderation:case:refused")]
    assert len(refused) == 1
    # The second moderator's next page carries the message.
    pages = text(first.get(f"/g/{slug}/moderation")) + text(second.get(f"/g/{slug}/moderation"))
    assert "Nothing was changed" in pages and ("already decided this post" in pages or "a moment ago" in pages)


def test_a_second_decision_on_a_released_post_is_refused_with_a_clear_message(scene, login):
    post = _post_past_guard(login(scene.author), scene.group, scene.topic)
    assert decide(login(scene.moderator), scene.group, post, "release", reason="Fine.").status_code == 302
    second = login(scene.second_moderator)
    response = decide(second, scene.group, post, "release", reason="Fine too.")
    assert response.status_code == 302
    assert "Mona Moderator already decided this post (held post released)" in text(second.get(response.location))


def test_releasing_a_reply_whose_topic_was_deleted_answers_a_clear_message(scene, login):
    post = _post_past_guard(login(scene.author), scene.group, scene.topic)
    moderator = login(scene.moderator)
    first = db.session.scalar(select(Post).where(Post.topic_id == scene.topic.id, Post.number == 1))
    assert moderator.post(f"/posts/{first.id}/delete", data={}).status_code == 302
    response = decide(moderator, scene.group, post, "release", reason="Fine.")
    assert response.status_code == 422
    assert "The topic of this reply was deleted" in text(response)
    assert db.session.get(Post, post.id).is_held


def test_sanctions_wait_until_the_held_post_is_decided(scene, login):
    post = _post_past_guard(login(scene.author), scene.group, scene.topic)
    response = decide(login(scene.moderator), scene.group, post, "warn", reason="Careful.")
    assert response.status_code == 422 and "waiting for a moderator" in text(response)
    assert db.session.get(Post, post.id).is_held


def test_the_author_learns_that_a_held_post_was_deleted(scene, login):
    post = _post_past_guard(login(scene.author), scene.group, scene.topic)
    assert decide(login(scene.moderator), scene.group, post, "delete", reason="Names a patient.").status_code == 302
    assert any("deleted your post" in n.message for n in notifications_of(scene.author))
    assert MARKER not in text(login(scene.bystander).get(f"/g/{scene.group.slug}/t/{scene.topic.id}"))
