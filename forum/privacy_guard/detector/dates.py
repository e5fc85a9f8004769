"""Dates tied to a patient (birth, admission, discharge, death) and ages of 90 or over."""
from __future__ import annotations

import datetime
import re


from .base import (
    _l,
    _Ctx,
    _DV,
    _DVD,
    _clause_end,
    _clause_start,
    _keyword_index,
    _rx,
    first_tokens,
    _spellings,
    _trie,
    _word_char_before,
)


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
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
             "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth",
             "twenty-ninth", "thirtieth", "thirty-first"]
_DE_ORDINALS = ["ersten", "zweiten", "dritten", "vierten", "fünften", "sechsten", "siebten", "achten", "neunten",
                "zehnten", "elften", "zwölften", "dreizehnten", "vierzehnten", "fünfzehnten", "sechzehnten",
                "siebzehnten", "achtzehnten", "neunzehnten", "zwanzigsten", "einundzwanzigsten",
                "zweiundzwanzigsten", "dreiundzwanzigsten", "vierundzwanzigsten", "fünfundzwanzigsten",
                "sechsundzwanzigsten", "siebenundzwanzigsten", "achtundzwanzigsten", "neunundzwanzigsten",
                "dreißigsten", "einunddreißigsten"]
_ORD = _trie(_ORDINALS + [o.capitalize() for o in _ORDINALS] + _DE_ORDINALS)
_UNITS = "(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# "nineteen thirty-one", "nineteen oh five", "two thousand and three"
_YEAR_WORDS = (rf"(?:[Nn]ineteen[ \-](?:{_TENS}(?:[ \-]{_UNITS})?|{_TEENS}|oh[ \-]{_UNITS}|hundred)"
               rf"|[Tt]wo thousand(?:[ \-](?:and[ \-])?(?:{_UNITS}|{_TEENS}|{_TENS}(?:[ \-]{_UNITS})?))?)")
# Only ever run in short windows next to a date keyword.
_DATE = re.compile(
    rf"(?<![\w.\-/])(?:"
    rf"(?P<n1>{_D}{{1,2}})(?P<s1>[./\-])(?P<n2>{_D}{{1,2}})(?P=s1)(?P<n3>{_D}{{4}}|{_D}{{2}})(?!{_D}|[./\-]{_D})"
    rf"|(?P<iy>(?:18|19|20)[0-9]{{2}})(?P<s2>[\-/.])(?P<im>[0-9]{{1,2}})(?P=s2)(?P<id>[0-9]{{1,2}})"
    rf"(?![0-9]|[./\-][0-9])"
    rf"|(?P<td>{_D}{{1,2}})(?:\.|st|nd|rd|th)?[ \t\-/]{{0,2}}(?:of[ \t])?{_MON}\.?"
    rf"(?:,?[ \t\-/]{{1,2}}(?P<ty>{_D}{{4}}))?(?![\w{_DV}])"
    rf"|{_MON}\.?[ \t]{{1,2}}(?P<md>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,?[ \t]{{1,2}}(?P<my>[0-9]{{4}}))?(?![\w])"
    rf"|(?P<pd>[0-9]{{1,2}})[./](?P<pm>[0-9]{{2}})(?:(?<=\.[0-9]{{2}})\.|(?<=/[0-9]{{2}}))(?![0-9]|/[0-9])"
    rf"|(?:[Tt]he[ \t])?(?P<ow>{_ORD})[ \t](?:of[ \t])?{_MON}(?:,?[ \t]{{1,2}}(?P<oy>{_D}{{4}}|{_YEAR_WORDS}))?(?![\w])"
    rf"|{_MON}[ \t](?:the[ \t])?(?P<mo>{_ORD})(?:,?[ \t]{{1,2}}(?P<moy>{_D}{{4}}|{_YEAR_WORDS}))?(?![\w])"
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
    "strong": ["admitted", "readmitted", "re-admitted", "readmit", "bounced back", "wieder aufgenommen",
               "discharged", "died", "deceased", "passed away",
               "hospitalised", "hospitalized", "aufgenommen", "wiederaufgenommen", "eingeliefert",
               "eingewiesen", "entlassen", "verstorben", "verstarb", "भर्ती", "डिस्चार्ज", "मृत्यु", "देहांत",
               "दाखिल",
               "admit", "लाए गए", "लाया गया", "लाई गई", "मौत", "निधन"],
    # verbs that tie a date to someone's course, but also to talks, papers and guidelines: only when
    # the clause is not about those
    "verb": ["brought in", "came in", "presented", "re-presented", "represented", "was seen", "transferred",
             "operated", "intubated", "collapsed", "underwent", "kam", "kamen", "vorgestellt", "stellte sich",
             "stellte", "verlegt", "operiert", "intubiert", "reanimiert", "entbunden", "notaufnahme",
             "emergency department", "ambulance", "op am", "surgery on", "operation on", "आए थे", "आई थी",
             "आया था", "ऑपरेशन", "शिफ्ट", "shift", "shifted", "refer", "referred", "रेफर"]})
