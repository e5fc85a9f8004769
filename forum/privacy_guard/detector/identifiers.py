"""Numbers with check digits, keyword + value identifiers (record, insurance, serial numbers)
and licence plates."""
from __future__ import annotations

import bisect
import re

from stdnum import iban as _iban
from stdnum.de import idnr as _de_idnr
from stdnum.in_ import aadhaar as _in_aadhaar
from stdnum.in_ import pan as _in_pan
from stdnum.us import ssn as _us_ssn

from . import wordlists as W


from .base import (
    _l,
    _BOUNDARY,
    _Ctx,
    _DV,
    _NOT_LETTER_AFTER,
    _clause_start,
    _digits,
    _keyword_index,
    first_tokens,
    _nfc,
    _rx,
    _spellings,
    _trie,
    _word_char_before,
)


# --------------------------------------------------------------------------- check-digit numbers

# Candidates start on a digit / capital at a word boundary (look-behind after the first
# character); the specific patterns below are then tried at that position only.
_NUM_START = _rx(r"[0-9](?<![\w\-][0-9])(?=[0-9 \-A-Z]{8,15}[0-9](?![\w]))")
_SSN = _rx(r"[0-9]{3}-[0-9]{2}-[0-9]{4}(?![\w\-])")
_AADHAAR = _rx(r"[2-9][0-9]{3}(?P<s>[ \-]?)[0-9]{4}(?P=s)[0-9]{4}(?![\w]|[ \-][0-9])")
_IDNR = _rx(r"[1-9][0-9](?P<s> ?)[0-9]{3}(?P=s)[0-9]{3}(?P=s)[0-9]{3}(?![\w]|[ \-][0-9])")
_SVNR = _rx(r"[0-9]{2} ?[0-9]{6} ?[A-Z] ?[0-9]{3}(?![\w])")
_CAP_START = _rx(r"[A-Z](?<![\w][A-Z])(?=[A-Z0-9]{9}(?![\w]))")
_PAN = _rx(r"[A-Z]{3}[ABCFGHLJPTK][A-Z][0-9]{4}[A-Z](?![\w])")
_KVNR = _rx(r"[A-Z][0-9]{9}(?![\w])")


def kvnr_is_valid(value: str) -> bool:
    """German health-insurance number (KVNR): letter + 8 digits + check digit (alphabet position
    of the letter as two digits, weights 1,2,1,2..., digit sums of products, sum mod 10)."""
    value = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z][0-9]{9}", value):
        return False
    digits = f"{ord(value[0]) - 64:02d}" + value[1:9]
    total = 0
    for i, d in enumerate(digits):
        p = int(d) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return total % 10 == int(value[9])


