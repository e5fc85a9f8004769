"""The schema only changes through migrations: `db upgrade` builds it on an empty database,
on SQLite and on PostgreSQL, and the result matches the models exactly."""
import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from config import TestingConfig
from forum import create_app
from forum.extensions import db
from forum.search.schema import include_object


def _fresh_postgres_database(base_url: str, name: str) -> str:
    url = make_url(base_url)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def empty_database_url(tmp_path):
    base = os.environ.get("TEST_DATABASE_URL")
    if base:
        return _fresh_postgres_database(base, "konsil_migrations")
    return f"sqlite:///{tmp_path / 'migrations.sqlite3'}"


def test_upgrade_builds_the_schema_the_models_describe(empty_database_url):
    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True, "include_object": include_object})
            differences = compare_metadata(context, db.metadata)
        assert differences == [], f"models and migrations differ; generate a migration: {differences}"
        downgrade(revision="base")
        upgrade()
        db.engine.dispose()


def test_notifications_written_as_sentences_get_the_group_they_concern(empty_database_url):
    """0007: old rows keep their text; the group comes from the link or the text, and notices about
    the reader themselves stay theirs, while others follow the reader's access to the group."""
    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="0005")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO users (id, email, display_name, username, password_hash, profession, specialty, "
                "organisation, country, licence_number, licence_authority, verification_status, is_admin, "
                "is_verifier, created_at, locale, session_version) VALUES (1, 'a@x.example', 'A', 'a', 'x', "
                "'nurse', '', '', 'DE', '', '', 'verified', false, false, CURRENT_TIMESTAMP, 'en', 1)"))
            connection.execute(text(
                "INSERT INTO groups (id, name, slug, description, guidelines_source, guidelines_html, "
                "guidelines_version, visibility, invite_policy, created_at) VALUES (7, 'Renal Round', 'renal', "
                "'', 'Be kind.', '<p>Be kind.</p>', 1, 'secret', 'members', CURRENT_TIMESTAMP)"))
            for number, message, link in ((1, "B replied to “Potassium”", "/g/renal/t/3#post-2"),
                                          (2, "C, whom you invited, was banned from Renal Round by its moderators.", ""),
                                          (3, "You were banned from Renal Round: spam", ""),
                                          (4, "Your credentials are verified.", "/")):
                connection.execute(text("INSERT INTO notifications (id, user_id, kind, message, link, created_at) "
                                        "VALUES (:id, 1, 'moderation', :message, :link, CURRENT_TIMESTAMP)"),
                                   {"id": number, "message": message, "link": link})
        upgrade()
        with db.engine.connect() as connection:
            rows = connection.execute(text("SELECT id, group_id, audience, key, message FROM notifications "
                                           "ORDER BY id")).all()
        db.engine.dispose()
    assert [(row.group_id, row.audience, row.key) for row in rows] == [
        (7, "member", "legacy"), (7, "member", "legacy"), (7, "subject", "legacy"), (None, "subject", "legacy")]
    assert rows[1].message.startswith("C, whom you invited")


def test_log_entries_lose_the_titles_they_copied(empty_database_url):
    """0018: the moderation log keeps ids and the group, never a topic's title (which a redaction must be able
    to remove); entries about posts and topics are rewritten, others keep their labels."""
    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="0021")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO groups (id, name, slug, description, guidelines_source, guidelines_html, "
                "guidelines_version, visibility, invite_policy, created_at) VALUES (7, 'Renal Round', 'renal', "
                "'', 'Be kind.', '<p>Be kind.</p>', 1, 'secret', 'members', CURRENT_TIMESTAMP)"))
            connection.execute(text(
                "INSERT INTO topics (id, group_id, title, created_at, last_activity_at) "
                "VALUES (3, 7, 'Mrs Qxvorblatt on ward 4', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
            connection.execute(text(
                "INSERT INTO posts (id, topic_id, number, body_source, body_html, created_at) "
                "VALUES (5, 3, 1, 'Text.', '<p>Text.</p>', CURRENT_TIMESTAMP)"))
            for number, action, target_type, target_id, label in (
                    (1, "moderation:post:hide", "post", 5, "Mrs Qxvorblatt on ward 4"),
                    (2, "moderation:topic:lock", "topic", 3, "Mrs Qxvorblatt on ward 4"),
                    (3, "moderation:post:delete", "post", 99, "Mrs Qxvorblatt gone"),
                    (4, "group:member:add", "user", 1, "Dr. Ann Example")):
                connection.execute(text(
                    "INSERT INTO moderation_log (id, created_at, actor_name, action, target_type, target_id, "
                    "target_label, reason) VALUES (:id, CURRENT_TIMESTAMP, 'system', :action, :type, :target, "
                    ":label, '')"), {"id": number, "action": action, "type": target_type, "target": target_id,
                                     "label": label})
        upgrade()
        with db.engine.connect() as connection:
            labels = connection.execute(text("SELECT target_label FROM moderation_log ORDER BY id")).scalars().all()
        db.engine.dispose()
    assert labels == ["topic #3 in Renal Round", "topic #3 in Renal Round", "a deleted topic", "Dr. Ann Example"]
