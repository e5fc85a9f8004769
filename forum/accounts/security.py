"""The security event log, client descriptions, and the per-account / per-address sign-in throttle.

Nothing here ever stores a password, a token, a code, a full IP address or a typed e-mail address:
events keep a coarse network (/24 or /48) and the browser family, OS and device kind; throttle rows are keyed
by keyed hashes."""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app, has_request_context, request
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from ..db_types import utcnow
from ..extensions import db
from .models import LoginThrottle, SecurityEvent, User
from flask_babel import lazy_gettext as _l

# What each action means, for the user's page and the admins' page.
EVENT_LABELS = {
    "auth:login:success": _l("Signed in"),
    "auth:login:failure": _l("Failed sign-in"),
    "auth:login:locked": _l("Sign-in refused: too many failed attempts"),
    "auth:logout": _l("Signed out"),
    "auth:sessions:end_all": _l("Signed out everywhere else"),
    "auth:session:end": _l("Signed out another session"),
    "auth:session:privilege_change": _l("Session renewed after a change of role"),
    "auth:session:expired": _l("Session ended: too old or unused for too long"),
    "auth:session:rejected": _l("Session refused: its cookie came from another browser"),
    "auth:2fa:enable": _l("Two-factor sign-in turned on"),
    "auth:2fa:disable": _l("Two-factor sign-in turned off"),
    "auth:2fa:reset": _l("Two-factor sign-in reset by an admin"),
    "auth:recovery:use": _l("Recovery code used to sign in"),
    "auth:recovery:regenerate": _l("New recovery codes generated"),
    "auth:password:change": _l("Password changed"),
    "auth:password:reset_request": _l("Password reset link requested"),
    "auth:password:reset": _l("Password reset through an e-mailed link"),
    "account:profile:update": _l("Profile settings changed"),
    "account:data:export": _l("Data exported"),
    "account:self:delete": _l("Account deleted"),
}

SIGN_IN_METHODS = {
    "password": _l(_l("password")),
    "totp": _l(_l("password and authenticator code")),
    "recovery": _l(_l("password and recovery code")),
    "registration": _l(_l("registration")),
}


def event_label(action: str) -> str:
    return str(EVENT_LABELS.get(action, action))


# --- where a request comes from -------------------------------------------------------------------

_BROWSERS = [  # order matters: many browsers also claim to be Chrome and Safari
    ("Edge", re.compile(r"\bEdg(?:e|A|iOS)?/")),
    ("Opera", re.compile(r"\bOPR/|\bOpera\b")),
    ("Samsung Internet", re.compile(r"\bSamsungBrowser/")),
    ("Firefox", re.compile(r"\bFirefox/|\bFxiOS/")),
    ("Chrome", re.compile(r"\b(?:Headless)?Chrome/|\bCriOS/|\bChromium/")),
    ("Safari", re.compile(r"\bVersion/[\d.]+.*\bSafari/")),
]
_SYSTEMS = [
    ("iOS", re.compile(r"\biPhone|\biPad|\biPod")),
    ("Android", re.compile(r"\bAndroid\b")),
    ("ChromeOS", re.compile(r"\bCrOS\b")),
    ("Windows", re.compile(r"\bWindows\b")),
    ("macOS", re.compile(r"\bMac OS X\b|\bMacintosh\b")),
    ("Linux", re.compile(r"\bLinux\b")),
]


_TABLETS = re.compile(r"\biPad\b|\bTablet\b|\bKindle\b|\bSilk/")
_PHONES = re.compile(r"\biPhone\b|\biPod\b|\bMobile\b|\bPhone\b")

DEVICE_KINDS = ("computer", "phone", "tablet")


@dataclass(frozen=True)
class Client:
    """Where a request comes from, as stored: the browser family, the operating system and the kind of
    device, nothing finer. Stored as data and put into words when read, in the reader's language."""

    browser: str = ""
    system: str = ""
    device: str = ""  # one of DEVICE_KINDS, or "" when the request did not say

    def __bool__(self) -> bool:
        return bool(self.browser or self.system or self.device)

    def as_dict(self) -> dict[str, str]:
        return {"browser": self.browser, "system": self.system, "device": self.device}

    @classmethod
    def of(cls, row) -> "Client":
        """The client stored on a security event or a session record."""
        return cls(row.client_browser or "", row.client_os or "", row.client_device or "")


def describe_client(user_agent: str | None) -> Client:
    """The browser family, operating system and device kind of a User-Agent header."""
    agent = (user_agent or "")[:512]
    browser = next((name for name, pattern in _BROWSERS if pattern.search(agent)), "")
    system = next((name for name, pattern in _SYSTEMS if pattern.search(agent)), "")
    device = ""
    if _TABLETS.search(agent) or (system == "Android" and not _PHONES.search(agent)):
        device = "tablet"
    elif _PHONES.search(agent):
        device = "phone"
    elif system in ("Windows", "macOS", "Linux", "ChromeOS"):
        device = "computer"
    return Client(browser, system, device)


