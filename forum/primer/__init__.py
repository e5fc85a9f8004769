"""The patient-data primer: before their first post, a verified member reads what counts as a patient
identifier where they work, with examples from the guard's own categories, and the forum's rule;
they confirm it once per primer version (recorded like the acceptance of a group's guidelines)."""
from __future__ import annotations


def init_app(app) -> None:
    from . import views

    app.register_blueprint(views.bp)
