"""Patient-data guard: finds likely patient identifiers in a forum post before it is published.

Pure Python, no Flask.  ``scan(text, config)`` returns ``Finding`` objects (offsets, type,
explanation, confidence) -- never the matched text, so findings can be logged and stored safely.

How it decides
--------------
* Numbers are only flagged next to a context keyword (MRN, Fallnummer, UHID, serial,
  Kennzeichen ...) or when they pass a real validity check: phone numbers via
  ``phonenumbers.PhoneNumberMatcher`` for each configured region, SSN / Aadhaar / German tax ID /
  Indian PAN via ``python-stdnum``, KVNR and German pension insurance numbers via their check
  digits, IP addresses via ``ipaddress``.  Doses, lab values, codes, citations and guideline dates
  therefore pass untouched.
* Names are only flagged after an honorific (Mr/Frau/श्रीमती ...), after "patient"/"Pat."/
  "मरीज़" or after "Name:"; German and Hindi words that commonly follow those are filtered out.
* Dates are only flagged next to a birth / admission / discharge / death keyword, ages only when
  90 or over.

Speed and ReDoS safety
----------------------
Keywords are found on a lower-cased copy of the text with trie-shaped literal alternations
(which ``re`` skips through quickly); the detailed patterns then run only in short windows after
those anchors, or start on a digit/capital with the boundary look-behind placed *after* the first
character so ``re`` can use its fast prefix scan.  Every quantifier is bounded and no quantified
group can match the same text in more than one way, so scan time is linear in the input length
(bench/phi_guard.py prints the figures, including adversarial inputs).  Operator-supplied patterns
are vetted by ``compile_extra_pattern``.

Overlapping candidates are merged into one finding spanning all of them; type, explanation and
confidence come from the most confident (then most specific) candidate.
"""
from __future__ import annotations

import bisect
import ipaddress
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from phonenumbers import Leniency, PhoneNumberMatcher
from stdnum.de import idnr as _de_idnr
from stdnum.in_ import aadhaar as _in_aadhaar
from stdnum.in_ import pan as _in_pan
from stdnum.us import ssn as _us_ssn

from . import patterns as W

try:  # Python 3.11+
    from re import _constants as _sre_c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

__all__ = ["scan", "Finding", "GuardConfig", "CATEGORIES", "compile_extra_pattern", "PatternError",
           "kvnr_is_valid", "svnr_is_valid"]

log = logging.getLogger(__name__)

CATEGORIES: dict[str, str] = {
    "patient_name": "Patient name",
    "date": "Date of birth, admission or discharge",
    "age": "Age of 90 or over",
    "phone": "Phone or fax number",
    "email": "E-mail address",
    "address": "Street address",
    "postal_code": "Postal code",
    "record_number": "Medical record or case number",
    "insurance_number": "Health-insurance number",
    "national_id": "National identity or tax number",
    "ip_address": "IP address",
    "url": "Link naming a patient or record",
    "licence_plate": "Vehicle licence plate",
    "device_serial": "Device or implant serial number",
    "custom": "Organisation-specific identifier",
}

# Tie-breaker when two overlapping candidates are equally confident: more specific first.
_SPECIFICITY = {t: i for i, t in enumerate([
    "custom", "national_id", "insurance_number", "record_number", "device_serial", "email", "url",
    "ip_address", "licence_plate", "phone", "date", "age", "postal_code", "address", "patient_name"])}


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    type: str
    explanation: str
    confidence: float

    def as_dict(self) -> dict:
        """Offsets, type, explanation and confidence -- never the matched text."""
        return {"start": self.start, "end": self.end, "type": self.type,
                "explanation": self.explanation, "confidence": round(self.confidence, 2)}


@dataclass(frozen=True)
class GuardConfig:
    enabled_categories: frozenset[str] | None = None  # None = all of CATEGORIES
    phone_regions: tuple[str, ...] = ("US", "DE", "IN")
    extra_patterns: tuple[tuple[str, str, str], ...] = ()  # (label, regex source, explanation)
    min_confidence: float = 0.5


