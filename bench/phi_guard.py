"""Benchmark for the patient-data guard detector.

Run from the repository root:

    .venv/bin/python bench/phi_guard.py [--quick]

Prints
  1. accuracy on the labelled corpus (tests/privacy_guard/corpus.py): recall (a labelled
     identifier counts as found when a finding of the same type overlaps it; type-agnostic recall
     alongside) and false-positive rate (share of clean posts with any finding), per language and
     overall, plus recall per type and the list of misses;
  2. the median time to scan a realistic 2,000-character post;
  3. scan time at 1k..50k characters for realistic text and adversarial inputs, with the time
     per 1,000 characters, which stays flat when scanning is linear.

Timings are wall-clock on a possibly shared machine; each figure is the best of a few runs (the
median over many posts for the 2k figure) to damp noise from other processes.
"""
from __future__ import annotations

import importlib.util
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forum.privacy_guard.detector import scan  # noqa: E402


def _load_corpus():
    spec = importlib.util.spec_from_file_location("phi_corpus", ROOT / "tests" / "privacy_guard" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


TARGET_RECALL = 0.95
TARGET_FP = 0.05
TARGET_2K_MS = 2.0
SIZES = (1_000, 5_000, 10_000, 25_000, 50_000)
EXTRA_SIZE = 100_000  # one more column, to show the per-1k time levelling off


def accuracy(corpus_mod) -> dict:
    result = corpus_mod.evaluate(scan)
    stats = result["stats"]
    print("== Accuracy on the labelled corpus "
          f"({len(corpus_mod.CORPUS)} posts: {sum(1 for p in corpus_mod.CORPUS if p.labels)} with identifiers, "
          f"{sum(1 for p in corpus_mod.CORPUS if not p.labels)} hard negatives)")
    print(f"{'language':<9}{'labels':>7}{'recall':>9}{'recall(any type)':>18}{'clean posts':>13}{'FP rate':>9}")
    for lang in (*corpus_mod.LANGUAGES, "all"):
        s = stats[lang]
        print(f"{lang:<9}{s['labels']:>7}{s['recall']:>9.1%}{s['recall_any']:>18.1%}{s['clean']:>13}{s['fp_rate']:>9.1%}")
    per_type: dict[str, list[int]] = {}
    missed_ids = {(m[0], m[2]) for m in result["misses"]}
    for post in corpus_mod.CORPUS:
        for sub, typ in post.labels:
            hit = (post.id, sub) not in missed_ids
            per_type.setdefault(typ, [0, 0])[0] += hit
            per_type[typ][1] += 1
    print("recall per type: " + ", ".join(f"{t} {h}/{n}" for t, (h, n) in sorted(per_type.items())))
    if result["misses"]:
        print("misses (post, type, label, overlapping finding types):")
        for post_id, typ, sub, got in result["misses"]:
            print(f"  {post_id:<8} {typ:<16} {sub!r} {got}")
    for post_id, found in result["false_positives"]:
        print(f"  false positive in {post_id}: {found}")
    overall = stats["all"]
    print(f"targets: recall >= {TARGET_RECALL:.0%}: {'PASS' if overall['recall'] >= TARGET_RECALL else 'FAIL'}; "
          f"false positives <= {TARGET_FP:.0%}: {'PASS' if overall['fp_rate'] <= TARGET_FP else 'FAIL'}")
    return stats


# ------------------------------------------------------------------ inputs

def realistic_text(corpus_mod, n: int, rng: random.Random, identifier_share: float = 0.2) -> str:
    """A long clinical post: mostly clinical discussion (hard negatives), some posts that carry
    identifiers, in all three languages, joined as paragraphs."""
    clean = [p.text for p in corpus_mod.CORPUS if not p.labels]
    dirty = [p.text for p in corpus_mod.CORPUS if p.labels]
    parts, length = [], 0
    while length < n:
        t = rng.choice(dirty if rng.random() < identifier_share else clean)
        parts.append(t)
        length += len(t) + 2
    return "\n\n".join(parts)[:n]


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


ADVERSARIAL = {
    "digit run": lambda n: _repeat("1234567890", n),
    "spaced digits": lambda n: _repeat("12 34 5 ", n),
    "capitalised words": lambda n: _repeat("Anna Maria Schmidt Berlin ", n),
    "'Mr Mr Mr'": lambda n: _repeat("Mr ", n),
    "'Frau Herr Patient'": lambda n: _repeat("Frau Herr Patient Pat. ", n),
    "dots/dashes/slashes": lambda n: _repeat("./-", n),
    "dotted numbers": lambda n: _repeat("1.2.", n),
    "unbroken word": lambda n: "a" * n,
    "many '@'": lambda n: _repeat("a@", n),
    "many '?='": lambda n: _repeat("?id=", n),
    "colons/hex": lambda n: _repeat("a1:", n),
    "keywords, no value": lambda n: _repeat("MRN serial DOB geb. UHID Kennzeichen ", n),
    "Devanagari": lambda n: _repeat("मरीज़ श्री नाम रोगी सेक्टर ", n),
}


_BASELINE_RE = re.compile(r"[0-9]{2,}|[A-Z][a-z]+")


def _baseline(text: str) -> None:
    """A strictly linear workload (lower-casing plus three regex passes) to show how this machine's
    caches alone change the time per 1k characters as the input grows."""
    low = text.lower()
    for source in (text, low, text):
        _BASELINE_RE.findall(source)


def time_scan(text: str, repeat: int = 3, fn=scan) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def timing(corpus_mod, quick: bool) -> None:
    rng = random.Random(20240601)
    posts = [realistic_text(corpus_mod, 2_000, rng) for _ in range(60 if quick else 200)]
    for p in posts[:10]:  # warm-up (phonenumbers loads region metadata lazily)
        scan(p)
    per_post = [time_scan(p) * 1000 for p in posts]
    median = statistics.median(per_post)
    p95 = sorted(per_post)[int(len(per_post) * 0.95) - 1]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n== Realistic 2,000-character posts ({len(posts)} posts, ~20% of paragraphs carry identifiers; "
          f"load average {load:.1f})")
    print(f"median {median:.2f} ms, 95th percentile {p95:.2f} ms  "
          f"(target < {TARGET_2K_MS:.0f} ms: {'PASS' if median < TARGET_2K_MS else 'FAIL'})")

    print("\n== Scaling: best-of-5 scan time in ms, and ms per 1,000 characters in brackets")
    inputs = {"realistic text": lambda n: realistic_text(corpus_mod, n, random.Random(n))}
    inputs.update(ADVERSARIAL)
    inputs["(linear baseline)"] = lambda n: realistic_text(corpus_mod, n, random.Random(n))
    sizes = SIZES[:3] if quick else SIZES + (EXTRA_SIZE,)
    header = (f"{'input':<20}" + "".join(f"{f'{n // 1000}k':>17}" for n in sizes)
              + f"{'1k->50k':>9}{'10k->' + str(sizes[-1] // 1000) + 'k':>10}")
    print(header)
    worst = 0.0
    for name, make in inputs.items():
        cells, per_k = [], []
        for n in sizes:
            fn = _baseline if name == "(linear baseline)" else scan
            t = time_scan(make(n), repeat=5, fn=fn) * 1000
            per_k.append(t / (n / 1000))
            cells.append(f"{t:8.2f} ({per_k[-1]:5.3f})")
        by_size = dict(zip(sizes, per_k))
        early = by_size.get(50_000, per_k[-1]) / per_k[0]
        late = per_k[-1] / by_size[10_000]
        if name != "(linear baseline)":
            worst = max(worst, late)
        print(f"{name:<20}" + "".join(f"{c:>17}" for c in cells) + f"{early:>8.2f}x{late:>9.2f}x")
    print("The last two columns divide the time per 1k characters at the larger size by that at the smaller\n"
          "one; ~1 means linear.  '(linear baseline)' is not the guard but lower-casing plus three regex passes\n"
          "over the same text: its ratios show what CPU caches (and other load on this machine) alone do to a\n"
          "strictly linear workload once the text no longer fits in cache.  Worst guard ratio from 10k to the\n"
          f"largest size: {worst:.2f}x; a quadratic pattern would show {sizes[-1] // 10_000}x there, an "
          "exponential one would not finish.")


def main() -> None:
    quick = "--quick" in sys.argv
    corpus_mod = _load_corpus()
    accuracy(corpus_mod)
    timing(corpus_mod, quick)


if __name__ == "__main__":
    main()
