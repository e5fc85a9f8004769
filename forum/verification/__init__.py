"""Verification of professional credentials: submissions, the verifiers' queue, expiry and suspension."""
from __future__ import annotations


def _licence_number_problem(sender, country: str, profession: str, number: str, **extra) -> str | None:
    from .registries import check_licence_number

    return check_licence_number(country, profession, number)


def init_app(app) -> None:
    from ..core import signals
    from . import cli  # noqa: F401  (registers `flask forum send-reminders`)
    from . import erasure, views

    app.register_blueprint(views.bp)
    signals.account_erased.connect(erasure.erase_verification_data)
    signals.licence_number_checked.connect(_licence_number_problem)
