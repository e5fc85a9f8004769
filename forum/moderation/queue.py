"""The review queue: open and decided cases, the author's record in the group, and the counts the
header and the moderation overview show."""
from __future__ import annotations

from dataclasses import dataclass
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased, joinedload, selectinload

from .. import policy
from ..accounts.models import User
from ..core.pagination import Page, page_count
from ..core.header import header_count
from ..extensions import db
from ..groups.models import Group, Membership
from ..posts.models import Post
from .models import CaseState, MemberWarning, ModerationCase, Report


def _case_options():
    # One row per case carries what it refers to (joined); only the reports, a list, are loaded beside it.
    return (selectinload(ModerationCase.reports).joinedload(Report.reporter),
            joinedload(ModerationCase.post).joinedload(Post.author),
            joinedload(ModerationCase.post).joinedload(Post.topic),
            joinedload(ModerationCase.moderator), joinedload(ModerationCase.escalated_by),
            joinedload(ModerationCase.group))


def queue_page(group: Group | None, *, resolved: bool = False, escalated_only: bool = False, page: int = 1,
               per_page: int = 20, total: int | None = None,
               records: dict | None = None) -> Page | None:
    """Open cases: held posts first, then patient privacy, then oldest. Resolved cases: newest decision first.
    `total`: the number of cases, when the caller already knows it (no count is asked then). `records`: a dict
    filled with each shown case's author record (see author_records), asked in the same statement as the cases."""
    conditions = []
    if group is not None:
        conditions.append(ModerationCase.group_id == group.id)
    if escalated_only:
        conditions.append(ModerationCase.escalated.is_(True))
    if resolved:
        conditions.append(ModerationCase.state != CaseState.OPEN)
        order = (ModerationCase.resolved_at.desc(), ModerationCase.id.desc())
    else:
        conditions.append(ModerationCase.state == CaseState.OPEN)
        held = select(Post.id).where(Post.id == ModerationCase.post_id, Post.hidden_reason == "held").exists()
        order = (held.desc(), ModerationCase.has_privacy_report.desc(), ModerationCase.created_at, ModerationCase.id)
    if total is None:
        total = db.session.scalar(select(func.count(ModerationCase.id)).where(*conditions)) or 0
    pages = page_count(total, per_page)
    if page < 1 or page > pages:
        return None
    if records is None:
        query = select(ModerationCase).where(*conditions).options(*_case_options()).order_by(*order)
        items = list(db.session.scalars(query.limit(per_page).offset((page - 1) * per_page)))
        return Page(items, page, pages, total)
    earlier = aliased(ModerationCase)
    upheld = (select(func.count(earlier.id))
              .where(earlier.group_id == ModerationCase.group_id, earlier.post_author_id == ModerationCase.post_author_id,
                     earlier.state == CaseState.RESOLVED).correlate(ModerationCase).scalar_subquery())
    warnings = (select(func.count(MemberWarning.id))
                .where(MemberWarning.group_id == ModerationCase.group_id,
                       MemberWarning.user_id == ModerationCase.post_author_id).correlate(ModerationCase).scalar_subquery())
    query = (select(ModerationCase, Membership, upheld, warnings)
             .outerjoin(Membership, and_(Membership.group_id == ModerationCase.group_id,
                                         Membership.user_id == ModerationCase.post_author_id))
             .where(*conditions).options(*_case_options()).order_by(*order))
    items = []
    for case, membership, upheld_count, warning_count in db.session.execute(
            query.limit(per_page).offset((page - 1) * per_page)).unique():
        items.append(case)
        if case.post_author_id:
            records[(case.group_id, case.post_author_id)] = AuthorRecord(upheld_count or 0, warning_count or 0,
                                                                         membership)
    # The policy decides which sanctions each case offers from these memberships, without asking again.
    policy.know_memberships({(author_id, group_id): record.membership
                             for (group_id, author_id), record in records.items()})
    return Page(items, page, pages, total)


