"""Keeps the search index in step with posts and topics, in the transaction that changes them.

Nobody has to remember to call this: session events catch every change to a Post or a Topic,
through the ORM (before_flush/after_flush) and through ORM-enabled bulk UPDATE/DELETE statements
(do_orm_execute), and rewrite the affected documents from what the database then holds. Only
what `is_indexable` accepts is in the index; everything else has its document removed, so hidden,
deleted and redacted text never stays there."""
from __future__ import annotations

from collections import Counter

from sqlalchemy import delete, event, insert, select, text as sql
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..posts.models import Post, Topic
from . import text
from .models import SearchDocument, SearchTerm
from .schema import FTS_TABLE, TITLE_FTS_TABLE, resume_after_bulk_load, suspend_for_bulk_load

# Topic columns whose change does not touch what the index holds (a reply bumps these).
_TOPIC_IRRELEVANT = frozenset({"last_activity_at", "post_count", "pinned", "locked", "title_phi_findings"})
_BATCH = 500


def is_indexable(post, topic) -> bool:
    """Only what every reader of the group sees: published, not hidden, not deleted, in a visible
    topic. `post` and `topic` are rows or objects with the models' attribute names; a new state
    that takes a post out of view (held, for example) belongs here."""
    return (post.deleted_at is None and not post.hidden and topic is not None and not topic.hidden
            and not getattr(post, "held", False) and getattr(post, "held_at", None) is None)


def group_token(group_id: int) -> str:
    return f"zzg{group_id}"


def author_token(user_id: int) -> str:
    return f"zzu{user_id}"


def document_for(post, topic) -> dict:
    body = text.token_string(text.html_to_text(post.body_html))
    title = text.token_string(topic.title) if post.number == 1 else ""
    scope = group_token(topic.group_id) + (f" {author_token(post.author_id)}" if post.author_id is not None else "")
    return {"post_id": post.id, "topic_id": topic.id, "group_id": topic.group_id, "author_id": post.author_id,
            "created_at": post.created_at, "title_tokens": title, "body_tokens": body, "scope_tokens": scope}


def _words_of(document) -> set[str]:
    """The distinct tokens of a document's title and body (the vocabulary's unit: one per document)."""
    return set(document["title_tokens"].split()) | set(document["body_tokens"].split())


def _vocabulary_add(connection, delta: Counter) -> None:
    """Adds these document counts to the vocabulary (negative: removes), in token order, and drops the
    tokens no document holds any more."""
    changed = sorted((token, count) for token, count in delta.items() if count)
    if not changed:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    for start in range(0, len(changed), _BATCH):
        some = changed[start:start + _BATCH]
        statement = dialect.insert(SearchTerm.__table__)
        connection.execute(statement.on_conflict_do_update(
            index_elements=[SearchTerm.token],
            set_={"documents": SearchTerm.__table__.c.documents + statement.excluded.documents}),
            [{"token": token, "documents": count} for token, count in some])
        gone = [token for token, count in some if count < 0]
        if gone:
            connection.execute(delete(SearchTerm.__table__).where(SearchTerm.token.in_(gone),
                                                                  SearchTerm.documents <= 0))


def fill_vocabulary(connection, *, batch: int = 5000) -> int:
    """Counts the vocabulary afresh from the documents (`forum reindex`, the migration); returns the
    number of distinct tokens."""
    counts: Counter = Counter()
    last_id = 0
    documents = SearchDocument.__table__
    while True:
        rows = connection.execute(select(documents.c.post_id, documents.c.title_tokens, documents.c.body_tokens)
                                  .where(documents.c.post_id > last_id).order_by(documents.c.post_id)
                                  .limit(batch)).mappings().all()
        if not rows:
            break
        for row in rows:
            counts.update(_words_of(row))
        last_id = rows[-1]["post_id"]
    _replace_vocabulary(connection, counts)
    return len(counts)


def _replace_vocabulary(connection, counts: Counter) -> None:
    connection.execute(delete(SearchTerm.__table__))
    rows = [{"token": token, "documents": count} for token, count in sorted(counts.items())]
    for start in range(0, len(rows), 10_000):
        connection.execute(insert(SearchTerm.__table__), rows[start:start + 10_000])


def refresh(connection, *, post_ids=(), topic_ids=()) -> int:
    """Rewrites the documents of these posts and of every post in these topics from the database;
    returns how many are in the index afterwards."""
    post_ids, topic_ids = sorted(set(post_ids)), sorted(set(topic_ids))
    indexed = 0
    for start in range(0, max(len(post_ids), len(topic_ids)), _BATCH):
        some_posts, some_topics = post_ids[start:start + _BATCH], topic_ids[start:start + _BATCH]
        condition = Post.id.in_(some_posts) if some_posts else None
        if some_topics:
            by_topic = Post.topic_id.in_(some_topics)
            condition = by_topic if condition is None else (condition | by_topic)
        posts = connection.execute(select(Post.__table__).where(condition)).all()
        found_topics = {post.topic_id for post in posts}
        topics = {topic.id: topic for topic in connection.execute(
            select(Topic.__table__).where(Topic.id.in_(found_topics)))} if found_topics else {}
        stale = set(some_posts) | {post.id for post in posts}
        documents = SearchDocument.__table__
        stale_condition = documents.c.post_id.in_(stale) if stale else None
        if some_topics:
            by_topic = documents.c.topic_id.in_(some_topics)
            stale_condition = by_topic if stale_condition is None else (stale_condition | by_topic)
        delta: Counter = Counter()
        if stale_condition is not None:
            for old in connection.execute(select(documents.c.title_tokens, documents.c.body_tokens)
                                          .where(stale_condition)).mappings():
                delta.subtract(_words_of(old))
            connection.execute(delete(documents).where(stale_condition))
        rows = [document_for(post, topics.get(post.topic_id)) for post in posts
                if is_indexable(post, topics.get(post.topic_id))]
        if rows:
            connection.execute(insert(documents), rows)
        for row in rows:
            delta.update(_words_of(row))
        _vocabulary_add(connection, delta)
        indexed += len(rows)
    return indexed


