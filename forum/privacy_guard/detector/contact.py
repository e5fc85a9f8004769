"""E-mail addresses, URLs, IP addresses and phone numbers."""
from __future__ import annotations

import bisect
import ipaddress
import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType



from .base import (
    _l,
    _Ctx,
    _clause_start,
    _digits,
    _rx,
    _trie,
    first_tokens,
    log,
)


# --------------------------------------------------------------------------- e-mail

_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_EMAIL_DOMAIN = _rx(r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![\w\-@])")


# "anna.schmidt at gmail dot com", "anna[at]web[dot]de", "anna (at) web.de": the local part is read
# backwards from the "at".
_TLD = r"(?:com|de|in|org|net|co|uk|edu|info|at|ch|gov|nic|io|me)(?![\w])"
_DOT_WORD = r"(?:[ \t]?[\[(][ \t]?(?:dot|punkt)[ \t]?[\])][ \t]?|[ \t](?:dot|punkt)[ \t])"
# A bracketed "at" may sit next to real dots; a bare " at " needs spelled-out dots too ("updates at
# instagram.com" is not an address).
_EMAIL_SPELLED = re.compile(
    r"(?:[ \t]?[\[(][ \t]?at[ \t]?[\])][ \t]?(?P<d1>[a-z0-9][a-z0-9\-]{0,40})(?:(?:" + _DOT_WORD + r"|\.)[a-z0-9\-]{1,40}){0,2}"
    r"(?:" + _DOT_WORD + r"|\.)" + _TLD
    + r"|[ \t]at[ \t](?P<d2>[a-z0-9][a-z0-9\-]{0,40})(?:" + _DOT_WORD + r"[a-z0-9\-]{1,40}){0,2}" + _DOT_WORD + _TLD + ")")


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
    low = c.low
    if "at)" in low or "at]" in low or " dot " in low or " punkt " in low:
        for m in _EMAIL_SPELLED.finditer(low):
            j = m.start()
            while j > 0 and m.start() - j < 64 and text[j - 1] in _EMAIL_LOCAL:
                j -= 1
            while j < m.start() and not text[j].isalnum():
                j += 1
            if j < m.start():
                c.add(j, m.end(), "email", 0.85, _l("An e-mail address written out to hide it."))


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
    "subject_id", "user", "userid", "user_id", "study", "studyid", "study_id", "accession", "accessionnumber",
    "befund", "befundid", "akte", "akteid"]
_URL_QUERY = re.compile(r"[?&;]" + _trie(_URL_KEYS) + r"=(?=[^&#\s])")
_URL_PATH = re.compile(r"/" + _trie(["patient", "patients", "pat", "record", "records", "mrn", "case",
                                     "cases", "faelle", "fälle", "chart", "charts", "encounter",
                                     "encounters", "person", "persons", "akte", "akten", "befund", "befunde",
                                     "study", "studies", "fall"])
                       + r"/[a-z0-9\-]{3,40}(?=[/?#\s]|$)")
# A share link whose name carries a patient or case number: ".../s/seizure-pat-4471".
_URL_SLUG = _rx(r"[/\-_](?:pat|patient|patientin|fall|case|mrn)[\-_][0-9]{3,10}(?=[/?#\s\-_.]|$)")
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
        hits += [m.start() for m in _URL_SLUG.finditer(low)]
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
              r"(?:firmware|software|version|release|build)[ \t]{1,2}(?:is|was|ist|war|von|of)|"
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
    r"telefonnummer|contact|kontakt|whatsapp|sms|text|texts|pager)\b|फोन|फ़ोन|मोबाइल|नंबर|"
    r"संपर्क|कॉल)")
_PHONE_CTX_AFTER = _rx(r"^\W{0,3}(?:पर|से)?\s{0,2}(?:call|फोन|फ़ोन|कॉल|anrufen|zurückrufen)")
_NON_DIGIT = _rx(r"[^0-9]+")


