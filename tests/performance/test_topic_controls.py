"""The topic page decides the viewer's controls once per page (policy.topic_page_actions); every role must
still see exactly the controls the per-post rules of the policy give them. The rendered post list is cached
(forum/posts/fragments.py): every role sees from a cache warmed by another role exactly what it would see
without the cache, every change is visible on the next request, and a redacted text leaves no cached copy."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from forum import policy
from forum.accounts.models import User
from forum.db_types import utcnow
from forum.extensions import db
from forum.participation import services as participation
from forum.posts import fragments
from forum.posts.models import HELD, Post, Topic


@pytest.fixture
def thread(make):
    author = make.user("Aaron Author")
    member = make.user("Mia Member")
    reader = make.user("Rupert Reader")
    colleague = make.user("Rhea Colleague")
    muter = make.user("Muriel Muter")
    suspended = make.user("Sam Suspended")
    moderator = make.user("Mona Moderator")
    admin = make.user("Ada Admin", admin=True)
    group = make.group("Nephrology", members=[author, member, reader, colleague, muter, suspended], moderators=[moderator])
    topic = make.topic(group, author, title="Dialysis timing", body="When do you start?")
    for body in ("Edited later", "Deleted later", "Held for review", "Hidden by a moderator"):
        make.reply(topic, author, body)
    for body in ("A reply from a member", "Another view"):
        make.reply(topic, member, body)
    posts = {post.body_source: post for post in db.session.scalars(select(Post).where(Post.topic_id == topic.id))}
    posts["Edited later"].edited_at, posts["Edited later"].edit_count = utcnow(), 1
    posts["Another view"].edited_at, posts["Another view"].edit_count = utcnow(), 1
    posts["Deleted later"].deleted_at, posts["Deleted later"].deleted_by_id = utcnow(), author.id
    posts["Held for review"].hidden, posts["Held for review"].hidden_reason = True, HELD
    posts["Hidden by a moderator"].hidden, posts["Hidden by a moderator"].hidden_reason = True, "moderator"
    db.session.commit()
    return dict(author=author, member=member, reader=reader, colleague=colleague, muter=muter, suspended=suspended, moderator=moderator,
                admin=admin, group=group, topic=topic)


def _controls(html: str, group_slug: str) -> dict[int, set[str]]:
    """Per post shown on the page, the controls it offers."""
    found = {}
    for match in re.finditer(r'<article class="post[^"]*" id="post-\d+" data-post-id="(\d+)">(.*?)</article>', html,
                             re.DOTALL):
        post_id, body = int(match.group(1)), match.group(2)
        markers = {
            "reply": 'data-quote="',
            "edit": f'href="/posts/{post_id}/edit"',
            "delete": f'action="/posts/{post_id}/delete"',
            "report": f'action="/posts/{post_id}/report"',
            "moderate": f'href="/g/{group_slug}/moderation/{post_id}"',
            "history": f'href="/posts/{post_id}/history"',
            "react": f'action="/posts/{post_id}/react"',
            "quote": f'href="/posts/{post_id}/quote"',
            "request_source": f'action="/posts/{post_id}/source-request"',
        }
        found[post_id] = {name for name, marker in markers.items() if marker in body}
    return found


def _expected(app, user: User, topic: Topic) -> dict[int, set[str]]:
    """The same controls from the per-post rules of the policy."""
    expected = {}
    with app.test_request_context():
        user = db.session.get(User, user.id)
        topic = db.session.get(Topic, topic.id)
        for post in db.session.scalars(select(Post).where(Post.topic_id == topic.id).order_by(Post.number)):
            if not policy.can_see_post(user, post):
                continue
            shown = not post.is_deleted and (not post.hidden or policy.can_see_hidden_post(user, post))
            if not shown:
                expected[post.id] = set()
                continue
            controls = set(policy.post_actions(user, post)) & {"edit", "delete", "report", "moderate", "quote",
                                                                "request_source"}
            if policy.can_reply(user, topic):
                controls.add("reply")
            if post.edited_at and (policy.can_moderate(user, topic.group) or post.author_id == user.id):
                controls.add("history")
            if participation.can_react(user, post):
                controls.add("react")
            expected[post.id] = controls
    return expected


@pytest.mark.parametrize("role", ["member", "author", "moderator", "admin", "muter", "suspended"])
@pytest.mark.parametrize("locked", [False, True], ids=["open", "locked"])
def test_every_role_sees_the_controls_the_policy_gives_it(app, thread, make, login, role, locked):
    group, topic = thread["group"], thread["topic"]
    if locked:
        db.session.get(Topic, topic.id).locked = True
        db.session.commit()
    if role == "suspended":
        membership = policy.membership_for(thread["suspended"], group)
        membership.status = "suspended"
        db.session.commit()
    browser = login(thread[role])
    if role == "muter":
        assert browser.post(f"/u/{thread['author'].username}/mute").status_code == 302
    html = browser.get(f"/g/{group.slug}/t/{topic.id}?page=1").get_data(as_text=True)
    if role == "muter":
        assert 'class="muted-post"' in html
    shown = _controls(html, group.slug)
    assert shown == _expected(app, thread[role], topic)
    held = next(post for post in db.session.scalars(select(Post).where(Post.topic_id == topic.id)) if post.is_held)
    assert (held.id in shown) == (role in ("author", "moderator", "admin"))


# --- the cached post list ----------------------------------------------------------------------------------

ROLES = ["member", "reader", "author", "moderator", "admin", "muter", "suspended"]


def _post_list(html: str) -> str:
    """The thread, each CSRF token cut to its first part: the session's own token, without the signature's time
    (so a leak of another reader's token still shows)."""
    thread = html[html.index('<div class="thread"'):html.rindex("</article>")]
    return re.sub(r'(name="csrf_token" value="[^".]+)\.[^"]+"', r'\1"', thread)


def _view(app, browser, path: str, *, cached: bool = True) -> str:
    """The page's post list as the browser's member sees it, with the cache or with it switched off."""
    saved = app.config["POST_LIST_CACHE"]
    app.config["POST_LIST_CACHE"] = saved if cached else "off"
    try:
        response = browser.get(path)
    finally:
        app.config["POST_LIST_CACHE"] = saved
    assert response.status_code == 200, path
    return _post_list(response.get_data(as_text=True))


def _empty_cache(app):
    with app.app_context():
        fragments.cache.clear()


def _cached_copies_holding(app, needle: str) -> int:
    """How many entries of the (in-process) post-list cache hold the text."""
    with app.app_context():
        store = fragments.cache.cache
        return sum(needle.encode() in value for _, value in list(store._cache.values()))


@pytest.fixture
def readers(thread, login):
    """Every role signed in, the muter muting the author, the suspended member suspended."""
    membership = policy.membership_for(thread["suspended"], thread["group"])
    membership.status = "suspended"
    db.session.commit()
    browsers = {role: login(thread[role]) for role in ROLES}
    assert browsers["muter"].post(f"/u/{thread['author'].username}/mute").status_code == 302
    return browsers


@pytest.fixture
def renders(monkeypatch):
    """How often the post list was rendered rather than served from the cache."""
    calls = []
    original = fragments._render

    def counting(context):
        calls.append(context["topic"].id)
        return original(context)

    monkeypatch.setattr(fragments, "_render", counting)
    return calls


def test_the_cache_is_on_in_tests_and_readers_with_the_same_permissions_share_an_entry(app, thread, readers, login,
                                                                                         renders):
    assert app.config["POST_LIST_CACHE"] != "off"
    path = f"/g/{thread['group'].slug}/t/{thread['topic'].id}?page=1"
    colleague = login(thread["colleague"])
    for browser in (readers["reader"], colleague):
        _view(app, browser, path)  # the read marks move on the first visit
    _empty_cache(app)
    renders.clear()
    first = _view(app, colleague, path)
    assert len(renders) == 1
    second = _view(app, readers["reader"], path)
    assert len(renders) == 1  # the second reader was served the first one's rendering
    assert second == _view(app, readers["reader"], path, cached=False)
    # Each reader's forms carry their own CSRF token, never the one of whoever filled the cache.
    tokens = [set(re.findall(r'name="csrf_token" value="([^"]+)"', html)) for html in (first, second)]
    assert len(tokens[0]) == len(tokens[1]) == 1 and tokens[0] != tokens[1]
    assert first.replace(tokens[0].pop(), "") == second.replace(tokens[1].pop(), "")
    renders.clear()
    _view(app, readers["moderator"], path)
    assert len(renders) == 1  # a moderator's controls differ: an entry of its own


@pytest.mark.parametrize("locked", [False, True], ids=["open", "locked"])
def test_every_role_sees_from_a_cache_warmed_by_another_role_what_it_would_see_without_it(app, thread, readers,
                                                                                          locked):
    topic = thread["topic"]
    if locked:
        db.session.get(Topic, topic.id).locked = True
        db.session.commit()
    path = f"/g/{thread['group'].slug}/t/{topic.id}?page=1"
    for browser in readers.values():
        _view(app, browser, path, cached=False)  # the read marks move on the first visit
    for role in ROLES:
        fresh = _view(app, readers[role], path, cached=False)
        for other in ROLES:
            if other == role:
                continue
            _empty_cache(app)
            _view(app, readers[other], path)
            assert _view(app, readers[role], path) == fresh, f"{role} after {other}"
        assert ('class="muted-post"' in fresh) == (role == "muter")
        html = readers[role].get(path).get_data(as_text=True)
        assert _controls(html, thread["group"].slug) == _expected(app, thread[role], topic)


def _posts(topic) -> dict[str, Post]:
    return {post.body_source: post for post in db.session.scalars(select(Post).where(Post.topic_id == topic.id))}


def _edit(thread, readers, posts):
    post = posts["Edited later"]
    response = readers["author"].post(f"/posts/{post.id}/edit", data={"body": "Edited once more: start at GFR 8."})
    assert response.status_code == 302
    return "Edited once more: start at GFR 8.", "Edited later"


def _react(thread, readers, posts):
    post = posts["A reply from a member"]
    assert readers["author"].post(f"/posts/{post.id}/react", data={"kind": "helpful"}).status_code == 302
    return "Aaron Author", None  # the reaction's tooltip names who reacted


def _hide(thread, readers, posts):
    post = posts["Another view"]
    response = readers["moderator"].post(f"/posts/{post.id}/moderate", data={"action": "hide", "reason": "Off topic."})
    assert response.status_code == 302
    return "Moderators hid this post while they review it.", "Another view"


def _delete(thread, readers, posts):
    post = posts["A reply from a member"]
    assert readers["member"].post(f"/posts/{post.id}/delete").status_code == 302
    return "This post was deleted", "A reply from a member"


def _lock(thread, readers, posts):
    topic = thread["topic"]
    response = readers["moderator"].post(f"/g/{thread['group'].slug}/t/{topic.id}/lock", data={"reason": "Done."})
    assert response.status_code == 302
    return None, 'data-quote="'  # nobody but moderators may reply (or quote) any more


def _language(thread, readers, posts):
    db.session.get(User, thread["reader"].id).locale = "de"
    db.session.commit()
    return "Melden", None


CHANGES = {"edit": _edit, "reaction": _react, "hide": _hide, "delete": _delete, "lock": _lock, "language": _language}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_is_visible_on_the_next_request_with_the_cache_warm(app, thread, readers, change):
    path = f"/g/{thread['group'].slug}/t/{thread['topic'].id}?page=1"
    for role in ("reader", "member", "moderator"):
        _view(app, readers[role], path)  # warm, and the read marks moved
    before = _view(app, readers["reader"], path)
    appears, disappears = CHANGES[change](thread, readers, _posts(thread["topic"]))
    after = _view(app, readers["reader"], path)
    assert after != before
    assert after == _view(app, readers["reader"], path, cached=False)
    if appears:
        assert appears in after
    if disappears:
        assert disappears not in after


MARKER = "Qxvorblatt"


def test_a_redacted_text_is_never_served_and_no_cached_copy_survives(app, thread, readers, make):
    group, topic = thread["group"], thread["topic"]
    post = make.reply(topic, thread["author"], f"Could someone call Mrs {MARKER} back about the discharge?")
    path = f"/g/{group.slug}/t/{topic.id}?page=1"
    for role in ROLES:
        assert MARKER in _view(app, readers[role], path) or role == "muter"
    assert _cached_copies_holding(app, MARKER) >= 1
    response = readers["member"].post(f"/posts/{post.id}/report",
                                      data={"reason": "patient_privacy", "details": "It names the patient."})
    assert response.status_code == 302
    assert MARKER in _view(app, readers["moderator"], path)  # hidden from members, the moderator still sees it
    response = readers["moderator"].post(f"/g/{group.slug}/moderation/{post.id}", data={
        "action": "redact", "reason": "It named the patient.",
        "body": "Could someone call the family back about the discharge?"})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert _cached_copies_holding(app, MARKER) == 0
    for role in ROLES:
        html = _view(app, readers[role], path)
        assert MARKER not in html
        assert html == _view(app, readers[role], path, cached=False)
    assert _cached_copies_holding(app, MARKER) == 0


def test_a_worker_drops_its_copies_of_an_older_text_the_next_time_it_shows_the_topic(app, thread, readers, make):
    """Another worker changed the text: its change cannot empty this worker's memory, but this worker's next
    rendering of the topic drops every entry of it that holds the older text, for every role."""
    group, topic = thread["group"], thread["topic"]
    post = make.reply(topic, thread["author"], f"Mrs {MARKER} rang about her results.")
    path = f"/g/{group.slug}/t/{topic.id}?page=1"
    for role in ROLES:
        _view(app, readers[role], path)
    assert _cached_copies_holding(app, MARKER) >= 2
    with app.app_context():
        # written outside the ORM session, as another worker's change arrives: no listener here sees it
        with db.engine.begin() as connection:
            connection.execute(Post.__table__.update().where(Post.__table__.c.id == post.id).values(
                body_html="<p>The family rang about the results.</p>", edited_at=utcnow()))
    assert _cached_copies_holding(app, MARKER) >= 2
    html = _view(app, readers["member"], path)
    assert MARKER not in html and "The family rang about the results." in html
    assert _cached_copies_holding(app, MARKER) == 0