class PatternError(ValueError):
    """An operator-supplied pattern was rejected; ``message`` says why, for humans."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


_DEFAULT_CONFIG = GuardConfig()

# --------------------------------------------------------------------------- building blocks

_DV = "\u0900-\u0963\u0971-\u097F"          # Devanagari letters, vowel signs, nukta, virama
_DVD = "\u0966-\u096F"                       # Devanagari digits
_NOT_LETTER_AFTER = rf"(?![^\W\d_])(?![{_DV}])"


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


_NUKTA_PRECOMPOSED = {"\u0915": "\u0958", "\u0916": "\u0959", "\u0917": "\u095a", "\u091c": "\u095b",
                      "\u0921": "\u095c", "\u0922": "\u095d", "\u092b": "\u095e", "\u092f": "\u095f"}
_NUKTA_SEQ = re.compile("([\u0915\u0916\u0917\u091c\u0921\u0922\u092b\u092f])\u093c")


def _rx(source: str, flags: int = 0) -> re.Pattern:
    """Compile a pattern whose Devanagari literals accept both spellings of nukta letters
    (precomposed U+0958..U+095F, or base letter + U+093C).  Patterns built with _trie already
    list both spellings and are compiled with re.compile directly, which keeps their literal first
    characters (and so re's fast prefix scan) intact."""
    source = _NUKTA_SEQ.sub(lambda m: f"(?:{m.group(1)}\u093c|{_NUKTA_PRECOMPOSED[m.group(1)]})", _nfc(source))
    return re.compile(source, flags)


def _spellings(word: str) -> set[str]:
    """Both spellings of a (Devanagari) keyword: decomposed and precomposed nukta letters."""
    word = _nfc(word)
    return {word, _NUKTA_SEQ.sub(lambda m: _NUKTA_PRECOMPOSED[m.group(1)], word)}


def _trie(words) -> str:
    """A regex matching any of the literal ``words``, shaped as a trie so that ``re`` checks one
    branch per character instead of every word; longer words win over their prefixes."""
    root: dict = {}
    for w in {s for word in words for s in _spellings(word)}:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        keys = sorted(k for k in node if k)
        alts = [re.escape(k) + emit(node[k]) for k in keys]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"


def _keyword_index(groups: dict[str, list[str]]) -> tuple[re.Pattern, dict[str, str]]:
    """One trie regex for several keyword groups (all lower case) and a map keyword -> group."""
    owner = {}
    for group, words in groups.items():
        for w in words:
            for s in _spellings(w):
                owner.setdefault(s, group)
    return re.compile(_trie(owner) + _NOT_LETTER_AFTER), owner


def _lower(text: str) -> str:
    """Lower-case copy with the same length (so offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return low


# A clause boundary: newline, ; ! ? danda, a table pipe, or a full stop that ends a word of four
# or more letters (so "geb." / "Pat." / "Nr." / "Dr." do not end a clause).
_BOUNDARY = _rx(r"[\n;!?\u0964\u0965|]|(?<=[^\W\d_]{4})\.(?=\s)")


def _clause_start(text: str, pos: int, limit: int) -> int:
    lo = max(0, pos - limit)
    start = lo
    for m in _BOUNDARY.finditer(text, lo, pos):
        start = m.end()
    return start


def _clause_end(text: str, pos: int, limit: int) -> int:
    hi = min(len(text), pos + limit)
    m = _BOUNDARY.search(text, pos, hi)
    return m.start() if m else hi


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def _word_char_before(text: str, pos: int) -> bool:
    if pos <= 0:
        return False
    ch = text[pos - 1]
    return ch.isalnum() or ch == "_" or "\u0900" <= ch <= "\u097f"


_HAS_DIGIT = _rx(r"[0-9]")
_HAS_DEV = _rx(r"[\u0900-\u097F]")


class _Ctx:
    __slots__ = ("text", "low", "config", "out", "has_digit", "has_dev")

    def __init__(self, text: str, config: GuardConfig):
        self.text = text
        self.low = _lower(text)
        self.config = config
        self.out: list[tuple[int, int, str, float, str]] = []
        self.has_digit = bool(_HAS_DIGIT.search(text))
        self.has_dev = max(text) >= "\u0900" and bool(_HAS_DEV.search(text))

    def add(self, start: int, end: int, typ: str, conf: float, expl: str) -> None:
        if end > start:
            self.out.append((start, end, typ, conf, expl))

    def strong_spans(self, min_conf: float):
        """A function telling whether [start, end) lies inside a candidate of at least min_conf."""
        spans = sorted((s, e) for s, e, _t, conf, _x in self.out if conf >= min_conf)
        starts = [s for s, _e in spans]
        reach, best = [], -1
        for _s, e in spans:
            best = max(best, e)
            reach.append(best)

        def covered(start: int, end: int) -> bool:
            i = bisect.bisect_right(starts, start)
            return i > 0 and reach[i - 1] >= end
        return covered


# --------------------------------------------------------------------------- e-mail

_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_EMAIL_DOMAIN = _rx(r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![\w\-@])")


def _detect_email(c: _Ctx) -> None:
    text = c.text
    at = text.find("@")
    while at != -1:
        j = at
        while j > 0 and at - j < 64 and text[j - 1] in _EMAIL_LOCAL:
            j -= 1
        while j < at and not text[j].isalnum():
            j += 1
        if j < at:
            m = _EMAIL_DOMAIN.match(text, at + 1)
            if m:
                c.add(j, m.end(), "email", 0.95, "An e-mail address.")
        at = text.find("@", at + 1)


# --------------------------------------------------------------------------- URLs

_URL_KEYS = [
    "patient", "patientid", "patient_id", "patientname", "patient_name", "patientno", "patient_no",
    "patientnr", "pat", "patid", "pat_id", "pid", "name", "firstname", "first_name", "lastname",
    "last_name", "surname", "givenname", "given_name", "familyname", "family_name", "vorname",
    "nachname", "fullname", "full_name", "mrn", "record", "recordid", "record_id", "recordno",
    "chart", "chartid", "chart_id", "case", "caseid", "case_id", "caseno", "case_no", "fall",
    "fallid", "fall_id", "fallnr", "fall_nr", "uhid", "ipno", "ip_no", "ipdno", "ipd_no", "id",
    "dob", "birthdate", "birth_date", "geburtsdatum", "ssn", "email", "phone", "tel", "memberid",
    "member_id", "insuranceid", "insurance_id", "kvnr", "encounter", "encounterid", "encounter_id",
    "visit", "visitid", "visit_id", "person", "personid", "person_id", "subject", "subjectid",
    "subject_id", "user", "userid", "user_id"]
_URL_QUERY = re.compile(r"[?&;]" + _trie(_URL_KEYS) + r"=(?=[^&#\s])")
_URL_PATH = re.compile(r"/" + _trie(["patient", "patients", "pat", "record", "records", "mrn", "case",
                                     "cases", "faelle", "fälle", "chart", "charts", "encounter",
                                     "encounters", "person", "persons"])
                       + r"/[a-z0-9\-]{3,40}(?=[/?#\s]|$)")
_URL_DELIM = _rx(r"[\s<>\"'()\[\]`]")
_URL_LOOKS = _rx(r"[A-Za-z][A-Za-z0-9+.\-]{0,15}://|www\.|[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,8}(?::\d{1,5})?/")
_URL_SCHEME = _rx(r"[A-Za-z][A-Za-z0-9+.\-]{0,15}://")


def _detect_url(c: _Ctx) -> None:
    text, low = c.text, c.low
    if "=" not in text and "/" not in text:
        return
    hits = [m.start() for m in _URL_QUERY.finditer(low)]
    if "/" in text:
        hits += [m.start() for m in _URL_PATH.finditer(low)]
    if not hits:
        return
    delims = [m.start() for m in _URL_DELIM.finditer(text)]
    seen = set()
    for pos in hits:
        i = bisect.bisect_left(delims, pos)
        start = delims[i - 1] + 1 if i > 0 else 0
        end = delims[i] if i < len(delims) else len(text)
        if (start, end) in seen:
            continue
        seen.add((start, end))
        head = text[start:min(end, start + 300)]
        m = _URL_LOOKS.search(head)
        if not m or m.start() > 40:
            continue
        sm = _URL_SCHEME.search(head)
        if sm and sm.start() < 40:
            start += sm.start()
        while end > start and text[end - 1] in ".,;:!?)]}>'\"":
            end -= 1
        c.add(start, end, "url", 0.97, "A link whose address names a patient or a record "
                                       "(e.g. ?patient=, ?mrn=, ?id=).")


# --------------------------------------------------------------------------- IP addresses

_IPV4 = _rx(r"[0-9](?<![\w.][0-9])[0-9]{0,2}(?:\.[0-9]{1,3}){3}(?![\w]|\.[0-9])")
_IPV6 = _rx(r"(?<![\w:.])(?=[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:.]{6,45}(?![\w:])")
_IP_NOT = _rx(r"(?:\b(?:version|ver|release|build|firmware|software|update|kapitel|chapter|"
              r"section|abschnitt|recommendation|empfehlung|table|tab|fig|figure|abb|rule|"
              r"regel|schema|v)\W{0,3}|§\s?)$")
_IP_CTX = _rx(r"\b(?:ip|ipv4|ipv6|ip-adresse|address|adresse|server|host|router|login|"
              r"logins|zugriff|gateway|vpn)\b")


def _detect_ip(c: _Ctx) -> None:
    text, low = c.text, c.low
    if c.has_digit and "." in text:
        for m in _IPV4.finditer(text):
            s = m.group()
            try:
                ipaddress.IPv4Address(s)
            except ValueError:
                continue
            before = low[_clause_start(text, m.start(), 30):m.start()]
            if _IP_NOT.search(before):
                continue
            octets = [int(x) for x in s.split(".")]
            if _IP_CTX.search(before):
                conf = 0.95
            elif max(octets) < 10:
                conf = 0.4  # looks like a section number ("2.2.2.2 rule")
            else:
                conf = 0.85
            c.add(m.start(), m.end(), "ip_address", conf, "An IP address.")
    if "::" in text or text.count(":") >= 5:
        for m in _IPV6.finditer(text):
            s = m.group().rstrip(".")
            groups = [g for g in s.split(":") if g]
            if s.count(":") < 2 or not groups or max(len(g) for g in groups) < 3:
                continue
            if "::" not in s and len(groups) < 6:
                continue
            try:
                ipaddress.IPv6Address(s)
            except ValueError:
                continue
            c.add(m.start(), m.start() + len(s), "ip_address", 0.9, "An IP address.")


# --------------------------------------------------------------------------- phone numbers

# First character '+', '(' or a digit, then the look-behind (placed after it for speed) checks
# that the candidate does not continue a word, a decimal or an identifier.
_PHONE_CAND = _rx(
    r"[+(0-9](?<![\w+/.,\-][+(0-9])(?:(?<=\+)\(?[0-9]|(?<=\()[0-9]|(?<=[0-9]))"
    r"[0-9 ().\-/\u2013\u00a0]{5,24}[0-9](?![\w])")
_PHONE_NOT_BEFORE = _rx(
    r"\b(?:pmid|pmcid|doi|isbn|issn|nct|orcid|pp|p|s|seite|seiten|page|pages|vol|version|ver|v|lot|"
    r"charge|ch\.-b|ref|az|aktenzeichen|icd|ops|snomed|loinc|atc|pzn|ean|gtin|udi|ik|npi|lanr|bsnr|dea)"
    r"\.?\s{0,2}:?\s{0,2}$")
_PHONE_UNIT_AFTER = _rx(
    r"\s?(?:mg|g|kg|µg|ug|mcg|ml|l|dl|µl|ul|mmol|µmol|umol|nmol|pmol|U|IE|IU|units?|Einheiten|"
    r"/µl|/ul|/mm|/l|%|mmHg|x|×|cells|Zellen|copies|Kopien|ng|pg)(?![\w])")
_PHONE_DATE = re.compile(r"[0-9]{1,4}[./\-][0-9]{1,2}[./\-][0-9]{1,4}")
_PHONE_CTX = _rx(
    r"(?:\b(?:tel|telefon|telephone|phone|ph|mobile|mobil|cell|cellphone|handy|handynummer|fax|"
    r"telefax|faxnummer|call|called|calls|ring|ruf|rückruf|rückrufnummer|anruf|erreichbar|"
    r"telefonnummer|contact|kontakt|whatsapp|sms|text|texts|pager|hotline)\b|फोन|फ़ोन|मोबाइल|नंबर|"
    r"संपर्क|कॉल)")
_PHONE_CTX_AFTER = _rx(r"^\W{0,3}(?:पर|से)?\s{0,2}(?:call|फोन|फ़ोन|कॉल|anrufen|zurückrufen)")
_NON_DIGIT = _rx(r"[^0-9]+")


def _region_may_match(region: str, digits: str, groups: list[str]) -> bool:
    """Cheap necessary conditions before asking phonenumbers (which is comparatively slow):
    a valid NANP number has 10 digits, a national German number starts with the trunk prefix 0,
    an Indian one has at least 10 digits.  Other regions are always asked."""
    if region in ("US", "CA"):
        return len(digits) >= 10
    if region in ("DE", "AT"):
        return any(g.startswith("0") for g in groups)
    if region == "IN":
        return len(digits) >= 10
    return True


def _detect_phone(c: _Ctx) -> None:
    text, low = c.text, c.low
    regions = c.config.phone_regions
    if not regions or not c.has_digit:
        return
    covered = c.strong_spans(0.9)
    for m in _PHONE_CAND.finditer(text):
        cand = m.group()
        groups = [g for g in _NON_DIGIT.split(cand) if g]
        digits = "".join(groups)
        if not 7 <= len(digits) <= 17 or len(groups) > 6:
            continue
        if _PHONE_DATE.fullmatch(cand):
            continue
        cs, ce = m.start(), m.end()
        if covered(cs, ce):  # already an MRN, a dated event, an ID with a check digit ...
            continue
        if _PHONE_NOT_BEFORE.search(low, max(0, cs - 16), cs):
            continue
        if _PHONE_UNIT_AFTER.match(text, ce, min(len(text), ce + 12)):
            continue
        intl = cand.startswith("+") or cand.startswith("00")
        spans = set()
        for region in (regions[:1] if intl else regions):
            if not intl and not _region_may_match(region, digits, groups):
                continue
            try:
                for pm in PhoneNumberMatcher(cand, region, leniency=Leniency.VALID, max_tries=20):
                    spans.add((cs + pm.start, cs + pm.end))
            except Exception:  # pragma: no cover - a library bug must not block posting
                log.exception("phonenumbers failed on a candidate")
            if any(_digits(text[a:b]) == len(digits) for a, b in spans):
                break
        if not spans:
            continue
        before = low[_clause_start(text, cs, 35):cs]
        ctx = bool(_PHONE_CTX.search(before) or _PHONE_CTX_AFTER.search(low[ce:ce + 16]))
        for a, b in spans:
            raw = text[a:b]
            if ctx:
                conf = 0.9
            elif raw.startswith("+") or raw.startswith("00"):
                conf = 0.9
            elif _digits(raw) >= 10 or re.search(r"[ ()\-/]", raw):
                conf = 0.75
            else:
                conf = 0.6
            c.add(a, b, "phone", conf, "A phone or fax number.")


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
                c.add(p, s.end(), "national_id", 0.9, "A US social security number.")
                continue
            a = _AADHAAR.match(text, p)
            if a and _in_aadhaar.is_valid(a.group()):
                c.add(p, a.end(), "national_id", 0.85 if a.group("s") else 0.7,
                      "An Indian Aadhaar number (its check digit is valid).")
                continue
            i = _IDNR.match(text, p)
            if i and _de_idnr.is_valid(i.group()):
                c.add(p, i.end(), "national_id", 0.8 if i.group("s") else 0.7,
                      "A German tax identification number (its check digit is valid).")
                continue
            v = _SVNR.match(text, p)
            if v and svnr_is_valid(v.group()):
                c.add(p, v.end(), "national_id", 0.85,
                      "A German pension insurance number (its check digit is valid).")
    for m in _CAP_START.finditer(text):
        p = m.start()
        k = _KVNR.match(text, p)
        if k and "insurance_number" in enabled and kvnr_is_valid(k.group()):
            c.add(p, k.end(), "insurance_number", 0.85,
                  "A German health-insurance number (KVNR; its check digit is valid).")
            continue
        n = _PAN.match(text, p)
        if n and "national_id" in enabled and _in_pan.is_valid(n.group()):
            c.add(p, n.end(), "national_id", 0.75, "An Indian PAN (tax) number.")


# --------------------------------------------------------------------------- keyword + value

_NUMBER_WORDS = ["number", "no", "nr", "#", "id", "nummer", "नंबर", "नं", "संख्या"]

# Keyword families: (words that stand alone, prefixes that need a number word after them, the
# number words).  "MRN" and "UHID" stand alone; "case" needs one ("case no.", "Fall-Nr.",
# "Pat.-ID", "OPD नंबर").
_KEY_FAMILIES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "record_number": (
        ["mrn", "uhid", "medical record", "medical records", "fallnummer", "fallnr", "aktenzeichen",
         "aktennummer", "specimen", "sample", "accession", "यूएचआईडी"],
        ["mr", "medical record", "medical records", "record", "chart", "case", "file", "encounter", "visit",
         "admission", "accession", "specimen", "sample", "lab", "patient", "pt", "ip", "ipd", "op", "opd", "cr",
         "registration", "reg", "hospital", "hosp", "fall", "patienten", "pat", "aufnahme", "krankenblatt",
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
_KEYED_CS = _rx(r"(?:(?P<nid>PAN|TIN|EPIC(?: [Nn]o)?)|(?P<ser>SN(?=\s{0,2}[:#])))(?![\w])")

# Between a keyword and its value: punctuation and up to a few words ("MRN is 123", "Seriennummer
# des Schrittmachers lautet ...").  Words are letters only and values need a digit, so the split
# is unambiguous; words other than the usual fillers make the value check stricter (_gap_words).
_FILLER = rf"(?:[ \t:#=,()\-\u2013/]|[^\W\d_]{{1,20}}(?![\w])|[{_DV}]{{1,20}}(?![{_DV}]))"
_VALUE = (r"(?P<v>(?=[A-Za-z0-9/\-]{0,8}[0-9])[A-Za-z0-9]"
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
    if loose > 3 or (loose and _digits(v) < 6 and not _LETTER.search(v)):
        return None
    return start, end, v


def _detect_keyed(c: _Ctx, enabled: frozenset[str]) -> None:
    text, low = c.text, c.low
    if not c.has_digit:
        return
    hits = []
    for m in _KEYED_RE.finditer(low):
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
            c.add(s, e, typ, 0.95, "A medical record, case or hospital number.")
        elif typ == "insurance_number":
            if nd < 4 or sum(ch.isalnum() for ch in v) < 6:
                continue
            c.add(s, e, typ, 0.97 if kvnr_is_valid(v) else 0.95, "A health-insurance or member number.")
        elif typ == "national_id":
            if nd < 4 or sum(ch.isalnum() for ch in v) < 6:
                continue
            valid = any(f(v) for f in (_us_ssn.is_valid, _in_aadhaar.is_valid, _de_idnr.is_valid,
                                        _in_pan.is_valid, svnr_is_valid))
            c.add(s, e, typ, 0.97 if valid else 0.9, "A national identity, social security or tax number.")
        elif typ == "device_serial":
            if nd < 3 or len(v) < 5:
                continue
            c.add(s, e, typ, 0.95, "A device or implant serial number.")


# --------------------------------------------------------------------------- licence plates

_PLATE_US_WORDS = ["licence plate", "license plate", "plate", "plate number", "plate no", "tag number",
                   "number plate"]
_PLATE_RE, _PLATE_OWNER = _keyword_index({
    "us": _PLATE_US_WORDS,
    "any": ["kennzeichen", "kfz-kennzeichen", "kfz kennzeichen", "autokennzeichen", "amtliches kennzeichen",
            "amtlichen kennzeichen", "nummernschild", "licenceplate", "registration plate",
            "vehicle registration", "vehicle number", "vehicle no", "car number", "car registration",
            "गाड़ी", "गाड़ी नंबर", "गाड़ी का नंबर", "गाड़ी की नंबर", "वाहन नंबर", "वाहन संख्या", "नंबर प्लेट"]})
_DE_PLATE = _rx(r"[A-ZÄÖÜ](?<![\w\-][A-ZÄÖÜ])[A-ZÄÖÜ]{0,2}[\- ][A-Z]{1,2} ?[0-9]{1,4}[EH]?(?![\w])")
_IN_PLATE = _rx(r"[A-Z](?<![\w][A-Z])[A-Z][ \-]?[0-9]{1,2}[ \-]?[A-Z]{1,3}[ \-]?[0-9]{4}(?![\w])")
_US_PLATE_TAIL = _rx(r"\.?" + _FILLER + r"{0,6}(?P<v>[A-Z0-9]{1,4}(?:[ \-\u00b7]?[A-Z0-9]{1,4}){1,2})(?![\w])")


def _detect_plates(c: _Ctx) -> None:
    text, low = c.text, c.low
    if not c.has_digit:
        return
    kws = [m for m in _PLATE_RE.finditer(low) if not _word_char_before(low, m.start())]
    kw_ends = [m.end() for m in kws]

    def has_ctx(pos: int) -> bool:
        lo = _clause_start(text, pos, 45)
        i = bisect.bisect_right(kw_ends, pos)
        return i > 0 and kw_ends[i - 1] >= lo

    if kws or c.config.min_confidence <= 0.4:
        for m in _DE_PLATE.finditer(text):
            conf = 0.9 if has_ctx(m.start()) else 0.4
            c.add(m.start(), m.end(), "licence_plate", conf, "A vehicle licence plate.")
    for m in _IN_PLATE.finditer(text):
        if text[m.start():m.start() + 2] not in W.IN_PLATE_STATES:
            continue
        conf = 0.9 if has_ctx(m.start()) else 0.75
        c.add(m.start(), m.end(), "licence_plate", conf, "A vehicle licence plate.")
    for k in kws:
        if _PLATE_OWNER.get(k.group()) != "us":
            continue
        m = _US_PLATE_TAIL.match(text, k.end())
        if not m:
            continue
        v = m.group("v")
        alnum = sum(ch.isalnum() for ch in v)
        if 5 <= alnum <= 8 and re.search(r"[0-9]", v) and re.search(r"[A-Z]", v):
            c.add(m.start("v"), m.end("v"), "licence_plate", 0.85, "A vehicle licence plate.")


# --------------------------------------------------------------------------- addresses, postcodes

_US_STREET = _rx(
    r"[0-9](?<![\w][0-9])[0-9]{0,5}[A-Za-z]?[ \t]{1,2}(?:[NSEW]\.?[ \t])?(?:[A-Z][A-Za-z'\-]{0,24}\.?[ \t]{1,2}){1,4}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Court|Ct|Place|Pl|Way|Terrace|"
    r"Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Square|Sq|Trail|Trl|Alley|Crescent|Close)(?![\w])\.?"
    r"(?:,?[ \t]{1,2}(?:Apt|Apartment|Suite|Ste|Unit|Flat|#)\.?[ \t]?[A-Za-z0-9\-]{1,6})?")
_DE_SUFFIX = re.compile(_trie(["straße", "strasse", "str.", "weg", "gasse", "allee", "platz", "ring", "damm",
                               "ufer", "chaussee", "pfad", "promenade"]) + r"(?=[ \t]{0,2}[0-9])")
_DE_HOUSE_NO = _rx(r"[ \t]{0,2}[0-9]{1,4}(?:[ \t]?[a-hA-H])?(?![\w])")
_DE_PREP_STREET = _rx(
    r"(?:Am|An der|An den|Im|In der|In den|Auf der|Auf dem|Zum|Zur|Unter den|Hinter der|Vor dem)[ \t]"
    r"[A-ZÄÖÜ][a-zäöüß\-]{2,25}[ \t]{1,2}[0-9]{1,4}(?:[ \t]?[a-h])?(?![\w])")
_DE_PREP_CTX_BEFORE = _rx(r"\b(?:wohnhaft|wohnt|wohnen|adresse|anschrift|lives at|address)\W{0,3}$")
_DE_PREP_PLZ_AFTER = _rx(r",?[ \t]{1,2}(?:D-)?[0-9]{5}[ \t]")
_DE_STREET2_STOP = frozenset("Der Die Das Den Dem Des Im Am Auf Zum Zur Vom Ein Eine Einen Einem Kein "
                             "Keine Jeder Jede Dieser Diese Welcher Welche Unser Unsere".split())
_IN_ADDR = _rx(
    r"(?:Flat|House|H\.\s?No|Plot|Door|Shop|Quarter|Qtr|Bungalow|Villa)\.?[ \t]{0,2}"
    r"(?:No\.?|Number|#)?[ \t]{0,2}[:.]?[ \t]{0,2}(?=[A-Za-z0-9/\-]{0,6}[0-9])[A-Za-z0-9][A-Za-z0-9/\-]{0,11}"
    r"(?:,[ \t]{0,2}(?:[A-Z][\w.\-]{0,25}[ \t]){0,3}(?:Road|Rd|Marg|Street|St|Lane|Nagar|Colony|Layout|"
    r"Vihar|Enclave|Puram|Chowk|Bazar|Bazaar|Gali|Cross|Main|Hills|Extension|Ext|Block|Phase|Sector)"
    r"(?![\w])\.?)?")
_IN_SECTOR = _rx(r"(?:Sector|Sec\.|सेक्टर)[ \t\-]{0,2}[0-9]{1,3}[A-Z]?(?![\w])")
_IN_LOCALITY = _rx(r"[ \t](?P<s>Nagar|Colony|Layout|Vihar|Enclave|Puram|Marg|Chowk|Road|Bagh|Ganj)(?![\w])")
_CAP_WORDS_BEFORE = _rx(r"(?:[A-Z][A-Za-z]{1,20}[ \t])?(?P<w>[A-Z][A-Za-z]{1,20})$")
_VILLAGE = _rx(r"(?:[Vv]illage|[Vv]ill\.|Gaon|Tehsil|Taluka|Taluk)[ \t]{1,2}[A-Z][a-z]{2,20}(?![\w])")
_HI_ADDR = _rx(
    rf"(?:(?:मकान|फ्लैट|फ़्लैट|गली|प्लॉट|हाउस|घर) ?(?:नं\.?|नंबर|संख्या) ?[0-9{_DVD}][\w/\-]{{0,8}}"
    rf"|(?:गांव|गाँव|ग्राम|मोहल्ला) (?P<v>[{_DV}]{{2,20}}))(?![{_DV}])")
_HI_LOCALITY = _rx(rf" (?:नगर|कॉलोनी|मार्ग|रोड|विहार|पुरम|मोहल्ला|बस्ती|चौक)(?![{_DV}])")
_HI_WORD_BEFORE = _rx(rf"[{_DV}]{{2,20}}$")

_DE_PLZ = _rx(
    r"[0-9](?<![\w.,/\-][0-9])[0-9]{4}[ \t]{1,2}(?P<c>[A-ZÄÖÜ][a-zäöüß]{1,25})"
    r"(?:[\-/][A-ZÄÖÜ][a-zäöüß]{1,25})?(?![\w])")
_DE_PLZ_STRONG = _rx(r"\b(?:wohnhaft(?: in)?|wohnt(?: in)?|wohnort|adresse|anschrift|plz|"
                     r"lives in|living in)\W{0,3}$")
_DE_PLZ_WEAK = _rx(r"\b(?:in|aus|nach|from|bei)\W{0,3}$")
_US_ZIP = _rx(r",[ \t]{1,2}(?P<s>[A-Z]{2})[ \t]{1,2}[0-9]{5}(?:-[0-9]{4})?(?![\w\-])")
_US_CITY = _rx(r"(?:[A-Z][a-zA-Z.'\-]{1,20}[ \t]){0,2}[A-Z][a-zA-Z.'\-]{1,20}$")
_ZIP_KW = re.compile(
    _trie(["zip", "zip code", "zipcode", "postleitzahl", "plz", "pin", "pin code", "pincode", "postal code",
           "postcode", "post code", "पिन", "पिन कोड"])
    + _NOT_LETTER_AFTER + r"[ \t:.\-]{0,4}(?P<v>[0-9]{5}(?:-[0-9]{4})?|[1-9][0-9]{2} ?[0-9]{3})(?![\w])")
_IN_PIN = _rx(r"[1-9](?<![\w.,/\-][1-9])[0-9]{2} ?[0-9]{3}(?![\w]|[.,][0-9])")
_PIN_CITY = _rx(rf"(?P<c>(?:[^\W\d_]|[{_DV}])[\w{_DV}]{{1,25}}(?:[ \t](?:[^\W\d_]|[{_DV}])[\w{_DV}]{{1,25}})?)"
                r"[ \t]{0,2}[,\-\u2013]?[ \t]{0,2}$")


def _detect_address(c: _Ctx, enabled: frozenset[str]) -> None:
    text, low = c.text, c.low
    addr_ends: list[int] = []

    def add_addr(s: int, e: int, conf: float) -> None:
        addr_ends.append(e)
        c.add(s, e, "address", conf, "A street address.")

    if c.has_digit:
        for m in _US_STREET.finditer(text):
            add_addr(m.start(), m.end(), 0.85)
        for m in _DE_SUFFIX.finditer(low):
            hs, he = m.span()
            ws = hs
            while ws > 0 and hs - ws < 31 and (text[ws - 1].isalpha() or text[ws - 1] == "-"):
                ws -= 1
            house = _DE_HOUSE_NO.match(text, he)
            if not house:
                continue
            if ws < hs:  # compound: "Hauptstraße 12", "Musterweg 3a"
                word = low[ws:he]
                if hs - ws < 2 or not text[ws].isupper() or word in W.STREET_STOP or any(
                        word.endswith(s) for s in W.STREET_STOP if len(s) > 6):
                    continue
                add_addr(ws, house.end(), 0.85)
            elif text[hs].isupper():  # separate word: "Berliner Straße 12"
                pm = _CAP_WORDS_BEFORE.search(text, max(0, hs - 50), max(0, hs - 1))
                if pm and text[hs - 1:hs] == " " and pm.group("w") not in _DE_STREET2_STOP:
                    add_addr(pm.start("w"), house.end(), 0.85)
        for m in _DE_PREP_STREET.finditer(text):  # "Am Stadtpark 4": only with address context
            if _word_char_before(text, m.start()):
                continue
            ctx = (_DE_PREP_CTX_BEFORE.search(low, max(0, m.start() - 20), m.start())
                   or _DE_PREP_PLZ_AFTER.match(text, m.end()))
            add_addr(m.start(), m.end(), 0.85 if ctx else 0.4)
        for m in _IN_ADDR.finditer(text):
            if not _word_char_before(text, m.start()):
                add_addr(m.start(), m.end(), 0.8)
        for m in _IN_SECTOR.finditer(text):
            if not _word_char_before(text, m.start()):
                add_addr(m.start(), m.end(), 0.75)
    for m in _IN_LOCALITY.finditer(text):
        pm = _CAP_WORDS_BEFORE.search(text, max(0, m.start() - 43), m.start())
        if not pm or pm.group("w") in ("The", "A", "An", "This", "That", "Our", "Your", "On", "In", "At", "By"):
            continue
        if m.group("s") == "Road" and not (pm.group("w").isupper() and 2 <= len(pm.group("w")) <= 4):
            continue  # "MG Road", "SV Road"; not "the Long Road"
        add_addr(pm.start(), m.end(), 0.7)
    if "ill" in low or "Ta" in text or "Gaon" in text:
        for m in _VILLAGE.finditer(text):
            if not _word_char_before(text, m.start()):
                add_addr(m.start(), m.end(), 0.7)
    if c.has_dev:
        for m in _HI_ADDR.finditer(text):
            if _word_char_before(text, m.start()) or _nfc(m.group("v") or "") in W.HI_STOP:
                continue
            add_addr(m.start(), m.end(), 0.7)
        for m in _HI_LOCALITY.finditer(text):
            wm = _HI_WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if wm and not _word_char_before(text, wm.start()) and _nfc(wm.group()) not in W.HI_STOP:
                add_addr(wm.start(), m.end(), 0.7)

    if "postal_code" not in enabled or not c.has_digit:
        return
    addr_ends.sort()

    def near_address(pos: int, limit: int) -> bool:
        i = bisect.bisect_right(addr_ends, pos)
        return i > 0 and pos - addr_ends[i - 1] <= limit and "\n" not in text[addr_ends[i - 1]:pos]

    expl = "A postal code together with a place name or an address."
    for m in _DE_PLZ.finditer(text):
        if text.startswith("00", m.start()):
            continue
        city = m.group("c")
        before = low[_clause_start(text, m.start(), 30):m.start()]
        if city in W.DE_CITIES or near_address(m.start(), 4) or _DE_PLZ_STRONG.search(before):
            conf = 0.9
        elif _DE_PLZ_WEAK.search(before) and not city.lower().endswith(
                ("ungen", "heiten", "keiten", "zyten", "fällen", "ällen", "jahren", "einheiten", "tagen")):
            conf = 0.7
        else:
            conf = 0.35
        c.add(m.start(), m.end(), "postal_code", conf, expl)
    if "," in text:
        for m in _US_ZIP.finditer(text):
            if m.group("s") not in W.US_STATES:
                continue
            cm = _US_CITY.search(text, max(0, m.start() - 66), m.start())
            if cm and not _word_char_before(text, cm.start()):
                c.add(cm.start(), m.end(), "postal_code", 0.9, expl)
    for m in _ZIP_KW.finditer(low):
        if not _word_char_before(low, m.start()):
            c.add(m.start("v"), m.end("v"), "postal_code", 0.85, expl)
    for m in _IN_PIN.finditer(text):
        cm = _PIN_CITY.search(text, max(0, m.start() - 60), m.start())
        if cm:
            name = cm.group("c")
            parts = name.split()
            if _nfc(parts[-1]) in W.IN_CITIES:
                c.add(cm.start() + name.rfind(parts[-1]), m.end(), "postal_code", 0.85, expl)
                continue
            if _nfc(" ".join(parts[-2:])) in W.IN_CITIES_TWO_WORD:
                c.add(cm.start(), m.end(), "postal_code", 0.85, expl)
                continue
        if near_address(m.start(), 45):
            c.add(m.start(), m.end(), "postal_code", 0.75, expl)


# --------------------------------------------------------------------------- dates

_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "januar", "jänner", "februar", "märz", "maerz", "mai", "juni", "juli", "oktober",
    "dezember", "mär", "okt", "dez",
    "जनवरी", "फ़रवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "सितम्बर",
    "अक्टूबर", "अक्तूबर", "नवंबर", "नवम्बर", "दिसंबर", "दिसम्बर"]
_MON = _trie(_MONTHS + [m.capitalize() for m in _MONTHS] + [m.upper() for m in _MONTHS if m.isascii()])
_D = rf"[0-9{_DVD}]"
# Only ever run in short windows next to a date keyword.
_DATE = re.compile(
    rf"(?<![\w.\-/])(?:"
    rf"(?P<n1>{_D}{{1,2}})(?P<s1>[./\-])(?P<n2>{_D}{{1,2}})(?P=s1)(?P<n3>{_D}{{4}}|{_D}{{2}})(?!{_D}|[./\-]{_D})"
    rf"|(?P<iy>(?:18|19|20)[0-9]{{2}})(?P<s2>[\-/.])(?P<im>[0-9]{{1,2}})(?P=s2)(?P<id>[0-9]{{1,2}})"
    rf"(?![0-9]|[./\-][0-9])"
    rf"|(?P<td>{_D}{{1,2}})(?:\.|st|nd|rd|th)?[ \t\-/]{{0,2}}(?:of[ \t])?{_MON}\.?"
    rf"(?:,?[ \t\-/]{{1,2}}(?P<ty>{_D}{{4}}))?(?![\w{_DV}])"
    rf"|{_MON}\.?[ \t]{{1,2}}(?P<md>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,?[ \t]{{1,2}}(?P<my>[0-9]{{4}}))?(?![\w])"
    rf"|(?P<pd>[0-9]{{1,2}})\.(?P<pm>[0-9]{{2}})\.(?![0-9])"
    rf")")

_DATE_KW_RE, _DATE_KW_ROLE = _keyword_index({
    "dob": ["dob", "d.o.b", "d.o.b.", "d. o. b.", "date of birth", "birth date", "birthdate", "birthday",
            "born", "born on", "b.", "geb.", "geboren", "geboren am", "geburtsdatum", "geb.-datum",
            "geb.datum", "geb. datum", "geburtstag", "जन्म तिथि", "जन्मतिथि", "जन्म तारीख", "जन्म तारीख़",
            "जन्म दिनांक", "जन्म"],
    "weak": ["admission", "admission date", "admit date", "date of admission", "doa", "d.o.a.", "discharge",
             "discharge date", "date of discharge", "death", "date of death", "aufnahme", "aufnahmedatum",
             "entlassung", "entlassdatum", "entlassungsdatum", "todesdatum", "sterbedatum", "todestag",
             "stationär", "stationärer aufenthalt", "stationären aufenthalts", "aufenthalt", "hospital stay",
             "inpatient stay", "छुट्टी"],
    "strong": ["admitted", "readmitted", "re-admitted", "discharged", "died", "deceased", "passed away",
               "hospitalised", "hospitalized", "aufgenommen", "wiederaufgenommen", "eingeliefert",
               "eingewiesen", "entlassen", "verstorben", "verstarb", "भर्ती", "डिस्चार्ज", "मृत्यु", "देहांत",
               "दाखिल"]})
# Keywords that may also follow the date ("am 03.01.2024 aufgenommen", "03/02/2024 को भर्ती").
_DATE_POST = frozenset(s for w in [
    "aufgenommen", "wiederaufgenommen", "eingeliefert", "eingewiesen", "entlassen", "verstorben", "geboren",
    "admitted", "readmitted", "discharged", "died", "born", "stationär", "भर्ती", "डिस्चार्ज", "मृत्यु",
    "जन्म", "दाखिल", "छुट्टी"] for s in _spellings(w))
_GAP = _rx(r"(?:[ \t:,\-\u2013(=]|(?:on|am|at|is|was|ist|war|of|the|den|dem|vom|date|datum|seit|since)"
           r"(?![\w]))*")
_BIRTH_MARK = _rx(r"(?<![\w*])[*\u2020][ \t]?(?=[0-9])")


def _valid_date(m: re.Match) -> bool:
    def num(g):
        return int(m.group(g))
    if m.group("n1"):
        a, b, y = num("n1"), num("n2"), num("n3")
        if not (1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)):
            return False
        return y < 100 or 1880 <= y <= 2100
    if m.group("iy"):
        return 1 <= num("im") <= 12 and 1 <= num("id") <= 31
    if m.group("td"):
        return 1 <= num("td") <= 31
    if m.group("md"):
        return 1 <= num("md") <= 31
    if m.group("pd"):
        return 1 <= num("pd") <= 31 and 1 <= num("pm") <= 12
    return False


def _partial(m: re.Match) -> bool:
    return bool(m.group("pd") or (m.group("td") and not m.group("ty")) or (m.group("md") and not m.group("my")))


def _dates_in(text: str, lo: int, hi: int):
    for m in _DATE.finditer(text, lo, min(len(text), hi + 24)):
        if m.start() > hi:
            break
        if _valid_date(m):
            yield m


_DOB_EXPL = "A date of birth."
_EVENT_EXPL = "An admission, discharge or death date of a patient."


_DATE_RANGE_NEXT = re.compile(r"[ \t]{0,2}(?:bis|to|till|until|-|\u2013)[ \t]{0,2}")


def _add_date(c: _Ctx, m: re.Match, conf: float, expl: str) -> None:
    c.add(m.start(), m.end(), "date", min(conf, 0.75) if _partial(m) else conf, expl)
    r = _DATE_RANGE_NEXT.match(c.low, m.end())  # "vom 03.01. bis 12.01.2024": the second date too
    if r:
        m2 = _DATE.match(c.text, r.end())
        if m2 and _valid_date(m2):
            c.add(m2.start(), m2.end(), "date", min(conf, 0.75) if _partial(m2) else conf, expl)


def _detect_dates(c: _Ctx) -> None:
    text, low = c.text, c.low
    if not c.has_digit:
        return
    for k in _DATE_KW_RE.finditer(low):
        ks, ke = k.span()
        if _word_char_before(low, ks):
            continue
        kw = k.group()
        role = _DATE_KW_ROLE.get(kw)
        ce = _clause_end(text, ke, 60)
        for m in _dates_in(text, ke, ce):
            if role in ("dob", "weak"):
                if _GAP.fullmatch(low, ke, m.start()):
                    _add_date(c, m, 0.95 if role == "dob" else 0.85, _DOB_EXPL if role == "dob" else _EVENT_EXPL)
            elif m.start() - ke <= 35:
                _add_date(c, m, 0.9, _EVENT_EXPL)
            break
        if kw in _DATE_POST:
            cs = _clause_start(text, ks, 50)
            last = None
            for m in _dates_in(text, cs, ks):
                if m.end() <= ks:
                    last = m
            if last is not None and ks - last.end() <= 35:
                _add_date(c, last, 0.85, _EVENT_EXPL)
    if "*" in text or "\u2020" in text:
        for b in _BIRTH_MARK.finditer(text):
            m = _DATE.match(text, b.end())
            if m and _valid_date(m):
                _add_date(c, m, 0.9, _DOB_EXPL if text[b.start()] == "*" else _EVENT_EXPL)


# --------------------------------------------------------------------------- ages 90+

# A number from 90 to 119 (ASCII or Devanagari digits) at a word boundary.
_AGE_NUM = _rx(
    r"[19\u0967\u096f](?<![\w.,/\-\u2013][19\u0967\u096f])"
    r"(?:(?<=9)[0-9]|(?<=1)[01][0-9]|(?<=\u096f)[\u0966-\u096f]|(?<=\u0967)[\u0966\u0967][\u0966-\u096f])"
    r"(?![0-9\u0966-\u096f]|[.,][0-9])")
_AGE_HARD_TAIL = _rx(
    r"(?:[ \t]?[\-\u2010\u2013][ \t]?|[ \t])?"
    r"(?:(?:years?|yrs?|yr)[ \t]?[\-\u2010\u2013]?[ \t]?old|y/o|y\.o\.|yo|yrs?\.? old"
    r"|jährig\w{0,3}|jähr\.|jahre alt|jahren alt|वर्षीया|वर्षीय)(?![\w])")
_AGE_SOFT_TAIL = _rx(r"[ \t]?(?P<u>(?:years?|yrs?|jahre|jahren)(?![\w])|j\.|साल|वर्ष|बरस)")
_AGE_SEX_TAIL = _rx(r"[ \t]?[MFmfw](?![\w°])")
_AGE_PREFIX = _rx(r"(?:(?:aged|age|im alter von|alter von|alter|उम्र|आयु)[ \t]{0,2}[:=]?"
                  r"|(?:he|she|the patient|the pt|er|sie|die patientin|der patient)"
                  r"(?:'s|\u2019s| is| was| ist| war))[ \t]{0,2}$")
_AGE_PRONOUN_UNIT = _rx(r"[ \t]?(?:%|kg|g|cm|mm|mg|ml|bpm|/min|mmhg|°|percent|prozent|kilos?|pounds|"
                        r"lbs?|minutes|minuten|schläge)")
_AGE_THRESHOLD_BEFORE = _rx(
    r"(?:\b(?:over|above|under|below|than|about|über|unter|ab|bis|als|jenseits|mindestens|least)"
    r"|[≥>≤<+~])\s{0,2}$")
_AGE_RANGE_AFTER = _rx(
    r"\s{0,2}(?:\+|plus\b|(?:(?:years?|jahre?n?|yrs?)(?: old)?\s+)?(?:and|or|und|oder)\s{1,2}(?:over|older|above|more|"
    r"up|beyond|älter|mehr|darüber|über|[0-9])|(?:to|bis)\s{0,2}[0-9]|[\-\u2013]\s?[0-9]|(?:years?|jahre?n?|yrs?)\s+"
    r"(?:of|ago|later|after|before|since)\b|या|से|तक|के बाद|पहले)")
_AGE_SEX_BEFORE = _rx(r"(?:\b(?:an?|pt\.?|pat\.?|patient(?:in)?|case|fall)[ \t:]{0,3}|^[ \t]*|[\n(:,][ \t]*)$")
_TEMP_NEAR = _rx(r"temp|fever|febril|fieber|tmax|°|बुखार")
_HI_AGE_NOT_AFTER = _rx(r"\s{0,2}(?:से|पहले|तक|बाद|में)(?![\u0900-\u097F])")
_SOFT_OK_AFTER = _rx(r"\s{0,2}(?:[,;)/]|(?:old|alt)\b|$)")
_AGE_EXPL = "An age of 90 or over identifies very old patients; write \"90 or older\" instead."


def _detect_age(c: _Ctx) -> None:
    text, low = c.text, c.low
    if not c.has_digit and not c.has_dev:
        return
    for m in _AGE_NUM.finditer(text):
        s, e = m.span()
        if _AGE_THRESHOLD_BEFORE.search(low, max(0, s - 14), s):
            continue
        prefix = _AGE_PREFIX.search(low, max(0, s - 30), s)
        if prefix and _word_char_before(low, prefix.start()):
            prefix = None
        tail = _AGE_HARD_TAIL.match(low, e)
        conf, end = 0.0, e
        if tail:
            conf, end = 0.85, tail.end()
        else:
            soft = _AGE_SOFT_TAIL.match(low, e)
            if soft:
                u = soft.group("u")
                rest = low[soft.end():soft.end() + 24]
                if u in ("साल", "वर्ष", "बरस"):
                    ok = not _HI_AGE_NOT_AFTER.match(rest)
                elif u == "j.":
                    ok = True
                else:
                    ok = bool(_SOFT_OK_AFTER.match(rest))
                if ok:
                    conf, end = 0.8, soft.end()
        if prefix and not conf:
            p = prefix.group()
            pronoun = not p.startswith(("age", "alter", "im alter", "उम्र", "आयु"))
            if pronoun and _AGE_PRONOUN_UNIT.match(low, e):
                continue
            conf = 0.75 if pronoun else 0.85
        if not conf:
            sx = _AGE_SEX_TAIL.match(text, e)
            if (sx and _AGE_SEX_BEFORE.search(low, max(0, s - 14), s)
                    and not _TEMP_NEAR.search(low, max(0, s - 25), min(len(low), sx.end() + 8))):
                conf, end = 0.7, sx.end()
        if not conf or _AGE_RANGE_AFTER.match(low, end):
            continue
        pronoun_prefix = prefix and prefix.group().startswith(("he", "she", "the", "er", "sie", "die", "der"))
        start = prefix.start() if prefix and not pronoun_prefix else s
        c.add(start, end, "age", conf, _AGE_EXPL)


# --------------------------------------------------------------------------- names

_HONORIFIC = _rx(
    r"(?P<h>Mrs|Mr|Ms|Miss|Mx|Frau|Herrn|Herr|Hr|Smt|Shrimati|Shri|Sri|Kumari)(?P<dot>\.)?"
    r"(?=[ \t\u00a0]{1,3}[^\W\d_])")
_PATIENT_ANCHOR = _rx(r"pat|pt")
_PATIENT_KW = _rx(
    r"(?:[Pp]atient(?:in)?|[Pp]t\.?|Pat\.)(?:[ \t]{0,2}[,:])?"
    r"(?:[ \t]{1,3}(?:named|called|namens|genannt)(?![\w]))?(?=[ \t]{1,3}[^\W\d_])")
_NAME_LABEL = _rx(
    r"(?P<kw>[Pp]atient(?:'s|s)? [Nn]ame|[Nn]ame of the patient|Patientenname|Name des Patienten|"
    r"Name der Patientin|der Name|the name|Name|name(?= is)|named|called|namens|hei(?:ß|ss)t)"
    r"(?P<is> is)?(?P<colon>[ \t]{0,2}[:\-\u2013])?(?=[ \t]{1,3}[^\W\d_])")
_NAME_ANCHOR = _rx(r"name|called|hei(?:ß|ss)t")
_NAME_TOKEN = _rx(
    r"[ \t\u00a0]{1,3}(?:(?P<p>von|van|de|der|den|da|di|del|du|le|la|zu|ten|ter|bin|al|el)[ \t]{1,3}"
    r"(?:(?:der|den|de|la|le|du|dem)[ \t]{1,3})?)?"
    r"(?P<t>[^\W\d_][\w'\u2019\-]{0,30})(?P<dot>\.)?")
_MISS_VERB_BEFORE = _rx(r"\b(?:don't|don\u2019t|do not|never|not|can't|won't|didn't|to|must|will|"
                        r"shouldn't|you|we|i)\s{1,2}$")
_ARTICLE_BEFORE = _rx(
    r"\b(?:ein|eine|einer|einem|einen|die|der|dem|den|des|junge|jungen|ältere|älteren|alte|alten|"
    r"diese|dieser|jene|jener|unsere|unserer|\w*jährige[nr]?)\s{1,2}$")
_INSTITUTION_AFTER = _rx(
    rf"[ \t]{{0,2}}(?:(?i:hospital|hospitals|medical|clinic|clinics|college|institute|institution|trust|"
    rf"memorial|foundation|nursing|hospice|krankenhaus|klinik|klinikum|stift|stiftung|school|university)"
    rf"(?![\w])|(?:अस्पताल|हॉस्पिटल|हस्पताल|मेडिकल|क्लिनिक|कॉलेज|मंदिर|ट्रस्ट|संस्थान|नर्सिंग|चिकित्सालय)"
    rf"(?![{_DV}]))")

_HI_HONORIFIC = _rx(r"(?P<h>श्रीमती|श्रीमति|श्रीमान|सुश्री|श्री|कुमारी)\.?[ \t]{1,2}" + rf"(?=[{_DV}])")
_HI_PATIENT = _rx(
    rf"(?:मरीज़|मरीज|रोगी|पेशेंट)(?![{_DV}])"
    rf"(?P<label>[ \t]{{1,2}}(?:का|की)[ \t]{{1,2}}नाम(?![{_DV}]))?[ \t]{{0,2}}[:,\-]?[ \t]{{0,2}}(?=[{_DV}])")
_HI_NAME_LABEL = _rx(rf"नाम(?![{_DV}])[ \t]{{0,2}}[:\-]?[ \t]{{0,2}}(?=[{_DV}])")
_DEV_TOKEN = _rx(rf"(?P<t>[{_DV}]{{1,24}})(?![{_DV}])")
_DEV_NEXT = _rx(rf"[ \t]{{1,2}}(?P<t>[{_DV}]{{1,24}})(?![{_DV}])")
_NE = _nfc("ने")
_OBLIQUE_PLURAL = _nfc("\u094b\u0902")  # "-ों": oblique plural nouns are not names
_JI = _nfc("जी")
_HAI = frozenset([_nfc("है"), _nfc("हैं")])


def _noun_like(token: str) -> bool:
    low = token.lower()
    return low.endswith(W.GERMAN_NOUN_SUFFIXES) and len(low) > 6


def _latin_name(text: str, pos: int, strict: bool) -> tuple[int, int] | None:
    """Read up to three capitalised name tokens starting at ``pos`` (which points at whitespace).
    Returns (end, number of tokens) or None when no plausible name follows."""
    tokens = 0
    end = None
    i = pos
    while tokens < 3:
        m = _NAME_TOKEN.match(text, i)
        if not m:
            break
        t = m.group("t")
        possessive = False
        if t.endswith(("'s", "\u2019s")):
            t, possessive = t[:-2], True
        t = t.rstrip("-'\u2019")
        if not t or not t[0].isupper() or any(ch.isdigit() for ch in t) or "_" in t:
            break
        if t in W.NAME_STOP or (strict and t.lower() in W.PATIENT_ROUTE_STOP):
            break
        if len(t) == 1:  # an initial: fine after a first name, a pseudonym on its own ("Mr K.")
            if not tokens:
                return None
            tokens += 1
            end = m.start("t") + 1 + (1 if m.group("dot") else 0)
            i = end
            continue
        if strict and t.isupper():
            break
        if _noun_like(t) and (tokens or strict):
            break
        tokens += 1
        end = m.start("t") + len(t)
        if possessive or m.group("dot"):
            break
        i = end
    return (end, tokens) if tokens else None


def _dev_name(text: str, pos: int) -> tuple[int, list[str], str] | None:
    """Read up to three Devanagari name tokens at ``pos``.  Returns (end, tokens, next word)."""
    m = _DEV_TOKEN.match(text, pos)
    tokens: list[str] = []
    end = pos
    while m and len(tokens) < 3:
        t = _nfc(m.group("t"))
        if t in W.HI_STOP or len(t) < 2 or t.endswith(_NE) or t.endswith(_OBLIQUE_PLURAL):
            break
        tokens.append(t)
        end = m.end()
        m = _DEV_NEXT.match(text, end)
    if not tokens:
        return None
    nxt = _nfc(m.group("t")) if m else ""
    return end, tokens, nxt


_NAME_EXPL_HON = "Looks like a person's name (a title such as Mr, Frau or श्रीमती followed by a name)."
_NAME_EXPL_PAT = "Looks like a patient's name (a name right after \"patient\", \"Pat.\" or \"मरीज़\")."
_NAME_EXPL_LABEL = "Looks like a patient's name (a name after \"name\")."


def _detect_names(c: _Ctx) -> None:
    text, low = c.text, c.low
    for m in _HONORIFIC.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "._"):
            continue
        got = _latin_name(text, m.end(), strict=False)
        if not got or _INSTITUTION_AFTER.match(text, got[0]):
            continue
        conf = 0.9
        h = m.group("h")
        if h in ("Frau", "Herr", "Herrn") and _ARTICLE_BEFORE.search(low, max(0, m.start() - 24), m.start()):
            conf = 0.45  # "eine Frau ..." is the common noun, not a title
        elif h == "Miss":
            if _MISS_VERB_BEFORE.search(low, max(0, m.start() - 12), m.start()):
                continue  # "Don't Miss Sepsis"
            conf = 0.7
        c.add(m.start(), got[0], "patient_name", conf, _NAME_EXPL_HON)
    for a in _PATIENT_ANCHOR.finditer(low):
        if _word_char_before(low, a.start()):
            continue
        m = _PATIENT_KW.match(text, a.start())
        if not m:
            continue
        got = _latin_name(text, m.end(), strict=True)
        if not got:
            continue
        end, n = got
        pm = _NAME_TOKEN.match(text, m.end())
        start = pm.start("p") if pm.group("p") else pm.start("t")
        c.add(start, end, "patient_name", 0.85 if n >= 2 else 0.7, _NAME_EXPL_PAT)
    seen_labels = set()
    for a in _NAME_ANCHOR.finditer(low):
        m = None
        for back in (10, 9, 8, 4, 0):  # "patient's name", "patients name", "patient name", "der Name"
            if a.start() - back >= 0:
                m = _NAME_LABEL.match(text, a.start() - back)
                if m and m.end() > a.start():
                    break
                m = None
        if not m or m.start() in seen_labels or _word_char_before(text, m.start()):
            continue
        seen_labels.add(m.start())
        kw = m.group("kw")
        if kw == "Name" and not m.group("colon"):
            continue
        got = _latin_name(text, m.end(), strict=True)
        if not got:
            continue
        end, n = got
        strong = bool(m.group("colon")) or kw.lower().startswith(("patient", "name of", "name des", "name der"))
        pm = _NAME_TOKEN.match(text, m.end())
        c.add(pm.start("t"), end, "patient_name", 0.85 if (strong or n >= 2) else 0.45, _NAME_EXPL_LABEL)

    if not c.has_dev:
        return
    for m in _HI_HONORIFIC.finditer(text):
        if _word_char_before(text, m.start()):
            continue
        got = _dev_name(text, m.end())
        if got and not _INSTITUTION_AFTER.match(text, got[0]):
            c.add(m.start(), got[0], "patient_name", 0.9, _NAME_EXPL_HON)
    for m in _HI_PATIENT.finditer(text):
        if _word_char_before(text, m.start()):
            continue
        got = _dev_name(text, m.end())
        if not got:
            continue
        end, tokens, nxt = got
        if m.group("label"):
            conf = 0.85
        elif len(tokens) >= 2 and tokens[-1] in W.HI_SURNAMES:
            conf = 0.85
        elif nxt == _JI:
            conf = 0.8
        elif nxt in W.HI_POSTPOSITIONS or (nxt == "" and len(tokens) >= 2):
            conf = 0.55
        else:
            conf = 0.4
        c.add(m.end(), end, "patient_name", conf, _NAME_EXPL_PAT)
    for m in _HI_NAME_LABEL.finditer(text):
        if _word_char_before(text, m.start()):
            continue
        got = _dev_name(text, m.end())
        if not got:
            continue
        end, tokens, nxt = got
        conf = 0.85 if (tokens[-1] in W.HI_SURNAMES or nxt in _HAI or nxt == "") else 0.5
        c.add(m.end(), end, "patient_name", conf, _NAME_EXPL_LABEL)



# --------------------------------------------------------------------------- custom patterns

_MAX_SOURCE = 500
_MAX_REPEAT = 1000
_MAX_AMBIGUITY = 5000
_REPEATS = {_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT}
if hasattr(_sre_c, "POSSESSIVE_REPEAT"):
    _REPEATS.add(_sre_c.POSSESSIVE_REPEAT)


def _children(op, av):
    """Sub-patterns directly below one parsed node."""
    if op in _REPEATS:
        return [av[2]]
    if op is _sre_c.SUBPATTERN:
        return [av[-1]]
    if op is _sre_c.BRANCH:
        return list(av[1])
    if op in (_sre_c.ASSERT, _sre_c.ASSERT_NOT):
        return [av[1]]
    if getattr(_sre_c, "ATOMIC_GROUP", None) is op:
        return [av]
    if op is _sre_c.GROUPREF_EXISTS:
        return [p for p in av[1:] if p is not None]
    return []


def _check_nesting(sub, inside_repeat: bool) -> None:
    for op, av in sub:
        if op in _REPEATS:
            lo, hi, body = av
            if inside_repeat and hi > 1:
                raise PatternError(
                    "The pattern repeats something that is itself repeated (a nested quantifier such "
                    "as (a+)+ or (.*)*); such patterns can take exponential time. Repeat a single "
                    "character class instead, e.g. [A-Z0-9]{4,12}.")
            _check_nesting(body, inside_repeat or hi > 1)
        else:
            for child in _children(op, av):
                _check_nesting(child, inside_repeat)


def _ambiguity(sub, inside_repeat: bool) -> int:
    cost = 1
    for op, av in sub:
        if op in _REPEATS:
            lo, hi, body = av
            if hi == _sre_c.MAXREPEAT:
                raise PatternError(
                    "Unbounded quantifiers (*, + or {n,}) are not allowed: give an upper bound, "
                    "e.g. \\d{1,12} instead of \\d+.")
            if hi > _MAX_REPEAT:
                raise PatternError(f"Quantifier bounds above {_MAX_REPEAT} are not allowed.")
            cost *= (hi - lo + 1) * _ambiguity(body, inside_repeat or hi > 1)
        elif op is _sre_c.BRANCH:
            if inside_repeat:
                raise PatternError(
                    "Alternatives inside a repeated group, e.g. (a|ab){1,5}, can backtrack "
                    "catastrophically; list the characters in a class like [ab]{1,5} instead.")
            cost *= sum(_ambiguity(b, inside_repeat) for b in av[1])
        elif op in (_sre_c.GROUPREF, _sre_c.GROUPREF_EXISTS):
            raise PatternError("Backreferences (\\1, (?P=name), (?(1)...)) are not allowed.")
        else:
            for child in _children(op, av):
                cost *= _ambiguity(child, inside_repeat)
        if cost > _MAX_AMBIGUITY:
            raise PatternError(
                "The pattern is too ambiguous (too many ways to match the same text, which makes "
                "scanning slow); narrow the quantifier ranges.")
    return cost


def compile_extra_pattern(source: str) -> re.Pattern:
    """Validate and compile an operator-supplied regular expression.

    Rejects, with a message for humans (``PatternError.message``): empty or overlong patterns,
    invalid syntax, nested quantifiers ((a+)+, (.*)*), unbounded quantifiers (*, +, {n,}),
    alternation inside a repeat, backreferences, very ambiguous patterns, and patterns that can
    match the empty string (which would flag every post)."""
    if not isinstance(source, str) or not source.strip():
        raise PatternError("The pattern is empty. Enter a regular expression such as KH-\\d{6}.")
    if len(source) > _MAX_SOURCE:
        raise PatternError(f"The pattern is too long (at most {_MAX_SOURCE} characters).")
    try:
        compiled = _rx(source)
        parsed = _sre_parse.parse(source)
    except re.error as exc:
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        raise PatternError(f"This is not a valid regular expression: {exc.msg}{where}.") from None
    except (RecursionError, OverflowError):
        raise PatternError("The pattern is too complex.") from None
    _check_nesting(parsed, False)
    _ambiguity(parsed, False)
    if parsed.getwidth()[0] == 0:
        raise PatternError(
            "The pattern can match an empty string (e.g. \"a|\", \"x?\" or \"^\"), so it would flag "
            "every post. Make sure it always needs at least one character.")
    return compiled


@lru_cache(maxsize=256)
def _compiled_extra(source: str) -> re.Pattern | None:
    try:
        return compile_extra_pattern(source)
    except PatternError as exc:
        log.warning("ignoring invalid extra guard pattern: %s", exc.message)
        return None


def _detect_custom(c: _Ctx) -> None:
    for item in c.config.extra_patterns:
        try:
            label, source, explanation = item
        except (TypeError, ValueError):
            continue
        pattern = _compiled_extra(source)
        if pattern is None:
            continue
        expl = explanation or f"Matches the organisation's pattern \"{label}\"."
        for n, m in enumerate(pattern.finditer(c.text)):
            if n >= 1000:
                break
            c.add(m.start(), m.end(), "custom", 0.9, expl)


# --------------------------------------------------------------------------- scan

def _merge(cands: list[tuple[int, int, str, float, str]]) -> list[Finding]:
    cands.sort(key=lambda x: (x[0], -x[1]))
    out: list[Finding] = []
    cluster: list[tuple[int, int, str, float, str]] = []
    cluster_end = -1

    def flush() -> None:
        if cluster:
            best = max(cluster, key=lambda x: (x[3], -_SPECIFICITY.get(x[2], 99), x[1] - x[0]))
            out.append(Finding(cluster[0][0], max(x[1] for x in cluster), best[2], best[4], best[3]))

    for cand in cands:
        if cand[0] >= cluster_end:
            flush()
            cluster = [cand]
            cluster_end = cand[1]
        else:
            cluster.append(cand)
            cluster_end = max(cluster_end, cand[1])
    flush()
    return out


def scan(text: str, config: GuardConfig | None = None) -> list[Finding]:
    """Find likely patient identifiers in ``text``.  Findings are sorted by start and do not
    overlap; overlapping candidates are merged (the most confident, then most specific, wins)."""
    if not text:
        return []
    config = config or _DEFAULT_CONFIG
    enabled = frozenset(CATEGORIES) if config.enabled_categories is None else (
        frozenset(config.enabled_categories) & frozenset(CATEGORIES))
    if not enabled:
        return []
    c = _Ctx(text, config)
    if "email" in enabled:
        _detect_email(c)
    if "url" in enabled:
        _detect_url(c)
    if "ip_address" in enabled:
        _detect_ip(c)
    if enabled & {"national_id", "insurance_number"}:
        _detect_checksums(c, enabled)
    if enabled & {"record_number", "insurance_number", "national_id", "device_serial"}:
        _detect_keyed(c, enabled)
    if "licence_plate" in enabled:
        _detect_plates(c)
    if enabled & {"address", "postal_code"}:
        _detect_address(c, enabled)
    if "date" in enabled:
        _detect_dates(c)
    if "age" in enabled:
        _detect_age(c)
    if "patient_name" in enabled:
        _detect_names(c)
    if "custom" in enabled and config.extra_patterns:
        _detect_custom(c)
    if "phone" in enabled:  # last: skips digits already explained by a stronger finding
        _detect_phone(c)
    threshold = config.min_confidence
    return _merge([x for x in c.out if x[2] in enabled and x[3] >= threshold])
