"""The first held-out set (tests/privacy_guard/heldout/posts.jsonl), written by someone who never saw
the detector.  Its first measurement (78.7 % recall) was reported as it was; the rules were then
revised after reading its misses (see its README), so from then on it is tuning material and its floors
below only guard against regressions.  The held-out figure now comes from heldout2/ (test_heldout2.py).
bench/phi_guard.py prints both sets before and after."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from forum.privacy_guard.detector import CATEGORIES, scan

HELDOUT = Path(__file__).parent / "heldout" / "posts.jsonl"

# First (blind) measurement: all 78.7 / 82.4 %, 1.8 % clean flagged.  After the revision that read its
# misses: en 97.7 %, de 100 %, hi 100 %, all 99.3 % (same type = any type); no clean post flagged.
MIN_RECALL = {"en": 0.97, "de": 0.99, "hi": 0.99, "all": 0.99}
MIN_RECALL_ANY_TYPE = {"en": 0.97, "de": 0.99, "hi": 0.99, "all": 0.99}
MAX_CLEAN_FLAGGED = {"en": 0.0, "de": 0.0, "hi": 0.0, "all": 0.0}


def _posts() -> list[dict]:
    with HELDOUT.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def figures():
    stats: dict[str, dict[str, int]] = {}
    for post in _posts():
        findings = scan(post["text"])
        for key in (post["lang"], "all"):
            s = stats.setdefault(key, {"labels": 0, "found": 0, "found_any": 0, "clean": 0, "flagged": 0})
            if not post["spans"]:
                s["clean"] += 1
                s["flagged"] += bool(findings)
            for span in post["spans"]:
                overlapping = [f for f in findings if f.start < span["end"] and span["start"] < f.end]
                s["labels"] += 1
                s["found_any"] += bool(overlapping)
                s["found"] += any(f.type == span["type"] for f in overlapping)
    return stats


def test_the_heldout_set_is_sound():
    posts = _posts()
    assert len(posts) >= 150
    assert {p["lang"] for p in posts} == {"en", "de", "hi"}
    negatives = sum(1 for p in posts if not p["spans"])
    assert 0.4 <= negatives / len(posts) <= 0.6
    for post in posts:
        for span in post["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(post["text"]), post["id"]
            assert span["type"] in CATEGORIES, (post["id"], span["type"])


@pytest.mark.parametrize("lang", sorted(MIN_RECALL))
def test_heldout_recall_holds(figures, lang):
    s = figures[lang]
    assert s["found"] / s["labels"] >= MIN_RECALL[lang], s
    assert s["found_any"] / s["labels"] >= MIN_RECALL_ANY_TYPE[lang], s


@pytest.mark.parametrize("lang", sorted(MAX_CLEAN_FLAGGED))
def test_heldout_clean_posts_stay_clean(figures, lang):
    s = figures[lang]
    assert s["flagged"] / s["clean"] <= MAX_CLEAN_FLAGGED[lang], s
