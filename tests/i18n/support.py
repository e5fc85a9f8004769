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
