"""Session identity: a fresh one on sign-in and on every change of privilege, and the rule that staff
enrol a second factor before they use their powers.

Sessions are signed cookies. What makes one valid is the user's `session_version` inside the
Flask-Login id (bumping it ends every session, see web.load_user), a random `sid` naming this
particular session, and `priv`, a fingerprint of the roles the session was issued for."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from flask import current_app, flash, g, jsonify, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from sqlalchemy import delete, select

from .. import policy
from ..db_types import utcnow
from ..extensions import db
from . import security, two_factor
from .models import User, UserSession

# A password accepted, the second factor still to come: kept in the session for a few minutes.
PENDING_KEY = "login_pending"
PENDING_FOR = timedelta(minutes=5)

# Where staff without a second factor may still go.
ENROLMENT_ENDPOINTS = {
    "accounts.two_factor", "accounts.two_factor_start", "accounts.two_factor_confirm", "accounts.two_factor_cancel",
    "auth.logout", "static",
    "main.about", "main.terms", "main.privacy",
}


def privilege_fingerprint(user: User) -> str:
    parts = [
        "admin" if user.is_admin else "", "verifier" if user.is_verifier else "", str(user.verification_status),
        ",".join(str(group_id) for group_id in sorted(policy.staff_group_ids(user))),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


# A session's last activity is written at most this often, so reading pages does not mean writing rows.
TOUCH_EVERY = timedelta(minutes=1)


def _clear_session() -> None:
    """Empty the session, including the CSRF secret: Flask-WTF caches the signed token for this request in
    `g`, and a page rendered after the renewal must carry a token for the new secret."""
    session.clear()
    g.pop(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)


def _sid_hash(sid: str) -> str:
    return hashlib.sha256(f"sid:{sid}".encode()).hexdigest()


def _stamp(user: User, sid: str) -> None:
    session["sid"] = sid
    session["last_active"] = utcnow().isoformat()
    session["priv"] = privilege_fingerprint(user)
    session.permanent = True


def current_marker() -> str | None:
    sid = session.get("sid")
    return security.session_marker(sid) if sid else None


def sid_hash_of_request() -> str | None:
    """The hash naming this request's session record, if the session carries an id."""
    sid = session.get("sid")
    return _sid_hash(sid) if sid and isinstance(sid, str) else None


def remember_record(sid_hash: str, record: UserSession | None) -> None:
    """The session record, loaded with the signed-in user (web.load_user) so that it is not asked for again."""
    g._session_record = (sid_hash, record)


def current_record() -> UserSession | None:
    sid_hash = sid_hash_of_request()
    if sid_hash is None:
        return None
    loaded = g.get("_session_record")
    if loaded is not None and loaded[0] == sid_hash:
        return loaded[1]
    return db.session.scalar(select(UserSession).where(UserSession.sid_hash == sid_hash))


def start_session(user: User, method: str = "registration", origin: security.Origin | None = None) -> None:
    """A fresh session identity on every sign-in, so a planted session is worthless; the sign-in is logged."""
    origin = origin or security.Origin.of_request()
    _clear_session()
    login_user(user)
    sid = secrets.token_urlsafe(32)
    now = utcnow()
    # Keep a user's list short: closed sessions are forgotten after a month (the sign-ins stay in the log).
    db.session.execute(delete(UserSession).where(UserSession.user_id == user.id,
                                                 UserSession.ended_at < now - timedelta(days=30)))
    db.session.add(UserSession(user_id=user.id, sid_hash=_sid_hash(sid), created_at=now, last_seen_at=now,
                               method=method, ip_prefix=origin.ip_prefix, client=origin.client[:80]))
    _stamp(user, sid)
    user.last_seen_at = now
    security.record(user, "auth:login:success", origin=origin,
                    details={"method": method, "session": current_marker()})


def renew_session(user: User) -> None:
    """A new identity for the same signed-in session after a change of password, second factor or role.
    The session stays in force (also after "end all sessions"): it carries the user's new session version
    and its server-side record moves to the new id."""
    record = current_record()
    flashes = session.get("_flashes")
    _clear_session()
    login_user(user)
    sid = secrets.token_urlsafe(32)
    if record is None or record.user_id != user.id:
        origin = security.Origin.of_request()
        record = UserSession(user_id=user.id, method="renewed", ip_prefix=origin.ip_prefix,
                             client=origin.client[:80])
        db.session.add(record)
    record.sid_hash = _sid_hash(sid)
    record.ended_at = None
    record.last_seen_at = utcnow()
    _stamp(user, sid)
    if flashes:
        session["_flashes"] = flashes


def end_current_session() -> None:
    record = current_record()
    if record is not None and record.ended_at is None:
        record.ended_at = utcnow()


