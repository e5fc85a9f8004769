"""The actor a request acts as, built once per request. Today that is the signed-in user (or the
anonymous user); an API token, an SSO login or the CLI become actors here, so that every rule and
scope takes the actor and never reads `current_user` itself."""
from __future__ import annotations

from flask import g, has_request_context


def current_actor():
    """The signed-in user (or Flask-Login's anonymous user), looked up once per request."""
    from flask_login import current_user

    if not has_request_context():
        return None
    if "_actor" not in g:
        g._actor = current_user._get_current_object() if current_user else None
    return g._actor


def forget_actor() -> None:
    """After sign-in or sign-out within the same request."""
    if has_request_context():
        g.pop("_actor", None)
