"""A membership's status as it stands now. The stored status says "suspended" until someone
changes it; the suspension itself ends at `suspended_until`, so every rule and every page asks
this function instead of reading the column."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, or_, select

from ..db_types import utcnow
from ..groups.models import Membership, MembershipStatus, Role


def effective_status(membership: Membership | None, now: datetime | None = None) -> str | None:
    """`active`, `suspended` (until a time still in the future, or indefinitely) or `banned`;
    None without a membership. An expired suspension counts as active."""
    if membership is None:
        return None
    if membership.status == MembershipStatus.SUSPENDED:
        until = membership.suspended_until
        if until is not None and until <= (now or utcnow()):
            return MembershipStatus.ACTIVE
    return membership.status


def suspension_in_force(now: datetime | None = None):
    """The SQL condition for "suspended right now", for queries over many memberships."""
    return and_(Membership.status == MembershipStatus.SUSPENDED,
                or_(Membership.suspended_until.is_(None), Membership.suspended_until > (now or utcnow())))


def active_in_sql(now: datetime | None = None):
    """The SQL condition for an active membership, an expired suspension included."""
    return or_(Membership.status == MembershipStatus.ACTIVE,
               and_(Membership.status == MembershipStatus.SUSPENDED, Membership.suspended_until.is_not(None),
                    Membership.suspended_until <= (now or utcnow())))


def staff_group_ids_query(user_id: int):
    """The groups a user moderates or owns now (an expired suspension does not count against them)."""
    return select(Membership.group_id).where(Membership.user_id == user_id,
                                             Membership.role.in_([Role.MODERATOR, Role.OWNER]), active_in_sql())


def staff_member_ids_query(group_id: int):
    """The moderators and owners of a group now: who hears about its reports, appeals and requests."""
    return select(Membership.user_id).where(Membership.group_id == group_id,
                                            Membership.role.in_([Role.MODERATOR, Role.OWNER]), active_in_sql())
