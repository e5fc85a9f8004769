"""Factories for personas, groups, topics and posts, written through the same services the app uses."""
from __future__ import annotations

import itertools

from sqlalchemy import select

from forum.accounts.models import User, VerificationStatus
from forum.accounts.services import create_user
from forum.extensions import db
from forum.groups.models import Group, Membership, Role
from forum.groups.services import add_member, create_group
from forum.posts.models import Post, Topic
from forum.posts.services import GuardResult, create_topic, reply
from forum.primer.content import PRIMER_VERSION

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)


class Factories:
    def __init__(self, app):
        self.app = app

    def user(self, name: str | None = None, *, status: str = VerificationStatus.VERIFIED, admin: bool = False,
             verifier: bool = False, email: str | None = None, primer: bool = True, **profile) -> User:
        number = next(_counter)
        name = name or f"Member {number}"
        profile.setdefault("profession", "physician")
        profile.setdefault("organisation", "Test Hospital")
        profile.setdefault("country", "DE")
        user = create_user(email=email or f"user{number}@test.konsil.example", display_name=name, password=PASSWORD,
                           status=status, **profile)
        user.is_admin = admin
        user.is_verifier = verifier or admin
        if primer:  # most tests are about something else than a first post
            user.primer_version = PRIMER_VERSION
        db.session.commit()
        return user

    def group(self, name: str | None = None, *, owner: User | None = None, members=(), moderators=(),
              visibility: str = "secret", invite_policy: str = "members", guidelines: str = "Be kind.") -> Group:
        number = next(_counter)
        name = name or f"Group {number}"
        owner = owner or self.user(f"Owner {number}", admin=True)
        group = create_group(owner, name=name, slug=f"group-{number}", description=f"About {name}",
                             guidelines=guidelines, visibility=visibility, invite_policy=invite_policy)
        for user in members:
            add_member(owner, group, user, accepted_guidelines=True)
        for user in moderators:
            add_member(owner, group, user, role=Role.MODERATOR, accepted_guidelines=True)
        db.session.commit()
        return group

    def member(self, group: Group, user: User, role: str = Role.MEMBER, accepted: bool = True) -> Membership:
        membership = add_member(None, group, user, role=role, accepted_guidelines=accepted)
        db.session.commit()
        return membership

    def topic(self, group: Group, author: User, title: str = "A question about dosing",
              body: str = "What is your usual approach?", replies: int = 0) -> Topic:
        with self.app.test_request_context():
            post = create_topic(author, group, title=title, body=body, guard=GuardResult())
            for index in range(replies):
                reply(author, post.topic, body=f"Reply number {index + 1}", guard=GuardResult())
            db.session.commit()
        return post.topic

    def reply(self, topic: Topic, author: User, body: str = "I agree.") -> Post:
        with self.app.test_request_context():
            post = reply(author, topic, body=body, guard=GuardResult())
            db.session.commit()
        return post

    def personas(self, *, admin_in_group_a: bool = False) -> "PersonaWorld":
        """The persona world (below): every persona the suite tests against, in two groups."""
        return PersonaWorld(self, admin_in_group_a=admin_in_group_a)


# ---------------------------------------------------------------------------------------------
# The persona world: the suite's one cast, used by the access matrix and by feature tests alike.

# Every persona, signed-out visitor included. Group A is secret and holds the cast; group B holds the
# outsider, the verifier and the privacy officer, so they are verified members of the forum who
# simply do not belong to A.
PERSONAS = ("anonymous", "pending", "suspended_account", "outsider", "member", "colleague", "suspended_member",
            "banned_member", "muted_member", "moderator", "owner", "admin", "verifier", "privacy_officer")
# Members of group A whom the moderation tests need beyond the matrix's columns: a second moderator, the
# author of the post under review, three members who report it and a bystander who only reads.
MODERATION_CAST = ("second_moderator", "author", "reporter_1", "reporter_2", "reporter_3", "bystander")


