"""A worker's short memory of who is signed in: the user, the session's server-side record and the user's
memberships, kept for AUTH_CACHE_SECONDS so that a page can skip the sign-in query (web.load_user).

Off by default (0). The price of turning it on: a change written by another worker process or host (sign out
everywhere, a ban, a suspension, a password change, a role change) reaches this worker only when its copy
expires, up to AUTH_CACHE_SECONDS later. A change this worker writes ends its copies at once: every flush or
bulk statement that touches a user, a session record or a membership forgets the users concerned, again
when it commits, and a copy loaded while such a change was under way is not kept.

Only requests that change nothing (GET, HEAD, OPTIONS) are served from memory: a form submission always
reads the signed-in user from the database, so nothing is ever decided or written from an old copy.

Copies are plain column values, never objects of an earlier request's session: each request gets fresh
objects in its own session, built without SQL, that behave as if they had just been loaded."""
from __future__ import annotations

import copy
import threading
import time
import weakref

from flask import Flask, current_app, request
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, make_transient_to_detached

from .accounts.models import User, UserSession
from .groups.models import Membership

SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
MAX_ENTRIES = 20_000  # a bound on memory; beyond it the cache starts again empty
_WATCHED = {User: "id", UserSession: "user_id", Membership: "user_id"}
_WATCHED_TABLES = frozenset(model.__table__.name for model in _WATCHED)
_CACHES: weakref.WeakSet = weakref.WeakSet()  # of every app in this process (tests build many)
_PENDING_KEY = "signin_cache_forget"
EVERYONE = object()


def _now() -> float:
    return time.time()  # looked up at call time, so that a test's clock (tests/hardening) drives it


class SigninCache:
    def __init__(self, seconds: int):
        self.seconds = seconds
        self._entries: dict[tuple[int, str], tuple[float, int, tuple]] = {}
        self._generations: dict[int, int] = {}
        self._epoch = 0
        self._lock = threading.Lock()

    # --- reading and storing -------------------------------------------------------------------

    def ticket(self, user_id: int) -> tuple[int, int]:
        """Taken before the database is asked: a copy is kept only if nothing about the user changed since."""
        with self._lock:
            return self._epoch, self._generations.get(user_id, 0)

    def get(self, user_id: int, sid_hash: str) -> tuple | None:
        with self._lock:
            entry = self._entries.get((user_id, sid_hash))
            if entry is None:
                return None
            loaded_at, epoch, snapshot = entry
            age = _now() - loaded_at
            if epoch != self._epoch or not 0 <= age < self.seconds:
                del self._entries[(user_id, sid_hash)]
                return None
            return snapshot

    def put(self, ticket: tuple[int, int], user_id: int, sid_hash: str, user, record, memberships) -> None:
        snapshot = (_snapshot(user), _snapshot(record) if record is not None else None,
                    tuple(_snapshot(membership) for membership in memberships))
        with self._lock:
            if ticket != (self._epoch, self._generations.get(user_id, 0)):
                return  # the user changed while they were being loaded: this copy may be old already
            if len(self._entries) >= MAX_ENTRIES:
                self._entries.clear()
            self._entries[(user_id, sid_hash)] = (_now(), self._epoch, snapshot)

    # --- forgetting ----------------------------------------------------------------------------

    def forget(self, user_ids) -> None:
        with self._lock:
            if user_ids is EVERYONE:
                self._epoch += 1
                self._entries.clear()
                return
            for user_id in user_ids:
                self._generations[user_id] = self._generations.get(user_id, 0) + 1
            for key in [key for key in self._entries if key[0] in user_ids]:
                del self._entries[key]
            if len(self._generations) > MAX_ENTRIES:
                self._generations.clear()
                self._epoch += 1  # tickets taken before cannot match any more

    def __len__(self) -> int:
        return len(self._entries)


def _snapshot(obj) -> tuple:
    state = inspect(obj)
    mapper = state.mapper
    loaded = state.dict
    values = {}
    for prop in mapper.column_attrs:
        if prop.key in loaded:
            value = loaded[prop.key]
            values[prop.key] = copy.deepcopy(value) if isinstance(value, (dict, list, set)) else value
    return mapper.class_, values


def attach(session: Session, snapshot: tuple):
    """A fresh object of the request's session from a copy, as if just loaded; no SQL."""
    cls, values = snapshot
    mapper = inspect(cls)
    identity = mapper.identity_key_from_primary_key([values[column.key] for column in mapper.primary_key])
    existing = session.identity_map.get(identity)
    if existing is not None:
        return existing
    obj = mapper.class_manager.new_instance()
    state = inspect(obj)
    for key, value in values.items():
        state.dict[key] = copy.deepcopy(value) if isinstance(value, (dict, list, set)) else value
    make_transient_to_detached(obj)
    session.add(obj)
    return obj


def for_request() -> SigninCache | None:
    """The app's cache when this request may use it, else None."""
    cache = current_app.extensions.get("signin_cache")
    if cache is None or request.method not in SAFE_METHODS:
        return None
    return cache


# --- invalidation: every change this process makes to users, session records and memberships ------


def _forget_everywhere(user_ids) -> None:
    if user_ids is EVERYONE or user_ids:
        for cache in list(_CACHES):
            cache.forget(user_ids)


def _remember_pending(session: Session, user_ids) -> None:
    pending = session.info.get(_PENDING_KEY)
    if user_ids is EVERYONE or pending is EVERYONE:
        session.info[_PENDING_KEY] = EVERYONE
    else:
        session.info[_PENDING_KEY] = (pending or set()) | set(user_ids)


def _after_flush(session: Session, flush_context) -> None:
    user_ids = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        attribute = _WATCHED.get(type(obj))
        if attribute is not None:
            value = inspect(obj).dict.get(attribute)  # what is loaded: no SQL from inside a flush
            if value is not None:
                user_ids.add(value)
            else:
                user_ids = EVERYONE
                break
    if user_ids is EVERYONE or user_ids:
        _forget_everywhere(user_ids)
        _remember_pending(session, user_ids)


def _do_orm_execute(state) -> None:
    """A bulk UPDATE, DELETE or INSERT on one of the watched tables: which users it touched is unknown."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in _WATCHED_TABLES:
        _forget_everywhere(EVERYONE)
        _remember_pending(state.session, EVERYONE)


def _after_commit(session: Session) -> None:
    user_ids = session.info.pop(_PENDING_KEY, None)
    if user_ids is not None:
        _forget_everywhere(user_ids)


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING_KEY, None)


_listening = False


def _listen() -> None:
    global _listening
    if _listening:
        return
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "do_orm_execute", _do_orm_execute)
    event.listen(Session, "after_commit", _after_commit)
    event.listen(Session, "after_soft_rollback", lambda session, previous: _after_rollback(session))
    _listening = True


def init_app(app: Flask) -> None:
    seconds = int(app.config.get("AUTH_CACHE_SECONDS") or 0)
    if seconds < 0:
        raise RuntimeError(f"AUTH_CACHE_SECONDS must be 0 (off) or a number of seconds, not {seconds}")
    if seconds == 0:
        app.extensions.pop("signin_cache", None)
        return
    cache = SigninCache(seconds)
    app.extensions["signin_cache"] = cache
    _CACHES.add(cache)
    _listen()
