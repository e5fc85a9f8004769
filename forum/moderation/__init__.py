"""Moderation: reports, the review queue, actions on posts and members, appeals and the log views."""
from __future__ import annotations


def init_app(app) -> None:
    from ..core import header, signals
    from . import erasure, queue, redaction, reports, views

    app.register_blueprint(views.bp)
    header.register_count("review", queue.open_cases_to_review)
    signals.account_erased.connect(erasure.erase_moderation_data)
    signals.account_exported.connect(erasure.export_reports)
    signals.patient_data_removed_by_author.connect(redaction.after_author_edit)
    signals.post_published_past_findings.connect(reports.file_automatic_privacy_report_on_signal)
