"""Reactions and bookmarks, through HTTP, as members would use them between patients."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from forum.db_types import utcnow
from forum.extensions import db
from forum.notifications.models import Notification
from forum.participation.models import Bookmark, Reaction
from forum.posts.models import Post

from ..conftest import csrf_token_from
from ..core.support import count_queries


def _first_post(topic) -> Post:
    return db.session.scalar(select(Post).where(Post.topic_id == topic.id, Post.number == 1))


def _token(browser, topic) -> str:
    return csrf_token_from(browser.get(f"/g/{topic.group.slug}/t/{topic.id}").get_data(as_text=True))


def _reactions(post, kind=None) -> int:
    query = select(func.count(Reaction.id)).where(Reaction.post_id == post.id)
    if kind:
        query = query.where(Reaction.kind == kind)
    return db.session.scalar(query)


def _world(personas, make):
    """The persona world's author and bystander (the reader) in a new group the world's owner runs; its outsider
    belongs to group B only."""
    author, reader, outsider = personas.author, personas.bystander, personas.outsider
    group = make.group("Nephrology", owner=personas.owner, members=[author, reader])
    topic = make.topic(group, author, title="Heparin bridging", body="How do you bridge?")
    return author, reader, outsider, group, topic


def test_member_reacts_helpful_twice_and_returns_to_the_start(personas, make, login):
    author, reader, _outsider, group, topic = _world(personas, make)
    post = _first_post(topic)
    browser = login(reader)
    token = _token(browser, topic)

    response = browser.post(f"/posts/{post.id}/react", data={"kind": "helpful", "csrf_token": token})
    assert response.status_code == 302
    assert _reactions(post, "helpful") == 1
    page = browser.get(response.headers["Location"]).get_data(as_text=True)
    assert 'data-reaction="helpful" aria-pressed="true"' in page
    assert f'title="{reader.display_name}"' in page  # who reacted, on hover and on focus

    # The author sees the count and who reacted, without a button of their own
    author_page = login(author).get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True)
    assert 'class="count">1<' in author_page and reader.display_name in author_page
    assert 'data-reaction="helpful"' not in author_page

    browser.post(f"/posts/{post.id}/react", data={"kind": "helpful", "csrf_token": token})
    assert _reactions(post) == 0


def test_each_kind_counts_once_per_member(personas, make, login):
    _author, reader, _outsider, _group, topic = _world(personas, make)
    other = personas.colleague
    make.member(topic.group, other)
    post = _first_post(topic)
    for member in (reader, other):
        browser = login(member)
        token = _token(browser, topic)
        for kind in ("helpful", "thanks"):
            browser.post(f"/posts/{post.id}/react", data={"kind": kind, "csrf_token": token})
    assert _reactions(post, "helpful") == 2 and _reactions(post, "thanks") == 2
    browser = login(reader)
    response = browser.post(f"/posts/{post.id}/react", data={"kind": "thanks", "csrf_token": _token(browser, topic)},
                            headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.get_json() == {"kind": "thanks", "given": False,
                                   "counts": {"helpful": 2, "thanks": 1, "same_experience": 0}}


def test_unknown_reaction_and_own_post_are_refused_with_a_message(personas, make, login):
    author, reader, _outsider, _group, topic = _world(personas, make)
    post = _first_post(topic)
    browser = login(reader)
    response = browser.post(f"/posts/{post.id}/react", data={"kind": "love", "csrf_token": _token(browser, topic)},
                            follow_redirects=True)
    assert "Choose one of the reactions offered." in response.get_data(as_text=True)
    own = login(author)
    response = own.post(f"/posts/{post.id}/react", data={"kind": "helpful", "csrf_token": _token(own, topic)},
                        follow_redirects=True)
    assert "You cannot react to your own post." in response.get_data(as_text=True)
    assert _reactions(post) == 0


def test_outsider_gets_404_for_reacting_and_bookmarking(personas, make, login):
    _author, _reader, outsider, _group, topic = _world(personas, make)
    post = _first_post(topic)
    stranger = login(outsider)
    token = csrf_token_from(stranger.get("/bookmarks").get_data(as_text=True))
    assert stranger.post(f"/posts/{post.id}/react", data={"kind": "helpful", "csrf_token": token}).status_code == 404
    assert stranger.post(f"/posts/{post.id}/bookmark", data={"csrf_token": token}).status_code == 404
    assert _reactions(post) == 0 and db.session.scalar(select(func.count(Bookmark.id))) == 0


def test_bookmark_toggled_twice_returns_to_the_start_and_is_listed_meanwhile(personas, make, login):
    _author, reader, _outsider, _group, topic = _world(personas, make)
    post = _first_post(topic)
    browser = login(reader)
    token = _token(browser, topic)
    assert "No bookmarks yet" in browser.get("/bookmarks").get_data(as_text=True)

    assert browser.post(f"/posts/{post.id}/bookmark", data={"csrf_token": token}).status_code == 302
    listing = browser.get("/bookmarks").get_data(as_text=True)
    assert "Heparin bridging" in listing and "Nephrology" in listing
    assert f'href="/posts/{post.id}"' in listing

    browser.post(f"/posts/{post.id}/bookmark", data={"csrf_token": token})
    assert db.session.scalar(select(func.count(Bookmark.id))) == 0
    assert "No bookmarks yet" in browser.get("/bookmarks").get_data(as_text=True)


def test_bookmarks_leave_out_posts_the_member_can_no_longer_see(personas, make, login, app):
    author, reader, _outsider, group, topic = _world(personas, make)
    hidden = make.reply(topic, author, body="A post a moderator will hide")
    browser = login(reader)
    token = _token(browser, topic)
    browser.post(f"/posts/{hidden.id}/bookmark", data={"csrf_token": token})
    browser.post(f"/posts/{_first_post(topic).id}/bookmark", data={"csrf_token": token})
    assert browser.get("/bookmarks").get_data(as_text=True).count('href="/posts/') == 2

    db.session.get(Post, hidden.id).hidden = True
    db.session.commit()
    listing = browser.get("/bookmarks").get_data(as_text=True)
    assert listing.count('href="/posts/') == 1 and f'href="/posts/{hidden.id}"' not in listing


def test_bad_reminder_time_is_refused_and_nothing_is_saved(personas, make, login):
    _author, reader, _outsider, _group, topic = _world(personas, make)
    post = _first_post(topic)
    browser = login(reader)
    token = _token(browser, topic)
    response = browser.post(f"/posts/{post.id}/bookmark", data={"csrf_token": token, "remind_at": "next tuesday"},
                            follow_redirects=True)
    assert "The reminder time is not a date and time" in response.get_data(as_text=True)
    past = (utcnow() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = browser.post(f"/posts/{post.id}/bookmark", data={"csrf_token": token, "remind_at": past},
                            follow_redirects=True)
    assert "The reminder time has passed already" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Bookmark.id))) == 0


def test_bookmark_reminder_fires_through_the_daily_command_once(personas, make, login, app):
    _author, reader, _outsider, _group, topic = _world(personas, make)
    post = _first_post(topic)
    browser = login(reader)
    soon = (utcnow() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    response = browser.post(f"/posts/{post.id}/bookmark", data={"csrf_token": _token(browser, topic), "remind_at": soon},
                            follow_redirects=True)
    assert "You will be reminded on" in response.get_data(as_text=True)

    runner = app.test_cli_runner()
    result = runner.invoke(args=["forum", "send-digests"])
    assert result.exit_code == 0, result.output
    assert "bookmark reminder" not in result.output  # not due yet
    assert db.session.scalar(select(func.count(Notification.id)).where(Notification.user_id == reader.id)) == 0

    bookmark = db.session.scalar(select(Bookmark))
    bookmark.remind_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    result = runner.invoke(args=["forum", "send-digests"])
    assert "1 bookmark reminder sent." in result.output
    assert "1 digest sent." in result.output
    notification = db.session.scalar(select(Notification).where(Notification.user_id == reader.id))
    assert notification.kind == "bookmark_reminder" and "Heparin bridging" in notification.message
    assert notification.link.endswith(f"#post-{post.number}")
    page = browser.get("/notifications").get_data(as_text=True)
    assert "Reminder: the post you bookmarked" in page

    again = runner.invoke(args=["forum", "send-digests"])
    assert "bookmark reminder" not in again.output
    assert db.session.scalar(select(func.count(Notification.id)).where(Notification.user_id == reader.id)) == 1


def test_reminder_for_a_post_no_longer_visible_notifies_nobody(personas, make, login, app):
    _author, reader, _outsider, _group, topic = _world(personas, make)
    post = _first_post(topic)
    browser = login(reader)
    soon = (utcnow() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    browser.post(f"/posts/{post.id}/bookmark", data={"csrf_token": _token(browser, topic), "remind_at": soon})
    bookmark = db.session.scalar(select(Bookmark))
    bookmark.remind_at = utcnow() - timedelta(minutes=1)
    db.session.get(Post, post.id).deleted_at = utcnow()
    db.session.commit()
    before = db.session.scalar(select(func.count(Notification.id)))  # the persona world's own
    result = app.test_cli_runner().invoke(args=["forum", "send-digests"])
    assert result.exit_code == 0 and "bookmark reminder" not in result.output
    assert db.session.scalar(select(func.count(Notification.id))) == before
    assert db.session.scalar(select(Bookmark.reminded_at)) is not None


def test_topic_page_queries_do_not_grow_with_reactions_and_bookmarks(personas, make, login):
    author, reader, _outsider, group, topic = _world(personas, make)
    others = [make.user(f"Dr. Colleague {n}") for n in range(4)]
    for other in others:
        make.member(group, other)
    path = f"/g/{group.slug}/t/{topic.id}"

    def measure() -> int:
        browser = login(reader)
        browser.get(path)
        with count_queries() as statements:
            assert browser.get(path).status_code == 200
        return len(statements)

    make.reply(topic, author, body="Second")
    small = measure()
    for number in range(6):
        make.reply(topic, others[number % 4], body=f"More {number}")
    posts = db.session.scalars(select(Post).where(Post.topic_id == topic.id)).all()
    for post in posts:
        for other in others:
            if post.author_id != other.id:
                db.session.add(Reaction(post_id=post.id, user_id=other.id, kind="helpful"))
        db.session.add(Bookmark(user_id=reader.id, post_id=post.id))
    db.session.commit()
    assert measure() == small