class PersonaWorld:
    """Group A (secret, members may invite) with its owner, a moderator, `member` (who wrote the topic
    and its first post, and muted `muted_member`), `colleague` (a second member in good standing, who
    reads, reports and reacts), a member suspended in A for a week, a banned member,
    a pending account and a verified account that is later suspended (`suspend_account()`); the moderation
    cast of A (MODERATION_CAST: a second moderator, an author, three reporters — also `world.reporters` —
    and a bystander, none of whom has done anything yet); group B with the outsider, the verifier and the
    privacy officer; an admin who belongs to no group unless `admin_in_group_a`. The moderator replied to
    the topic; the outsider started a topic in B.

    `users[persona]` and attributes (`world.member`, `world.admin` ...) name the same accounts."""

    def __init__(self, make: "Factories", *, admin_in_group_a: bool = False):
        from datetime import timedelta

        from forum.db_types import utcnow
        from forum.groups.models import MembershipStatus
        from forum.notifications.mutes import mute

        users = self.users = {}
        users["admin"] = make.user("Ada Admin", admin=True)
        for persona in ("member", "colleague", "suspended_member", "banned_member", "muted_member",
                        "outsider", "suspended_account"):
            users[persona] = make.user(f"{persona.replace('_', ' ').title()} Persona")
        users["moderator"] = make.user("Mona Moderator")
        users["second_moderator"] = make.user("Max Moderator")
        users["author"] = make.user("Aaron Author")
        for number in (1, 2, 3):
            users[f"reporter_{number}"] = make.user(f"Rita Reporter {number}")
        users["bystander"] = make.user("Bea Bystander")
        self.reporters = [users[f"reporter_{number}"] for number in (1, 2, 3)]
        users["pending"] = make.user("Pending Persona", status=VerificationStatus.PENDING)
        users["verifier"] = make.user("Vera Verifier", verifier=True)
        users["privacy_officer"] = make.user("Paula Privacy Officer")
        users["privacy_officer"].is_privacy_officer = True
        users["owner"] = make.user("Olga Owner")
        self.owner_b = make.user("Owner of B")
        self.group_a = make.group("Group A", owner=users["owner"], visibility="secret", invite_policy="members",
                                  members=[users[p] for p in ("member", "colleague", "suspended_member",
                                                              "banned_member", "muted_member", "pending",
                                                              "suspended_account", "author", "reporter_1",
                                                              "reporter_2", "reporter_3", "bystander")],
                                  moderators=[users["moderator"], users["second_moderator"]])
        self.group_b = make.group("Group B", owner=self.owner_b, visibility="secret",
                                  members=[users["outsider"], users["verifier"], users["privacy_officer"]])
        if admin_in_group_a:
            make.member(self.group_a, users["admin"])
        suspended = self.membership("suspended_member")
        suspended.status = MembershipStatus.SUSPENDED
        suspended.suspended_until = utcnow() + timedelta(days=7)
        self.membership("banned_member").status = MembershipStatus.BANNED
        mute(users["member"], users["muted_member"])
        db.session.commit()

        self.topic = make.topic(self.group_a, users["member"], title="Matrix topic", body="Matrix post body")
        self.post = db.session.scalar(select(Post).where(Post.topic_id == self.topic.id, Post.number == 1))
        self.reply = make.reply(self.topic, users["moderator"], body="A moderator's reply")
        self.topic_b = make.topic(self.group_b, users["outsider"], title="Topic in B")
        for persona, user in users.items():
            setattr(self, persona, user)

    def membership(self, persona: str, group: Group | None = None) -> Membership | None:
        group = group or self.group_a
        return db.session.scalar(select(Membership).where(Membership.user_id == self.users[persona].id,
                                                          Membership.group_id == group.id))

    def suspend_account(self) -> None:
        """The suspended_account persona's account is suspended (sign it in first: afterwards it cannot)."""
        self.users["suspended_account"].verification_status = VerificationStatus.SUSPENDED
        db.session.commit()
