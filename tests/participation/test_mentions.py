"""@mentions, through HTTP: the autocomplete is scoped to the group's readers, mentions render as links to
profiles, and a mention of an unknown handle or of someone who cannot read the group is flagged and notifies
nobody."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.groups.models import MembershipStatus
from forum.policy import membership_for
from forum.markup import render_markdown
from forum.notifications.models import Notification
from forum.posts.models import Post

from ..test_sanitizer import HOSTILE, inspect


def _world(make):
    author = make.user("Dr. Author")
    colleague = make.user("Colleen Carter", specialty="Nephrology")
    namesake = make.user("Colin Outside")  # same first letters, another group
    banned = make.user("Cora Banned")
    group = make.group("Nephrology", members=[author, colleague, banned])
    make.group("Elsewhere", members=[namesake])
    membership = membership_for(banned, group)
    membership.status = MembershipStatus.BANNED
    db.session.commit()
    topic = make.topic(group, author, title="Hyperkalaemia", body="Patiromer or SZC?")
    return author, colleague, namesake, banned, group, topic


def _mentions(user_id):
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user_id,
                                                              Notification.kind == "mention")))


def test_autocomplete_offers_the_groups_readers_only(make, login):
    author, colleague, namesake, banned, group, _topic = _world(make)
    response = login(author).get(f"/g/{group.slug}/mentions?q=co")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Cache-Control"] == "private, no-store"
    members = response.get_json()["members"]
    assert [member["username"] for member in members] == [colleague.username]
    assert members[0] == {"username": colleague.username, "display_name": "Colleen Carter",
                          "profession": "Physician"}  # nothing private: no e-mail, organisation or licence
    assert namesake.email not in response.get_data(as_text=True) and colleague.email not in response.get_data(as_text=True)
    # Case does not matter, the handle and the second name both match, and the asker is not offered to themselves
    by_surname = login(author).get(f"/g/{group.slug}/mentions?q=CART").get_json()["members"]
    assert [member["username"] for member in by_surname] == [colleague.username]
    own = login(author).get(f"/g/{group.slug}/mentions?q=dr").get_json()["members"]
    assert own == []
    # A LIKE wildcard is a character like any other
    assert login(author).get(f"/g/{group.slug}/mentions?q=%25").get_json()["members"] == []


def test_autocomplete_is_closed_to_outsiders_and_to_suspended_members(make, login):
    author, colleague, namesake, _banned, group, _topic = _world(make)
    assert login(namesake).get(f"/g/{group.slug}/mentions?q=co").status_code == 404
    membership = membership_for(colleague, group)
    membership.status = MembershipStatus.SUSPENDED
    db.session.commit()
    assert login(colleague).get(f"/g/{group.slug}/mentions?q=dr").status_code == 403
    # A suspended member still reads the group, so others may still mention them
    assert [m["username"] for m in login(author).get(f"/g/{group.slug}/mentions?q=col").get_json()["members"]] \
        == [colleague.username]


def test_mention_in_any_case_links_to_the_profile_and_notifies(make, login):
    author, colleague, namesake, banned, group, topic = _world(make)
    browser = login(author)
    body = f"@{colleague.username.upper()} could you look? Also @{namesake.username}, @{banned.username} and @nobody.here."
    response = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": body})
    assert response.status_code == 302
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id, Post.number == 2))
    assert (f'<a class="mention" href="/u/{colleague.username}" rel="nofollow noopener noreferrer">'
            f'@{colleague.username.upper()}</a>') in post.body_html
    for handle in (namesake.username, banned.username, "nobody.here"):
        assert f"@{handle}" in post.body_html and f"/u/{handle}" not in post.body_html
    assert len(_mentions(colleague.id)) == 1
    assert _mentions(namesake.id) == [] and _mentions(banned.id) == []
    # Without the live preview, the author is told after posting, in one sentence for unknown and outsider alike
    page = browser.get(response.headers["Location"]).get_data(as_text=True)
    for handle in (namesake.username, banned.username, "nobody.here"):
        assert f"@{handle} cannot read this group and will not be notified." in page
    assert f"@{colleague.username.upper()} cannot read" not in page
    # The profile the link points at opens for a fellow member
    assert browser.get(f"/u/{colleague.username}").status_code == 200


def test_preview_flags_unknown_and_outsider_mentions(make, login):
    author, colleague, namesake, _banned, group, _topic = _world(make)
    browser = login(author)
    body = f"Thanks @{colleague.username} and @{namesake.username}, see also @ghost and `@{namesake.username}`."
    data = browser.post("/posts/preview", data={"body": body, "group": group.slug}).get_json()
    assert data["mentions"] == [
        {"handle": namesake.username, "message": f"@{namesake.username} cannot read this group and will not be notified."},
        {"handle": "ghost", "message": "@ghost cannot read this group and will not be notified."},
    ]
    assert f'<a class="mention" href="/u/{colleague.username}"' in data["html"]
    assert f"<code>@{namesake.username}</code>" in data["html"]
    # Without a group, or for a group the author cannot post in, the preview says nothing about anyone
    assert browser.post("/posts/preview", data={"body": body}).get_json()["mentions"] == []
    elsewhere = login(namesake).post("/posts/preview", data={"body": f"@{colleague.username}", "group": group.slug})
    assert elsewhere.get_json()["mentions"] == [] and "/u/" not in elsewhere.get_json()["html"]


def test_mention_added_in_an_edit_links_too(make, login):
    author, colleague, _namesake, _banned, group, topic = _world(make)
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
    response = login(author).post(f"/posts/{post.id}/edit", data={"body": f"Patiromer or SZC, @{colleague.username}?",
                                                                  "reason": ""})
    assert response.status_code == 302
    assert f'href="/u/{colleague.username}"' in db.session.get(Post, post.id).body_html


def test_composers_carry_the_autocomplete(make, login):
    author, _colleague, _namesake, _banned, group, topic = _world(make)
    browser = login(author)
    post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
    for path in (f"/g/{group.slug}/new", f"/g/{group.slug}/t/{topic.id}", f"/posts/{post.id}/edit"):
        page = browser.get(path).get_data(as_text=True)
        assert f'data-mention-url="/g/{group.slug}/mentions"' in page, path
        assert 'role="listbox"' in page and "js/mentions.js" in page, path


HANDLES = {"alice": "/u/alice", "bob.smith": "/u/bob.smith"}
AROUND_MENTIONS = {
    "mention_in_link_text": "[@alice](javascript:alert(1))",
    "mention_in_link_target": "[click](@alice)",
    "mention_then_script": "@alice<script>alert(1)</script>",
    "mention_in_raw_anchor": '<a href="javascript:x" class="mention">@alice</a>',
    "class_smuggled_on_link": '<a class="mention" href="https://x.example">x</a> @bob.smith',
    "mention_in_code": "`@alice` and\n\n    @alice indented",
    "mention_in_autolink": "<https://x.example/@alice>",
    "email_is_not_a_mention": "write to alice@alice.example",
    "mention_in_image_alt": "![@alice](https://x.example/a.png)",
    "mention_with_quotes": '@alice" onmouseover="alert(1)',
}


@pytest.mark.parametrize("source", list(HOSTILE.values()) + list(AROUND_MENTIONS.values()),
                         ids=list(HOSTILE) + list(AROUND_MENTIONS))
def test_hostile_input_stays_inert_with_mentions_on(source):
    html = render_markdown("@alice @Bob.Smith\n\n" + source, HANDLES)
    report = inspect(html.replace(' class="mention"', ""))  # the one attribute mentions add, checked below
    assert report.problems == []
    for link in re.findall(r'<a class="mention"([^>]*)>([^<]*)</a>', html):
        attributes, text = link
        assert re.fullmatch(r' href="/u/(alice|bob\.smith)" rel="nofollow noopener noreferrer"', attributes), link
        assert re.fullmatch(r"@[A-Za-z.]+", text), link
    assert html.count('class="mention"') >= 2  # the two mentions in front


def test_mentions_never_link_inside_code_or_links():
    html = render_markdown(AROUND_MENTIONS["mention_in_code"] + "\n\n[see @alice](https://x.example)", HANDLES)
    assert 'class="mention"' not in html and "<code>@alice</code>" in html
    assert "alice@alice.example" in render_markdown(AROUND_MENTIONS["email_is_not_a_mention"], HANDLES)
    assert 'class="mention"' not in render_markdown(AROUND_MENTIONS["email_is_not_a_mention"], HANDLES)
    smuggled = render_markdown(AROUND_MENTIONS["class_smuggled_on_link"].split(" @")[0], HANDLES)
    assert '<a class="mention"' not in smuggled and "&lt;a class=" in smuggled  # shown as text, not made a link
