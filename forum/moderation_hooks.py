"""Where posting hands over to moderation. The moderation feature fills these in."""
from __future__ import annotations


def post_published_past_findings(author, post) -> None:
    """A post the author published despite guard findings; the flag is stored on the post."""
    try:
        from .moderation.reports import file_automatic_privacy_report
    except ImportError:
        return
    file_automatic_privacy_report(author, post)
