"""Per-request memo: a look-up a page needs many times (for each post, each row) runs once per
request and is kept in `g`; outside a request it simply runs."""
from __future__ import annotations

from flask import g, has_request_context


def cached(key: str, compute):
    if not has_request_context():
        return compute()
    if key not in g:
        setattr(g, key, compute())
    return getattr(g, key)
