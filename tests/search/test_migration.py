"""Migration 0009 builds the index for the posts that exist when it runs, as the session events would."""
import os

from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text, update

from config import TestingConfig
from forum import create_app
from forum.accounts.models import User
from forum.extensions import db
from forum.posts.models import Post
from forum.search.models import SearchDocument, SearchTerm
from forum.search.services import search
from tests.factories import Factories
from tests.test_migrations import _fresh_postgres_database


def _documents():
    return [tuple(row) for row in db.session.execute(
        select(SearchDocument.post_id, SearchDocument.topic_id, SearchDocument.group_id, SearchDocument.author_id,
               SearchDocument.title_tokens, SearchDocument.body_tokens, SearchDocument.scope_tokens)
        .order_by(SearchDocument.post_id))]


def test_the_migration_indexes_existing_visible_posts_only(tmp_path):
    base = os.environ.get("TEST_DATABASE_URL")
    url = _fresh_postgres_database(base, "konsil_search_migration") if base else \
        f"sqlite:///{tmp_path / 'search-migration.sqlite3'}"
    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        make = Factories(app)
        member = make.user("Maria Member")
        member_id = member.id
        group = make.group(members=[member])
        group_id = group.id
        make.topic(group, member, title="Apixaban in CKD", body="Creatinine clearance of **28**.", replies=2)
        hidden = make.topic(group, member, title="Hidden thread", body="Secret words here.")
        db.session.execute(update(Post).where(Post.topic_id == hidden.id).values(hidden=True))
        db.session.commit()
        kept_by_events = _documents()
        assert len(kept_by_events) == 3
        db.session.remove()  # a transaction left open would hold its locks against the migration's DDL

        downgrade(revision="0010")  # the revision before the search index
        upgrade()

        assert _documents() == kept_by_events
        # The vocabulary counted per group (0027), from the visible posts only.
        terms = {(token, group): documents for token, group, documents in db.session.execute(
            select(SearchTerm.token, SearchTerm.group_id, SearchTerm.documents)
            .where(SearchTerm.token.in_(["apixaban", "secret"])))}
        assert terms == {("apixaban", group_id): 1}
        member = db.session.get(User, member_id)
        with app.test_request_context():
            page = search(member, "apixaban creatinine")
            assert [hit.post.topic.title for hit in page.hits] == ["Apixaban in CKD"]
            assert search(member, "secret").hits == []
        db.session.remove()
        if url.startswith("sqlite"):
            with db.engine.connect() as connection:
                assert connection.execute(text("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'apixaban'")
                                          ).scalar() == 1
        db.engine.dispose()
