"""The language switcher: a small form on the sign-in, invitation and legal pages (no JavaScript)."""
from __future__ import annotations

from flask import Blueprint, abort, redirect, request, session, url_for
from flask_login import current_user

from ..extensions import db
from . import SESSION_LOCALE_KEY, SUPPORTED_LOCALES

bp = Blueprint("i18n", __name__)


@bp.post("/language")
def choose():
    """Keep the chosen language in the session; a signed-in member's setting changes with it."""
    locale = request.form.get("locale", "")
    if locale not in SUPPORTED_LOCALES:
        abort(400)
    session[SESSION_LOCALE_KEY] = locale
    if current_user.is_authenticated and current_user.locale != locale:
        current_user.locale = locale
        db.session.commit()
    return redirect(_safe_next(request.form.get("next")))


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never a scheme, host or protocol-relative URL."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("auth.login")