def _region_may_match(region: str, digits: str, groups: list[str]) -> bool:
    """Cheap necessary conditions before asking phonenumbers (which is comparatively slow):
    a valid NANP number has 10 digits, a national German number starts with the trunk prefix 0,
    an Indian one has at least 10 digits.  Other regions are always asked."""
    if region in ("US", "CA"):
        # ten digits after an optional country code 1, the area code starting with 2-9 -- from the
        # first group or, when that is a stray prefix ("0 212 ..."), from the second
        for d in (digits, "".join(groups[1:])):
            d = d[1:] if d.startswith("1") else d
            if len(d) >= 10 and d[0] in "23456789":
                return True
        return False
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
    prev_end = 0
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
        # a service word just before the number (not before an earlier number) or right after it
        service = (_SERVICE_CTX.search(low, max(_clause_start(text, cs, 40), prev_end), cs)
                   or _SERVICE_CTX.search(low, ce, min(len(low), ce + 20)))
        prev_end = ce
        for a, b in spans:
            raw = text[a:b]
            if _is_public_number(raw, regions, c.config.public_numbers, bool(service)):
                continue
            if ctx:
                conf = 0.9
            elif raw.startswith("+") or raw.startswith("00"):
                conf = 0.9
            elif _digits(raw) >= 10 or re.search(r"[ ()\-/]", raw):
                conf = 0.75
            else:
                conf = 0.6
            c.add(a, b, "phone", conf, _l("A phone or fax number."))


# --------------------------------------------------------------------------- public service numbers

# Numbers that belong to services, never to a patient: poison centres, crisis lines, out-of-hours
# services.  Toll-free numbers are always a service's; an instance adds its own hospitals'
# switchboards at /admin/guard (GuardConfig.public_numbers).
PUBLIC_NUMBERS = frozenset({
    "+18002221222",                      # US Poison Control
    "+18002738255", "+18006624357",      # US suicide prevention, SAMHSA helpline
    "+493019240", "+4922819240", "+4936173 0730".replace(" ", ""), "+4976119240", "+4955119240",
    "+49613119240", "+498919240", "+4968119240",  # German poison centres (Giftnotruf)
    "+49116117", "+49116123", "+498001110111", "+498001110222",  # Bereitschaftsdienst, Telefonseelsorge
    "+911800116117", "+9118001804104", "+9118005990019", "+9118008914416", "+911125893380",  # Indian helplines
})
_SERVICE_CTX = _rx(
    r"(?:poison|helpline|help line|hotline|crisis line|switchboard|toll[ \-]free|freephone|"
    r"giftnotruf|giftinformation|vergiftungszentrale|telefonseelsorge|bereitschaftsdienst|zentrale|"
    r"servicenummer|kostenlos|gebührenfrei|हेल्पलाइन|टोल फ्री|टोल-फ्री)")
_TOLL_FREE = {PhoneNumberType.TOLL_FREE, PhoneNumberType.SHARED_COST, PhoneNumberType.PREMIUM_RATE}


# Toll-free prefixes by country calling code, on the national significant number.
_TOLL_FREE_NSN = {"1": ("800", "833", "844", "855", "866", "877", "888"), "49": ("800",), "91": ("1800", "800")}
_TRUNK = {"1": "1", "49": "0", "91": "0"}


def _national_forms(digits: str) -> set[tuple[str, str]]:
    """(country code, national significant number) readings of a digit string: with a country
    code (+/00), or national with a trunk prefix -- cheap, no parsing."""
    forms = set()
    body = digits[2:] if digits.startswith("00") else digits
    for cc, trunk in _TRUNK.items():
        if body.startswith(cc) and (digits.startswith("00") or len(body) > 10):
            forms.add((cc, body[len(cc):]))
        if digits.startswith(trunk):
            forms.add((cc, digits[len(trunk):]))
        if cc == "1" and len(digits) == 10:
            forms.add((cc, digits))
        if cc == "91" and len(digits) == 10 and digits[0] in "6789":
            forms.add((cc, digits))
        if cc == "91" and digits.startswith("1800"):
            forms.add((cc, digits))
    return forms


