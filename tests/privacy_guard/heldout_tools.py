"""What every held-out set's build.py shares: marker parsing, check digits and the build/check run.

Each set's build.py keeps its own posts, its own de-obfuscation (each author used different number
words and look-alikes) and its own validation rules; only code that was identical in every set lives
here, so that a fix reaches every set at once.
"""
import collections
import json
import re
import sys

# Look-alike letters (Cyrillic and Greek capitals) that the sets use to disguise identifiers.
CONFUSABLE = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "Х": "X", "Α": "A", "Β": "B", "Ε": "E",
    "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}

MARK = re.compile(r"\[\[([a-z_]+):(.*?)\]\]")

# US Medicare Beneficiary Identifier: the format CMS publishes (no check digit exists).
MBI = re.compile(r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d\d")


def strip_markers(marked):
    """The post's plain text and its spans, from text with [[type:value]] markers."""
    out, spans, pos = [], [], 0
    plain_len = 0
    for m in MARK.finditer(marked):
        before = marked[pos:m.start()]
        out.append(before)
        plain_len += len(before)
        typ, value = m.group(1), m.group(2)
        spans.append({"start": plain_len, "end": plain_len + len(value), "type": typ})
        out.append(value)
        plain_len += len(value)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    assert "[[" not in text and "]]" not in text, marked
    return text, spans


def kvnr_ok(v):
    """German health-insurance number (KVNR): letter, nine digits, the last a check digit."""
    if not re.fullmatch(r"[A-Z]\d{9}", v):
        return False
    s = "%02d" % (ord(v[0]) - 64) + v[1:9]
    tot = 0
    for i, ch in enumerate(s):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        tot += p // 10 + p % 10
    return tot % 10 == int(v[9])


def build_rows(posts):
    """posts.jsonl rows from (lang, class, marked text) tuples, numbered per language."""
    rows, counters = [], collections.Counter()
    for lang, cls, marked in posts:
        counters[lang] += 1
        text, spans = strip_markers(marked)
        rows.append({"id": "%s-%03d" % (lang, counters[lang]), "lang": lang,
                     "text": text, "spans": spans, "class": cls})
    return rows


def run(out_path, posts, validate, report, argv=None):
    """Write posts.jsonl, or with --check verify that the stored file equals a fresh build; both validate."""
    argv = sys.argv if argv is None else argv
    if "--check" in argv:
        with open(out_path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        if rows != build_rows(posts):
            print("posts.jsonl differs from build.py output")
            sys.exit(1)
    else:
        rows = build_rows(posts)
    errors = validate(rows)
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    if "--check" not in argv:
        with open(out_path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    report(rows)


def report(rows):
    """Counts per language, type and class, as the READMEs give them."""
    by_lang = collections.Counter(r["lang"] for r in rows)
    pos = collections.Counter(r["lang"] for r in rows if r["spans"])
    neg = collections.Counter(r["lang"] for r in rows if not r["spans"])
    types = collections.Counter((s["type"]) for r in rows for s in r["spans"])
    types_lang = collections.Counter((r["lang"], s["type"]) for r in rows for s in r["spans"])
    classes = collections.Counter(r["class"] for r in rows)
    print("posts: %d (positive %d, negative %d)" % (len(rows), sum(pos.values()), sum(neg.values())))
    for lang in ("en", "de", "hi"):
        print("  %s: %d (positive %d, negative %d)" % (lang, by_lang[lang], pos[lang], neg[lang]))
    print("spans: %d" % sum(types.values()))
    for t, n in sorted(types.items(), key=lambda x: (-x[1], x[0])):
        print("  %-17s %3d   en %2d  de %2d  hi %2d" % (t, n, types_lang[("en", t)], types_lang[("de", t)], types_lang[("hi", t)]))
    print("classes: %d" % len(classes))
    for c, n in sorted(classes.items()):
        print("  %-34s %d" % (c, n))
