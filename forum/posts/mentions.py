"""@mentions in posts: which handles reach a reader of the group, the links they render as, and the ones
that reach nobody (flagged to the author in the preview and after posting)."""
from __future__ import annotations

from ..accounts.models import User
from ..groups.models import Group
from ..markup import MENTION, render_markdown
from ..policy import scopes
from ..urls import link_to

# A post names at most this many members: the rest stay text and notify nobody.
MAX_MENTIONS = 20


def handles_in(source: str) -> list[str]:
    """The @handles in a text as first typed, one per member (case-insensitively), in order."""
    seen, handles = set(), []
    for match in MENTION.finditer(source or ""):
        handle = match.group(1)
        if handle.lower() not in seen:
            seen.add(handle.lower())
            handles.append(handle)
    return handles


def reachable(group: Group, source: str, author: User | None = None) -> dict[int, str]:
    """The group's readers the text mentions (the author aside), as id -> handle; at most MAX_MENTIONS."""
    handles = [handle for handle in handles_in(source) if author is None or handle.lower() != author.username.lower()]
    return scopes.mentionable_members(group, handles[:MAX_MENTIONS])


def links(group: Group | None, source: str) -> dict[str, str]:
    """Lower-case handle -> profile address, for the mentions that render as links."""
    if group is None:
        return {}
    return {username.lower(): link_to("main.profile", username=username)
            for username in reachable(group, source).values()}


def render_post(source: str, group: Group | None) -> str:
    """A post's HTML, with the mentions of the group's readers as links to their profiles."""
    return render_markdown(source, links(group, source))


def unreached(author: User, group: Group, source: str) -> list[str]:
    """Handles, as typed, that notify nobody: unknown, or of someone who cannot read the group. One answer
    for both, so the preview does not tell which accounts exist elsewhere."""
    handles = [handle for handle in handles_in(source) if handle.lower() != author.username.lower()]
    reached = {name.lower() for name in reachable(group, source, author).values()}
    return [handle for handle in handles if handle.lower() not in reached]
