"""A rate-limit storage in one SQLite file, for the embedded default: every worker process on the host
counts in the same file, so a limit holds across workers and restarts without running Redis.

`limits` (behind Flask-Limiter) ships storages for memory, Redis, Memcached and MongoDB only; the
memory one counts per worker and forgets on restart. This registers the scheme `konsil+sqlite`:

    RATELIMIT_STORAGE_URI=konsil+sqlite:////var/lib/konsil/ratelimits.sqlite3   (four slashes: absolute)

Konsil limits with a moving window (RATELIMIT_STRATEGY): each request is one row with its time, and a new one
is admitted, inside one write transaction, only while fewer than the limit fall within the window (SQLite
serialises writers; WAL lets readers through). Fixed windows work too (one counter row, incremented with a
single atomic UPSERT). Several hosts need a
store they all reach: Redis (production refuses anything else that is not shared, see config.py)."""
from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
from pathlib import Path

from limits.storage import MovingWindowSupport, Storage

SCHEME = "konsil+sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS rate_limit_counters (
    key TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    expires_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS rate_limit_entries (
    key TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS rate_limit_entries_key_at ON rate_limit_entries (key, at);
"""
_INCREMENT = """
INSERT INTO rate_limit_counters (key, count, expires_at) VALUES (:key, :amount, :expires)
ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN rate_limit_counters.expires_at <= :now THEN excluded.count
                 ELSE rate_limit_counters.count + excluded.count END,
    expires_at = CASE WHEN rate_limit_counters.expires_at <= :now THEN excluded.expires_at
                      ELSE rate_limit_counters.expires_at END
RETURNING count
"""


def path_from_uri(uri: str) -> str:
    """konsil+sqlite:///relative/file or konsil+sqlite:////absolute/file (as SQLAlchemy spells SQLite URLs)."""
    prefix = SCHEME + ":///"
    if not uri.startswith(prefix) or len(uri) == len(prefix):
        raise ValueError(f"a {SCHEME} storage URI looks like {SCHEME}:////path/to/ratelimits.sqlite3")
    return uri[len(prefix):]


class SQLiteStorage(Storage, MovingWindowSupport):
    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.path = path_from_uri(uri or "")
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._connection() as connection:
            connection.executescript(_SCHEMA)

    @property
    def base_exceptions(self):
        return sqlite3.Error

    def _connection(self) -> sqlite3.Connection:
        """One connection per thread and process: a connection must not cross a fork (gunicorn's workers)."""
        connection = getattr(self._local, "connection", None)
        if connection is None or self._local.pid != os.getpid():
            connection = sqlite3.connect(self.path, timeout=5, isolation_level=None, check_same_thread=True)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")  # counters may lose the last second on a power cut
            self._local.connection, self._local.pid = connection, os.getpid()
        return connection

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = time.time()
        connection = self._connection()
        if random.random() < 0.002:  # forget windows that ended a while ago, now and then
            connection.execute("DELETE FROM rate_limit_counters WHERE expires_at < ?", (now - 60,))
        row = connection.execute(_INCREMENT, {"key": key, "amount": amount, "expires": now + expiry,
                                              "now": now}).fetchone()
        return int(row[0])

    def get(self, key: str) -> int:
        row = self._connection().execute(
            "SELECT count FROM rate_limit_counters WHERE key = ? AND expires_at > ?", (key, time.time())).fetchone()
        return int(row[0]) if row else 0

    def get_expiry(self, key: str) -> float:
        now = time.time()
        row = self._connection().execute(
            "SELECT expires_at FROM rate_limit_counters WHERE key = ? AND expires_at > ?", (key, now)).fetchone()
        return float(row[0]) if row else now

    def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        """Admit `amount` requests at once if the window still has room for them (moving window)."""
        if amount > limit:
            return False
        now = time.time()
        connection = self._connection()
        connection.execute("BEGIN IMMEDIATE")  # count and insert as one step against other workers
        try:
            if random.random() < 0.002:  # forget requests that left every window a while ago, now and then
                connection.execute("DELETE FROM rate_limit_entries WHERE at < ?", (now - 86400 * 2,))
            (count,) = connection.execute("SELECT COUNT(*) FROM rate_limit_entries WHERE key = ? AND at > ?",
                                          (key, now - expiry)).fetchone()
            admitted = count + amount <= limit
            if admitted:
                connection.executemany("INSERT INTO rate_limit_entries (key, at) VALUES (?, ?)",
                                       [(key, now)] * amount)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return admitted

    def get_moving_window(self, key: str, limit: int, expiry: int) -> tuple[float, int]:
        """The oldest request still in the window and how many are in it."""
        now = time.time()
        oldest, count = self._connection().execute(
            "SELECT MIN(at), COUNT(*) FROM rate_limit_entries WHERE key = ? AND at > ?", (key, now - expiry)).fetchone()
        return (float(oldest), int(count)) if count else (now, 0)

    def check(self) -> bool:
        try:
            self._connection().execute("SELECT 1").fetchone()
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        connection = self._connection()
        cursor = connection.execute("DELETE FROM rate_limit_counters")
        entries = connection.execute("DELETE FROM rate_limit_entries")
        return cursor.rowcount + entries.rowcount

    def clear(self, key: str) -> None:
        self._connection().execute("DELETE FROM rate_limit_counters WHERE key = ?", (key,))
        self._connection().execute("DELETE FROM rate_limit_entries WHERE key = ?", (key,))
