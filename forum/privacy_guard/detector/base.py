"""Shared building blocks of the detector: categories, findings, configuration, keyword tries,
clause boundaries and the per-scan context."""
from __future__ import annotations

import bisect
import logging
import re
import unicodedata
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l  # noqa: F401  (re-exported for the rule modules)

log = logging.getLogger(__name__)

CATEGORIES: dict[str, str] = {
    "patient_name": "Patient name",
    "date": "Date of birth, admission or discharge",
    "age": "Age of 90 or over",
    "phone": "Phone or fax number",
    "email": "E-mail address",
    "address": "Street address",
    "postal_code": "Postal code",
    "record_number": "Medical record or case number",
    "insurance_number": "Health-insurance number",
    "national_id": "National identity or tax number",
    "ip_address": "IP address",
    "url": "Link naming a patient or record, or a patient's personal page",
    "licence_plate": "Vehicle licence plate",
    "device_serial": "Device or implant serial number",
    "bank_account": "Bank account number (IBAN or account number)",
    "custom": "Organisation-specific identifier",
}

# Tie-breaker when two overlapping candidates are equally confident: more specific first.
_SPECIFICITY = {t: i for i, t in enumerate([
    "custom", "national_id", "bank_account", "insurance_number", "record_number", "device_serial", "email", "url",
    "ip_address", "licence_plate", "phone", "date", "age", "postal_code", "address", "patient_name"])}

@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    type: str
    message: object  # a lazy translatable string (or an organisation's own text): see ``explanation``
    confidence: float

    @property
    def explanation(self) -> str:
        """The explanation in the language of whoever is being served (the author, when their
        request renders it); plain English outside an app."""
        return str(self.message)

    def as_dict(self) -> dict:
        """Offsets, type, explanation and confidence -- never the matched text."""
        return {"start": self.start, "end": self.end, "type": self.type,
                "explanation": self.explanation, "confidence": round(self.confidence, 2)}

@dataclass(frozen=True)
class GuardConfig:
    enabled_categories: frozenset[str] | None = None  # None = all of CATEGORIES
    phone_regions: tuple[str, ...] = ("US", "DE", "IN")
    extra_patterns: tuple[tuple[str, str, str], ...] = ()  # (label, regex source, explanation)
    min_confidence: float = 0.5
    public_numbers: tuple[str, ...] = ()  # the instance's public service numbers, E.164
    name_gazetteer: bool = True  # known names without a cue, next to clinical context (gazetteer.py)

class PatternError(ValueError):
    """An operator-supplied pattern was rejected; ``message`` says why, for humans (in English, for logs and
    the CLI). ``template`` and ``params`` are kept apart so the settings page can show the sentence in the
    admin's language (forum/i18n/guard_texts.py lists every template)."""

    def __init__(self, template: str, **params):
        self.template = template
        self.params = params
        self.message = template % params if params else template
        super().__init__(self.message)

_DEFAULT_CONFIG = GuardConfig()


# --------------------------------------------------------------------------- building blocks

_DV = "\u0900-\u0963\u0971-\u097F"          # Devanagari letters, vowel signs, nukta, virama
_DVD = "\u0966-\u096F"                       # Devanagari digits
_NOT_LETTER_AFTER = rf"(?![^\W\d_])(?![{_DV}])"


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


_NUKTA_PRECOMPOSED = {"\u0915": "\u0958", "\u0916": "\u0959", "\u0917": "\u095a", "\u091c": "\u095b",
                      "\u0921": "\u095c", "\u0922": "\u095d", "\u092b": "\u095e", "\u092f": "\u095f"}
_NUKTA_SEQ = re.compile("([\u0915\u0916\u0917\u091c\u0921\u0922\u092b\u092f])\u093c")


def _rx(source: str, flags: int = 0) -> re.Pattern:
    """Compile a pattern whose Devanagari literals accept both spellings of nukta letters
    (precomposed U+0958..U+095F, or base letter + U+093C).  Patterns built with _trie already
    list both spellings and are compiled with re.compile directly, which keeps their literal first
    characters (and so re's fast prefix scan) intact."""
    source = _NUKTA_SEQ.sub(lambda m: f"(?:{m.group(1)}\u093c|{_NUKTA_PRECOMPOSED[m.group(1)]})", _nfc(source))
    return re.compile(source, flags)


def _spellings(word: str) -> set[str]:
    """Both spellings of a (Devanagari) keyword: decomposed and precomposed nukta letters."""
    word = _nfc(word)
    return {word, _NUKTA_SEQ.sub(lambda m: _NUKTA_PRECOMPOSED[m.group(1)], word)}


def _trie(words) -> str:
    """A regex matching any of the literal ``words``, shaped as a trie so that ``re`` checks one
    branch per character instead of every word; longer words win over their prefixes."""
    root: dict = {}
    for w in {s for word in words for s in _spellings(word)}:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        keys = sorted(k for k in node if k)
        alts = [re.escape(k) + emit(node[k]) for k in keys]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"


