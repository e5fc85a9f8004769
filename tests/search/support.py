"""Search through HTTP as a member would, and read the result page."""
from __future__ import annotations

import html
import re

from sqlalchemy import select

from forum.extensions import db
from forum.posts.models import Post

_HIT = re.compile(r'<li class="search-hit">.*?</li>', re.DOTALL)
_TITLE = re.compile(r'class="topic-title" href="[^"]*">(.*?)</a>', re.DOTALL)
_SNIPPET = re.compile(r'<p class="excerpt">(.*?)</p>', re.DOTALL)
_MARK = re.compile(r"</?mark>")


def search(browser, query, **params):
    response = browser.get("/search", query_string={"q": query, **params})
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def hits(page: str) -> list[str]:
    return _HIT.findall(page)


def titles(page: str) -> list[str]:
    """The result titles in order, as plain text."""
    return [html.unescape(_MARK.sub("", title)).strip() for title in _TITLE.findall(page)]


def found(browser, query) -> list[str]:
    return titles(search(browser, query))


def snippets(page: str) -> list[str]:
    return _SNIPPET.findall(page)


def opening_post(topic) -> Post:
    return db.session.scalar(select(Post).where(Post.topic_id == topic.id, Post.number == 1))
