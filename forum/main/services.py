from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import contains_eager, selectinload

from ..accounts.models import User
from ..extensions import db
from ..groups.models import Group, Membership, MembershipStatus
from ..posts.models import Post, Topic


def readable_group_ids(user: User) -> list[int]:
    """Groups whose content the user may search: accepted, unbanned memberships (admins: all)."""
    if user.is_admin:
        return list(db.session.scalars(select(Group.id)))
    return list(db.session.scalars(
        select(Membership.group_id).join(Group, Group.id == Membership.group_id)
        .where(Membership.user_id == user.id, Membership.status != MembershipStatus.BANNED,
               Membership.accepted_guidelines_version >= Group.guidelines_version)
    ))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_posts(user: User, query: str, limit: int = 50) -> list[Post]:
    group_ids = readable_group_ids(user)
    if not group_ids:
        return []
    pattern = f"%{_escape_like(query)}%"
    return list(db.session.scalars(
        select(Post).join(Post.topic).join(Topic.group)
        .options(contains_eager(Post.topic).contains_eager(Topic.group), selectinload(Post.author))
        .where(Topic.group_id.in_(group_ids), Post.deleted_at.is_(None), Post.hidden.is_(False),
               Topic.hidden.is_(False),
               or_(Post.body_source.ilike(pattern, escape="\\"), Topic.title.ilike(pattern, escape="\\")))
        .order_by(Post.created_at.desc()).limit(limit)
    ).unique())


def shared_groups(viewer: User, other: User) -> list[Group]:
    mine = select(Membership.group_id).where(Membership.user_id == viewer.id,
                                             Membership.status != MembershipStatus.BANNED)
    return list(db.session.scalars(
        select(Group).join(Membership, Membership.group_id == Group.id)
        .where(Membership.user_id == other.id, Membership.group_id.in_(mine)).order_by(Group.name)
    ))
