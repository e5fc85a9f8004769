"""The dashboard answers "what needs me": unread topics across my groups, mentions and replies first, with
the group and the unread count; mark all read per group and overall; a constant number of queries."""
from __future__ import annotations

from sqlalchemy import select

from forum.extensions import db
from forum.posts.models import Post

from ..core.support import count_queries, main_text


def _titles(html: str) -> list[str]:
    import re

    section = html[html.index('id="needs-me-title"'):]
    section = section[:section.index("</section>")]
    return re.findall(r'<a href="/g/[^"]+/t/\d+">([^<]+)</a>', section)


def test_unread_topics_across_groups_with_replies_to_me_first(make, login):
    me, colleague = make.user("Dr. Me"), make.user("Dr. Colleague")
    one = make.group("Nephrology", members=[me, colleague])
    two = make.group("Cardiology", members=[me, colleague])
    mine = make.topic(one, me, title="My question")
    browser = login(me)
    browser.get(f"/g/{one.slug}/t/{mine.id}")  # my own topic, read
    make.topic(two, colleague, title="Newer topic elsewhere")
    make.reply(mine, colleague, body="An answer to you")  # notifies me as the topic's author
    make.topic(two, colleague, title="Newest topic")

    html = browser.get("/").get_data(as_text=True)
    assert _titles(html)[0] == "My question"
    assert set(_titles(html)) == {"My question", "Newer topic elsewhere", "Newest topic"}
    assert "in Nephrology" in html and "in Cardiology" in html and "1 unread" in html


def test_hidden_posts_and_unreadable_groups_stay_out(make, login):
    me, colleague, stranger = make.user("Dr. Me"), make.user("Dr. Colleague"), make.user("Dr. Stranger")
    group = make.group("Nephrology", members=[me, colleague])
    secret = make.group("Secret", members=[stranger])
    make.topic(secret, stranger, title="Not for me")
    topic = make.topic(group, colleague, title="Hidden reply only")
    login(me).get(f"/g/{group.slug}/t/{topic.id}")
    hidden = make.reply(topic, colleague, body="Hidden")
    db.session.get(Post, hidden.id).hidden = True
    db.session.commit()
    html = login(me).get("/").get_data(as_text=True)
    assert _titles(html) == [] and "Nothing unread in your groups." in html


def test_mark_all_read_per_group_and_overall(make, login):
    me, colleague = make.user("Dr. Me"), make.user("Dr. Colleague")
    one = make.group("Nephrology", members=[me, colleague])
    two = make.group("Cardiology", members=[me, colleague])
    make.topic(one, colleague, title="First", replies=3)
    make.topic(two, colleague, title="Second")
    browser = login(me)
    browser.post(f"/g/{one.slug}/read-all")
    assert _titles(browser.get("/").get_data(as_text=True)) == ["Second"]
    assert "0 unread" not in browser.get(f"/g/{one.slug}").get_data(as_text=True)
    response = browser.post("/read-all", follow_redirects=True)
    assert "Everything is marked as read." in response.get_data(as_text=True)
    assert _titles(browser.get("/").get_data(as_text=True)) == []
    make.reply(db.session.scalar(select(Post).where(Post.number == 1)).topic, colleague, body="New")
    assert len(_titles(browser.get("/").get_data(as_text=True))) == 1


def test_dashboard_queries_do_not_grow_with_groups_topics_and_posts(make, login):
    me, colleague = make.user("Dr. Me"), make.user("Dr. Colleague")

    def measure() -> int:
        browser = login(me)
        browser.get("/")
        with count_queries() as statements:
            assert browser.get("/").status_code == 200
        return len(statements)

    group = make.group(members=[me, colleague])
    make.topic(group, colleague, title="Only topic")
    small = measure()
    for number in range(4):
        extra = make.group(members=[me, colleague])
        make.topic(extra, colleague, title=f"Topic {number}", replies=3)
    assert measure() == small
    assert main_text(login(me).get("/").get_data(as_text=True)).count("unread") >= 5
