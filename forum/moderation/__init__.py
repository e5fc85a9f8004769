"""Moderation: reports, the review queue, actions on posts and members, appeals and the log views."""
from __future__ import annotations


def init_app(app) -> None:
    from ..core import signals
    from . import erasure, reports, views

    app.register_blueprint(views.bp)
    signals.account_erased.connect(erasure.erase_moderation_data)
    signals.account_exported.connect(erasure.export_reports)
    signals.post_published_past_findings.connect(reports.file_automatic_privacy_report_on_signal)
