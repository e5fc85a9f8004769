"""Endpoints for operators and their tools (load balancers, monitoring), not for people."""
from __future__ import annotations


def init_app(app) -> None:
    from . import views

    app.register_blueprint(views.bp)