_NOT_A_PATIENT = _rx(
    r"congress|conference|kongress|meeting|webinar|symposium|poster|abstract|talk|vortrag|lecture|"
    r"guideline|leitlinie|study|studie|trial|paper|publication|published|veröffentlich|journal|update|"
    r"version|release|data|daten|results|ergebnisse|esc|aha|acc|dgim|course|kurs|seminar")
# Keywords that may also follow the date ("am 03.01.2024 aufgenommen", "03/02/2024 को भर्ती").
_DATE_POST = frozenset(s for w in [
    "aufgenommen", "wiederaufgenommen", "eingeliefert", "eingewiesen", "entlassen", "verstorben", "geboren",
    "admitted", "readmitted", "readmit", "readmission", "discharged", "died", "born", "stationär", "भर्ती", "डिस्चार्ज", "मृत्यु",
    "जन्म", "दाखिल", "छुट्टी", "discharge", "admit", "notaufnahme", "vorgestellt", "verlegt", "operiert",
    "intubiert", "reanimiert", "लाए गए", "लाया गया", "लाई गई", "आए थे", "आई थी", "आया था", "ऑपरेशन",
    "शिफ्ट", "shift", "shifted", "refer", "referred", "रेफर", "मौत", "निधन", "presented", "brought in",
    "came in", "transferred", "operated", "intubated", "collapsed", "stellte", "kam", "kamen"] for s in _spellings(w))
_GAP = _rx(r"(?:[ \t:,\-\u2013(=]|(?:on|am|at|is|was|ist|war|of|the|den|dem|vom|date|datum|seit|since)"
           r"(?![\w])|(?:laut|lt\.|gemäß|per|according to)[ \t]{1,2}(?:der[ \t]|the[ \t]|his[ \t]|her[ \t])?[^\W\d_]{2,25}(?![\w]))*")
_BIRTH_MARK = _rx(r"(?<![\w*])[*\u2020][ \t]?(?=[0-9])")


# A year of birth after a cue: "born in 1931", "Jahrgang 1929", "जन्म 1934 में"; not decades ("1950s").
_BIRTH_YEAR = re.compile(
    _trie(["born", "b.", "dob", "d.o.b.", "geb.", "year of birth", "birth year", "yob", "jahrgang", "jg.", "geburtsjahrgang", "geboren",
           "geburtsjahr", "जन्म", "जन्मवर्ष", "janm", "janam"])
    + r"(?:[ \t:,]{1,3}(?:in|im|the year|jahr|वर्ष|साल|सन्|सन|का वर्ष))?[ \t:,]{1,3}"
    r"(?P<y>(?:18|19|20)[0-9]{2})(?![0-9]|s(?![\w])|er|'s|\u2019s)")
_YEAR_BEFORE_BIRTH = _rx(
    r"(?P<y>(?:18|19|20)[0-9]{2})[ \t]{1,2}(?:में[ \t]{1,2})?(?:पैदा|जन्मे|जन्मी|जन्म[ \t]हुआ|geboren|(?:mein[ \t]{1,2})?paida)")


