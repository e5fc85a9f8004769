"""What an English UI string left on a translated page looks like: visible text nodes (and the
title, placeholder and aria-label attributes) compared with the English messages of the catalogue."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%%")
# User content and people's names are shown as written; so is anything inside these elements.
# Notification texts are stored, written in their reader's language of the moment they were sent
# (tests/i18n/test_language_choice.py checks that); the page's own strings around them are checked.
_USER_CONTENT_CLASSES = {"post-body", "prose", "notification-text", "markdown", "highlighted-source", "report-details", "guidelines-body"}
_SKIP_TAGS = {"script", "style", "code", "pre", "textarea", "q"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def english_ui_strings(lang: str) -> tuple[set[str], list[str]]:
    """(whole strings, sentence fragments): English messages whose translation in `lang` differs from
    the English, longer than a few characters. Fragments are the literal parts of messages with
    placeholders that still hold three words or more."""
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalogue = read_po(handle, locale=lang)
    whole, fragments = set(), []
    for message in catalogue:
        if not message.id:
            continue
        originals = message.id if isinstance(message.id, tuple) else (message.id,)
        translations = message.string if isinstance(message.string, tuple) else (message.string,)
        for original in originals:
            if original in translations:
                continue  # the same word in both languages ("Status", "Client"): not evidence
            if _PLACEHOLDER.search(original):
                for part in _PLACEHOLDER.split(original):
                    part = part.strip(" .,:;·()")
                    if len(part.split()) >= 3 and not any(part in t for t in translations):
                        fragments.append(part)
            elif len(original.strip()) > 4:
                whole.add(_normal(original))
    return whole, fragments


def _normal(text: str) -> str:
    return " ".join(text.split())


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[str] = []

    def _skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        skip = tag in _SKIP_TAGS or bool(classes & _USER_CONTENT_CLASSES)
        if not self._skipping() and not skip:
            for name in ("title", "placeholder", "aria-label", "alt"):
                if attrs.get(name):
                    self.texts.append(_normal(attrs[name]))
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.texts.append(_normal(attrs["value"]))
        if tag not in _VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self._skipping() and data.strip():
            self.texts.append(_normal(data))


def visible_texts(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return parser.texts


def english_left(html: str, whole: set[str], fragments: list[str]) -> list[str]:
    found = []
    for text in visible_texts(html):
        if text in whole:
            found.append(text)
            continue
        found += [f"…{fragment}… in {text!r}" for fragment in fragments if fragment in text]
    return sorted(set(found))


# --- the same page in English: text that did not change language ------------------------------------

# Words that make a text English prose rather than a name, a code or a brand. Two of them in a text node
# that reads the same in the English page and the translated page mean an untranslated sentence, also one
# that never reached the catalogue (a string in the code that nobody marked for translation).
ENGLISH_WORDS = frozenset(
    "the of and to by your you is are was were with for not this that an in on at has have been be from or "
    "no yet who what when which will can cannot may must should there their them it its as into than "
    "please here only all any more less first last new open closed".split())
_WORD = re.compile(r"[A-Za-z]+")


def world_strings() -> list[str]:
    """Every text value stored in the database (names, titles, reasons, slugs…), longest first: user
    content and data are shown as written, so they are taken out before a text node is judged."""
    from sqlalchemy import String, Text, select

    from forum.extensions import db

    values: set[str] = set()
    for table in db.metadata.sorted_tables:
        columns = [column for column in table.columns if isinstance(column.type, (String, Text))]
        if not columns:
            continue
        for row in db.session.execute(select(*columns)):
            values.update(value.strip() for value in row if isinstance(value, str) and len(value.strip()) >= 3)
    return sorted(values, key=len, reverse=True)


def untranslated_like_english(english_html: str, translated_html: str, data: list[str],
                              same_in_both: set[str] = frozenset()) -> list[str]:
    """Visible texts of the translated page that are word for word those of the English page and, once
    stored data is taken out, still read as English (two or more English function words, or a catalogue
    message whose translation differs). `same_in_both`: messages legitimately identical in both."""
    english_texts = set(visible_texts(english_html))
    found = []
    for text in visible_texts(translated_html):
        if text not in english_texts or text in same_in_both:
            continue
        rest = text
        for value in data:
            if value in rest:
                rest = rest.replace(value, " ")
        words = {word.lower() for word in _WORD.findall(rest)}
        if len(words & ENGLISH_WORDS) >= 2:
            found.append(text)
    return sorted(set(found))


def same_in_both(lang: str) -> set[str]:
    """Messages whose translation in `lang` is the English itself ("Status", "Client")."""
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalogue = read_po(handle, locale=lang)
    return {_normal(m.id) for m in catalogue if m.id and isinstance(m.id, str) and m.string == m.id}
