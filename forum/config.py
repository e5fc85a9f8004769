"""Configuration classes. Every setting can be given through the environment.

Part of the package, so that an installed Konsil (`pip install .`) starts from any directory."""
from __future__ import annotations

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

PACKAGE_DIR = Path(__file__).resolve().parent


def _checkout_root() -> Path | None:
    """The repository root when running from a checkout (or an editable install), else None."""
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").is_file() and (root / "templates").is_dir() else None


def _default_instance_dir() -> Path:
    # A checkout keeps its database and outbox in instance/ at the top; an installed package uses
    # Flask's convention for installed applications, <prefix>/var/konsil-instance.
    root = _checkout_root()
    return root / "instance" if root else Path(sys.prefix) / "var" / "konsil-instance"


BASE_DIR = _checkout_root() or PACKAGE_DIR
INSTANCE_DIR = Path(os.environ.get("FORUM_INSTANCE_DIR") or _default_instance_dir())


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def _list(name: str, default: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in os.environ.get(name, default).split(",") if part.strip())


def normalise_database_url(url: str) -> str:
    """Accept the usual postgres:// spellings and route them to psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _development_secret_key() -> str:
    """A random key kept in instance/ so that development sessions survive restarts."""
    INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
    path = INSTANCE_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


class Config:
    ENV_NAME = "base"
    SECRET_KEY = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = normalise_database_url(
        os.environ.get("DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'konsil.sqlite3'}")
    )
    # hide_parameters: SQL errors in logs never carry what users typed (post text, e-mail addresses).
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True, "hide_parameters": True}
    # The embedded SQLite database: how long a writer waits for another one, and how hard a commit
    # is pushed to disk (FULL: an acknowledged post survives a power cut as well as a crash).
    SQLITE_BUSY_TIMEOUT_MS = _int("SQLITE_BUSY_TIMEOUT_MS", 15000)
    SQLITE_SYNCHRONOUS = os.environ.get("SQLITE_SYNCHRONOUS", "FULL").strip().upper()
    SITE_NAME = os.environ.get("FORUM_SITE_NAME", "Konsil")
    BASE_URL = os.environ.get("FORUM_BASE_URL", "http://127.0.0.1:5000")
    # The organisation's time zone: members who have not chosen their own see times in it.
    FORUM_DEFAULT_TIMEZONE = os.environ.get("FORUM_DEFAULT_TIMEZONE", "UTC")
    BABEL_DEFAULT_TIMEZONE = FORUM_DEFAULT_TIMEZONE
    # WTForms' own validation messages follow the reader's language (forum/i18n/wtforms_texts.py).
    WTF_I18N_ENABLED = True

    SESSION_COOKIE_NAME = "konsil_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # Only ever false for a loopback benchmark over plain http; production serves https.
    SESSION_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE", True)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE", True)
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=_int("SESSION_LIFETIME_HOURS", 12))
    SESSION_IDLE_MINUTES = _int("SESSION_IDLE_MINUTES", 60)
    # Seconds a worker may keep who is signed in (user, session record, memberships) in memory for pages that change
    # nothing. 0: off, every request asks the database. On: sign-outs, bans, suspensions, password and role changes
    # written by another worker reach this one up to this many seconds late (docs/operator-guide.md).
    AUTH_CACHE_SECONDS = _int("AUTH_CACHE_SECONDS", 0)
    # The cookie is re-sent when the session changes (its activity stamp, at most once a minute), not on every request.
    SESSION_REFRESH_EACH_REQUEST = False
    WTF_CSRF_TIME_LIMIT = None  # the session itself expires; a form left open during a shift stays valid
    MAX_CONTENT_LENGTH = 512 * 1024

    # The topic page's rendered post list (forum/posts/fragments.py): "memory" (in each worker), a Redis URL
    # (redis://..., shared by every worker), or "off"; how many lists each worker keeps and for how long.
    POST_LIST_CACHE = os.environ.get("POST_LIST_CACHE", "memory")
    POST_LIST_CACHE_SIZE = _int("POST_LIST_CACHE_SIZE", 2000)
    POST_LIST_CACHE_SECONDS = _int("POST_LIST_CACHE_SECONDS", 60)

    # Where the counters live. They must be shared by every worker and survive restarts: Redis in production
    # (redis://...), else one SQLite file in instance/ that all workers on this host use (forum/rate_limit_storage.py).
    # memory:// counts per worker and forgets on restart: for tests only.
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI",
                                           f"konsil+sqlite:///{(INSTANCE_DIR / 'ratelimits.sqlite3').resolve()}")
    RATELIMIT_ENABLED = _bool("RATELIMIT_ENABLED", True)
    RATELIMIT_HEADERS_ENABLED = True
    # A moving window: "3 per minute" means at most 3 in any 60 seconds, not 3 per clock minute (a burst across
    # the boundary of two fixed windows could otherwise send twice the limit).
    RATELIMIT_STRATEGY = "moving-window"
    # If Redis goes away, each worker keeps limiting in memory instead of failing requests (and says so in
    # /healthz); the limits are per worker until it is back.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_SWALLOW_ERRORS = True
    # The limits themselves (forum/rate_limits.py applies them; "N per second|minute|hour|day", ";"-separated).
    RATELIMIT_LOGIN_PER_ADDRESS = os.environ.get("RATELIMIT_LOGIN_PER_ADDRESS", "20 per minute; 200 per hour")
    RATELIMIT_LOGIN_PER_ACCOUNT = os.environ.get("RATELIMIT_LOGIN_PER_ACCOUNT", "5 per minute; 30 per hour")
    RATELIMIT_REGISTER_PER_ADDRESS = os.environ.get("RATELIMIT_REGISTER_PER_ADDRESS", "30 per hour")
    RATELIMIT_REGISTER_PER_INVITATION = os.environ.get("RATELIMIT_REGISTER_PER_INVITATION", "10 per hour")
    RATELIMIT_INVITE_PER_USER = os.environ.get("RATELIMIT_INVITE_PER_USER", "40 per hour; 200 per day")
    RATELIMIT_INVITE_PER_ADDRESS = os.environ.get("RATELIMIT_INVITE_PER_ADDRESS", "100 per hour")
    RATELIMIT_POST_PER_USER = os.environ.get("RATELIMIT_POST_PER_USER", "30 per minute; 300 per hour")
    RATELIMIT_POST_PER_ADDRESS = os.environ.get("RATELIMIT_POST_PER_ADDRESS", "120 per minute; 2000 per hour")
    RATELIMIT_REPORT_PER_USER = os.environ.get("RATELIMIT_REPORT_PER_USER", "10 per minute; 60 per day")
    RATELIMIT_REPORT_PER_ADDRESS = os.environ.get("RATELIMIT_REPORT_PER_ADDRESS", "120 per hour")
    RATELIMIT_PREVIEW_PER_USER = os.environ.get("RATELIMIT_PREVIEW_PER_USER", "120 per minute")
    # Looking up colleagues for an @mention, while typing (the suggestions come in as the handle is typed).
    RATELIMIT_MENTIONS_PER_USER = os.environ.get("RATELIMIT_MENTIONS_PER_USER", "120 per minute; 1500 per hour")
    RATELIMIT_UPLOAD_PER_USER = os.environ.get("RATELIMIT_UPLOAD_PER_USER", "30 per minute; 300 per hour")
    RATELIMIT_ACTION_PER_USER = os.environ.get("RATELIMIT_ACTION_PER_USER", "120 per minute; 2000 per hour")
    # Number of reverse proxies in front of the app whose X-Forwarded-* headers are trusted (0 = none).
    TRUSTED_PROXY_COUNT = _int("TRUSTED_PROXY_COUNT", 0)

    # One JSON line per request on stderr. Client addresses: "none", "truncated" (/24, /48) or "full".
    LOG_REQUESTS = _bool("LOG_REQUESTS", True)
    # "json" (one object per line, for journald and log shippers) or "text" (readable, for a terminal).
    LOG_FORMAT = os.environ.get("LOG_FORMAT", "json").strip().lower()
    LOG_CLIENT_ADDRESS = os.environ.get("LOG_CLIENT_ADDRESS", "none").strip().lower()

    # Domains accepted in e-mail addresses although the public rules reserve them: a hospital's
    # internal mail (admin@hospital.local). Comma-separated suffixes; empty to accept public domains only.
    EMAIL_INTERNAL_DOMAINS = _list("EMAIL_INTERNAL_DOMAINS", "local,internal,lan")

    MAIL_OUTBOX_DIR = os.environ.get("MAIL_OUTBOX_DIR", str(INSTANCE_DIR / "outbox"))
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "Konsil <no-reply@konsil.invalid>")
    SMTP_HOST = os.environ.get("SMTP_HOST", "")
    SMTP_PORT = _int("SMTP_PORT", 587)
    SMTP_STARTTLS = _bool("SMTP_STARTTLS", True)
    SMTP_SSL = _bool("SMTP_SSL", False)  # implicit TLS (port 465); STARTTLS otherwise
    SMTP_TIMEOUT = _int("SMTP_TIMEOUT", 15)
    SMTP_USERNAME = os.environ.get("SMTP_USERNAME", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")

    INVITATION_VALID_DAYS = _int("INVITATION_VALID_DAYS", 7)
    # Invitations for an e-mail address make the forum write to that address; this many per member per day.
    INVITATION_EMAILS_PER_DAY = _int("INVITATION_EMAILS_PER_DAY", 20)
    VERIFICATION_VALID_DAYS = _int("VERIFICATION_VALID_DAYS", 730)
    VERIFICATION_REMINDER_DAYS = _int("VERIFICATION_REMINDER_DAYS", 30)
    # Optional JSON file that adds to or replaces the built-in table of licence registers (forum/verification/registries.py).
    VERIFICATION_REGISTRIES_FILE = os.environ.get("VERIFICATION_REGISTRIES_FILE", "")
    REPORT_AUTO_HIDE_THRESHOLD = _int("REPORT_AUTO_HIDE_THRESHOLD", 3)
    APPEAL_WINDOW_DAYS = _int("APPEAL_WINDOW_DAYS", 14)
    TWO_FACTOR_REQUIRED_FOR_STAFF = _bool("TWO_FACTOR_REQUIRED_FOR_STAFF", True)

    PHI_PHONE_REGIONS = _list("PHI_PHONE_REGIONS", "US,DE,IN")
    PHI_DISABLED_CATEGORIES = _list("PHI_DISABLED_CATEGORIES", "")
    # Known first and last names without a cue word, flagged only next to clinical context.
    PHI_NAME_GAZETTEER = _bool("PHI_NAME_GAZETTEER", True)

    # Clinical images (forum/uploads). Files live under UPLOAD_DIR, outside the web root; nginx serves them
    # through X-Accel-Redirect when UPLOAD_ACCEL_PREFIX names its internal location (deploy/nginx-konsil.conf).
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR", str(INSTANCE_DIR / "uploads"))
    UPLOAD_ACCEL_PREFIX = os.environ.get("UPLOAD_ACCEL_PREFIX", "")
    UPLOAD_MAX_BYTES = _int("UPLOAD_MAX_BYTES", 25 * 1024 * 1024)
    UPLOAD_MAX_PIXELS = _int("UPLOAD_MAX_PIXELS", 50_000_000)
    UPLOAD_STORE_MAX_SIDE = _int("UPLOAD_STORE_MAX_SIDE", 4096)  # longer images are scaled down when re-encoded
    UPLOAD_THUMB_SIDE = _int("UPLOAD_THUMB_SIDE", 480)
    UPLOAD_QUOTA_BYTES = _int("UPLOAD_QUOTA_BYTES", 200 * 1024 * 1024)  # per member, attached or not
    UPLOAD_MAX_PER_POST = _int("UPLOAD_MAX_PER_POST", 10)
    UPLOAD_UNATTACHED_HOURS = _int("UPLOAD_UNATTACHED_HOURS", 24)
    # De-identification runs in a bounded pool per worker process; beyond WORKERS running and QUEUE waiting,
    # an upload is refused with 503 and Retry-After rather than piling up.
    UPLOAD_WORKERS = _int("UPLOAD_WORKERS", 2)
    UPLOAD_QUEUE = _int("UPLOAD_QUEUE", 4)
    UPLOAD_TIMEOUT_SECONDS = _int("UPLOAD_TIMEOUT_SECONDS", 25)
    UPLOAD_OCR = _bool("UPLOAD_OCR", True)
    UPLOAD_FACES = _bool("UPLOAD_FACES", True)
    TESSDATA_PREFIX = os.environ.get("TESSDATA_PREFIX", "")  # empty: Debian's tesseract-ocr data directory

    TOPICS_PER_PAGE = 30
    POSTS_PER_PAGE = 20
    TITLE_MAX_LENGTH = 200
    BODY_MAX_LENGTH = 50_000

    @classmethod
    def check(cls) -> None:
        """Refuse to start with a configuration that would be unsafe."""


class DevelopmentConfig(Config):
    ENV_NAME = "development"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False
    TWO_FACTOR_REQUIRED_FOR_STAFF = _bool("TWO_FACTOR_REQUIRED_FOR_STAFF", False)
    # The development server (werkzeug) already writes one readable line per request.
    LOG_REQUESTS = _bool("LOG_REQUESTS", False)
    LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()

    @classmethod
    def check(cls) -> None:
        if not cls.SECRET_KEY:
            cls.SECRET_KEY = _development_secret_key()


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    SECRET_KEY = "testing-only-secret-key"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"  # tests that switch limits on choose their storage
    LOG_REQUESTS = False
    SQLITE_SYNCHRONOUS = "NORMAL"  # test databases are thrown away; no fsync per commit
    TWO_FACTOR_REQUIRED_FOR_STAFF = False
    PASSWORD_HASH_FAST = True  # argon2 with minimal cost so the suite stays quick


# Storages whose counters every worker (and, except the SQLite file, every host) shares.
SHARED_RATELIMIT_STORAGES = ("redis://", "rediss://", "redis+unix://", "redis+sentinel://", "redis+cluster://",
                             "memcached://", "konsil+sqlite:///")


class ProductionConfig(Config):
    ENV_NAME = "production"

    @classmethod
    def check(cls) -> None:
        if not cls.SECRET_KEY or len(cls.SECRET_KEY) < 32:
            raise RuntimeError(
                "SECRET_KEY must be set (at least 32 characters) in production; "
                "generate one with: python -c 'import secrets; print(secrets.token_hex(32))'"
            )
        storage = (os.environ.get("RATELIMIT_STORAGE_URI") or "").strip()
        if cls.RATELIMIT_ENABLED and not storage.startswith(SHARED_RATELIMIT_STORAGES):
            raise RuntimeError(
                "RATELIMIT_STORAGE_URI must name a rate-limit store that every worker shares and that survives "
                "restarts, e.g. RATELIMIT_STORAGE_URI=redis://127.0.0.1:6379/0 (Redis; needed when several hosts "
                "serve Konsil). On a single host, konsil+sqlite:////var/lib/konsil/ratelimits.sqlite3 also works. "
                f"Refusing to start with {storage or 'nothing set'!r}: in-memory limits count per worker and reset "
                "on every restart.")
        if not cls.SESSION_COOKIE_SECURE and urlsplit(cls.BASE_URL).hostname not in ("127.0.0.1", "localhost", "::1"):
            raise RuntimeError("SESSION_COOKIE_SECURE=false sends session cookies over plain http; it is only "
                               "allowed when FORUM_BASE_URL is a loopback address (a local benchmark)")


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_from_environment() -> type[Config]:
    name = os.environ.get("FORUM_ENV", "development").strip().lower()
    if name not in CONFIGS:
        raise RuntimeError(f"FORUM_ENV must be one of {', '.join(CONFIGS)}, not {name!r}")
    return CONFIGS[name]
