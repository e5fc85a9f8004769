"""Request-wide behaviour: who is signed in, security headers, error pages, template helpers."""
from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from flask import Flask, g, jsonify, make_response, render_template, request, session
from flask_babel import lazy_gettext as _l
from flask_login import current_user, logout_user
from flask_wtf.csrf import CSRFError
from markupsafe import Markup
from sqlalchemy import and_, false, select
from sqlalchemy.exc import OperationalError

from . import policy, signin_cache
from .accounts.models import User, UserSession
from .accounts.sessions import remember_record, sid_hash_of_request
from .groups.models import Membership
from .database import is_transient
from .db_types import utcnow
from .extensions import db, login_manager
from flask_babel import gettext as _


def _load_signed_in(user_id: int) -> User | None:
    """The user, this session's server-side record and all of the user's memberships, in one query: every
    page needs them (session checks, the policy's membership and staff-group look-ups). With
    AUTH_CACHE_SECONDS, a page that changes nothing may take them from this worker's memory instead."""
    sid_hash = sid_hash_of_request()
    cache = signin_cache.for_request() if sid_hash else None
    if cache is not None:
        kept = cache.get(user_id, sid_hash)
        if kept is not None:
            user_copy, record_copy, membership_copies = kept
            user = signin_cache.attach(db.session, user_copy)
            record = signin_cache.attach(db.session, record_copy) if record_copy is not None else None
            remember_record(sid_hash, record)
            policy.remember_memberships(user, [signin_cache.attach(db.session, m) for m in membership_copies])
            return user
        ticket = cache.ticket(user_id)
    on_record = and_(UserSession.user_id == User.id, UserSession.sid_hash == sid_hash) if sid_hash else false()
    rows = db.session.execute(
        select(User, UserSession, Membership).outerjoin(UserSession, on_record)
        .outerjoin(Membership, Membership.user_id == User.id).where(User.id == user_id)).all()
    if not rows:
        return None
    user = rows[0][0]
    memberships = [row[2] for row in rows if row[2] is not None]
    if sid_hash:
        remember_record(sid_hash, rows[0][1])
    policy.remember_memberships(user, memberships)
    if cache is not None:
        cache.put(ticket, user_id, sid_hash, user, rows[0][1], memberships)
    return user


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Sessions carry the user's session version; bumping it signs the user out everywhere."""
    try:
        raw_id, raw_version = user_id.split(":", 1)
        user = _load_signed_in(int(raw_id))
        version = int(raw_version)
    except (ValueError, TypeError):
        return None
    if user is None or user.session_version != version or not policy.may_sign_in(user):
        return None
    return user


@login_manager.unauthorized_handler
def _unauthorized():
    from flask import flash, redirect, url_for

    if _wants_json():
        return jsonify(error=_("authentication required")), 401
    flash(str(login_manager.login_message), "info")
    return redirect(url_for("auth.login", next=request.full_path if request.method == "GET" else None))


def _wants_json() -> bool:
    # By endpoint, like the rate limits: the preview answers JSON wherever its route lives.
    return request.path.startswith("/api/") or request.endpoint == "posts.preview" or (
        request.accept_mimetypes.best == "application/json"
    )


# The session cookie's last activity is re-stamped (and the cookie re-sent) at most this often.
SESSION_STAMP_EVERY = timedelta(minutes=1)

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; manifest-src 'self'"
)
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()"
)
STORAGE_BUSY_MESSAGE = _l("Konsil could not save this just now because the database is busy or unavailable. "
                          "Nothing was saved; your text is still here. Please submit it again in a moment.")
# Form fields whose text is shown back when a request could not be carried out (never passwords).
_KEPT_FIELDS = (("title", _l("Title")), ("body", _l("Message")), ("details", _l("Details")))


def _trust_proxies(app: Flask) -> None:
    """Believe X-Forwarded-For/-Proto only from the configured number of proxies in front of us."""
    count = int(app.config.get("TRUSTED_PROXY_COUNT") or 0)
    if count > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count)


def _kept_text() -> list[tuple[str, str]]:
    if request.method != "POST":
        return []
    return [(label, request.form[name]) for name, label in _KEPT_FIELDS if (request.form.get(name) or "").strip()]


def _retry_after_seconds() -> int:
    import math
    import time

    from .extensions import limiter

    current = limiter.current_limit
    if current is not None and current.breached:
        return max(1, math.ceil(current.reset_at - time.time()))
    return 60


def in_words(seconds: int) -> str:
    from .i18n import duration_in_words

    return duration_in_words(seconds)


