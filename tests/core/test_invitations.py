"""Invitation journeys through HTTP: invite (web form and CLI), register, join, revoke, see states."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from forum.accounts.models import User, VerificationStatus
from forum.db_types import utcnow
from forum.extensions import db
from forum.groups.models import Membership
from forum.invitations.models import Invitation
from forum.invitations.services import create_invitation
from forum.notifications.models import Notification

from .support import (confirmation_link, link_from_page, mails_to, main_text, post_and_close, register,
                      registration, token_from_link)


def app_client(client):
    """A fresh browser on the same app."""
    return client.application.test_client()


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def test_moderator_invites_through_the_web_form_and_the_invitee_registers(make, login, client):
    moderator = make.user("Dr. Mod Erator")
    group = make.group("Renal Round", moderators=[moderator], invite_policy="moderators")
    browser = login(moderator)

    form_page = browser.get(f"/g/{group.slug}/invites")
    assert form_page.status_code == 200
    assert 'name="email"' in form_page.get_data(as_text=True)
    created = browser.post(f"/g/{group.slug}/invites", data={"email": "Ines.Carvalho@Lakeside.example"})
    assert created.status_code == 200
    page = created.get_data(as_text=True)
    assert "shown only once" in page
    token = token_from_link(link_from_page(page))

    landing = client.get(f"/invite/{token}")
    assert landing.status_code == 200
    body = landing.get_data(as_text=True)
    for name in ("email", "display_name", "password", "password_confirm", "profession", "specialty", "organisation",
                 "country", "licence_number", "licence_authority", "accept_terms"):
        assert f'name="{name}"' in body, name
    assert "ines.carvalho@lakeside.example" in body  # the bound address is filled in

    response = register(client, token, registration("ines.carvalho@lakeside.example"))
    assert response.status_code == 302, main_text(response.get_data(as_text=True))
    user = _user("ines.carvalho@lakeside.example")
    assert user.verification_status == VerificationStatus.PENDING
    assert user.display_name == "Dr. Ines Carvalho"
    assert (user.profession, user.specialty, user.organisation, user.country, user.licence_number,
            user.licence_authority) == ("physician", "Nephrology", "Lakeside General Hospital", "US", "1234567893",
                                        "NPPES")
    assert user.terms_accepted_at is not None
    assert user.invited_by_id == moderator.id
    membership = db.session.scalar(select(Membership).where(Membership.user_id == user.id))
    assert membership.group_id == group.id and membership.invited_by_id == moderator.id
    invitation = db.session.scalar(select(Invitation))
    assert invitation.accepted_by_id == user.id

    # The new account is signed in and sees its verification status, never the group.
    dashboard = client.get("/")
    assert "being checked" in dashboard.get_data(as_text=True)
    assert client.get(f"/g/{group.slug}").status_code == 404

    # The inviter is told, and the list says who accepted.
    assert db.session.scalar(select(Notification).where(Notification.user_id == moderator.id,
                                                        Notification.kind == "invitation_accepted")) is not None
    listing = main_text(browser.get(f"/g/{group.slug}/invites").get_data(as_text=True))
    assert "accepted" in listing and "Dr. Ines Carvalho" in listing


def test_cli_invite_prints_a_link_that_registers_a_member(app, make, client):
    group = make.group("Night Shift")
    result = app.test_cli_runner().invoke(args=["forum", "invite", "--group", group.slug])
    assert result.exit_code == 0, result.output
    link = result.output.strip()
    assert link.startswith(app.config["BASE_URL"] + "/invite/")
    token = token_from_link(link)

    response = register(client, token, registration("night.nurse@example.org"))
    assert response.status_code == 302
    user = _user("night.nurse@example.org")
    assert user.verification_status == VerificationStatus.PENDING
    assert db.session.scalar(select(Membership.group_id).where(Membership.user_id == user.id)) == group.id
    # An operator's invitation has no inviting member; the invitation row keeps the record.
    invitation = db.session.scalar(select(Invitation))
    assert invitation.inviter_id is None and invitation.accepted_by_id == user.id


def test_cli_invite_binds_an_email_and_refuses_unknown_groups(app, make, client):
    group = make.group()
    runner = app.test_cli_runner()
    bound = runner.invoke(args=["forum", "invite", "--group", group.slug, "--email", "Bound@Example.org"])
    assert bound.exit_code == 0, bound.output
    assert db.session.scalar(select(Invitation.email)) == "bound@example.org"
    unknown = runner.invoke(args=["forum", "invite", "--group", "no-such-group"])
    assert unknown.exit_code != 0
    assert "no group with the slug" in unknown.output


def test_registration_continues_into_the_group_once_verified(make, login, client):
    inviter = make.user("Inviter")
    writer = make.user("Writer")
    group = make.group("Pharmacy Corner", members=[inviter, writer])
    make.topic(group, writer, title="Shortage of amoxicillin")
    _, token = create_invitation(inviter, group)
    db.session.commit()
    assert register(client, token, registration("new.member@example.org")).status_code == 302
    user = _user("new.member@example.org")
    # Verification is its own workflow; a verifier's approval is stood in for through the model.
    user.verification_status = VerificationStatus.VERIFIED
    user.verified_at = utcnow()
    db.session.commit()

    first = client.get(f"/g/{group.slug}")
    assert first.status_code == 302 and "/guidelines" in first.location
    accepted = client.post(f"/g/{group.slug}/guidelines", data={"accept": "y"})
    assert accepted.status_code == 302
    page = client.get(f"/g/{group.slug}")
    assert page.status_code == 200
    assert "Shortage of amoxicillin" in page.get_data(as_text=True)


def test_registration_errors_keep_what_was_typed(make, client):
    group = make.group()
    _, token = create_invitation(None, group)
    db.session.commit()
    data = registration("typed@example.org", password_confirm="something-else-entirely-77", licence_number="")
    response = client.post(f"/invite/{token}", data=data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "The passwords differ." in page
    assert "Please give your licence or registration number." in page
    assert 'value="typed@example.org"' in page and "Lakeside General Hospital" in page
    assert _user("typed@example.org") is None
    assert db.session.scalar(select(Invitation.accepted_at)) is None


def test_registration_with_an_existing_email_creates_nothing_and_tells_the_owner(make, client):
    existing = make.user("Existing", email="taken@example.org")
    group = make.group()
    _, token = create_invitation(None, group)
    db.session.commit()
    response = post_and_close(client, f"/invite/{token}", registration("TAKEN@example.org"))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Check your e-mail" in page and "already exists" not in page
    assert db.session.scalar(select(Invitation.accepted_at)) is None
    assert db.session.scalar(select(Membership).where(Membership.user_id == existing.id)) is None
    assert db.session.scalar(select(func.count(User.id)).where(User.email == "taken@example.org")) == 1
    (notice,) = mails_to(client, "taken@example.org")
    text = notice.get_content()
    assert "tried to register" in str(notice["Subject"])
    assert "You already have an account" in text and f"/invite/{token}" in text and "/auth/reset" in text
    assert "/register/confirm/" not in text


def test_a_new_address_is_confirmed_before_the_account_exists(make, client):
    inviter = make.user("Inviter")
    group = make.group(members=[inviter], invite_policy="members")
    _, token = create_invitation(inviter, group)
    db.session.commit()
    memberships = db.session.scalar(select(func.count(Membership.id)))
    response = post_and_close(client, f"/invite/{token}", registration("new.nurse@example.org"))
    assert response.status_code == 200 and "Check your e-mail" in response.get_data(as_text=True)
    assert _user("new.nurse@example.org") is None  # nothing yet: no account, no membership, the link unused
    assert db.session.scalar(select(Invitation.accepted_at)) is None
    assert db.session.scalar(select(func.count(Membership.id))) == memberships
    (mail,) = mails_to(client, "new.nurse@example.org")
    link = confirmation_link(client, "new.nurse@example.org")
    assert "Confirm" in str(mail["Subject"])

    opened = client.get(link)  # a mail scanner opening the link creates nothing
    assert opened.status_code == 200 and "Create my account" in opened.get_data(as_text=True)
    assert _user("new.nurse@example.org") is None
    done = client.post(link, data={})
    assert done.status_code == 302
    user = _user("new.nurse@example.org")
    assert user is not None and user.invited_by_id == inviter.id and user.display_name == "Dr. Ines Carvalho"
    assert user.licence_number == "1234567893" and user.verification_status == VerificationStatus.PENDING
    assert db.session.scalar(select(Membership).where(Membership.user_id == user.id)).group_id == group.id
    assert db.session.scalar(select(Invitation.accepted_by_id)) == user.id
    assert "being checked" in client.get("/").get_data(as_text=True)  # signed in
    # The link works once.
    assert app_client(client).get(link).status_code == 404


def test_a_confirmation_link_dies_with_its_invitation(make, client, login):
    inviter = make.user("Inviter")
    group = make.group(members=[inviter], invite_policy="members")
    invitation, token = create_invitation(inviter, group)
    db.session.commit()
    post_and_close(client, f"/invite/{token}", registration("first@example.org"))
    post_and_close(client, f"/invite/{token}", registration("second@example.org"))
    first, second = confirmation_link(client, "first@example.org"), confirmation_link(client, "second@example.org")
    assert client.post(first, data={}).status_code == 302  # the first to confirm uses the invitation
    other = app_client(client)
    assert other.get(second).status_code == 404 and other.post(second, data={}).status_code == 404
    assert _user("second@example.org") is None


def test_bound_email_is_enforced_at_registration(make, client):
    inviter = make.user("Inviter")
    group = make.group(members=[inviter])
    _, token = create_invitation(inviter, group, "invitee@example.org")
    db.session.commit()
    response = client.post(f"/invite/{token}", data=registration("someone.else@example.org"))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "different e-mail address" in page
    assert 'value="someone.else@example.org"' in page
    assert _user("someone.else@example.org") is None
    assert db.session.scalar(select(Invitation.accepted_at)) is None
    # The invitee with the right address (in any letter case) still gets in.
    assert register(client, token, registration("Invitee@Example.org")).status_code == 302
    assert _user("invitee@example.org").invited_by_id == inviter.id


def test_signed_in_user_opening_a_link_joins_the_group(make, login):
    inviter = make.user("Inviter")
    joiner = make.user("Joiner")
    other_group = make.group("First group", members=[joiner])
    group = make.group("Second group", members=[inviter])
    _, token = create_invitation(inviter, group)
    db.session.commit()
    browser = login(joiner)

    landing = browser.get(f"/invite/{token}")
    assert landing.status_code == 200
    page = main_text(landing.get_data(as_text=True))
    assert "Join Second group" in page and 'name="password"' not in page

    joined = browser.post(f"/invite/{token}")
    assert joined.status_code == 302 and joined.location.endswith(f"/g/{group.slug}")
    membership = db.session.scalar(select(Membership).where(Membership.user_id == joiner.id,
                                                           Membership.group_id == group.id))
    assert membership is not None and membership.invited_by_id == inviter.id
    assert db.session.scalar(select(Invitation.accepted_by_id)) == joiner.id
    assert other_group.id != group.id
    # Guidelines first, then the group.
    assert "/guidelines" in browser.get(f"/g/{group.slug}").location
    browser.post(f"/g/{group.slug}/guidelines", data={"accept": "y"})
    assert browser.get(f"/g/{group.slug}").status_code == 200
    # The link is used up.
    assert browser.get(f"/invite/{token}").status_code == 404


def test_a_member_opening_a_link_to_their_own_group_does_not_use_it_up(make, login):
    member = make.user("Member")
    group = make.group(members=[member])
    _, token = create_invitation(None, group)
    db.session.commit()
    browser = login(member)
    assert "already a member" in browser.get(f"/invite/{token}").get_data(as_text=True)
    browser.post(f"/invite/{token}")
    assert db.session.scalar(select(Invitation.accepted_at)) is None


def test_signed_in_user_with_another_address_cannot_use_a_bound_link(make, login):
    joiner = make.user("Joiner", email="joiner@example.org")
    group = make.group()
    _, token = create_invitation(None, group, "invitee@example.org")
    db.session.commit()
    browser = login(joiner)
    assert browser.get(f"/invite/{token}").status_code == 404
    assert browser.post(f"/invite/{token}").status_code == 404
    assert db.session.scalar(select(Membership).where(Membership.user_id == joiner.id)) is None
    assert db.session.scalar(select(Invitation.accepted_at)) is None


def test_existing_account_without_inviter_records_who_invited_it(make, login):
    inviter = make.user("Inviter")
    admin_made = make.user("Created by an operator")
    assert admin_made.invited_by_id is None
    group = make.group(members=[inviter])
    _, token = create_invitation(inviter, group)
    db.session.commit()
    login(admin_made).post(f"/invite/{token}")
    assert db.session.get(User, admin_made.id).invited_by_id == inviter.id


def test_inviter_revokes_an_invitation_and_the_link_stops_working(make, login, client):
    member = make.user("Member")
    group = make.group(members=[member], invite_policy="members")
    browser = login(member)
    token = token_from_link(link_from_page(browser.post(f"/g/{group.slug}/invites", data={}).get_data(as_text=True)))
    invitation = db.session.scalar(select(Invitation))
    assert client.get(f"/invite/{token}").status_code == 200

    response = browser.post(f"/g/{group.slug}/invites/{invitation.id}/revoke", follow_redirects=True)
    assert response.status_code == 200
    assert "revoked" in main_text(response.get_data(as_text=True))
    assert db.session.get(Invitation, invitation.id).revoked_at is not None
    assert client.get(f"/invite/{token}").status_code == 404
    assert client.post(f"/invite/{token}", data=registration("late@example.org")).status_code == 404
    assert _user("late@example.org") is None


def test_an_accepted_invitation_cannot_be_revoked(make, login, client):
    member = make.user("Member")
    group = make.group(members=[member])
    invitation, token = create_invitation(member, group)
    db.session.commit()
    register(client, token, registration("accepted@example.org"))
    response = login(member).post(f"/g/{group.slug}/invites/{invitation.id}/revoke", follow_redirects=True)
    assert "already used and cannot be revoked" in response.get_data(as_text=True)
    assert db.session.get(Invitation, invitation.id).revoked_at is None


def test_members_cannot_revoke_other_peoples_invitations(make, login):
    member = make.user("Member")
    moderator = make.user("Moderator")
    group = make.group(members=[member], moderators=[moderator])
    invitation, _ = create_invitation(moderator, group)
    db.session.commit()
    assert login(member).post(f"/g/{group.slug}/invites/{invitation.id}/revoke").status_code == 403
    assert db.session.get(Invitation, invitation.id).revoked_at is None
    # ... and a moderator can revoke anyone's invitation in their group.
    assert login(moderator).post(f"/g/{group.slug}/invites/{invitation.id}/revoke").status_code == 302
    assert db.session.get(Invitation, invitation.id).revoked_at is not None


def test_inviter_sees_the_state_of_each_invitation(make, login, client):
    member = make.user("Member")
    group = make.group(members=[member], invite_policy="members")
    accepted, accepted_token = create_invitation(member, group, "accepted@example.org")
    expired, _ = create_invitation(member, group, "expired@example.org")
    revoked, _ = create_invitation(member, group, "revoked@example.org")
    pending, _ = create_invitation(member, group, "pending@example.org")
    expired.expires_at = utcnow() - timedelta(hours=1)
    revoked.revoked_at = utcnow()
    db.session.commit()
    register(client, accepted_token, registration("accepted@example.org", display_name="Dr. Accepted"))

    page = main_text(login(member).get(f"/g/{group.slug}/invites").get_data(as_text=True))

    def state_of(email):
        row = next(row for row in page.split("<tr>")[2:] if email in row)
        return row[row.find('class="state state-') + len('class="state state-'):].split('"')[0], row

    state, row = state_of("accepted@example.org")
    assert state == "accepted" and "Dr. Accepted" in row
    assert state_of("expired@example.org")[0] == "expired"
    assert state_of("revoked@example.org")[0] == "revoked"
    state, row = state_of("pending@example.org")
    assert state == "pending" and "Revoke" in row
    assert page.count('class="state state-') == 4


def test_members_see_only_their_own_invitations_moderators_see_all(make, login):
    member = make.user("Member")
    other = make.user("Other")
    moderator = make.user("Moderator")
    group = make.group(members=[member, other], moderators=[moderator], invite_policy="members")
    create_invitation(member, group, "mine@example.org")
    create_invitation(other, group, "theirs@example.org")
    db.session.commit()
    mine = main_text(login(member).get(f"/g/{group.slug}/invites").get_data(as_text=True))
    assert "mine@example.org" in mine and "theirs@example.org" not in mine
    everything = main_text(login(moderator).get(f"/g/{group.slug}/invites").get_data(as_text=True))
    assert "mine@example.org" in everything and "theirs@example.org" in everything


def test_invite_policy_moderators_keeps_members_out_of_the_form(make, login):
    member = make.user("Member")
    group = make.group(members=[member], invite_policy="moderators")
    browser = login(member)
    assert browser.get(f"/g/{group.slug}/invites").status_code == 403
    assert browser.post(f"/g/{group.slug}/invites", data={"email": "x@example.org"}).status_code == 403
    assert db.session.scalar(select(Invitation)) is None


def test_invitation_form_rejects_a_malformed_address(make, login):
    member = make.user("Member")
    group = make.group(members=[member])
    response = login(member).post(f"/g/{group.slug}/invites", data={"email": "not an address"})
    page = response.get_data(as_text=True)
    assert "Invalid email address" in page or "valid e-mail" in page
    assert 'value="not an address"' in page
    assert db.session.scalar(select(Invitation)) is None


def test_invitation_bound_to_an_email_is_mailed(app, make, login):
    from email import message_from_bytes
    from pathlib import Path

    member = make.user("Member")
    group = make.group("Renal Round", members=[member])
    page = login(member).post(f"/g/{group.slug}/invites", data={"email": "mailed@example.org"}).get_data(as_text=True)
    link = link_from_page(page)
    messages = [message_from_bytes(path.read_bytes()) for path in Path(app.config["MAIL_OUTBOX_DIR"]).glob("*.eml")]
    assert len(messages) == 1
    assert messages[0]["To"] == "mailed@example.org"
    assert link in messages[0].get_payload(decode=True).decode()



def test_invitation_links_use_the_configured_address_not_the_host_header(app):
    from forum.invitations.services import invitation_link

    with app.test_request_context("/g/x/invites", base_url="http://evil.example"):
        link = invitation_link("some-token")
    assert link == app.config["BASE_URL"].rstrip("/") + "/invite/some-token"
