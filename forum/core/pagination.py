"""One pagination for every list: a page of items, or None when the page number does not exist
(the view answers 404)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..extensions import db


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
