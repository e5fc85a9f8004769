"""Markdown to sanitised HTML. The only HTML the templates ever mark safe comes from here.

Rendering happens once, when a post is written. Raw HTML in the source is never
parsed as HTML: the markdown HTML processors are removed, so it comes out as text,
and bleach then enforces the allow-list as a second line of defence.
"""
from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as etree

import bleach
import markdown
from functools import partial

from bleach.linkifier import TLDS, LinkifyFilter
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from flask_babel import format_number
from flask_babel import gettext as _

ALLOWED_TAGS = frozenset({
    "p", "br", "em", "strong", "del", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "blockquote", "code", "pre", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "a",
})
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "th": ["align"], "td": ["align"], "ol": ["start"]}


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    """The allow-list above, and one class: "mention" on a link this renderer made from an @handle
    (raw HTML never reaches the sanitiser as HTML, so an author cannot write it themselves)."""
    if name in ALLOWED_ATTRIBUTES.get(tag, ()):
        return True
    return tag == "a" and name == "class" and value == "mention"

ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener noreferrer"

# Limits that keep the renderer's worst case small. Python-Markdown and bleach are pure Python:
# their cost grows with the amount of formatting, and a few shapes make them scan the rest of a
# paragraph again and again. bench/markdown_worst_case.py measures every family of such input;
# with these limits no text they accept takes more than about 0.2 s to render there.
MAX_NESTING = 12
MAX_MARKER_RUN = 64
# Formatting characters and lines (weighted by their indentation) outside code blocks.
MAX_FORMATTING = 2_000
# Characters Python-Markdown scans to close "[" and "](": each opener is read up to its closing
# bracket, or to the end of the paragraph when it has none.
MAX_LINK_SCAN = 150_000
# Headings, rules, setext underlines, fences and empty list items each make the block parser
# copy the rest of their block: their number times the block's length.
MAX_LINE_SPLITS = 1_000_000
# Each fenced code block makes the fenced-code extension copy the whole text once.
MAX_CODE_BLOCK_COPIES = 5_000_000

# Every pattern here sees member text, so each one is linear: single character classes, fixed
# prefixes at line starts, and hand-written scanners where a pattern would need nested or adjacent
# quantifiers that can share characters (they backtrack exponentially on runs of blanks).
_FORMATTING_CHARACTER = re.compile(r"[*_`\[\]()<>&!#|\\~]")
_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_LIST_MARKER = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)])[ \t]")
_SAME_MARKER_RUN = re.compile(r"([\[\]()*_`~<>!\\])\1+")
_PAIRED_MARKER_RUN = re.compile(r"[\[\]()*_`~]{2,}")
_RULE_CHARACTERS = frozenset("-*_=")
_LIST_BULLETS = frozenset("-*+")


def _indent_width(line: str) -> int:
    """Leading blanks, a tab counting as one: the unit the nesting limits are written in."""
    return len(line) - len(line.lstrip(" \t"))


def _quote_depth(line: str) -> int:
    """How many ">" open this line: the first after at most three blanks, each next one after at most four
    (the blank that may follow a ">" plus the three that may precede the next)."""
    depth, index, length, allowed = 0, 0, len(line), 3
    while True:
        start = index
        while index < length and index - start < allowed and line[index] in " \t":
            index += 1
        if index >= length or line[index] != ">":
            return depth
        depth += 1
        index += 1
        allowed = 4


def _list_too_deep(line: str) -> bool:
    indent = _indent_width(line)
    return indent >= 2 * (MAX_NESTING + 1) and _LIST_MARKER.match(line, indent) is not None


def _longest_marker_runs(source: str) -> tuple[int, int]:
    """The longest run of one repeated formatting character, and of paired formatting characters in any mix.
    Each pattern is a single character class or one character and its repeats: read once, no backtracking."""
    same = max((len(match.group()) for match in _SAME_MARKER_RUN.finditer(source)), default=0)
    mixed = max((len(match.group()) for match in _PAIRED_MARKER_RUN.finditer(source)), default=0)
    return same, mixed


def _splits_block(line: str) -> bool:
    """Headings, rules and setext underlines, empty list items and fences: lines that make the block
    parser copy the rest of their block."""
    text = line.lstrip(" \t")
    if not text:
        return False
    first = text[0]
    if first == "#" or text.startswith("```") or text.startswith("~~~"):
        return True
    if first in _RULE_CHARACTERS and not text.replace(first, "").replace(" ", "").replace("\t", ""):
        return True
    if first in _LIST_BULLETS:
        return not text[1:].strip(" \t")
    digits = len(text) - len(text.lstrip("0123456789"))
    return 1 <= digits <= 9 and text[digits:digits + 1] in (".", ")") and not text[digits + 1:].strip(" \t")


class MarkupTooComplex(ValueError):
    """The text is shaped in a way that would make rendering slow; the message says how to fix it."""


