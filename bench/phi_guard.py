"""Benchmark for the patient-data guard detector.

Run from the repository root:

    .venv/bin/python bench/phi_guard.py [--quick]

Prints
  1. accuracy on the labelled corpus (tests/privacy_guard/corpus.py): recall (a labelled
     identifier counts as found when a finding of the same type overlaps it; type-agnostic recall
     alongside) and false-positive rate (share of clean posts with any finding), per language and
     overall, plus recall per type and the list of misses;
  2. before, previous and after, on six sets: the tuning corpus, the first and second held-out
     sets (tests/privacy_guard/heldout/ and heldout2/, each read while revising the rules after it
     was measured blind, so tuning material for both "previous" and "after") and the third
     (tests/privacy_guard/heldout3/, written while the rules were revised against the second: blind
     for "previous", read while revising the rules after it, so tuning material for "after") and the
     fourth and fifth (heldout4/ and heldout5/, written while the rules were revised against the
     third: blind for every detector, their misses never read), each
     measured with the detector as it was at commit ebe5c0f ("before", the original detector), at
     a7b5f8d ("previous": the detector that was measured blind on the third set) -- both checked out
     from git into a temporary directory outside the repository -- and the current one ("after"),
     per language.  Only figures per language and per type are printed for the held-out sets,
     never their misses;
  3. the median time to scan a realistic 2,000-character post, before, previous and after;
  4. scan time at 1k..50k characters for realistic text and adversarial inputs, with the time
     per 1,000 characters, which stays flat when scanning is linear.

Timings are wall-clock on a possibly shared machine; each figure is the best of a few runs (the
median over many posts for the 2k figure) to damp noise from other processes.
"""
from __future__ import annotations

import importlib
import importlib.util
import json
import os
import subprocess
import tempfile
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


TARGET_RECALL = 0.98
TARGET_FP = 0.02
HELDOUT_TARGET_RECALL = 0.95
HELDOUT_TARGET_FP = 0.03
TARGET_2K_MS = 2.0
BEFORE_COMMIT = "ebe5c0f"
HELDOUT = ROOT / "tests" / "privacy_guard" / "heldout" / "posts.jsonl"
HELDOUT2 = ROOT / "tests" / "privacy_guard" / "heldout2" / "posts.jsonl"
HELDOUT3 = ROOT / "tests" / "privacy_guard" / "heldout3" / "posts.jsonl"
HELDOUT4 = ROOT / "tests" / "privacy_guard" / "heldout4" / "posts.jsonl"
HELDOUT5 = ROOT / "tests" / "privacy_guard" / "heldout5" / "posts.jsonl"
# The detector measured blind on the third held-out set, before the revision that read its misses.
PREVIOUS_COMMIT = "a7b5f8d"


def load_before_scan():
    """The detector as it was before the held-out work, imported from a temporary directory
    outside the repository (git show of its two files), or None when git cannot provide it."""
    target = Path(tempfile.mkdtemp(prefix="phi_guard_before_"))
    package = target / "phi_guard_before"
    package.mkdir()
    try:
        for name in ("detector.py", "patterns.py"):
            source = subprocess.run(["git", "-C", str(ROOT), "show", f"{BEFORE_COMMIT}:forum/privacy_guard/{name}"],
                                    check=True, capture_output=True, text=True).stdout
            (package / name).write_text(source, encoding="utf-8")
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"(no 'before' detector: {error})")
        return None
    (package / "__init__.py").write_text("", encoding="utf-8")
    sys.path.insert(0, str(target))
    return importlib.import_module("phi_guard_before.detector").scan