def _is_public_number(raw: str, regions: tuple[str, ...], extra: tuple[str, ...], service_ctx: bool) -> bool:
    """A recognised public service number: on the built-in or the instance's list, a toll-free
    number, or any number introduced as a poison centre, helpline or switchboard."""
    if service_ctx:
        return True
    digits = "".join(ch for ch in raw if ch.isdigit())
    for cc, nsn in _national_forms(digits):
        e164 = f"+{cc}{nsn}"
        if e164 in PUBLIC_NUMBERS or e164 in extra:
            return True
        if nsn.startswith(_TOLL_FREE_NSN.get(cc, ())):
            return True
    if extra and raw.startswith("+") and "+" + digits in extra:
        return True
    return False


def normalise_public_number(raw: str, regions: tuple[str, ...]) -> str | None:
    """An operator's public number in E.164, read with the instance's phone regions; None when it
    is not a valid number in any of them."""
    for region in regions or ("US",):
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) or phonenumbers.is_possible_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


# --------------------------------------------------------------------------- numbers in words

DIGIT_WORDS = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9",
    "null": "0", "eins": "1", "zwei": "2", "zwo": "2", "drei": "3", "vier": "4", "fünf": "5", "sechs": "6",
    "sieben": "7", "acht": "8", "neun": "9",
    "शून्य": "0", "एक": "1", "दो": "2", "तीन": "3", "चार": "4", "पांच": "5", "पाँच": "5", "छह": "6",
    "छः": "6", "छे": "6", "सात": "7", "आठ": "8", "नौ": "9",
}
_DIGIT_WORD = _trie(DIGIT_WORDS)
# Seven or more digit words in a row, separated by spaces, commas or hyphens only.
_WORD_DIGITS = re.compile(_DIGIT_WORD + r"(?:[ \t,\-]{1,3}" + _DIGIT_WORD
                          + r"(?![\w\u0900-\u097f])){6,16}")
_DIGIT_WORD_FIRSTS = first_tokens(DIGIT_WORDS)
_DIGIT_WORD_RE = re.compile(_DIGIT_WORD + r"(?![\w\u0900-\u097f])")


def words_to_digits(text: str) -> str:
    """"nine one seven, five five five" -> "917555" (digit words of en/de/hi, nothing else)."""
    return "".join(DIGIT_WORDS[m.group()] for m in _DIGIT_WORD_RE.finditer(text.lower()))


def _detect_phone_words(c: _Ctx) -> None:
    low = c.low
    for m in c.keyword_matches(_WORD_DIGITS, _DIGIT_WORD_FIRSTS):
        if m.start() and (low[m.start() - 1].isalnum() or "\u0900" <= low[m.start() - 1] <= "\u097f"):
            continue
        digits = words_to_digits(m.group())
        if len(digits) < 7:
            continue
        ctx = _PHONE_CTX.search(low, _clause_start(c.text, m.start(), 60), m.start())
        conf = 0.9 if ctx else (0.75 if len(digits) >= 10 else 0.55)
        c.add(m.start(), m.end(), "phone", conf, _l("A phone number written out in words."))


# --------------------------------------------------------------------------- personal pages

_CROWDFUNDING = ["gofundme.com", "gofund.me", "ketto.org", "milaap.org", "impactguru.com", "justgiving.com",
                 "leetchi.com", "betterplace.me", "betterplace.org", "gogetfunding.com", "fundly.com",
                 "givebutter.com", "donorbox.org", "indiegogo.com", "startnext.com", "fundrazr.com",
                 "crowdfunder.co.uk", "givealittle.co.nz", "caringbridge.org", "mealtrain.com",
                 "lotsahelpinghands.com"]
_SOCIAL = ["facebook.com", "fb.com", "instagram.com", "twitter.com", "x.com", "tiktok.com", "youtube.com",
           "linkedin.com", "threads.net", "reddit.com", "pinterest.com", "snapchat.com", "t.me",
           "medium.com", "substack.com", "blogspot.com", "wordpress.com", "tumblr.com", "wixsite.com",
           "weebly.com", "sharechat.com", "mastodon.social", "bsky.app"]
# The host (a trie, so the scan skips quickly), then the path; subdomains are read backwards.
_PAGE_HOST = re.compile(r"(?P<h>" + _trie(_CROWDFUNDING + _SOCIAL)
                        + r")(?![\w\-])(?P<path>/[^\s<>\"'()\[\]`]{2,200})?")
