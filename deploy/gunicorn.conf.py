"""gunicorn settings for Konsil: `gunicorn -c deploy/gunicorn.conf.py wsgi:app` (scripts/serve.sh).

Every value can be changed through the environment, so that the systemd unit and `make serve`
share this file. Behind nginx on the same host (deploy/nginx-konsil.conf), set TRUSTED_PROXY_COUNT=1
in the application's environment: the app, not gunicorn, decides which forwarded headers to believe."""
import multiprocessing
import os
from pathlib import Path


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


chdir = str(Path(__file__).resolve().parent.parent)
bind = os.environ.get("KONSIL_BIND", "127.0.0.1:8000").split(",")
# Sessions are signed cookies, so any worker (and any host) can serve any request; state is in the database.
workers = _int("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8))
# One request per worker process by default: nginx buffers slow clients, so a worker is never held
# by one, and nothing in a request has to be shared between threads. GUNICORN_THREADS > 1 switches
# to threaded workers (more concurrency per process on PostgreSQL).
threads = _int("GUNICORN_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"
timeout = _int("GUNICORN_TIMEOUT", 30)  # above SQLite's busy timeout (15 s), so a waiting writer is not killed
graceful_timeout = 30
keepalive = 5  # threaded workers only; nginx keeps its own connections to clients
# Recycle workers now and then so that slow leaks cannot grow without bound.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = 200
# Each worker builds its own app and database pool after the fork: no connection is shared.
preload_app = False
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Forwarded headers are the app's business (ProxyFix with TRUSTED_PROXY_COUNT); gunicorn believes none.
forwarded_allow_ips = ""
secure_scheme_headers: dict = {}
limit_request_line = 4094
limit_request_fields = 60

# The app writes one JSON line per request itself, without URLs or addresses; gunicorn's own
# access log would repeat both, so it stays off. gunicorn's messages are JSON lines too.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "konsil"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "forum.logging_setup.JsonFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
    "loggers": {
        "gunicorn.error": {"level": loglevel.upper(), "handlers": ["stderr"], "propagate": False},
        "gunicorn.access": {"level": "WARNING", "handlers": ["stderr"], "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": ["stderr"]},
}
