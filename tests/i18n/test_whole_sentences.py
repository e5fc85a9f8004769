"""Translators see whole sentences: no template splits a sentence into translated fragments around a
link, emphasis or code (`_('Read the')` <a>…</a> `_('and the')` …). Such a sentence is one message with
its markup inside and its values as placeholders; Jinja's gettext escapes the values."""
from __future__ import annotations

import re

from .support import ROOT

_INLINE = r"(?:a|strong|em|code|q|kbd|abbr|time)"
_CALL = r"\{\{\s*_\(\s*(['\"])((?:(?!\1).)*)\1(?:[^{}]|\{[^{}]*\})*?\)\s*\}\}"
# A fragment that runs on into an inline element: the sentence is not finished where the message ends.
_RUNS_INTO = re.compile(_CALL + r"\s*<" + _INLINE + r"\b")
# A fragment that carries on after an inline element: it starts in the middle of a sentence.
_CARRIES_ON = re.compile(r"</" + _INLINE + r">\s*" + _CALL)
_FINISHED = re.compile(r"[.?!:…)]$")
_CONTINUATION = re.compile(r"^[a-z,.;:)]")


def _fragments() -> list[str]:
    found = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        flat = re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))
        relative = path.relative_to(ROOT)
        for match in _RUNS_INTO.finditer(flat):
            if not _FINISHED.search(match.group(2).strip()):
                found.append(f"{relative}: {match.group(2)!r} runs on into markup")
        for match in _CARRIES_ON.finditer(flat):
            if _CONTINUATION.match(match.group(2).strip()):
                found.append(f"{relative}: {match.group(2)!r} carries on after markup")
    return found


def test_no_sentence_is_split_around_markup():
    assert not _fragments(), _fragments()


def test_no_message_carries_on_a_sentence_begun_elsewhere():
    """A message that starts with the punctuation of a sentence already under way (", or create…",
    ". You see it because…") is the second half of a sentence split around a condition."""
    from babel.messages.pofile import read_po

    with open(ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        halves = [m.id for m in read_po(handle, locale="en")
                  if m.id and isinstance(m.id, str) and re.match(r"^[.,;:)]\s*\w", m.id)]
    assert not halves, halves


def test_the_check_finds_a_split_sentence(tmp_path, monkeypatch):
    """The scan above is not vacuous: the pattern it exists for is caught."""
    sample = ("<p>{{ _('Read the') }} <a href=\"/terms\">{{ _('terms of use') }}</a> {{ _('and the') }} "
              "<a href=\"/privacy\">{{ _('privacy notice') }}</a>.</p>")
    flat = re.sub(r"\s+", " ", sample)
    assert [m.group(2) for m in _RUNS_INTO.finditer(flat)] == ["Read the", "and the"]
    assert [m.group(2) for m in _CARRIES_ON.finditer(flat)] == ["and the"]


_TAG = re.compile(r"</?[a-z]+\b[^>]*>")


def test_translations_keep_the_markup_of_their_sentence():
    """A translator moves a link within the sentence but keeps it: the same tags, attributes included."""
    from babel.messages.pofile import read_po

    wrong = []
    for lang in ("de", "hi"):
        with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
            for message in read_po(handle, locale=lang):
                originals = message.id if isinstance(message.id, tuple) else (message.id,)
                if not message.id or "<" not in originals[0]:
                    continue
                expected = sorted(_TAG.findall(originals[0]))
                forms = message.string if isinstance(message.string, tuple) else (message.string,)
                wrong += [(lang, originals[0]) for form in forms if sorted(_TAG.findall(form)) != expected]
    assert not wrong, wrong


def test_values_put_into_a_sentence_with_markup_are_escaped(make, login):
    from forum.extensions import db

    member = make.user("Member")
    member.locale = "de"
    db.session.commit()
    group = make.group("<em>Ward</em> & Co", members=[member])
    page = login(member).get(f"/g/{group.slug}/guidelines").get_data(as_text=True)
    assert "Richtlinien von &lt;em&gt;Ward&lt;/em&gt; &amp; Co" in page
    assert "<em>Ward</em>" not in page
