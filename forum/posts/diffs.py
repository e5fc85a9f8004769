"""A readable word diff between two versions of a post (difflib, escaped, <ins>/<del>)."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

_WORDS = re.compile(r"\s+|[^\s]+")


def word_diff(before: str, after: str) -> Markup:
    old, new = _WORDS.findall(before or ""), _WORDS.findall(after or "")
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    parts: list[str] = []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(str(escape("".join(old[i1:i2]))))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(old[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(new[j1:j2]))}</ins>")
    return Markup('<div class="word-diff">' + "".join(parts) + "</div>")


@dataclass
class Change:
    revision: object
    diff: Markup | None  # None: the text of one side was removed with patient data


def changes(post, revisions: list) -> list[Change]:
    """One entry per edit, newest first: what the edit removed and added. Redacted texts are never shown."""
    result = []
    after, after_redacted = post.body_source, False
    for revision in revisions:  # newest first
        redacted = bool(revision.redacted)
        diff = None if redacted or after_redacted else word_diff(revision.body_source, after)
        result.append(Change(revision, diff))
        after, after_redacted = revision.body_source, redacted
    return result
