"""Engine settings that make concurrent writes safe on the embedded SQLite database."""
from sqlalchemy import event
from sqlalchemy.engine import Engine

SYNCHRONOUS_LEVELS = ("OFF", "NORMAL", "FULL", "EXTRA")


def configure_engine_events(engine: Engine, *, busy_timeout_ms: int = 15000, synchronous: str = "FULL") -> None:
    if engine.dialect.name != "sqlite":
        return
    synchronous = synchronous.upper()
    if synchronous not in SYNCHRONOUS_LEVELS:
        raise RuntimeError(f"SQLITE_SYNCHRONOUS must be one of {', '.join(SYNCHRONOUS_LEVELS)}, not {synchronous!r}")
    busy_timeout_ms = int(busy_timeout_ms)

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, connection_record):
        # Let SQLAlchemy issue BEGIN itself so that every request is one real transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(connection):
        # IMMEDIATE takes the write lock up front, so two writers wait for each other
        # (busy_timeout) instead of failing with "database is locked" mid-transaction.
        # Reads take it too: a GET may write (last visit), and a deferred transaction that
        # upgrades to a write after another commit fails at once, without waiting.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


# SQLite reports a busy or failing disk and a schema mistake ("no such column") with the same
# exception class; only the first kind is worth a "try again" page. PostgreSQL separates them.
_SQLITE_TRANSIENT = ("locked", "busy", "disk", "full", "unable to open", "readonly", "interrupted")


def is_transient(error: Exception) -> bool:
    """Whether a database error means "busy or unavailable, try again" rather than a bug."""
    import sqlite3

    orig = getattr(error, "orig", error)
    if isinstance(orig, sqlite3.Error):
        message = str(orig).lower()
        return any(word in message for word in _SQLITE_TRANSIENT)
    return True
