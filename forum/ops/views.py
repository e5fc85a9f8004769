"""`/healthz`: is this instance able to serve? Anonymous, JSON, and it names no version, host or error."""
from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from ..extensions import db, limiter

bp = Blueprint("ops", __name__)


@bp.route("/healthz")
@limiter.exempt
def healthz():
    checks = {"database": "ok"}
    status = 200
    try:
        db.session.execute(text("SELECT 1"))
        db.session.rollback()
    except Exception:  # any failure means "do not route traffic here"; the reason goes to the log only
        db.session.rollback()
        current_app.logger.warning("health check: database unavailable", exc_info=True,
                                   extra={"fields": {"event": "healthz_failed", "check": "database"}})
        checks["database"] = "unavailable"
        status = 503
    if current_app.config.get("RATELIMIT_ENABLED") and limiter.enabled:
        try:
            checks["rate_limit_storage"] = "ok" if limiter.storage.check() else "degraded"
        except Exception:
            checks["rate_limit_storage"] = "degraded"  # limits fall back to per-worker memory
    response = jsonify(status="ok" if status == 200 else "unavailable", checks=checks)
    response.status_code = status
    return response
