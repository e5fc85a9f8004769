"""Small text helpers every feature shares."""
from __future__ import annotations


def escape_like(text: str) -> str:
    """Escape LIKE wildcards so a user's text matches itself only; use with escape="\\"."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
