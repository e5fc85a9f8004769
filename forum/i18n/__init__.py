"""Languages and time zones: Flask-Babel with catalogues under translations/.

The member's own setting wins; anonymous visitors and new invitees get the best match from
Accept-Language, or the language they picked with the switcher (kept in the session).
Only languages whose catalogues are complete are offered (SUPPORTED_LOCALES).
"""
from __future__ import annotations

from flask import Flask, current_app, request, session
from flask_babel import Babel
from flask_login import current_user

from ..extensions import babel

# Languages with complete catalogues, with their own names (a switcher shows each in itself).
SUPPORTED_LOCALES = {"en": "English", "de": "Deutsch", "hi": "हिन्दी"}
SESSION_LOCALE_KEY = "locale"


def select_locale() -> str:
    user = _signed_in_user()
    if user is not None and getattr(user, "locale", None) in SUPPORTED_LOCALES:
        return user.locale
    chosen = session.get(SESSION_LOCALE_KEY) if _has_request() else None
    if chosen in SUPPORTED_LOCALES:
        return chosen
    if _has_request():
        best = request.accept_languages.best_match(list(SUPPORTED_LOCALES))
        if best:
            return best
    return current_app.config.get("BABEL_DEFAULT_LOCALE", "en")


def select_timezone() -> str:
    user = _signed_in_user()
    zone = getattr(user, "timezone", None) if user is not None else None
    return zone or current_app.config.get("BABEL_DEFAULT_TIMEZONE", "UTC")


def _has_request() -> bool:
    from flask import has_request_context

    return has_request_context()


def _signed_in_user():
    if not _has_request():
        return None
    try:
        user = current_user._get_current_object()
    except Exception:  # outside a login-managed request (CLI, mail jobs)
        return None
    return user if getattr(user, "is_authenticated", False) else None


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(app.root_path + "/../translations"))
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en")
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)

    @app.context_processor
    def _languages():
        from flask_babel import get_locale

        return {"supported_locales": SUPPORTED_LOCALES, "current_locale": str(get_locale() or "en")}


__all__ = ["Babel", "SUPPORTED_LOCALES", "init_app", "select_locale", "select_timezone"]
