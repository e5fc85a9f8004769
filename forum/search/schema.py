"""The engine-specific half of the index, created beside the search_documents table.

SQLite: an FTS5 table that uses search_documents as its external content, kept in step by triggers
(so every insert or delete of a document row updates it, in the same transaction).
PostgreSQL: a stored generated tsvector column (title weight A, body B, scope D) with a GIN index.
Both index the pre-normalised tokens as they are: FTS5 with its ASCII tokenizer, PostgreSQL with
the `simple` configuration, so the two engines agree on every token.

Alembic does not know these objects; `include_object` keeps them out of the model comparison."""
from __future__ import annotations

from sqlalchemy import event, text

from .models import SearchDocument

FTS_TABLE = "search_fts"
# SQLite: the opening posts' titles alone, so that a title search walks title matches only (in the
# main table a word common in bodies would be walked through every body that holds it).
TITLE_FTS_TABLE = "search_fts_titles"
VECTOR_COLUMN = "search_vector"
VECTOR_INDEX = "ix_search_documents_search_vector"
# Titles alone, with their own index and statistics: title matches are rare, and the planner must know it.
TITLE_VECTOR_COLUMN = "title_vector"
TITLE_VECTOR_INDEX = "ix_search_documents_title_vector"
# PostgreSQL: the readable groups' newest documents, intersected with the words' GIN bitmap (the
# scope as a column, not as tokens every query would read whole posting lists of).
GROUP_INDEX = "ix_search_documents_group_id_post_id"
# PostgreSQL: the opening posts (the ones with a title) newest first, for a title search whose words
# are common: walking the newest titles beats reading every title match from the GIN index.
OPENING_INDEX = "ix_search_documents_opening_post_id"
_POSTGRES_OPENING_INDEX = (f"CREATE INDEX IF NOT EXISTS {OPENING_INDEX} ON search_documents (post_id) "
                           "WHERE title_tokens <> ''")

_SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        title_tokens, body_tokens, scope_tokens,
        content='search_documents', content_rowid='post_id', tokenize='ascii', prefix='3')""",
    f"""CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title_tokens, body_tokens, scope_tokens)
        VALUES (new.post_id, new.title_tokens, new.body_tokens, new.scope_tokens); END""",
    f"""CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_tokens, body_tokens, scope_tokens)
        VALUES ('delete', old.post_id, old.title_tokens, old.body_tokens, old.scope_tokens); END""",
    f"""CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_tokens, body_tokens, scope_tokens)
        VALUES ('delete', old.post_id, old.title_tokens, old.body_tokens, old.scope_tokens);
        INSERT INTO {FTS_TABLE}(rowid, title_tokens, body_tokens, scope_tokens)
        VALUES (new.post_id, new.title_tokens, new.body_tokens, new.scope_tokens); END""",
]
_SQLITE_TITLE_CREATE = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {TITLE_FTS_TABLE} USING fts5(
        title_tokens, scope_tokens,
        content='search_documents', content_rowid='post_id', tokenize='ascii', prefix='3')""",
    f"""CREATE TRIGGER IF NOT EXISTS search_documents_title_ai AFTER INSERT ON search_documents
        WHEN new.title_tokens != '' BEGIN
        INSERT INTO {TITLE_FTS_TABLE}(rowid, title_tokens, scope_tokens)
        VALUES (new.post_id, new.title_tokens, new.scope_tokens); END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_documents_title_ad AFTER DELETE ON search_documents
        WHEN old.title_tokens != '' BEGIN
        INSERT INTO {TITLE_FTS_TABLE}({TITLE_FTS_TABLE}, rowid, title_tokens, scope_tokens)
        VALUES ('delete', old.post_id, old.title_tokens, old.scope_tokens); END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_documents_title_au_old AFTER UPDATE ON search_documents
        WHEN old.title_tokens != '' BEGIN
        INSERT INTO {TITLE_FTS_TABLE}({TITLE_FTS_TABLE}, rowid, title_tokens, scope_tokens)
        VALUES ('delete', old.post_id, old.title_tokens, old.scope_tokens); END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_documents_title_au_new AFTER UPDATE ON search_documents
        WHEN new.title_tokens != '' BEGIN
        INSERT INTO {TITLE_FTS_TABLE}(rowid, title_tokens, scope_tokens)
        VALUES (new.post_id, new.title_tokens, new.scope_tokens); END""",
]
_SQLITE_TITLE_FILL = [
    f"INSERT INTO {TITLE_FTS_TABLE}({TITLE_FTS_TABLE}) VALUES ('delete-all')",
    f"""INSERT INTO {TITLE_FTS_TABLE}(rowid, title_tokens, scope_tokens)
        SELECT post_id, title_tokens, scope_tokens FROM search_documents WHERE title_tokens != ''""",
]
_SQLITE_TITLE_DROP = [
    "DROP TRIGGER IF EXISTS search_documents_title_au_new",
    "DROP TRIGGER IF EXISTS search_documents_title_au_old",
    "DROP TRIGGER IF EXISTS search_documents_title_ad",
    "DROP TRIGGER IF EXISTS search_documents_title_ai",
    f"DROP TABLE IF EXISTS {TITLE_FTS_TABLE}",
]
_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_documents_au",
    "DROP TRIGGER IF EXISTS search_documents_ad",
    "DROP TRIGGER IF EXISTS search_documents_ai",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