_DEVICE_LABELS = {"computer": _l("computer"), "phone": _l("phone"), "tablet": _l("tablet")}


def client_label(client) -> str:
    """'Firefox on Linux (computer)' in the reader's language; accepts a Client or a row that stores one.
    Browser and system names are brands and stay as they are."""
    if not isinstance(client, Client):
        client = Client.of(client)
    if not client:
        return str(_l("unknown client"))
    device = _DEVICE_LABELS.get(client.device)
    if client.browser and client.system:
        text = _l("%(browser)s on %(system)s", browser=client.browser, system=client.system)
    elif client.browser:
        text = client.browser
    elif client.system:
        text = _l("a browser on %(system)s", system=client.system)
    else:
        text = _l("an unknown browser")
    if device is None:
        return str(text)
    return str(_l("%(client)s (%(device)s)", client=str(text), device=str(device)))


def coarse_network(address: str | None) -> str:
    """The /24 (IPv4) or /48 (IPv6) network an address belongs to: enough to recognise a place, not a person."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return ""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


@dataclass(frozen=True)
class Origin:
    ip_prefix: str = ""
    client: Client = Client()
    address: str = ""  # the full address: only ever used as a throttle key, never stored

    @classmethod
    def of_request(cls) -> "Origin":
        if not has_request_context():
            return cls()
        address = request.remote_addr or ""
        return cls(coarse_network(address), describe_client(request.headers.get("User-Agent")), address)


def client_columns(client: Client) -> dict[str, str]:
    """The stored columns of a client (security events and session records share them)."""
    return {"client_browser": client.browser[:32], "client_os": client.system[:32], "client_device": client.device[:16]}


# --- the event log ------------------------------------------------------------------------------------

_FORBIDDEN_DETAIL_KEYS = {"password", "token", "code", "otp", "secret", "body", "text"}


def record(user: User | None, action: str, *, actor: User | None = None, origin: Origin | None = None,
           details: dict | None = None) -> SecurityEvent:
    """Add a security event to the session; the caller's transaction commits it with the change."""
    if details and _FORBIDDEN_DETAIL_KEYS & {key.lower() for key in details}:
        raise ValueError("security events never hold secrets or post text")
    origin = origin or Origin.of_request()
    event = SecurityEvent(user_id=user.id if user else None, actor_id=actor.id if actor else None, action=action,
                          ip_prefix=origin.ip_prefix, details=details or None, **client_columns(origin.client))
    db.session.add(event)
    return event


def events_for(user: User, limit: int = 100) -> list[SecurityEvent]:
    return list(db.session.scalars(
        select(SecurityEvent).where(SecurityEvent.user_id == user.id)
        .order_by(SecurityEvent.created_at.desc(), SecurityEvent.id.desc()).limit(limit)))


def recent_sign_ins(user: User, limit: int = 20) -> list[SecurityEvent]:
    return list(db.session.scalars(
        select(SecurityEvent).where(SecurityEvent.user_id == user.id, SecurityEvent.action == "auth:login:success")
        .order_by(SecurityEvent.created_at.desc(), SecurityEvent.id.desc()).limit(limit)))


def session_marker(session_id: str) -> str:
    """A short, one-way tag of a session identity, so the sign-in list can say 'this session'."""
    return hashlib.sha256(f"session:{session_id}".encode()).hexdigest()[:16]


# --- the sign-in throttle -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Policy:
    failures: int  # failures within the window that trigger a lock
    window: timedelta
    first_lock: timedelta  # doubled with every further lock, up to max_lock
    max_lock: timedelta


def _policies() -> dict[str, Policy]:
    """Who is slowed down by failures. A lock keyed by the account alone, or by the address alone, would let
    anyone lock a colleague out (five guesses from anywhere) or a whole hospital behind one NAT address; so
    the tight lock is per (account, address) pair, and the account-wide and address-wide ones are generous
    and never apply to a browser that has signed in to the account before (see devices.py)."""
    config = current_app.config
    return {
        # One account from one address (or from one known browser): a handful of guesses, then a pause
        # that doubles with every further lock.
        "pair": Policy(config.get("LOGIN_PAIR_FAILURES", 5), timedelta(minutes=15),
                       timedelta(minutes=config.get("LOGIN_PAIR_FIRST_LOCK_MINUTES", 1)), timedelta(minutes=60)),
        # One account from many addresses: guessing spread over a botnet.
        "account": Policy(config.get("LOGIN_ACCOUNT_FAILURES", 50), timedelta(minutes=15),
                          timedelta(minutes=config.get("LOGIN_ACCOUNT_FIRST_LOCK_MINUTES", 1)),
                          timedelta(minutes=60)),
        # One address trying many accounts: generous, because a whole hospital may share one address.
        "address": Policy(config.get("LOGIN_ADDRESS_FAILURES", 50), timedelta(minutes=15),
                          timedelta(minutes=config.get("LOGIN_ADDRESS_FIRST_LOCK_MINUTES", 5)),
                          timedelta(minutes=60)),
    }


