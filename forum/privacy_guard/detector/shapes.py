"""General shapes found missing on the second held-out set: handover lines ("Bett 3 Name 61m"),
initials before a surname, lower-case names after a patient cue, prefixed running numbers
("AB-24-12345"), day-precise dates tied to a procedure, and ages of 90+ in glued shorthand or words.

Each rule needs either a shape that is rare outside patient data (a bed number followed by a name
and an age/sex code) or a cue in the same clause; every quantifier is bounded (linear time)."""
from __future__ import annotations

import datetime
import re

from .base import _DV, _Ctx, _clause_end, _clause_start, _l, _rx, _trie, first_tokens

_NAME_EXPL_SHORTHAND = _l("Looks like a patient's name (a name next to an age or sex, such as \"Name, 42F\").")
_NAME_EXPL_PAT = _l("Looks like a patient's name (a name right after \"patient\", \"Pat.\" or \"मरीज़\").")
_AGE_EXPL = _l("An age of 90 or over identifies very old patients; write \"90 or older\" instead.")
_EVENT_EXPL = _l("An admission, discharge or death date of a patient.")
_RECORD_EXPL = _l("A medical record, case or hospital number.")

_L = r"[^\W\d_]"
_CAP = r"[A-ZÄÖÜÀ-ÞĀ-ſ]"

# Ward handover: "Bett 3 Name 61m", "Zi. 12 Name 79w", "बेड 6 नाम 71M", "Side room 2: Name, 96,".
_HANDOVER_WORDS = ("bett", "bed", "zi.", "zimmer", "room", "bay", "platz", "बेड")
_HANDOVER = _rx(r"(?:bett|bed|zi\.|zimmer|room|bay|platz|बेड)[ \t]{1,2}[0-9]{1,3}[a-d]?[ \t]{0,2}:?[ \t]{1,2}")
_HANDOVER_REST = _rx(
    rf"(?P<n>{_CAP}{_L}{{1,30}}(?:-{_CAP}{_L}{{1,30}})?|[{_DV}]{{2,24}})"
    r"(?P<tail>[ \t]{1,2}(?P<a1>[0-9]{1,3})[ \t]?[MFWmfw](?![\w])|,[ \t]{0,2}(?P<a2>[0-9]{1,3})(?=[ \t]?[,;MFWmfw]))")
# "Name, 54m," after a clause start such as "Kurz zur Nacht: ..."
_COLON_NAME_AGE = _rx(
    rf":[ \t]{{1,2}}(?P<n>{_CAP}{_L}{{1,30}}),[ \t]{{0,2}}(?P<a>[0-9]{{1,3}})[ \t]?(?:[MFWmfw](?![\w])|(?=,))")
# Glued age/sex code of 90+ after a capitalised or Devanagari word: "Oberhuber 91w", "चौहान 92F".
_GLUED_OLD = _rx(r"(?P<a>9[0-9]|1[01][0-9])[ \t]?[MFWmfw](?![\w])")

# Initials before a surname: "S. V. Surname", "K. Given Surname", "एस. पी. त्रिपाठी".
_INITIALS = _rx(
    rf"(?P<n>[A-Z]\.(?:(?P<multi>(?:-?[ \t]?[A-Z]\.){{1,2}})[ \t]?{_CAP}[a-zà-ÿ]{{2,30}}(?:-{_CAP}[a-zà-ÿ]{{2,30}})?"
    rf"|[ \t]?{_CAP}[a-zà-ÿ]{{2,30}}[ \t]{_CAP}[a-zà-ÿ]{{1,30}}))")
# Two or more initials before a surname name a person on their own ("R. K. Surname", "K.-H. Surname");
# only a colleague, an author or a citation is excluded.
_INITIALS_COLLEAGUE = _rx(r"colleague|kolleg|consultant|oberarzt|oberärztin|chefarzt|chefärztin|department|abteilung|"
                          r"lecture|vortrag|talk|paper|study|studie|published|wrote|schrieb|author|autor|journal|"
                          r"guideline|leitlinie|hod|सर(?![\u0900-\u097f])|sir\b")
