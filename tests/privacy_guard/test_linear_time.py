"""Fuzz-style check that scanning stays linear: random posts built from the fragments the rules
react to (digits, spaced and invisible-separated digits, Devanagari digits, honorifics, titles,
capitalised words before commas and numbers, '#', '@', dates, digit words, IBAN- and plate-like
tokens), at 20,000 and 80,000 characters.  Not a timing benchmark (bench/phi_guard.py has the
figures): it compares the two sizes in the same run, so a quadratic pattern -- 16x for 4x the
text -- fails while machine load, which slows both sizes alike, does not.  (Below ~20,000
characters the text still fits in CPU caches, which makes smaller sizes look faster per character.)"""
from __future__ import annotations

import random
import time

import pytest

from forum.privacy_guard.detector import scan

FRAGMENTS = [
    "1", "12", "123", "2024", " ", "  ", ", ", ". ", "\n", "(", ")", "/", "-", "#", "@", ":", "\u200b", "\u00ad",
    "१", "२०२४", "०", "5 5 5 ", "Mr ", "mr ", "Frau ", "Herr Dr. ", "Prof. ", "Patient ", "pt ", "Name: ", "मरीज़ ",
    "श्री ", "Anna ", "Maria ", "Schmidt", "Ab, ", "Cd (", "42M", "96", "J.", "ninety ", "nine ", "one ", "zero ",
    "neunzig", "und", "born ", "geb. ", "Jahrgang ", "जन्म ", "admitted ", "discharge ", "kam am ", "को ", "March ",
    "third of ", "MRN ", "SN ", "Ref#", "IBAN ", "DE89", "3704", "A/c ", "account ", "DL ", "3C ", "AB ", "MH12",
    "1EG4", "TE5", "www.", "gofundme.com/f/", "instagram.com/", "@okaxis", "hotline ", "birthday ", "Geburtstag",
    "in her late ", "nineties", "Lebensjahr", "turned ", "a", "b", "x", "Ä", "ß",
]


LINEAR_BOUND = 9  # 4x the text: linear about 4, quadratic about 16


def _post(rng: random.Random, n: int) -> str:
    parts, length = [], 0
    while length < n:
        fragment = rng.choice(FRAGMENTS)
        parts.append(fragment)
        length += len(fragment)
    return "".join(parts)[:n]


def _best_time(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        scan(text)
        best = min(best, time.perf_counter() - started)
    return best


def _ratio(small: str, large: str) -> float:
    """Time of the large text over the small one; the smallest of three interleaved attempts, so a
    burst of load on a shared machine during one attempt does not decide (a quadratic pattern is
    slow in every attempt)."""
    scan(small)  # warm-up: lazily loaded phone metadata
    ratios = []
    for _attempt in range(3):
        ratios.append(_best_time(large, runs=2) / max(_best_time(small, runs=2), 1e-4))
        if ratios[-1] < LINEAR_BOUND:
            break
    return min(ratios)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_tricky_posts_scan_in_linear_time(seed):
    rng = random.Random(seed)
    fragments = _post(rng, 80_000)
    ratio = _ratio(fragments[:20_000], fragments)
    # linear: about 4; quadratic: about 16
    assert ratio < LINEAR_BOUND, ratio


# The last ones feed the rules for names without a cue: every word a known first name and surname,
# lower-case names after a cue, initials, handover items, family names with जी -- each found name is
# then looked for again in the whole post, which must stay one sweep.
@pytest.mark.parametrize("unit", ["5 ", "Ab, 1", "1\u200b", "१ ", "nine ", "#1", "DE89 ", "Mr Dr. ", "a@", "ninety-",
                                  "Anna Maria Schmidt ", "pt is maria gonzalez, ", "R. K. Iyer ", "; Hoxha 88m Sturz",
                                  "शर्मा जी ", "GALLAGHER, Siobhan "])
def test_repeated_fragments_scan_in_linear_time(unit):
    large = (unit * (80_000 // len(unit) + 1))[:80_000]
    ratio = _ratio(large[:20_000], large)
    assert ratio < LINEAR_BOUND, ratio
