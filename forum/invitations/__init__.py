"""Invitations: links that bring colleagues into a group, and who vouched for whom."""
from __future__ import annotations


def init_app(app) -> None:
    from . import views

    app.register_blueprint(views.bp)