_DEV_AFTER_NAME = _rx(r"[ \t]{1,2}(?:जी|को|का|की|के|ने)(?![\u0900-\u097f])")
_DEV_INITIALS = _rx(rf"(?P<n>(?:[{_DV}]{{1,3}}\.[ \t]?){{2,3}}[{_DV}]{{2,24}})")
_INITIALS_STAFF_BEFORE = _rx(r"(?:dr|prof|doctor|dr\.med|consultant|colleague|kollege|kollegin|डॉ|डॉक्टर)\.?[ \t]{0,2}$", re.IGNORECASE)
_INITIALS_CITATION_AFTER = _rx(r"[ \t,]{0,2}(?:et al|and colleagues|\(?(?:19|20)[0-9]{2}|'s (?:sign|syndrome|disease|test))", re.IGNORECASE)
_PATIENT_IN_CLAUSE = _rx(r"patient|\bpt\b|\bpat\b|admitted|seeking advice about|aufgenommen|मरीज|पेशेंट|रोगी")

# Lower-case names after a cue: "pt is jane doe,", "patient name jane doe", "pat. heißt max muster",
# "patientin erika muster,", "patient ka naam ... hai", "naam ... ,".
_LOWER_CUE = _rx(
    r"(?:(?:pt|pat|patient|patientin)\.?[ \t]{0,2}(?:is|heißt|heisst|name(?:[ \t]is)?|ka[ \t]naam|:)?|"
    r"naam(?:[ \t]hai)?:?|name:?)[ \t]{1,2}"
    r"(?P<n>[a-zäöüß][a-zäöüß'\-]{1,20}[ \t][a-zäöüß][a-zäöüß'\-]{1,20})(?=[ \t]{0,2}(?:,|ka\b|ki\b|ke\b|hai\b|$))")
_LOWER_STOP = frozenset("""is was has had the a an with and of in on at for to from this that his her ist hat mit und der die das
den dem ein eine einer ka ki ke hai nahi koi se me mein par ko wurde wird kam war name naam heißt heisst""".split())

# Prefixed running numbers: "AB-24-12345", "H25-004417", "XYZ/24/771902", "E/25/031188".
_PREFIXED = _rx(r"(?P<v>[A-Z]{1,4}[0-9]{0,2}(?:[\-/][0-9]{2,4})?[\-/][0-9]{5,8})(?![\w/\-])")
# A running number glued to a one- to three-letter prefix, on its own: "HN7730912", "A41902377".
_GLUED_PREFIX = _rx(r"[A-Z](?<![\w/\-.][A-Z])[A-Z]{0,2}[0-9]{6,10}(?![\w/\-]|[.,][0-9])")
_GLUED_PREFIX_NOT = _rx(r"(?:nct|pzn|isrctn|drks|ctri|pmid|pmc|doi|gtin|ean|lot|ch|ref|ik|bsnr|lanr|isbn|issn|gb|rs|nm|np|hg)$",
                        re.IGNORECASE)
_PREFIXED_HINT = _rx(r"[\-/][0-9]{5}")
_SIX_DIGITS = _rx(r"[0-9]{6}")
_LATIN_INITIAL = _rx(r"[A-Z]\.")
_DEV_INITIAL = _rx(r"[\u0900-\u097f]\.")
_PREFIXED_NOT = _rx(r"(?:iso|din|en|iec|nct|icd|isbn|issn|doi|pmid|rfc|gb|nr|pl|ss|ds|ts)$", re.IGNORECASE)

# Day-precise dates tied to a procedure or event of the patient.
_DATE_SHAPES = _rx(
    r"(?:(?P<iso>(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9])"
    r"|(?P<dmy>[0-3]?[0-9]\.[01]?[0-9]\.(?:19|20)[0-9]{2})"
    r"|(?P<sdmy>[0-3]?[0-9]/[01]?[0-9]/(?:19|20)[0-9]{2})"
    r"|(?P<dm>[0-3]?[0-9]\.[01]?[0-9]\.)(?![0-9])"
    r"|(?P<mond>(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez)[a-z]{0,6}\.?[ \t][0-3]?[0-9](?:st|nd|rd|th)?(?![0-9])(?:,?[ \t](?:19|20)[0-9]{2})?)"
    r"|(?P<ord>[0-3]?[0-9](?:st|nd|rd|th)[ \t](?:of[ \t])?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}(?:,?[ \t](?:19|20)[0-9]{2})?)"
    r"|(?P<dmon>[0-3]?[0-9]\.?[ \t](?:jan|feb|mar|mär|apr|may|mai|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez)[a-zä]{0,6}\.?(?:[ \t](?:19|20)[0-9]{2})?)"
    r"|(?P<wd>(?:mon|tue|tues|wed|thu|thur|fri|sat|sun|mo|di|mi|do|fr|sa|so)\.?,?[ \t][0-3]?[0-9][./][01]?[0-9]\.?)"
    r"|(?P<hi>[0-3]?[0-9][ \t](?:जनवरी|फरवरी|फ़रवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|अक्टूबर|नवंबर|दिसंबर)(?=[ \t]{1,2}को))"
    r"|(?P<tr>[0-3]?[0-9][ \t]tareekh(?=[ \t]{1,2}ko)))(?![\w.]*[0-9])")