# The scope's author token (weight D) stays in the tsvector -- one rare token probed with the words;
# the group tokens do not: PostgreSQL scopes by the group_id column (GROUP_INDEX), and every group
# token in the GIN index was a posting list nobody read.
_POSTGRES_VECTOR = f"""ALTER TABLE search_documents ADD COLUMN {VECTOR_COLUMN} tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title_tokens, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(body_tokens, '')), 'B')
        || setweight(to_tsvector('simple'::regconfig,
                                 regexp_replace(coalesce(scope_tokens, ''), 'zzg[0-9]+', '', 'g')), 'D')) STORED"""
# fastupdate off: a GIN index with a pending list makes every search read that list through (up to
# 4 MB of recent entries) until VACUUM merges it; a publish pays a little more instead.
_POSTGRES_VECTOR_INDEX = (f"CREATE INDEX {VECTOR_INDEX} ON search_documents USING gin ({VECTOR_COLUMN}) "
                          "WITH (fastupdate = off)")
_POSTGRES_CREATE = [
    _POSTGRES_VECTOR,
    _POSTGRES_VECTOR_INDEX,
    f"""ALTER TABLE search_documents ADD COLUMN {TITLE_VECTOR_COLUMN} tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, coalesce(title_tokens, ''))) STORED""",
    f"CREATE INDEX {TITLE_VECTOR_INDEX} ON search_documents USING gin ({TITLE_VECTOR_COLUMN}) WITH (fastupdate = off)",
    _POSTGRES_OPENING_INDEX,
    f"CREATE INDEX IF NOT EXISTS {GROUP_INDEX} ON search_documents (group_id, post_id)",
]
_POSTGRES_DROP = [
    f"DROP INDEX IF EXISTS {OPENING_INDEX}",
    f"DROP INDEX IF EXISTS {GROUP_INDEX}",
    f"DROP INDEX IF EXISTS {TITLE_VECTOR_INDEX}",
    f"ALTER TABLE search_documents DROP COLUMN IF EXISTS {TITLE_VECTOR_COLUMN}",
    f"DROP INDEX IF EXISTS {VECTOR_INDEX}",
    f"ALTER TABLE search_documents DROP COLUMN IF EXISTS {VECTOR_COLUMN}",
]


def suspend_for_bulk_load(connection) -> None:
    """Before filling an empty index in bulk: stop maintaining the engine's index row by row (SQLite:
    the triggers; PostgreSQL: the GIN indexes). `resume_after_bulk_load` builds it in one pass."""
    if connection.dialect.name == "sqlite":
        for statement in _SQLITE_DROP[:3] + _SQLITE_TITLE_DROP[:4]:
            connection.execute(text(statement))
        connection.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')"))
    elif connection.dialect.name == "postgresql":
        for index in (GROUP_INDEX, OPENING_INDEX, TITLE_VECTOR_INDEX, VECTOR_INDEX):
            connection.execute(text(f"DROP INDEX IF EXISTS {index}"))


def resume_after_bulk_load(connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))
        for statement in _SQLITE_CREATE[1:] + _SQLITE_TITLE_FILL + _SQLITE_TITLE_CREATE[1:]:
            connection.execute(text(statement))
    elif connection.dialect.name == "postgresql":
        connection.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
        for statement in _POSTGRES_CREATE:
            if statement.startswith("CREATE INDEX"):
                connection.execute(text(statement))


