"""The append-only moderation log: every moderation, verification and membership decision.

Entries are only ever inserted. The ORM refuses to update or delete them, including
through bulk `update()`/`delete()` statements, so no code path can rewrite history.
"""
from __future__ import annotations

import csv
import unicodedata
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import JSON, ForeignKey, Index, String, event, func, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, selectinload

from .accounts.models import User
from .core.pagination import KeysetPage, encode_cursor, keyset_page
from .core.text import escape_like
from .db_types import UTCDateTime, utcnow
from .extensions import db


class AppendOnlyError(RuntimeError):
    pass


class LogEntry(db.Model):
    __tablename__ = "moderation_log"
    __table_args__ = (
        Index("ix_moderation_log_group_created", "group_id", "created_at"),
        Index("ix_moderation_log_action", "action"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    # Snapshots, so that the entry stays readable after the actor or target is gone.
    actor_name: Mapped[str] = mapped_column(String(80), default="system")
    action: Mapped[str] = mapped_column(String(64))  # "feature:object:verb", e.g. "group:member:ban"
    target_type: Mapped[str] = mapped_column(String(32), default="")
    target_id: Mapped[int | None] = mapped_column()
    target_label: Mapped[str] = mapped_column(String(200), default="")
    subject_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(2000), default="")
    details: Mapped[dict | None] = mapped_column(JSON)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])


@event.listens_for(LogEntry, "before_update")
def _refuse_update(mapper, connection, target):
    raise AppendOnlyError("moderation log entries cannot be changed")


@event.listens_for(LogEntry, "before_delete")
def _refuse_delete(mapper, connection, target):
    raise AppendOnlyError("moderation log entries cannot be deleted")


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state):
    if (state.is_update or state.is_delete) and any(
        mapper.class_ is LogEntry for mapper in state.all_mappers
    ):
        raise AppendOnlyError("moderation log entries cannot be changed or deleted")


def topic_label(topic) -> str:
    """What the log keeps about a topic or a post in it: ids and the group, never the title. A title can hold
    patient data, and the log is append-only; the log pages show the current (possibly redacted) title,
    joined when they are read, to whoever may see the topic."""
    group = getattr(topic, "group", None)
    where = f" in {group.name}" if group is not None else ""
    return f"topic #{topic.id}{where}"[:200]


def record(
    actor: User | None,
    action: str,
    *,
    target_type: str = "",
    target_id: int | None = None,
    target_label: str = "",
    subject_user: User | None = None,
    group_id: int | None = None,
    reason: str = "",
    details: dict | None = None,
) -> LogEntry:
    """Add a log entry to the session; the caller's transaction commits it with the change it records."""
    entry = LogEntry(
        actor_id=actor.id if actor else None,
        actor_name=actor.display_name if actor else "system",
        action=action,
        target_type=target_type,
        target_id=target_id,
        target_label=target_label[:200],
        subject_user_id=subject_user.id if subject_user else None,
        group_id=group_id,
        reason=(reason or "")[:2000],
        details=details,
    )
    db.session.add(entry)
    return entry


# ----------------------------------------------------------------------------------------------
# Reading the log: filters, pages and CSV
# ----------------------------------------------------------------------------------------------

@dataclass
class LogFilter:
    action: str = ""
    actor: str = ""
    date_from: date | None = None
    date_to: date | None = None
    group_id: int | None = None

    def conditions(self) -> list:
        conditions = []
        if self.action:
            # A full action ("moderation:post:hide") or a prefix ("moderation:post").
            conditions.append(or_(LogEntry.action == self.action, LogEntry.action.startswith(self.action + ":")))
        if self.actor:
            name = self.actor.strip().lstrip("@")
            if name.lower() == "system":
                conditions.append(LogEntry.actor_id.is_(None))
            else:
                pattern = "%" + escape_like(name) + "%"
                conditions.append(or_(LogEntry.actor_name.ilike(pattern, escape="\\"),
                                      LogEntry.actor_id.in_(select(User.id).where(User.username == name.lower()))))
        if self.date_from:
            conditions.append(LogEntry.created_at >= datetime.combine(self.date_from, time.min, timezone.utc))
        if self.date_to:
            conditions.append(LogEntry.created_at < datetime.combine(self.date_to + timedelta(days=1), time.min,
                                                                     timezone.utc))
        if self.group_id:
            conditions.append(LogEntry.group_id == self.group_id)
        return conditions


