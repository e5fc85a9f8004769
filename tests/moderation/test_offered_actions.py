"""The queue, the case page and the post tools offer exactly the decisions the policy lists for the
viewer (forum.policy.actions_for), for every role that sees them: the pages render what the policy
answers and decide nothing themselves. Built on the persona world: `member` wrote the topic's first
post, the moderator its reply."""
from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import func, select

from forum import policy
from forum.extensions import db
from forum.moderation.models import ModerationCase

from .conftest import report, text

# What a moderator who is not the author may decide on a reported post that is visible, whose author exists.
ON_A_VISIBLE_POST = {"dismiss", "redact", "hide", "delete", "edit", "warn", "suspend", "ban", "escalate"}
SANCTIONS = {"warn", "suspend", "ban"}
STAFF = ("moderator", "owner", "admin")
_BUTTON = re.compile(r'<button type="submit" name="action" value="([a-z]+)"')
_LINKS = {"redact": re.compile(r'#redact">'), "edit": re.compile(r'/posts/\d+/edit">')}


def _offered_in(card: str) -> set[str]:
    offered = set(_BUTTON.findall(card))
    offered |= {name for name, pattern in _LINKS.items() if pattern.search(card)}
    return offered


def _case_card(page: str, case: ModerationCase) -> str:
    match = re.search(rf'<article class="card case[^"]*" id="case-{case.id}".*?</article>', page, re.DOTALL)
    assert match, f"case {case.id} is not in the queue"
    return match.group(0)


def _open_case(post) -> ModerationCase:
    case = db.session.scalar(select(ModerationCase).where(ModerationCase.post_id == post.id,
                                                          ModerationCase.state == "open"))
    assert case is not None
    return case


def _select_options(page: str) -> set[str]:
    select_html = re.search(r'<select[^>]*name="action".*?</select>', page, re.DOTALL)
    assert select_html, "the case page has no decision form"
    return set(re.findall(r'<option[^>]*value="([a-z]+)"', select_html.group(0)))


@pytest.fixture
def reported(personas, login):
    """member's post, reported by a fellow member of group A."""
    assert report(login(personas.muted_member), personas.post, reason="off_topic").status_code == 302
    return _open_case(personas.post)


@pytest.mark.parametrize("role", STAFF)
def test_the_queue_offers_what_the_policy_lists_for_each_role(personas, login, reported, role):
    page = text(login(personas.users[role]).get(f"/g/{personas.group_a.slug}/moderation"))
    offered = _offered_in(_case_card(page, reported))
    case = db.session.get(ModerationCase, reported.id)
    assert offered == set(policy.actions_for(personas.users[role], case))
    assert offered == ON_A_VISIBLE_POST


@pytest.mark.parametrize("role", STAFF)
def test_the_case_page_offers_what_the_policy_lists_for_each_role(personas, login, reported, role):
    page = text(login(personas.users[role]).get(f"/g/{personas.group_a.slug}/moderation/{personas.post.id}"))
    case = db.session.get(ModerationCase, reported.id)
    allowed = set(policy.actions_for(personas.users[role], case))
    assert _select_options(page) == allowed - {"edit"}  # editing is a link beside the form
    assert "release" not in allowed  # the post is not held


def test_members_see_no_queue_and_the_policy_offers_them_nothing(personas, login, reported):
    for persona in ("member", "muted_member", "suspended_member"):
        response = login(personas.users[persona]).get(f"/g/{personas.group_a.slug}/moderation")
        assert response.status_code == 403
        assert policy.actions_for(personas.users[persona], db.session.get(ModerationCase, reported.id)) == frozenset()


def test_a_moderator_is_offered_nothing_on_a_case_about_their_own_post(personas, login):
    assert report(login(personas.member), personas.reply, reason="off_topic").status_code == 302
    case = _open_case(personas.reply)
    own = text(login(personas.moderator).get(f"/g/{personas.group_a.slug}/moderation"))
    card = _case_card(own, case)
    assert _offered_in(card) == set() == set(policy.actions_for(personas.moderator, db.session.get(ModerationCase, case.id)))
    assert "another moderator decides it" in card
    others = _offered_in(_case_card(text(login(personas.owner).get(f"/g/{personas.group_a.slug}/moderation")), case))
    # The owner decides it, on the post: a moderator is demoted before being sanctioned (which the service
    # refused all along; the page used to offer it anyway).
    assert others == ON_A_VISIBLE_POST - SANCTIONS


def test_an_escalated_hidden_case_offers_restore_and_no_second_escalation(personas, login, reported):
    moderator = login(personas.moderator)
    slug, post = personas.group_a.slug, personas.post
    assert moderator.post(f"/g/{slug}/moderation/{post.id}",
                          data={"action": "escalate", "reason": "An admin should decide this one."}).status_code == 302
    for role in STAFF:
        page = text(login(personas.users[role]).get(f"/g/{slug}/moderation"))
        case = db.session.get(ModerationCase, reported.id)
        offered = _offered_in(_case_card(page, case))
        assert offered == set(policy.actions_for(personas.users[role], case))
        assert "escalate" not in offered and "dismiss" in offered