def svnr_is_valid(value: str) -> bool:
    """German pension insurance number (Rentenversicherungs- / SV-Nummer): area, birth date,
    initial, serial, check digit (weights 2,1,2,5,7,1,2,1,2,1,2,1 over 12 digits)."""
    value = value.replace(" ", "").upper()
    m = re.fullmatch(r"([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([A-Z])([0-9]{2})([0-9])", value)
    if not m:
        return False
    area, day, month, year, letter, serial, check = m.groups()
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return False
    digits = area + day + month + year + f"{ord(letter) - 64:02d}" + serial
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    total = sum((int(d) * w) // 10 + (int(d) * w) % 10 for d, w in zip(digits, weights))
    return total % 10 == int(check)


def _detect_checksums(c: _Ctx, enabled: frozenset[str]) -> None:
    text = c.text
    if not c.has_digit:
        return
    if "national_id" in enabled:
        for m in _NUM_START.finditer(text):
            p = m.start()
            s = _SSN.match(text, p)
            if s and _us_ssn.is_valid(s.group()):
                c.add(p, s.end(), "national_id", 0.9, _l("A US social security number."))
                continue
            a = _AADHAAR.match(text, p)
            if a and _in_aadhaar.is_valid(a.group()):
                c.add(p, a.end(), "national_id", 0.85 if a.group("s") else 0.7,
                      _l("An Indian Aadhaar number (its check digit is valid)."))
                continue
            i = _IDNR.match(text, p)
            if i and _de_idnr.is_valid(i.group()):
                c.add(p, i.end(), "national_id", 0.8 if i.group("s") else 0.7,
                      _l("A German tax identification number (its check digit is valid)."))
                continue
            v = _SVNR.match(text, p)
            if v and svnr_is_valid(v.group()):
                c.add(p, v.end(), "national_id", 0.85,
                      _l("A German pension insurance number (its check digit is valid)."))
    for m in _CAP_START.finditer(text):
        p = m.start()
        k = _KVNR.match(text, p)
        if k and "insurance_number" in enabled and kvnr_is_valid(k.group()):
            c.add(p, k.end(), "insurance_number", 0.85,
                  _l("A German health-insurance number (KVNR; its check digit is valid)."))
            continue
        n = _PAN.match(text, p)
        if n and "national_id" in enabled and _in_pan.is_valid(n.group()):
            c.add(p, n.end(), "national_id", 0.75, _l("An Indian PAN (tax) number."))


# --------------------------------------------------------------------------- keyword + value

_NUMBER_WORDS = ["number", "no", "nr", "#", "id", "nummer", "नंबर", "नं", "संख्या"]

# Keyword families: (words that stand alone, prefixes that need a number word after them, the
# number words).  "MRN" and "UHID" stand alone; "case" needs one ("case no.", "Fall-Nr.",
# "Pat.-ID", "OPD नंबर").
_KEY_FAMILIES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "record_number": (
        ["mrn", "uhid", "medical record", "medical records", "fallnummer", "fallnr", "aktenzeichen",
         "aktennummer", "specimen", "sample", "accession", "यूएचआईडी", "pid", "mrd", "patienten-id", "patient id"],
        ["mr", "medical record", "medical records", "record", "chart", "case", "file", "encounter", "visit",
         "admission", "accession", "specimen", "sample", "lab", "patient", "pt", "ip", "ipd", "op", "opd", "cr",
         "registration", "reg", "ref", "reference", "referenz", "hospital", "hosp", "fall", "patienten", "pat", "aufnahme", "krankenblatt",
         "labor", "auftrags", "proben", "befund", "eingangs", "पंजीकरण", "रजिस्ट्रेशन", "मरीज़", "मरीज", "भर्ती",
         "ओपीडी", "आईपीडी", "केस", "फ़ाइल", "फाइल"],
        _NUMBER_WORDS + ["आईडी"]),
    "insurance_number": (
        ["medicare", "medicaid", "mbi", "kvnr", "ayushman", "ayushman bharat", "cghs", "echs", "esic", "pm-jay",
         "pmjay", "policennummer", "versichertennummer", "krankenversichertennummer", "आयुष्मान"],
        ["member", "membership", "subscriber", "policy", "insurance", "insurance card", "health plan",
         "medicare", "medicaid", "versicherten", "versicherungs", "vers", "kv", "krankenversicherten",
         "mitglieds", "egk", "policen", "cghs", "echs", "esic", "esic ip", "pm-jay", "pmjay", "ayushman",
         "ayushman bharat", "बीमा", "पॉलिसी", "आयुष्मान"],
        _NUMBER_WORDS + ["card", "card no", "card number", "कार्ड", "कार्ड नंबर", "पॉलिसी"]),
    "national_id": (
        ["ssn", "social security", "svnr", "idnr", "uidai", "aadhaar", "aadhar", "abha", "personalausweis",
         "personalausweisnummer", "ausweisnummer", "passport", "reisepass", "reisepassnummer",
         "steueridentifikationsnummer", "steuerliche identifikationsnummer", "rentenversicherungsnummer",
         "sozialversicherungsnummer", "voter id", "taxid", "steuerid", "steuernummer", "आधार", "आभा",
         "पासपोर्ट"],
        ["social security", "sozialversicherungs", "sv", "rv", "rentenversicherungs", "aadhaar", "aadhar",
         "uid", "pan", "abha", "passport", "personalausweis", "steuer", "tax", "आधार", "पैन", "पासपोर्ट",
         "आभा"],
        _NUMBER_WORDS + ["card", "idnr", "कार्ड"]),
    "bank_account": (
        ["iban", "kontonummer", "account", "account number", "account no", "bank account", "bankkonto", "a/c", "acct",
         "bankverbindung", "bank details",
         "खाता संख्या", "खाता नंबर", "खाता नं", "अकाउंट नंबर", "बैंक खाता"],
        ["account", "a/c", "acct", "konto", "bank", "savings account", "खाता", "अकाउंट", "बैंक"],
        _NUMBER_WORDS),
    "device_serial": (
        ["serial", "s/n", "seriennummer", "seriennr", "udi", "udi-di", "device serial", "device id",
         "implantatnummer", "gerätenummer", "सीरियल"],
        ["serial", "ser", "serien", "geräte", "implant", "implantat", "सीरियल"],
        _NUMBER_WORDS),
}


