"""Participation: reactions, bookmarks with reminders and read state per topic and "source
requested" on posts; @mention suggestions."""
from __future__ import annotations


def init_app(app) -> None:
    from ..core import signals
    from . import erasure, sources, views

    app.register_blueprint(views.bp)
    signals.account_erased.connect(erasure.erase_participation_data)
    signals.post_edited.connect(sources.answer_by_edit)