# A trie of the event words (re checks one branch per character instead of every word), then the
# words that take an ending ("stented", "biopsies", "dialysed").
_EVENT_WORDS = """had his|had her|op|operation|surgery|operiert|tavi|chemo|cycle|zyklus|entlassung|discharged|admitted|
aufnahme|aufgenommen|fell|sturz|icu|shift|placed|taken|inserted|removed|resektion|delivered|delivery|sectio|
entbindung|entbunden|tep|whipple|entlassen|eingeliefert|notaufnahme|hatte|had|died|verstorben|gestürzt""".replace("\n", "").split("|")
_EVENT_STEMS = ["stent", "implant", "biops", "dialys", "resect", "transplant"]
_EVENT_FIRSTS = first_tokens(_EVENT_WORDS)
_EVENT_STEMS_T = tuple(_EVENT_STEMS)
_EVENT_DEV = ("गिर", "भर्ती", "हुई", "हुआ")
_EVENT_DEV_RE = re.compile("|".join(_EVENT_DEV))
_EVENT_IN_CLAUSE = re.compile(
    _trie(_EVENT_WORDS) + r"(?![\w])|" + _trie(_EVENT_STEMS) + r"\w{0,14}(?![\w])|गिर|भर्ती|हुई|हुआ")
_DATE_NOT_IN_CLAUSE = _rx(
    r"guideline|leitlinie|published|update|version|study|trial|studie|congress|kongress|meeting|webinar|fortbildung|"
    r"deadline|course|kurs|conference|rota|dienstplan|approval|zulassung|released|gilt|regel|policy|rule|protocol|sop\b", re.IGNORECASE)

# Ages of 90+ in words after a copula: "is ninety-four", "turned a hundred and one", "ist dreiundneunzig",
# "Mitte neunzig", "hundertzwei Jahre", "umar ninety-two", and "98 saal ke".
_EN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_DE_UNITS = "ein|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun"
_AGE_WORD_HINTS = ("ninety", "hundred", "neunzig", "hundert")
_AGE_WORDS_BEFORE = _rx(r"(?:^|[^\w'])(?:is|was|he's|she's|turned|turns|umar|ist|war|wird|wurde|mitte|ende|anfang)[ \t]{1,2}$")
_DE_UNIT_UND = _rx(rf"(?:{_DE_UNITS})und$")
# "wird im Mai neunzig", "turns ninety next week": a birthday still ahead, up to three words apart.
_AGE_WORDS_TURNS = _rx(r"(?:^|[^\w'])(?:wird|turns|turned|turning|will be|wurde)(?:[ \t]{1,2}[\w.]{1,12}){0,3}[ \t]{1,2}$")
_AGE_WORDS_AFTER = _rx(r"[ \t]{1,2}(?:years?[ \t]old|jahre[ \t]alt|saal|साल)(?![\w])")
_AGE_WORDS = _rx(
    rf"(?P<a>ninety(?:[ \-](?:{_EN_UNITS}))?|(?:one[ \t])?hundred(?:[ \t]and[ \t](?:{_EN_UNITS}|ten))?|neunzig"
    rf"|(?:ein)?hundert(?:und)?(?:{_DE_UNITS})?)"
    r"(?![\w\-])(?![ \t]{0,2}(?:%|percent|prozent|mg|ml|min|minutes|minuten|seconds|sekunden|meters|metres|meter|kg|euro|€|\$|dollars|mmhg|times|mal))")
_OF_AGE = _rx(r"[ \t](?:of|von)[ \t](?P<a>9[0-9]|1[01][0-9]|ninety(?:[ \-](?:one|two|three|four|five|six|seven|eight|nine))?"
              r"|a[ \t]hundred|(?:\w{3,6}und)?neunzig|hundert)(?![\w.,\-])")
