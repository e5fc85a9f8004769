"""Durable writes: the SQLite settings are really in effect, a write holds the lock and a read does
not, a request is one transaction, a busy or full database brings the form back with the text and
writes nothing, and a retried or doubled submission creates nothing twice -- under real concurrency."""
from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import contextmanager

import pytest
from flask import has_request_context
from sqlalchemy import event, select, text

from forum.extensions import db
from forum.posts.models import Post, Topic

from bench.durability import Client, hidden_value

from .. import factories


def sqlite_path(app) -> str:
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        pytest.skip("SQLite-specific; this run is on PostgreSQL")
    return url.database


def raw_sqlite(path: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=0, isolation_level=None, check_same_thread=False)
    return connection


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_foreign_keys(app):
    sqlite_path(app)
    with db.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("busy_timeout") == app.config["SQLITE_BUSY_TIMEOUT_MS"] == 15000
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 1  # NORMAL for throw-away test databases


@pytest.fixture
def full_sync(app_config):
    app_config["SQLITE_SYNCHRONOUS"] = "FULL"


def test_production_commits_are_synced_to_disk(full_sync, app):
    sqlite_path(app)
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_foreign_keys_are_enforced(app, make):
    from sqlalchemy.exc import IntegrityError

    sqlite_path(app)
    author = make.user()
    db.session.add(Post(topic_id=987654, author_id=author.id, number=1, body_source="x", body_html="<p>x</p>"))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_a_write_takes_the_lock_at_once_and_a_read_does_not(app, make):
    path = sqlite_path(app)
    user = make.user()
    other = raw_sqlite(path)
    with db.engine.connect() as connection:
        connection.execute(text("SELECT count(*) FROM users")).scalar()
        other.execute("BEGIN IMMEDIATE")  # a read holds no lock: another writer gets in at once
        other.execute("ROLLBACK")
        connection.execute(text("UPDATE users SET display_name = display_name WHERE id = :id"), {"id": user.id})
        assert connection.connection.dbapi_connection.in_transaction
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")  # the write took the write lock (BEGIN IMMEDIATE)
        assert other.execute("SELECT count(*) FROM users").fetchone()[0] >= 1  # readers are not blocked (WAL)
        connection.rollback()
    other.execute("BEGIN IMMEDIATE")  # released by the rollback
    other.execute("ROLLBACK")
    other.close()


def test_a_read_then_a_write_after_someone_else_committed_does_not_fail(app, make):
    """The failure a plain deferred BEGIN has: the read snapshot is stale when the write comes."""
    path = sqlite_path(app)
    user = make.user()
    with db.engine.connect() as connection:
        connection.execute(text("SELECT display_name FROM users WHERE id = :id"), {"id": user.id}).scalar()
        other = raw_sqlite(path)
        other.execute("UPDATE users SET display_name = 'Changed meanwhile' WHERE id = ?", (user.id,))
        other.close()
        connection.execute(text("UPDATE users SET specialty = 'cardiology' WHERE id = :id"), {"id": user.id})
        connection.commit()
    row = db.session.execute(text("SELECT display_name, specialty FROM users WHERE id = :id"), {"id": user.id}).one()
    assert tuple(row) == ("Changed meanwhile", "cardiology")


def test_two_writers_wait_for_each_other_instead_of_failing(app, make):
    sqlite_path(app)
    first, second = make.user().id, make.user().id
    holding = threading.Event()
    errors: list[Exception] = []
    waited: list[float] = []

    engine = db.engine

    def slow_writer():
        try:
            with engine.connect() as connection:
                connection.execute(text("UPDATE users SET specialty = 'a' WHERE id = :id"), {"id": first})
                holding.set()
                time.sleep(0.6)
                connection.commit()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
            holding.set()

    thread = threading.Thread(target=slow_writer)
    thread.start()
    assert holding.wait(10)
    started = time.monotonic()
    with db.engine.connect() as connection:
        connection.execute(text("UPDATE users SET specialty = 'b' WHERE id = :id"), {"id": second})
        connection.commit()
    waited.append(time.monotonic() - started)
    thread.join(10)
    assert errors == []
    assert waited[0] >= 0.3  # it waited for the first writer (busy_timeout) rather than failing
    specialties = dict(db.session.execute(text("SELECT id, specialty FROM users WHERE id IN (:a, :b)"),
                                          {"a": first, "b": second}).all())
    assert specialties == {first: "a", second: "b"}


@pytest.fixture
def thread_world(personas, make):
    """The persona world's member, with a topic in a new group the world's owner runs."""
    member = personas.member
    group = make.group(owner=personas.owner, members=[member])
    topic = make.topic(group, member)
    return member, group, topic


