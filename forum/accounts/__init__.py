"""Accounts: profiles, settings, passwords, second factors, data rights."""
from __future__ import annotations


def init_app(app) -> None:
    from . import views
    from .security import client_label

    app.register_blueprint(views.bp)
    app.jinja_env.globals["client_label"] = client_label
