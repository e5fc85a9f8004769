"""A rate-limit storage in one SQLite file, for the embedded default: every worker process on the host
counts in the same file, so a limit holds across workers and restarts without running Redis.

`limits` (behind Flask-Limiter) ships storages for memory, Redis, Memcached and MongoDB only; the
memory one counts per worker and forgets on restart. This registers the scheme `konsil+sqlite`:

    RATELIMIT_STORAGE_URI=konsil+sqlite:////var/lib/konsil/ratelimits.sqlite3   (four slashes: absolute)

Each counter is one row, incremented with a single atomic UPSERT (SQLite serialises writers; WAL lets
readers through). Fixed windows only, which is Flask-Limiter's default strategy. Several hosts need a
store they all reach: Redis (production refuses anything else that is not shared, see config.py)."""
from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
from pathlib import Path

from limits.storage import Storage

SCHEME = "konsil+sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS rate_limit_counters (
    key TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    expires_at REAL NOT NULL
)
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


class SQLiteStorage(Storage):
    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.path = path_from_uri(uri or "")
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._connection() as connection:
            connection.execute(_SCHEMA)

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

    def check(self) -> bool:
        try:
            self._connection().execute("SELECT 1").fetchone()
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        cursor = self._connection().execute("DELETE FROM rate_limit_counters")
        return cursor.rowcount

    def clear(self, key: str) -> None:
        self._connection().execute("DELETE FROM rate_limit_counters WHERE key = ?", (key,))
