"""Participation: reactions, bookmarks with reminders, read state per topic and watching levels (the notifications
they lead to are sent by forum/notifications/watching.py)."""
from __future__ import annotations


def init_app(app) -> None:
    from ..core import signals
    from . import erasure, views

    app.register_blueprint(views.bp)
    signals.account_erased.connect(erasure.erase_participation_data)
    signals.account_exported.connect(erasure.export_participation_data)
