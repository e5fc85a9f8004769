"""Finding 12 (first part): no page where an e-mail address is typed tells whether it has an account. Each
test types the same address twice through HTTP -- once while nobody has it, once after an account took it --
and the two answers must be the same bytes (a CSRF token aside), with the same order of timing. Only the
mail that follows differs, and it goes to the address's owner."""
from __future__ import annotations

import re
import statistics
import time

from sqlalchemy import func, select

from forum.accounts.models import User
from forum.extensions import db
from forum.groups.models import Membership
from forum.invitations.models import Invitation
from forum.invitations.services import create_invitation
from tests.core.support import mails_to, post_and_close, registration

from tests.conftest import signed_in_client

ADDRESS = "dr.twice@clinic.example"
_CSRF = re.compile(r'(name="csrf_token"[^>]*value=")[^"]*(")|(<meta name="csrf-token" content=")[^"]*(")')


def _comparable(response) -> tuple:
    """Status, headers, cookie names and body; without what differs on every request (date, request id) and
    the CSRF token."""
    body = _CSRF.sub(lambda m: "".join(part or "" for part in m.groups()), response.get_data(as_text=True))
    headers = sorted((name, value) for name, value in response.headers.items() if name not in ("Date", "Set-Cookie", "X-Request-ID"))
    cookies = sorted(value.split("=", 1)[0] for name, value in response.headers.items() if name == "Set-Cookie")
    return response.status_code, headers, cookies, body


def _timed(client, path, data) -> tuple:
    started = time.perf_counter()
    response = post_and_close(client, path, data)
    return response, time.perf_counter() - started


def _same_order_of_magnitude(first: list[float], second: list[float]) -> None:
    a, b = statistics.median(first), statistics.median(second)
    assert max(a, b) / min(a, b) < 10, (first, second)


def _answers_before_and_after_an_account_exists(app, make, path_for, data, rounds=3):
    """Posts `data` `rounds` times while the address is free, then as often once an account has it."""
    free, taken = [], []
    free_times, taken_times = [], []
    for _ in range(rounds):
        response, seconds = _timed(app.test_client(), path_for(), data)
        free.append(_comparable(response))
        free_times.append(seconds)
    make.user("Dr. Already Here", email=ADDRESS)
    for _ in range(rounds):
        response, seconds = _timed(app.test_client(), path_for(), data)
        taken.append(_comparable(response))
        taken_times.append(seconds)
    return free, taken, free_times, taken_times


def test_an_unbound_invitation_answers_alike_whether_or_not_the_address_has_an_account(app, make):
    group = make.group("Ward Round")
    _, token = create_invitation(None, group)
    db.session.commit()
    free, taken, free_times, taken_times = _answers_before_and_after_an_account_exists(
        app, make, lambda: f"/invite/{token}", registration(ADDRESS))

    assert free[0][0] == 200 and "Check your e-mail" in free[0][3]
    assert all(answer == free[0] for answer in free + taken)
    _same_order_of_magnitude(free_times, taken_times)

    # Nothing was created, the invitation is unused, and the two kinds of mail went to the one address.
    assert db.session.scalar(select(func.count(User.id)).where(User.email == ADDRESS)) == 1
    assert db.session.scalar(select(Invitation.accepted_at)) is None
    owner = db.session.scalar(select(User).where(User.email == ADDRESS))
    assert db.session.scalar(select(Membership).where(Membership.user_id == owner.id)) is None
    mails = mails_to(app.test_client(), ADDRESS)
    assert len(mails) == 6
    assert all("/register/confirm/" in mail.get_content() for mail in mails[:3])
    assert all("You already have an account" in mail.get_content() and f"/invite/{token}" in mail.get_content()
               for mail in mails[3:])


def test_an_invitation_bound_to_the_address_answers_alike(app, make):
    group = make.group("Ward Round")
    _, token = create_invitation(None, group, ADDRESS)
    db.session.commit()
    free, taken, free_times, taken_times = _answers_before_and_after_an_account_exists(
        app, make, lambda: f"/invite/{token}", registration(ADDRESS))
    assert free[0][0] == 200 and "Check your e-mail" in free[0][3]
    assert all(answer == free[0] for answer in free + taken)
    _same_order_of_magnitude(free_times, taken_times)
    assert db.session.scalar(select(Invitation.accepted_at)) is None


def test_a_registration_refused_for_its_form_is_refused_alike(app, make):
    """A mistake in the form comes back the same way for a free and a taken address (no "already exists")."""
    group = make.group("Ward Round")
    _, token = create_invitation(None, group)
    db.session.commit()
    data = registration(ADDRESS, password_confirm="not-the-same-password-71")
    free, taken, _, _ = _answers_before_and_after_an_account_exists(app, make, lambda: f"/invite/{token}", data,
                                                                    rounds=1)
    assert free[0][0] == 422 and "The passwords differ." in free[0][3]
    assert taken == free


def test_a_password_reset_answers_alike(app, make):
    free, taken, free_times, taken_times = _answers_before_and_after_an_account_exists(
        app, make, lambda: "/auth/reset", {"email": ADDRESS})
    assert free[0][0] == 200 and "Check your e-mail" in free[0][3]
    assert all(answer == free[0] for answer in free + taken)
    _same_order_of_magnitude(free_times, taken_times)
    assert len(mails_to(app.test_client(), ADDRESS)) == 3  # only the owner of the account gets a link


def test_inviting_an_address_answers_alike(app, make):
    """The invitation form says nothing about whether the colleague already has an account."""
    moderator = make.user("Mo Moderator")
    group = make.group("Ward Round", moderators=[moderator])
    client = signed_in_client(app, moderator)
    link = re.compile(r"/invite/[A-Za-z0-9_-]+")

    def invite():
        response = client.post(f"/g/{group.slug}/invites", data={"email": ADDRESS, "language": "en"})
        status, headers, cookies, body = _comparable(response)
        return status, cookies, link.sub("/invite/LINK", body)

    free = invite()
    make.user("Dr. Already Here", email=ADDRESS)
    taken = invite()
    assert free[0] == 200 and "/invite/LINK" in free[2]
    # The list of invitations grows by one row; everything above it is the same.
    assert taken[2].split("<tbody>")[0] == free[2].split("<tbody>")[0]
    assert taken[:2] == free[:2]