def cases_for_post(post_id: int) -> list[ModerationCase]:
    return list(db.session.scalars(select(ModerationCase).where(ModerationCase.post_id == post_id)
                                   .options(*_case_options()).order_by(ModerationCase.created_at.desc())))


@dataclass
class AuthorRecord:
    upheld: int = 0
    warnings: int = 0
    membership: Membership | None = None  # the author's membership in the group, if any


def author_records(pairs: set[tuple[int, int | None]]) -> dict[tuple[int, int], AuthorRecord]:
    """(group id, author id) -> the author's history in that group: upheld cases, warnings and
    membership status; three queries whatever the number of cases or groups shown."""
    records = {(group_id, author_id): AuthorRecord() for group_id, author_id in pairs if author_id}
    if not records:
        return records
    group_ids = list({group_id for group_id, _ in records})
    author_ids = list({author_id for _, author_id in records})
    for group_id, author_id, count in db.session.execute(
            select(ModerationCase.group_id, ModerationCase.post_author_id, func.count(ModerationCase.id))
            .where(ModerationCase.group_id.in_(group_ids), ModerationCase.post_author_id.in_(author_ids),
                   ModerationCase.state == CaseState.RESOLVED)
            .group_by(ModerationCase.group_id, ModerationCase.post_author_id)):
        if (group_id, author_id) in records:
            records[(group_id, author_id)].upheld = count
    for group_id, user_id, count in db.session.execute(
            select(MemberWarning.group_id, MemberWarning.user_id, func.count(MemberWarning.id))
            .where(MemberWarning.group_id.in_(group_ids), MemberWarning.user_id.in_(author_ids))
            .group_by(MemberWarning.group_id, MemberWarning.user_id)):
        if (group_id, user_id) in records:
            records[(group_id, user_id)].warnings = count
    for membership in db.session.scalars(
            select(Membership).where(Membership.group_id.in_(group_ids), Membership.user_id.in_(author_ids))):
        if (membership.group_id, membership.user_id) in records:
            records[(membership.group_id, membership.user_id)].membership = membership
    # The policy decides which sanctions each case offers from these memberships, without asking again.
    policy.know_memberships({(author_id, group_id): record.membership
                             for (group_id, author_id), record in records.items()})
    return records


def open_cases_to_review(user: User):
    """The header's count of open cases the user reviews (the cases of the groups they moderate, plus
    escalated cases for admins), as a scalar subquery; None for someone who moderates nothing."""
    is_admin = policy.is_admin(user)
    if not is_admin and not policy.staff_group_ids(user):
        return None
    case_filter = ModerationCase.group_id.in_(policy.scopes.staff_group_ids_query(user.id))
    if is_admin:
        case_filter = or_(case_filter, ModerationCase.escalated.is_(True))
    return (select(func.count(ModerationCase.id))
            .where(ModerationCase.state == CaseState.OPEN, case_filter).scalar_subquery())


def review_summary(user: User) -> tuple[bool, int]:
    """(moderates anything, open cases to review); the count is asked with the header's other counts."""
    moderates = policy.is_admin(user) or bool(policy.staff_group_ids(user))
    return moderates, (header_count(user, "review") if moderates else 0)


def open_counts_by_group(group_ids: list[int]) -> dict[int, int]:
    if not group_ids:
        return {}
    return dict(db.session.execute(
        select(ModerationCase.group_id, func.count(ModerationCase.id))
        .where(ModerationCase.group_id.in_(group_ids), ModerationCase.state == CaseState.OPEN)
        .group_by(ModerationCase.group_id)).all())


def moderated_groups(user: User) -> list[Group]:
    if policy.is_admin(user):
        return list(db.session.scalars(select(Group).order_by(Group.name)))
    return list(db.session.scalars(
        select(Group).where(Group.id.in_(policy.scopes.staff_group_ids_query(user.id))).order_by(Group.name)))