_CROWD = frozenset(_CROWDFUNDING)
_PAGE_HOST_FIRSTS = first_tokens(h for h in _CROWDFUNDING + _SOCIAL if h not in ("t.me", "x.com"))
_PERSONAL_CTX = _rx(
    r"\b(?:his|her|their|him|he|she|patient|patients|pt|family|families|daughter|son|wife|husband|mother|"
    r"father|mum|mom|dad|grand\w{0,8}|sister|brother|relatives?|fundraiser|fundraising|donations?|"
    r"ihr|ihre|ihren|sein|seine|seinen|er|sie|"
    r"patientin|patienten|familie|tochter|sohn|frau|mann|mutter|vater|angehörige\w{0,2}|spenden\w{0,4})\b"
    r"|परिवार|बेटी|बेटा|बेटे|पत्नी|पति|मां|माँ|पिता|मरीज़|मरीज|उनकी|उनके|उनका|उसकी|उसके")
_SUBDOMAIN_SITES = frozenset(["blogspot.com", "wordpress.com", "tumblr.com", "wixsite.com", "weebly.com",
                              "substack.com", "medium.com"])
_BARE_PATHS = frozenset(["/", "/home", "/explore", "/login", "/search", "/watch", "/about", "/help"])


# "@handle" next to a social network's name: a personal page without its URL.
_HANDLE = _rx(r"(?:instagram|insta|twitter|tiktok|threads|youtube|x|facebook|fb|sharechat|moj|snapchat)"
              r"(?:[ \t](?:handle|account|profile|page|channel))?[ \t:]{1,3}(?:(?:is|ist|पर|on|unter)[ \t]{1,2})?"
              r"(?P<h>@[A-Za-z0-9_.]{3,30})(?![\w@])")


def _detect_personal_pages(c: _Ctx) -> None:
    """Links to crowdfunding campaigns (always about a person) and to social-media profiles and
    blogs when the sentence is about a patient or their family."""
    text, low = c.text, c.low
    if "@" in low:
        for m in _HANDLE.finditer(low):
            if m.start() and low[m.start() - 1].isalnum():
                continue
            lo = _clause_start(text, m.start(), 150)
            if _PERSONAL_CTX.search(low, lo, min(len(low), m.end() + 80)):
                c.add(m.start("h"), m.end("h"), "url", 0.8, _l("A social-media account that can identify a patient."))
    if "/" not in low and not any(site in low for site in _SUBDOMAIN_SITES):
        return  # every page worth flagging has a path, or is a blog's own subdomain
    if not (c.tokens() & _PAGE_HOST_FIRSTS or "t.me" in low or "x.com" in low):
        return  # the hosts are literals: str `in` is an exact, much cheaper pre-filter
    for m in _PAGE_HOST.finditer(low):
        path = m.group("path")
        start, end = m.start(), m.end()
        # On blog hosts the page is the subdomain ("jonas-kampf.blogspot.com"), with or without a path.
        own_subdomain = m.group("h") in _SUBDOMAIN_SITES and start > 1 and low[start - 1] == "." and (
            low[start - 2].isalnum())
        if not own_subdomain and (not path or path.rstrip("/") in _BARE_PATHS or len(path.strip("/")) < 3):
            continue
        if start and (low[start - 1].isalnum() or low[start - 1] in "-_"):
            continue  # "max.com", "wax.com": part of another host name
        steps = 0
        while start and low[start - 1] in "abcdefghijklmnopqrstuvwxyz0123456789.-" and steps < 120:
            start -= 1
            steps += 1
        while end > start and text[end - 1] in ".,;:!?)]}>'\"":
            end -= 1
        head = low[max(0, start - 12):start]
        k = max(head.rfind("https://"), head.rfind("http://"))
        if k >= 0:
            start = max(0, start - 12) + k
        if m.group("h") in _CROWD:
            conf = 0.9
        else:
            lo = _clause_start(text, start, 150)
            hi = min(len(low), end + 80)
            conf = 0.85 if (_PERSONAL_CTX.search(low, lo, start) or _PERSONAL_CTX.search(low, end, hi)) else 0.4
        c.add(start, end, "url", conf, _l("A link to a personal page (fundraiser, social media or blog) "
                                          "that can identify a patient."))
