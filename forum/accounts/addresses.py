"""The one rule for e-mail addresses, used by every entry point: sign-in, registration, invitations,
password reset, and the operator's commands.

Syntax is checked by email-validator (no DNS look-ups). Hospitals and practices often run internal
domains that the public rules call reserved (`.local` above all): a domain ending in one of
EMAIL_INTERNAL_DOMAINS is accepted, so an account made on the command line can always sign in."""
from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from flask import current_app, has_app_context
from flask_babel import lazy_gettext as _l
from wtforms.validators import ValidationError

DEFAULT_INTERNAL_DOMAINS = ("local", "internal", "lan")
MAX_LENGTH = 254
# Stands in for an internal suffix while the rest of the address goes through the public syntax checks.
_NEUTRAL_SUFFIX = "example"


class InvalidAddress(ValueError):
    pass


def internal_domains() -> tuple[str, ...]:
    if has_app_context():
        configured = current_app.config.get("EMAIL_INTERNAL_DOMAINS", DEFAULT_INTERNAL_DOMAINS)
    else:
        configured = DEFAULT_INTERNAL_DOMAINS
    return tuple(suffix.strip().strip(".").lower() for suffix in configured if suffix.strip().strip("."))


def _internal_suffix(domain: str) -> str | None:
    for suffix in internal_domains():
        if domain.endswith("." + suffix):
            return suffix
    return None


def normalise_address(value: str | None) -> str:
    """The address as stored (trimmed, lower case), or InvalidAddress with a message for the person."""
    address = (value or "").strip()
    if not address:
        raise InvalidAddress("Enter an e-mail address.")
    if len(address) > MAX_LENGTH:
        raise InvalidAddress("That e-mail address is too long.")
    local, at, domain = address.rpartition("@")
    if not at or not local:
        raise InvalidAddress("Enter a valid e-mail address, such as name@example.org.")
    domain = domain.lower()
    suffix = _internal_suffix(domain)
    checked_domain = domain[: -len(suffix)] + _NEUTRAL_SUFFIX if suffix else domain
    try:
        validate_email(f"{local}@{checked_domain}", check_deliverability=False, allow_display_name=False)
    except EmailNotValidError as error:
        raise InvalidAddress(f"Enter a valid e-mail address ({error})") from error
    return f"{local}@{domain}".lower()


def is_valid_address(value: str | None) -> bool:
    try:
        normalise_address(value)
    except InvalidAddress:
        return False
    return True


class EmailAddress:
    """WTForms validator applying the rule above; the typed text stays in the field."""

    def __init__(self, message=None):
        self.message = message

    def __call__(self, form, field):
        if not field.data:
            return  # DataRequired / Optional decide about empty fields
        try:
            normalise_address(field.data)
        except InvalidAddress as error:
            raise ValidationError(str(self.message or _l("Enter a valid e-mail address, such as "
                                                         "name@example.org."))) from error