def rebuild(connection, *, batch: int = 2000, progress=None) -> int:
    """Empties the index and builds it again for every post (`forum reindex`, migrations), in one
    transaction: the documents first, then the engine's index over all of them in one pass (many
    times faster than row by row at a million posts; searches wait for the commit on PostgreSQL)."""
    if connection.dialect.name == "postgresql":  # no dead rows left behind; the lock is taken anyway
        connection.execute(sql("TRUNCATE search_documents"))
    else:
        connection.execute(delete(SearchDocument.__table__))
    suspend_for_bulk_load(connection)
    total, last_id = 0, 0
    topics: dict[int, object] = {}
    counts: Counter = Counter()
    while True:
        posts = connection.execute(select(Post.__table__).where(Post.id > last_id)
                                   .order_by(Post.id).limit(batch)).all()
        if not posts:
            break
        missing = {post.topic_id for post in posts} - topics.keys()
        if missing:
            topics.update({topic.id: topic for topic in connection.execute(
                select(Topic.__table__).where(Topic.id.in_(missing)))})
        rows = [document_for(post, topics.get(post.topic_id)) for post in posts
                if is_indexable(post, topics.get(post.topic_id))]
        if rows:
            connection.execute(insert(SearchDocument.__table__), rows)
        for row in rows:
            counts.update(_words_of(row))
        total += len(rows)
        last_id = posts[-1].id
        if len(topics) > 50_000:
            topics.clear()
        if progress:
            progress(total, last_id)
    _replace_vocabulary(connection, counts)
    resume_after_bulk_load(connection)
    return total


# --- session events ---------------------------------------------------------------------------------

def _pending(session: Session) -> dict:
    return session.info.setdefault("search_index", {"posts": set(), "post_ids": set(), "topic_ids": set()})


def _topic_changed(session: Session, topic: Topic) -> bool:
    from sqlalchemy import inspect

    state = inspect(topic)
    for attribute in state.mapper.column_attrs:
        if attribute.key in _TOPIC_IRRELEVANT:
            continue
        if state.attrs[attribute.key].history.has_changes():
            return True
    return False


def _before_flush(session: Session, flush_context, instances) -> None:
    pending = _pending(session)
    for obj in session.new:
        if isinstance(obj, Post):
            pending["posts"].add(obj)
    for obj in session.dirty:
        if isinstance(obj, Post) and session.is_modified(obj, include_collections=False):
            pending["posts"].add(obj)
        elif isinstance(obj, Topic) and obj.id is not None and _topic_changed(session, obj):
            pending["topic_ids"].add(obj.id)
    for obj in session.deleted:
        if isinstance(obj, Post) and obj.id is not None:
            pending["post_ids"].add(obj.id)
        elif isinstance(obj, Topic) and obj.id is not None:
            pending["topic_ids"].add(obj.id)


def _after_flush_postexec(session: Session, flush_context) -> None:
    pending = session.info.pop("search_index", None)
    if not pending:
        return
    post_ids = set(pending["post_ids"])
    post_ids.update(post.id for post in pending["posts"] if post.id is not None)
    if post_ids or pending["topic_ids"]:
        refresh(session.connection(), post_ids=post_ids, topic_ids=pending["topic_ids"])


def _after_rollback(session: Session) -> None:
    session.info.pop("search_index", None)


def _do_orm_execute(state) -> object:
    """Bulk UPDATE/DELETE of posts or topics (the moderation services' guarded updates): note which
    rows the statement is about, run it, then rewrite their documents."""
    if not (state.is_update or state.is_delete):
        return None
    statement = state.statement
    table = getattr(statement, "table", None)
    if table is None or table.name not in ("posts", "topics"):
        return None
    if state.is_update and table.name == "topics":
        changed = {getattr(column, "key", str(column)) for column in (statement._values or {})}
        if changed and changed <= _TOPIC_IRRELEVANT:
            return None
    key = table.c.id
    connection = state.session.connection()
    parameters = state.parameters
    if statement.whereclause is not None:
        ids = list(connection.execute(select(key).where(statement.whereclause)).scalars())
    elif isinstance(parameters, list) and parameters and all("id" in row for row in parameters):
        ids = [row["id"] for row in parameters]  # an ORM bulk update by primary key
    else:
        ids = None
    result = state.invoke_statement()
    if ids is None:  # an unconditional bulk statement: rare, and then the whole index is rebuilt
        rebuild(connection)
    elif ids:
        if table.name == "posts":
            refresh(connection, post_ids=ids)
        else:
            refresh(connection, topic_ids=ids)
    return result


_installed = False


def install() -> None:
    """Listens on every session the app makes (idempotent)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _before_flush)
    event.listen(Session, "after_flush_postexec", _after_flush_postexec)
    event.listen(Session, "after_soft_rollback", lambda session, previous: _after_rollback(session))
    event.listen(Session, "do_orm_execute", _do_orm_execute)
    _installed = True


def compact_after_removal(sender, engine, **extra) -> None:
    """SQLite's FTS5 (before 3.42's secure-delete) keeps a deleted document's terms in its segments until
    they are merged: merge them all now, so that redacted words leave the index's pages, which
    secure_delete then overwrites. PostgreSQL's GIN index follows the row and VACUUM."""
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as connection:
        for table in (FTS_TABLE, TITLE_FTS_TABLE):
            connection.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES('optimize')")
