"""Search: a parsed query, run on the engine's full-text index within the groups the actor may read,
ranked, grouped by topic and cut into pages."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from markupsafe import Markup, escape
from sqlalchemy import bindparam, func, select, text as sql
from sqlalchemy.orm import joinedload

from .. import policy
from ..policy import scopes
from ..accounts.models import User
from ..db_types import UTCDateTime
from ..extensions import db
from ..groups.models import Group
from ..posts.models import Post, Topic
from . import text
from .indexer import author_token, group_token
from .models import SearchDocument, SearchTerm
from .query import ParsedQuery, QueryError, fts5_match, parse, tsquery, tsquery_scope
from .schema import FTS_TABLE, TITLE_FTS_TABLE, TITLE_VECTOR_COLUMN, VECTOR_COLUMN

PER_PAGE = 20
# Ranking looks at the newest CANDIDATES matching posts and the newest TITLE_CANDIDATES title matches
# (so an old thread about the very subject still competes): enough for any query a person refines,
# and it keeps the work of a one-word query bounded at a million posts.
CANDIDATES = 1000
TITLE_CANDIDATES = 200
TITLE_WEIGHT = 10.0
# PostgreSQL looks for candidates among the newest WINDOW post ids first (see _candidates_postgres).
WINDOW = 100_000
# PostgreSQL walks the newest posts instead of asking the GIN index when the vocabulary says the
# candidates lie within this many of them (see _walk_newest); 0 never walks.
WALK_ROWS = 30_000
SNIPPET = 240
# A prefix (`cardio*`) stands for at most this many words of the index's vocabulary, the most frequent
# that start with it: without a bound, `ca*` would read the posting list of every word beginning "ca".
PREFIX_WORDS = 20

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
    narrowed: list[str] = field(default_factory=list)  # prefixes as typed that stood for only part of their words
    prefix_words: int = 0  # ... namely for their this many most frequent
    next_cursor: str | None = None


def _scope(actor: User, parsed: ParsedQuery) -> list[int] | None | bool:
    """The groups the query is restricted to; None for no restriction (an admin, no filter);
    False when nothing can match."""
    if not policy.is_verified(actor):
        return False
    readable = None if policy.is_admin(actor) else scopes.readable_group_ids(actor)  # None: every group
    groups: list[int] | None = None if readable is None else list(readable)
    if parsed.group_slug:
        group_id = db.session.scalar(select(Group.id).where(Group.slug == parsed.group_slug))
        # An unknown and an unreadable group look the same: nothing found.
        if group_id is None or (readable is not None and group_id not in readable):
            return False
        groups = [group_id]
    if groups is not None and not groups:
        return False
    return groups


def _author(parsed: ParsedQuery) -> int | None | bool:
    if not parsed.handle:
        return None
    author_id = db.session.scalar(select(User.id).where(User.username == parsed.handle, User.deleted_at.is_(None)))
    return False if author_id is None else author_id


def _tokens(scope: list[int] | None, author: int | None) -> tuple[list[str] | None, str | None]:
    """The scope as the index's tokens (indexer.py): the engine restricts a query inside the index."""
    return (None if scope is None else [group_token(group_id) for group_id in scope],
            None if author is None else author_token(author))


