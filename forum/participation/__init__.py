"""Participation: reactions, bookmarks with reminders and read state per topic (watching, mentions and source
requests are to follow)."""
from __future__ import annotations


def init_app(app) -> None:
    from ..core import signals
    from . import erasure, views

    app.register_blueprint(views.bp)
    signals.account_erased.connect(erasure.erase_participation_data)
