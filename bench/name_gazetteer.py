"""What the name gazetteer (forum/privacy_guard/detector/gazetteer.py) adds, and what it costs.

Run from the repository root:

    .venv/bin/python bench/name_gazetteer.py [-v]

Prints, side by side with the gazetteer off and on, on the tuning material only (the labelled
corpus and held-out sets 1-3): recall, patient_name recall and clean posts flagged; then the
memory the name lists take (RSS after loading them, in a fresh process, minus RSS before), the time
to load them, and the median time to scan a realistic 2,000-character post with and without.
With -v, the patient names each setting finds or misses, and the clean posts the gazetteer flags.
With --lists DIR, the name lists are read from DIR (names_first.txt, names_last.txt) instead of the
shipped ones: how the evaluation of other sources (a frequency cut of names-dataset) was done.
"""
from __future__ import annotations

import random
import statistics
import subprocess
import time
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from forum.privacy_guard.detector import GuardConfig, gazetteer, scan  # noqa: E402
from phi_guard import HELDOUT, HELDOUT2, HELDOUT3, _load_corpus, load_heldout, realistic_text  # noqa: E402

OFF = GuardConfig(name_gazetteer=False)
ON = GuardConfig(name_gazetteer=True)


def _corpus_posts() -> list[dict]:
    corpus = _load_corpus()
    posts = []
    for post in corpus.CORPUS:
        spans = [{"start": s, "end": e, "type": t} for s, e, t, _sub in corpus.label_spans(post)]
        posts.append({"id": post.id, "lang": post.lang, "text": post.text, "spans": spans})
    return posts


def measure(posts: list[dict], config: GuardConfig) -> dict:
    r = {"labels": 0, "found": 0, "names": 0, "names_found": 0, "clean": 0, "clean_flagged": 0,
         "name_hits": [], "fps": []}
    for post in posts:
        findings = scan(post["text"], config)
        if not post["spans"]:
            r["clean"] += 1
            if findings:
                r["clean_flagged"] += 1
                r["fps"].append((post["id"], [(f.type, post["text"][f.start:f.end]) for f in findings]))
            continue
        for span in post["spans"]:
            hit = any(f.type == span["type"] and f.start < span["end"] and span["start"] < f.end for f in findings)
            r["labels"] += 1
            r["found"] += hit
            if span["type"] == "patient_name":
                r["names"] += 1
                r["names_found"] += hit
                r["name_hits"].append((post["id"], post["text"][span["start"]:span["end"]], hit))
    return r


_MEMORY = """
import gc, resource, sys, time, tracemalloc
from pathlib import Path
def rss():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * resource.getpagesize()
import forum.privacy_guard.detector.gazetteer as g
if len(sys.argv) > 1:
    g._DATA = Path(sys.argv[1])
gc.collect(); before = rss(); tracemalloc.start(); t = time.perf_counter()
first, last = g.name_lists()
took = time.perf_counter() - t; held = tracemalloc.get_traced_memory()[0]; tracemalloc.stop(); gc.collect()
print(len(first), len(last), (rss() - before) / 1e6, held / 1e6, took * 1000)
"""


def main() -> None:
    verbose = "-v" in sys.argv
    lists = sys.argv[sys.argv.index("--lists") + 1] if "--lists" in sys.argv else None
    if lists:
        gazetteer._DATA = Path(lists)
        gazetteer.name_lists.cache_clear()
        print(f"name lists from {lists}")
    sets = [("corpus", _corpus_posts()), ("held-out 1", load_heldout(HELDOUT)),
            ("held-out 2", load_heldout(HELDOUT2)), ("held-out 3", load_heldout(HELDOUT3))]
    print(f"{'set':<11} {'recall off':>10} {'on':>7} {'names off':>10} {'on':>7} {'clean flagged off':>18} {'on':>8}")
    for name, posts in sets:
        off, on = measure(posts, OFF), measure(posts, ON)
        print(f"{name:<11} {off['found'] / off['labels']:>10.1%} {on['found'] / on['labels']:>7.1%} "
              f"{off['names_found'] / off['names']:>10.1%} {on['names_found'] / on['names']:>7.1%} "
              f"{off['clean_flagged']:>11}/{off['clean']:<6} {on['clean_flagged']:>4}/{on['clean']}"
              f"   ({off['names_found']}->{on['names_found']} of {on['names']} names)")
        if verbose:
            for (pid, sub, h0), (_p, _s, h1) in zip(off["name_hits"], on["name_hits"]):
                if h1 and not h0:
                    print(f"    + {pid}: {sub}")
                elif not h1:
                    print(f"    - {pid}: {sub}")
            new_fps = {pid for pid, _ in on["fps"]} - {pid for pid, _ in off["fps"]}
            for pid, found in on["fps"]:
                if pid in new_fps:
                    print(f"    FP {pid}: {found}")
    out = subprocess.run([sys.executable, "-c", _MEMORY] + ([str(Path(lists).resolve())] if lists else []), cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    n_first, n_last, rss_mb, held_mb, ms = out.split()
    print(f"name lists: {n_first} first + {n_last} last names; memory held {float(held_mb):.1f} MB "
          f"(tracemalloc), RSS +{float(rss_mb):.1f} MB; loaded in {float(ms):.0f} ms (on first scan)")
    corpus = _load_corpus()
    rng = random.Random(20240601)  # the same posts bench/phi_guard.py times
    texts = [realistic_text(corpus, 2_000, rng) for _ in range(200)]
    for t in texts[:10]:
        scan(t, OFF), scan(t, ON)
    # Wall-clock (as bench/phi_guard.py) and CPU time of this process (less disturbed by other load on a
    # shared machine); each post is scanned off and on alternately, best of 3.
    for clock_name, clock in (("wall-clock", time.perf_counter), ("CPU time", time.process_time)):
        per: dict[str, list[float]] = {"off": [], "on": []}
        for t in texts:
            for label, config in (("off", OFF), ("on", ON)):
                best = float("inf")
                for _ in range(3):
                    t0 = clock()
                    scan(t, config)
                    best = min(best, clock() - t0)
                per[label].append(best * 1000)
        off, on = statistics.median(per["off"]), statistics.median(per["on"])
        print(f"2,000-character posts ({len(texts)}), median {clock_name}: gazetteer off {off:.2f} ms, "
              f"on {on:.2f} ms (+{on - off:.2f} ms)")
    print("posts full of names (CPU ms per 1,000 characters at 5k and 50k characters; flat = linear):")
    for unit in ADVERSARIAL:
        row = []
        for n in (5_000, 50_000):
            text = (unit * (n // len(unit) + 1))[:n]
            for config in (ON, OFF):
                best = float("inf")
                for _ in range(3):
                    t0 = time.process_time()
                    scan(text, config)
                    best = min(best, time.process_time() - t0)
                row.append(best * 1000 / (n / 1000))
        print(f"  {unit!r:34} on {row[0]:.2f} -> {row[2]:.2f}   (off {row[1]:.2f} -> {row[3]:.2f})")


ADVERSARIAL = ("Nathan Brooks 45m, ", "Anna Schmidt Klaus Weber ", "pt is maria gonzalez ", "सुनीता शर्मा को ",
               "Brooks साहब ", "Rebecca Holloway was admitted. ")


if __name__ == "__main__":
    main()
