"""Full-text search: the normaliser (text.py), the query language (query.py), the index kept in step
by session events (indexer.py) on FTS5 or a tsvector (schema.py), the ranked search (services.py),
the page (views.py) and `forum reindex` (cli.py)."""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from ..core import signals
    from ..core.cli import forum_cli
    from . import indexer, views
    from .cli import reindex

    app.register_blueprint(views.bp)
    indexer.install()
    signals.text_removed_from_disk.connect(indexer.compact_after_removal)
    forum_cli.add_command(reindex)
