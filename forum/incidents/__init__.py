"""Privacy incidents: a record, opened when a moderator confirms that a post exposed patient data,
of who could read it and for how long, with the deadline for notifying (72 hours under GDPR Art. 33)."""
from __future__ import annotations


def init_app(app) -> None:
    from . import views

    app.register_blueprint(views.bp)
