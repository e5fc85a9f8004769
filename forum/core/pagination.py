"""One pagination for every list: a page of items, or None when the page number does not exist
(the view answers 404)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import and_, literal, or_

from ..extensions import db
from ..params import MAX_ID


@dataclass
class Page:
    items: list
    page: int
    pages: int
    total: int

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def page_count(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / per_page))


def paginate(query, count_query, page: int, per_page: int) -> Page | None:
    """Run the count, then the page of the select; None when `page` is outside 1..pages."""
    total = db.session.scalar(count_query) or 0
    pages = page_count(total, per_page)
    if page < 1 or page > pages:
        return None
    items = list(db.session.scalars(query.limit(per_page).offset((page - 1) * per_page)))
    return Page(items, page, pages, total)


# --- keyset pagination: a page is found by the row it follows, not by counting rows before it -------------------
#
# Deep pages cost what the first page costs (an index range, no OFFSET), and a link stays valid while rows are
# added. The cursor is the sort key of a row written into the query string ("after=" the last row shown, or
# "before=" the first): plain text, shareable; a cursor that does not parse is ignored (the first page), and a
# well-formed but invented one only moves the position within what the same query may show anyway.

_CURSOR = re.compile(r"^[0-9]{1,20}(\.[0-9]{1,20}){0,3}$")
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass
class KeysetPage:
    items: list
    next_cursor: str | None
    prev_cursor: str | None
    total: int | None = None  # only where the page shows how many rows there are (asked separately)

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_prev(self) -> bool:
        return self.prev_cursor is not None


def encode_cursor(values) -> str:
    parts = []
    for value in values:
        if isinstance(value, bool):
            parts.append("1" if value else "0")
        elif isinstance(value, datetime):
            delta = value.astimezone(timezone.utc) - EPOCH
            parts.append(str(delta.days * 86_400_000_000 + delta.seconds * 1_000_000 + delta.microseconds))
        else:
            parts.append(str(int(value)))
    return ".".join(parts)


def decode_cursor(raw: str | None, kinds: tuple) -> tuple | None:
    """The sort key in a cursor, typed as `kinds` (bool, datetime or int); None when it does not parse."""
    if not raw or not raw.isascii() or not _CURSOR.match(raw):
        return None
    parts = raw.split(".")
    if len(parts) != len(kinds):
        return None
    values = []
    for part, kind in zip(parts, kinds):
        number = int(part)
        if kind is bool:
            if number not in (0, 1):
                return None
            values.append(bool(number))
        elif kind is datetime:
            if number > 253_402_300_799_999_999:  # after 9999-12-31
                return None
            values.append(EPOCH + timedelta(microseconds=number))
        else:
            if number > MAX_ID:
                return None
            values.append(number)
    return tuple(values)


def _after(columns, values):
    """Rows after the key in a list sorted by `columns` descending (a row-value comparison written out, which
    every engine plans as an index range)."""
    column = columns[0]
    value = literal(values[0], column.type)
    if len(columns) == 1:
        return column < value
    return or_(column < value, and_(column == value, _after(columns[1:], values[1:])))


def _before(columns, values):
    column = columns[0]
    value = literal(values[0], column.type)
    if len(columns) == 1:
        return column > value
    return or_(column > value, and_(column == value, _before(columns[1:], values[1:])))


def keyset_page(query, columns, key_of, kinds, per_page: int, after: str | None = None,
                before: str | None = None) -> KeysetPage:
    """A page of `query` sorted by `columns`, all descending, the last of them unique (the id). `key_of(item)`
    gives an item's values for `columns`. With `after`, the page following that row; with `before`, the page
    preceding it; otherwise (when the cursor does not parse, or nothing lies beyond it) the first page. One statement."""
    after_key, before_key = decode_cursor(after, kinds), decode_cursor(before, kinds)
    if after_key is not None:
        rows = list(db.session.scalars(query.where(_after(columns, after_key))
                                       .order_by(*[column.desc() for column in columns]).limit(per_page + 1)))
        items, more = rows[:per_page], len(rows) > per_page
        if items:
            return KeysetPage(items, encode_cursor(key_of(items[-1])) if more else None,
                              encode_cursor(key_of(items[0])))
    if before_key is not None:
        rows = list(db.session.scalars(query.where(_before(columns, before_key))
                                       .order_by(*[column.asc() for column in columns]).limit(per_page + 1)))
        more = len(rows) > per_page
        items = list(reversed(rows[:per_page]))
        if items:
            return KeysetPage(items, encode_cursor(key_of(items[-1])),
                              encode_cursor(key_of(items[0])) if more else None)
    rows = list(db.session.scalars(query.order_by(*[column.desc() for column in columns]).limit(per_page + 1)))
    items, more = rows[:per_page], len(rows) > per_page
    return KeysetPage(items, encode_cursor(key_of(items[-1])) if more else None, None)
