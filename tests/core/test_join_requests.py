from forum.extensions import db
from forum.groups.models import JoinRequest, Membership
from forum.notifications.models import Notification


def test_verified_user_asks_to_join_a_listed_group_and_a_moderator_approves(make, login):
    moderator = make.user("Mod")
    applicant = make.user("Applicant")
    group = make.group(moderators=[moderator], visibility="listed")

    applicant_browser = login(applicant)
    dashboard = applicant_browser.get("/").get_data(as_text=True)
    assert group.name in dashboard and "Ask to join" in dashboard
    assert applicant_browser.get(f"/g/{group.slug}").status_code == 404

    response = applicant_browser.post(f"/g/{group.slug}/join", data={"message": "ICU nurse, keen to learn"})
    assert response.status_code == 302
    assert "You asked to join" in applicant_browser.get("/").get_data(as_text=True)
    again = applicant_browser.post(f"/g/{group.slug}/join", data={"message": "again"}, follow_redirects=True)
    assert "already asked" in again.get_data(as_text=True)
    assert db.session.query(JoinRequest).count() == 1
    assert db.session.query(Notification).filter_by(user_id=moderator.id, kind="join_request").count() == 1

    mod_browser = login(moderator)
    queue = mod_browser.get(f"/g/{group.slug}/join-requests").get_data(as_text=True)
    assert "ICU nurse, keen to learn" in queue, queue[queue.find("<main"):queue.find("</main>")]
    join_request = db.session.query(JoinRequest).one()
    mod_browser.post(f"/g/{group.slug}/join-requests", data={"request_id": join_request.id, "decision": "approve"})
    assert db.session.query(Membership).filter_by(user_id=applicant.id, group_id=group.id).count() == 1
    second = mod_browser.post(f"/g/{group.slug}/join-requests", data={"request_id": join_request.id, "decision": "decline"},
                              follow_redirects=True)
    assert "already decided" in second.get_data(as_text=True)

    # Now a member, the applicant accepts the guidelines before reading.
    first_visit = applicant_browser.get(f"/g/{group.slug}")
    assert first_visit.status_code == 302 and "/guidelines" in first_visit.location


def test_secret_groups_cannot_be_asked_for(make, login):
    outsider = make.user("Outsider")
    group = make.group(visibility="secret")
    browser = login(outsider)
    assert group.name not in browser.get("/").get_data(as_text=True)
    assert browser.post(f"/g/{group.slug}/join", data={}).status_code == 404


def test_members_cannot_decide_requests(make, login):
    member = make.user("Member")
    group = make.group(members=[member], visibility="listed")
    assert login(member).get(f"/g/{group.slug}/join-requests").status_code == 403