def load_previous_scan():
    """The detector package as it was at PREVIOUS_COMMIT, imported from a temporary directory."""
    target = Path(tempfile.mkdtemp(prefix="phi_guard_previous_"))
    package = target / "phi_guard_previous"
    package.mkdir()
    try:
        names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", PREVIOUS_COMMIT,
                                "forum/privacy_guard/detector/"], check=True, capture_output=True,
                               text=True).stdout.split()
        for path in names:
            source = subprocess.run(["git", "-C", str(ROOT), "show", f"{PREVIOUS_COMMIT}:{path}"],
                                    check=True, capture_output=True, text=True).stdout
            (package / Path(path).name).write_text(source, encoding="utf-8")
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"(no 'previous' detector: {error})")
        return None
    sys.path.insert(0, str(target))
    return importlib.import_module("phi_guard_previous").scan


def load_heldout(path: Path = HELDOUT) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate_spans(scan_fn, posts: list[dict]) -> dict:
    """Recall (same type / any type) and clean posts flagged, per language and overall, plus
    recall per type, for posts given as {"lang", "text", "spans": [{"start", "end", "type"}]}."""
    langs = sorted({p["lang"] for p in posts})
    stats = {lang: {"labels": 0, "found": 0, "found_any": 0, "clean": 0, "clean_flagged": 0} for lang in langs}
    per_type: dict[str, list[int]] = {}
    for post in posts:
        findings = scan_fn(post["text"])
        s = stats[post["lang"]]
        if not post["spans"]:
            s["clean"] += 1
            s["clean_flagged"] += bool(findings)
            continue
        for span in post["spans"]:
            start, end, typ = span["start"], span["end"], span["type"]
            overlapping = [f for f in findings if f.start < end and start < f.end]
            s["labels"] += 1
            s["found_any"] += bool(overlapping)
            hit = any(f.type == typ for f in overlapping)
            s["found"] += hit
            per_type.setdefault(typ, [0, 0])[0] += hit
            per_type[typ][1] += 1
    stats["all"] = {k: sum(s[k] for s in stats.values()) for k in ("labels", "found", "found_any", "clean",
                                                                     "clean_flagged")}
    for s in stats.values():
        s["recall"] = s["found"] / s["labels"] if s["labels"] else 1.0
        s["recall_any"] = s["found_any"] / s["labels"] if s["labels"] else 1.0
        s["fp_rate"] = s["clean_flagged"] / s["clean"] if s["clean"] else 0.0
    return {"stats": stats, "per_type": per_type}


def corpus_as_spans(corpus_mod) -> list[dict]:
    posts = []
    for post in corpus_mod.CORPUS:
        spans = [{"start": a, "end": b, "type": t} for a, b, t, _sub in corpus_mod.label_spans(post)]
        posts.append({"lang": post.lang, "text": post.text, "spans": spans})
    return posts


