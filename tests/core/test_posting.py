"""Reading and writing through HTTP: topics, replies, edits with history, soft deletion."""
from __future__ import annotations

from sqlalchemy import func, select

from forum.extensions import db
from forum.notifications.models import Notification
from forum.posts.models import Post, PostRevision, Topic

from .support import TextOf, main_text


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_member_posts_a_topic_and_reads_it_rendered(make, login):
    member = make.user("Anna Schmidt", specialty="Cardiology")
    group = make.group("Cardiology Round", members=[member])
    browser = login(member)

    form = browser.get(f"/g/{group.slug}/new")
    assert form.status_code == 200
    assert all(f'name="{name}"' in form.get_data(as_text=True) for name in ("title", "body", "submission_id"))
    response = browser.post(f"/g/{group.slug}/new", data={
        "title": "Anticoagulation after TAVI", "body": "Our default is **apixaban**.\n\n- one\n- two"})
    assert response.status_code == 302
    topic = db.session.scalar(select(Topic))
    assert response.location.endswith(f"/g/{group.slug}/t/{topic.id}")
    post = db.session.scalar(select(Post))
    assert post.number == 1 and post.author_id == member.id
    # Rendered once, at write time.
    assert "<strong>apixaban</strong>" in post.body_html and "<li>one</li>" in post.body_html

    thread = browser.get(response.location)
    page = main_text(thread.get_data(as_text=True))
    assert thread.status_code == 200
    assert "Anticoagulation after TAVI" in page
    assert "<strong>apixaban</strong>" in page
    assert "Anna Schmidt" in page and "Physician" in page and "Cardiology" in page
    assert "Your topic is published." in thread.get_data(as_text=True)
    listing = browser.get(f"/g/{group.slug}").get_data(as_text=True)
    assert "Anticoagulation after TAVI" in listing


def test_member_replies_and_the_topic_author_is_notified(make, login):
    author = make.user("Author")
    replier = make.user("Replier")
    group = make.group(members=[author, replier])
    topic = make.topic(group, author, title="Handover checklists")
    browser = login(replier)

    response = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "We use *SBAR*."})
    assert response.status_code == 302
    assert response.location.endswith(f"/g/{group.slug}/t/{topic.id}#post-2")
    page = main_text(browser.get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True))
    assert "<em>SBAR</em>" in page and 'id="post-2"' in page
    refreshed = db.session.get(Topic, topic.id)
    assert refreshed.post_count == 2
    note = db.session.scalar(select(Notification).where(Notification.user_id == author.id))
    assert note.kind == "reply" and "Handover checklists" in note.message


def test_mentions_notify_group_members_only(make, login):
    author = make.user("Author")
    colleague = make.user("Colleague One")
    stranger = make.user("Stranger Two")
    group = make.group(members=[author, colleague])
    make.group(members=[stranger])
    topic = make.topic(group, author)
    login(author).post(f"/g/{group.slug}/t/{topic.id}/reply",
                       data={"body": f"@{colleague.username} and @{stranger.username}, thoughts?"})
    kinds = {(n.user_id, n.kind) for n in db.session.scalars(select(Notification))}
    assert (colleague.id, "mention") in kinds
    assert not any(user_id == stranger.id for user_id, _ in kinds)


def test_author_edits_a_post_the_revision_is_kept_and_marked(make, login):
    author = make.user("Author")
    moderator = make.user("Moderator")
    other = make.user("Other")
    group = make.group(members=[author, other], moderators=[moderator])
    topic = make.topic(group, author, title="Dosing", body="Original text about dosing.")
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
    browser = login(author)

    form = browser.get(f"/posts/{post.id}/edit")
    assert form.status_code == 200 and "Original text about dosing." in form.get_data(as_text=True)
    response = browser.post(f"/posts/{post.id}/edit", data={"body": "Corrected text about **dosing**.",
                                                            "reason": "typo"})
    assert response.status_code == 302

    edited = db.session.get(Post, post.id)
    assert edited.body_source == "Corrected text about **dosing**."
    assert "<strong>dosing</strong>" in edited.body_html
    assert edited.edited_at is not None and edited.edit_count == 1
    revision = db.session.scalar(select(PostRevision))
    assert revision.body_source == "Original text about dosing." and revision.editor_id == author.id

    thread = main_text(browser.get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True))
    first_post = thread[thread.find('id="post-1"'):]
    assert '<span class="edited"' in first_post and "Corrected text about" in first_post
    assert "Original text about dosing." not in thread
    history = browser.get(f"/posts/{post.id}/history").get_data(as_text=True)
    assert "Original text about dosing." in history and "typo" in history
    assert "Original text about dosing." in login(moderator).get(f"/posts/{post.id}/history").get_data(as_text=True)
    other_browser = login(other)
    assert other_browser.get(f"/posts/{post.id}/history").status_code == 403
    other_thread = main_text(other_browser.get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True))
    assert '<span class="edited"' in other_thread  # every reader sees that the post changed
    assert "history" not in TextOf.of(other_thread)  # ... but only the author and moderators see the history


def test_saving_an_unchanged_post_adds_no_revision(make, login):
    author = make.user("Author")
    group = make.group(members=[author])
    topic = make.topic(group, author, body="Same text.")
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
    assert login(author).post(f"/posts/{post.id}/edit", data={"body": "Same text."}).status_code == 302
    assert _count(PostRevision) == 0
    assert db.session.get(Post, post.id).edited_at is None


