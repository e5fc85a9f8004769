"""Rendering happens in threaded workers too: the same input renders the same way in every thread."""
from concurrent.futures import ThreadPoolExecutor

from forum.markup import render_markdown

SOURCES = [
    "**Bold** and *italic* with a link https://example.org and `code`",
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted <script>alert(1)</script>",
    "1. one\n2. two\n\n```\n<b>kept as text</b>\n```\n\n![x](https://img.example/x.png)",
]


def test_concurrent_renders_match_the_single_threaded_result():
    expected = [render_markdown(source) for source in SOURCES]
    jobs = [SOURCES[index % len(SOURCES)] for index in range(600)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(render_markdown, jobs))
    wrong = [index for index, html in enumerate(results) if html != expected[index % len(SOURCES)]]
    assert wrong == [], f"{len(wrong)} of {len(jobs)} concurrent renders differed"