def active_sessions(user: User) -> list[UserSession]:
    """Sessions that could still be used: not ended, and active within the idle timeout."""
    idle = timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])
    lifetime = current_app.permanent_session_lifetime
    now = utcnow()
    return list(db.session.scalars(
        select(UserSession).where(UserSession.user_id == user.id, UserSession.ended_at.is_(None),
                                  UserSession.last_seen_at > now - idle - TOUCH_EVERY,
                                  UserSession.created_at > now - lifetime)
        .order_by(UserSession.last_seen_at.desc())))


def end_session(user: User, session_id: int) -> bool:
    record = db.session.get(UserSession, session_id)
    if record is None or record.user_id != user.id:
        return False
    if record.ended_at is None:
        record.ended_at = utcnow()
    return True


def begin_pending(user: User, next_url: str) -> None:
    session[PENDING_KEY] = {"uid": user.id, "ver": user.session_version, "at": utcnow().isoformat(),
                            "next": next_url}


def pending_user() -> tuple[User | None, str | None, bool]:
    """The user whose password was accepted a moment ago, the page they wanted, and whether it timed out."""
    data = session.get(PENDING_KEY)
    if not isinstance(data, dict):
        return None, None, False
    try:
        started = datetime.fromisoformat(data["at"])
        user = db.session.get(User, int(data["uid"]))
    except (KeyError, TypeError, ValueError):
        session.pop(PENDING_KEY, None)
        return None, None, False
    if utcnow() - started > PENDING_FOR:
        session.pop(PENDING_KEY, None)
        return None, None, True
    if user is None or user.session_version != data.get("ver") or not policy.may_sign_in(user):
        session.pop(PENDING_KEY, None)
        return None, None, False
    return user, data.get("next"), False


def clear_pending() -> None:
    session.pop(PENDING_KEY, None)


def _idle_expired() -> bool:
    """web._track_session signs idle sessions out; nothing here should act on such a session first."""
    last = session.get("last_active")
    if last is None:
        return False
    try:
        last_at = datetime.fromisoformat(last)
    except ValueError:
        return True
    return utcnow() - last_at > timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/posts/preview" or (
        request.accept_mimetypes.best == "application/json")


def _server_side_problem(record: UserSession, now: datetime) -> str | None:
    """Why this session record may no longer be used, if it may not. The record, not the cookie, decides:
    a copied cookie re-signed by the app on every request would otherwise live for ever.

    - absolute lifetime: PERMANENT_SESSION_LIFETIME from the sign-in, however active the session was;
    - idle lifetime: SESSION_IDLE_MINUTES since the last request the server saw (last_seen_at is written at
      most every TOUCH_EVERY, hence the allowance);
    - binding: the browser family and operating system seen at sign-in ("Firefox on Linux"). Not the
      address: clinicians move between ward Wi-Fi, VPN and mobile data within a shift."""
    if now - record.created_at > current_app.permanent_session_lifetime:
        return "expired"
    if now - record.last_seen_at > timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"]) + TOUCH_EVERY:
        return "idle"
    client = security.describe_client(request.headers.get("User-Agent"))[:80]
    if record.client and record.client != client:
        return "other_client"
    return None


def _check_server_side(user: User) -> bool:
    """The session must have a live server-side record within its lifetimes, used from the browser it was
    issued to; otherwise it was signed out (here or elsewhere) or has expired, and it ends now."""
    record = current_record()
    if record is None or record.ended_at is not None or record.user_id != user.id:
        logout_user()
        session.clear()
        return False
    now = utcnow()
    problem = _server_side_problem(record, now)
    if problem is not None:
        record.ended_at = now
        security.record(user, "auth:session:expired" if problem != "other_client" else "auth:session:rejected",
                        details={"why": problem, "session": current_marker()})
        db.session.commit()
        logout_user()
        session.clear()
        if problem != "other_client":
            flash(_("Your session has ended. Please sign in again."), "info")
        return False
    if now - record.last_seen_at > TOUCH_EVERY:
        record.last_seen_at = now
        db.session.commit()
    return True


def check_account_security():
    """Before every request: end sessions that were signed out on the server, renew the session when the
    user's roles changed since it was issued, and send staff without a second factor to enrolment."""
    if request.endpoint in (None, "static") or not current_user.is_authenticated or _idle_expired():
        return None
    user = current_user._get_current_object()
    if not _check_server_side(user):
        return None
    fingerprint = privilege_fingerprint(user)
    issued_for = session.get("priv")
    if issued_for is None:
        session["priv"] = fingerprint
    elif issued_for != fingerprint:
        renew_session(user)
        security.record(user, "auth:session:privilege_change")
        db.session.commit()
    if request.endpoint in ENROLMENT_ENDPOINTS or not policy.must_use_two_factor(user):
        return None
    if two_factor.is_enabled(user):
        return None
    message = "Your role needs two-factor sign-in. Set it up now to continue; it takes a minute."
    if _wants_json():
        return jsonify(error=message), 403
    flash(message, "warning")
    return redirect(url_for("accounts.two_factor"))
