"""Per-instance guard settings: categories switched off, phone regions, the organisation's own patterns.
Read once per request (cached in `g`); environment settings are the defaults."""
from __future__ import annotations

import re

import phonenumbers
from flask import current_app, g, has_request_context
from flask_babel import gettext as _
from sqlalchemy import select

from .. import audit
from ..extensions import db
from ..i18n.guard_texts import pattern_error_text
from .models import GuardPattern, GuardSettings


class SettingsError(ValueError):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def current_settings() -> GuardSettings | None:
    return db.session.scalar(select(GuardSettings).order_by(GuardSettings.id).limit(1))


def effective() -> tuple[set[str], tuple[str, ...], tuple[tuple[str, str, str], ...]]:
    """(disabled categories, phone regions, extra patterns), from the database over the environment."""
    if has_request_context() and "_guard_effective" in g:
        return g._guard_effective
    config = current_app.config
    disabled = set(config.get("PHI_DISABLED_CATEGORIES") or ())
    regions = tuple(config.get("PHI_PHONE_REGIONS") or ("US", "DE", "IN"))
    row = current_settings()
    if row is not None:
        disabled = set(row.disabled_categories or [])
        if row.phone_regions:
            regions = tuple(region for region in row.phone_regions.split(",") if region)
    patterns = tuple(
        (p.label, p.pattern, p.explanation)
        for p in db.session.scalars(select(GuardPattern).where(GuardPattern.enabled.is_(True)).order_by(GuardPattern.id))
    )
    result = (disabled, regions, patterns)
    if has_request_context():
        g._guard_effective = result
    return result


def public_numbers() -> tuple[str, ...]:
    """The instance's own public service numbers (E.164), which the guard never flags."""
    if has_request_context() and "_guard_public_numbers" in g:
        return g._guard_public_numbers
    row = current_settings()
    numbers = tuple(row.public_numbers or ()) if row is not None else ()
    if has_request_context():
        g._guard_public_numbers = numbers
    return numbers


def parse_public_numbers(text: str, regions: tuple[str, ...]) -> list[str]:
    """One number per line (a label after the number is allowed: "0221 478-0 switchboard");
    returns E.164 numbers or raises SettingsError naming the line that is not a number."""
    from .detector.contact import normalise_public_number

    numbers: list[str] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        raw = re.match(r"[+0-9][0-9 ()/.\-]{2,30}", line)
        number = normalise_public_number(raw.group().strip(), regions) if raw else None
        if number is None:
            raise SettingsError(_("Line %(line)s (“%(text)s”) is not a phone number.", line=line_no, text=line[:60]),
                                "public_numbers")
        if number not in numbers:
            numbers.append(number)
    if len(numbers) > 200:
        raise SettingsError(_("At most 200 public numbers."), "public_numbers")
    return numbers


def save_public_numbers(actor, text: str) -> GuardSettings:
    _disabled, regions, _patterns = effective()
    numbers = parse_public_numbers(text, regions)
    row = current_settings()
    if row is None:
        row = GuardSettings(disabled_categories=[], phone_regions=",".join(regions))
        db.session.add(row)
    row.public_numbers = numbers
    row.updated_by_id = actor.id
    audit.record(actor, "guard:public_numbers:update", target_type="guard", details={"count": len(numbers)})
    return row


def parse_regions(text: str) -> tuple[str, ...]:
    regions = []
    for part in text.replace(";", ",").replace(" ", ",").split(","):
        code = part.strip().upper()
        if not code:
            continue
        if code not in phonenumbers.SUPPORTED_REGIONS:
            raise SettingsError(_("“%(code)s” is not a region code for phone numbers (use two letters such as US, DE, IN).",
                                  code=code), "phone_regions")
        if code not in regions:
            regions.append(code)
    if not regions:
        raise SettingsError(_("Give at least one region, for example US, DE, IN."), "phone_regions")
    return tuple(regions)


def save_settings(actor, *, disabled_categories: list[str], phone_regions: str) -> GuardSettings:
    regions = parse_regions(phone_regions)
    row = current_settings()
    if row is None:
        row = GuardSettings()
        db.session.add(row)
    row.disabled_categories = sorted(set(disabled_categories))
    row.phone_regions = ",".join(regions)
    row.updated_by_id = actor.id
    audit.record(actor, "guard:settings:update", target_type="guard",
                 details={"disabled": row.disabled_categories, "regions": row.phone_regions})
    return row


def add_pattern(actor, *, label: str, pattern: str, explanation: str) -> GuardPattern:
    from .detector import PatternError, compile_extra_pattern

    try:
        compile_extra_pattern(pattern)
    except PatternError as error:
        raise SettingsError(pattern_error_text(error), "pattern") from error
    row = GuardPattern(label=label.strip(), pattern=pattern, explanation=explanation.strip(), created_by_id=actor.id)
    db.session.add(row)
    db.session.flush()
    audit.record(actor, "guard:pattern:add", target_type="guard_pattern", target_id=row.id, target_label=row.label)
    return row


def set_pattern_enabled(actor, row: GuardPattern, enabled: bool) -> None:
    row.enabled = enabled
    audit.record(actor, "guard:pattern:" + ("enable" if enabled else "disable"), target_type="guard_pattern",
                 target_id=row.id, target_label=row.label)


def try_pattern(pattern: str, sample: str, explanation: str = "Matches the organisation's pattern") -> list[dict]:
    """What a pattern would find in a sample text, before it is saved."""
    from .detector import GuardConfig, PatternError, compile_extra_pattern, scan

    try:
        compile_extra_pattern(pattern)
    except PatternError as error:
        raise SettingsError(pattern_error_text(error), "pattern") from error
    config = GuardConfig(enabled_categories=frozenset({"custom"}), extra_patterns=(("test", pattern, explanation),))
    return [finding.as_dict() for finding in scan(sample, config)]
