"""The catalogues are complete and consistent with the code: every message extracted from the code
(templates, Python, the guard's explanations) is translated in de and hi, nothing is fuzzy, and every
translation keeps exactly the placeholders of its English original."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = ("de", "hi")
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None,
            "lazy_ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w+)\}")


def _catalogue(lang: str):
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=lang)


def _placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text or "")}


def _extracted_ids() -> set[str]:
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    ids = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords={**KEYWORDS}):
        ids.add(message[0] if isinstance(message, tuple) else message)
    return ids


@pytest.fixture(scope="module")
def extracted() -> set[str]:
    return _extracted_ids()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(lang):
    catalogue = _catalogue(lang)
    untranslated = [m.id for m in catalogue if m.id and (
        not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not untranslated, f"{lang}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{lang}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_placeholders_of_the_english(lang):
    wrong = []
    for message in _catalogue(lang):
        if not message.id:
            continue
        originals = message.id if isinstance(message.id, tuple) else (message.id,)
        expected = set().union(*(_placeholders(text) for text in originals))
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in forms:
            if _placeholders(form) != expected:
                wrong.append((originals[0], form))
    assert not wrong, f"{lang}: placeholders differ from the English: {wrong[:5]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_babel_finds_no_format_errors(lang):
    problems = [(m.id, [str(e) for e in errors]) for m, errors in _catalogue(lang).check()]
    assert not problems, problems[:5]


@pytest.mark.parametrize("lang", TRANSLATED + ("en",))
def test_every_message_in_the_code_is_in_the_catalogue(lang, extracted):
    """`make translations` was run after the last string was added: nothing in the code is missing."""
    known = {m.id[0] if isinstance(m.id, tuple) else m.id for m in _catalogue(lang) if m.id}
    missing = sorted(extracted - known)
    assert not missing, f"{lang}: {len(missing)} messages in the code are not in the catalogue " \
                        f"(run `make translations` and translate them), e.g. {missing[:5]}"


def test_every_explanation_of_the_guard_is_translatable():
    """The detector (forum/privacy_guard/detector/) writes its explanations in English; each must be listed in
    forum/i18n/guard_texts.py,
    so that /posts/preview and the guard panel can show it in the author's language."""
    from forum.i18n.guard_texts import _KNOWN

    sentences = set()
    for path in sorted((ROOT / "forum" / "privacy_guard" / "detector").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {ast.get_docstring(node, clean=False) for node in ast.walk(tree)
                      if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Module))}
        sentences |= {node.value for node in ast.walk(tree)
                      if isinstance(node, ast.Constant) and isinstance(node.value, str)
                      and node.value not in docstrings and re.match(r"^[A-Z]", node.value)
                      and node.value.rstrip().endswith(".") and " " in node.value and len(node.value) > 12}
    missing = sorted(sentences - _KNOWN)
    assert sentences and not missing, missing[:5]