def test_a_reply_is_one_transaction(app, login, thread_world):
    member, group, topic = thread_world
    browser = login(member)
    commits, writes_outside = [], []

    def on_commit(connection):
        if has_request_context():  # not the test harness's own commit before the request
            commits.append(1)

    def on_statement(connection, cursor, statement, parameters, context, executemany):
        head = statement.lstrip().split(None, 1)[0].upper()
        if head in ("INSERT", "UPDATE", "DELETE") and connection.dialect.name == "sqlite":
            if not connection.connection.dbapi_connection.in_transaction:
                writes_outside.append(statement)

    event.listen(db.engine, "commit", on_commit)
    event.listen(db.engine, "before_cursor_execute", on_statement)
    try:
        response = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data={"body": "One transaction, please."})
    finally:
        event.remove(db.engine, "commit", on_commit)
        event.remove(db.engine, "before_cursor_execute", on_statement)
    assert response.status_code == 302
    assert len(commits) == 1
    assert writes_outside == []


# --------------------------------------------------------------------------- a busy or full database

@contextmanager
def database_held_by_someone_else(app):
    """SQLite: another connection holds the write lock. PostgreSQL: another transaction holds the
    topics' rows and the posts table. Either way the app's next write waits, then gives up."""
    if db.engine.url.get_backend_name() == "sqlite":
        other = raw_sqlite(db.engine.url.database)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
    else:
        import psycopg

        url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(url) as other:
            other.execute("LOCK TABLE posts IN EXCLUSIVE MODE")
            other.execute("SELECT id FROM topics FOR UPDATE")
            yield
            other.rollback()


@pytest.fixture
def impatient_database(app_config, database_url):
    """The app gives up on a lock after a fraction of a second instead of 15 seconds."""
    app_config["SQLITE_BUSY_TIMEOUT_MS"] = 300
    if not database_url.startswith("sqlite"):
        app_config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_pre_ping": True, "hide_parameters": True,
                                                   "connect_args": {"options": "-c lock_timeout=300"}}


def test_a_busy_database_brings_the_reply_form_back_with_the_text(impatient_database, app, login, thread_world):
    member, group, topic = thread_world
    browser = login(member)
    page = browser.get(f"/g/{group.slug}/t/{topic.id}").get_data(as_text=True)
    form = {"body": "Our ward switched to **weekly** reviews.", "submission_id": hidden_value(page, "submission_id")}
    with database_held_by_someone_else(app):
        response = browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data=form)
    assert response.status_code == 503
    html = response.get_data(as_text=True)
    assert "database is busy" in html and "Our ward switched to **weekly** reviews." in html
    assert db.session.scalar(select(Post.id).where(Post.submission_id == form["submission_id"])) is None
    assert db.session.get(Topic, topic.id).post_count == 1
    # Sending the same form again once the database is free publishes it, once.
    assert browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data=form).status_code == 302
    assert browser.post(f"/g/{group.slug}/t/{topic.id}/reply", data=form).status_code == 302
    db.session.expire_all()
    assert db.session.query(Post).filter_by(submission_id=form["submission_id"]).count() == 1
    assert db.session.get(Topic, topic.id).post_count == 2


def test_a_busy_database_leaves_no_topic_without_its_post(impatient_database, app, login, thread_world):
    member, group, _ = thread_world
    browser = login(member)
    topics_before = db.session.query(Topic).count()
    with database_held_by_someone_else(app):
        response = browser.post(f"/g/{group.slug}/new", data={"title": "Sepsis bundle audit",
                                                             "body": "Who runs the audit on your ward?"})
    assert response.status_code == 503
    html = response.get_data(as_text=True)
    assert "Sepsis bundle audit" in html and "Who runs the audit on your ward?" in html
    db.session.expire_all()
    assert db.session.query(Topic).count() == topics_before


def test_a_full_disk_during_posting_writes_nothing_and_keeps_the_text(app, login, thread_world):
    """SQLite's "database or disk is full", for real: the file may not grow by a single page."""
    path = sqlite_path(app)
    member, group, _ = thread_world
    browser = login(member)
    topics_before = db.session.query(Topic).count()
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]

    def cap(dbapi_connection, record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "connect", cap)
    db.engine.dispose()
    try:
        body = "A long case discussion without identifiers. " * 400  # needs new pages
        response = browser.post(f"/g/{group.slug}/new", data={"title": "Long discussion", "body": body})
    finally:
        event.remove(db.engine, "connect", cap)
        db.engine.dispose()
    assert response.status_code == 503
    assert "Long discussion" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.query(Topic).count() == topics_before
    assert db.session.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_a_schema_mistake_is_not_disguised_as_a_busy_database():
    """"no such table" is an OperationalError on SQLite too, but it is a bug: a 500, not "try again"."""
    from forum.database import is_transient
    from sqlalchemy.exc import OperationalError

    missing_table = OperationalError("SELECT 1", {}, sqlite3.OperationalError("no such table: x"))
    locked = OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked"))
    full = OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))
    assert not is_transient(missing_table) and is_transient(locked) and is_transient(full)