def _next_after_prefix(prefix: str) -> str:
    """The smallest string above every string that starts with `prefix` (tokens are ASCII)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def expand_prefixes(parsed: ParsedQuery) -> tuple[bool, list[str]]:
    """Replaces each prefix term's last token by the vocabulary's most frequent words that start with
    it. Returns whether the query can match at all (a wanted prefix with no word cannot) and the
    prefixes that stood for only part of their words."""
    narrowed = []
    for term in list(parsed.terms):
        if not term.prefix or term.expansions is not None:
            continue
        start = term.tokens[-1]
        condition = (SearchTerm.token >= start) & (SearchTerm.token < _next_after_prefix(start))
        if db.engine.dialect.name == "postgresql":  # the range reads the btree; this makes any collation exact
            condition &= func.starts_with(SearchTerm.token, start)
        words = list(db.session.scalars(select(SearchTerm.token).where(condition)
                                        .order_by(SearchTerm.documents.desc(), SearchTerm.token)
                                        .limit(PREFIX_WORDS + 1)))
        if len(words) > PREFIX_WORDS:
            words = words[:PREFIX_WORDS]
            narrowed.append(term.typed)
        term.expansions = words
        if not words:
            if not term.negated:
                return False, []
            parsed.terms.remove(term)  # nothing to leave out
    return True, narrowed


def _date_conditions(parsed: ParsedQuery, column: str) -> tuple[str, dict]:
    conditions, params = [], {}
    if parsed.after:
        conditions.append(f"{column} >= :after")
        params["after"] = parsed.after
    if parsed.before:
        conditions.append(f"{column} < :before")
        params["before"] = parsed.before
    return "".join(f" AND {condition}" for condition in conditions), params


def _relevance_sqlite(parsed: ParsedQuery, name: str, params: dict) -> tuple[str, str]:
    """BM25's term-frequency part, computed on the candidates' token strings: each word (or phrase,
    or prefix) counts with saturation, in the title ten times a body mention, the body's weight
    normalised by its length against the candidates' average. No inverse document frequency: every
    candidate contains every word, and counting a common word's documents (what FTS5's bm25() does
    before its first row) reads its whole posting list -- the one part of a search that would grow
    with the number of posts. Returns the per-term counts (for the inner select) and the relevance
    over them (for the outer one), so that each count is computed once."""
    k1, b = 1.2, 0.75
    counts, parts = [], []
    for position, term in enumerate(parsed.positive):
        key = f"{name}_w{position}"
        params[key] = " " + " ".join(term.tokens) + ("" if term.prefix else " ")
        for column, weight in (("title", TITLE_WEIGHT), ("body", 1.0)):
            alias = f"{column}{position}"
            padded = f"(' ' || c.{column}_tokens || ' ')"
            counts.append(f"(length({padded}) - length(replace({padded}, :{key}, ''))) * 1.0 / length(:{key}) AS {alias}")
            norm = k1 if column == "title" else f"{k1} * ({1 - b} + {b} * c.size / max(1.0, AVG(c.size) OVER ()))"
            parts.append(f"{weight} * {alias} * {k1 + 1} / ({alias} + {norm})")
    return ", ".join(counts), " + ".join(parts)


def _candidates_sqlite(parsed: ParsedQuery, scope, author, title_only: bool, name: str) -> tuple[list, str, dict]:
    scope, author = _tokens(scope, author)
    match = fts5_match(parsed, title_only=title_only, scope=scope)
    if author:
        match += f' AND scope_tokens : "{author}"'
    dates, params = _date_conditions(parsed, "d.created_at")
    params[name] = match
    counts, relevance = _relevance_sqlite(parsed, name, params)
    # CROSS JOIN keeps the FTS table outside: it walks the matches newest first and stops at the limit.
    table = TITLE_FTS_TABLE if (title_only or parsed.in_title) else FTS_TABLE
    return ([], f"SELECT c.post_id, c.topic_id, c.day, {relevance} AS relevance FROM ("
            f"SELECT c.post_id, c.topic_id, c.day, length(c.body_tokens) AS size, {counts} FROM ("
            f"SELECT d.post_id, d.topic_id, julianday(d.created_at) - 2440587.5 AS day, d.title_tokens, "
            f"d.body_tokens FROM {table} CROSS JOIN search_documents AS d ON d.post_id = {table}.rowid "
            f"WHERE {table} MATCH :{name}{dates} ORDER BY {table}.rowid DESC "
            f"LIMIT {TITLE_CANDIDATES if title_only else CANDIDATES}) AS c) AS c",
            params)


def _walk_newest(parsed: ParsedQuery, scope, newest: int, groups: int = 1) -> bool:
    """Whether the newest matches are cheaper found by walking the newest posts (and testing each)
    than through the GIN index, which answers with every match in the whole index -- the part of a
    search that grows with the number of posts. The vocabulary's document counts say how dense the
    matches are: walking pays when the CANDIDATES newest turn up within WALK_ROWS posts."""
    if not WALK_ROWS or newest <= 0:
        return False
    tokens = {token for term in parsed.positive for tokens in term.variants() for token in tokens}
    counts = dict(db.session.execute(select(SearchTerm.token, SearchTerm.documents)
                                     .where(SearchTerm.token.in_(tokens))).all()) if tokens else {}
    density = 1.0
    for term in parsed.positive:  # words taken as independent; a phrase as dense as its rarest word
        term_documents = sum(min(counts.get(token, 0) for token in tokens) for tokens in term.variants())
        density *= min(1.0, term_documents / newest)
    if scope is not None:
        density *= min(1.0, len(scope) / max(1, groups))
    return density > 0 and CANDIDATES / density <= WALK_ROWS


def _candidates_postgres(parsed: ParsedQuery, scope, author, title_only: bool, name: str,
                         walk: bool = False) -> tuple[list, str, dict]:
    terms = tsquery(parsed)
    author_query = tsquery_scope(None, _tokens(None, author)[1])
    params = {f"{name}_rank": terms}
    titles = title_only or parsed.in_title
    if titles:
        conditions = f"{TITLE_VECTOR_COLUMN} @@ to_tsquery('simple', :{name})"
        params[name] = terms
        if author_query:
            conditions += f" AND {VECTOR_COLUMN} @@ to_tsquery('simple', :{name}_author)"
            params[f"{name}_author"] = author_query
    else:  # the author's token is rare: one probe of the GIN index for it and the words together
        conditions = f"{VECTOR_COLUMN} @@ to_tsquery('simple', :{name})"
        params[name] = f"({terms}) & {author_query}" if author_query else terms
    # The groups as a column, not as tokens in the tsvector: the (group_id, post_id) index gives the
    # readable groups' newest posts, which the planner intersects with the words' GIN bitmap (or
    # walks, for one group) -- without reading every readable group's posting list.
    if scope is not None and len(scope) == 1:  # one group: its posts newest first, from the index
        conditions += f" AND group_id = :{name}_group"
        params[f"{name}_group"] = scope[0]
    elif scope is not None:
        conditions += f" AND group_id = ANY(:{name}_groups)"
        params[f"{name}_groups"] = list(scope)
    dates, date_params = _date_conditions(parsed, "created_at")
    limit = TITLE_CANDIDATES if title_only else CANDIDATES
    weights = "{0, 0, %s, 1}" % (1.0 / TITLE_WEIGHT)
    matching = (f"SELECT post_id, topic_id, created_at, {VECTOR_COLUMN} FROM search_documents "
                f"WHERE {conditions}{dates}")
    recent = matching
    if walk and titles:
        # Common words: the newest opening posts walked through their own index (OPENING_INDEX), each
        # title tested -- rather than every title match in the index, or every post of the window.
        words = f"ts_match_vq({TITLE_VECTOR_COLUMN}, to_tsquery('simple', :{name}))"
        if scope is not None and len(scope) == 1:
            words = f"CASE WHEN group_id = :{name}_group THEN {words} ELSE false END"
        elif scope is not None:
            words = f"CASE WHEN group_id = ANY(:{name}_groups) THEN {words} ELSE false END"
        if author_query:
            words += f" AND {VECTOR_COLUMN} @@ to_tsquery('simple', :{name}_author)"
        recent = (f"SELECT post_id, topic_id, created_at, {VECTOR_COLUMN} FROM search_documents "
                  f"WHERE title_tokens <> '' AND {words}{dates}")
    elif walk:
        # The same test without the @@ operator, which the GIN index answers: the planner can only walk
        # the newest posts; the groups are tested first, the words only on the readable groups' posts.
        words = f"ts_match_vq({VECTOR_COLUMN}, to_tsquery('simple', :{name}))"
        if scope is not None and len(scope) == 1:
            words = f"CASE WHEN group_id = :{name}_group THEN {words} ELSE false END"
        elif scope is not None:
            words = f"CASE WHEN group_id = ANY(:{name}_groups) THEN {words} ELSE false END"
        recent = (f"SELECT post_id, topic_id, created_at, {VECTOR_COLUMN} FROM search_documents "
                  f"WHERE {words}{dates}")
    rank = (f"SELECT c.post_id, c.topic_id, extract(epoch FROM c.created_at) / 86400.0 AS day, "
            f"ts_rank_cd('{weights}'::float4[], c.{VECTOR_COLUMN}, to_tsquery('simple', :{name}_rank)) AS relevance ")
    # The newest posts first (WINDOW post ids): when they hold enough candidates, which is what a
    # common word does, the rest of the index is not touched -- a GIN index answers with every match,
    # so without the window the work would grow with the number of posts. Only when the window holds
    # too few does the older part run (its one-time filter skips it otherwise); the candidates are
    # the newest `limit` matches either way. Titles are found through their GIN index and sorted,
    # never by a walk through every post in id order -- which the planner would pick on its guess
    # for a prefix, and then find nothing.
    # The older part runs only for words too rare to fill the window: their GIN bitmap, sorted, is
    # cheaper than the walk back through the posts the planner would otherwise guess at.
    order = "post_id + 0" if titles and not walk else "post_id"
    ctes = [f"{name}_recent AS ({recent} AND post_id >= :window_floor ORDER BY {order} DESC LIMIT {limit})",
            f"{name}_older AS ({matching} AND post_id < :window_floor "
            f"AND (SELECT count(*) FROM {name}_recent) < {limit} ORDER BY post_id + 0 DESC "
            f"LIMIT {limit} - (SELECT count(*) FROM {name}_recent))"]
    # The rank is computed on the limited candidates only.
    return (ctes, f"{rank} FROM (SELECT * FROM {name}_recent UNION ALL SELECT * FROM {name}_older) AS c",
            {**params, **date_params})


def _ranked_topics(parsed: ParsedQuery, scope, author, now: datetime, after_key, limit: int):
    """One statement: the candidates, scored with the recency boost, grouped by topic (best post
    first, with the topic's number of matching posts), and the page after `after_key`."""
    postgres = db.engine.dialect.name == "postgresql"
    build = _candidates_postgres if postgres else _candidates_sqlite
    params: dict = {}
    walk = False
    if postgres:
        # One look-up for the newest document and the number of groups (_walk_newest); and no JIT
        # compilation for the search in this transaction: the planner's cost guess for the older part
        # (which mostly does not run) passes jit_above_cost at a million posts, and compiling took
        # ~120 ms -- more than the whole search.
        newest, groups = db.session.execute(sql(
            "SELECT set_config('jit', 'off', true), (SELECT max(post_id) FROM search_documents), "
            "(SELECT count(*) FROM groups)")).one()[1:]
        newest = newest or 0
        params["window_floor"] = newest - WINDOW
        # An author or an upper date bound makes the newest posts a poor place to look: no walk.
        walk = author is None and parsed.before is None and _walk_newest(parsed, scope, newest, groups=groups)
    ctes, arms = [], []
    for name, title_only in (("everywhere", False), ("titles", True)):
        if title_only and parsed.in_title:
            continue  # old title matches compete even when many newer posts mention the words
        extra = {"walk": walk} if postgres else {}
        fragment_ctes, fragment, fragment_params = build(parsed, scope, author, title_only, name, **extra)
        ctes.extend(fragment_ctes)
        arms.append(fragment)
        params.update(fragment_params)
    now_day = now.timestamp() / 86400.0
    page_filter = ""
    if after_key is not None:
        page_filter = "WHERE score < :after_score OR (score = :after_score AND post_id < :after_post)"
        params.update(after_score=after_key[0], after_post=after_key[1])
    statement = sql(
        f"WITH {''.join(cte + ', ' for cte in ctes)}candidates AS ({' UNION ALL '.join(arms)}), "
        "best AS (SELECT post_id, topic_id, MAX(relevance) AS relevance, MAX(day) AS day "
        "FROM candidates GROUP BY post_id, topic_id), "
        "scored AS (SELECT post_id, topic_id, "
        "relevance * (1.0 + 0.5 / (1.0 + (:now_day - day) / 180.0)) AS score FROM best), "
        "grouped AS (SELECT post_id, topic_id, score, "
        "ROW_NUMBER() OVER (PARTITION BY topic_id ORDER BY score DESC, post_id DESC) AS position, "
        "COUNT(*) OVER (PARTITION BY topic_id) AS in_topic FROM scored), "
        "topics AS (SELECT post_id, topic_id, score, in_topic, COUNT(*) OVER () AS topic_total, "
        "SUM(in_topic) OVER () AS post_total FROM grouped WHERE position = 1) "
        f"SELECT post_id, topic_id, score, in_topic, topic_total, post_total FROM topics {page_filter} "
        "ORDER BY score DESC, post_id DESC LIMIT :limit")
    for name in ("after", "before"):
        if name in params:
            statement = statement.bindparams(bindparam(name, type_=UTCDateTime))
    return db.session.execute(statement, {**params, "now_day": now_day, "limit": limit}).all()


def _parse_cursor(cursor: str | None) -> tuple[datetime | None, tuple | None]:
    if not cursor:
        return None, None
    try:
        reference, score, post_id = cursor.split("~")
        return datetime.fromtimestamp(int(reference), timezone.utc), (float(score), int(post_id))
    except (ValueError, OverflowError, OSError):
        return None, None


def search(actor: User, raw_query: str, *, cursor: str | None = None, per_page: int = PER_PAGE) -> SearchPage:
    """Raises QueryError for a query that cannot run."""
    parsed = parse(raw_query)
    page = SearchPage(parsed)
    scope = _scope(actor, parsed)
    author = _author(parsed)
    if scope is False or author is False:
        return page
    matchable, narrowed = expand_prefixes(parsed)
    page.narrowed, page.prefix_words = narrowed, PREFIX_WORDS
    if not matchable:
        return page
    reference, after_key = _parse_cursor(cursor)
    # Scores carry a recency boost; later pages use the first page's clock so the order stays put.
    now = reference or datetime.now(timezone.utc).replace(microsecond=0)
    rows = _ranked_topics(parsed, scope, author, now, after_key, per_page + 1)
    if rows:
        page.topics, page.posts = int(rows[0].topic_total), int(rows[0].post_total)
        page.capped = page.posts >= CANDIDATES
    shown = rows[:per_page]
    if len(rows) > per_page:
        last = shown[-1]
        page.next_cursor = f"{int(now.timestamp())}~{float(last.score)!r}~{last.post_id}"
    page.hits = _hits(parsed, shown)
    return page


def _hits(parsed: ParsedQuery, shown: list) -> list[Hit]:
    if not shown:
        return []
    posts = {post.id: post for post in db.session.scalars(
        select(Post).where(Post.id.in_([row.post_id for row in shown]))
        .options(joinedload(Post.topic).joinedload(Topic.group), joinedload(Post.author)))}
    exact, prefixes = parsed.highlight()
    hits = []
    for candidate in shown:
        post = posts.get(candidate.post_id)
        if post is None:
            continue
        hits.append(Hit(post=post, title=highlight(post.topic.title, exact, prefixes),
                        snippet=snippet(text.html_to_text(post.body_html), exact, prefixes),
                        more=int(candidate.in_topic) - 1))
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