def create_engine_index(connection) -> None:
    statements = {"sqlite": _SQLITE_CREATE + _SQLITE_TITLE_CREATE,
                  "postgresql": _POSTGRES_CREATE}.get(connection.dialect.name, [])
    for statement in statements:
        connection.execute(text(statement))


def create_title_index(connection) -> None:
    """Migration 0021 (a new database gets these from create_engine_index): SQLite's title-only FTS5
    table and its triggers, filled from the documents; PostgreSQL's (group_id, post_id) index."""
    if connection.dialect.name == "sqlite":
        for statement in _SQLITE_TITLE_CREATE + _SQLITE_TITLE_FILL:
            connection.execute(text(statement))
    elif connection.dialect.name == "postgresql":
        connection.execute(text(_POSTGRES_CREATE[-1]))


def drop_title_index(connection) -> None:
    if connection.dialect.name == "sqlite":
        for statement in _SQLITE_TITLE_DROP:
            connection.execute(text(statement))
    elif connection.dialect.name == "postgresql":
        connection.execute(text(f"DROP INDEX IF EXISTS {GROUP_INDEX}"))


def vector_without_group_tokens(connection, *, with_group_tokens: bool = False) -> None:
    """Migration 0025: the tsvector column built again without the group tokens (a new database gets
    it from create_engine_index; its downgrade puts them back). Rewrites every document row and builds
    the GIN index in one pass."""
    if connection.dialect.name != "postgresql":
        return
    vector = _POSTGRES_VECTOR
    if with_group_tokens:
        vector = vector.replace("regexp_replace(coalesce(scope_tokens, ''), 'zzg[0-9]+', '', 'g')",
                                "coalesce(scope_tokens, '')")
    connection.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
    connection.execute(text(f"DROP INDEX IF EXISTS {VECTOR_INDEX}"))
    connection.execute(text(f"ALTER TABLE search_documents DROP COLUMN IF EXISTS {VECTOR_COLUMN}"))
    connection.execute(text(vector))
    connection.execute(text(_POSTGRES_VECTOR_INDEX))
    connection.execute(text(f"ALTER INDEX IF EXISTS {TITLE_VECTOR_INDEX} "
                            f"SET (fastupdate = {'on' if with_group_tokens else 'off'})"))
    if with_group_tokens:
        connection.execute(text(f"DROP INDEX IF EXISTS {OPENING_INDEX}"))
    else:
        connection.execute(text(_POSTGRES_OPENING_INDEX))


def create_opening_index(connection) -> None:
    """PostgreSQL's index of opening posts (part of migration 0025; here for a database made before)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text(_POSTGRES_OPENING_INDEX))


def vector_holds_group_tokens(connection) -> bool:
    """Whether the tsvector column still has the expression from before migration 0025."""
    expression = connection.execute(text(
        "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a "
        "ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
        "WHERE d.adrelid = 'search_documents'::regclass AND a.attname = :column"),
        {"column": VECTOR_COLUMN}).scalar()
    return expression is not None and "zzg" not in expression


def drop_engine_index(connection) -> None:
    statements = {"sqlite": _SQLITE_TITLE_DROP + _SQLITE_DROP,
                  "postgresql": _POSTGRES_DROP}.get(connection.dialect.name, [])
    for statement in statements:
        connection.execute(text(statement))


@event.listens_for(SearchDocument.__table__, "after_create")
def _after_create(target, connection, **kw):
    create_engine_index(connection)


@event.listens_for(SearchDocument.__table__, "before_drop")
def _before_drop(target, connection, **kw):
    drop_engine_index(connection)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """For Alembic's comparison: the FTS5 table (and its shadow tables) and the tsvector column and
    its index are made by this module, not described by the models."""
    if type_ == "table" and name and name.startswith(FTS_TABLE):
        return False
    if type_ == "column" and name in (VECTOR_COLUMN, TITLE_VECTOR_COLUMN) and obj.table.name == "search_documents":
        return False
    if type_ == "index" and name in (VECTOR_INDEX, TITLE_VECTOR_INDEX, GROUP_INDEX, OPENING_INDEX):
        return False
    return True
