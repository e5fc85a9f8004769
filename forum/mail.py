"""Outgoing e-mail: an outbox folder of .eml files by default, real SMTP when configured.

SMTP settings (all from the environment, see config.py):
  SMTP_HOST       set it to send through SMTP instead of writing to the outbox folder
  SMTP_PORT       587 by default
  SMTP_STARTTLS   upgrade the connection with STARTTLS (default on); off for a relay on localhost
  SMTP_SSL        implicit TLS from the first byte (usually port 465); takes precedence over STARTTLS
  SMTP_USERNAME / SMTP_PASSWORD   credentials; never sent over an unencrypted connection
  SMTP_TIMEOUT    seconds, 15 by default
"""
from __future__ import annotations

import logging
import smtplib
import ssl
import uuid
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

from flask import current_app

log = logging.getLogger("forum.mail")


class MailError(RuntimeError):
    """The message could not be handed to the mail server; the text says why (never the content)."""


def build(to: str, subject: str, body: str) -> EmailMessage:
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    sender_domain = parseaddr(config["MAIL_SENDER"])[1].rpartition("@")[2] or "konsil.invalid"
    message["Message-ID"] = make_msgid(domain=sender_domain)
    # Tells mail servers and vacation responders that no person sent this (RFC 3834).
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(body)
    return message


def send(to: str, subject: str, body: str) -> None:
    """Deliver one plain-text message. Raises MailError when the SMTP server cannot take it."""
    config = current_app.config
    message = build(to, subject, body)
    if config.get("SMTP_HOST"):
        _send_smtp(message, config)
    else:
        _write_outbox(message, Path(config["MAIL_OUTBOX_DIR"]))
    # Neither the address nor the body is logged: they may be personal data.
    log.info("mail sent", extra={"mail_kind": subject[:40]})


def _write_outbox(message: EmailMessage, outbox: Path) -> None:
    outbox.mkdir(parents=True, exist_ok=True)
    path = outbox / f"{formatdate(usegmt=True).replace(' ', '_').replace(',', '').replace(':', '')}-{uuid.uuid4().hex[:8]}.eml"
    path.write_bytes(bytes(message))


def _send_smtp(message: EmailMessage, config) -> None:
    host, port = config["SMTP_HOST"], int(config.get("SMTP_PORT") or 587)
    timeout = float(config.get("SMTP_TIMEOUT") or 15)
    implicit_tls = bool(config.get("SMTP_SSL"))
    starttls = bool(config.get("SMTP_STARTTLS")) and not implicit_tls
    username = config.get("SMTP_USERNAME") or ""
    if username and not (implicit_tls or starttls):
        raise MailError("SMTP credentials are configured but neither SMTP_STARTTLS nor SMTP_SSL is on; "
                        "refusing to send the password in clear text")
    context = ssl.create_default_context()
    try:
        if implicit_tls:
            connection = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            connection = smtplib.SMTP(host, port, timeout=timeout)
        with connection as smtp:
            if starttls:
                smtp.starttls(context=context)
            if username:
                smtp.login(username, config.get("SMTP_PASSWORD") or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        log.error("mail delivery failed: %s", type(error).__name__)
        raise MailError(f"the mail server at {host}:{port} did not accept the message ({type(error).__name__})") \
            from error