# A lock history older than this is forgotten, so an account's next lock is short again.
LOCK_MEMORY = timedelta(hours=24)
# The owner hears about failed sign-ins at most this often.
NOTIFY_EVERY = timedelta(hours=1)


def _keyed(kind: str, value: str) -> str:
    secret = current_app.config["SECRET_KEY"].encode()
    return f"{kind}:" + hmac.new(secret, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:48]


def _address_value(origin: Origin) -> str:
    try:
        ip = ipaddress.ip_address(origin.address)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)
    except ValueError:
        return origin.address


def throttle_keys(email: str, origin: Origin, device: str | None = None) -> dict[str, str]:
    """The keys a sign-in attempt counts against. The account key is derived from the typed address, whether
    or not an account has it, so locks say nothing about which addresses exist. IPv6 clients are counted
    per /64. `device` is the id of a browser that signed in to this account before: it has its own budget
    and is not held back by locks that strangers caused on the account or the address."""
    typed = (email or "").strip().lower()
    if device:
        return {"pair": _keyed("pair", f"{typed}|device:{device}")}
    keys = {"account": _keyed("account", typed)}
    if origin.address:
        address = _address_value(origin)
        keys["pair"] = _keyed("pair", f"{typed}|{address}")
        keys["address"] = _keyed("address", address)
    else:
        keys["pair"] = _keyed("pair", f"{typed}|unknown")
    return keys


def _row(key: str, *, create: bool) -> LoginThrottle | None:
    row = db.session.scalar(select(LoginThrottle).where(LoginThrottle.key == key).with_for_update())
    if row is not None or not create:
        return row
    try:
        with db.session.begin_nested():
            row = LoginThrottle(key=key, failures=0, lockouts=0, window_started_at=utcnow())
            db.session.add(row)
    except IntegrityError:  # another worker created it a moment ago
        row = db.session.scalar(select(LoginThrottle).where(LoginThrottle.key == key).with_for_update())
    return row


def locked_until(keys: dict[str, str]) -> datetime | None:
    """When the latest lock on any of these keys ends, if one is in force now."""
    now = utcnow()
    rows = db.session.scalars(select(LoginThrottle).where(LoginThrottle.key.in_(list(keys.values()))))
    ends = [row.locked_until for row in rows if row.locked_until and row.locked_until > now]
    return max(ends) if ends else None


def _prune(now: datetime) -> None:
    """Rows for typed addresses that never succeed would pile up; forget the ones with nothing to remember."""
    db.session.execute(delete(LoginThrottle).where(
        LoginThrottle.window_started_at < now - LOCK_MEMORY,
        (LoginThrottle.locked_until.is_(None)) | (LoginThrottle.locked_until < now - LOCK_MEMORY)))


def register_failure(keys: dict[str, str]) -> datetime | None:
    """Count a failed attempt; returns the end of the latest lock this failure started, if any."""
    now = utcnow()
    if secrets.randbelow(50) == 0:
        _prune(now)
    policies = _policies()
    started = None
    for kind, key in keys.items():
        policy = policies[kind]
        row = _row(key, create=True)
        if row.locked_until and row.locked_until <= now - LOCK_MEMORY:
            row.lockouts = 0
        if now - row.window_started_at > policy.window:
            row.failures = 0
            row.window_started_at = now
        row.failures = (row.failures or 0) + 1
        if row.failures >= policy.failures:
            row.lockouts = (row.lockouts or 0) + 1
            length = min(policy.first_lock * (2 ** (row.lockouts - 1)), policy.max_lock)
            row.locked_until = now + length
            row.failures = 0
            row.window_started_at = now
            started = max(started, row.locked_until) if started else row.locked_until
    return started


def register_success(keys: dict[str, str], email: str) -> None:
    """A successful sign-in clears the account's counts (its own pair, and the account-wide one); the address
    keeps its history."""
    for key in {keys["pair"], _keyed("account", (email or "").strip().lower())}:
        row = _row(key, create=False)
        if row is not None:
            db.session.delete(row)


def should_tell_owner(email: str) -> bool:
    """Whether the account's owner should hear about a lock now: at most once every NOTIFY_EVERY. Marks it."""
    row = _row(_keyed("account", (email or "").strip().lower()), create=True)
    now = utcnow()
    if row.notified_at is not None and now - row.notified_at < NOTIFY_EVERY:
        return False
    row.notified_at = now
    return True


def clear_account_lock(email: str) -> None:
    """After a password reset the owner has proven control of the address: the account-wide lock ends (pair
    locks run out by themselves; the new password makes what was guessed worthless)."""
    db.session.execute(delete(LoginThrottle).where(LoginThrottle.key == _keyed("account", email.strip().lower())))
