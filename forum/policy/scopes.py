"""What an actor may read, as queries: the only place these lists are decided. Search, the
dashboard, mentions, notifications, export and the access-matrix test all use them."""
from __future__ import annotations

from sqlalchemy import Select, case, func, or_, select

from ..accounts.models import User, VerificationStatus
from ..core.text import escape_like
from ..db_types import utcnow
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


def _group_reader_conditions(group: Group) -> list:
    """Accounts that read this group: live, verified (not lapsed) professionals with a membership that is
    not banned. A member who has yet to accept new guidelines still counts: they read it after one click."""
    now = utcnow()
    return [Membership.user_id == User.id, Membership.group_id == group.id,
            Membership.status != MembershipStatus.BANNED, User.deleted_at.is_(None),
            User.verification_status == VerificationStatus.VERIFIED,
            or_(User.verified_until.is_(None), User.verified_until > now)]


def mentionable_member_ids(group: Group, usernames: list[str]) -> set[int]:
    """Who an @mention in this group reaches: its readers, by handle, whatever the case it was typed in."""
    return set(mentionable_members(group, usernames))


def mentionable_members(group: Group, usernames: list[str]) -> dict[int, str]:
    """The readers of this group among these handles (matched case-insensitively), as id -> handle."""
    names = {name.lower() for name in usernames if name}
    if not names:
        return {}
    rows = db.session.execute(select(User.id, User.username).join(Membership, Membership.user_id == User.id)
                              .where(func.lower(User.username).in_(names), *_group_reader_conditions(group)))
    return {user_id: username for user_id, username in rows}


def mention_candidates(group: Group, prefix: str, limit: int = 8) -> list[User]:
    """Members of this group who read it, whose handle or name starts with `prefix` (case-insensitive):
    the @ autocomplete's suggestions, handles first, then names, alphabetically."""
    prefix = escape_like(prefix.lower())
    handle = func.lower(User.username).like(prefix + "%", escape="\\")
    name = or_(func.lower(User.display_name).like(prefix + "%", escape="\\"),
               func.lower(User.display_name).like("% " + prefix + "%", escape="\\"))
    return list(db.session.scalars(
        select(User).join(Membership, Membership.user_id == User.id)
        .where(*_group_reader_conditions(group), or_(handle, name))
        .order_by(case((handle, 0), else_=1), func.lower(User.username)).limit(limit)))


def shared_group_ids_query(viewer_id: int, other_id: int) -> Select:
    """Groups both belong to (neither banned): where one may see the other's profile details."""
    return (select(Membership.group_id)
            .where(Membership.user_id == other_id, Membership.group_id.in_(member_group_ids_query(viewer_id))))


def shares_a_group(viewer, other) -> bool:
    """Whether the two belong to a group together (neither banned from it)."""
    return bool(db.session.scalar(select(shared_group_ids_query(viewer.id, other.id).exists())))


def readable_topic_condition(actor):
    """SQL: a topic the actor reads now (its group readable to them; held topics for their author and the
    group's moderators). Used where something stored earlier points at a topic, checked when it is read."""
    from sqlalchemy import and_, true

    if rules.is_admin(actor):
        return true()
    staff = staff_group_ids_query(actor.id)
    return and_(Topic.group_id.in_(readable_group_ids_query(actor)),
                or_(Topic.hidden.is_(False), Topic.author_id == actor.id, Topic.group_id.in_(staff)))


def readable_post_condition(actor):
    """SQL (with the post's topic joined): a post the actor may still be shown or led to. Never a deleted post;
    a hidden (held) one only to its author and the group's moderators; a redacted one only to its author, since
    what led others to it no longer stands."""
    from sqlalchemy import and_

    from sqlalchemy import true

    moderates = true() if rules.is_admin(actor) else Topic.group_id.in_(staff_group_ids_query(actor.id))
    from ..posts.models import PostRevision

    redacted = select(PostRevision.id).where(PostRevision.post_id == Post.id, PostRevision.redacted.is_(True)).exists()
    return and_(Post.deleted_at.is_(None),
                or_(Post.author_id == actor.id, and_(~redacted, or_(Post.hidden.is_(False), moderates))))
