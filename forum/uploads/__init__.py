"""Clinical images attached to posts, de-identified before anyone sees them (forum/uploads/pipeline.py)."""
from __future__ import annotations


def init_app(app) -> None:
    from ..core import signals
    from . import services, views

    app.register_blueprint(views.bp)
    signals.account_erased.connect(services.erase_images_of)
    signals.account_exported.connect(services.export_images_section)
