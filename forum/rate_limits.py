"""Rate limits on the actions that attract abuse, in one place: per signed-in user (or per account
tried, or per invitation) and per client address.

The limits are applied by endpoint name (`posts.reply_to`), so that a feature's view does not need to
know about them and a route that moves keeps them; each value is read from the configuration
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
    """The limits on one endpoint: each (config key, key function) pair is its own budget."""

    endpoint: str
    limits: tuple[tuple[str, Callable[[], str]], ...]
    methods: tuple[str, ...] = ("POST",)


_POSTING = (("RATELIMIT_POST_PER_USER", by_user), ("RATELIMIT_POST_PER_ADDRESS", by_address))
_REGISTERING = (("RATELIMIT_REGISTER_PER_ADDRESS", by_address), ("RATELIMIT_REGISTER_PER_INVITATION", by_invitation))
_ACTING = (("RATELIMIT_ACTION_PER_USER", by_user),)

# By endpoint name, not URL: a route that moves keeps its limits, and an endpoint that is renamed or removed
# stops the app from starting (init_app) instead of silently losing them.
RULES = (
    Rule("auth.login", (("RATELIMIT_LOGIN_PER_ADDRESS", by_address), ("RATELIMIT_LOGIN_PER_ACCOUNT", by_account))),
    Rule("invitations.landing", _REGISTERING),
    Rule("invitations.confirm_registration", (("RATELIMIT_REGISTER_PER_ADDRESS", by_address),)),
    Rule("invitations.manage", (("RATELIMIT_INVITE_PER_USER", by_user), ("RATELIMIT_INVITE_PER_ADDRESS", by_address))),
    Rule("posts.new_topic", _POSTING),
    Rule("posts.reply_to", _POSTING),
    Rule("posts.edit", _POSTING),
    Rule("moderation.report", (("RATELIMIT_REPORT_PER_USER", by_user), ("RATELIMIT_REPORT_PER_ADDRESS", by_address))),
    Rule("posts.preview", (("RATELIMIT_PREVIEW_PER_USER", by_user),)),
    Rule("uploads.create", (("RATELIMIT_UPLOAD_PER_USER", by_user),)),
    Rule("uploads.redact", (("RATELIMIT_UPLOAD_PER_USER", by_user),)),
    Rule("participation.mentions", (("RATELIMIT_MENTIONS_PER_USER", by_user),), methods=("GET",)),
) + tuple(Rule(endpoint, _ACTING) for endpoint in (
    # Everything else a member can change shares one generous budget per member, so no form can be hammered.
    "accounts.admin_reset_two_factor", "accounts.delete", "accounts.end_one_session", "accounts.end_sessions",
    "accounts.recovery_codes", "accounts.settings", "accounts.two_factor_cancel", "accounts.two_factor_confirm",
    "accounts.two_factor_disable", "accounts.two_factor_start",
    "groups.edit", "groups.guidelines", "groups.join_requests", "groups.new", "groups.request_join",
    "guard.patterns", "guard.public_numbers_update", "guard.settings", "guard.toggle",
    "incidents.assess", "incidents.close", "incidents.officer_role",
    "invitations.revoke_invitation",
    "moderation.case", "moderation.decide_appeal", "moderation.edit_guidelines", "moderation.guard_policy",
    "moderation.invite_policy", "moderation.lock_topic", "moderation.member_remove", "moderation.member_role",
    "moderation.member_status", "moderation.mute", "moderation.new_appeal", "moderation.pin_topic",
    "moderation.post_tool", "moderation.unlock_topic", "moderation.unmute", "moderation.unpin_topic",
    "notifications.read_all",
    "notifications.open", "notifications.preferences_page",
    "participation.bookmark", "participation.react", "participation.read_all", "participation.read_all_in_group",
    "participation.request_source", "participation.resolve_source_request", "participation.watch_group",
    "participation.watch_topic",
    "posts.delete", "primer.show",
    "uploads.group_settings", "uploads.moderate",
    "verification.review", "verification.suspend_account", "verification.unsuspend_account",
    "verification.verifier_role",
))

# Endpoints that change state without a limit of their own here, and why. Any other state-changing endpoint
# without a limit fails tests/hardening/test_rate_limits.py.
EXEMPT = {
    "auth.logout": "signing out must always work; it only ends the caller's own session",
    "i18n.choose": "it only sets the reader's language; nothing is sent or stored for anyone else",
}
# Limited by a Flask-Limiter decorator on the view itself (which travels with the view, whatever its URL):
# auth.reset_request, auth.reset_password, accounts.password, accounts.export, verification.status.

# Built once per process: Flask-Limiter registers limits by view name, and an identical object
# registered again (one app per test) is not counted twice. Posting shares one budget across new
# topics, replies and edits (shared_limit with one scope), so switching forms does not reset it; the
# other member actions share theirs.
_SHARED_SCOPES = {"RATELIMIT_POST_PER_USER": "posting", "RATELIMIT_POST_PER_ADDRESS": "posting",
                  "RATELIMIT_ACTION_PER_USER": "actions"}
_LIMITS = {
    (rule.endpoint, name): (
        limiter.shared_limit(_configured(name), scope=_SHARED_SCOPES[name], key_func=key,
                              methods=list(rule.methods))
        if name in _SHARED_SCOPES
        else limiter.limit(_configured(name), key_func=key, methods=list(rule.methods))
    )
    for rule in RULES
    for name, key in rule.limits
}


def init_app(app: Flask) -> None:
    """Wrap each rate-limited endpoint's view. An endpoint the registry names but the app lacks is an error:
    a renamed view would otherwise lose its limits without anyone noticing."""
    # One limiter object serves every app a process creates, and init_app gives each a fresh
    # storage; a storage an earlier app found unreachable must not send this one to the fallback.
    if getattr(limiter, "_storage_dead", False):
        limiter._storage_dead = False
    missing = sorted(rule.endpoint for rule in RULES if rule.endpoint not in app.view_functions)
    if missing:
        raise RuntimeError(f"rate limits name endpoints this app does not have: {', '.join(missing)}")
    for rule in RULES:
        view = app.view_functions[rule.endpoint]
        for name, _key in rule.limits:
            view = _LIMITS[(rule.endpoint, name)](view)
        app.view_functions[rule.endpoint] = view


def limited_endpoints(app: Flask) -> set[str]:
    """Every endpoint with at least one rate limit, from this registry or a decorator on the view, as
    Flask-Limiter itself resolves them."""
    limited = set()
    with app.test_request_context():
        for endpoint in app.view_functions:
            blueprint = endpoint.rsplit(".", 1)[0] if "." in endpoint else None
            _defaults, decorated = limiter.limit_manager.resolve_limits(app, endpoint, blueprint)
            if decorated:
                limited.add(endpoint)
    return limited
