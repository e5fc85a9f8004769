"""Verification lapses after VERIFICATION_VALID_DAYS: reminders ahead, a banner, renewal in a few
clicks, and group access paused (404) until a verifier renews it, memberships kept."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from forum.accounts.models import User, VerificationStatus
from forum.db_types import utcnow
from forum.extensions import db
from forum.groups.models import Membership
from forum.verification.models import VerificationReminder

from .support import CREDENTIALS, applicant, mails_to, notifications_of, pending_request_of, text_of


@pytest.fixture
def app_config(app_config):
    return {**app_config, "VERIFICATION_VALID_DAYS": 90, "VERIFICATION_REMINDER_DAYS": 14}


def _member_until(make, group, delta, name="Dr. Renew Me"):
    user = make.user(name, **CREDENTIALS)
    user.verified_until = utcnow() + delta
    db.session.commit()
    make.member(group, user)
    return user


def test_approval_sets_the_configured_validity(make, login):
    ines, request = applicant(make)
    login(make.user("Vera Verifier", verifier=True)).post(f"/admin/verifications/{request.id}",
                                                          data={"decision": "approve"})
    ines = db.session.get(User, ines.id)
    assert timedelta(days=89, hours=23) < ines.verified_until - utcnow() <= timedelta(days=90)


def test_lapsed_verification_removes_access_and_renewal_restores_it(app, make, login):
    group = make.group("Night Shift")
    topic = make.topic(group, make.user("Author"), title="Staying alert at 4 am")
    member = _member_until(make, group, timedelta(days=3))
    browser = login(member)
    assert browser.get(f"/g/{group.slug}/t/{topic.id}").status_code == 200

    member.verified_until = utcnow() - timedelta(minutes=5)
    db.session.commit()
    assert browser.get(f"/g/{group.slug}").status_code == 404
    assert browser.get(f"/g/{group.slug}/t/{topic.id}").status_code == 404
    assert browser.get("/search?q=alert").status_code == 404
    home = text_of(browser.get("/"))
    assert "Your verification has lapsed" in home and "memberships" in home and "Renew your verification" in home
    assert "Staying alert" not in home

    # A few clicks: the form comes filled with what was verified last time.
    form_page = browser.get("/verification").get_data(as_text=True)
    assert 'value="Lakeside General Hospital"' in form_page and 'value="1234567893"' in form_page
    assert browser.post("/verification", data=CREDENTIALS).status_code == 302
    renewal = pending_request_of(member)
    assert renewal.kind == "renewal"
    assert browser.get(f"/g/{group.slug}").status_code == 404  # still paused until a verifier decides

    verifier = login(make.user("Vera Verifier", verifier=True))
    renewals = verifier.get("/admin/verifications?kind=renewal").get_data(as_text=True)
    assert f'data-request-id="{renewal.id}"' in renewals and "renewal" in renewals
    assert f'data-request-id="{renewal.id}"' not in verifier.get("/admin/verifications?kind=new").get_data(as_text=True)
    both = verifier.get("/admin/verifications")
    assert "1 new" not in text_of(both) and "1 renewal" in text_of(both)
    assert verifier.post(f"/admin/verifications/{renewal.id}", data={"decision": "approve"}).status_code == 302

    assert browser.get(f"/g/{group.slug}/t/{topic.id}").status_code == 200  # guidelines were accepted before
    membership = db.session.scalar(select(Membership).where(Membership.user_id == member.id))
    assert membership.group_id == group.id and membership.accepted_guidelines_version == group.guidelines_version
    assert any("renewed" in n.message for n in notifications_of(member))


def test_members_are_reminded_once_ahead_and_told_once_when_it_lapsed(app, make):
    group = make.group()
    soon = _member_until(make, group, timedelta(days=10), "Soon Due")
    later = _member_until(make, group, timedelta(days=40), "Later Due")
    renewing = _member_until(make, group, timedelta(days=5), "Already Renewing")
    lapsed = _member_until(make, group, timedelta(days=-1), "Just Lapsed")
    from forum.verification.services import submit

    submit(renewing, **CREDENTIALS)
    db.session.commit()

    runner = app.test_cli_runner()
    result = runner.invoke(args=["forum", "send-reminders"])
    assert result.exit_code == 0, result.output
    assert "2 verification reminders sent" in result.output
    assert len(mails_to(app, soon.email)) == 1 and "renew" in mails_to(app, soon.email)[0]["Subject"].lower()
    assert "/verification" in mails_to(app, soon.email)[0].get_content()
    assert len(mails_to(app, lapsed.email)) == 1 and "lapsed" in mails_to(app, lapsed.email)[0]["Subject"]
    assert mails_to(app, later.email) == [] and mails_to(app, renewing.email) == []
    assert len(notifications_of(soon)) == 1

    again = runner.invoke(args=["forum", "send-reminders"])
    assert again.exit_code == 0 and "0 verification reminders sent" in again.output
    assert len(mails_to(app, soon.email)) == 1
    assert db.session.query(VerificationReminder).count() == 2


def test_the_banner_reminds_members_on_every_page(make, login):
    group = make.group()
    member = _member_until(make, group, timedelta(days=6))
    browser = login(member)
    page = browser.get("/notifications")
    words = text_of(page)
    assert "Your verification lapses on" in words and "in 6 days" in words and "Renew now" in words
    browser.post("/verification", data=CREDENTIALS)
    assert "Your renewal is with a verifier" in text_of(browser.get("/notifications"))
    # Renewing early keeps access meanwhile.
    assert browser.get(f"/g/{group.slug}").status_code == 200
    assert "lapses on" not in text_of(login(make.user("Far From Due")).get("/notifications"))


def test_a_rejected_renewal_keeps_access_until_the_lapse_and_says_why(make, login):
    group = make.group()
    member = _member_until(make, group, timedelta(days=6))
    browser = login(member)
    browser.post("/verification", data={**CREDENTIALS, "organisation": "A new clinic"})
    renewal = pending_request_of(member)
    review = login(make.user("Vera Verifier", verifier=True))
    page = review.get(f"/admin/verifications/{renewal.id}").get_data(as_text=True)
    assert 'class="changed"' in page  # the changed organisation is highlighted for the verifier
    review.post(f"/admin/verifications/{renewal.id}",
                data={"decision": "reject", "reason": "The new clinic is not on your NPPES record yet."})
    assert db.session.get(User, member.id).verification_status == VerificationStatus.VERIFIED
    assert browser.get(f"/g/{group.slug}").status_code == 200
    assert "not on your NPPES record" in text_of(browser.get("/verification"))