def check_complexity(source: str) -> None:
    """Refuse, with a message the author can act on, text that would take long to render."""
    lines = source.split("\n")
    if any(_quote_depth(line) > MAX_NESTING for line in lines):
        raise MarkupTooComplex(_("Quotes are nested more than %(num)d levels deep; please flatten them.",
                                 num=MAX_NESTING))
    if any(_list_too_deep(line) for line in lines):
        raise MarkupTooComplex(_("Lists are nested more than %(num)d levels deep; please flatten them.", num=MAX_NESTING))
    same, mixed = _longest_marker_runs(source)
    if same > MAX_MARKER_RUN or mixed >= 2 * MAX_MARKER_RUN:
        raise MarkupTooComplex(
            _("The text contains a run of more than %(num)d formatting characters "
              "(such as [, *, _ or `); please shorten it or put it in a code block.", num=MAX_MARKER_RUN)
        )
    blocks, code_blocks = _blocks_outside_code(source)
    if code_blocks * len(source) > MAX_CODE_BLOCK_COPIES:
        raise MarkupTooComplex(
            _("The text has %(num)s code blocks, too many for its length; please merge neighbouring "
              "code blocks into one.", num=format_number(code_blocks))
        )
    formatting = sum(_formatting_units(block) for block in blocks)
    if formatting > MAX_FORMATTING:
        raise MarkupTooComplex(
            _("The text has more formatting than Konsil can show quickly (%(num)s formatting characters "
              "and lines; at most %(limit)s). Please split it into several posts, or put long "
              "listings in a code block (between lines of ```).", num=format_number(formatting),
              limit=format_number(MAX_FORMATTING))
        )
    if sum(_link_scan(block) for block in blocks) > MAX_LINK_SCAN:
        raise MarkupTooComplex(
            _("The text has square brackets “[” or link targets “](” that are closed far away or not at all. "
            "Please close them, write them as \\[ and \\], or put the text in a code block.")
        )
    if sum(_line_splits(block) for block in blocks) > MAX_LINE_SPLITS:
        raise MarkupTooComplex(
            _("The text has long runs of headings, horizontal rules or empty list items without blank lines "
            "between them. Please add blank lines, or put the text in a code block.")
        )


def _blocks_outside_code(source: str) -> tuple[list[str], int]:
    """The text's blocks (separated by blank lines) without its fenced code blocks, which are cheap
    to render, and the number of code blocks."""
    blocks, current, fence, code_blocks = [], [], None, 0
    fenced: list[str] = []
    for line in source.split("\n"):
        if fence is None:
            match = _FENCE.match(line)
            if match:
                fence, fenced = match.group(1), [line]
                continue
            if line.strip():
                current.append(line)
            elif current:
                blocks.append("\n".join(current))
                current = []
        else:
            fenced.append(line)
            stripped = line.strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                fence = None  # a closed code block: skipped
                code_blocks += 1
                if current:
                    blocks.append("\n".join(current))
                    current = []
    if fence is not None:  # never closed, so not a code block after all
        current.extend(fenced)
    if current:
        blocks.append("\n".join(current))
    return blocks, code_blocks


def _formatting_units(block: str) -> int:
    units = len(_FORMATTING_CHARACTER.findall(block))
    for line in block.split("\n"):
        indent = len(line) - len(line.lstrip(" \t")) + line[: len(line) - len(line.lstrip(" \t"))].count("\t") * 3
        units += 1 + indent // 2
    return units


