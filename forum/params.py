"""Parsing what a URL carries: ids in the path, `page` and dates in the query string.

Every such value comes from whoever typed the URL, so each is checked here once, for every route:
only ASCII digits, within what the database can store (ids are 64-bit), dates within a calendar the
queries can add a day to. Anything else names something that does not exist (404) or is a bad
request (400): never a 500."""
from __future__ import annotations

from datetime import date

from flask import abort, request
from flask_babel import gettext as _
from werkzeug.routing import IntegerConverter
from wtforms.validators import ValidationError

# The largest id PostgreSQL's BIGINT (and SQLite's INTEGER) can hold.
MAX_ID = 2**63 - 1
# Pages beyond this are not pages of anything a forum has (and their offsets would overflow).
MAX_PAGE = 9_999_999
# Dates a search may name: wide enough for any record, narrow enough that a day more or less is a date.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(9998, 12, 31)


class BoundedIntConverter(IntegerConverter):
    """`<int:...>` for the whole app: ASCII digits only, and at most MAX_ID, so an id too large for the
    database is simply a page that does not exist."""

    regex = r"[0-9]{1,19}"

    def __init__(self, map, fixed_digits=0, min=None, max=None, signed=False):  # noqa: A002 (werkzeug's names)
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=MAX_ID if max is None else min_(max, MAX_ID),
                         signed=False)


def min_(a: int, b: int) -> int:
    return a if a < b else b


def install_converters(app) -> None:
    """Before any blueprint is registered: rules pick their converter when they are added."""
    app.url_map.converters["int"] = BoundedIntConverter


def positive_int(raw: str | None, maximum: int = MAX_ID) -> int | None:
    """A plain positive number written in ASCII digits, or None."""
    if raw is None or not (0 < len(raw) <= len(str(maximum))) or not raw.isascii() or not raw.isdigit():
        return None
    value = int(raw)
    return value if 1 <= value <= maximum else None


def page_argument(name: str = "page") -> int:
    """The `?page=` number. Anything but a plain positive number up to MAX_PAGE names a page that does not exist."""
    raw = request.args.get(name)
    if raw is None:
        return 1
    value = positive_int(raw, MAX_PAGE)
    if value is None:
        abort(404)
    return value


def within_calendar(form, field) -> None:
    """A WTForms validator for search dates (e.g. 9999-12-31 cannot have a next day)."""
    if field.data is not None and not (EARLIEST_DATE <= field.data <= LATEST_DATE):
        raise ValidationError(_("Enter a date between %(first)s and %(last)s.", first=EARLIEST_DATE.year,
                                last=LATEST_DATE.year))