def test_moderator_edit_needs_a_reason_and_tells_the_author(make, login):
    author = make.user("Author")
    moderator = make.user("Moderator")
    group = make.group(members=[author], moderators=[moderator])
    topic = make.topic(group, author, body="Call me on my ward phone.")
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
    browser = login(moderator)

    missing = browser.post(f"/posts/{post.id}/edit", data={"body": "Removed by moderator.", "reason": ""})
    assert missing.status_code == 422
    page = missing.get_data(as_text=True)
    assert "Say why you are editing" in page and "Removed by moderator." in page
    assert _count(PostRevision) == 0

    done = browser.post(f"/posts/{post.id}/edit", data={"body": "Removed by moderator.", "reason": "contact details"})
    assert done.status_code == 302
    note = db.session.scalar(select(Notification).where(Notification.user_id == author.id))
    assert note.kind == "moderation" and "contact details" in note.message
    assert db.session.scalar(select(PostRevision.editor_id)) == moderator.id


def test_members_cannot_edit_or_delete_other_members_posts(make, login):
    author = make.user("Author")
    other = make.user("Other")
    group = make.group(members=[author, other])
    topic = make.topic(group, author, body="Mine.")
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
    browser = login(other)
    assert browser.get(f"/posts/{post.id}/edit").status_code == 403
    assert browser.post(f"/posts/{post.id}/edit", data={"body": "Yours now."}).status_code == 403
    assert browser.post(f"/posts/{post.id}/delete").status_code == 403
    post = db.session.get(Post, post.id)
    assert post.body_source == "Mine." and post.deleted_at is None


def test_author_deletes_a_post_softly_and_the_thread_says_so(make, login):
    author = make.user("Author")
    reader = make.user("Reader")
    group = make.group(members=[author, reader])
    topic = make.topic(group, author, body="Opening post.")
    reply = make.reply(topic, author, body="A reply I regret.")
    browser = login(author)

    response = browser.post(f"/posts/{reply.id}/delete")
    assert response.status_code == 302
    stored = db.session.get(Post, reply.id)
    assert stored is not None and stored.deleted_at is not None and stored.deleted_by_id == author.id
    assert stored.body_source == "A reply I regret."  # kept for moderators and the log, never shown

    thread = main_text(login(reader).get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True))
    assert "This post was deleted." in thread
    assert "A reply I regret." not in thread
    assert "Opening post." in thread
    # Deleting twice, or editing a deleted post, is refused.
    again = browser.post(f"/posts/{reply.id}/delete", follow_redirects=True)
    assert again.status_code == 403
    assert browser.get(f"/posts/{reply.id}/edit").status_code == 403


def test_moderator_deletion_is_labelled_and_logged(make, login):
    from forum.audit import LogEntry

    author = make.user("Author")
    moderator = make.user("Moderator")
    group = make.group(members=[author], moderators=[moderator])
    topic = make.topic(group, author)
    reply = make.reply(topic, author, body="Off-topic advertising.")
    assert login(moderator).post(f"/posts/{reply.id}/delete").status_code == 302
    thread = main_text(login(author).get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True))
    assert "This post was deleted by a moderator." in thread
    entry = db.session.scalar(select(LogEntry).where(LogEntry.action == "post:delete"))
    assert entry.actor_id == moderator.id and entry.subject_user_id == author.id


def test_post_permalink_redirects_to_its_page_and_anchor(make, login):
    author = make.user("Author")
    group = make.group(members=[author])
    topic = make.topic(group, author, replies=22)
    last = db.session.scalar(select(Post).where(Post.topic_id == topic.id, Post.number == 23))
    response = login(author).get(f"/posts/{last.id}")
    assert response.status_code == 302
    assert response.location.endswith(f"/g/{group.slug}/t/{topic.id}?page=2#post-23")


def test_locked_topics_refuse_replies_from_members(make, login):
    author = make.user("Author")
    group = make.group(members=[author])
    topic = make.topic(group, author)
    db.session.get(Topic, topic.id).locked = True
    db.session.commit()
    browser = login(author)
    page = browser.get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True)
    assert "This topic is locked" in page and 'name="body"' not in page
    assert browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Late."}).status_code == 403
    assert _count(Post) == 1


def test_suspended_member_reads_but_cannot_post(make, login):
    from datetime import timedelta

    from forum.db_types import utcnow
    from forum.groups.models import Membership

    member = make.user("Member")
    suspended = make.user("Suspended")
    group = make.group(members=[member, suspended])
    topic = make.topic(group, member)
    membership = db.session.scalar(select(Membership).where(Membership.user_id == suspended.id))
    membership.status, membership.suspended_until = "suspended", utcnow() + timedelta(days=3)
    db.session.commit()
    browser = login(suspended)
    page = browser.get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True)
    assert "You are suspended in this group" in page
    assert browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Let me in."}).status_code == 403
    assert browser.post(f"/g/{group.slug}/new", data={"title": "T", "body": "B"}).status_code == 403
    assert _count(Post) == 1


def test_hidden_topics_are_not_reachable_through_post_links(make, login):
    author = make.user("Author")
    reader = make.user("Reader")
    moderator = make.user("Moderator")
    group = make.group(members=[author, reader], moderators=[moderator])
    topic = make.topic(group, author)
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
    db.session.get(Topic, topic.id).hidden = True
    db.session.commit()
    for path in (f"/g/{group.slug}/t/{topic.id}", f"/posts/{post.id}"):
        assert login(reader).get(path).status_code == 404, path
    assert login(moderator).get(f"/g/{group.slug}/t/{topic.id}").status_code == 200


def test_preview_renders_markdown_as_json(make, login):
    member = make.user("Member")
    make.group(members=[member])
    response = login(member).post("/posts/preview", data={"body": "*hi* <script>x</script>"})
    assert response.status_code == 200
    payload = response.get_json()
    assert payload["html"] == "<p><em>hi</em> &lt;script&gt;x&lt;/script&gt;</p>"
    assert payload["findings"] == []
