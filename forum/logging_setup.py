"""Structured logs: one JSON line per request, and the application's own messages as JSON too.

A request line carries a request id, the method, the endpoint name (never the URL: paths hold
invitation tokens and query strings hold search terms), the status and the duration. No e-mail
addresses, no post text, and client addresses only as far as LOG_CLIENT_ADDRESS allows."""
from __future__ import annotations

import ipaddress
import json
import logging
import os
import re
import sys
import time
import uuid
from datetime import datetime, timezone

from flask import Flask, g, has_request_context, request

LOGGER_NAME = "forum"  # the app's own logger (Flask names it after the package)
REQUEST_LOGGER_NAME = "forum.request"
REQUEST_ID_HEADER = "X-Request-ID"
# A proxy's request id is adopted only when it looks like one: no room for smuggled text.
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
CLIENT_ADDRESS_MODES = ("none", "truncated", "full")


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON object; structured fields come from `extra={"fields": {...}}`."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", None) or {})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """One readable line per message, for the development server's terminal."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        fields = {key: value for key, value in (getattr(record, "fields", None) or {}).items()
                  if key not in ("event", "pid") and value is not None}
        return f"{line} {json.dumps(fields, ensure_ascii=False, default=str)}" if fields else line


LOG_FORMATS = {"json": JsonFormatter, "text": TextFormatter}


def configure_logging(log_format: str = "json") -> None:
    """Lines on stderr for the `forum` logger tree (JSON in production, text in development);
    one handler per process, whose format follows the app created last."""
    if log_format not in LOG_FORMATS:
        raise RuntimeError(f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}")
    logger = logging.getLogger(LOGGER_NAME)
    handler = next((handler for handler in logger.handlers if getattr(handler, "_konsil_json", False)), None)
    if handler is None:
        handler = logging.StreamHandler(sys.stderr)
        handler._konsil_json = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    if not isinstance(handler.formatter, LOG_FORMATS[log_format]):
        handler.setFormatter(LOG_FORMATS[log_format]())
    logger.setLevel(logging.INFO)
    logger.propagate = False


def client_address(address: str | None, mode: str) -> str | None:
    """The client address as far as the operator allows it to be logged."""
    if mode == "none" or not address:
        return None
    if mode == "full":
        return address
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def _incoming_request_id(app: Flask) -> str | None:
    """Adopt the id a trusted proxy (nginx's $request_id) put on the request, so both logs line up."""
    if app.config.get("TRUSTED_PROXY_COUNT", 0) <= 0:
        return None
    value = request.headers.get(REQUEST_ID_HEADER, "")
    return value if _REQUEST_ID.match(value) else None


def init_app(app: Flask) -> None:
    mode = app.config.get("LOG_CLIENT_ADDRESS", "none")
    if mode not in CLIENT_ADDRESS_MODES:
        raise RuntimeError(f"LOG_CLIENT_ADDRESS must be one of {', '.join(CLIENT_ADDRESS_MODES)}, not {mode!r}")
    configure_logging(app.config.get("LOG_FORMAT", "json"))
    request_logger = logging.getLogger(REQUEST_LOGGER_NAME)

    def _start_request():
        g.request_id = _incoming_request_id(app) or uuid.uuid4().hex
        g.request_timer = time.perf_counter()

    # Before every other hook, so that the rate limiter's own before_request is timed as well.
    app.before_request_funcs.setdefault(None, []).insert(0, _start_request)

    @app.after_request
    def _log_request(response):
        # Registered before the other after_request hooks, so it runs last and sees the final status.
        request_id = g.get("request_id") or uuid.uuid4().hex
        response.headers[REQUEST_ID_HEADER] = request_id
        if not app.config.get("LOG_REQUESTS", True):
            return response
        started = g.get("request_timer")
        fields = {
            "event": "request",
            "request_id": request_id,
            "method": request.method,
            "endpoint": request.endpoint or "-",
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1) if started else None,
            "pid": os.getpid(),
        }
        address = client_address(request.remote_addr, mode)
        if address:
            fields["client"] = address
        request_logger.info("request", extra={"fields": fields})
        return response

    original_log_exception = app.log_exception

    def log_exception(exc_info):
        """Flask's default names the full path (which may hold an invitation token); name the endpoint."""
        if not has_request_context():
            return original_log_exception(exc_info)
        app.logger.error("unhandled exception", exc_info=exc_info, extra={"fields": {
            "event": "exception", "request_id": g.get("request_id"), "method": request.method,
            "endpoint": request.endpoint or "-"}})

    app.log_exception = log_exception  # type: ignore[method-assign]
