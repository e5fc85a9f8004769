"""Form pieces shared by every feature."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import request, url_for
from flask_wtf import FlaskForm


class EmptyForm(FlaskForm):
    """A CSRF-protected button: every state change is a POST with a token."""


def safe_next_url(default_endpoint: str = "main.dashboard") -> str:
    """Only same-site relative paths are followed after sign-in; anything else goes home."""
    target = request.args.get("next") or request.form.get("next") or ""
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.scheme and not parts.netloc and "\\" not in target:
        return target
    return url_for(default_endpoint)