def _key_owner() -> dict[str, tuple[str, bool]]:
    """keyword (both nukta spellings) -> (family, whether it stands alone)."""
    owner: dict[str, tuple[str, bool]] = {}
    for family, (alone, prefixes, _numbers) in _KEY_FAMILIES.items():
        for word in prefixes:
            for s in _spellings(word):
                owner.setdefault(s, (family, False))
        for word in alone:
            for s in _spellings(word):
                owner[s] = (family, True)
    return owner


_KEY_OWNER = _key_owner()
# One trie over all keywords (so ``re`` can skip quickly to plausible first letters), then an
# optional number word; _detect_keyed checks whether the keyword needed one.
_KEYED_RE = re.compile("(?P<kw>" + _trie(_KEY_OWNER) + r")(?P<suf>[ .\-]{0,2}"
                       + _trie({w for f in _KEY_FAMILIES.values() for w in f[2]}) + ")?" + _NOT_LETTER_AFTER)
_KEYED_FIRSTS = first_tokens(_KEY_OWNER, glue={w for f in _KEY_FAMILIES.values() for w in f[2]})
_KEYED_CS = _rx(r"(?:(?P<nid>PAN|TIN|EPIC(?: [Nn]o)?)|(?P<ser>SN(?=\s{0,2}[:#]|[ \t](?=[A-Z\-]{0,12}[0-9]))))(?![\w])")

# Between a keyword and its value: punctuation and up to a few words ("MRN is 123", "Seriennummer
# des Schrittmachers lautet ...").  Words are letters only and values need a digit, so the split
# is unambiguous; words other than the usual fillers make the value check stricter (_gap_words).
_FILLER = rf"(?:[ \t:#=,()\-\u2013/]|[^\W\d_]{{1,20}}(?![\w\-/])|[{_DV}]{{1,20}}(?![{_DV}]))"
_VALUE = (r"(?P<v>(?=[A-Za-z/\-]{0,8}[0-9])[A-Za-z0-9]"
          r"(?:[A-Za-z0-9]|[\-/.](?=[A-Za-z0-9])|[ ](?=[0-9]{2})){3,30})(?![\w])")
_KEY_TAIL = _rx(r"\.?" + _FILLER + r"{0,12}" + _VALUE)
_KNOWN_FILLERS = frozenset(_nfc(w) for w in """
is ist lautet lautete number no nr nummer num id card karte on auf the der die des dem den his her
sein seine seiner seines ihr ihre ihrer ihres was war of von wie folgt a an this my our unser unsere
reads beträgt given noted recorded steht stand are
है का की के नंबर संख्या नं था थी""".split())
_WORD = _rx(rf"[^\W\d_]{{1,20}}|[{_DV}]{{1,20}}")
_REC_WEAK = _rx(r"^(?:record|chart|case|file|sample|lab|visit|admission|registration|reg)")
_REC_BARE = frozenset(["specimen", "sample", "accession"])  # no "number"/"ID": value needs letters
_YEAR = _rx(r"(?:19|20)[0-9]{2}")
_UNIT_AFTER = _rx(r"\s?(?:mg|g|kg|ml|l|%|mmol|µg|ug|mcg|U|IE|IU|units?|Patienten|patients|Fälle|"
                  r"cases|admissions|Aufnahmen|beds|Betten)(?![\w])")
_LETTER = _rx(r"[A-Za-z]")


def _gap_words(gap: str) -> int:
    """Number of words between keyword and value that are not ordinary fillers."""
    return sum(1 for w in _WORD.findall(gap) if _nfc(w).lower() not in _KNOWN_FILLERS)


