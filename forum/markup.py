"""Markdown to sanitised HTML. The only HTML the templates ever mark safe comes from here.

Rendering happens once, when a post is written. Raw HTML in the source is never
parsed as HTML: the markdown HTML processors are removed, so it comes out as text,
and bleach then enforces the allow-list as a second line of defence.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import lru_cache

import bleach
import markdown
from functools import partial

from bleach.linkifier import LinkifyFilter
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = frozenset({
    "p", "br", "em", "strong", "del", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "blockquote", "code", "pre", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "a",
})
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "th": ["align"], "td": ["align"], "ol": ["start"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener noreferrer"

# Limits that keep the renderer's worst case small (see bench/markdown_worst_case.py).
MAX_NESTING = 12
MAX_MARKER_RUN = 64
_QUOTE_NESTING = re.compile(r"^(?:[ \t]{0,3}>[ \t]?){%d,}" % (MAX_NESTING + 1), re.MULTILINE)
_LIST_NESTING = re.compile(r"^(?:[ \t]{2,}){%d,}(?:[-*+]|\d{1,9}[.)])[ \t]" % (MAX_NESTING + 1), re.MULTILINE)
_MARKER_RUN = re.compile(r"([\[\]()*_`~<>!\\])\1{%d,}|(?:[\[\]()*_`~]{2}){%d,}" % (MAX_MARKER_RUN, MAX_MARKER_RUN))


class MarkupTooComplex(ValueError):
    """The text is shaped in a way that would make rendering slow; the message says how to fix it."""


def check_complexity(source: str) -> None:
    if _QUOTE_NESTING.search(source):
        raise MarkupTooComplex(f"Quotes are nested more than {MAX_NESTING} levels deep; please flatten them.")
    if _LIST_NESTING.search(source):
        raise MarkupTooComplex(f"Lists are nested more than {MAX_NESTING} levels deep; please flatten them.")
    if _MARKER_RUN.search(source):
        raise MarkupTooComplex(
            f"The text contains a run of more than {MAX_MARKER_RUN} formatting characters "
            "(such as [, *, _ or `); please shorten it or put it in a code block."
        )


class _ImagesBecomeLinks(Treeprocessor):
    """Remote images would leak readers' addresses to third parties, so show them as links."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for index, child in enumerate(list(element)):
                if child.tag == "img":
                    link = etree.Element("a", {"href": child.get("src", "")})
                    link.text = "Image: " + (child.get("alt") or child.get("src", ""))
                    link.tail = child.tail
                    element.remove(child)
                    element.insert(index, link)


class _SafeMarkdown(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_ImagesBecomeLinks(md), "images_become_links", 0)


def _set_link_rel(attrs, new=False):
    """Every link gets rel="nofollow noopener noreferrer". A link whose target the sanitiser
    removed (javascript:, data:, ...) is no link at all: only its text stays."""
    href = attrs.get((None, "href"), "")
    if not href:
        return None
    attrs[(None, "rel")] = LINK_REL
    attrs.pop((None, "target"), None)
    return attrs


@lru_cache(maxsize=1)
def _cleaner() -> bleach.Cleaner:
    return bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[partial(LinkifyFilter, callbacks=[_set_link_rel], skip_tags={"pre", "code"}, parse_email=False)],
    )


def _markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[_SafeMarkdown(), "tables", "fenced_code", "sane_lists", "nl2br"],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )


def render_markdown(source: str) -> str:
    """Render user markdown to HTML that is safe to mark as such in templates."""
    check_complexity(source)
    html = _markdown().convert(source)
    return _cleaner().clean(html)