def init_app(app: Flask) -> None:
    _trust_proxies(app)
    signin_cache.init_app(app)

    @app.before_request
    def _track_session():
        g.request_started = utcnow()
        if not current_user.is_authenticated:
            return None
        now = g.request_started
        idle = timedelta(minutes=app.config["SESSION_IDLE_MINUTES"])
        last = session.get("last_active")
        if last is not None:
            try:
                last_at = datetime.fromisoformat(last)
            except ValueError:
                last_at = None
            if last_at is None or now - last_at > idle:
                logout_user()
                session.clear()
                from flask import flash

                flash(_("You were signed out after a period of inactivity."), "info")
                return None
            if last_at is not None and now - last_at < SESSION_STAMP_EVERY:
                return None  # a GET that changes nothing sends no new cookie
        # The stamp is at most a minute old, so an idle session ends at most a minute early, never late.
        session["last_active"] = now.isoformat()
        if not session.permanent:
            session.permanent = True
        return None

    @app.after_request
    def _security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CSP)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        headers.setdefault("X-Robots-Tag", "noindex, nofollow, noarchive")
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
        if request.endpoint != "static":  # static files are public; pages are per reader
            headers.setdefault("Cache-Control", "no-store")
        return response

    @app.errorhandler(CSRFError)
    def _csrf_error(error):
        db.session.rollback()
        if _wants_json():
            return jsonify(error=_("The form expired or was not sent from Konsil. Reload the page and try again.")), 400
        return render_template("errors/csrf.html"), 400

    for code in (400, 403, 404, 405, 413):
        app.register_error_handler(code, _error_page(code))

    @app.errorhandler(429)
    def _too_many_requests(error):
        db.session.rollback()
        seconds = _retry_after_seconds()
        if _wants_json():
            response = jsonify(error=_("Too many requests. Please try again in %(duration)s.", duration=in_words(seconds)),
                               retry_after=seconds)
        else:
            response = make_response(render_template("errors/429.html", retry_after=in_words(seconds),
                                                     kept_text=_kept_text()))
        response.status_code = 429
        response.headers["Retry-After"] = str(seconds)
        return response

    @app.errorhandler(OperationalError)
    def _database_unavailable(error):
        # A busy or unreachable database: nothing was written (the transaction is rolled back),
        # and the page must not ask the database again to render itself.
        db.session.rollback()
        if not is_transient(error):
            raise error  # a bug (e.g. a missing column on SQLite): the 500 page, and logged as one
        app.logger.warning("database unavailable", extra={"fields": {
            "event": "database_unavailable", "request_id": g.get("request_id"), "endpoint": request.endpoint or "-",
            "error": type(getattr(error, "orig", error)).__name__}})
        if "_login_user" not in g:
            g._login_user = login_manager.anonymous_user()
        g.unread_notifications = 0
        if _wants_json():
            response = jsonify(error=str(STORAGE_BUSY_MESSAGE))
        else:
            response = make_response(render_template("errors/unavailable.html", kept_text=_kept_text()))
        response.status_code = 503
        response.headers["Retry-After"] = "5"
        return response

    @app.errorhandler(500)
    def _server_error(error):
        db.session.rollback()
        if _wants_json():
            return jsonify(error=_("Something went wrong on our side.")), 500
        return render_template("errors/500.html"), 500

    @app.teardown_request
    def _rollback_unfinished(exc):
        if exc is not None:
            db.session.rollback()

    @app.context_processor
    def _template_helpers():
        return {
            "can": policy,
            "policy": policy,
            "unread_notifications": _unread_notifications,
            "site_name": app.config["SITE_NAME"],
        }

    app.jinja_env.filters["isodate"] = lambda value: value.isoformat() if value else ""
    app.jinja_env.globals["safe_html"] = lambda html: Markup(html)
    app.jinja_env.globals["highlight"] = highlight


def _error_page(code: int):
    def handler(error):
        db.session.rollback()
        if _wants_json():
            return jsonify(error=getattr(error, "description", "error")), code
        return render_template(f"errors/{code}.html" if code in (403, 404) else "errors/generic.html",
                               code=code, error=error), code

    return handler


def _unread_notifications() -> int:
    if not current_user.is_authenticated:
        return 0
    if "unread_notifications" not in g:
        from .notifications.services import unread_count

        g.unread_notifications = unread_count(current_user)
    return g.unread_notifications


def new_form_token() -> str:
    return secrets.token_urlsafe(24)


def page_argument() -> int:
    """The `?page=` number (see forum.params): anything else names a page that does not exist."""
    from .params import page_argument as parse

    return parse()


def highlight(text: str | None, findings: list[dict]) -> Markup:
    """The author's own text, escaped, with each finding marked and explained in place."""
    from markupsafe import escape

    from .i18n.guard_texts import guard_text

    text = text or ""
    parts: list[str] = []
    position = 0
    for finding in sorted(findings, key=lambda f: f["start"]):
        start, end = max(finding["start"], position), min(finding["end"], len(text))
        if start >= end:
            continue
        parts.append(str(escape(text[position:start])))
        explanation = guard_text(finding["explanation"])
        parts.append(f'<mark class="finding" title="{escape(explanation)}">{escape(text[start:end])}</mark>'
                     f'<span class="finding-note">{escape(explanation)}</span>')
        position = end
    parts.append(str(escape(text[position:])))
    return Markup('<pre class="highlighted-source">' + "".join(parts) + "</pre>")
