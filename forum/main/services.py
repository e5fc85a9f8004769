from __future__ import annotations

from sqlalchemy import select

from ..accounts.models import User
from ..extensions import db
from ..groups.models import Group, Membership, MembershipStatus


def shared_groups(viewer: User, other: User) -> list[Group]:
    mine = select(Membership.group_id).where(Membership.user_id == viewer.id,
                                             Membership.status != MembershipStatus.BANNED)
    return list(db.session.scalars(
        select(Group).join(Membership, Membership.group_id == Group.id)
        .where(Membership.user_id == other.id, Membership.group_id.in_(mine)).order_by(Group.name)
    ))
