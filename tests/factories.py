"""Factories for personas, groups, topics and posts, written through the same services the app uses."""
from __future__ import annotations

import itertools

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
