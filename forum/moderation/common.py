"""Helpers every part of moderation shares: the rule checks every action starts with, settings,
who to tell, and the conditional update of a post's visibility."""
from __future__ import annotations

from datetime import datetime

from flask import current_app
from sqlalchemy import select, update

from ..accounts.models import User
from ..core.errors import AlreadyDecided, DomainError, NotAllowed
from ..extensions import db
from ..groups.management import require_moderator, require_reason  # noqa: F401  (shared by every action)
from ..groups.models import Group
from ..policy.status import staff_member_ids_query
from ..posts.models import Post
from ..request_cache import cached  # noqa: F401
from .models import SHORT_REASON_LABELS, CaseState, ModerationCase, Report

ModerationError = DomainError


class DuplicateReport(DomainError):
    pass


__all__ = ["AlreadyDecided", "DuplicateReport", "ModerationError", "NotAllowed"]


def excerpt(text: str, limit: int = 500) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def setting(name: str, default):
    return current_app.config.get(name, default)


def staff_ids(group: Group) -> list[int]:
    return list(db.session.scalars(staff_member_ids_query(group.id)))


def admin_ids() -> list[int]:
    return list(db.session.scalars(select(User.id).where(User.is_admin.is_(True), User.deleted_at.is_(None))))


def until_text(when: datetime):
    """The date and time in the reader's language and zone, decided when the text is rendered."""
    from flask_babel.speaklater import LazyString

    from ..i18n import datetime_filter

    return LazyString(datetime_filter, when)


def set_hidden(post: Post, hidden: bool, reason: str | None, *, only_if_hidden_reason: tuple | None = None) -> bool:
    """Conditional update of the post's visibility; True when this call changed it."""
    conditions = [Post.id == post.id, Post.hidden.is_(not hidden)]
    if only_if_hidden_reason:
        conditions.append(Post.hidden_reason.in_(only_if_hidden_reason))
    result = db.session.execute(update(Post).where(*conditions).values(hidden=hidden, hidden_reason=reason)
                                .execution_options(synchronize_session=False))
    db.session.refresh(post)
    return result.rowcount == 1


def reason_label(reason: str) -> str:
    return str(SHORT_REASON_LABELS.get(reason, reason))


def close_case_once(actor: User, case, outcome: str, state: str, reason: str, already_decided: str) -> None:
    """Close the case and every open report in it with one conditional update, so that of two
    moderators deciding at once only the first counts; the second gets `already_decided`."""
    from ..db_types import utcnow

    now = utcnow()
    result = db.session.execute(
        update(ModerationCase).where(ModerationCase.id == case.id, ModerationCase.state == CaseState.OPEN)
        .values(state=state, moderator_id=actor.id, outcome=outcome, note=reason, resolved_at=now)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise AlreadyDecided(already_decided)
    db.session.execute(
        update(Report).where(Report.case_id == case.id, Report.state == CaseState.OPEN)
        .values(state=state, moderator_id=actor.id, outcome=outcome, resolved_at=now)
        .execution_options(synchronize_session=False))
    db.session.refresh(case)