def _value_after(text: str, kw_end: int) -> tuple[int, int, str] | None:
    m = _KEY_TAIL.match(text, kw_end)
    if not m:
        return None
    v = m.group("v").rstrip(".-/ ")
    if _YEAR.fullmatch(v):
        return None
    start = m.start("v")
    end = start + len(v)
    if _UNIT_AFTER.match(text, end, min(len(text), end + 12)):
        return None
    gap_start = kw_end + 1 if text.startswith(".", kw_end) else kw_end
    if _BOUNDARY.search(text, gap_start, start):  # the value must sit in the keyword's clause
        return None
    loose = _gap_words(text[gap_start:start])
    # A value with letters and six or more digits is an identifier even a few words after its keyword
    # ("Device ID pasted from the vendor portal: PX4-22871046").
    if loose > (5 if _digits(v) >= 6 and _LETTER.search(v) else 3) or (loose and _digits(v) < 6 and not _LETTER.search(v)):
        return None
    return start, end, v


def _detect_keyed(c: _Ctx, enabled: frozenset[str]) -> None:
    text, low = c.text, c.low
    if not c.has_digit:
        return
    hits = []
    for m in c.keyword_matches(_KEYED_RE, _KEYED_FIRSTS):
        family, alone = _KEY_OWNER[m.group("kw")]
        if (alone or m.group("suf")) and not _word_char_before(low, m.start()):
            hits.append((family, m.group(), m.end()))
    cs_hint = "PAN" in text or "TIN" in text or "EPIC" in text or "SN" in text
    for m in (_KEYED_CS.finditer(text) if cs_hint else ()):
        if not _word_char_before(text, m.start()):
            hits.append(("national_id" if m.group("nid") else "device_serial", m.group(), m.end()))
    for typ, kw, kw_end in hits:
        if typ not in enabled:
            continue
        got = _value_after(text, kw_end)
        if not got:
            continue
        s, e, v = got
        nd = _digits(v)
        if typ == "record_number":
            if nd < 4 or (_REC_WEAK.match(kw) and nd < 5 and not _LETTER.search(v)):
                continue
            if kw in _REC_BARE and not _LETTER.search(v):
                continue
            c.add(s, e, typ, 0.95, _l("A medical record, case or hospital number."))
        elif typ == "insurance_number":
            if nd < 4 or sum(ch.isalnum() for ch in v) < 6:
                continue
            c.add(s, e, typ, 0.97 if kvnr_is_valid(v) else 0.95, _l("A health-insurance or member number."))
        elif typ == "national_id":
            if nd < 4 or sum(ch.isalnum() for ch in v) < 6:
                continue
            valid = any(f(v) for f in (_us_ssn.is_valid, _in_aadhaar.is_valid, _de_idnr.is_valid,
                                        _in_pan.is_valid, svnr_is_valid))
            c.add(s, e, typ, 0.97 if valid else 0.9, _l("A national identity, social security or tax number."))
        elif typ == "bank_account":
            if nd < 8 or not 8 <= len(v) <= 34 or (kw == "account" and nd < 9) or _DOTTED_QUAD.fullmatch(v):
                continue  # "her account from 73.162.48.219" is an IP address, not an account number
            c.add(s, e, typ, 0.97 if _iban.is_valid(v) else 0.9, _l("A bank account number."))
        elif typ == "device_serial":
            if nd < 3 or len(v) < 5:
                continue
            c.add(s, e, typ, 0.95, _l("A device or implant serial number."))


_DOTTED_QUAD = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}")
# A hospital's own case-number shape: letters, a year, a running number ("KH-2024-00817",
# "MRN-2023-118804"). Trial registries use other shapes (NCT01234567, CTRI/2020/05/025000).
_YEAR_SERIAL = _rx(r"[A-Z](?<![\w\-/][A-Z])[A-Z]{0,3}-(?:19|20)[0-9]{2}-[0-9]{3,7}(?![\w\-/])")


def _detect_year_serial(c: _Ctx) -> None:
    if "-" not in c.text or not c.has_digit:
        return
    for m in _YEAR_SERIAL.finditer(c.text):
        c.add(m.start(), m.end(), "record_number", 0.8,
              _l("Looks like a hospital case number (letters, a year and a running number)."))


