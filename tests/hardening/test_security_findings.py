"""One regression test per finding of the outside security test (issue "Release blockers from an outside
security test"), each through HTTP as the tester went. The URL-parameter findings are walked over the
whole URL map in test_url_parameters.py; the markdown timing findings are fuzzed in test_preview_fuzz.py."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from datetime import timedelta
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from sqlalchemy import select

from forum.accounts.models import SecurityEvent, UserSession
from forum.audit import LogEntry
from forum.db_types import utcnow
from forum.extensions import db
from forum.groups.models import Membership, MembershipStatus
from forum.invitations.models import Invitation
from forum.invitations.services import create_invitation
from forum.markup import MAX_LINKS, render_markdown
from forum.posts.models import Post
from tests.core.support import registration

from .. import factories
from tests.conftest import sign_in, signed_in_client

ROOT = Path(__file__).resolve().parents[2]


def outbox(tmp_path) -> list:
    folder = tmp_path / "outbox"
    return [message_from_bytes(path.read_bytes(), policy=policy.default) for path in sorted(folder.glob("*.eml"))]


# --- 1. HIGH: a line of blanks stalled a worker --------------------------------------------------------

def test_a_line_of_blanks_is_posted_at_once(app, make):
    member = make.user("Bea Blank")
    group = make.group(members=[member])
    client = signed_in_client(app, member)
    for body in (" " * 48 + "x", " " * 26 + "x" + " " * 40 + "-", "\t" * 60 + "- x"):
        started = time.perf_counter()
        response = client.post(f"/g/{group.slug}/new", data={"title": "Blanks", "body": body})
        assert time.perf_counter() - started < 2  # a whole post, on a loaded machine; the bug took 8-30 s
        assert response.status_code in (302, 422)


# --- 2. MEDIUM: quadratic link detection ----------------------------------------------------------------

def test_hyphenated_digits_render_at_once_and_links_still_work(app, make):
    member = make.user("Lin Link")
    group = make.group(members=[member])
    client = signed_in_client(app, member)
    body = "-".join(str(i % 10) for i in range(25_000))[:49_000]
    started = time.perf_counter()
    response = client.post("/posts/preview", data={"body": body + " see example.org."})
    assert time.perf_counter() - started < 2  # 11-17 s before
    assert '<a href="http://example.org" rel="nofollow noopener noreferrer">example.org</a>.' in response.get_json()["html"]
    posted = client.post(f"/g/{group.slug}/new", data={"title": "Digits", "body": body})
    assert posted.status_code == 302


def test_link_detection_stops_after_a_bounded_number_of_links():
    html = render_markdown(" ".join(f"host{i}.example.org" for i in range(MAX_LINKS + 50)))
    assert html.count("<a ") == MAX_LINKS
    assert f"host{MAX_LINKS + 49}.example.org" in html  # the rest stays as text


# --- 3. MEDIUM: removal did not keep a member out -------------------------------------------------------

@pytest.fixture
def ward(make):
    moderator = make.user("Mo Mod")
    member = make.user("Rex Removed")
    group = make.group(members=[member], moderators=[moderator], invite_policy="members")
    return group, moderator, member


def _invite_link(client, slug) -> str:
    page = client.post(f"/g/{slug}/invites", data={}).get_data(as_text=True)
    import re

    return re.search(r'id="new-link"[^>]*value="[^"]*(/invite/[A-Za-z0-9_-]+)"', page).group(1)


def test_invitations_of_a_removed_member_are_void_even_for_themselves(app, ward):
    group, moderator, member = ward
    member_client = signed_in_client(app, member)
    link = _invite_link(member_client, group.slug)
    assert app.test_client().get(link).status_code == 200  # usable while the inviter is a member

    mod_client = signed_in_client(app, moderator)
    assert mod_client.post(f"/g/{group.slug}/members/{member.id}/remove",
                           data={"reason": "Left the team"}).status_code == 302
    assert db.session.scalar(select(Membership).where(Membership.user_id == member.id)) is None

    assert app.test_client().get(link).status_code == 404
    assert member_client.get(link).status_code == 404
    assert member_client.post(link, data={}).status_code == 404
    assert db.session.scalar(select(Membership).where(Membership.user_id == member.id)) is None
    assert db.session.scalar(select(Invitation.accepted_at)) is None


@pytest.mark.parametrize("action", ["ban", "suspend"])
def test_invitations_of_a_banned_or_suspended_member_are_void(app, ward, action):
    group, moderator, member = ward
    link = _invite_link(signed_in_client(app, member), group.slug)
    data = {"action": action, "reason": "Repeated breaches", "days": "7" if action == "suspend" else ""}
    assert signed_in_client(app, moderator).post(f"/g/{group.slug}/members/{member.id}/status", data=data).status_code == 302
    assert app.test_client().get(link).status_code == 404


def test_no_invitation_readmits_a_banned_member(app, ward):
    group, moderator, member = ward
    mod_client = signed_in_client(app, moderator)
    assert mod_client.post(f"/g/{group.slug}/members/{member.id}/status",
                           data={"action": "ban", "reason": "Harassment", "days": ""}).status_code == 302
    link = _invite_link(mod_client, group.slug)  # a moderator's invitation, in force
    banned_client = signed_in_client(app, member)
    assert banned_client.get(link).status_code == 404
    assert banned_client.post(link, data={}).status_code == 404
    membership = db.session.scalar(select(Membership).where(Membership.user_id == member.id))
    assert membership.status == MembershipStatus.BANNED
    assert db.session.scalar(select(Invitation.accepted_at)) is None


# --- 6. LOW: a reused submission id led to another member's post -----------------------------------------

def test_a_submission_id_belongs_to_its_author(app, make):
    first, second = make.user("Ann First"), make.user("Ben Second")
    group = make.group(members=[first, second])
    topic = make.topic(group, first)
    shared_id = "same-id-typed-by-both"
    one = signed_in_client(app, first).post(f"/g/{group.slug}/t/{topic.id}/reply",
                                   data={"body": "Ann's reply", "submission_id": shared_id})
    two = signed_in_client(app, second).post(f"/g/{group.slug}/t/{topic.id}/reply",
                                    data={"body": "Ben's reply", "submission_id": shared_id})
    assert one.status_code == two.status_code == 302
    bens = db.session.scalar(select(Post).where(Post.author_id == second.id, Post.body_source == "Ben's reply"))
    assert bens is not None and f"#post-{bens.id}" in two.headers["Location"] or str(bens.number) in two.headers[
        "Location"]
    # Ben's retry of the same form is still one post.
    again = signed_in_client(app, second).post(f"/g/{group.slug}/t/{topic.id}/reply",
                                      data={"body": "Ben's reply", "submission_id": shared_id})
    assert again.status_code == 302
    assert db.session.query(Post).filter_by(author_id=second.id).count() == 1


# --- 7. LOW: anyone could lock anyone out ----------------------------------------------------------------

def _sign_in_attempt(client, email, password, address):
    return client.post("/auth/login", data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def test_failures_from_one_address_do_not_lock_the_owner_elsewhere(app, make, tmp_path):
    owner = make.user("Olive Owner", email="olive@clinic.example")
    attacker = app.test_client()
    for _ in range(6):
        last = _sign_in_attempt(attacker, owner.email, "guess-guess-guess", "198.51.100.7")
        last.close()  # the notice goes out once the answer is sent
    assert last.status_code == 429  # the attacker's (account, address) pair is paused
    at_work = _sign_in_attempt(app.test_client(), owner.email, factories.PASSWORD, "192.0.2.50")
    assert at_work.status_code == 302
    notices = [m for m in outbox(tmp_path) if m["To"] == owner.email and "Failed sign-ins" in m["Subject"]]
    assert len(notices) == 1  # told once, not once per failure
    assert "not affected" in notices[0].get_content()


def test_a_known_browser_signs_in_through_an_account_wide_lock(app, make):
    app.config.update(LOGIN_ACCOUNT_FAILURES=5)
    owner = make.user("Kai Known", email="kai@clinic.example")
    own_browser = app.test_client()
    assert _sign_in_attempt(own_browser, owner.email, factories.PASSWORD, "192.0.2.60").status_code == 302
    own_browser.post("/auth/logout")
    for number in range(5):  # spread over five addresses: the account-wide lock starts
        _sign_in_attempt(app.test_client(), owner.email, "wrong-wrong-wrong", f"203.0.113.{number + 1}")
    stranger = _sign_in_attempt(app.test_client(), owner.email, factories.PASSWORD, "192.0.2.61")
    assert stranger.status_code == 429
    assert _sign_in_attempt(own_browser, owner.email, factories.PASSWORD, "192.0.2.62").status_code == 302


def test_a_busy_hospital_address_does_not_keep_known_browsers_out(app, make):
    app.config.update(LOGIN_ADDRESS_FAILURES=10)
    nurse = make.user("Nia Nurse", email="nia@clinic.example")
    browser = app.test_client()
    assert _sign_in_attempt(browser, nurse.email, factories.PASSWORD, "192.0.2.80").status_code == 302
    browser.post("/auth/logout")
    for number in range(10):
        _sign_in_attempt(app.test_client(), f"typo{number}@clinic.example", "wrong-wrong-wrong", "192.0.2.80")
    assert _sign_in_attempt(app.test_client(), nurse.email, factories.PASSWORD, "192.0.2.80").status_code == 429
    assert _sign_in_attempt(browser, nurse.email, factories.PASSWORD, "192.0.2.80").status_code == 302


# --- 8. LOW: rate limits counted per worker --------------------------------------------------------------

WORKER = """
import json, sys
from config import TestingConfig
from forum import create_app
from forum.extensions import db
app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": sys.argv[1], "RATELIMIT_ENABLED": True,
                                 "RATELIMIT_STORAGE_URI": sys.argv[2], "WTF_CSRF_ENABLED": False,
                                 "RATELIMIT_LOGIN_PER_ADDRESS": "6 per minute", "MAIL_OUTBOX_DIR": sys.argv[3]})
