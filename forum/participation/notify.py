"""The one place where participation creates notifications (stored as a message key and parameters, rendered
when read and checked against the policy then)."""
from __future__ import annotations

from ..notifications.services import notify


def notify_member(user_id: int, kind: str, key: str, *, topic=None, params: dict | None = None, link: str = "",
                  actor=None):
    return notify(user_id, kind, key, params=params, topic=topic, link=link, actor=actor)
