"""The guard as the rest of the app uses it: instance settings applied, findings as plain dicts
holding only type, offsets, explanation and confidence -- never the matched text."""
from __future__ import annotations

from flask import current_app, has_app_context



def instance_config():
    from .detector import CATEGORIES, GuardConfig
    if not has_app_context():
        return GuardConfig()
    config = current_app.config
    disabled = set(config.get("PHI_DISABLED_CATEGORIES") or ())
    extra: tuple = ()
    try:
        from .settings import enabled_categories_and_patterns

        disabled, extra = enabled_categories_and_patterns(disabled)
    except ImportError:
        pass
    enabled = frozenset(name for name in CATEGORIES if name not in disabled)
    return GuardConfig(
        enabled_categories=enabled,
        phone_regions=tuple(config.get("PHI_PHONE_REGIONS") or ("US", "DE", "IN")),
        extra_patterns=tuple(extra),
    )


def find_identifiers(text: str) -> list[dict]:
    if not text:
        return []
    try:  # TEMPORARY until the detector lands
        from .detector import scan
    except ImportError:
        return []
    return [finding.as_dict() for finding in scan(text, instance_config())]
