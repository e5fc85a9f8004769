"""The held-out sets, each written by someone who never saw the detector.

* heldout/ (220 posts): first measured blind (78.7 % recall, 82.4 % any type, 1.8 % of clean posts
  flagged).  The rules were then revised after reading its misses (see its README), so it is tuning
  material now and its floors only guard against regressions.
* heldout2/ (351 posts): written afterwards by another author who saw neither the rules nor the first
  set's posts.  Measured once, blind (70.3 % recall, 70.8 % any type, no clean post flagged).  The
  rules were then revised after reading its misses (general shapes, see its README), so it is tuning
  material now too and its floors only guard against regressions.
* heldout3/ (486 posts): written while the rules were revised against heldout2, by a third author who
  saw neither the rules nor the other sets' posts.  Measured once, blind (78.5 % recall, 79.1 % any
  type, 0.9 % of clean posts flagged).  The rules were then revised after reading its misses and false
  positives (general shapes, see its README), so it is tuning material now too and its floors only
  guard against regressions.
* heldout4/ (349 posts) and heldout5/ (390 posts): written while the rules were revised against
  heldout3, by two more authors who saw neither the rules nor any other set.  Measured blind, their
  misses unread: these floors are the current evidence of how the guard does on posts it has never
  seen.  A revision that reads their misses makes them tuning material and needs new sets.

bench/phi_guard.py prints every set, with the detectors before, previous and after."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from forum.privacy_guard.detector import CATEGORIES, scan

HERE = Path(__file__).parent

# Per set: (minimum recall of the same type, minimum recall of any type, maximum share of clean posts
# flagged), per language and overall.
FLOORS = {
    # after the revision that read its misses: en 97.7 %, de 100 %, hi 100 %, all 99.3 %; none flagged
    "heldout": ({"en": 0.97, "de": 0.99, "hi": 0.99, "all": 0.99},
                {"en": 0.97, "de": 0.99, "hi": 0.99, "all": 0.99},
                {"en": 0.0, "de": 0.0, "hi": 0.0, "all": 0.0}),
    # measured once, blind: all 70.3 / 70.8 %, none flagged; after the revision that read its misses:
    # en 93.9 / 93.9 %, de 98.7 / 98.7 %, hi 98.7 / 98.7 %, all 97.0 / 97.0 %; after the revision on
    # heldout3's misses: en 95.1 %, all 97.5 %; no clean post flagged
    "heldout2": ({"en": 0.93, "de": 0.98, "hi": 0.98, "all": 0.96},
                 {"en": 0.93, "de": 0.98, "hi": 0.98, "all": 0.96},
                 {"en": 0.0, "de": 0.0, "hi": 0.0, "all": 0.0}),
    # heldout3/ (486 posts): measured once, blind: en 72.2 / 73.1 %, de 79.4 / 80.4 %, hi 83.6 / 83.6 %,
    # all 78.5 / 79.1 %; clean posts flagged en 1.4 %, de 1.5 %, hi 0 %, all 0.9 %.  After the revision
    # that read its misses (with the MIT-licensed name lists of gazetteer.py): en 90.7 / 90.7 %,
    # de 96.3 / 97.2 %, hi 96.4 / 96.4 %, all 94.5 / 94.8 %; no clean post flagged.
    "heldout3": ({"en": 0.90, "de": 0.96, "hi": 0.96, "all": 0.94},
                 {"en": 0.90, "de": 0.97, "hi": 0.96, "all": 0.94},
                 {"en": 0.0, "de": 0.0, "hi": 0.0, "all": 0.0}),
    # heldout4/ (349 posts) and heldout5/ (390 posts): written while the rules were revised against
    # heldout3's misses, by two more authors who saw neither the rules nor any other set; their misses
    # are unread.  Measured blind: the detector before that revision scored 77.4 % (1.9 % of clean posts
    # flagged) and 73.9 % (3.5 %); the revised one the figures below.
    # heldout4: en 77.8 / 79.2 %, de 77.6 / 77.6 %, hi 85.1 / 86.2 %, all 80.4 / 81.3 %;
    # clean posts flagged en 0 %, de 3.8 %, hi 3.4 %, all 2.5 %.
    "heldout4": ({"en": 0.77, "de": 0.77, "hi": 0.85, "all": 0.80},
                 {"en": 0.79, "de": 0.77, "hi": 0.86, "all": 0.81},
                 {"en": 0.0, "de": 0.04, "hi": 0.04, "all": 0.03}),
    # heldout5: en 72.3 / 72.3 %, de 81.5 / 82.6 %, hi 86.6 / 86.6 %, all 79.9 / 80.2 %;
    # clean posts flagged en 4.9 %, de 1.8 %, hi 3.7 %, all 3.5 %.
    "heldout5": ({"en": 0.72, "de": 0.81, "hi": 0.86, "all": 0.79},
                 {"en": 0.72, "de": 0.82, "hi": 0.86, "all": 0.80},
                 {"en": 0.05, "de": 0.02, "hi": 0.04, "all": 0.04}),
}
CASES = [(name, lang) for name in FLOORS for lang in ("en", "de", "hi", "all")]


def _posts(name: str) -> list[dict]:
    with (HERE / name / "posts.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def figures():
    result: dict[str, dict[str, dict[str, int]]] = {}
    for name in FLOORS:
        stats = result.setdefault(name, {})
        for post in _posts(name):
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
    return result


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_heldout_set_is_sound(name):
    posts = _posts(name)
    assert len(posts) >= 150
    assert {p["lang"] for p in posts} == {"en", "de", "hi"}
    negatives = sum(1 for p in posts if not p["spans"])
    assert 0.4 <= negatives / len(posts) <= 0.6
    for post in posts:
        for span in post["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(post["text"]), post["id"]
            assert span["type"] in CATEGORIES, (post["id"], span["type"])


@pytest.mark.parametrize("name,lang", CASES)
def test_heldout_recall_holds(figures, name, lang):
    s = figures[name][lang]
    min_same, min_any, _max_flagged = FLOORS[name]
    assert s["found"] / s["labels"] >= min_same[lang], s
    assert s["found_any"] / s["labels"] >= min_any[lang], s


@pytest.mark.parametrize("name,lang", CASES)
def test_heldout_clean_posts_stay_clean(figures, name, lang):
    s = figures[name][lang]
    assert s["flagged"] / s["clean"] <= FLOORS[name][2][lang], s


@pytest.mark.parametrize("build_script", sorted(Path(__file__).parent.glob("heldout*/build.py")),
                         ids=lambda path: path.parent.name)
def test_the_stored_set_is_what_its_build_script_writes(build_script):
    """Every stored set equals a fresh build of its marked-up posts, and its identifiers validate."""
    done = subprocess.run([sys.executable, str(build_script), "--check"], cwd=build_script.parent,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("posts: "), done.stdout

