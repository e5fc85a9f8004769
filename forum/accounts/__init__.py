"""Accounts: profiles, settings, passwords, second factors, data rights."""
from __future__ import annotations


def init_app(app) -> None:
    from . import views

    app.register_blueprint(views.bp)