if sys.argv[5] == "0":
    with app.app_context():
        db.create_all()
client = app.test_client()
codes = [client.post("/auth/login", data={"email": f"w{sys.argv[4]}-{n}@x.example", "password": "not it"}).status_code
         for n in range(int(sys.argv[5]))]
print(json.dumps(codes))
"""


def _workers(tmp_path, count_each: list[int]) -> list[list[int]]:
    env = {key: value for key, value in os.environ.items() if key not in ("TEST_DATABASE_URL", "FORUM_ENV")}
    storage = f"konsil+sqlite:///{tmp_path / 'ratelimits.sqlite3'}"
    database = f"sqlite:///{tmp_path / 'workers.sqlite3'}"
    processes = [subprocess.Popen([sys.executable, "-c", WORKER, database, storage, str(tmp_path / "mail"), str(n),
                                   str(count)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
                 for n, count in enumerate(count_each)]
    results = []
    for process in processes:
        out, _ = process.communicate(timeout=120)
        assert process.returncode == 0
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def test_the_embedded_rate_limit_store_is_shared_by_workers_and_survives_restarts(tmp_path):
    assert _workers(tmp_path, [0]) == [[]]  # creates the database before the workers start
    first, second = _workers(tmp_path, [5, 5])  # two worker processes at once
    allowed = [code for code in first + second if code == 200]
    assert len(allowed) == 6 and (first + second).count(429) == 4
    (restarted,) = _workers(tmp_path, [2])  # a restarted worker still knows the count
    assert restarted == [429, 429]


def test_production_refuses_to_start_with_per_worker_rate_limits(tmp_path):
    env = {key: value for key, value in os.environ.items()
           if key not in ("TEST_DATABASE_URL", "DATABASE_URL", "RATELIMIT_STORAGE_URI")}
    env.update(FORUM_ENV="production", SECRET_KEY="s" * 64, FORUM_INSTANCE_DIR=str(tmp_path))
    for storage in (None, "memory://"):
        if storage:
            env["RATELIMIT_STORAGE_URI"] = storage
        result = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT, capture_output=True, text=True,
                                env=env, timeout=120)
        assert result.returncode != 0
        assert "RATELIMIT_STORAGE_URI must name a rate-limit store that every worker shares" in result.stderr
        assert "redis://" in result.stderr


# --- 9. LOW: 500s on crafted input ----------------------------------------------------------------------

def test_a_next_address_with_line_breaks_goes_home(app, make):
    member = make.user("Nora Next")
    response = app.test_client().post("/auth/login?next=/notifications%0D%0ASet-Cookie:%20x=1",
                                      data={"email": member.email, "password": factories.PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/" and "Set-Cookie: x" not in str(response.headers)


@pytest.mark.parametrize("name", ["Dr. Evil\r\nBcc: all@example.org", "Tab\there", "Bell\x07", "Rtl\u202eevil"])
def test_names_refuse_control_characters(app, make, name):
    member = make.user("Clean Name")
    client = signed_in_client(app, member)
    settings = client.post("/settings", data={"display_name": name, "specialty": "", "locale": "en"})
    assert settings.status_code == 422 and "control characters" in settings.get_data(as_text=True)
    group = make.group()
    invitation, token = create_invitation(None, group)
    db.session.commit()
    page = app.test_client().post(f"/invite/{token}", data=registration("fresh@clinic.example", display_name=name))
    assert page.status_code == 422 and "control characters" in page.get_data(as_text=True)
    assert db.session.get(Invitation, invitation.id).accepted_at is None


def test_an_invitation_by_email_from_an_older_name_with_a_line_break_is_sent(app, make, tmp_path):
    inviter = make.user("Placeholder")
    group = make.group(members=[inviter], invite_policy="members")
    inviter.display_name = "Dr. Old\r\nBcc: everyone@example.org"  # written before names were checked
    db.session.commit()
    response = signed_in_client(app, inviter).post(f"/g/{group.slug}/invites", data={"email": "new@clinic.example"})
    assert response.status_code == 200
    (message,) = [m for m in outbox(tmp_path) if m["To"] == "new@clinic.example"]
    assert message["Bcc"] is None
    assert "“Dr. Old Bcc: everyone@example.org”" in message.get_content()


# --- 10. LOW: members' text in e-mails from the forum's address ------------------------------------------

def test_invitation_mails_keep_member_text_out_of_the_subject_and_are_limited_per_day(app, make, tmp_path):
    app.config.update(INVITATION_EMAILS_PER_DAY=2)
    inviter = make.user("Win a prize at evil.example")
    group = make.group("URGENT reset your password", members=[inviter], invite_policy="members")
    client = signed_in_client(app, inviter)
    for number in range(2):
        assert client.post(f"/g/{group.slug}/invites", data={"email": f"c{number}@clinic.example"}).status_code == 200
    refused = client.post(f"/g/{group.slug}/invites", data={"email": "c9@clinic.example"})
    assert refused.status_code == 200 and "invitations by e-mail in the last 24 hours" in refused.get_data(as_text=True)
    assert 'value="c9@clinic.example"' in refused.get_data(as_text=True)  # what was typed is kept
    assert db.session.query(Invitation).count() == 2
    messages = outbox(tmp_path)
    assert len(messages) == 2
    for message in messages:
        assert "evil" not in message["Subject"] and "URGENT" not in message["Subject"]
        body = message.get_content()
        assert "“Win a prize at evil.example”" in body and "“URGENT reset your password”" in body
        assert "did not write the two quoted lines" in body
    # Links without an address are not limited: nothing is sent.
    assert client.post(f"/g/{group.slug}/invites", data={}).status_code == 200


# --- 11. LOW: sessions -------------------------------------------------------------------------------------

@pytest.fixture
def signed_in(app, personas):
    member = personas.member
    client = app.test_client()
    sign_in(client, member, environ={"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"})
    return member, client


def _record(member) -> UserSession:
    db.session.expire_all()
    return db.session.scalar(select(UserSession).where(UserSession.user_id == member.id))


FIREFOX = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"}


def test_the_absolute_lifetime_is_enforced_on_the_server(app, signed_in):
    member, client = signed_in
    assert client.get("/notifications", headers=FIREFOX).status_code == 200
    record = _record(member)
    record.created_at = utcnow() - timedelta(days=3)  # the cookie kept being refreshed; the server knows better
    db.session.commit()
    assert client.get("/notifications", headers=FIREFOX).status_code == 302
    assert _record(member).ended_at is not None
    assert client.get("/notifications", headers=FIREFOX).status_code == 302


def test_the_idle_lifetime_is_enforced_on_the_server(app, signed_in):
    member, client = signed_in
    record = _record(member)
    record.last_seen_at = utcnow() - timedelta(hours=2)
    db.session.commit()
    assert client.get("/notifications", headers=FIREFOX).status_code == 302
    assert _record(member).ended_at is not None


def test_a_session_cookie_replayed_from_another_browser_is_refused(app, signed_in):
    member, client = signed_in
    cookie = client.get_cookie("konsil_session").value
    replay = app.test_client()
    replay.set_cookie("konsil_session", cookie)
    answer = replay.get("/notifications", headers={"User-Agent": "curl/8.5.0"},
                        environ_base={"REMOTE_ADDR": "203.0.113.77"})
    assert answer.status_code == 302
    assert _record(member).ended_at is not None  # the stolen session is over for the thief and the owner
    assert db.session.query(SecurityEvent).filter_by(user_id=member.id, action="auth:session:rejected").count() == 1


def test_the_same_browser_may_change_networks(app, signed_in):
    member, client = signed_in
    for address in ("192.0.2.1", "198.51.100.2", "2001:db8::3"):
        assert client.get("/notifications", headers=FIREFOX, environ_base={"REMOTE_ADDR": address}).status_code == 200


# --- 12. INFO ----------------------------------------------------------------------------------------------

def test_the_guard_does_not_scan_a_preview_the_renderer_refused(app, make):
    member = make.user("Gus Guard")
    make.group(members=[member])
    client = signed_in_client(app, member)
    body = "Call +49 30 12345678 about Max Mustermann, born 01.02.1960.\n\n" + "[" * 100
    payload = client.post("/posts/preview", data={"body": body}).get_json()
    assert payload["html"] == "" and payload["error"] and payload["findings"] == []
    readable = client.post("/posts/preview", data={"body": body.split("\n\n")[0]}).get_json()
    assert readable["findings"]  # the same text, renderable, is scanned


def test_full_width_and_hidden_formula_starters_are_neutralised_in_the_csv(app, make):
    admin = make.user("Ada Admin", admin=True)
    member = make.user("Mel Member")
    group = make.group(owner=admin, members=[member])
    client = signed_in_client(app, admin)
    for reason in ("＝HYPERLINK(\"http://evil.example\")", "\u200b=1+1", "﹢SUM(A1)", "－2+3", "＠cmd", "plain reason"):
        assert client.post(f"/g/{group.slug}/members/{member.id}/status",
                           data={"action": "warn", "reason": reason, "days": ""}).status_code == 302
    rows = list(csv.DictReader(io.StringIO(client.get("/admin/log.csv").get_data(as_text=True))))
    reasons = [row["reason"] for row in rows if row["action"] == "moderation:member:warn"]
    assert len(reasons) == 6
    assert all(reason.startswith("'") for reason in reasons if reason != "plain reason")
    assert "plain reason" in reasons


def test_turning_on_two_factor_needs_the_password(app, make):
    from tests.accounts.helpers import code, secret_of

    member = make.user("Tia Totp")
    client = signed_in_client(app, member)
    assert client.post("/settings/two-factor/start").status_code == 302
    without = client.post("/settings/two-factor/confirm", data={"code": code(secret_of(member))})
    wrong = client.post("/settings/two-factor/confirm", data={"code": code(secret_of(member)),
                                                               "password": "not my password"})
    assert without.status_code == wrong.status_code == 422
    assert "Your password is not correct." in wrong.get_data(as_text=True)
    assert db.session.query(SecurityEvent).filter_by(user_id=member.id, action="auth:2fa:enable").count() == 0
    right = client.post("/settings/two-factor/confirm", data={"code": code(secret_of(member), 1),
                                                               "password": factories.PASSWORD})
    assert right.status_code == 200
    assert db.session.query(SecurityEvent).filter_by(user_id=member.id, action="auth:2fa:enable").count() == 1
    assert db.session.query(LogEntry).count() >= 0  # the moderation log is untouched by account settings


# --- the invitations page marks links their inviter can no longer vouch for ------------------------------

def _invitation_rows(client, slug) -> dict[int, str]:
    page = client.get(f"/g/{slug}/invites").get_data(as_text=True)
    rows = {}
    for invitation in db.session.scalars(select(Invitation)):
        row = next(row for row in page.split("<tr>")[2:] if f"/invites/{invitation.id}/revoke" in row)
        rows[invitation.id] = row
    return rows


@pytest.mark.parametrize("action, reason", [
    ("remove", "was removed from the group"),
    ("ban", "was banned from the group"),
    ("suspend", "is suspended in the group"),
])
def test_the_invitations_page_marks_links_voided_by_their_inviter(app, ward, action, reason):
    group, moderator, member = ward
    _invite_link(signed_in_client(app, member), group.slug)
    _invite_link(signed_in_client(app, moderator), group.slug)
    mod_client = signed_in_client(app, moderator)
    before = _invitation_rows(mod_client, group.slug)
    assert all('class="state state-pending"' in row for row in before.values())
    assert "Void" not in "".join(before.values())

    if action == "remove":
        done = mod_client.post(f"/g/{group.slug}/members/{member.id}/remove", data={"reason": "Left the team"})
    else:
        done = mod_client.post(f"/g/{group.slug}/members/{member.id}/status",
                               data={"action": action, "reason": "Repeated breaches",
                                     "days": "7" if action == "suspend" else ""})
    assert done.status_code == 302

    rows = _invitation_rows(mod_client, group.slug)
    members_invitation = db.session.scalar(select(Invitation).where(Invitation.inviter_id == member.id))
    moderators_invitation = db.session.scalar(select(Invitation).where(Invitation.inviter_id == moderator.id))
    voided = rows[members_invitation.id]
    assert 'class="state state-void"' in voided and 'class="state state-pending"' not in voided
    assert f"Void: the member who made it {reason}." in voided
    assert "expires" not in voided  # nothing suggests the link still works
    standing = rows[moderators_invitation.id]
    assert 'class="state state-pending"' in standing and "Void" not in standing


def test_the_invitations_page_marks_links_of_a_suspended_account_void(app, ward):
    group, moderator, member = ward
    _invite_link(signed_in_client(app, member), group.slug)
    from forum.accounts.models import VerificationStatus

    member.verification_status = VerificationStatus.SUSPENDED
    db.session.commit()
    row = next(iter(_invitation_rows(signed_in_client(app, moderator), group.slug).values()))
    assert 'class="state state-void"' in row and "account of the member who made it is suspended" in row
