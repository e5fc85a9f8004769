"""Form pieces shared by every feature."""
from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from flask import request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import ValidationError

# Characters that change how text is laid out or read rather than what it says: line breaks and other
# control characters (they break e-mail headers and log lines) and the bidirectional overrides (they
# make a name read differently from what it is). Zero-width joiners stay: several scripts need them.
_LAYOUT_CHARACTERS = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_control_characters(text: str | None) -> bool:
    return any(unicodedata.category(char) == "Cc" or char in _LAYOUT_CHARACTERS for char in text or "")


class SingleLine:
    """A WTForms validator for names and titles: one line of visible text."""

    def __init__(self, message=None):
        self.message = message

    def __call__(self, form, field):
        if has_control_characters(field.data):
            raise ValidationError(self.message or _l("Use one line of ordinary text here, without line breaks, "
                                                     "tabs or other control characters."))


class EmptyForm(FlaskForm):
    """A CSRF-protected button: every state change is a POST with a token."""


def safe_next_url(default_endpoint: str = "main.dashboard") -> str:
    """Only same-site relative paths are followed after sign-in; anything else goes home."""
    target = request.args.get("next") or request.form.get("next") or ""
    if has_control_characters(target) or not target.isprintable():
        return url_for(default_endpoint)  # CR/LF would split the Location header
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.scheme and not parts.netloc and "\\" not in target:
        return target
    return url_for(default_endpoint)
