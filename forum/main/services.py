from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import contains_eager, selectinload

from ..accounts.models import User
from ..extensions import db
from ..core.text import escape_like
from ..groups.models import Group
from ..policy import scopes
from ..posts.models import Post, Topic


def search_posts(user: User, query: str, limit: int = 50) -> list[Post]:
    group_ids = scopes.readable_group_ids(user)
    if not group_ids:
        return []
    pattern = f"%{escape_like(query)}%"
    return list(db.session.scalars(
        select(Post).join(Post.topic).join(Topic.group)
        .options(contains_eager(Post.topic).contains_eager(Topic.group), selectinload(Post.author))
        .where(Topic.group_id.in_(group_ids), *scopes.visible_post_conditions(),
               or_(Post.body_source.ilike(pattern, escape="\\"), Topic.title.ilike(pattern, escape="\\")))
        .order_by(Post.created_at.desc()).limit(limit)
    ).unique())


def shared_groups(viewer: User, other: User) -> list[Group]:
    return list(db.session.scalars(
        select(Group).where(Group.id.in_(scopes.shared_group_ids_query(viewer.id, other.id))).order_by(Group.name)))
