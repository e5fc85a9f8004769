"""Groups, memberships and the guidelines their members accept."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import selectinload

from .. import audit
from ..accounts.models import User
from ..core.errors import DomainError
from ..core.pagination import KeysetPage, encode_cursor, keyset_page
from ..db_types import utcnow
from ..extensions import db
from ..markup import MarkupTooComplex, render_markdown
from ..policy import scopes
from ..posts.models import Post, Topic
from .models import Group, GuidelinesVersion, Membership, MembershipStatus, Role
from flask_babel import gettext as _


class GroupError(DomainError):
    pass


def _render_guidelines(source: str) -> str:
    try:
        return render_markdown(source)
    except MarkupTooComplex as error:
        raise GroupError(str(error), "guidelines") from error


TOPIC_ORDER = (Topic.pinned, Topic.last_activity_at, Topic.id)
TOPIC_KEY_KINDS = (bool, datetime, int)


def topic_key(topic: Topic) -> tuple:
    return topic.pinned, topic.last_activity_at, topic.id


def topic_page(user: User, group: Group, per_page: int, include_hidden: bool, *, page: int | None = None,
               after: str | None = None, before: str | None = None) -> KeysetPage | None:
    """A group's topics: pinned first, then by last activity, in one statement whatever the depth (keyset: the
    page after or before a topic's sort key). A numbered `page` (older links) is still served, by offset;
    None when that page does not exist."""
    conditions = [Topic.group_id == group.id]
    if not include_hidden:
        # A held topic is listed for its author, marked as waiting for a moderator.
        conditions.append(or_(Topic.hidden.is_(False), Topic.author_id == user.id))
    query = select(Topic).where(*conditions).options(selectinload(Topic.author))
    if page is not None and page > 1:
        rows = list(db.session.scalars(query.order_by(*[column.desc() for column in TOPIC_ORDER])
                                       .limit(per_page + 1).offset((page - 1) * per_page)))
        if not rows:
            return None
        items = rows[:per_page]
        return KeysetPage(items, encode_cursor(topic_key(items[-1])) if len(rows) > per_page else None,
                          encode_cursor(topic_key(items[0])))
    return keyset_page(query, TOPIC_ORDER, topic_key, TOPIC_KEY_KINDS, per_page, after=after, before=before)


def get_by_slug(slug: str) -> Group | None:
    return db.session.scalar(select(Group).where(Group.slug == slug))


def groups_of(user: User) -> list[tuple[Group, Membership]]:
    """The groups a user belongs to (not banned), by name."""
    rows = db.session.execute(
        select(Group, Membership)
        .join(Membership, Membership.group_id == Group.id)
        .where(Membership.user_id == user.id, Membership.status != MembershipStatus.BANNED)
        .order_by(Group.name)
    ).all()
    return [(group, membership) for group, membership in rows]


def listed_groups_for(user: User) -> list[Group]:
    """Listed groups the user does not belong to (for verified users to discover)."""
    member_of = select(Membership.group_id).where(Membership.user_id == user.id)
    return list(db.session.scalars(
        select(Group).where(Group.visibility == "listed", Group.id.not_in(member_of)).order_by(Group.name)
    ))


def create_group(actor: User, *, name: str, slug: str, description: str, guidelines: str,
                 visibility: str, invite_policy: str) -> Group:
    if get_by_slug(slug) is not None:
        raise GroupError(_("A group with this address already exists."), "slug")
    group = Group(
        name=name.strip(), slug=slug, description=description.strip(),
        guidelines_source=guidelines, guidelines_html=_render_guidelines(guidelines), guidelines_version=1,
        visibility=visibility, invite_policy=invite_policy, created_by_id=actor.id,
    )
    db.session.add(group)
    db.session.flush()
    db.session.add(GuidelinesVersion(group_id=group.id, version=1, source=guidelines,
                                     html=group.guidelines_html, created_by_id=actor.id))
    add_member(actor, group, actor, role=Role.OWNER, accepted_guidelines=True)
    audit.record(actor, "group:create", target_type="group", target_id=group.id, target_label=group.name,
                 group_id=group.id)
    return group


def update_group(actor: User, group: Group, *, name: str, slug: str, description: str, guidelines: str,
                 visibility: str, invite_policy: str) -> bool:
    """Returns True when the guidelines changed, which asks every member to accept them again."""
    if slug != group.slug and get_by_slug(slug) is not None:
        raise GroupError(_("A group with this address already exists."), "slug")
    changes = {}
    for field, value in (("name", name.strip()), ("slug", slug), ("description", description.strip()),
                         ("visibility", visibility), ("invite_policy", invite_policy)):
        if getattr(group, field) != value:
            changes[field] = value
            setattr(group, field, value)
    guidelines_changed = guidelines != group.guidelines_source
    if guidelines_changed:
        publish_guidelines(actor, group, guidelines)
    if changes:
        audit.record(actor, "group:update", target_type="group", target_id=group.id, target_label=group.name,
                     group_id=group.id, details={"fields": sorted(changes)})
    return guidelines_changed


def publish_guidelines(actor: User, group: Group, source: str) -> GuidelinesVersion:
    group.guidelines_source = source
    group.guidelines_html = _render_guidelines(source)
    group.guidelines_version += 1
    version = GuidelinesVersion(group_id=group.id, version=group.guidelines_version, source=source,
                                html=group.guidelines_html, created_by_id=actor.id)
    db.session.add(version)
    # The author of the new text has, by writing it, accepted it.
    membership = db.session.scalar(select(Membership).where(Membership.user_id == actor.id,
                                                           Membership.group_id == group.id))
    if membership is not None:
        membership.accepted_guidelines_version = group.guidelines_version
        membership.guidelines_accepted_at = utcnow()
    audit.record(actor, "group:guidelines:publish", target_type="group", target_id=group.id,
                 target_label=group.name, group_id=group.id, details={"version": group.guidelines_version})
    return version


def add_member(actor: User | None, group: Group, user: User, *, role: str = Role.MEMBER,
               invited_by: User | None = None, accepted_guidelines: bool = False) -> Membership:
    membership = db.session.scalar(select(Membership).where(Membership.user_id == user.id,
                                                           Membership.group_id == group.id))
    if membership is not None:
        return membership
    membership = Membership(user_id=user.id, group_id=group.id, role=role,
                            invited_by_id=invited_by.id if invited_by else None, joined_at=utcnow())
    if accepted_guidelines:
        membership.accepted_guidelines_version = group.guidelines_version
        membership.guidelines_accepted_at = utcnow()
    db.session.add(membership)
    db.session.flush()
    audit.record(actor, "group:member:add", target_type="user", target_id=user.id, target_label=user.display_name,
                 subject_user=user, group_id=group.id, details={"role": role})
    return membership


def accept_guidelines(user: User, group: Group, membership: Membership) -> None:
    membership.accepted_guidelines_version = group.guidelines_version
    membership.guidelines_accepted_at = utcnow()


def pending_join_request(user: User, group: Group):
    from .models import JoinRequest, JoinRequestState

    return db.session.scalar(select(JoinRequest).where(JoinRequest.user_id == user.id, JoinRequest.group_id == group.id,
                                                       JoinRequest.state == JoinRequestState.PENDING))


def request_to_join(user: User, group: Group, message: str):
    """One pending request per user and group; asking again keeps the first request."""
    from ..notifications.services import notify
    from ..urls import link_to
    from .models import JoinRequest

    existing = pending_join_request(user, group)
    if existing is not None:
        raise GroupError(_("You already asked to join this group; its moderators will answer soon."))
    join_request = JoinRequest(group_id=group.id, user_id=user.id, message=message.strip()[:500])
    db.session.add(join_request)
    db.session.flush()
    staff = db.session.scalars(scopes.staff_member_ids_query(group.id))
    for staff_id in staff:
        notify(staff_id, "join_request", "join.asked", group=group,
               link=link_to("groups.join_requests", slug=group.slug), actor=user)
    return join_request


def pending_join_requests(group: Group) -> list:
    from sqlalchemy.orm import selectinload

    from .models import JoinRequest, JoinRequestState

    return list(db.session.scalars(
        select(JoinRequest).where(JoinRequest.group_id == group.id, JoinRequest.state == JoinRequestState.PENDING)
        .options(selectinload(JoinRequest.user)).order_by(JoinRequest.created_at)
    ))


def decide_join_request(actor: User, join_request, approve: bool, reason: str = "") -> None:
    """The conditional update makes a second, simultaneous decision fail instead of repeating it."""
    from sqlalchemy import update

    from ..notifications.services import notify
    from ..urls import link_to
    from .models import JoinRequest, JoinRequestState

    state = JoinRequestState.APPROVED if approve else JoinRequestState.DECLINED
    result = db.session.execute(
        update(JoinRequest).where(JoinRequest.id == join_request.id, JoinRequest.state == JoinRequestState.PENDING)
        .values(state=state, decided_at=utcnow(), decided_by_id=actor.id)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise GroupError(_("This request was already decided."))
    db.session.refresh(join_request)
    group, user = join_request.group, join_request.user
    if approve:
        add_member(actor, group, user)
        notify(user.id, "join_request", "join.approved", group=group,
               link=link_to("groups.guidelines", slug=group.slug), actor=actor)
    else:
        notify(user.id, "join_request", "join.declined_reason" if reason.strip() else "join.declined", group=group,
               params={"reason": reason.strip()}, actor=actor)
    audit.record(actor, "group:join_request:" + ("approve" if approve else "decline"), target_type="user",
                 target_id=user.id, target_label=user.display_name, subject_user=user, group_id=group.id,
                 reason=reason)


def pending_join_request_group_ids(user: User) -> set[int]:
    from .models import JoinRequest, JoinRequestState

    return set(db.session.scalars(select(JoinRequest.group_id).where(JoinRequest.user_id == user.id,
                                                                     JoinRequest.state == JoinRequestState.PENDING)))
