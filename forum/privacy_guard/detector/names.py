"""Person names after honorifics, patient cues and name labels."""
from __future__ import annotations

from . import wordlists as W


from .base import (
    _l,
    _Ctx,
    _DV,
    _nfc,
    _rx,
    _word_char_before,
)


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


_NAME_EXPL_HON = _l("Looks like a person's name (a title such as Mr, Frau or श्रीमती followed by a name).")
_NAME_EXPL_PAT = _l("Looks like a patient's name (a name right after \"patient\", \"Pat.\" or \"मरीज़\").")
_NAME_EXPL_LABEL = _l("Looks like a patient's name (a name after \"name\").")


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
