"""Admins appoint and remove verifiers; the role is logged and the person told."""
from forum.accounts.models import User, VerificationStatus
from forum.extensions import db

from .support import applicant, log_entries, notifications_of, text_of


def test_admin_grants_and_revokes_the_verifier_role(make, login):
    colleague = make.user("Dr. Careful Checker")
    admin_user = make.user("Ada Admin", admin=True)
    admin = login(admin_user)
    listing = text_of(admin.get("/admin/users?q=careful"))
    assert "Dr. Careful Checker" in listing and "Ada Admin" not in listing
    assert admin.post(f"/admin/users/{colleague.id}/verifier", data={"action": "grant"}).status_code == 302
    assert db.session.get(User, colleague.id).is_verifier
    assert "Dr. Careful Checker" in text_of(admin.get("/admin/users?status=verifiers"))

    # The new verifier works the queue at once, but manages no accounts.
    _, request = applicant(make)
    verifier = login(colleague)
    assert verifier.get("/admin/verifications").status_code == 200
    assert verifier.post(f"/admin/verifications/{request.id}", data={"decision": "approve"}).status_code == 302
    assert verifier.get("/admin/users").status_code == 403

    assert admin.post(f"/admin/users/{colleague.id}/verifier", data={"action": "revoke"}).status_code == 302
    assert not db.session.get(User, colleague.id).is_verifier
    assert verifier.get("/admin/verifications").status_code == 403
    assert [e.action for e in log_entries("verification:verifier:grant") + log_entries("verification:verifier:revoke")] \
        == ["verification:verifier:grant", "verification:verifier:revoke"]
    assert len(notifications_of(colleague)) == 2


def test_only_verified_members_become_verifiers(make, login):
    pending = make.user("Not Yet", status=VerificationStatus.PENDING)
    admin = login(make.user("Ada Admin", admin=True))
    response = admin.post(f"/admin/users/{pending.id}/verifier", data={"action": "grant"}, follow_redirects=True)
    assert "Only verified members can become verifiers" in text_of(response)
    assert not db.session.get(User, pending.id).is_verifier


def test_verifiers_cannot_appoint_verifiers(make, login):
    member = make.user("Mia Member")
    verifier = login(make.user("Vera Verifier", verifier=True))
    assert verifier.post(f"/admin/users/{member.id}/verifier", data={"action": "grant"}).status_code == 403
    assert not db.session.get(User, member.id).is_verifier


def test_a_lapsed_verifier_cannot_verify(make, login):
    from datetime import timedelta

    from forum.db_types import utcnow

    verifier = make.user("Vera Verifier", verifier=True)
    _, request = applicant(make)
    browser = login(verifier)
    verifier.verified_until = utcnow() - timedelta(days=1)
    db.session.commit()
    assert browser.get("/admin/verifications").status_code == 403
    assert browser.post(f"/admin/verifications/{request.id}", data={"decision": "approve"}).status_code == 403
