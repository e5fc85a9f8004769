"""Topics and posts: writing, the patient-data guard at submit time, editing and deleting."""
from __future__ import annotations


def init_app(app) -> None:
    from . import fragments, views

    app.register_blueprint(views.bp)
    fragments.init_app(app)