_DATE_KW_FIRSTS = first_tokens(_DATE_KW_ROLE)


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
    return bool(m.group("ow") or m.group("mo"))


def _partial(m: re.Match) -> bool:
    return bool(m.group("pd") or (m.group("td") and not m.group("ty")) or (m.group("md") and not m.group("my"))
                or (m.group("ow") and not m.group("oy")) or (m.group("mo") and not m.group("moy")))


def _dates_in(text: str, lo: int, hi: int):
    for m in _DATE.finditer(text, lo, min(len(text), hi + 24)):
        if m.start() > hi:
            break
        if _valid_date(m):
            yield m


# A year of birth written out: "neunzehnhundertdreißig", "nineteen thirty-one", "उन्नीस सौ इकतीस".
_YEAR_IN_WORDS = _rx(
    r"neunzehnhundert(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?"
    r"(?:zehn|elf|zwölf|zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|ein|zwei|drei|"
    r"vier|fünf|sechs|sieben|acht|neun)?(?![\w])"
    r"|nineteen[ \-](?:hundred(?:[ \-]and)?[ \-])?(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[ \-][a-z]{3,5})"
    r"(?:[ \-](?:one|two|three|four|five|six|seven|eight|nine))?(?![\w])"
    rf"|उन्नीस[ \t]सौ[ \t][{_DV}]{{2,12}}(?![{_DV}])")
_BIRTH_NEAR = _rx(r"geboren|geb\.|jahrgang|born|birth|जन्म|पैदा")


def _add_birth_year(c: _Ctx, m: re.Match) -> None:
    """A year of birth: an age of 90 or over when it is that long ago, otherwise part of a birth date."""
    year = int(m.group("y"))
    if _THIS_YEAR - year >= 90:
        c.add(m.start("y"), m.end("y"), "age", 0.85, _YOB_OLD_EXPL)
    else:
        c.add(m.start("y"), m.end("y"), "date", 0.85, _YOB_EXPL)


_THIS_YEAR = datetime.date.today().year
_YOB_OLD_EXPL = _l("A year of birth 90 or more years ago identifies a very old patient; write \"90 or older\" instead.")
_DOB_EXPL = _l("A date of birth.")
_YOB_EXPL = _l("A year of birth.")
_EVENT_EXPL = _l("An admission, discharge or death date of a patient.")


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
    for k in c.keyword_matches(_DATE_KW_RE, _DATE_KW_FIRSTS):
        ks, ke = k.span()
        if _word_char_before(low, ks):
            continue
        kw = k.group()
        role = _DATE_KW_ROLE.get(kw)
        ce = _clause_end(text, ke, 60)
        if role == "verb" and _NOT_A_PATIENT.search(low, _clause_start(text, ks, 80), ce):
            continue
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
    for m in _BIRTH_YEAR.finditer(low):
        if _word_char_before(low, m.start()) or (m.group().startswith("b.") and m.start() and low[m.start() - 1] == "."):
            continue
        _add_birth_year(c, m)
    if "geboren" in low or "paida" in low or c.has_dev:
        for m in _YEAR_BEFORE_BIRTH.finditer(low):
            if m.start() and (_word_char_before(low, m.start()) or low[m.start() - 1] in ".,/-"):
                continue
            _add_birth_year(c, m)
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
_AGE_EXPL = _l("An age of 90 or over identifies very old patients; write \"90 or older\" instead.")


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


# Ages of 90 or over written in words, and birthdays of 90 or over.
_EN_UNIT = "(?:one|two|three|four|five|six|seven|eight|nine)"
_DE_UNIT = "(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)"
_HI_90S = ["नब्बे", "इक्यानबे", "इक्यानवे", "बानबे", "बानवे", "तिरानबे", "तिरानवे", "तिरानब्बे", "चौरानबे", "चौरानवे",
           "पचानबे", "पचानवे", "पंचानबे", "पंचानवे", "छियानबे", "छियानवे", "सत्तानबे", "सत्तानवे", "अट्ठानबे",
           "अट्ठानवे", "अठानवे", "निन्यानबे", "निन्यानवे", "सौ"]
