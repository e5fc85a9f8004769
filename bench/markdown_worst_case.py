"""How long the markdown renderer (Python-Markdown + bleach, forum.markup.render_markdown) takes on
pathological input, by family and size; which families grow faster than linearly; and whether any
text that passes the pre-check (check_complexity) takes longer than the budget to render.

    .venv/bin/python bench/markdown_worst_case.py            # every family, 1k to 50k characters
    .venv/bin/python bench/markdown_worst_case.py --family brackets --family quotes-deep

Prints one row per family: seconds per size ("refused" when the pre-check turns the text away),
the largest size of that family the pre-check accepts ("limit") and the seconds it takes there
(the worst case a member can post), the growth exponent between 10k and 50k (1.0 is linear) and a
verdict; then every pre-check message seen. Exits with status 1 when an accepted text took longer
than --budget seconds.
"""
from __future__ import annotations

import argparse
import math
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forum.markup import MarkupTooComplex, check_complexity, render_markdown  # noqa: E402

SIZES = (1_000, 5_000, 10_000, 25_000, 50_000)
BODY_MAX = 50_000


def repeat(unit: str):
    """A family made of one unit repeated to the size."""
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def lines(make_line):
    """A family of numbered lines, cut to the size."""
    def build(size: int) -> str:
        out, index, total = [], 0, 0
        while total < size:
            line = make_line(index) + "\n"
            out.append(line)
            total += len(line)
            index += 1
        return "".join(out)[:size]
    return build


def nested_quotes(size: int) -> str:
    depth = 12  # the deepest the pre-check accepts
    return lines(lambda i: "> " * (i % depth + 1) + "quoted text")(size)


def nested_lists(size: int) -> str:
    depth = 12
    return lines(lambda i: "  " * (i % depth) + "- item")(size)


def mixed_lists_and_quotes(size: int) -> str:
    return lines(lambda i: "> " * (i % 6) + "  " * (i % 5) + ("- " if i % 2 else "1. ") + "x")(size)


def reference_definitions(size: int) -> str:
    count = size // 40
    defs = "".join(f"[r{i}]: http://example.org/{i}\n" for i in range(count))
    uses = " ".join(f"[x][r{i}]" for i in range(count))
    return (uses + "\n\n" + defs)[:size]


def undefined_references(size: int) -> str:
    return repeat("[a][b] ")(size)


def random_markers(size: int) -> str:
    rng = random.Random(7)
    return "".join(rng.choice("*_`[]()<>&!#|\\~ a\n") for _ in range(size))


def random_markers_spaced(size: int) -> str:
    rng = random.Random(11)
    out = []
    for index in range(size):
        out.append(rng.choice("*_`[]()<>&!| ") if index % 3 else "w")
    return "".join(out)


