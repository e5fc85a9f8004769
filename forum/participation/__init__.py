"""Participation: reactions, bookmarks with reminders, read state per topic, watching levels (the notifications
they lead to are sent by forum/notifications/watching.py), "source requested" on posts and @mention suggestions."""
from __future__ import annotations


def init_app(app) -> None:
    from ..core import signals
    from . import erasure, sources, views

    app.register_blueprint(views.bp)
    signals.account_erased.connect(erasure.erase_participation_data)
    signals.account_exported.connect(erasure.export_participation_data)
    signals.post_edited.connect(sources.answer_by_edit)