LOG_ORDER = (LogEntry.created_at, LogEntry.id)


def log_page(log_filter: LogFilter, page: int | None = None, per_page: int = 50, group=None, *,
             after: str | None = None, before: str | None = None) -> KeysetPage | None:
    """A page of the log, newest first, found by the entry it follows (keyset: as fast far back as at the top);
    a numbered `page` (older links) is still served, by offset; None when that page does not exist."""
    conditions = log_filter.conditions()
    if group is not None:
        conditions.append(LogEntry.group_id == group.id)
    query = select(LogEntry).where(*conditions).options(selectinload(LogEntry.actor))
    key = lambda entry: (entry.created_at, entry.id)  # noqa: E731
    if page is not None and page > 1:
        rows = list(db.session.scalars(query.order_by(LogEntry.created_at.desc(), LogEntry.id.desc())
                                       .limit(per_page + 1).offset((page - 1) * per_page)))
        if not rows:
            return None
        items = rows[:per_page]
        result = KeysetPage(items, encode_cursor(key(items[-1])) if len(rows) > per_page else None,
                            encode_cursor(key(items[0])))
    else:
        result = keyset_page(query, LOG_ORDER, key, (datetime, int), per_page, after=after, before=before)
    # The page says how many entries match the filter (an index count, not a walk to the page).
    result.total = db.session.scalar(select(func.count(LogEntry.id)).where(*conditions)) or 0
    return result


def log_actions(group=None) -> list[str]:
    query = select(LogEntry.action).distinct().order_by(LogEntry.action)
    if group is not None:
        query = query.where(LogEntry.group_id == group.id)
    return list(db.session.scalars(query))


_FORMULA_STARTERS = frozenset("=+-@\t\r\n|%\u2212")
# Blanks (any width) and the zero-width and direction marks a spreadsheet skips before the first character.
_IGNORED_AT_START = " \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
                    "\u202f\u205f\u3000\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"


def _csv_cell(value) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas (CSV injection): defuse them. What counts is
    the first character a spreadsheet sees after it drops blanks and invisible characters and folds
    compatibility forms (full-width ＝, small ﹢, ...) to the plain ones."""
    text = "" if value is None else str(value)
    visible = text.lstrip(_IGNORED_AT_START)
    first = unicodedata.normalize("NFKC", visible[:1])[:1]
    if text[:1] in _FORMULA_STARTERS or first in _FORMULA_STARTERS:
        return "'" + text
    return text


def log_csv_rows(log_filter: LogFilter, group_slugs: dict[int, str]):
    """The filtered log as CSV text, streamed in chunks; `group_slugs` names the groups by id.
    Each row has the action's code and, last, the entry as a sentence in the reader's language."""
    from .audit_text import describe_entry

    groups = group_slugs
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # "description" last, so that the columns before it keep their places for existing readers.
    writer.writerow(["id", "time_utc", "actor", "action", "target_type", "target_id", "target", "subject_user_id",
                     "group", "reason", "description"])
    yield buffer.getvalue()
    query = (select(LogEntry).where(*log_filter.conditions()).order_by(LogEntry.created_at, LogEntry.id)
             .execution_options(yield_per=500))
    for entry in db.session.scalars(query):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_csv_cell(value) for value in (
            entry.id, entry.created_at.isoformat(), entry.actor_name, entry.action, entry.target_type, entry.target_id,
            entry.target_label, entry.subject_user_id, groups.get(entry.group_id, ""), entry.reason,
            f"{entry.actor_name} {describe_entry(entry)}")])
        yield buffer.getvalue()
