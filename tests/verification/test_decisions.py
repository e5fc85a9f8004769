"""Deciding a request: once, by someone else, with a reason for a rejection; corrections replace."""
import threading

from sqlalchemy import func, select

from forum.accounts.models import User, VerificationStatus
from forum.extensions import db
from forum.verification.models import RequestStatus, VerificationRequest

from .support import CREDENTIALS, applicant, log_entries, mails_to, notifications_of, pending_request_of, text_of
from tests.conftest import signed_in_client


def test_two_verifiers_deciding_at_once_produce_one_decision(app, make, login):
    ines, request = applicant(make)
    first, second = login(make.user("Vera Verifier", verifier=True)), login(make.user("Victor Verifier", verifier=True))
    # Both opened the review page before either decided.
    assert first.get(f"/admin/verifications/{request.id}").status_code == 200
    assert second.get(f"/admin/verifications/{request.id}").status_code == 200

    approved = first.post(f"/admin/verifications/{request.id}", data={"decision": "approve", "version": "1"})
    assert approved.status_code == 302
    late = second.post(f"/admin/verifications/{request.id}",
                       data={"decision": "reject", "reason": "Not in the register", "version": "1"})
    assert late.status_code == 409
    assert "already approved by Vera Verifier" in text_of(late)
    request = db.session.get(VerificationRequest, request.id)
    assert request.status == RequestStatus.APPROVED and request.reason == ""
    assert db.session.get(User, ines.id).verification_status == VerificationStatus.VERIFIED
    assert len(log_entries("verification:request:approve")) == 1 and log_entries("verification:request:reject") == []
    assert len(notifications_of(ines)) == 1 and len(mails_to(app, ines.email)) == 1


def test_a_decided_request_cannot_be_decided_again_even_without_a_version(make, login):
    _, request = applicant(make)
    verifier = login(make.user("Vera Verifier", verifier=True))
    assert verifier.post(f"/admin/verifications/{request.id}",
                         data={"decision": "reject", "reason": "Licence expired."}).status_code == 302
    again = verifier.post(f"/admin/verifications/{request.id}", data={"decision": "approve"})
    assert again.status_code == 409 and "already rejected" in text_of(again)
    assert db.session.get(VerificationRequest, request.id).status == RequestStatus.REJECTED


