"""The scripts in static/js hold no English sentence of their own: every sentence they show comes from
the page, translated (forum/i18n/js_texts.py through data-texts, or a data-* attribute), without inline
script."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from forum.extensions import db
from forum.i18n.js_texts import SETS

from .support import ROOT

# A string literal holding two words or more, one of them starting a sentence: what a person would read.
_SENTENCE = re.compile(r"""(["'])((?:(?!\1)[^\\\n]|\\.)*?\b[A-Z][a-z]+\s+[a-z]+(?:(?!\1)[^\\\n]|\\.)*?)\1""")
_NOT_UI = {"use strict"}
# Any word put straight into the page: textContent = "…", or the text argument of el(tag, class, "…").
_WORD_INTO_PAGE = re.compile(r"""textContent\s*=\s*["']([A-Za-z][^"']*)["']|\bel\([^()]*,[^()]*,\s*["']([A-Za-z][^"']*)["']\)""")


def _attributes(html: str, selector_class: str) -> dict[str, str]:
    class Finder(HTMLParser):
        found: dict[str, str] = {}

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if selector_class in (attrs.get("class") or "").split() and not self.found:
                self.found = {k: v for k, v in attrs.items() if v is not None}

    finder = Finder()
    finder.feed(html)
    return finder.found


def test_no_script_writes_an_english_sentence_of_its_own():
    offenders = []
    for path in sorted((ROOT / "static" / "js").glob("*.js")):
        source = re.sub(r"/\*.*?\*/|(?<![:\\])//[^\n]*", "", path.read_text(encoding="utf-8"), flags=re.S)
        for match in _SENTENCE.finditer(source):
            text = re.sub(r"<[^>]*>", " ", match.group(2)).strip()  # a sentence inside markup counts too
            if text in _NOT_UI or not re.search(r"\b[A-Z][a-z]+\s+[a-z]+", text) or text.startswith((".", "#", "[")):
                continue
            offenders.append(f"{path.name}: {text!r}")
        offenders += [f"{path.name}: {a or b!r}" for a, b in _WORD_INTO_PAGE.findall(source)]
    assert not offenders, offenders


def test_every_scripted_sentence_is_in_both_catalogues(app):
    from flask_babel import force_locale

    for lang in ("de", "hi"):
        with app.test_request_context(), force_locale(lang):
            from forum.i18n.js_texts import js_texts

            for name in SETS:
                english_free = [key for key, text in js_texts(name).items()
                                if isinstance(text, str) and text == str(SETS[name][key]._args[0])]
                assert not english_free, (lang, name, english_free)


@pytest.mark.parametrize("lang, words", [("de", ("Neuer Bereich", "Bereiche speichern")),
                                         ("hi", ("नया box", "boxes सेव करें"))])
def test_the_composer_hands_the_editor_its_sentences_in_the_authors_language(make, login, lang, words):
    author = make.user("Author")
    author.locale = lang
    db.session.commit()
    group = make.group("Ward round", members=[author])
    page = login(author).get(f"/g/{group.slug}/new").get_data(as_text=True)
    root = _attributes(page, "image-uploads")
    texts = json.loads(root["data-texts"])
    assert set(texts) == set(SETS["composer"])
    for word in words:
        assert word in texts.values()
    assert "%(num)d" in texts["proposed"]["one"] and "%(num)d" in texts["proposed"]["other"]
    assert texts["proposed"]["one"] != texts["proposed"]["other"] or lang == "hi"
    composer = _attributes(page, "composer")
    assert composer["data-findings-note"] != "Possible patient identifiers are marked below. Please remove them before publishing."
    assert "<script>" not in page and "<script type" not in page


def test_the_copy_button_says_copied_in_the_members_language(make, login):
    member = make.user("Moderator")
    member.locale = "de"
    db.session.commit()
    group = make.group("Ward round", owner=member)
    response = login(member).post(f"/g/{group.slug}/invites", data={"email": ""})
    assert response.status_code == 200  # the new link is shown once, on this answer
    assert 'data-copied="Kopiert"' in response.get_data(as_text=True)
