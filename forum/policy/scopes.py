"""What an actor may read, as queries: the only place these lists are decided. Search, the
dashboard, mentions, notifications, export and the access-matrix test all use them."""
from __future__ import annotations

from sqlalchemy import Select, select

from ..accounts.models import User
from ..extensions import db
from ..groups.models import Group, Membership, MembershipStatus
from ..posts.models import Post, Topic
from ..request_cache import cached
from . import rules
from .status import staff_group_ids_query, staff_member_ids_query  # noqa: F401  (scopes of their own)


def readable_group_ids_query(actor) -> Select:
    """Group ids whose content the actor reads: verified members, not banned, who accepted the
    current guidelines; admins read every group. An empty select for anyone else."""
    if not rules.is_verified(actor):
        return select(Group.id).where(Group.id.is_(None))
    if actor.is_admin:
        return select(Group.id)
    return (select(Membership.group_id).join(Group, Group.id == Membership.group_id)
            .where(Membership.user_id == actor.id, Membership.status != MembershipStatus.BANNED,
                   Membership.accepted_guidelines_version >= Group.guidelines_version))


def readable_group_ids(actor) -> list[int]:
    """The same, as a list; looked up once per request."""
    key = f"_readable_groups_{getattr(actor, 'id', None)}"
    return cached(key, lambda: list(db.session.scalars(readable_group_ids_query(actor))))


def member_group_ids_query(user_id: int) -> Select:
    """Groups the user belongs to and is not banned from (reading may still wait for guidelines)."""
    return select(Membership.group_id).where(Membership.user_id == user_id,
                                             Membership.status != MembershipStatus.BANNED)


def visible_post_conditions() -> list:
    """Posts any reader of the group sees in lists (search, what's new): live, not hidden, in a
    topic that is not hidden. Authors and moderators see hidden posts on the topic page only."""
    return [Post.deleted_at.is_(None), Post.hidden.is_(False), Topic.hidden.is_(False)]


def visible_topic_conditions() -> list:
    return [Topic.hidden.is_(False)]


def mentionable_member_ids(group: Group, usernames: list[str]) -> set[int]:
    """Who an @mention in this group reaches: live accounts that belong to it and are not banned."""
    if not usernames:
        return set()
    return set(db.session.scalars(
        select(User.id).join(Membership, Membership.user_id == User.id)
        .where(User.username.in_(usernames), Membership.group_id == group.id,
               Membership.status != MembershipStatus.BANNED, User.deleted_at.is_(None))))


def shared_group_ids_query(viewer_id: int, other_id: int) -> Select:
    """Groups both belong to (neither banned): where one may see the other's profile details."""
    return (select(Membership.group_id)
            .where(Membership.user_id == other_id, Membership.group_id.in_(member_group_ids_query(viewer_id))))


def shares_a_group(viewer, other) -> bool:
    """Whether the two belong to a group together (neither banned from it)."""
    return bool(db.session.scalar(select(shared_group_ids_query(viewer.id, other.id).exists())))