_OF_AGE_BEFORE = _rx(r"(?:^|[^\w])(?:lady|man|woman|gentleman|gent|dame|herr|mann|frau|patient|patientin)$")
_TEMP = _rx(r"temp|fever|febril|fieber|tmax|°|बुखार|bukhar")
_SAAL = _rx(r"(?<![\w.])(?P<a>9[0-9]|1[01][0-9])[ \t](?:saal|sal|varsh|baras)(?![\w])", re.IGNORECASE)


# A full name right before an age: "Jane Doe, aged 92", "Jane Doe is ninety-nine", "Jane Doe (93)".
_NAME_THEN_AGE = _rx(
    rf"(?P<n>{_CAP}[a-zà-ÿ]{{1,30}}[ \t]{_CAP}[a-zà-ÿ'\-]{{1,30}}(?:-{_CAP}[a-zà-ÿ]{{1,30}})?)"
    r"(?=,[ \t]{1,2}aged[ \t]{1,2}[0-9]|,[ \t]{1,2}[0-9]{1,3}[ \t]?(?:y|j|years|jahre)|[ \t]\((?:[0-9]{1,3})\)"
    r"|[ \t](?:is|ist)[ \t](?:ninety|a hundred|(?:\w{3,6}und)?neunzig|hundert|[0-9]{1,3}[ \t](?:years|jahre)))")
_NAME_THEN_AGE_NOT = frozenset("""The This That Our Your His Her Dear Der Die Das Mein Meine Unser Unsere Case Patient
Patientin Herr Frau Mr Mrs Ms Dr Prof""".split())
# A lower-case surname after a lower-case title: "mr doe in bay B", "frau muster auf".
_LOWER_TITLE_HINTS = ("mr", "ms", "herr ", "frau ")
_LOWER_TITLE = _rx(r"(?:mr|mrs|ms|herr|frau)\.?[ \t](?P<n>[a-zäöüß][a-zäöüß'\-]{2,20})(?=[ \t]{1,2}(?:in|on|im|auf|from|aus|vom)\b|,)")
# "Name: <Devanagari name>" (a Latin label before a Devanagari name), up to three words.
_LATIN_LABEL_DEV = _rx(rf"\bname[ \t]{{0,2}}:[ \t]{{0,2}}(?P<n>[{_DV}]{{2,24}}(?:[ \t][{_DV}]{{2,24}}){{0,2}})(?![{_DV}])",
                       re.IGNORECASE)
# NHS numbers: ten digits (3-3-4) after "NHS", valid modulus-11 check digit.
_NHS = _rx(r"\bnhs[ \t]{0,2}(?:no\.?|number|nr\.?|#)?[ \t:]{0,3}(?P<v>[0-9]{3}[ \t\-]?[0-9]{3}[ \t\-]?[0-9]{4})(?![0-9])",
           re.IGNORECASE)
# UK postcodes after a comma (the end of a written address): ", AB1 2CD".
_UK_POSTCODE = _rx(r",[ \t]{1,2}(?P<v>[A-Z]{1,2}[0-9][A-Z0-9]?[ \t][0-9][A-Z]{2})(?![\w])")
_POSTCODE_EXPL = _l("A postal code together with a place name or an address.")
# Indian addresses: "flat/फ्लैट/house no. 302, <building>, <locality>".
_FLAT = _rx(rf"(?:(?:flat|house no\.?|h\.?[ \t]?no\.?)|फ्लैट|मकान[ \t]नं\.?)[ \t]{{0,2}}[0-9]{{1,5}}[a-z]?"
            rf"(?:,[ \t]{{0,2}}[^,\n0-9]{{2,40}}(?=,)){{1,2}}")
_ADDRESS_EXPL = _l("A street address.")


