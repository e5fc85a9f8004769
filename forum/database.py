"""Engine settings that make concurrent writes safe on the embedded SQLite database.

SQLite has one writer at a time. A transaction opened with a plain (deferred) BEGIN that first
reads and then writes can fail at once with "database is locked" when another connection wrote
in between -- the busy timeout does not help there. So a transaction that writes starts with
BEGIN IMMEDIATE, which takes the write lock up front and waits (busy_timeout) for the current
writer. It is opened by the first statement that writes, not by the first read: reads run
outside it (WAL lets them proceed beside a writer), and a request that only reads, or that hashes
a password before writing, does not hold every other writer back. That is the isolation
PostgreSQL gives by default (read committed), so code that is right on one is right on the other;
all of a request's writes are still one transaction, committed or rolled back as a whole."""
from __future__ import annotations

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine

SYNCHRONOUS_LEVELS = ("OFF", "NORMAL", "FULL", "EXTRA")
# Statements that only read; everything else (INSERT, UPDATE, DELETE, SAVEPOINT, DDL) needs the write lock.
_READS = ("SELECT", "PRAGMA", "EXPLAIN", "WITH", "VALUES")


def configure_engine_events(engine: Engine, *, busy_timeout_ms: int = 15000, synchronous: str = "FULL") -> None:
    if engine.dialect.name != "sqlite":
        return
    synchronous = synchronous.upper()
    if synchronous not in SYNCHRONOUS_LEVELS:
        raise RuntimeError(f"SQLITE_SYNCHRONOUS must be one of {', '.join(SYNCHRONOUS_LEVELS)}, not {synchronous!r}")
    busy_timeout_ms = int(busy_timeout_ms)

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, connection_record):
        # No implicit BEGIN from the driver: transactions are opened below, and only for writes.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted and overwritten content is zeroed on disk, so redacted patient data does not linger
        # in free pages (the WAL is checkpointed after a redaction, forum/moderation/redaction.py).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.close()

    @event.listens_for(engine, "before_cursor_execute")
    def _immediate_before_first_write(connection, cursor, statement, parameters, context, executemany):
        dbapi_connection = connection.connection.dbapi_connection
        if dbapi_connection.in_transaction or is_read(statement):
            return
        # Waits up to busy_timeout for another writer; fails as a (transient) OperationalError.
        dbapi_connection.execute("BEGIN IMMEDIATE")


def is_read(statement: str) -> bool:
    head = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else ""
    return head in _READS


# SQLite reports a busy or failing disk and a schema mistake ("no such column") with the same
# exception class; only the first kind is worth a "try again" page. PostgreSQL separates them.
_SQLITE_TRANSIENT = ("locked", "busy", "disk", "full", "unable to open", "readonly", "interrupted")


def is_transient(error: Exception) -> bool:
    """Whether a database error means "busy or unavailable, try again" rather than a bug."""
    orig = getattr(error, "orig", error)
    if isinstance(orig, sqlite3.Error):
        message = str(orig).lower()
        return any(word in message for word in _SQLITE_TRANSIENT)
    return True
