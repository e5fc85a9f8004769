"""One normaliser for the index and the query, so that SQLite and PostgreSQL see the same tokens.

The text is case-folded and diacritics are folded the German way as well as the plain way
(Müller, Mueller and Muller all become "mull..."; ß becomes ss), then each word goes through the
Snowball stemmers: German first, then English, so that the word forms of either language meet
("Nierenfunktionen" and "Nierenfunktion", "bleeds" and "bleeding"). Devanagari words are matched
as whole words: the Snowball Hindi stemmer cuts short words down to one letter. Any token that is not plain ASCII afterwards is written as "x" and the
hex of its UTF-8 bytes: both engines then index plain alphanumeric words, with no chance of their
tokenisers splitting a Hindi word at a vowel sign differently.
"""
from __future__ import annotations

import html
import re
import threading
import unicodedata
from functools import lru_cache

import Stemmer

# Letters, digits and the combining marks that belong to a word (Devanagari vowel signs, viramas
# and nuktas, decomposed Latin accents); the danda (।, ॥) ends a word like a full stop.
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0900-\u0963\u0966-\u097f])+")
# The same words, faster: one character class (\w with the marks) once underscores are spaces.
_WORD_FAST = re.compile(r"[\w\u0300-\u036f\u0900-\u0963\u0966-\u097f]+")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_GERMAN_DIGRAPHS = re.compile(r"(?<=[a-z])(ae|oe|ue)")
_TAG = re.compile(r"<[^>]*>")
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre|tr|td|th)>|<br\s*/?>|<hr\s*/?>", re.IGNORECASE)
MAX_TOKEN = 60

_local = threading.local()


def _stemmers():
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:  # a Stemmer object keeps a cache and is not shared between threads
        stemmers = _local.stemmers = (Stemmer.Stemmer("german"), Stemmer.Stemmer("english"))
    return stemmers


def html_to_text(body_html: str) -> str:
    """The text of a sanitised post as a reader sees it: tags gone, entities decoded, blocks apart."""
    text = _BLOCK_END.sub(" \n", body_html or "")
    text = _TAG.sub("", text)
    return html.unescape(text)


def fold(word: str) -> str:
    """Case and diacritics folded; ä, ae and a (ö, oe, o; ü, ue, u) meet; ß becomes ss."""
    word = word.casefold()
    if _DEVANAGARI.search(word):
        return unicodedata.normalize("NFC", word)
    word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return _GERMAN_DIGRAPHS.sub(lambda m: m.group(1)[0], word)


def _encode(token: str) -> str:
    if token.isascii():
        return token
    return "x" + token.encode("utf-8").hex()


def stem(folded: str) -> str:
    if not folded.isascii() or any(ch.isdigit() for ch in folded):
        return folded
    german, english = _stemmers()
    return english.stemWord(german.stemWord(folded))


def words(text: str) -> list[str]:
    return _WORD_FAST.findall((text or "").replace("_", " "))


@lru_cache(maxsize=100_000)  # clinical text repeats its words: most look-ups are hits
def normalise_word(word: str) -> str:
    """The index token of one word (empty when nothing of it is left)."""
    folded = fold(word)[:MAX_TOKEN]
    if not folded:
        return ""
    return _encode(stem(folded))


def normalise_prefix(word: str) -> str:
    """The token a prefix search starts with: the folded prefix, or its stem when that is shorter
    (so "kardiologie*" finds the stem "kardiolog" the index holds)."""
    folded = fold(word)[:MAX_TOKEN]
    if not folded:
        return ""
    stemmed = stem(folded)
    base = stemmed if folded.startswith(stemmed) else folded
    return _encode(base)


def tokens(text: str) -> list[str]:
    out = []
    for word in words(text):
        token = normalise_word(word)
        if token:
            out.append(token)
    return out


def token_string(text: str) -> str:
    return " ".join(tokens(text))
