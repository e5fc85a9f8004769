"""E-mails that tell a person about a change to their account's security. A mail server that is down
never undoes the change, and never changes what the page says (which could reveal an account)."""
from __future__ import annotations

from flask import current_app, render_template, url_for

from ..core.outbox import send_after_response, send_now


def absolute(endpoint: str, **values) -> str:
    """A link for an e-mail, on the configured BASE_URL: never built from the request's Host header, which a
    client chooses (a forged Host would otherwise put an attacker's domain into a reset e-mail)."""
    return current_app.config["BASE_URL"].rstrip("/") + url_for(endpoint, **values)


def mail(address: str | None, subject: str, template: str, **context) -> bool:
    if not address:
        return False
    return send_now(address, subject, render_template(template, absolute=absolute, **context))


def mail_after_response(address: str | None, subject: str, template: str, **context) -> None:
    """Send once the answer has gone out, so its timing does not depend on whether there was anything to send
    (a reset request for a known address would otherwise answer measurably later than for an unknown one)."""
    if not address:
        return
    send_after_response(address, subject, render_template(template, absolute=absolute, **context))
