"""When an account is erased, its mutes go and the cases about its posts stop naming it; the cases,
reports and decisions themselves stay, as the moderation log does. Its export lists the reports it filed."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, or_, select, update

from ..extensions import db
from ..notifications.models import Mute
from .models import ModerationCase, Report


def erase_moderation_data(sender, user, actor=None, **extra) -> None:
    db.session.execute(delete(Mute).where(or_(Mute.user_id == user.id, Mute.muted_user_id == user.id))
                       .execution_options(synchronize_session=False))
    db.session.execute(update(ModerationCase).where(ModerationCase.post_author_id == user.id)
                       .values(post_author_name="former member").execution_options(synchronize_session="auto"))


_REPORT_FIELDS = ("id", "post_id", "group_id", "reason", "details", "state", "outcome", "automatic", "created_at",
                  "resolved_at")


def export_reports(sender, user, **extra) -> dict:
    """The reports the user filed, for their data export."""
    rows = db.session.scalars(select(Report).where(Report.reporter_id == user.id).order_by(Report.id))
    result = []
    for report in rows:
        entry = {}
        for name in _REPORT_FIELDS:
            value = getattr(report, name)
            entry[name] = value.isoformat() if isinstance(value, datetime) else value
        result.append(entry)
    return {"reports": result}
