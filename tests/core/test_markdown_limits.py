"""Pathological markdown is either refused with a message the author can act on, or rendered
(inert). Timings live in bench/markdown_worst_case.py; nothing here is timed."""
from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.groups.models import Group
from forum.markup import MarkupTooComplex, check_complexity, render_markdown
from tests.test_sanitizer import inspect


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _lines(make, size: int) -> str:
    return "".join(make(index) + "\n" for index in range(size))[:size]


def _random(seed: int, size: int) -> str:
    rng = random.Random(seed)
    pieces = ["word", "[", "]", "(", ")", "*", "_", "`", "!", "<", ">", "&", "#", "|", "\\", "~", " ", "\n",
              "\n\n", "- ", "1. ", "> ", "http://x.org", "](", "![", "**", "---"]
    return "".join(rng.choice(pieces) for _ in range(size))[:size]


PATHOLOGICAL = {
    "open brackets": lambda n: _repeat("[", n),
    "unclosed [a": lambda n: _repeat("[a", n),
    "unclosed image openers": lambda n: _repeat("![", n),
    "unclosed link targets": lambda n: _repeat("[a](", n),
    "balanced deep nesting": lambda n: "[a" * (n // 4) + "]a" * (n // 4),
    "emphasis markers": lambda n: _repeat("*", n),
    "emphasis words": lambda n: _repeat("*a", n),
    "underscores": lambda n: _repeat("_a*b_ ", n),
    "backticks": lambda n: _repeat("`", n),
    "backtick words": lambda n: _repeat("`a", n),
    "angle brackets": lambda n: _repeat("<", n),
    "ampersands": lambda n: _repeat("&", n),
    "parentheses": lambda n: _repeat("(", n),
    "deep quotes": lambda n: _repeat(">", n),
    "quotes 12 deep": lambda n: _lines(lambda i: "> " * (i % 12 + 1) + "text", n),
    "lists 20 deep": lambda n: _lines(lambda i: "  " * (i % 20) + "- item", n),
    "heading lines": lambda n: _lines(lambda i: "# h", n),
    "rules": lambda n: _lines(lambda i: "---", n),
    "setext": lambda n: _lines(lambda i: "a\n===", n),
    "empty list items": lambda n: _lines(lambda i: "- ", n),
    "fence lines": lambda n: _lines(lambda i: "```", n),
    "wide table": lambda n: ("|" + "a|" * 300 + "\n|" + "-|" * 300 + "\n" + ("|" + "a|" * 300 + "\n") * 100)[:n],
    "link references": lambda n: "".join(f"[x][r{i}] " for i in range(n // 10))[: n // 2]
    + "\n\n" + "".join(f"[r{i}]: http://e.org/{i}\n" for i in range(n // 20)),
    "random markers": lambda n: _random(1, n),
    "random markers 2": lambda n: _random(2, n),
}


@pytest.mark.parametrize("size", [2_000, 50_000])
@pytest.mark.parametrize("family", list(PATHOLOGICAL))
def test_pathological_input_is_refused_clearly_or_rendered_inert(family, size):
    source = PATHOLOGICAL[family](size)
    try:
        html = render_markdown(source)
    except MarkupTooComplex as error:
        message = str(error)
        assert len(message) > 40 and message.rstrip().endswith(".")
        assert "please" in message.lower(), message  # it says what to do about it
    else:
        assert inspect(html).problems == []


def test_every_limit_has_its_own_message():
    cases = {
        "run of more than 64 formatting characters": "[" * 100,
        "nested more than 12 levels": "> " * 13 + "deep",
        "Lists are nested": "".join("  " * level + "- item\n" for level in range(14)),
        "more formatting than Konsil can show quickly": "*a* " * 1500,
        "square brackets": "[a " * 400,
        "headings, horizontal rules or empty list items": "\n".join(f"# heading number {i} of a long outline"
                                                                     for i in range(500)),
        "code blocks, too many for its length": "```\nx\n```\n" * 800,
    }
    for expected, source in cases.items():
        with pytest.raises(MarkupTooComplex) as caught:
            check_complexity(source)
        assert expected in str(caught.value), (expected, str(caught.value))


def test_long_ordinary_posts_are_accepted():
    post = ("## Handover after night shift\n\nWe changed three things:\n\n1. **Pending results** go first.\n"
            "2. Every *open question* gets an owner.\n3. See the [SBAR guide](https://example.org/sbar).\n\n"
            "| drug | dose |\n|---|---|\n| apixaban | 5 mg |\n\n> What do you do when short-staffed?\n\n") * 40
    assert len(post) > 10_000
    html = render_markdown(post)
    assert html.count("<h2>") == 40 and html.count("<table>") == 40
    prose = "The patient was stable overnight (observations every four hours) and we stopped the infusion. " * 500
    assert len(prose) > 45_000
    assert render_markdown(prose).startswith("<p>")
    code = "```python\n" + "if dose < limit and flags & 1:\n    give(dose)  # [check] *twice*\n" * 900 + "```"
    assert len(code) > 45_000
    assert render_markdown(code).startswith("<pre><code>")


def test_escaped_brackets_do_not_count_as_open_links():
    check_complexity("\\[not a link " * 400)
    with pytest.raises(MarkupTooComplex):
        check_complexity("[not a link " * 400)


def test_preview_answers_with_the_message(make, login):
    member = make.user("Member")
    make.group(members=[member])
    response = login(member).post("/posts/preview", data={"body": "[" * 100})
    assert response.status_code == 200
    payload = response.get_json()
    assert payload["html"] == "" and "formatting characters" in payload["error"]


def test_guidelines_too_complex_get_a_form_error_not_a_crash(make, login):
    admin = make.user("Admin", admin=True)
    guidelines = "[" * 100
    response = login(admin).post("/groups/new", data={
        "name": "Complex", "slug": "complex", "description": "", "guidelines": guidelines,
        "visibility": "secret", "invite_policy": "members"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "formatting characters" in page and guidelines in page
    assert db.session.scalar(select(func.count()).select_from(Group).where(Group.slug == "complex")) == 0


def test_group_settings_with_too_complex_guidelines_change_nothing(make, login):
    admin = make.user("Admin", admin=True)
    group = make.group("Original name", owner=admin)
    response = login(admin).post(f"/g/{group.slug}/edit", data={
        "name": "New name", "slug": group.slug, "description": "", "guidelines": "*" * 100,
        "visibility": "secret", "invite_policy": "members"})
    assert "formatting characters" in response.get_data(as_text=True)
    stored = db.session.get(Group, group.id)
    assert stored.name == "Original name" and stored.guidelines_version == 1
