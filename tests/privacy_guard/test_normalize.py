"""Normalisation before detection: what changes, and that findings point at the original text."""
from __future__ import annotations

import pytest

from forum.privacy_guard.detector import scan
from forum.privacy_guard.detector.normalize import normalize


def test_ascii_text_is_left_alone():
    norm = normalize("MRN 123456, BP 120/80.")
    assert norm.text == "MRN 123456, BP 120/80." and not norm.changed


@pytest.mark.parametrize("original, expected", [
    ("DOB ०३/०४/१९५२", "DOB 03/04/1952"),                     # Devanagari digits
    ("Tel. ０１７１ ２３４５６７８", "Tel. 0171 2345678"),           # full-width digits
    ("MRN 12\u200b34\u00ad56", "MRN 123456"),                     # zero-width space, soft hyphen
    ("\u202aMRN 123456\u202c", "MRN 123456"),                     # bidi embedding marks
    ("ID КН-2О2211", "ID KH-2O2211"),                             # Cyrillic look-alikes in an ID
    ("call 5 5 5 2 0 1 4 4 7 1 now", "call 5552014471 now"),     # spaced digits
])
def test_normalised_forms(original, expected):
    assert normalize(original).text == expected


def test_words_in_other_scripts_and_units_keep_their_letters():
    assert normalize("Пациент Орлов, 5 µg").text == "Пациент Орлов, 5 µg"
    assert normalize("10⁹/L, ½ tablet").text == "10⁹/L, ½ tablet"
    assert normalize("Score 1 2 3").text == "Score 1 2 3"  # fewer than five spaced digits


def test_every_normalised_span_maps_back_to_the_characters_it_came_from():
    original = "A\u200bB ०३/०४ ＭＲＮ 5 5 5 1 2 x"
    norm = normalize(original)
    assert norm.text == "AB 03/04 MRN 55512 x"
    assert norm.original_span(0, 2) == (0, 3)             # "AB" spans the zero-width space
    start = norm.text.index("03/04")
    assert original[slice(*norm.original_span(start, start + 5))] == "०३/०४"
    start = norm.text.index("MRN")
    assert original[slice(*norm.original_span(start, start + 3))] == "ＭＲＮ"
    start = norm.text.index("55512")
    assert original[slice(*norm.original_span(start, start + 5))] == "5 5 5 1 2"
    assert norm.original_span(len(norm.text) - 1, len(norm.text)) == (len(original) - 1, len(original))


@pytest.mark.parametrize("text, typ, sub", [
    ("Patientin geb. ०३.०४.१९५२, stabil.", "date", "०३.०४.१९५२"),
    ("MRN: 48\u200b21\u200b93\u200b07 please check", "record_number", "48\u200b21\u200b93\u200b07"),
    ("His daughter's number is 4 1 5 5 5 5 0 1 3 2, call her.", "phone", "4 1 5 5 5 5 0 1 3 2"),
    ("UHID: АВ-७७८८९९", "record_number", "АВ-७७८८९९"),
])
def test_findings_highlight_exactly_what_the_author_typed(text, typ, sub):
    start = text.index(sub)
    hits = [(f.start, f.end) for f in scan(text) if f.type == typ]
    assert (start, start + len(sub)) in hits, (scan(text), start)
