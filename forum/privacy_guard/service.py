"""The guard as the rest of the app uses it: instance settings applied, findings as plain dicts
holding only type, offsets, explanation and confidence -- never the matched text."""
from __future__ import annotations

from flask import current_app, has_app_context

from .detector import CATEGORIES, GuardConfig, scan


def instance_config() -> GuardConfig:
    if not has_app_context():
        return GuardConfig()
    from .settings import effective, public_numbers

    disabled, regions, patterns = effective()
    return GuardConfig(
        enabled_categories=frozenset(name for name in CATEGORIES if name not in disabled),
        phone_regions=regions,
        extra_patterns=patterns,
        public_numbers=public_numbers(),
        name_gazetteer=bool(current_app.config.get("PHI_NAME_GAZETTEER", True)),
    )


def find_identifiers(text: str) -> list[dict]:
    if not text:
        return []
    return [finding.as_dict() for finding in scan(text, instance_config())]
