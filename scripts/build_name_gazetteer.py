"""Build the name lists the guard's gazetteer reads (forum/privacy_guard/detector/data/names_*.txt).

    .venv/bin/pip install 'faker==40.63.0'
    .venv/bin/python scripts/build_name_gazetteer.py

Source: the person-name lists that ship with Faker (MIT licence, https://github.com/joke2k/faker)
for the locales below -- English (US, GB, IE), German (DE, AT, CH) and Indian (en_IN in Latin
script, hi_IN in Devanagari).  Only single-word names of 3 to 25 letters are kept.  Faker is needed
only to build the files, never at run time; the output is committed (about 70 KB).

names-dataset (MIT code, names taken from a 2021 leak of 533 million Facebook accounts) was
measured as an alternative: more names, but 1.9 GB of memory and 44 s to load, and its provenance
rules it out for a product handling patient data; see docs/privacy-guard-gazetteer.md.
"""
from __future__ import annotations

import importlib
import unicodedata
from pathlib import Path

LOCALES = ("en_US", "en_GB", "en_IE", "de_DE", "de_AT", "de_CH", "en_IN", "hi_IN")
OUT = Path(__file__).resolve().parent.parent / "forum" / "privacy_guard" / "detector" / "data"


def _clean(names) -> set[str]:
    out = set()
    for name in names:
        name = unicodedata.normalize("NFC", name.strip())
        if " " not in name and 3 <= len(name) <= 25 and not name.endswith("."):
            out.add(name)
    return out


def main() -> None:
    import faker

    first: set[str] = set()
    last: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            first |= _clean(getattr(provider, attr, ()))
        last |= _clean(getattr(provider, "last_names", ()))
    header = (f"# Built by scripts/build_name_gazetteer.py from Faker {faker.VERSION} (MIT licence), "
              f"locales {', '.join(LOCALES)}.\n")
    OUT.mkdir(exist_ok=True)
    for name, words in (("names_first.txt", first), ("names_last.txt", last)):
        (OUT / name).write_text(header + "".join(w + "\n" for w in sorted(words)), encoding="utf-8")
        print(f"{name}: {len(words)} names")


if __name__ == "__main__":
    main()
