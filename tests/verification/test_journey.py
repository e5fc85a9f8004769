"""The whole way in: invited, registered as pending, rejected with a reason, corrected, approved,
guidelines accepted, reading and posting."""
import re

from sqlalchemy import select

from forum.accounts.models import User, VerificationStatus
from forum.extensions import db
from forum.groups.models import Membership
from forum.posts.models import Post
from forum.verification.models import RequestStatus, VerificationRequest

from tests.core.support import register

from .support import log_entries, mails_to, notifications_of, text_of

REGISTRATION = {
    "email": "ines.carvalho@lakeside.example",
    "display_name": "Dr. Ines Carvalho",
    "password": "tundra-violin-amber-58-quietly",
    "password_confirm": "tundra-violin-amber-58-quietly",
    "profession": "physician",
    "specialty": "Nephrology",
    "organisation": "Lakeside General Hospital",
    "country": "US",
    "licence_number": "1234567890",  # one digit off: the check digit will not match
    "licence_authority": "NPPES",
    "accept_terms": "y",
}


def _invite(browser, group) -> str:
    page = browser.post(f"/g/{group.slug}/invites", data={"email": REGISTRATION["email"]}).get_data(as_text=True)
    link = re.search(r'id="new-link"[^>]*value="([^"]+)"', page).group(1)
    return "/invite/" + link.rsplit("/invite/", 1)[1]


