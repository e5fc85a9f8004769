"""Group guidelines accepted before reading (and again after every change), site terms at
registration, and the visible identity of every author."""
import re

from sqlalchemy import select

from forum.accounts.models import VerificationStatus
from forum.extensions import db
from forum.groups.models import Membership
from forum.invitations.services import create_invitation
from forum.posts.models import Post

from .support import applicant, text_of


def test_guidelines_come_first_and_again_after_every_change(make, login):
    owner = make.user("Olivia Owner")
    member = make.user("Mia Member", profession="nurse")
    group = make.group("Night Shift", owner=owner, guidelines="1. Be kind.")
    make.member(group, member, accepted=False)
    topic = make.topic(group, owner, title="Handover checklists")
    browser = login(member)

    first = browser.get(f"/g/{group.slug}/t/{topic.id}")
    assert first.status_code == 302 and f"/g/{group.slug}/guidelines" in first.location
    page = browser.get(first.location)
    assert "Be kind." in text_of(page) and 'name="accept"' in page.get_data(as_text=True)
    assert "Handover checklists" not in page.get_data(as_text=True)
    missing = browser.post(f"/g/{group.slug}/guidelines", data={})
    assert "tick the box" in text_of(missing)
    accepted = browser.post(f"/g/{group.slug}/guidelines", data={"accept": "y", "next": f"/g/{group.slug}/t/{topic.id}"})
    assert accepted.status_code == 302 and accepted.location.endswith(f"/g/{group.slug}/t/{topic.id}")
    membership = db.session.scalar(select(Membership).where(Membership.user_id == member.id))
    assert membership.accepted_guidelines_version == 1 and membership.guidelines_accepted_at is not None
    first_time = membership.guidelines_accepted_at
    assert browser.get(f"/g/{group.slug}/t/{topic.id}").status_code == 200

    # The owner changes the guidelines: version 2, and everyone accepts again before reading.
    changed = login(owner).post(f"/g/{group.slug}/edit", data={
        "name": group.name, "slug": group.slug, "description": group.description, "visibility": "secret",
        "invite_policy": "members", "guidelines": "1. Be kind.\n2. **No screenshots.**"})
    assert changed.status_code == 302
    again = browser.get(f"/g/{group.slug}")
    assert again.status_code == 302 and "/guidelines" in again.location
    assert "guidelines changed" in text_of(browser.get(f"/g/{group.slug}/guidelines"))
    blocked = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "Before accepting"})
    assert blocked.status_code == 302 and "/guidelines" in blocked.location
    assert db.session.scalar(select(Post).where(Post.body_source == "Before accepting")) is None
    browser.post(f"/g/{group.slug}/guidelines", data={"accept": "y"})
    membership = db.session.get(Membership, membership.id)
    assert membership.accepted_guidelines_version == 2 and membership.guidelines_accepted_at >= first_time
    assert browser.get(f"/g/{group.slug}").status_code == 200


def test_site_terms_are_accepted_at_registration(app, make, client):
    group = make.group("Renal Round")
    _, token = create_invitation(None, group, None)
    db.session.commit()
    data = {"email": "new.nurse@example.org", "display_name": "Nina Nurse", "password": "tundra-violin-amber-58-q",
            "password_confirm": "tundra-violin-amber-58-q", "profession": "nurse", "specialty": "ICU",
            "organisation": "County Hospital", "country": "IN", "licence_number": "KNC 12345",
            "licence_authority": "Karnataka State Nursing Council"}
    refused = client.post(f"/invite/{token}", data=data)
    assert refused.status_code == 422 and "Please accept the terms" in text_of(refused)
    assert 'value="Karnataka State Nursing Council"' in refused.get_data(as_text=True)
    from tests.core.support import register

    registered = register(client, token, {**data, "accept_terms": "y"})
    assert registered.status_code == 302
    from forum.accounts.services import find_by_email

    user = find_by_email("new.nurse@example.org")
    assert user.terms_accepted_at is not None and user.verification_status == VerificationStatus.PENDING


def test_every_post_shows_who_wrote_it_and_their_profession(make, login):
    author = make.user("Dr. Priya Nair", profession="midwife", specialty="Community midwifery")
    reader = make.user("Tom Becker", profession="physiotherapist")
    group = make.group(members=[author, reader])
    topic = make.topic(group, author, title="Postpartum follow-up")
    page = login(reader).get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True)
    meta = re.search(r'<header class="post-meta">(.*?)</header>', page, re.S).group(1)
    assert "Dr. Priya Nair" in meta and "Midwife" in meta and "Community midwifery" in meta
    assert 'class="verified"' in meta


def test_profiles_are_visible_to_people_who_share_a_group(make, login):
    author = make.user("Dr. Priya Nair", profession="midwife", specialty="Community midwifery",
                       organisation="Sunrise Maternity")
    colleague = make.user("Colleague")
    stranger = make.user("Stranger")
    make.group(members=[author, colleague])
    make.group(members=[stranger])
    pending, _ = applicant(make, "Pending Person")
    profile = login(colleague).get(f"/u/{author.username}")
    assert profile.status_code == 200
    words = text_of(profile)
    assert "Midwife" in words and "Community midwifery" in words and "verified" in words
    assert login(stranger).get(f"/u/{author.username}").status_code == 404
    assert login(pending).get(f"/u/{author.username}").status_code == 404
