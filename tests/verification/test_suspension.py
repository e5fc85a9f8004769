"""Admins suspend an account (a licence withdrawn): every session ends at its next request, the
decision is logged, the member is told, and lifting it restores what was there."""
from forum.accounts.models import User, VerificationStatus
from forum.extensions import db
from forum.verification.models import AccountSuspension

from .support import applicant, log_entries, mails_to, notifications_of, text_of


def test_suspension_ends_an_existing_session_at_its_next_request(app, make, login):
    member = make.user("Dr. Withdrawn Licence")
    group = make.group(members=[member])
    topic = make.topic(group, member, title="Anticoagulation bridging")
    admin = make.user("Ada Admin", admin=True)
    session_one, session_two = login(member), login(member)  # e.g. phone and ward PC
    assert session_one.get(f"/g/{group.slug}/t/{topic.id}").status_code == 200

    admin_browser = login(admin)
    page = admin_browser.get(f"/admin/users/{member.id}")
    assert page.status_code == 200 and "Suspend" in text_of(page)
    reason = "Licence withdrawn by the Ärztekammer Nordrhein on 3 March."
    done = admin_browser.post(f"/admin/users/{member.id}/suspend", data={"reason": reason})
    assert done.status_code == 302

    for browser in (session_one, session_two):
        response = browser.get(f"/g/{group.slug}/t/{topic.id}")
        assert response.status_code == 302 and "/auth/login" in response.location
        assert browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Still here?"}).status_code == 302
    relogin = app.test_client().post("/auth/login", data={"email": member.email,
                                                          "password": "correct horse battery staple"})
    assert relogin.status_code == 200  # the form again, with the generic failure message

    member = db.session.get(User, member.id)
    assert member.verification_status == VerificationStatus.SUSPENDED
    [entry] = log_entries("verification:account:suspend")
    assert (entry.actor_id, entry.subject_user_id, entry.reason) == (admin.id, member.id, reason)
    assert any(reason in n.message for n in notifications_of(member))
    [mail] = mails_to(app, member.email)
    assert "suspended" in mail["Subject"] and reason in mail.get_content()
    assert reason in text_of(admin_browser.get(f"/admin/users/{member.id}"))


def test_lifting_a_suspension_restores_the_previous_status(app, make, login):
    member = make.user("Dr. Back Again")
    group = make.group(members=[member])
    admin = login(make.user("Ada Admin", admin=True))
    admin.post(f"/admin/users/{member.id}/suspend", data={"reason": "Registration under review by the GMC."})
    lifted = admin.post(f"/admin/users/{member.id}/unsuspend", data={"reason": "The GMC confirmed the licence."})
    assert lifted.status_code == 302
    assert db.session.get(User, member.id).verification_status == VerificationStatus.VERIFIED
    suspension = db.session.query(AccountSuspension).one()
    assert suspension.lifted_at is not None and suspension.lift_note == "The GMC confirmed the licence."
    assert len(log_entries("verification:account:unsuspend")) == 1
    assert any("active again" in mail["Subject"] for mail in mails_to(app, member.email))
    assert login(member).get(f"/g/{group.slug}").status_code in (200, 302)  # signs in and reads again
    again = admin.post(f"/admin/users/{member.id}/unsuspend", data={}, follow_redirects=True)
    assert "not suspended" in text_of(again)


def test_a_pending_account_goes_back_to_pending_and_cannot_be_decided_while_suspended(make, login):
    ines, request = applicant(make)
    admin = login(make.user("Ada Admin", admin=True))
    admin.post(f"/admin/users/{ines.id}/suspend", data={"reason": "Identity in doubt."})
    refused = admin.post(f"/admin/verifications/{request.id}", data={"decision": "approve"})
    assert refused.status_code == 409 and "suspended" in text_of(refused)
    admin.post(f"/admin/users/{ines.id}/unsuspend", data={})
    assert db.session.get(User, ines.id).verification_status == VerificationStatus.PENDING
    assert admin.post(f"/admin/verifications/{request.id}", data={"decision": "approve"}).status_code == 302


def test_suspension_needs_a_reason_and_never_targets_oneself(make, login):
    admin_user = make.user("Ada Admin", admin=True)
    member = make.user("Mia Member")
    admin = login(admin_user)
    missing = admin.post(f"/admin/users/{member.id}/suspend", data={"reason": "  "})
    assert missing.status_code == 422 and "reason" in text_of(missing).lower()
    assert db.session.get(User, member.id).verification_status == VerificationStatus.VERIFIED
    assert admin.post(f"/admin/users/{admin_user.id}/suspend", data={"reason": "Oops"}).status_code == 403
    assert db.session.get(User, admin_user.id).verification_status == VerificationStatus.VERIFIED


def test_verifiers_and_members_cannot_suspend(make, login):
    member = make.user("Mia Member")
    for user in (make.user("Vera Verifier", verifier=True), make.user("Mo Moderator")):
        browser = login(user)
        assert browser.get("/admin/users").status_code == 403
        assert browser.post(f"/admin/users/{member.id}/suspend", data={"reason": "x"}).status_code == 403
    assert db.session.get(User, member.id).verification_status == VerificationStatus.VERIFIED


def test_erasing_an_account_erases_the_credentials_it_submitted(make):
    from forum.accounts.data_rights import erase_account
    from forum.verification.models import VerificationRequest

    ines, request = applicant(make)
    erase_account(ines, ines)
    db.session.commit()
    request = db.session.get(VerificationRequest, request.id)
    assert request.status == "superseded"
    assert (request.licence_number, request.organisation, request.licence_authority) == ("", "", "")