# --------------------------------------------------------------------------- double submits, concurrently

@pytest.fixture
def live(app_config, request):
    """The app served over HTTP by a threaded server, CSRF on, so requests really run side by side."""
    from tests.browser_support import LiveServer

    app_config["WTF_CSRF_ENABLED"] = True
    app = request.getfixturevalue("app")
    with LiveServer(app) as server:
        yield server


def signed_in_client(base_url: str, user) -> Client:
    client = Client(base_url)
    page = client.request("GET", "/auth/login")
    answer = client.request("POST", "/auth/login", {"csrf_token": hidden_value(page.body, "csrf_token"),
                                                    "email": user.email, "password": factories.PASSWORD})
    assert answer.status == 302, answer.body[-500:]
    return client


def send_together(client: Client, path: str, form: dict, copies: int) -> list[int]:
    barrier = threading.Barrier(copies)
    statuses: list[int] = []

    def send():
        barrier.wait()
        statuses.append(client.request("POST", path, form).status)

    threads = [threading.Thread(target=send) for _ in range(copies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return statuses


def test_the_same_reply_sent_many_times_at_once_is_published_once(live, make):
    member = make.user("Dana Double")
    group = make.group(members=[member])
    topic = make.topic(group, member)
    client = signed_in_client(live.url, member)
    page = client.request("GET", f"/g/{group.slug}/t/{topic.id}").body
    form = {"csrf_token": hidden_value(page, "csrf_token"), "submission_id": hidden_value(page, "submission_id"),
            "body": "Clicked *eight* times on a slow connection."}
    statuses = send_together(client, f"/g/{group.slug}/t/{topic.id}/reply", form, copies=8)
    assert statuses == [302] * 8
    db.session.expire_all()
    posts = db.session.query(Post).filter_by(submission_id=form["submission_id"]).all()
    assert len(posts) == 1
    numbers = [number for (number,) in db.session.query(Post.number).filter_by(topic_id=topic.id)]
    assert sorted(numbers) == [1, 2] and db.session.get(Topic, topic.id).post_count == 2


def test_the_same_new_topic_sent_many_times_at_once_creates_one_topic(live, make):
    member = make.user("Dana Double")
    group = make.group(members=[member])
    client = signed_in_client(live.url, member)
    page = client.request("GET", f"/g/{group.slug}/new").body
    form = {"csrf_token": hidden_value(page, "csrf_token"), "submission_id": hidden_value(page, "submission_id"),
            "title": "Handover checklists", "body": "Which checklist do you use?"}
    statuses = send_together(client, f"/g/{group.slug}/new", form, copies=8)
    assert statuses == [302] * 8
    db.session.expire_all()
    assert db.session.query(Topic).filter_by(title="Handover checklists").count() == 1
    assert db.session.query(Post).filter_by(submission_id=form["submission_id"]).count() == 1


def test_different_replies_at_once_all_land_with_distinct_numbers(live, make):
    members = [make.user(f"Parallel {n}") for n in range(6)]
    group = make.group(members=members)
    topic = make.topic(group, members[0])
    clients = [signed_in_client(live.url, member) for member in members]
    forms = []
    for client in clients:
        page = client.request("GET", f"/g/{group.slug}/t/{topic.id}").body
        forms.append({"csrf_token": hidden_value(page, "csrf_token"),
                      "submission_id": hidden_value(page, "submission_id")})
    barrier = threading.Barrier(len(clients))
    statuses: list[int] = []

    def send(client, form, number):
        barrier.wait()
        statuses.append(client.request("POST", f"/g/{group.slug}/t/{topic.id}/reply",
                                       dict(form, body=f"Answer number {number}")).status)

    threads = [threading.Thread(target=send, args=(c, f, n)) for n, (c, f) in enumerate(zip(clients, forms))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert statuses == [302] * len(clients)
    db.session.expire_all()
    posts = db.session.query(Post).filter_by(topic_id=topic.id).order_by(Post.number).all()
    assert [post.number for post in posts] == list(range(1, len(clients) + 2))
    assert sorted(post.body_source for post in posts[1:]) == sorted(f"Answer number {n}" for n in range(len(clients)))
    assert all(post.body_html.startswith("<p>") for post in posts)
    assert db.session.get(Topic, topic.id).post_count == len(clients) + 1