def wide_table(size: int) -> str:
    columns = 200
    row = "|" + "a|" * columns + "\n"
    head = "|" + "-|" * columns + "\n"
    return (row + head + row * (size // len(row)))[:size]


def long_table(size: int) -> str:
    return ("| a | b | c |\n|---|---|---|\n" + "| 1 | 2 | 3 |\n" * (size // 14))[:size]


def fenced_code(size: int) -> str:
    body = "def dose(weight, factor):\n    if weight < 40 and factor & 1:\n        return [w * f for w in (weight,)]  # *x* _y_\n"
    return ("```python\n" + body * (size // len(body)))[: size - 4] + "\n```"


def realistic_post(size: int) -> str:
    unit = ("## Handover after night shift\n\nWe changed three things:\n\n1. **Pending results** go first.\n"
            "2. Every *open question* gets an owner.\n3. See the [SBAR guide](https://example.org/sbar).\n\n"
            "| drug | dose | route |\n|---|---|---|\n| apixaban | 5 mg | oral |\n| heparin | 5000 IU | s.c. |\n\n"
            "> What do you do when the night team is short-staffed?\n\nThanks, @colleague. Use `SBAR`.\n\n")
    return repeat(unit)(size)


def random_words_and_markers(seed: int):
    def build(size: int) -> str:
        rng = random.Random(seed)
        pieces = ["word", "[", "]", "(", ")", "*", "_", "`", "!", "<", ">", "&", "#", "|", "\\", "~", " ", "\n",
                  "\n\n", "- ", "1. ", "> ", "http://x.org", "](", "![", "**", "__", "---", "  "]
        out, total = [], 0
        while total < size:
            piece = rng.choice(pieces)
            out.append(piece)
            total += len(piece)
        return "".join(out)[:size]
    return build


FAMILIES = {
    "prose (baseline)": repeat("The patient was stable overnight and we stopped the infusion. "),
    "markdown mix (baseline)": repeat("**Bold** and *emphasis*, `code`, [a link](https://example.org).\n\n- a list\n> quote\n\n"),
    "brackets [": repeat("["),
    "brackets ]": repeat("]"),
    "brackets [] pairs": repeat("[]"),
    "brackets [a] words": repeat("[a] "),
    "unclosed links [a](": repeat("[a]("),
    "unclosed link targets": repeat("[a](b "),
    "parentheses (": repeat("("),
    "image openers ![": repeat("!["),
    "emphasis *": repeat("*"),
    "emphasis _": repeat("_"),
    "emphasis *a": repeat("*a"),
    "emphasis **a": repeat("**a"),
    "emphasis _a_ mix": repeat("_a*b_ "),
    "emphasis ***": repeat("*** "),
    "strong __a": repeat("__a "),
    "backticks `": repeat("`"),
    "backticks `a": repeat("`a"),
    "backticks ``a`": repeat("``a` "),
    "backslashes": repeat("\\"),
    "backslash-escaped markers": repeat("\\*\\_\\[\\`"),
    "angle brackets <": repeat("<"),
    "angle tags <a": repeat("<a "),
    "ampersands &": repeat("&"),
    "entities &#x41;": repeat("&#x41;"),
    "autolinks <http://": repeat("<http://a.b "),
    "bare urls": repeat("www.example.org/a "),
    "one long url": lambda size: ("http://example.org/" + "a" * size)[:size],
    "one long word": repeat("a"),
    "quotes >": repeat(">"),
    "quotes deep (12 levels)": nested_quotes,
    "lists deep (12 levels)": nested_lists,
    "lists and quotes mixed": mixed_lists_and_quotes,
    "list markers only": lines(lambda i: "- "),
    "headings #": repeat("#"),
    "heading lines": lines(lambda i: "# h"),
    "setext underlines": lines(lambda i: "a\n===" if i % 2 else "b\n---"),
    "hr lines": lines(lambda i: "---"),
    "newlines only": repeat("\n"),
    "short lines (nl2br)": repeat("a\n"),
    "pipes |": repeat("|"),
    "wide table (200 columns)": wide_table,
    "long table": long_table,
    "fenced openers ```": lines(lambda i: "```"),
    "tildes ~": repeat("~"),
    "reference definitions and uses": reference_definitions,
    "undefined references": undefined_references,
    "html-looking text": repeat("<b>bold</b> <i onclick=x>"),
    "random markers": random_markers,
    "random markers between words": random_markers_spaced,
    "unclosed [a": repeat("[a"),
    "unclosed ![a": repeat("![a"),
    "unclosed (a": repeat("(a"),
    "balanced nesting [a ... ]a": lambda size: "[a" * (size // 4) + "]a" * (size // 4),
    "links closed": repeat("[x](http://example.org/c) "),
    "images closed": repeat("![x](http://example.org/b.png) "),
    "emphasis ***a***": repeat("***a*** "),
    "html comments <!--": repeat("<!-- "),
    "mentions": repeat("@colleague "),
    "flat quotes": lines(lambda i: "> quoted line of text"),
    "ordered list": lines(lambda i: f"{i + 1}. item text"),
    "code block": fenced_code,
    "realistic post": realistic_post,
    # Shapes from an outside security test: a line of blanks made the list pre-check backtrack
    # exponentially; hyphenated digits made bleach's link detection quadratic.
    "blanks then a letter": lambda size: " " * (size - 1) + "x",
    "tabs then a letter": lambda size: "\t" * (size - 1) + "x",
    "blank lines of 42 blanks": repeat(" " * 42 + "x\n"),
    "blanks before list markers": lines(lambda i: " " * (i % 60) + "- x"),
    "quote markers with gaps": lines(lambda i: ">    " * (i % 14) + "x"),
    "hyphenated digits 1-2-3": lambda size: "-".join(str(i % 10) for i in range(size // 2 + 1))[:size],
    "hyphenated words a-b-c": repeat("ab-"),
    "dotted digits 1.2.3": repeat("1."),
    "dotted labels a.a.a": repeat("a."),
    "dotted hyphen labels a-b.c-d": repeat("a-b."),
    "domains without tld": repeat("example.invalid "),
    "many bare links": repeat("example.org "),
    "e-mail shapes": repeat("a.b@c.d-e.org "),
    "e-mail shapes glued": repeat("a@b."),
    "url with long path": lambda size: ("https://example.org/" + "a/b-c." * size)[:size],
    "protocols without host": repeat("http:// "),
    **{f"random words and markers #{seed}": random_words_and_markers(seed) for seed in range(1, 9)},
}


def measure(source: str, budget: float) -> tuple[str, float | None, str]:
    """(status, seconds, message): status is "ok" or "refused"."""
    try:
        check_complexity(source)
    except MarkupTooComplex as error:
        return "refused", None, str(error)
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        render_markdown(source)
        runs.append(time.perf_counter() - start)
        if runs[-1] > budget:
            break
    return "ok", statistics.median(runs) if len(runs) == 3 else max(runs), ""


def largest_accepted(make) -> int:
    """The largest size (up to the body limit) at which the family still passes the pre-check."""
    def accepted(size: int) -> bool:
        try:
            check_complexity(make(size))
        except MarkupTooComplex:
            return False
        return True

    if accepted(BODY_MAX):
        return BODY_MAX
    low, high = 0, BODY_MAX  # accepted(low) is assumed; accepted(high) is false
    while high - low > 50:
        middle = (low + high) // 2
        if accepted(middle):
            low = middle
        else:
            high = middle
    return low


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--family", action="append", help="only these families (repeatable)")
    parser.add_argument("--budget", type=float, default=0.2, help="seconds an accepted post may take (0.2)")
    parser.add_argument("--sizes", default=",".join(str(size) for size in SIZES))
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    families = {name: make for name, make in FAMILIES.items() if not args.family or name in args.family}

    header = (f"{'family':34}" + "".join(f"{size // 1000:>8}k" for size in sizes)
              + f"{'limit':>8}{'there':>9}{'growth':>8}  verdict")
    print(header)
    print("-" * len(header))
    over_budget, messages, worst = [], {}, (0.0, "", 0)
    for name, make in families.items():
        cells, times = [], {}
        for size in sizes:
            source = make(size)
            status, seconds, message = measure(source, args.budget)
            if status == "refused":
                cells.append(f"{'refused':>9}")
                messages.setdefault(re.sub(r"\d[\d,]*", "N", message), []).append(f"{name} @ {size // 1000}k")
                continue
            times[size] = seconds
            cells.append(f"{seconds:>9.4f}")
        # The worst case the pre-check lets through: the family at the largest accepted size.
        limit = largest_accepted(make)
        limit_seconds = measure(make(limit), args.budget)[1] if limit else 0.0
        if limit_seconds > worst[0]:
            worst = (limit_seconds, name, limit)
        for size, seconds in [*times.items(), (limit, limit_seconds)]:
            if seconds > args.budget:
                over_budget.append(f"{name} at {size:,} characters: {seconds:.3f} s")
        growth, verdict = "", "linear"
        if 10_000 in times and 50_000 in times and times[10_000] > 0:
            exponent = math.log(times[50_000] / times[10_000]) / math.log(5)
            growth = f"{exponent:.2f}"
            verdict = "SUPERLINEAR" if exponent > 1.3 else "linear"
        elif not times:
            verdict = "refused"
        elif len(times) < len(sizes):
            verdict = f"refused from {min(set(sizes) - set(times)) // 1000}k"
        print(f"{name:34}" + "".join(cells) + f"{limit // 1000:>7}k{limit_seconds:>9.4f}{growth:>8}  {verdict}",
              flush=True)

    print()
    print(f"Slowest text the pre-check accepts: {worst[1]} at {worst[2]:,} characters, {worst[0]:.3f} s "
          f"(budget {args.budget} s).")
    if messages:
        print("Pre-check messages seen (numbers shown as N):")
        for message, where in messages.items():
            print(f"  {message}\n    ({len(where)} cases, e.g. {', '.join(where[:3])})")
    if over_budget:
        print("ACCEPTED TEXTS OVER BUDGET:")
        for line in over_budget:
            print("  " + line)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