# Each pattern starts on a literal ("ninety", "hundred", "nineties", "neunzig", a Hindi number), so the
# scan skips quickly; what may stand before it ("aged", "one", "in her late", "dreiund") is checked
# by looking back a few characters.
_EN_AGE = re.compile(
    rf"(?:ninety(?:[ \-]{_EN_UNIT})?|hundred(?:[ \-](?:and[ \-])?{_EN_UNIT})?)(?![a-z])"
    rf"(?P<tail>[ \-](?:years?|yrs?)[ \-]old|[ \-]year[ \-]old|[ \-]years[ \t]of[ \t]age)?")
_EN_AGE_BEFORE = re.compile(r"(?:(?P<aged>aged)[ \t]|(?P<one>one|a)[ \-])$")
_EN_DECADE = re.compile(r"nineties(?![a-z])")
_EN_DECADE_BEFORE = re.compile(r"in[ \t](?:his|her|their)[ \t](?:(?:early|mid|late)[ \-])?$")
_DECADE_QUALIFIER = re.compile(r"(?:early|mid|late)[ \-]$")
_DE_AGE = re.compile(r"(?:neunzig|hundert)(?P<tail>[ \-]?jährig\w{0,3}|[ \t]jahre(?:[ \t]alt)?(?![\w]))")
_DE_AGE_BEFORE = re.compile(rf"(?:{_DE_UNIT}und|ein)$")
_HI_AGE = re.compile(rf"{_trie(_HI_90S)}[ \t](?:साल|वर्ष|बरस)(?![\u0900-\u097f])")
_YEAR_OF_LIFE = _rx(
    r"(?:9[0-9]|1[01][0-9])(?:\.[ \t]?lebensjahr|(?:st|nd|rd|th)[ \t]year[ \t]of[ \t](?:life|age)"
    r"|वें[ \t]वर्ष|वें[ \t]साल)(?![\w])")
_TURNED = _rx(r"(?:turned|turns|turning|wird|wurde|ist jetzt)[ \t]{1,2}(?P<n>9[0-9]|1[01][0-9])(?![0-9.,]|[ \t]?(?:%|mg|kg|ml|mmhg|min|degrees?|grad|°))")
_CENTENARIAN = _rx(r"(?:centenarian|supercentenarian|hundertjährige\w{0,2})(?![\w])")
_BIRTHDAY = _rx(
    r"(?:(?P<n>9[0-9]|1[01][0-9])(?:st|nd|rd|th|\.|वां|वीं|वें|वाँ)?|(?:ninetieth|ninety-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    r"hundredth|one hundredth|neunzigste[nr]?|hundertste[nr]?)"
    r"|(?P<w>(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)undneunzigste[nr]?))"
    r"[ \t]?(?:birthday|geburtstag|जन्मदिन)")


# "माताजी (९१)", "Oma (93)", "the patient (94)": an age in brackets right after a word for a person.
_PERSON_THEN_AGE = _rx(
    r"(?P<w>mother|father|grandmother|grandfather|granny|grandma|grandpa|mum|mom|dad|aunt|uncle|wife|husband|"
    r"patient|pt|lady|gentleman|man|woman|mutter|vater|oma|opa|großmutter|großvater|grossmutter|grossvater|"
    r"patientin|dame|mann|frau|tante|onkel|ehefrau|ehemann|"
    r"माताजी|पिताजी|माँ|मां|माता|पिता|दादी|दादा|नानी|नाना|दादीजी|नानीजी|दादाजी|नानाजी|बाबूजी|अम्मा|अम्माजी|मरीज़|मरीज|पेशेंट|"
    r"बुज़ुर्ग|बुजुर्ग|अंकल|आंटी)"
    rf"(?![\w{_DV}])[ \t]{{0,2}}\([ \t]?(?P<n>9[0-9]|1[01][0-9])[ \t]?\)")