def before_and_after(corpus_mod, before_scan, previous_scan=None) -> None:
    sets = [("tuning corpus", corpus_as_spans(corpus_mod), TARGET_RECALL, TARGET_FP),
            ("held-out set 1 (tuning material for 'previous' and 'after')", load_heldout(HELDOUT),
             HELDOUT_TARGET_RECALL, HELDOUT_TARGET_FP),
            ("held-out set 2 (tuning material for 'previous' and 'after')", load_heldout(HELDOUT2),
             HELDOUT_TARGET_RECALL, HELDOUT_TARGET_FP),
            ("held-out set 3 (blind for 'previous'; tuning material for 'after')",
             load_heldout(HELDOUT3), HELDOUT_TARGET_RECALL, HELDOUT_TARGET_FP),
            ("held-out set 4 (blind for every detector)", load_heldout(HELDOUT4),
             HELDOUT_TARGET_RECALL, HELDOUT_TARGET_FP),
            ("held-out set 5 (blind for every detector)", load_heldout(HELDOUT5),
             HELDOUT_TARGET_RECALL, HELDOUT_TARGET_FP)]
    detectors = [("before", before_scan)] if before_scan else []
    if previous_scan:
        detectors.append(("previous", previous_scan))
    detectors.append(("after", scan))
    for title, posts, target_recall, target_fp in sets:
        clean = sum(1 for p in posts if not p["spans"])
        print(f"\n== {title}: {len(posts)} posts, {sum(len(p['spans']) for p in posts)} labelled identifiers, "
              f"{clean} clean posts -- before ({BEFORE_COMMIT}), previous ({PREVIOUS_COMMIT}) and after")
        print(f"{'detector':<9}{'language':<9}{'labels':>7}{'recall':>9}{'recall(any type)':>18}{'clean':>7}"
              f"{'flagged':>9}")
        results = {}
        for name, fn in detectors:
            result = evaluate_spans(fn, posts)
            results[name] = result
            for lang, s in result["stats"].items():
                print(f"{name:<9}{lang:<9}{s['labels']:>7}{s['recall']:>9.1%}{s['recall_any']:>18.1%}"
                      f"{s['clean']:>7}{s['fp_rate']:>9.1%}")
        for name, result in results.items():
            print(f"recall per type ({name}): " + ", ".join(
                f"{t} {h}/{n}" for t, (h, n) in sorted(result["per_type"].items())))
        overall = results["after"]["stats"]["all"]
        print(f"targets (after): recall >= {target_recall:.0%}: "
              f"{'PASS' if overall['recall'] >= target_recall else 'FAIL'} ({overall['recall']:.1%}); "
              f"clean posts flagged <= {target_fp:.0%}: {'PASS' if overall['fp_rate'] <= target_fp else 'FAIL'} "
              f"({overall['fp_rate']:.1%})")
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
    "Devanagari digits": lambda n: _repeat("१२ ३४५ ", n),
    "digits, zero-width": lambda n: _repeat("1\u200b2\u00ad", n),
    "single spaced digits": lambda n: _repeat("5 ", n),
    "digit words": lambda n: _repeat("nine five zero ", n),
    "'Name, 42'": lambda n: _repeat("Ab Cd, 42", n),
    "titles": lambda n: _repeat("Herr Dr. Prof. ", n),
    "IBAN-like": lambda n: _repeat("DE89 3704 ", n),
    "'#' prefixes": lambda n: _repeat("Ref#1", n),
    "ages in words": lambda n: _repeat("ninety-nine dreiundneunzig नब्बे ", n),
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


def timing(corpus_mod, quick: bool, before_scan=None, previous_scan=None) -> None:
    rng = random.Random(20240601)
    posts = [realistic_text(corpus_mod, 2_000, rng) for _ in range(60 if quick else 200)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n== Realistic 2,000-character posts ({len(posts)} posts, ~20% of paragraphs carry identifiers; "
          f"load average {load:.1f}; the detectors measured alternately in the same run)")
    detectors = ([("before", before_scan)] if before_scan else []) + (
        [("previous", previous_scan)] if previous_scan else []) + [("after", scan)]
    for _name, fn in detectors:
        for p in posts[:10]:  # warm-up (phonenumbers loads region metadata lazily)
            fn(p)
    per_post: dict[str, list[float]] = {name: [] for name, _fn in detectors}
    for p in posts:
        for name, fn in detectors:
            per_post[name].append(time_scan(p, fn=fn) * 1000)
    for name, times in per_post.items():
        median = statistics.median(times)
        p95 = sorted(times)[int(len(times) * 0.95) - 1]
        verdict = f"  (target <= {TARGET_2K_MS:.0f} ms: {'PASS' if median <= TARGET_2K_MS else 'FAIL'})" if name == "after" else ""
        print(f"{name:<7} median {median:.2f} ms, 95th percentile {p95:.2f} ms{verdict}")

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
    before_scan = load_before_scan()
    accuracy(corpus_mod)
    previous_scan = load_previous_scan()
    before_and_after(corpus_mod, before_scan, previous_scan)
    timing(corpus_mod, quick, before_scan, previous_scan)


if __name__ == "__main__":
    main()
