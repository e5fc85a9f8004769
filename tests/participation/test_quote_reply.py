"""Quote reply, through HTTP: "Quote" on a post gives the reply form a markdown quote linking back to the post,
without JavaScript (?quote=) and for the page's script (JSON); nobody quotes what they cannot see."""
from __future__ import annotations

import html
import re

from sqlalchemy import select

from forum.extensions import db
from forum.groups.models import MembershipStatus
from forum.posts.models import HELD, Post
from forum.policy import membership_for


def _world(make):
    author = make.user("Dr. [Anna] *Author*")
    reader = make.user("Dr. Reader")
    outsider = make.user("Dr. Outsider")
    group = make.group("Cardiology", members=[author, reader])
    make.group("Elsewhere", members=[outsider])
    topic = make.topic(group, author, title="Apixaban dosing", body="Line one about dosing.\n\n- point a\n- point b")
    return author, reader, outsider, group, topic


def _post(topic, number=1) -> Post:
    return db.session.scalar(select(Post).where(Post.topic_id == topic.id, Post.number == number))


def _reply_box(page: str) -> str:
    match = re.search(r'<textarea[^>]*name="body"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, "no reply form"
    return html.unescape(match.group(1)).replace("\r\n", "\n").lstrip("\n")


def test_quote_link_without_javascript_prefills_the_reply_form(make, login):
    _author, reader, _outsider, group, topic = _world(make)
    post = _post(topic)
    browser = login(reader)
    page = browser.get(f"/g/{group.slug}/t/{topic.id}?page=1").get_data(as_text=True)
    assert f'href="/posts/{post.id}/quote"' in page and ">Quote</a>" in page

    response = browser.get(f"/posts/{post.id}/quote")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/g/{group.slug}/t/{topic.id}?page=1&quote={post.id}#reply")
    box = _reply_box(browser.get(response.headers["Location"]).get_data(as_text=True))
    assert box == (f"[Dr. \\[Anna\\] \\*Author\\* wrote](/posts/{post.id}):\n"
                   "> Line one about dosing.\n>\n> - point a\n> - point b\n\n")
    # Posted as it is, the quote renders as a block quote under a link back to the post
    browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": box + "Agreed."})
    rendered = _post(topic, 2).body_html
    assert f'<a href="/posts/{post.id}" rel="nofollow noopener noreferrer">Dr. [Anna] *Author* wrote</a>' in rendered
    assert "<blockquote>" in rendered and "point b" in rendered


def test_quote_answers_json_for_the_pages_script(make, login):
    _author, reader, _outsider, _group, topic = _world(make)
    post = _post(topic)
    response = login(reader).get(f"/posts/{post.id}/quote", headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "private, no-store"
    data = response.get_json()
    assert data["heading"] == f"[Dr. \\[Anna\\] \\*Author\\* wrote](/posts/{post.id}):"
    assert data["markdown"].startswith(data["heading"] + "\n> Line one about dosing.\n")


def test_nobody_quotes_what_they_cannot_see(make, login):
    author, reader, outsider, group, topic = _world(make)
    post = _post(topic)
    assert login(outsider).get(f"/posts/{post.id}/quote").status_code == 404
    # A post held for review: not there for other members, so not quotable either
    held = make.reply(topic, author, body="Held words.")
    held.hidden, held.hidden_reason = True, HELD
    # A post moderators hid: a placeholder for others, and no quote of it
    hidden = make.reply(topic, author, body="Hidden words.")
    hidden.hidden, hidden.hidden_reason = True, "moderator"
    db.session.commit()
    browser = login(reader)
    assert browser.get(f"/posts/{held.id}/quote").status_code == 404
    assert browser.get(f"/posts/{hidden.id}/quote").status_code == 403
    for post_id in (held.id, hidden.id):
        page = browser.get(f"/g/{group.slug}/t/{topic.id}?page=1&quote={post_id}").get_data(as_text=True)
        assert "Held words." not in _reply_box(page) and "Hidden words." not in _reply_box(page)
        assert f'href="/posts/{post_id}/quote"' not in page
    # A post of another topic is not quoted into this one
    other = make.topic(group, author, title="Other", body="Other words.")
    page = browser.get(f"/g/{group.slug}/t/{topic.id}?page=1&quote={_post(other).id}").get_data(as_text=True)
    assert _reply_box(page) == ""
    # The author still quotes their own hidden post (they see it in full)
    assert login(author).get(f"/posts/{hidden.id}/quote", headers={"Accept": "application/json"}).status_code == 200


def test_a_member_suspended_in_the_group_gets_no_quote_button(make, login):
    _author, reader, _outsider, group, topic = _world(make)
    membership_for(reader, group).status = MembershipStatus.SUSPENDED
    db.session.commit()
    browser = login(reader)
    page = browser.get(f"/g/{group.slug}/t/{topic.id}?page=1").get_data(as_text=True)
    assert 'class="quiet post-quote"' not in page and f"/posts/{_post(topic).id}/quote" not in page
    assert browser.get(f"/posts/{_post(topic).id}/quote").status_code == 403
