"""Quote reply: a post's words (or the part of them a member selected) as a markdown quote that links back
to the post's permalink."""
from __future__ import annotations

import re

from flask_babel import gettext as _

from ..urls import link_to
from .models import Post

# Characters that would turn an author's name into markup inside the quote's heading line.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def quote_heading(post: Post) -> str:
    """"[Dr. Name wrote](/posts/12):" -- the name as text, the link to the post's permalink."""
    author = post.author
    name = author.display_name if author is not None and not author.is_deleted else _("former member")
    return "[%s](%s):" % (_("%(name)s wrote", name=_MARKDOWN_SPECIAL.sub(r"\\\1", name)),
                         link_to("posts.show", post_id=post.id))


def quote_markdown(post: Post, text: str | None = None) -> str:
    """The quote block for the reply composer: the given text (a selection) or the whole post, each line
    behind "> ", then an empty line to write under."""
    body = (text if text is not None else post.body_source or "").strip("\n")
    lines = body.replace("\r\n", "\n").split("\n")
    quoted = "\n".join("> " + line if line.strip() else ">" for line in lines)
    return f"{quote_heading(post)}\n{quoted}\n\n"