# A short prefix glued to '#' ("Ref#H2291847", "MR#00482913", "Acc# A-55219"): a record number when
# the value has five digits or more.
_GLUED_HASH = _rx(r"#(?<=[A-Za-z.]#)[ \t]?(?P<v>[A-Za-z]{0,3}[\-]?[0-9][A-Za-z0-9\-]{3,24})(?![\w])")
_PREFIX_BEFORE = _rx(r"(?<![\w#])[A-Za-z]{1,8}\.?$")


def _detect_glued_hash(c: _Ctx, enabled: frozenset[str]) -> None:
    text = c.text
    if "#" not in text or "record_number" not in enabled:
        return
    for m in _GLUED_HASH.finditer(text):
        if not _PREFIX_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            continue
        v = m.group("v").rstrip("-")
        if _digits(v) < 5 or _YEAR.fullmatch(v):
            continue
        c.add(m.start("v"), m.start("v") + len(v), "record_number", 0.8, _l("A medical record, case or hospital number."))


# US Medicare Beneficiary Identifier: 11 characters in a fixed pattern of digits and letters
# (S, L, O, I, B and Z never used), written with or without dashes after the 4th and 7th.
_MBI_L = "AC-HJKMNP-RT-Y"
_MBI = _rx(rf"[1-9](?<![\w\-][1-9])[{_MBI_L}][{_MBI_L}0-9][0-9](?P<s>-?)[{_MBI_L}][{_MBI_L}0-9][0-9](?P=s)"
           rf"[{_MBI_L}]{{2}}[0-9]{{2}}(?![\w])")

_MBI_HINT = re.compile(rf"[1-9][{_MBI_L}][{_MBI_L}0-9][0-9]-?[{_MBI_L}]")

# IBAN: country code, check digits, then 11 to 30 letters or digits, optionally in groups of four.
_IBAN = _rx(r"[A-Z](?<![\w][A-Z])[A-Z][0-9]{2}(?:[ ]?[A-Z0-9]){11,30}")


# Indian UPI payment addresses (a person's handle at a bank's UPI domain) identify an account.
_UPI = _rx(r"(?<![\w.\-])[A-Za-z0-9][A-Za-z0-9.\-_]{1,40}@(?:okaxis|okhdfcbank|okicici|oksbi|ybl|ibl|axl|apl|paytm|upi|"
           r"ptyes|ptaxis|pthdfc|ptsbi|yapl|airtel|jio|freecharge|ikwik|kotak|icici|hdfcbank|sbi|axisbank|"
           r"pnb|barodampay|unionbank|federal|indus|rbl|idfcbank|aubank)(?![\w.\-])")


_IBAN_LENGTHS = {"DE": 22, "AT": 20, "CH": 21, "LI": 21, "GB": 22, "IE": 22, "FR": 27, "IT": 27, "ES": 24,
                 "NL": 18, "BE": 16, "LU": 20, "DK": 18, "FI": 18, "SE": 24, "NO": 15, "PL": 28, "CZ": 24,
                 "SK": 24, "HU": 28, "PT": 25, "GR": 27, "AE": 23, "SA": 24, "TR": 26}
_IBAN_HINT = re.compile(r"[A-Z]{2}[0-9]{2} ?[A-Z0-9]{4}")


def _detect_bank_and_mbi(c: _Ctx, enabled: frozenset[str]) -> None:
    text = c.text
    if "bank_account" in enabled and "@" in text:
        for m in _UPI.finditer(text):
            c.add(m.start(), m.end(), "bank_account", 0.9, _l("A UPI payment address (it identifies a bank account)."))
    if not c.has_digit:
        return
    hint = _MBI_HINT.search(text) if "insurance_number" in enabled else None
    if hint:
        for m in _MBI.finditer(text, hint.start()):
            c.add(m.start(), m.end(), "insurance_number", 0.85,
                  _l("A US Medicare Beneficiary Identifier."))
    hint = _IBAN_HINT.search(text) if "bank_account" in enabled else None
    if hint:
        for m in _IBAN.finditer(text, hint.start()):
            cand = m.group()
            # The longest prefix that is a valid IBAN (a spaced IBAN may run into a following word):
            # only the country's IBAN length is tried when it is known, else every group boundary,
            # so that a run of IBAN-like groups costs a few checks per candidate, not thirty.
            length = _IBAN_LENGTHS.get(cand[:2])
            compact = 0
            ends = []
            for k, ch in enumerate(cand):
                if ch != " ":
                    compact += 1
                    at_boundary = k + 1 == len(cand) or cand[k + 1] == " "
                    if (compact == length) if length else (compact >= 15 and (at_boundary or " " not in cand)):
                        ends.append(k + 1)
            for end in reversed(ends):
                if _iban.is_valid(cand[:end]):
                    c.add(m.start(), m.start() + end, "bank_account", 0.95,
                          _l("An IBAN (bank account number; its check digits are valid)."))
                    break


