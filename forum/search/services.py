"""Search: a parsed query, run on the engine's full-text index within the groups the actor may read,
ranked, grouped by topic and cut into pages."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timezone

from markupsafe import Markup, escape
from sqlalchemy import bindparam, select, text as sql
from sqlalchemy.orm import selectinload

from .. import permissions
from ..accounts.models import User
from ..db_types import UTCDateTime
from ..extensions import db
from ..groups.models import Group
from ..posts.models import Post, Topic
from . import text
from .query import ParsedQuery, QueryError, fts5_match, parse, tsquery
from .schema import FTS_TABLE, VECTOR_COLUMN

PER_PAGE = 20
# Ranking looks at the newest CANDIDATES matching posts (and the newest CANDIDATES title matches):
# enough for any query a person refines, and it keeps a one-word query bounded at a million posts.
CANDIDATES = 2000
TITLE_WEIGHT = 10.0
SNIPPET = 240

__all__ = ["QueryError", "SearchPage", "search"]


@dataclass
class Hit:
    post: Post
    title: Markup
    snippet: Markup
    more: int  # other matching posts in the same topic


@dataclass
class SearchPage:
    query: ParsedQuery | None
    hits: list[Hit] = field(default_factory=list)
    topics: int = 0
    posts: int = 0
    capped: bool = False  # the candidate limit was reached: counts are "at least"
    next_cursor: str | None = None


@dataclass(order=True)
class _Candidate:
    key: tuple
    post_id: int = field(compare=False)
    topic_id: int = field(compare=False)


def _scope(actor: User, parsed: ParsedQuery) -> list[str] | None | bool:
    """The scope tokens the query is restricted to; None for no restriction (an admin, no filter);
    False when nothing can match."""
    if not permissions.is_verified(actor):
        return False
    readable = permissions.readable_group_ids(actor)  # None: every group
    tokens: list[str] | None = None if readable is None else [f"g{group_id}" for group_id in readable]
    if parsed.group_slug:
        group_id = db.session.scalar(select(Group.id).where(Group.slug == parsed.group_slug))
        # An unknown and an unreadable group look the same: nothing found.
        if group_id is None or (readable is not None and group_id not in readable):
            return False
        tokens = [f"g{group_id}"]
    if tokens is not None and not tokens:
        return False
    return tokens


def _author_token(parsed: ParsedQuery) -> str | None | bool:
    if not parsed.handle:
        return None
    author_id = db.session.scalar(select(User.id).where(User.username == parsed.handle, User.deleted_at.is_(None)))
    return False if author_id is None else f"u{author_id}"


def _date_conditions(parsed: ParsedQuery, column: str) -> tuple[str, dict]:
    conditions, params = [], {}
    if parsed.after:
        conditions.append(f"{column} >= :after")
        params["after"] = parsed.after
    if parsed.before:
        conditions.append(f"{column} < :before")
        params["before"] = parsed.before
    return "".join(f" AND {condition}" for condition in conditions), params


def _bind_dates(statement, params):
    for name in params:
        statement = statement.bindparams(bindparam(name, type_=UTCDateTime))
    return statement


def _candidates_sqlite(parsed: ParsedQuery, scope, author, title_only: bool) -> list[tuple]:
    match = fts5_match(parsed, title_only=title_only, scope=scope)
    if author:
        match += f' AND scope_tokens : "{author}"'
    dates, params = _date_conditions(parsed, "d.created_at")
    # CROSS JOIN keeps the FTS table outside: it walks the matches newest first and stops at the limit.
    statement = sql(
        f"SELECT d.post_id, d.topic_id, d.created_at, -bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0, 0.0) AS relevance "
        f"FROM {FTS_TABLE} CROSS JOIN search_documents AS d ON d.post_id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH :match{dates} ORDER BY {FTS_TABLE}.rowid DESC LIMIT :limit"
    ).columns(created_at=UTCDateTime())
    return db.session.execute(_bind_dates(statement, params),
                              {"match": match, "limit": CANDIDATES, **params}).all()


def _candidates_postgres(parsed: ParsedQuery, scope, author, title_only: bool) -> list[tuple]:
    scope_and_author = scope
    where = tsquery(parsed, title_only=title_only, scope=scope_and_author)
    if author:
        where = f"({where}) & '{author}':D"
    rank = tsquery(parsed, title_only=title_only)
    dates, params = _date_conditions(parsed, "created_at")
    weights = "{0, 0, %s, 1}" % (1.0 / TITLE_WEIGHT)
    statement = sql(
        f"SELECT c.post_id, c.topic_id, c.created_at, "
        f"ts_rank_cd('{weights}'::float4[], c.{VECTOR_COLUMN}, to_tsquery('simple', :rank)) AS relevance "
        f"FROM (SELECT post_id, topic_id, created_at, {VECTOR_COLUMN} FROM search_documents "
        f"WHERE {VECTOR_COLUMN} @@ to_tsquery('simple', :where){dates} "
        f"ORDER BY post_id DESC LIMIT :limit) AS c"
    ).columns(created_at=UTCDateTime())
    return db.session.execute(_bind_dates(statement, params),
                              {"where": where, "rank": rank, "limit": CANDIDATES, **params}).all()


def _recency(created_at: datetime, now: datetime) -> float:
    """Up to half as much again for a fresh post, fading with a half-life of 180 days."""
    age_days = max(0.0, (now - created_at).total_seconds() / 86400)
    return 1.0 + 0.5 * math.pow(0.5, age_days / 180)


def _ranked(parsed: ParsedQuery, scope, author, now: datetime) -> tuple[list[_Candidate], bool]:
    run = _candidates_postgres if db.engine.dialect.name == "postgresql" else _candidates_sqlite
    rows = {row.post_id: row for row in run(parsed, scope, author, False)}
    capped = len(rows) >= CANDIDATES
    if not parsed.in_title:  # old title matches compete even when many newer posts mention the words
        for row in run(parsed, scope, author, True):
            rows.setdefault(row.post_id, row)
    candidates = [_Candidate((-round(row.relevance * _recency(row.created_at, now), 9), -row.post_id),
                             row.post_id, row.topic_id) for row in rows.values()]
    candidates.sort()
    return candidates, capped


def _parse_cursor(cursor: str | None) -> tuple[datetime | None, tuple | None]:
    if not cursor:
        return None, None
    try:
        reference, score, post_id = cursor.split("~")
        return (datetime.fromtimestamp(int(reference), timezone.utc),
                (float(score), int(post_id)))
    except (ValueError, OverflowError, OSError):
        return None, None


def search(actor: User, raw_query: str, *, cursor: str | None = None, per_page: int = PER_PAGE) -> SearchPage:
    """Raises QueryError for a query that cannot run."""
    parsed = parse(raw_query)
    page = SearchPage(parsed)
    scope = _scope(actor, parsed)
    author = _author_token(parsed)
    if scope is False or author is False:
        return page
    reference, after_key = _parse_cursor(cursor)
    # Scores carry a recency boost; later pages use the first page's clock so the order stays put.
    now = reference or datetime.now(timezone.utc).replace(microsecond=0)
    candidates, page.capped = _ranked(parsed, scope, author, now)
    best: dict[int, _Candidate] = {}
    counts: dict[int, int] = {}
    for candidate in candidates:
        best.setdefault(candidate.topic_id, candidate)
        counts[candidate.topic_id] = counts.get(candidate.topic_id, 0) + 1
    ordered = list(best.values())
    page.topics, page.posts = len(ordered), len(candidates)
    if after_key is not None:
        ordered = [candidate for candidate in ordered if candidate.key > after_key]
    shown = ordered[:per_page]
    if len(ordered) > per_page:
        last = shown[-1]
        page.next_cursor = f"{int(now.timestamp())}~{last.key[0]!r}~{last.key[1]}"
    page.hits = _hits(parsed, shown, counts)
    return page


def _hits(parsed: ParsedQuery, shown: list[_Candidate], counts: dict[int, int]) -> list[Hit]:
    if not shown:
        return []
    posts = {post.id: post for post in db.session.scalars(
        select(Post).where(Post.id.in_([candidate.post_id for candidate in shown]))
        .options(selectinload(Post.topic).selectinload(Topic.group), selectinload(Post.author)))}
    exact, prefixes = parsed.highlight()
    hits = []
    for candidate in shown:
        post = posts.get(candidate.post_id)
        if post is None:
            continue
        hits.append(Hit(post=post, title=highlight(post.topic.title, exact, prefixes),
                        snippet=snippet(text.html_to_text(post.body_html), exact, prefixes),
                        more=counts[candidate.topic_id] - 1))
    return hits


def _matches(word: str, exact: frozenset[str], prefixes: tuple[str, ...]) -> bool:
    token = text.normalise_word(word)
    return bool(token) and (token in exact or token.startswith(prefixes))


def highlight(value: str, exact: frozenset[str], prefixes: tuple[str, ...]) -> Markup:
    """The text escaped, with the matched words in <mark>: the only markup is ours."""
    out, position = [], 0
    for match in text.WORD.finditer(value):
        if _matches(match.group(), exact, prefixes):
            out.append(escape(value[position:match.start()]))
            out.append(Markup("<mark>%s</mark>") % match.group())
            position = match.end()
    out.append(escape(value[position:]))
    return Markup("").join(out)


def snippet(body: str, exact: frozenset[str], prefixes: tuple[str, ...], length: int = SNIPPET) -> Markup:
    """About `length` characters of the post around its first matched word, highlighted."""
    body = " ".join(body.split())
    start = 0
    for match in text.WORD.finditer(body):
        if _matches(match.group(), exact, prefixes):
            start = max(0, match.start() - length // 4)
            break
    if start:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(body), start + length)
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    piece = highlight(body[start:end], exact, prefixes)
    return Markup("").join([Markup("… ") if start else Markup(""), piece, Markup(" …") if end < len(body) else Markup("")])
