"""E-mail addresses, URLs, IP addresses and phone numbers."""
from __future__ import annotations

import bisect
import ipaddress
import re

from phonenumbers import Leniency, PhoneNumberMatcher



from .base import (
    _l,
    _Ctx,
    _clause_start,
    _digits,
    _rx,
    _trie,
    log,
)


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
                c.add(j, m.end(), "email", 0.95, _l("An e-mail address."))
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
        c.add(start, end, "url", 0.97, _l("A link whose address names a patient or a record "
                                       "(e.g. ?patient=, ?mrn=, ?id=)."))


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
            c.add(m.start(), m.end(), "ip_address", conf, _l("An IP address."))
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
            c.add(m.start(), m.start() + len(s), "ip_address", 0.9, _l("An IP address."))


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
            c.add(a, b, "phone", conf, _l("A phone or fax number."))