# --------------------------------------------------------------------------- licence plates

_PLATE_US_WORDS = ["licence plate", "license plate", "plate", "plate number", "plate no", "tag number",
                   "number plate"]
_PLATE_RE, _PLATE_OWNER = _keyword_index({
    "us": _PLATE_US_WORDS,
    "any": ["kennzeichen", "kfz-kennzeichen", "kfz kennzeichen", "autokennzeichen", "amtliches kennzeichen",
            "amtlichen kennzeichen", "nummernschild", "licenceplate", "registration plate",
            "vehicle registration", "vehicle number", "vehicle no", "car number", "car registration",
            "गाड़ी", "गाड़ी नंबर", "गाड़ी का नंबर", "गाड़ी की नंबर", "वाहन नंबर", "वाहन संख्या", "नंबर प्लेट",
            # a vehicle mentioned nearby makes a plate-shaped token a plate
            "auto", "wagen", "fahrzeug", "pkw", "parkplatz", "car", "vehicle", "parked", "parking", "कार",
            "पार्किंग", "स्कूटर", "बाइक", "scooter", "bike", "motorbike", "motorrad"]})
_PLATE_FIRSTS = first_tokens(_PLATE_OWNER)
_DE_PLATE = _rx(r"[A-ZÄÖÜ](?<![\w\-][A-ZÄÖÜ])[A-ZÄÖÜ]{0,2}[\- ][A-Z]{1,2} ?[0-9]{1,4}[EH]?(?![\w])")
# State code, district number (which may end in a letter: "DL 3C"), series letters, number.
_IN_PLATE = _rx(r"[A-Z](?<![\w][A-Z])[A-Z][ \-]?[0-9]{1,2}(?:[A-Z](?=[ \-]))?[ \-]?[A-Z]{1,3}[ \-]?[0-9]{4}(?![\w])")
_US_PLATE_TAIL = _rx(r"\.?" + _FILLER + r"{0,6}(?P<v>[A-Z0-9]{1,4}(?:[ \-\u00b7]?[A-Z0-9]{1,4}){1,2})(?![\w])")


def _detect_plates(c: _Ctx) -> None:
    text, low = c.text, c.low
    if not c.has_digit:
        return
    kws = [m for m in c.keyword_matches(_PLATE_RE, _PLATE_FIRSTS) if not _word_char_before(low, m.start())]
    kw_ends = [m.end() for m in kws]

    def has_ctx(pos: int) -> bool:
        lo = _clause_start(text, pos, 45)
        i = bisect.bisect_right(kw_ends, pos)
        return i > 0 and kw_ends[i - 1] >= lo

    if kws or c.config.min_confidence <= 0.4:
        for m in _DE_PLATE.finditer(text):
            conf = 0.9 if has_ctx(m.start()) else 0.4
            c.add(m.start(), m.end(), "licence_plate", conf, _l("A vehicle licence plate."))
    for m in _IN_PLATE.finditer(text):
        if text[m.start():m.start() + 2] not in W.IN_PLATE_STATES:
            continue
        conf = 0.9 if has_ctx(m.start()) else 0.75
        c.add(m.start(), m.end(), "licence_plate", conf, _l("A vehicle licence plate."))
    for k in kws:
        if _PLATE_OWNER.get(k.group()) != "us":
            continue
        m = _US_PLATE_TAIL.match(text, k.end())
        if not m:
            continue
        v = m.group("v")
        alnum = sum(ch.isalnum() for ch in v)
        if 5 <= alnum <= 8 and re.search(r"[0-9]", v) and re.search(r"[A-Z]", v):
            c.add(m.start("v"), m.end("v"), "licence_plate", 0.85, _l("A vehicle licence plate."))
