"""Rate limits on the actions that attract abuse, in one place: per signed-in user (or per account
tried, or per invitation) and per client address.

The limits are applied by URL rule -- the stable routes of the contract -- so that a feature's
view does not need to know about them, and each value is read from the configuration
(RATELIMIT_*) on every request, so operators can tune them. Only POSTs count: reading a form is free.
The one exception is a lookup a script could page through: the @mention suggestions (GET).

The client address is `request.remote_addr`, which ProxyFix sets from X-Forwarded-For only when
TRUSTED_PROXY_COUNT says how many proxies to trust (forum/web.py); a header a client sends itself
is never believed otherwise. Keys never contain an e-mail address or a token: those are
HMAC-ed with the secret key before they reach the storage (which may be a shared Redis)."""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Callable

from flask import Flask, current_app, request
from flask_login import current_user

from .extensions import limiter


def by_address() -> str:
    return f"address:{request.remote_addr or 'unknown'}"


def by_user() -> str:
    """The signed-in user; an anonymous request (about to be sent to the login page) counts by address."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return by_address()


def _pseudonym(value: str) -> str:
    key = (current_app.config.get("SECRET_KEY") or "").encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:32]


def by_account() -> str:
    """The account someone is trying to sign in to, so guessing from many addresses is slowed too."""
    email = (request.form.get("email") or "").strip().lower()
    return f"account:{_pseudonym(email)}" if email else by_address()


def by_invitation() -> str:
    """One invitation link, so a leaked link cannot be hammered from many addresses."""
    token = (request.view_args or {}).get("token") or ""
    return f"invitation:{_pseudonym(token)}" if token else by_address()


def _configured(name: str) -> Callable[[], str]:
    def limit_value() -> str:
        return current_app.config[name]

    limit_value.__name__ = name.lower()
    return limit_value


@dataclass(frozen=True)
class Rule:
    """The limits on one route: each (config key, key function) pair is its own budget."""

    path: str
    limits: tuple[tuple[str, Callable[[], str]], ...]
    methods: tuple[str, ...] = ("POST",)


RULES = (
    Rule("/auth/login", (("RATELIMIT_LOGIN_PER_ADDRESS", by_address), ("RATELIMIT_LOGIN_PER_ACCOUNT", by_account))),
    Rule("/invite/<token>", (("RATELIMIT_REGISTER_PER_ADDRESS", by_address),
                             ("RATELIMIT_REGISTER_PER_INVITATION", by_invitation))),
    Rule("/g/<slug>/invites", (("RATELIMIT_INVITE_PER_USER", by_user), ("RATELIMIT_INVITE_PER_ADDRESS", by_address))),
    Rule("/g/<slug>/new", (("RATELIMIT_POST_PER_USER", by_user), ("RATELIMIT_POST_PER_ADDRESS", by_address))),
    Rule("/g/<slug>/t/<int:topic_id>/reply", (("RATELIMIT_POST_PER_USER", by_user),
                                              ("RATELIMIT_POST_PER_ADDRESS", by_address))),
    Rule("/posts/<int:post_id>/edit", (("RATELIMIT_POST_PER_USER", by_user),
                                       ("RATELIMIT_POST_PER_ADDRESS", by_address))),
    Rule("/posts/<int:post_id>/report", (("RATELIMIT_REPORT_PER_USER", by_user),
                                         ("RATELIMIT_REPORT_PER_ADDRESS", by_address))),
    Rule("/posts/preview", (("RATELIMIT_PREVIEW_PER_USER", by_user),)),
    Rule("/uploads", (("RATELIMIT_UPLOAD_PER_USER", by_user),)),
    Rule("/g/<slug>/mentions", (("RATELIMIT_MENTIONS_PER_USER", by_user),), methods=("GET",)),
    Rule("/uploads/<upload_id>/redact", (("RATELIMIT_UPLOAD_PER_USER", by_user),)),
)

# Built once per process: Flask-Limiter registers limits by view name, and an identical object
# registered again (one app per test) is not counted twice. Posting shares one budget across new
# topics, replies and edits (shared_limit with one scope), so switching forms does not reset it.
_SHARED_SCOPES = {"RATELIMIT_POST_PER_USER": "posting", "RATELIMIT_POST_PER_ADDRESS": "posting"}
_LIMITS = {
    (rule.path, name): (
        limiter.shared_limit(_configured(name), scope=_SHARED_SCOPES[name], key_func=key,
                              methods=list(rule.methods))
        if name in _SHARED_SCOPES
        else limiter.limit(_configured(name), key_func=key, methods=list(rule.methods))
    )
    for rule in RULES
    for name, key in rule.limits
}


def init_app(app: Flask) -> None:
    """Wrap each rate-limited route's view; routes a feature has not built yet are simply absent."""
    # One limiter object serves every app a process creates, and init_app gives each a fresh
    # storage; a storage an earlier app found unreachable must not send this one to the fallback.
    if getattr(limiter, "_storage_dead", False):
        limiter._storage_dead = False
    for url_rule in list(app.url_map.iter_rules()):
        for rule in RULES:
            if url_rule.rule != rule.path:
                continue
            view = app.view_functions[url_rule.endpoint]
            for name, _key in rule.limits:
                view = _LIMITS[(rule.path, name)](view)
            app.view_functions[url_rule.endpoint] = view


def limited_paths(app: Flask) -> dict[str, str]:
    """URL rule -> endpoint for every rate-limited route this app has (for tests and the README)."""
    paths = {rule.path for rule in RULES}
    return {url_rule.rule: url_rule.endpoint for url_rule in app.url_map.iter_rules() if url_rule.rule in paths}
