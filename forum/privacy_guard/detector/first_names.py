"""First names of many countries, for names written without a cue ("Brigid Callahan has had three
falls", "GALLAGHER, Siobhan", "pt is maria gonzalez").

The names are the first-name list that gazetteer.py uses too (data/names_first.txt, built by
scripts/build_name_gazetteer.py from Faker's MIT-licensed person lists for English, German and Indian
locales), here as spelled, capitalised, without words that are also everyday words, units, titles or
clinical terms.  Read once, on first use, and only ever used together with a second, surname-like
word (names.py), so that eponyms, drug names and colleagues stay unflagged."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_LIST = Path(__file__).with_name("data") / "names_first.txt"

# First names that are also everyday words, units, titles or clinical terms in en/de.
_COMMON_WORDS = frozenset("""
The Will May Mark Grace Rose Major Ward Art Hope Faith Sunny Bill Pat Guy Max Don Ben Al Page Case
Bed Gene Lane Chase Hunter Ray Dean Jack Joy Dawn Rich Ken Red Golden Rock Summer Autumn Winter April
June August Sterling Ruby Amber Crystal Pearl Ivy Holly Heather Iris Lily Olive Violet Blue Sky Star
Dr Doc Sir Lord Lady King Prince Duke Earl Queen Bishop Pope Bull Fox Wolf Bird Lamb Cook Baker Mason
Carter Taylor Walker Parker Porter Fisher Miller Smith Young Long Short Little Small Black White Green
Brown Grey Gray Harm Hilde Kurz Lang Klein Gross Groß Jung Alt Neu Weiss Weiß Schwarz Roth Rot Frei
Sommer Winter Mai Juni Juli Maria Sankt Santa San Christ Christian Jesus Son Sun Moon Light Bright Love
Nova Neo Ultra Mega Micro Nano Vita Vital Care Cure Heal Med Aid Amit Ana Anna Ada Ali Abe Eva Ina Ida
Ira Iva Uma Ola Ole Eli Ela Una Lea Lia Mia Noa Zoe Ava Ivo Uwe Udo Ute Otto Ernst Frank Franco Franz
Seit Since After Before Nach Vor Bei Mit Von Aus Also Auch Noch Nur Schon Dann Wenn Weil Aber Sonst
Even Only Then When While Still Just Our Your Their Unser Unsere Liebe Lieber Dear Hallo Hello Hey
Today Heute Morgen Gestern Abend Nacht Night Day Tag Woche Monat Jahr Year Station Klinik Clinic
""".split()) - {"Maria", "Anna", "Eva", "Otto", "Ernst", "Frank", "Franz", "Amit", "Ana", "Ali", "Ida",
                "Uwe", "Udo", "Ute", "Ola", "Ole", "Eli", "Lea", "Lia", "Mia", "Zoe", "Ava", "Ivo", "Christian",
                "Uma", "Ina", "Ira", "Iva"}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The capitalised first names of the list, loaded once."""
    with _LIST.open(encoding="utf-8") as handle:
        words = (line.strip() for line in handle if not line.startswith("#"))
        return frozenset(w for w in words
                         if len(w) >= 3 and w[0].isupper() and w not in _COMMON_WORDS)