def _keyword_index(groups: dict[str, list[str]]) -> tuple[re.Pattern, dict[str, str]]:
    """One trie regex for several keyword groups (all lower case) and a map keyword -> group."""
    owner = {}
    for group, words in groups.items():
        for w in words:
            for s in _spellings(w):
                owner.setdefault(s, group)
    return re.compile(_trie(owner) + _NOT_LETTER_AFTER), owner


def _lower(text: str) -> str:
    """Lower-case copy with the same length (so offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return low


# A clause boundary: newline, ; ! ? danda, a table pipe, or a full stop that ends a word of four
# or more letters (so "geb." / "Pat." / "Nr." / "Dr." do not end a clause).
_BOUNDARY = _rx(r"[\n;!?\u0964\u0965|]|\.(?<=[^\W\d_]{4}\.)(?=\s)")


def _clause_start(text: str, pos: int, limit: int) -> int:
    lo = max(0, pos - limit)
    start = lo
    for m in _BOUNDARY.finditer(text, lo, pos):
        start = m.end()
    return start


def _clause_end(text: str, pos: int, limit: int) -> int:
    hi = min(len(text), pos + limit)
    m = _BOUNDARY.search(text, pos, hi)
    return m.start() if m else hi


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def _word_char_before(text: str, pos: int) -> bool:
    if pos <= 0:
        return False
    ch = text[pos - 1]
    return ch.isalnum() or ch == "_" or "\u0900" <= ch <= "\u097f"


_HAS_DIGIT = _rx(r"[0-9]")
# The letter runs of a post, for the keyword pre-filter; keywords are split the same way.
_TOKEN = re.compile(r"[^\W\d_]+")


def first_tokens(words, glue=()) -> frozenset[str]:
    """The first letter run of every keyword (both nukta spellings), and of every keyword glued to one
    of ``glue`` ("fall" + "nr" -> "fallnr"): where a keyword match can start, for keyword_matches."""
    out = set()
    for word in words:
        for w in _spellings(word):
            for tail in ("", *glue):
                t = _TOKEN.match(w + tail)
                if t:
                    out.add(t.group())
    return frozenset(out)
_HAS_DEV = _rx(r"[\u0900-\u097F]")


class _Ctx:
    __slots__ = ("text", "low", "config", "out", "has_digit", "has_dev", "_anchors", "_tokens")

    def __init__(self, text: str, config: GuardConfig):
        self.text = text
        self.low = _lower(text)
        self.config = config
        self.out: list[tuple[int, int, str, float, str]] = []
        self.has_digit = bool(_HAS_DIGIT.search(text))
        self.has_dev = max(text) >= "\u0900" and bool(_HAS_DEV.search(text))
        self._anchors: dict[str, list] = {}
        self._tokens: frozenset[str] | None = None

    def tokens(self) -> frozenset[str]:
        """The distinct letter runs of the lower-case text (one C-speed pass, shared by every rule)."""
        if self._tokens is None:
            self._tokens = frozenset(_TOKEN.findall(self.low))
        return self._tokens

    def keyword_matches(self, pattern: re.Pattern, firsts: frozenset[str], stems: tuple[str, ...] = ()) -> list:
        """What ``pattern.finditer(low)`` finds at the start of a word, tried only where a word of
        ``firsts`` (the first letter runs its matches can start with, see ``first_tokens``) or a word
        beginning with one of ``stems`` starts: a cheap pre-filter instead of running a keyword
        pattern over every character."""
        low = self.low
        present = self.tokens() & firsts
        if not present and not stems:
            return []
        positions: list[int] = []
        for word in [*present, *(st for st in stems if st in low)]:
            i = low.find(word)
            while i != -1:
                if not i or not low[i - 1].isalpha():
                    positions.append(i)
                i = low.find(word, i + 1)
        positions.sort()
        found, reach = [], -1
        for pos in positions:
            if pos < reach:
                continue
            m = pattern.match(low, pos)
            if m and m.end() > m.start():
                found.append(m)
                reach = m.end()
        return found

    def anchors(self, pattern: re.Pattern, low: bool = False) -> list:
        """The matches of ``pattern`` over the text (or its lower-case copy), found once per scan for
        the rules that share them."""
        key = (pattern.pattern, low)
        found = self._anchors.get(key)
        if found is None:
            found = self._anchors[key] = list(pattern.finditer(self.low if low else self.text))
        return found

    def add(self, start: int, end: int, typ: str, conf: float, expl: str) -> None:
        if end > start:
            self.out.append((start, end, typ, conf, expl))

    def strong_spans(self, min_conf: float):
        """A function telling whether [start, end) lies inside a candidate of at least min_conf."""
        spans = sorted((s, e) for s, e, _t, conf, _x in self.out if conf >= min_conf)
        starts = [s for s, _e in spans]
        reach, best = [], -1
        for _s, e in spans:
            best = max(best, e)
            reach.append(best)

        def covered(start: int, end: int) -> bool:
            i = bisect.bisect_right(starts, start)
            return i > 0 and reach[i - 1] >= end
        return covered
