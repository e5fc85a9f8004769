"""E-mails that tell a person about a change to their account's security. A mail server that is down
never undoes the change, and never changes what the page says (which could reveal an account)."""
from __future__ import annotations

import logging

from flask import after_this_request, current_app, has_request_context, render_template, url_for

from ..mail import MailError, send

log = logging.getLogger("forum.accounts")


def absolute(endpoint: str, **values) -> str:
    """A link for an e-mail, on the configured BASE_URL: never built from the request's Host header, which a
    client chooses (a forged Host would otherwise put an attacker's domain into a reset e-mail)."""
    return current_app.config["BASE_URL"].rstrip("/") + url_for(endpoint, **values)


def mail(address: str | None, subject: str, template: str, **context) -> bool:
    if not address:
        return False
    body = render_template(template, absolute=absolute, **context)
    try:
        send(address, subject, body)
    except MailError as error:
        log.warning("security notice not delivered: %s", error)
        return False
    return True


def mail_after_response(address: str | None, subject: str, template: str, **context) -> None:
    """Send once the answer has gone out, so its timing does not depend on whether there was anything to send
    (a reset request for a known address would otherwise answer measurably later than for an unknown one)."""
    if not address:
        return
    if not has_request_context():
        mail(address, subject, template, **context)
        return
    body = render_template(template, absolute=absolute, **context)
    app = current_app._get_current_object()

    def deliver():
        with app.app_context():
            try:
                send(address, subject, body)
            except MailError as error:
                log.warning("security notice not delivered: %s", error)

    @after_this_request
    def _on_close(response):
        response.call_on_close(deliver)
        return response
