"""E-mails that tell a person about a change to their account's security. A mail server that is down
never undoes the change, and never changes what the page says (which could reveal an account)."""
from __future__ import annotations

from flask import current_app, render_template, url_for

from flask_babel import force_locale

from ..core.outbox import send_after_response, send_now
from ..i18n import locale_of


def absolute(endpoint: str, **values) -> str:
    """A link for an e-mail, on the configured BASE_URL: never built from the request's Host header, which a
    client chooses (a forged Host would otherwise put an attacker's domain into a reset e-mail)."""
    return current_app.config["BASE_URL"].rstrip("/") + url_for(endpoint, **values)


def _render(subject, template: str, locale: str | None, context: dict) -> tuple[str, str]:
    """Subject and body in the recipient's language: their own setting, else the one given."""
    user = context.get("user")
    with force_locale(locale or (locale_of(user) if user is not None else "en")):
        return str(subject), render_template(template, absolute=absolute, **context)


def mail(address: str | None, subject, template: str, locale: str | None = None, **context) -> bool:
    if not address:
        return False
    subject, body = _render(subject, template, locale, context)
    return send_now(address, subject, body)


def mail_after_response(address: str | None, subject, template: str, locale: str | None = None, **context) -> None:
    """Send once the answer has gone out, so its timing does not depend on whether there was anything to send
    (a reset request for a known address would otherwise answer measurably later than for an unknown one)."""
    if not address:
        return
    subject, body = _render(subject, template, locale, context)
    send_after_response(address, subject, body)
