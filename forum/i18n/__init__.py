"""Languages and time zones: Flask-Babel with catalogues under translations/.

The member's own setting wins; anonymous visitors and new invitees get the language they picked with
the switcher (kept in the session), else the best match from Accept-Language.
Only languages whose catalogues are complete are offered (SUPPORTED_LOCALES).
Dates, times and numbers go through Babel, in the reader's locale and time zone.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import Flask, current_app, request, session
from flask_babel import Babel, format_date, format_datetime, format_number, format_time, format_timedelta
from flask_babel import get_locale, gettext, lazy_gettext, to_user_timezone
from flask_login import current_user
from markupsafe import Markup, escape

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


def default_timezone() -> str:
    return current_app.config.get("FORUM_DEFAULT_TIMEZONE") or "UTC"


def valid_timezone(name: str | None) -> bool:
    if not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone_of(user) -> ZoneInfo:
    """The member's own time zone (the configured default when they chose none)."""
    name = getattr(user, "timezone", None) if user is not None else None
    return ZoneInfo(name if valid_timezone(name) else default_timezone())


def select_timezone() -> str:
    user = _signed_in_user()
    zone = getattr(user, "timezone", None) if user is not None else None
    return zone if valid_timezone(zone) else default_timezone()


def locale_of(user) -> str:
    """The language an e-mail to `user` is written in."""
    locale = getattr(user, "locale", None)
    return locale if locale in SUPPORTED_LOCALES else current_app.config.get("BABEL_DEFAULT_LOCALE", "en")


@contextmanager
def as_recipient(user, locale: str | None = None):
    """Write to `user` in their language and time zone (e-mails, stored notification texts)."""
    from flask_babel import _get_current_context, force_locale
    from pytz import timezone as pytz_timezone

    zone = getattr(user, "timezone", None) if user is not None else None
    zone = zone if valid_timezone(zone) else default_timezone()
    with force_locale(locale or locale_of(user)):
        ctx = _get_current_context()  # where Flask-Babel caches the zone of the current context
        previous = getattr(ctx, "babel_tzinfo", None) if ctx is not None else None
        if ctx is not None:
            ctx.babel_tzinfo = pytz_timezone(zone)
        try:
            yield
        finally:
            if ctx is not None:
                ctx.babel_tzinfo = previous


def for_user(user_or_id, message) -> str:
    """A lazily translated message (lazy_gettext with its parameters) rendered in the language of the
    member who will read it: notification texts are written for their reader, not for the actor."""
    user = user_or_id
    if isinstance(user_or_id, int):
        from ..accounts.models import User
        from ..extensions import db

        user = db.session.get(User, user_or_id)
    with as_recipient(user):
        return str(message)


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


# --- dates, times and numbers in the reader's locale and zone -----------------------------------


def date_filter(value: datetime | None, format: str = "medium") -> str:
    return format_date(value, format) if value is not None else ""


def datetime_filter(value: datetime | None) -> str:
    """Date and time to the minute, in the reader's zone."""
    if value is None:
        return ""
    return f"{format_date(value, 'medium')}, {format_time(value, 'short')}"


def skeleton_filter(value: datetime | None, skeleton: str = "yMMMM") -> str:
    """A locale-aware pattern such as month and year ("yMMMM") or day and month ("MMMd")."""
    if value is None:
        return ""
    from babel.dates import format_skeleton

    return format_skeleton(skeleton, to_user_timezone(value), locale=get_locale())


def when_filter(value: datetime | None) -> str:
    """Recent times relative ("5 minutes ago"), older ones as a date."""
    if value is None:
        return ""
    from ..db_types import utcnow

    delta = value - utcnow()
    if abs(delta) < timedelta(seconds=60):
        return gettext("just now")
    if abs(delta) < timedelta(days=7):
        return format_timedelta(delta, add_direction=True, granularity="minute")
    return format_date(value, "medium")


def reltime(value: datetime | None) -> Markup:
    """A <time> element: relative text, the exact date and time in its title."""
    if value is None:
        return Markup("")
    return Markup('<time datetime="{}" title="{}">{}</time>').format(
        value.isoformat(), datetime_filter(value), when_filter(value))


def duration_in_words(seconds: int) -> str:
    """'5 minutes', '1 hour' in the reader's language (Babel's plural rules)."""
    return format_timedelta(timedelta(seconds=max(1, seconds)), threshold=1, granularity="second")


# Stored states and kinds, as shown to readers (the stored values stay English identifiers).
STATE_LABELS = {
    "pending": lazy_gettext("pending"), "verified": lazy_gettext("verified"), "rejected": lazy_gettext("rejected"),
    "suspended": lazy_gettext("suspended"), "active": lazy_gettext("active"), "banned": lazy_gettext("banned"),
    "approved": lazy_gettext("approved"), "superseded": lazy_gettext("replaced by a correction"),
    "new": lazy_gettext("new member"), "renewal": lazy_gettext("renewal"),
    "open": lazy_gettext("open"), "resolved": lazy_gettext("resolved"), "dismissed": lazy_gettext("dismissed"),
    "granted": lazy_gettext("granted"), "denied": lazy_gettext("denied"),
    "accepted": lazy_gettext("accepted"), "expired": lazy_gettext("expired"), "revoked": lazy_gettext("revoked"),
    "admin": lazy_gettext("admin"), "verifier": lazy_gettext("verifier"),
    "member": lazy_gettext("member"), "moderator": lazy_gettext("moderator"), "owner": lazy_gettext("owner"),
    "secret": lazy_gettext("secret"), "listed": lazy_gettext("listed"),
}


def state_label(value) -> str:
    """A stored state (`pending`, `banned`, ...) in the reader's language; unknown values as they are."""
    if value is None:
        return ""
    label = STATE_LABELS.get(str(value))
    return str(label) if label is not None else str(value)


def number_filter(value) -> str:
    return format_number(value) if value is not None else ""


def _forms_follow_the_catalogue() -> None:
    """Flask-WTF hands WTForms its own translations object (WTForms' catalogues, which have no Hindi);
    point it at Konsil's catalogues instead, which carry WTForms' messages in every offered language."""
    import flask_wtf.form

    from .wtforms_texts import translations

    flask_wtf.form.translations = translations


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(app.root_path + "/../translations"))
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en")
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    app.jinja_env.filters.update({
        "date": date_filter, "datetime": datetime_filter, "skeleton": skeleton_filter,
        "when": when_filter, "number": number_filter, "state_label": state_label,
    })
    app.jinja_env.globals["reltime"] = reltime
    from .guard_texts import guard_text

    app.jinja_env.globals["guard_text"] = guard_text
    _forms_follow_the_catalogue()
    from . import views

    app.register_blueprint(views.bp)

    @app.context_processor
    def _languages():
        return {"supported_locales": SUPPORTED_LOCALES, "current_locale": str(get_locale() or "en")}


__all__ = ["Babel", "SUPPORTED_LOCALES", "init_app", "select_locale", "select_timezone", "locale_of", "as_recipient", "for_user"]