def _link_scan(block: str) -> int:
    """How many characters the link patterns read to find the closing brackets of this block."""
    brackets: list[int] = []
    parens: list[tuple[int, bool]] = []
    scanned = 0
    index, length = 0, len(block)
    while index < length:
        char = block[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            brackets.append(index)
        elif char == "]" and brackets:
            scanned += index - brackets.pop()
        elif char == "(":
            parens.append((index, index > 0 and block[index - 1] == "]"))
        elif char == ")" and parens:
            start, link = parens.pop()
            if link:
                scanned += index - start
        index += 1
    scanned += sum(length - start for start in brackets)
    scanned += sum(length - start for start, link in parens if link)
    return scanned


def _line_splits(block: str) -> int:
    lines = block.split("\n")
    if len(lines) < 2:
        return 0
    return sum(1 for line in lines if _splits_block(line)) * len(block)


# bleach's own pattern for bare links lets every word start a candidate and reads the whole run of
# [\w-] characters from each of them: "1-2-3-…" took seconds. This one is bleach's pattern with two
# changes that keep it linear: a candidate starts only where a run of such characters starts, and a
# label, once read, is never re-read shorter (possessive quantifiers); the list of top-level domains
# is only tried where letters could be one.
_URL_RE = re.compile(
    r"""(?<!\()\(*+
    \b(?<![\w@.-])(?:(?:{0}):/{{0,3}}(?:(?:\w++:)?\w++@)?)?
    (?:[\w-]++\.)+(?=[^\W\d_]{{2,}}\b)(?:{1})(?:\:[0-9]++)?(?!\.\w)\b
    (?:[/?][^\s\{{\}}\|\\\^`<>"]*+)?
    """.format("|".join(sorted(ALLOWED_PROTOCOLS)), "|".join(sorted(TLDS))),
    re.IGNORECASE | re.VERBOSE | re.UNICODE,
)
# However a text is shaped, linkify does a bounded amount of work: past this many links the rest of
# a post stays plain text (a post with hundreds of links is a list for a code block anyway).
MAX_LINKS = 300


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


# An @handle: not inside a word, an e-mail address or a path. Handles are letters, digits, dots, dashes
# and underscores; a trailing dot ends the sentence, not the handle.
MENTION = re.compile(r"(?<![\w@/.])@([a-z0-9](?:[a-z0-9._-]{0,30}[a-z0-9_-])?)", re.IGNORECASE)
MENTION_CLASS = "mention"
_NO_MENTIONS_INSIDE = frozenset({"a", "code", "pre"})


class _MentionsBecomeLinks(Treeprocessor):
    """@handle of a member the author may reach becomes a link to their profile. Runs on the parsed
    tree, so code, links and raw text never turn into mentions; the link's text is the handle as typed
    (it matched the pattern above, so it holds no markup) and its address comes from the caller."""

    def __init__(self, md, links: dict[str, str]):
        super().__init__(md)
        self.links = links

    def run(self, root: etree.Element) -> None:
        if self.links:
            self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _NO_MENTIONS_INSIDE:
            return
        if element.text and not isinstance(element.text, markdown.util.AtomicString):
            element.text, made = self._split(element.text)
            for index, link in enumerate(made):
                element.insert(index, link)
        for child in list(element):
            self._walk(child)
            if child.tail and not isinstance(child.tail, markdown.util.AtomicString):
                child.tail, made = self._split(child.tail)
                position = list(element).index(child) + 1
                for offset, link in enumerate(made):
                    element.insert(position + offset, link)

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """The text before the first linked mention, and the links (each carrying the text after it)."""
        head, links, last = None, [], 0
        for match in MENTION.finditer(text):
            href = self.links.get(match.group(1).lower())
            if href is None:
                continue
            before = text[last:match.start()]
            if links:
                links[-1].tail = before
            else:
                head = before
            link = etree.Element("a", {"href": href, "class": MENTION_CLASS})
            link.text = match.group(0)
            links.append(link)
            last = match.end()
        if not links:
            return text, []
        links[-1].tail = text[last:]
        return head, links


class _SafeMarkdown(Extension):
    def __init__(self, mentions: dict[str, str] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.mentions = mentions or {}

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_ImagesBecomeLinks(md), "images_become_links", 0)
        md.treeprocessors.register(_MentionsBecomeLinks(md, self.mentions), "mentions_become_links", 1)


def _set_link_rel(attrs, new=False):
    """Every link gets rel="nofollow noopener noreferrer". A link whose target the sanitiser
    removed (javascript:, data:, ...) is no link at all: only its text stays."""
    href = attrs.get((None, "href"), "")
    if not href:
        return None
    attrs[(None, "rel")] = LINK_REL
    attrs.pop((None, "target"), None)
    return attrs


_per_thread = threading.local()


def _count_new_links(attrs, new=False):
    """Past MAX_LINKS links found in the plain text of one post, the rest stays text."""
    if attrs is None or not new:
        return attrs
    _per_thread.new_links = getattr(_per_thread, "new_links", 0) + 1
    return attrs if _per_thread.new_links <= MAX_LINKS else None


def _cleaner() -> bleach.Cleaner:
    """One cleaner per thread: bleach's cleaners keep parser state and are not thread-safe."""
    cleaner = getattr(_per_thread, "cleaner", None)
    if cleaner is None:
        cleaner = _per_thread.cleaner = _new_cleaner()
    return cleaner


def _new_cleaner() -> bleach.Cleaner:
    return bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=_allowed_attribute,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[partial(LinkifyFilter, callbacks=[_set_link_rel, _count_new_links], skip_tags={"pre", "code"},
                         parse_email=False, url_re=_URL_RE)],
    )


def _markdown(mentions: dict[str, str] | None = None) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[_SafeMarkdown(mentions), "tables", "fenced_code", "sane_lists", "nl2br"],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )


def mentioned_handles(source: str) -> set[str]:
    """The @handles in a text, lower-cased (handles are matched whatever the case they were typed in)."""
    return {match.group(1).lower() for match in MENTION.finditer(source)}


def render_markdown(source: str, mentions: dict[str, str] | None = None) -> str:
    """Render user markdown to HTML that is safe to mark as such in templates. `mentions` maps
    lower-case handles to the profile address their @mention links to; other @handles stay text."""
    check_complexity(source)
    html = _markdown(mentions).convert(source)
    _per_thread.new_links = 0
    return _cleaner().clean(html)
