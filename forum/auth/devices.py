"""Browsers that have signed in to an account before ("known devices").

After a successful sign-in the browser gets a long-lived, signed cookie naming the account and a random
device id. Sign-in attempts from such a browser count against their own throttle budget only, so a
stranger who makes an account's or an address's sign-ins pause (wrong passwords from elsewhere) does
not keep the owner out of their own computer or phone. The cookie proves nothing by itself: the
password (and second factor) are still required."""
from __future__ import annotations

import secrets

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeSerializer

COOKIE = "konsil_device"
MAX_AGE = 400 * 24 * 3600  # browsers cap cookie lifetimes at 400 days


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="konsil-known-device")


def device_for(user_id: int | None) -> str | None:
    """The id of this browser if it signed in to this account before, else None."""
    raw = request.cookies.get(COOKIE)
    if not raw or user_id is None or len(raw) > 400:
        return None
    try:
        data = _serializer().loads(raw)
    except BadSignature:
        return None
    if not isinstance(data, dict) or data.get("u") != user_id or not isinstance(data.get("d"), str):
        return None
    return data["d"]


def remember(response, user_id: int):
    """Mark this browser as known for this account (keeping its id if it already was)."""
    device = device_for(user_id) or secrets.token_urlsafe(16)
    response.set_cookie(COOKIE, _serializer().dumps({"u": user_id, "d": device}), max_age=MAX_AGE,
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", True), httponly=True,
                        samesite="Lax", path="/auth/")
    return response
