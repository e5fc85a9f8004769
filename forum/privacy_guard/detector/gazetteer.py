"""First names of many countries, for names written without a cue ("Brigid Callahan has had three
falls", "GALLAGHER, Siobhan", "pt is maria gonzalez").

The list is the name dictionary shipped with ``gender-guesser`` (Jörg Michael's nam_dict, about
45,000 first names from 50+ countries, GNU FDL); only its data file is read, never its code.  It is
loaded once, on first use (about 0.15 s and 3 MB), and only ever used together with a second,
surname-like word and clinical context (names.py), so that eponyms, drug names and colleagues stay
unflagged."""
from __future__ import annotations

import importlib.resources
import logging

log = logging.getLogger(__name__)

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

_NAMES: frozenset[str] | None = None


def first_names() -> frozenset[str]:
    """The first names (as spelled in the dictionary, capitalised), loaded once."""
    global _NAMES
    if _NAMES is None:
        names: set[str] = set()
        try:
            path = importlib.resources.files("gender_guesser") / "data" / "nam_dict.txt"
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    if line[:1] in ("#", "=", ""):
                        continue
                    parts = line.split()
                    if len(parts) < 2:
                        continue
                    name = parts[1].replace("+", "-")
                    if len(name) >= 3 and name[0].isupper() and name not in _COMMON_WORDS:
                        names.add(name)
        except (ModuleNotFoundError, OSError) as error:  # pragma: no cover - the package is a dependency
            log.warning("privacy guard: no first-name list (%s); names without a cue are not looked for", error)
        _NAMES = frozenset(names)
    return _NAMES