def _nhs_valid(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _clause(c: _Ctx, pos: int) -> str:
    return c.low[_clause_start(c.text, pos, 160):_clause_end(c.text, pos, 160)]


def detect_shapes(c: _Ctx, enabled: frozenset) -> None:
    text = c.text
    if "patient_name" in enabled or "age" in enabled:
        if c.has_digit:
            for k in _HANDOVER.finditer(c.low) if any(w in c.low for w in _HANDOVER_WORDS) else ():
                if k.start() and c.low[k.start() - 1].isalnum():
                    continue
                m = _HANDOVER_REST.match(text, k.end())
                if m is None:
                    continue
                if m.group("n").lower() in _LOWER_STOP:
                    continue
                c.add(m.start("n"), m.end("n"), "patient_name", 0.8, _NAME_EXPL_SHORTHAND)
                a = m.group("a1") or m.group("a2")
                if 90 <= int(a) <= 119:
                    g = "a1" if m.group("a1") else "a2"
                    c.add(m.start(g), m.end(g), "age", 0.85, _AGE_EXPL)
            for m in _COLON_NAME_AGE.finditer(text):
                c.add(m.start("n"), m.end("n"), "patient_name", 0.75, _NAME_EXPL_SHORTHAND)
                if 90 <= int(m.group("a")) <= 119:
                    c.add(m.start("a"), m.end("a"), "age", 0.85, _AGE_EXPL)
            for m in _GLUED_OLD.finditer(text):
                if not m.start() or text[m.start() - 1] not in " \t":
                    continue
                if m.group()[-1].islower() and text[m.end():m.end() + 1] not in (",", ";"):
                    continue  # "95m" alone is a distance; "Name 92m, ..." is a handover code
                word = text[max(0, m.start() - 30):m.start()].split()
                if not word or not (word[-1][0].isupper() or "\u0900" <= word[-1][0] <= "\u097f"):
                    continue
                if _TEMP.search(_clause(c, m.start())):
                    continue
                c.add(m.start("a"), m.end("a"), "age", 0.8, _AGE_EXPL)
            for m in _SAAL.finditer(text) if ("saal" in c.low or " sal " in c.low or "varsh" in c.low or "baras" in c.low) else ():
                c.add(m.start("a"), m.end("a"), "age", 0.8, _AGE_EXPL)
        for m in _OF_AGE.finditer(c.low) if (" of " in c.low or " von " in c.low) else ():
            if not _OF_AGE_BEFORE.search(c.low, max(0, m.start() - 12), m.start()):
                continue
            c.add(m.start("a"), m.end("a"), "age", 0.8, _AGE_EXPL)
        for m in _AGE_WORDS.finditer(c.low) if any(w in c.low for w in _AGE_WORD_HINTS) else ():
            start = m.start()
            if m.group().startswith("hundred"):
                if c.low[max(0, start - 2):start] != "a ":
                    continue
                start -= 2
            elif m.group().startswith("one hundred") and _AGE_WORDS_AFTER.match(c.low, m.end("a")):
                c.add(start, m.end("a"), "age", 0.75, _AGE_EXPL)
                continue
            elif m.group() == "neunzig" and c.low[max(0, start - 3):start] == "und":
                u = _DE_UNIT_UND.search(c.low, max(0, start - 9), start)
                if u is None:
                    continue
                start = u.start()
            if start and c.low[start - 1].isalnum():
                continue
            if not (_AGE_WORDS_BEFORE.search(c.low, max(0, start - 16), start)
                    or _AGE_WORDS_TURNS.search(c.low, max(0, start - 50), start)
                    or _AGE_WORDS_AFTER.match(c.low, m.end("a"))):
                continue
            c.add(start, m.end("a"), "age", 0.75, _AGE_EXPL)
        # cheap pre-filters: an initial is a capital (or a Devanagari letter) right before a full stop
        initials = list(_INITIALS.finditer(text)) if _LATIN_INITIAL.search(text) else []
        if c.has_dev and _DEV_INITIAL.search(text):
            initials += list(_DEV_INITIALS.finditer(text))
        for m in initials:
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "."):
                continue
            before = text[max(0, m.start() - 24):m.start()]
            if _INITIALS_STAFF_BEFORE.search(before) or _INITIALS_CITATION_AFTER.match(text, m.end()):
                continue
            cl = _clause(c, m.start())
            if _PATIENT_IN_CLAUSE.search(cl):
                c.add(m.start("n"), m.end("n"), "patient_name", 0.75, _NAME_EXPL_PAT)
            elif ((m.groupdict().get("multi") or _DEV_AFTER_NAME.match(text, m.end()))
                  and not _INITIALS_COLLEAGUE.search(cl)):
                c.add(m.start("n"), m.end("n"), "patient_name", 0.75, _NAME_EXPL_PAT)
        for m in _NAME_THEN_AGE.finditer(text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "."):
                continue
            if m.group("n").split()[0] in _NAME_THEN_AGE_NOT:
                continue
            before = text[max(0, m.start() - 24):m.start()]
            if _INITIALS_STAFF_BEFORE.search(before):
                continue
            c.add(m.start("n"), m.end("n"), "patient_name", 0.75, _NAME_EXPL_SHORTHAND)
        for m in _LOWER_TITLE.finditer(c.low) if any(w in text for w in _LOWER_TITLE_HINTS) else ():
            if m.start() and c.low[m.start() - 1].isalnum():
                continue
            if text[m.start("n")].islower() and m.group("n") not in _LOWER_STOP:
                c.add(m.start("n"), m.end("n"), "patient_name", 0.75, _NAME_EXPL_PAT)
        if c.has_dev:
            for m in _LATIN_LABEL_DEV.finditer(text) if "name" in c.low else ():
                c.add(m.start("n"), m.end("n"), "patient_name", 0.8, _NAME_EXPL_PAT)
        for m in _LOWER_CUE.finditer(c.low):
            if m.start() and c.low[m.start() - 1].isalnum():
                continue
            words = m.group("n").split()
            if not text[m.start("n")].islower():
                continue  # capitalised names are the honorific and cue rules' business
            if any(w in _LOWER_STOP for w in words):
                continue
            c.add(m.start("n"), m.end("n"), "patient_name", 0.75, _NAME_EXPL_PAT)
    if not c.has_digit:
        return
    if "record_number" in enabled:
        for m in _NHS.finditer(text) if "nhs" in c.low else ():
            digits = "".join(ch for ch in m.group("v") if ch.isdigit())
            if _nhs_valid(digits):
                c.add(m.start("v"), m.end("v"), "record_number", 0.97, _RECORD_EXPL)
        for m in _PREFIXED.finditer(text) if _PREFIXED_HINT.search(text) else ():
            v = m.group("v")
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "/-_"):
                continue
            prefix = re.match(r"[A-Z]+", v).group(0)
            if _PREFIXED_NOT.match(prefix) or sum(ch.isdigit() for ch in v) < 7:
                continue
            c.add(m.start("v"), m.end("v"), "record_number", 0.75, _RECORD_EXPL)
        for m in _GLUED_PREFIX.finditer(text) if _SIX_DIGITS.search(text) else ():
            prefix = m.group().rstrip("0123456789")
            if _GLUED_PREFIX_NOT.match(prefix):
                continue
            c.add(m.start(), m.end(), "record_number", 0.7, _RECORD_EXPL)
    if "postal_code" in enabled:
        for m in _UK_POSTCODE.finditer(text):
            c.add(m.start("v"), m.end("v"), "postal_code", 0.75, _POSTCODE_EXPL)
    if "address" in enabled:
        for m in _FLAT.finditer(c.low) if ("flat" in c.low or "house" in c.low or "h.no" in c.low or "h. no" in c.low
                                          or "फ्लैट" in text or "मकान" in text) else ():
            if m.start() and c.low[m.start() - 1].isalnum():
                continue
            c.add(m.start(), m.end(), "address", 0.75, _ADDRESS_EXPL)
    if "date" in enabled:
        windows: list[list[int]] = []
        events = c.keyword_matches(_EVENT_IN_CLAUSE, _EVENT_FIRSTS, _EVENT_STEMS_T)
        if c.has_dev and any(w in text for w in _EVENT_DEV):
            events = sorted(events + list(_EVENT_DEV_RE.finditer(c.low)), key=lambda e: e.start())
        for e in events:
            if e.start() and c.low[e.start() - 1].isalnum() and e.group()[0].isascii():
                continue
            lo, hi = _clause_start(text, e.start(), 160), _clause_end(text, e.end(), 160)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
        for m in (m for lo, hi in windows for m in _DATE_SHAPES.finditer(c.low, lo, hi)):
            if m.start() and (c.low[m.start() - 1].isalnum() or c.low[m.start() - 1] in ".-/"):
                continue
            cl = _clause(c, m.start())
            if _DATE_NOT_IN_CLAUSE.search(cl) or not _EVENT_IN_CLAUSE.search(cl):
                continue
            if m.group("dm") or m.group("sdmy"):
                day, month = (int(x) for x in re.split(r"[./]", m.group())[:2])
                if not (1 <= day <= 31 and 1 <= month <= 12):
                    continue
            if m.group("iso"):
                try:
                    datetime.date.fromisoformat(m.group("iso"))
                except ValueError:
                    continue
            c.add(m.start(), m.end(), "date", 0.75, _EVENT_EXPL)
