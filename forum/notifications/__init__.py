"""Notifications shown at /notifications, e-mail digests and mutes."""
from __future__ import annotations


def init_app(app) -> None:
    from ..core import header
    from . import services, views

    app.register_blueprint(views.bp)
    header.register_count("unread_notifications", services.unread_count_query)