def test_the_post_tools_offer_hide_then_restore_as_the_policy_says(personas, login):
    """Without an open case, the case page offers the moderator's tools: hide a visible post, restore a hidden one."""
    moderator = login(personas.moderator)
    url = f"/g/{personas.group_a.slug}/moderation/{personas.post.id}"
    tools = set(_BUTTON.findall(text(moderator.get(url))))
    assert tools == {"hide"} == set(policy.actions_for(personas.moderator, personas.post)) & {"hide", "restore"}
    assert moderator.post(f"/posts/{personas.post.id}/moderate",
                          data={"action": "hide", "reason": "Off topic for this group."}).status_code == 302
    tools = set(_BUTTON.findall(text(moderator.get(url))))
    post = db.session.get(type(personas.post), personas.post.id)
    assert tools == {"restore"} == set(policy.actions_for(personas.moderator, post)) & {"hide", "restore"}



def _refused(browser, slug, post, action: str, message: str) -> None:
    """The moderation service refuses the sanction with the reason, and nothing is recorded."""
    from forum.audit import LogEntry

    before = db.session.scalar(select(func.count(LogEntry.id)))
    data = {"action": action, "reason": "Breaks guideline 3.", **({"days": "7"} if action == "suspend" else {})}
    response = browser.post(f"/g/{slug}/moderation/{post.id}", data=data)
    assert response.status_code == 422, action
    assert message in html.unescape(text(response))
    assert db.session.scalar(select(func.count(LogEntry.id))) == before
    assert _open_case(post) is not None


def test_no_sanction_is_offered_or_accepted_against_an_admin(personas, make, login):
    make.member(personas.group_a, personas.admin)
    post = make.reply(personas.topic, personas.admin, "An admin's aside.")
    assert report(login(personas.colleague), post, reason="off_topic").status_code == 302
    case = _open_case(post)
    moderator = login(personas.moderator)
    offered = _offered_in(_case_card(text(moderator.get(f"/g/{personas.group_a.slug}/moderation")), case))
    assert offered == set(policy.actions_for(personas.moderator, db.session.get(ModerationCase, case.id)))
    assert offered == ON_A_VISIBLE_POST - SANCTIONS
    for action in sorted(SANCTIONS):
        _refused(moderator, personas.group_a.slug, post, action, "is an administrator of the forum")


def test_no_sanction_is_offered_or_accepted_against_a_fellow_moderator(personas, login):
    """The moderator's reply, reported: the second moderator may act on the post, not sanction its author
    (the owner or an admin demotes them first) -- not even a warning, which the service used to accept."""
    assert report(login(personas.colleague), personas.reply, reason="off_topic").status_code == 302
    case = _open_case(personas.reply)
    for role in ("second_moderator", "owner", "admin"):
        page = text(login(personas.users[role]).get(f"/g/{personas.group_a.slug}/moderation"))
        offered = _offered_in(_case_card(page, case))
        assert offered == set(policy.actions_for(personas.users[role], db.session.get(ModerationCase, case.id)))
        assert offered == ON_A_VISIBLE_POST - SANCTIONS, role
    second = login(personas.second_moderator)
    for action in sorted(SANCTIONS):
        _refused(second, personas.group_a.slug, personas.reply, action, "must demote them before they can be warned")


def test_no_sanction_is_offered_or_accepted_against_a_member_already_banned(personas, make, login):
    post = make.reply(personas.topic, personas.author, "Off topic, again.")
    assert report(login(personas.colleague), post, reason="off_topic").status_code == 302
    moderator = login(personas.moderator)
    slug = personas.group_a.slug
    assert moderator.post(f"/g/{slug}/members/{personas.author.id}/status",
                          data={"action": "ban", "reason": "Repeated off-topic posts.", "days": ""}).status_code == 302
    assert personas.membership("author").status == "banned"
    case = _open_case(post)
    offered = _offered_in(_case_card(text(moderator.get(f"/g/{slug}/moderation")), case))
    assert offered == set(policy.actions_for(personas.moderator, db.session.get(ModerationCase, case.id)))
    assert offered == ON_A_VISIBLE_POST - SANCTIONS
    for action in sorted(SANCTIONS):
        _refused(moderator, slug, post, action, "is already banned from")
    # The members list agrees: a banned member may be reinstated or removed, not sanctioned again.
    banned = personas.membership("banned_member")
    assert policy.actions_for(personas.moderator, banned) & SANCTIONS == frozenset()
    assert {"reinstate", "remove"} <= policy.actions_for(personas.moderator, banned)
