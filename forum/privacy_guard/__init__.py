"""Patient-data guard: detects likely patient identifiers in posts before they are published.

The detector (the package ``forum.privacy_guard.detector``, one module per kind of identifier) is pure Python and has no Flask dependency;
``forum.privacy_guard.service`` applies the instance settings for the web app.
"""
from .detector import CATEGORIES, Finding, GuardConfig, PatternError, compile_extra_pattern, scan

__all__ = ["scan", "Finding", "GuardConfig", "CATEGORIES", "compile_extra_pattern", "PatternError"]


def init_app(app) -> None:
    from . import views

    app.register_blueprint(views.bp)
