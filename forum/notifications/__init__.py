"""Notifications shown at /notifications, e-mail digests and mutes."""
from __future__ import annotations


def init_app(app) -> None:
    from . import views

    app.register_blueprint(views.bp)