def test_concurrent_decisions_in_threads_on_a_real_database(app, make):
    """Two verifiers' requests race in real threads against the test database (a SQLite file, or
    PostgreSQL with TEST_DATABASE_URL): exactly one decides, the other is told."""
    _, request = applicant(make)
    request_id = request.id
    verifiers = [make.user(f"Verifier {n}", verifier=True) for n in range(2)]
    clients = []
    for verifier in verifiers:
        clients.append(signed_in_client(app, verifier))
    db.session.commit()
    db.session.remove()  # the test holds no connection while the threads run
    barrier = threading.Barrier(len(clients))
    statuses = []

    def decide(client, decision):
        barrier.wait()
        response = client.post(f"/admin/verifications/{request_id}",
                               data={"decision": decision, "reason": "Checked in the register."})
        statuses.append(response.status_code)

    threads = [threading.Thread(target=decide, args=(client, decision))
               for client, decision in zip(clients, ("approve", "reject"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [302, 409]
    decided = db.session.get(VerificationRequest, request_id)
    assert decided.status in (RequestStatus.APPROVED, RequestStatus.REJECTED) and decided.version == 2
    actions = len(log_entries("verification:request:approve")) + len(log_entries("verification:request:reject"))
    assert actions == 1


def test_nobody_decides_their_own_request(make, login):
    verifier = make.user("Vera Verifier", verifier=True)
    browser = login(verifier)
    # A verifier's own renewal sits in the same queue.
    renewal = browser.post("/verification", data=CREDENTIALS)
    assert renewal.status_code == 302
    request = pending_request_of(verifier)
    assert request.kind == "renewal"
    page = browser.get(f"/admin/verifications/{request.id}")
    assert page.status_code == 200 and "This is your own request" in text_of(page)
    assert 'name="decision"' not in page.get_data(as_text=True)
    refused = browser.post(f"/admin/verifications/{request.id}", data={"decision": "approve"})
    assert refused.status_code == 403
    assert db.session.get(VerificationRequest, request.id).status == RequestStatus.PENDING
    assert "your own request" in text_of(browser.get("/admin/verifications"))


def test_an_admin_cannot_approve_their_own_request_either(make, login):
    admin = make.user("Ada Admin", admin=True)
    browser = login(admin)
    browser.post("/verification", data=CREDENTIALS)
    request = pending_request_of(admin)
    assert browser.post(f"/admin/verifications/{request.id}", data={"decision": "approve"}).status_code == 403


def test_rejection_needs_a_reason_and_keeps_what_was_typed(make, login):
    _, request = applicant(make)
    verifier = login(make.user("Vera Verifier", verifier=True))
    missing = verifier.post(f"/admin/verifications/{request.id}", data={"decision": "reject", "reason": ""})
    assert missing.status_code == 422 and "Say why you reject" in text_of(missing)
    nothing = verifier.post(f"/admin/verifications/{request.id}", data={"reason": "Looks fine to me"})
    assert nothing.status_code == 422 and "Choose approve or reject" in text_of(nothing)
    assert "Looks fine to me" in nothing.get_data(as_text=True)
    assert db.session.get(VerificationRequest, request.id).status == RequestStatus.PENDING


def test_a_second_submission_replaces_the_pending_one_and_keeps_the_queue_place(make, login):
    early, early_request = applicant(make, "Early Bird")
    ines, first = applicant(make)
    browser = login(ines)
    corrected = browser.post("/verification", data={**CREDENTIALS, "specialty": "Transplant nephrology"})
    assert corrected.status_code == 302
    again = browser.post("/verification", data={**CREDENTIALS, "specialty": "Paediatric nephrology"})
    assert again.status_code == 302
    rows = list(db.session.scalars(select(VerificationRequest).where(VerificationRequest.user_id == ines.id)
                                   .order_by(VerificationRequest.id)))
    assert [row.status for row in rows] == ["superseded", "superseded", "pending"]
    assert rows[-1].specialty == "Paediatric nephrology" and rows[-1].queued_at == first.queued_at

    verifier = login(make.user("Vera Verifier", verifier=True))
    queue = verifier.get("/admin/verifications").get_data(as_text=True)
    assert queue.count(f'data-request-id="{rows[-1].id}"') == 1
    assert queue.index(f'data-request-id="{early_request.id}"') < queue.index(f'data-request-id="{rows[-1].id}"')
    # A verifier who still had the replaced request open is told, and nothing is decided.
    stale = verifier.post(f"/admin/verifications/{first.id}", data={"decision": "approve"})
    assert stale.status_code == 409 and "replaced this request" in text_of(stale)
    assert f"/admin/verifications/{rows[-1].id}" in stale.get_data(as_text=True)
    assert db.session.get(User, ines.id).verification_status == VerificationStatus.PENDING
    replaced = verifier.get(f"/admin/verifications/{first.id}")
    assert "replaced this submission" in text_of(replaced) and 'name="decision"' not in replaced.get_data(as_text=True)


def test_bad_credentials_get_field_errors_with_the_text_kept(make, login):
    ines, _ = applicant(make)
    browser = login(ines)
    response = browser.post("/verification", data={
        "profession": "", "specialty": "Nephrology", "organisation": "", "country": "US",
        "licence_number": "1234567890", "licence_authority": "NPPES"})
    assert response.status_code == 422
    words = text_of(response)
    assert "Please choose your profession." in words
    assert "Please name where you work." in words
    assert "check digit" in words
    html = response.get_data(as_text=True)
    assert 'value="1234567890"' in html and 'value="Nephrology"' in html
    assert db.session.scalar(select(func.count(VerificationRequest.id))
                             .where(VerificationRequest.user_id == ines.id)) == 1


def test_verifiers_see_the_inviter_and_the_inviters_standing(make, login):
    inviter = make.user("Dr. Lapsed Inviter", status=VerificationStatus.SUSPENDED)
    user = make.user("Invited Person", status=VerificationStatus.PENDING)
    user.invited_by_id = inviter.id
    db.session.commit()
    from forum.verification.services import submit

    request = submit(user, **CREDENTIALS)
    db.session.commit()
    verifier = login(make.user("Vera Verifier", verifier=True))
    queue = text_of(verifier.get("/admin/verifications"))
    assert "Dr. Lapsed Inviter" in queue and "suspended" in queue
    review = text_of(verifier.get(f"/admin/verifications/{request.id}"))
    assert "Dr. Lapsed Inviter" in review and "suspended" in review
    assert "NPI check digit is correct" in review


def test_members_and_pending_users_cannot_reach_the_queue(make, login):
    ines, request = applicant(make)
    member = make.user("Mia Member")
    for user in (ines, member):
        browser = login(user)
        assert browser.get("/admin/verifications").status_code == 403
        assert browser.get(f"/admin/verifications/{request.id}").status_code == 403
        assert browser.post(f"/admin/verifications/{request.id}", data={"decision": "approve"}).status_code == 403
    assert db.session.get(VerificationRequest, request.id).status == RequestStatus.PENDING


def test_the_header_shows_verifiers_how_many_wait(make, login):
    applicant(make, "One")
    applicant(make, "Two")
    page = login(make.user("Vera Verifier", verifier=True)).get("/notifications").get_data(as_text=True)
    assert 'aria-label="2 waiting"' in page and "Verifications" in page
    assert "Verifications" not in login(make.user("Mia Member")).get("/notifications").get_data(as_text=True)


def test_simultaneous_resubmissions_leave_exactly_one_pending_request(app, make):
    ines, _ = applicant(make)
    clients = []
    for _ in range(3):
        clients.append(signed_in_client(app, ines))
    user_id = ines.id
    db.session.commit()
    db.session.remove()
    barrier = threading.Barrier(len(clients))
    statuses = []

    def resubmit(client, specialty):
        barrier.wait()
        statuses.append(client.post("/verification", data={**CREDENTIALS, "specialty": specialty}).status_code)

    threads = [threading.Thread(target=resubmit, args=(client, f"Specialty {n}")) for n, client in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert statuses == [302, 302, 302]
    rows = list(db.session.scalars(select(VerificationRequest).where(VerificationRequest.user_id == user_id)))
    assert len(rows) == 4 and [row.status for row in rows].count(RequestStatus.PENDING) == 1


def test_erasing_an_account_clears_the_credentials_already_loaded_in_the_request(app, make):
    """The erasure's bulk update reaches a verification request the request read beforehand: nothing later
    in the same request (a page, a log line) still sees the licence details."""
    from forum.accounts.data_rights import erase_account

    user, _ = applicant(make)
    with app.test_request_context():
        loaded = pending_request_of(user)
        assert loaded.licence_number == CREDENTIALS["licence_number"]
        erase_account(user, user)
        assert loaded.status == RequestStatus.SUPERSEDED
        assert (loaded.licence_number, loaded.licence_authority, loaded.organisation) == ("", "", "")
        db.session.commit()
    stored = db.session.scalar(select(VerificationRequest).where(VerificationRequest.user_id == user.id))
    assert stored.licence_number == "" and stored.status == RequestStatus.SUPERSEDED
