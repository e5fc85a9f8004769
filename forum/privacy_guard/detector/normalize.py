"""Normalisation before detection, with a map back to the original offsets.

Identifiers are often written in ways the rules would not see: Devanagari or full-width digits,
a zero-width space or soft hyphen inside a number, a Cyrillic "О" instead of a Latin "O" in a
record number, or a phone number with a space between every digit.  ``normalize(text)`` returns
the text the rules run on and a ``Normalized`` object that maps every offset in it back to the
original text, so that findings (and the composer's highlighting) point at exactly what the
author typed.

What changes, character by character (nothing else does):
* invisible characters (zero-width spaces and joiners, soft hyphen, bidi marks and isolates,
  word joiner, byte-order mark) are removed;
* every decimal digit of any script becomes its ASCII digit;
* other characters take their NFKC compatibility form (full-width letters, ligatures, no-break
  and other odd spaces), except superscripts, subscripts and fractions ("10⁹/L" must not become
  "109/L") and the micro sign (a unit);
* Cyrillic and Greek letters that look like Latin ones become Latin, but only inside a token that
  also holds ASCII letters or digits (an identifier-like token), or in a capital token of at most
  three look-alikes next to digits ("UP 32 КВ 7719"), never in Cyrillic or Greek words;
* runs of five or more single digits separated by single spaces ("5 5 5 0 1 2 3") are joined.

Ordinary ASCII text without spaced digits is returned as it is, without building a map.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_right

# Removed outright: they change nothing a reader sees.
_INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e"
              "\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0")

# Latin look-alikes among Cyrillic and Greek letters.
HOMOGLYPHS = {
    # Cyrillic capitals and small letters
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    # Greek capitals and small letters
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p",
}

_KEEP = {"\u00b5"}  # micro sign: NFKC would turn it into Greek mu, and "µg" is a unit


def _special_chars() -> str:
    """One character class of everything normalisation may change: invisible characters, non-ASCII
    decimal digits, look-alike letters, and the characters NFKC changes (BMP and the mathematical
    alphanumerics) except superscripts/subscripts/fractions (category No) and the micro sign.
    A single class lets ``re`` scan for it quickly."""
    ranges: list[list[int]] = []
    invisible = set(ch for ch in _INVISIBLE_CHARS)
    for cp in list(range(0x80, 0x10000)) + list(range(0x1D400, 0x1D800)) + list(range(0x1F100, 0x1F110)):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        special = ch in invisible or ch in HOMOGLYPHS or ch.isdecimal()
        if not special and not (ch in _KEEP or unicodedata.category(ch) in ("No", "Mn", "Mc", "Cf")
                                or 0x0900 <= cp <= 0x097F):  # Devanagari: both nukta spellings are read
            special = unicodedata.normalize("NFKC", ch) != ch
        if special:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


_INVISIBLE_RE = re.compile("[" + _INVISIBLE + "]")
_INVISIBLE_CHARS = [chr(cp) for cp in range(0x80, 0x10000) if _INVISIBLE_RE.match(chr(cp))]
# One pass finds every character that needs attention; ASCII text never matches.
_SPECIAL = re.compile("[" + _special_chars() + "]")
_SPECIAL_SET = frozenset(ch for ch in map(chr, range(0x80, 0x10000)) if _SPECIAL.match(ch)) | frozenset(
    ch for ch in map(chr, range(0x1D400, 0x1F110)) if _SPECIAL.match(ch))


def _special_positions(text: str) -> list[int]:
    """Where the special characters are: a set intersection and str.find, both in C, are much
    faster than a regex over a large character class."""
    found = _SPECIAL_SET.intersection("".join(_NON_ASCII.findall(text)))
    if not found:
        return []
    positions: list[int] = []
    for ch in found:
        i = text.find(ch)
        while i != -1:
            positions.append(i)
            i = text.find(ch, i + 1)
    positions.sort()
    return positions
# Five or more single digits, each separated from the next by exactly one space.  Bounded to keep
# matching linear; longer runs are simply joined in pieces of up to 40 digits.
_SPACED_DIGITS = re.compile(r"[0-9](?<![0-9][0-9])(?: [0-9](?![0-9])){4,39}")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


class Normalized:
    """The normalised text and the way back: ``original_span(start, end)`` maps a span of
    ``text`` to the span of the original it came from.  The map is kept as segments (a copied
    stretch, or one original character replaced by zero or more characters), so building it costs
    nothing per unchanged character."""

    __slots__ = ("text", "original", "_norm_starts", "_orig_starts", "_copied")

    def __init__(self, text: str, original: str, norm_starts: list[int] | None = None,
                 orig_starts: list[int] | None = None, copied: list[bool] | None = None):
        self.text = text
        self.original = original
        self._norm_starts = norm_starts  # None: identity
        self._orig_starts = orig_starts
        self._copied = copied

    @property
    def changed(self) -> bool:
        return self._norm_starts is not None

    def _char(self, pos: int) -> tuple[int, int]:
        """The original span of the normalised character at ``pos``."""
        i = bisect_right(self._norm_starts, pos) - 1
        if self._copied[i]:
            orig = self._orig_starts[i] + pos - self._norm_starts[i]
            return orig, orig + 1
        orig = self._orig_starts[i]
        return orig, orig + 1

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if self._norm_starts is None:
            return start, end
        if end <= start:
            pos = self._char(start)[0] if start < len(self.text) else len(self.original)
            return pos, pos
        return self._char(start)[0], self._char(end - 1)[1]


# Replacements of special characters other than look-alikes (which depend on their word).
_REPLACEMENT: dict[str, str] = {}
for _ch in _SPECIAL_SET:
    if _ch in HOMOGLYPHS:
        continue
    if _INVISIBLE_RE.match(_ch):
        _REPLACEMENT[_ch] = ""
    elif _ch.isdecimal():
        _REPLACEMENT[_ch] = str(unicodedata.decimal(_ch))
    else:
        _REPLACEMENT[_ch] = unicodedata.normalize("NFKC", _ch)
del _ch


def _mixed_token(text: str, pos: int) -> bool:
    """Whether the word around ``pos`` also holds an ASCII letter or digit (or a non-ASCII digit),
    i.e. is identifier-like.  Looks at most 30 characters either way."""
    lo = pos
    while lo > 0 and pos - lo < 30 and (text[lo - 1].isalnum() or text[lo - 1] in "-_/#."):
        lo -= 1
    hi = pos + 1
    while hi < len(text) and hi - pos < 30 and (text[hi].isalnum() or text[hi] in "-_/#."):
        hi += 1
    token = text[lo:hi]
    if _ASCII_ALNUM.search(token) or any(ch.isdecimal() for ch in token):
        return True
    # A short all-capital look-alike token between identifier parts ("UP 32 КВ 7719"): a plate's or a
    # record's letters, not a Cyrillic or Greek word.
    letters = token.replace("-", "")
    return (len(letters) <= 3 and letters.isupper() and all(ch in HOMOGLYPHS for ch in letters)
            and any(ch.isdecimal() for ch in text[max(0, lo - 4):lo] + text[hi:hi + 4]))


def _apply(text: str, edits: list[tuple[int, str]]) -> Normalized:
    """Replace single original characters (sorted, distinct positions) and keep the map."""
    pieces: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    copied: list[bool] = []
    position = npos = 0
    for i, replacement in edits:
        if i > position:
            norm_starts.append(npos)
            orig_starts.append(position)
            copied.append(True)
            pieces.append(text[position:i])
            npos += i - position
        norm_starts.append(npos)
        orig_starts.append(i)
        copied.append(False)
        pieces.append(replacement)
        npos += len(replacement)
        position = i + 1
    if position < len(text):
        norm_starts.append(npos)
        orig_starts.append(position)
        copied.append(True)
        pieces.append(text[position:])
    return Normalized("".join(pieces), text, norm_starts, orig_starts, copied)


def normalize(text: str) -> Normalized:
    edits: list[tuple[int, str]] = []
    if not text.isascii():
        for i in _special_positions(text):
            ch = text[i]
            if ch in HOMOGLYPHS:
                if _mixed_token(text, i):
                    edits.append((i, HOMOGLYPHS[ch]))
                continue
            replacement = _REPLACEMENT[ch]
            if replacement != ch:
                edits.append((i, replacement))
    stage1 = _apply(text, edits) if edits else Normalized(text, text)
    if " " not in stage1.text or not _SPACED_DIGITS.search(stage1.text):
        return stage1
    # Spaced digits: drop the single spaces between them (each such space is one original character).
    drops = []
    for m in _SPACED_DIGITS.finditer(stage1.text):
        for k in range(m.start() + 1, m.end(), 2):
            drops.append((stage1.original_span(k, k + 1)[0], ""))
    if not edits:
        return _apply(text, drops)
    merged = dict(edits)
    merged.update(drops)
    return _apply(text, sorted(merged.items()))


if __name__ == "__main__":  # pragma: no cover - manual check
    n = normalize(sys.argv[1])
    print(n.text)