_AGE_IN_BRACKETS = _rx(r"\([ \t]?(?:9[0-9]|1[01][0-9])[ \t]?\)")


def _detect_age_words(c: _Ctx) -> None:
    low, text = c.low, c.text
    if c.has_digit and "(" in text:
        for m in (p for b in _AGE_IN_BRACKETS.finditer(low)
                  for p in [_PERSON_THEN_AGE.search(low, max(0, b.start() - 24), b.end())]
                  if p and p.end() == b.end()):
            if not _word_char_before(low, m.start()):
                c.add(m.start("n"), m.end("n"), "age", 0.8, _AGE_EXPL)
    if "neunzehnhundert" in low or "nineteen" in low or "उन्नीस सौ" in low:
        for m in _YEAR_IN_WORDS.finditer(low):
            cs, ce = _clause_start(text, m.start(), 60), _clause_end(text, m.end(), 40)
            if _BIRTH_NEAR.search(low, cs, ce):
                c.add(m.start(), m.end(), "age", 0.8, _YOB_OLD_EXPL)
    if "birthday" in low or "geburtstag" in low or "जन्मदिन" in low:
        for m in _BIRTHDAY.finditer(low):
            if m.start() and (_word_char_before(low, m.start()) or low[m.start() - 1] == "."):
                continue
            c.add(m.start(), m.end(), "age", 0.85, _AGE_EXPL)
    if "lebensjahr" in low or "year" in low or "वें" in low:
        for m in _YEAR_OF_LIFE.finditer(low):
            if m.start() and (_word_char_before(low, m.start()) or low[m.start() - 1] == "."):
                continue
            c.add(m.start(), m.end(), "age", 0.85, _AGE_EXPL)
    if "turn" in low or "wird" in low or "wurde" in low or "ist jetzt" in low:
        for m in _TURNED.finditer(low):
            if _word_char_before(low, m.start()):
                continue
            c.add(m.start(), m.end(), "age", 0.8, _AGE_EXPL)
    if "centenarian" in low:
        for m in _CENTENARIAN.finditer(low):
            if _word_char_before(low, m.start()):
                continue
            c.add(m.start(), m.end(), "age", 0.7, _AGE_EXPL)
    if "ninet" in low or "hundred" in low:
        for m in _EN_AGE.finditer(low):
            if m.start() and low[m.start() - 1].isalpha():
                continue
            before = _EN_AGE_BEFORE.search(low, max(0, m.start() - 6), m.start())
            if m.group().startswith("hundred") and not (before and before.group("one")):
                continue
            if not m.group("tail") and not (before and before.group("aged")):
                continue
            start = before.start() if before else m.start()
            c.add(start, m.end(), "age", 0.85, _AGE_EXPL)
        for m in _EN_DECADE.finditer(low):
            before = _EN_DECADE_BEFORE.search(low, max(0, m.start() - 20), m.start())
            if before:
                qualifier = _DECADE_QUALIFIER.search(before.group())
                start = m.start() - len(qualifier.group()) if qualifier else m.start()
                c.add(start, m.end(), "age", 0.8, _AGE_EXPL)
    if "neunzig" in low or "hundert" in low:
        for m in _DE_AGE.finditer(low):
            before = _DE_AGE_BEFORE.search(low, max(0, m.start() - 9), m.start())
            start = before.start() if before else m.start()
            if start and low[start - 1].isalpha():
                continue
            if m.group("tail").strip().startswith("jahre") and _AGE_RANGE_AFTER.match(low, m.end()):
                continue
            c.add(start, m.end(), "age", 0.85, _AGE_EXPL)
    if c.has_dev:
        for m in _HI_AGE.finditer(low):
            if m.start() and "\u0900" <= low[m.start() - 1] <= "\u097f":
                continue
            if not _HI_AGE_NOT_AFTER.match(low, m.end()):
                c.add(m.start(), m.end(), "age", 0.85, _AGE_EXPL)
