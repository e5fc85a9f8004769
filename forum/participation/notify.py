"""The one place where participation creates notifications, so that moving to notifications stored as a kind
and parameters is a change here only."""
from __future__ import annotations

from ..notifications.services import notify


def notify_member(user_id: int, kind: str, message: str, *, link: str = "", actor=None):
    return notify(user_id, kind, message, link=link, actor=actor)
