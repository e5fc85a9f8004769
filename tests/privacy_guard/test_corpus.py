"""The labelled corpus: its soundness, the detector's accuracy on it (thresholds just below the
figures reached, so a regression fails) and a non-timed check that adversarial input completes.
Real timing figures come from bench/phi_guard.py."""
from __future__ import annotations

import re
import time

import phonenumbers
import pytest
from stdnum.de import idnr
from stdnum.in_ import aadhaar, pan
from stdnum.us import ssn

from forum.privacy_guard.detector import CATEGORIES, scan
from forum.privacy_guard.detector.contact import words_to_digits
from forum.privacy_guard.detector.normalize import normalize

from .corpus import CORPUS, KVNR1, KVNR2, LANGUAGES, evaluate, kvnr, svnr

# Reached with the rules closing the held-out failure classes: overall recall 99.3 % (en 98.1,
# de 100, hi 100), clean posts flagged 0 % in every language (the corpus now also holds the
# failure classes and their hard negatives; before those rules: 82.8 % and 2.5 %).  With the
# first-name dictionary the cue-less names are found too: 100 % in every language.
MIN_RECALL = {"en": 0.99, "de": 0.99, "hi": 0.99, "all": 0.99}
MAX_FP_RATE = {"en": 0.02, "de": 0.02, "hi": 0.02, "all": 0.01}
PHONE_REGION = {"en": "US", "de": "DE", "hi": "IN"}


@pytest.fixture(scope="module")
def result():
    return evaluate(scan)


def test_corpus_size_and_balance():
    assert len(CORPUS) >= 150
    positives = sum(1 for p in CORPUS if p.labels)
    assert 0.4 <= positives / len(CORPUS) <= 0.6
    for lang in LANGUAGES:
        posts = [p for p in CORPUS if p.lang == lang]
        assert len(posts) >= 40
        assert any(p.labels for p in posts) and any(not p.labels for p in posts)
    assert len({p.id for p in CORPUS}) == len(CORPUS)


def test_labels_are_unique_substrings_of_known_types():
    for post in CORPUS:
        for sub, typ in post.labels:
            assert typ in CATEGORIES and typ != "custom", (post.id, typ)
            assert post.text.count(sub) == 1, (post.id, sub)


def test_every_type_is_labelled():
    labelled = {typ for p in CORPUS for _s, typ in p.labels}
    assert labelled == set(CATEGORIES) - {"custom"}


def test_numbers_with_check_digits_are_valid():
    """National and insurance numbers in the corpus are format-valid, with correct check digits."""
    shapes = {
        "aadhaar": (re.compile(r"[2-9][0-9]{3} [0-9]{4} [0-9]{4}"), aadhaar.is_valid),
        "idnr": (re.compile(r"[1-9][0-9]{10}"), idnr.is_valid),
        "ssn": (re.compile(r"[0-9]{3}-[0-9]{2}-[0-9]{4}"), ssn.is_valid),
        "pan": (re.compile(r"[A-Z]{5}[0-9]{4}[A-Z]"), pan.is_valid),
        "svnr": (re.compile(r"[0-9]{2} [0-9]{6} [A-Z] [0-9]{3}"),
                 lambda v: svnr(v[:2], v[3:9], v[10], v[12:14]) == v),
    }
    seen = set()
    for post in CORPUS:
        for sub, typ in post.labels:
            if typ != "national_id":
                continue
            for name, (shape, valid) in shapes.items():
                if shape.fullmatch(sub):
                    assert valid(sub), (post.id, name, sub)
                    seen.add(name)
    assert seen == set(shapes)
    for number in (KVNR1, KVNR2):
        assert kvnr(number[0], number[1:9]) == number
        assert any((number, "insurance_number") in p.labels for p in CORPUS)


def test_phone_labels_are_valid_numbers():
    """Phone labels are valid numbers, read as a reader would: other scripts' digits, invisible
    characters and numbers written out in words included."""
    for post in CORPUS:
        for sub, typ in post.labels:
            if typ != "phone":
                continue
            sub = normalize(sub).text
            if not re.search(r"[0-9]", sub):
                sub = words_to_digits(sub)
            region = None if sub.startswith("+") else PHONE_REGION[post.lang]
            number = phonenumbers.parse(sub, region)
            assert phonenumbers.is_valid_number(number), (post.id, sub)


def test_recall_thresholds(result):
    stats = result["stats"]
    for lang, minimum in MIN_RECALL.items():
        assert stats[lang]["recall"] >= minimum, (lang, stats[lang]["recall"], result["misses"])


def test_false_positive_thresholds(result):
    stats = result["stats"]
    for lang, maximum in MAX_FP_RATE.items():
        assert stats[lang]["fp_rate"] <= maximum, (lang, stats[lang]["fp_rate"], result["false_positives"])


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


ADVERSARIAL = {
    "digits": "1234567890",
    "spaced digits": "12 34 5 ",
    "capitalised words": "Anna Maria Schmidt Berlin ",
    "honorifics": "Mr ",
    "german honorifics": "Frau Herr Patient Pat. ",
    "dots dashes slashes": "./-",
    "dotted numbers": "1.2.",
    "unbroken word": "a",
    "at signs": "a@",
    "query strings": "?id=",
    "colons": "a1:",
    "keywords": "MRN serial DOB geb. UHID Kennzeichen ",
    "devanagari": "मरीज़ श्री नाम रोगी सेक्टर ",
    "devanagari digits": "१२ ३४५ ",
    "zero-width digits": "1\u200b2\u00ad",
    "digit words": "nine five zero ",
    "name and age": "Ab Cd, 42",
    "titles": "Herr Dr. Prof. ",
    "iban-like": "DE89 3704 ",
    "hash prefixes": "Ref#1",
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_50k_input_completes(name):
    text = _repeat(ADVERSARIAL[name], 50_000)
    started = time.perf_counter()
    findings = scan(text)
    elapsed = time.perf_counter() - started
    assert isinstance(findings, list)
    # A generous sanity bound only (shared CI machines); bench/phi_guard.py has the real figures.
    # Catastrophic backtracking on 50,000 characters would take minutes, not seconds.
    assert elapsed < 20, elapsed
