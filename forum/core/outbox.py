"""The one way Konsil sends e-mail, through forum.mail.send, at one of three moments:

- queue_mail: after the transaction commits (decisions, invitations); a rollback sends nothing;
- send_after_response: once the answer has gone out, so its timing reveals nothing (security notices);
- send_now: at once, saying whether it went out (jobs that record what they sent).

A mail server that is down never undoes a change: failures are logged, without the body."""
from __future__ import annotations

import logging

from flask import after_this_request, current_app, has_request_context

from .transaction import after_commit

log = logging.getLogger("forum.mail")


def _deliver(app, to: str, subject: str, body: str) -> None:
    from ..mail import send

    with app.app_context():
        try:
            send(to, subject, body)
        except Exception as error:  # noqa: BLE001 -- any transport error
            log.warning("mail not delivered (%s): %s", subject[:40], error)


def queue_mail(to: str | None, subject: str, body: str) -> None:
    """Send once the current transaction has committed (the usual case: a decision, an invitation)."""
    if not to:
        return
    app = current_app._get_current_object()
    after_commit(lambda: _deliver(app, to, subject, body))


def send_after_response(to: str | None, subject: str, body: str) -> None:
    """Send once the answer has gone out, committed or not: security notices whose timing must not
    depend on whether there was anything to send (a reset request for a known address)."""
    if not to:
        return
    app = current_app._get_current_object()
    if not has_request_context():
        _deliver(app, to, subject, body)
        return

    @after_this_request
    def _on_close(response):
        response.call_on_close(lambda: _deliver(app, to, subject, body))
        return response


def send_now(to: str | None, subject: str, body: str) -> bool:
    """Send at once and say whether it went out (a job that records what it sent, like the digest)."""
    if not to:
        return False
    from ..mail import MailError, send

    try:
        send(to, subject, body)
    except MailError as error:
        log.warning("mail not delivered (%s): %s", subject[:40], error)
        return False
    return True