def test_invite_register_reject_resubmit_approve_accept_read_and_post(app, make, login, client):
    moderator = make.user("Dr. Arjun Mehta", email="arjun@test.konsil.example")
    verifier = make.user("Vera Verifier", verifier=True)
    group = make.group("Renal Round", moderators=[moderator], guidelines="1. **No patient identifiers.**")
    topic = make.topic(group, moderator, title="Hyperkalaemia protocols")
    invite_path = _invite(login(moderator), group)

    # Registration checks the NPI's check digit and keeps everything typed.
    refused = client.post(invite_path, data=REGISTRATION)
    assert refused.status_code == 422
    page = text_of(refused)
    assert "check digit" in page
    assert 'value="Lakeside General Hospital"' in refused.get_data(as_text=True)
    assert 'value="1234567890"' in refused.get_data(as_text=True)
    registered = client.post(invite_path, data={**REGISTRATION, "licence_number": "1234567839"})  # still wrong
    assert registered.status_code == 422
    # A valid form: the address is confirmed through the mailed link, then the account exists.
    registered = register(client, invite_path.rsplit("/", 1)[1], {
        **REGISTRATION, "licence_number": "NPI 1245319599", "licence_authority": "State Board (typo: should be NPPES)"})
    assert registered.status_code == 302
    ines = db.session.scalar(select(User).where(User.email == REGISTRATION["email"]))
    assert ines.verification_status == VerificationStatus.PENDING
    first = db.session.scalar(select(VerificationRequest).where(VerificationRequest.user_id == ines.id))
    assert first.status == RequestStatus.PENDING and first.kind == "new"
    assert first.licence_number == "NPI 1245319599"

    # Pending: the status page, never the group.
    status = client.get("/")
    assert status.status_code == 200
    words = text_of(status)
    assert "being checked" in words and "Lakeside General Hospital" in words and "What happens next" in words
    assert "Renal Round" in words  # the group the invitation promised, with its guidelines
    assert "Hyperkalaemia" not in status.get_data(as_text=True)
    assert client.get(f"/g/{group.slug}").status_code == 404
    assert client.get(f"/g/{group.slug}/t/{topic.id}").status_code == 404

    # The verifier sees the submission, the inviter and the inviter's standing, and rejects with a reason.
    verifier_browser = login(verifier)
    queue = text_of(verifier_browser.get("/admin/verifications"))
    assert "Dr. Ines Carvalho" in queue and "Dr. Arjun Mehta" in queue and "verified" in queue
    review = verifier_browser.get(f"/admin/verifications/{first.id}")
    assert review.status_code == 200
    assert "https://npiregistry.cms.hhs.gov/provider-view/1245319599" in review.get_data(as_text=True)
    no_reason = verifier_browser.post(f"/admin/verifications/{first.id}", data={"decision": "reject", "reason": " "})
    assert no_reason.status_code == 422 and "Say why you reject" in text_of(no_reason)
    reason = "The NPI belongs to a different name in NPPES. Please check the number."
    rejected = verifier_browser.post(f"/admin/verifications/{first.id}", data={"decision": "reject", "reason": reason})
    assert rejected.status_code == 302
    assert db.session.get(User, ines.id).verification_status == VerificationStatus.REJECTED
    assert any(reason in n.message for n in notifications_of(ines))
    assert any(reason in mail.get_content() for mail in mails_to(app, REGISTRATION["email"]))
    [entry] = log_entries("verification:request:reject")
    assert (entry.actor_id, entry.subject_user_id, entry.reason) == (verifier.id, ines.id, reason)

    # The applicant reads the reason, corrects the submission and sends it again.
    words = text_of(client.get("/verification"))
    assert reason in words and "Submit corrected credentials" in words
    resubmitted = client.post("/verification", data={
        "profession": "physician", "specialty": "Nephrology", "organisation": "Lakeside General Hospital",
        "country": "US", "licence_number": "1234567893", "licence_authority": "NPPES"})
    assert resubmitted.status_code == 302
    assert db.session.get(User, ines.id).verification_status == VerificationStatus.PENDING
    second = db.session.scalar(select(VerificationRequest).where(VerificationRequest.user_id == ines.id,
                                                                 VerificationRequest.status == RequestStatus.PENDING))
    assert second.id != first.id and second.licence_number == "1234567893"
    assert client.get(f"/g/{group.slug}").status_code == 404

    # The verifier sees the earlier decision beside the new request and approves it.
    review = text_of(verifier_browser.get(f"/admin/verifications/{second.id}"))
    assert reason in review
    approved = verifier_browser.post(f"/admin/verifications/{second.id}",
                                     data={"decision": "approve", "reason": "NPPES record matches."})
    assert approved.status_code == 302
    ines = db.session.get(User, ines.id)
    assert ines.verification_status == VerificationStatus.VERIFIED
    assert ines.licence_number == "1234567893" and ines.verified_until is not None
    assert any("verified" in n.message and "Renal Round" in n.message for n in notifications_of(ines))
    assert any("approved" in mail["Subject"] for mail in mails_to(app, REGISTRATION["email"]))
    [approval] = log_entries("verification:request:approve")
    assert (approval.actor_id, approval.subject_user_id, approval.reason) == (verifier.id, ines.id,
                                                                              "NPPES record matches.")
    assert approval.created_at is not None

    # The invitation's membership opens; guidelines come first, then reading and posting.
    membership = db.session.scalar(select(Membership).where(Membership.user_id == ines.id))
    assert membership.group_id == group.id
    first_visit = client.get(f"/g/{group.slug}")
    assert first_visit.status_code == 302 and "/guidelines" in first_visit.location
    not_ticked = client.post(f"/g/{group.slug}/guidelines", data={})
    assert not_ticked.status_code == 200 and "tick the box" in text_of(not_ticked)
    accepted = client.post(f"/g/{group.slug}/guidelines", data={"accept": "y"})
    assert accepted.status_code == 302
    membership = db.session.get(Membership, membership.id)
    assert membership.accepted_guidelines_version == group.guidelines_version
    assert membership.guidelines_accepted_at is not None
    assert "Hyperkalaemia protocols" in client.get(f"/g/{group.slug}").get_data(as_text=True)
    # The first post waits for the patient-data primer; the typed reply comes back, then goes through.
    gated = client.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "We use **insulin-dextrose** first."})
    assert gated.status_code == 422 and "patient-data primer" in text_of(gated)
    assert client.post("/me/primer", data={"accept": "y"}).status_code == 302
    reply = client.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "We use **insulin-dextrose** first."})
    assert reply.status_code == 302
    post = db.session.scalar(select(Post).where(Post.author_id == ines.id))
    assert post is not None and "<strong>insulin-dextrose</strong>" in post.body_html
