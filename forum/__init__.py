"""Konsil: a closed forum for verified health professionals."""
from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask

from .config import Config, config_from_environment
from .extensions import csrf, db, limiter, login_manager, migrate

PACKAGE_DIR = Path(__file__).resolve().parent
# The folders that are not Python code: beside the package in a checkout (templates/, static/, ...
# at the top of the repository), inside it when installed from a wheel (the build copies them).
RESOURCE_FOLDERS = ("templates", "static", "translations", "migrations")


def _resource_root() -> Path:
    if (PACKAGE_DIR / "templates").is_dir():
        return PACKAGE_DIR
    return PACKAGE_DIR.parent


ROOT = _resource_root()


def create_app(config: type[Config] | None = None, overrides: dict | None = None) -> Flask:
    config = config or config_from_environment()
    config.check()
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    from .params import install_converters

    install_converters(app)
    app.config.from_object(config)
    if overrides:
        app.config.update(overrides)

    # First, so that its request timer starts before and its log line is written after every other hook.
    from . import logging_setup

    logging_setup.init_app(app)
    _configure_extensions(app)
    _configure_features(app)
    _configure_hooks(app)
    _configure_cli(app)
    return app


def _configure_extensions(app: Flask) -> None:
    from . import models  # noqa: F401  (register every table with the metadata)
    from .database import configure_engine_events

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(ROOT / "translations"))
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    from flask_babel import lazy_gettext

    login_manager.login_message = lazy_gettext("Please sign in to continue.")
    login_manager.login_message_category = "info"
    # Flask-Login's "strong" protection does nothing for permanent sessions (ours all are): the server-side
    # session record enforces lifetimes and the binding instead (forum/auth/sessions.py).
    login_manager.session_protection = None
    from . import i18n

    i18n.init_app(app)
    with app.app_context():
        configure_engine_events(db.engine, busy_timeout_ms=app.config["SQLITE_BUSY_TIMEOUT_MS"],
                                synchronous=app.config["SQLITE_SYNCHRONOUS"])


# Each feature registers itself (blueprint, CLI commands, signal receivers) in its init_app.
FEATURES = [
    "forum.auth",
    "forum.accounts",
    "forum.main",
    "forum.groups",
    "forum.invitations",
    "forum.posts",
    "forum.notifications",
    "forum.ops",
    "forum.verification",
    "forum.privacy_guard",
    "forum.moderation",
    "forum.incidents",
    "forum.primer",
    "forum.uploads",
    "forum.search",
    "forum.participation",
]


def _configure_features(app: Flask) -> None:
    from importlib import import_module

    for name in FEATURES:
        import_module(name).init_app(app)


def _configure_hooks(app: Flask) -> None:
    from . import rate_limits, web

    web.init_app(app)
    rate_limits.init_app(app)  # after the blueprints: it wraps their views by URL rule


def _configure_cli(app: Flask) -> None:
    from .cli import forum_cli

    app.cli.add_command(forum_cli)
    logging.getLogger("forum").setLevel(logging.INFO)
