"""Configuration classes. Every setting can be given through the environment."""
from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("FORUM_INSTANCE_DIR", BASE_DIR / "instance"))


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
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    SITE_NAME = os.environ.get("FORUM_SITE_NAME", "Konsil")
    BASE_URL = os.environ.get("FORUM_BASE_URL", "http://127.0.0.1:5000")

    SESSION_COOKIE_NAME = "konsil_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=_int("SESSION_LIFETIME_HOURS", 12))
    SESSION_IDLE_MINUTES = _int("SESSION_IDLE_MINUTES", 60)
    WTF_CSRF_TIME_LIMIT = None  # the session itself expires; a form left open during a shift stays valid
    MAX_CONTENT_LENGTH = 512 * 1024

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_ENABLED = _bool("RATELIMIT_ENABLED", True)
    RATELIMIT_HEADERS_ENABLED = True
    TRUSTED_PROXY_COUNT = _int("TRUSTED_PROXY_COUNT", 0)

    MAIL_OUTBOX_DIR = os.environ.get("MAIL_OUTBOX_DIR", str(INSTANCE_DIR / "outbox"))
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "Konsil <no-reply@konsil.invalid>")
    SMTP_HOST = os.environ.get("SMTP_HOST", "")
    SMTP_PORT = _int("SMTP_PORT", 587)
    SMTP_STARTTLS = _bool("SMTP_STARTTLS", True)
    SMTP_USERNAME = os.environ.get("SMTP_USERNAME", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")

    INVITATION_VALID_DAYS = _int("INVITATION_VALID_DAYS", 7)
    VERIFICATION_VALID_DAYS = _int("VERIFICATION_VALID_DAYS", 730)
    VERIFICATION_REMINDER_DAYS = _int("VERIFICATION_REMINDER_DAYS", 30)
    REPORT_AUTO_HIDE_THRESHOLD = _int("REPORT_AUTO_HIDE_THRESHOLD", 3)
    APPEAL_WINDOW_DAYS = _int("APPEAL_WINDOW_DAYS", 14)
    TWO_FACTOR_REQUIRED_FOR_STAFF = _bool("TWO_FACTOR_REQUIRED_FOR_STAFF", True)

    PHI_PHONE_REGIONS = _list("PHI_PHONE_REGIONS", "US,DE,IN")
    PHI_DISABLED_CATEGORIES = _list("PHI_DISABLED_CATEGORIES", "")

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
    TWO_FACTOR_REQUIRED_FOR_STAFF = False
    PASSWORD_HASH_FAST = True  # argon2 with minimal cost so the suite stays quick


class ProductionConfig(Config):
    ENV_NAME = "production"

    @classmethod
    def check(cls) -> None:
        if not cls.SECRET_KEY or len(cls.SECRET_KEY) < 32:
            raise RuntimeError(
                "SECRET_KEY must be set (at least 32 characters) in production; "
                "generate one with: python -c 'import secrets; print(secrets.token_hex(32))'"
            )


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
