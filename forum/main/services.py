from __future__ import annotations

from sqlalchemy import select

from ..accounts.models import User
from ..extensions import db
from ..groups.models import Group
from ..policy import scopes


def shared_groups(viewer: User, other: User) -> list[Group]:
    return list(db.session.scalars(
        select(Group).where(Group.id.in_(scopes.shared_group_ids_query(viewer.id, other.id))).order_by(Group.name)))
