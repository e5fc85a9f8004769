"""Person names after honorifics, patient cues and name labels."""
from __future__ import annotations

import re

from . import wordlists as W
from .first_names import first_names
from .base import (
    _l,
    _trie,
    _Ctx,
    _DV,
    _nfc,
    _rx,
    _word_char_before,
)


# --------------------------------------------------------------------------- names

# An honorific, then optionally academic titles ("Herr Dr.", "Frau Prof. Dr. med.", "Ms. Dr.").
_HONORIFIC = _rx(
    r"(?P<h>Mrs|Mr|Ms|Miss|Mx|Frau|Herrn|Herr|Hr|Smt|Shrimati|Shri|Sri|Kumari|Reverend|Revd|Rev|Fr|Lady|Lord|Dame|"
    r"Sgt|Sergeant|Capt|Captain|Cpl|Corporal)(?P<dot>\.)?"
    r"(?P<title>(?:[ \t]{1,2}(?:Dr|Prof|Doktor|Professor|Professorin|Dipl\.-Ing|Dipl\.-Kfm|Mag|Ing)\.?"
    r"(?:[ \t](?:med|dent|vet|rer\.[ \t]?nat|phil|jur|habil)\.)?){0,3})"
    r"(?=[ \t\u00a0]{1,3}[^\W\d_])")
# Lower-case honorifics followed by lower-case words ("mr john whitaker"): only with two name-like
# words, since "mr" is also mitral regurgitation ("mild mr and tr").
_LOWER_HONORIFIC = _rx(r"(?:mrs|mr|mister|smt|shri)\.?[ \t]{1,2}"
                       r"(?P<a>[a-z][a-z'\-]{1,20})[ \t](?P<b>[a-z][a-z'\-]{1,20})(?![\w])")
# ... or one such word before a verb that a person does ("mrs kaur was admitted")
_PERSON_VERB = frozenset("""is was has had came comes presented presents refuses refused wants wanted said says
needs needed will would underwent died fell went complained complains lives lived called asked""".split())
# A Latin-script name after a Hindi cue ("मरीज़ Ramesh Yadav को", "श्री Suresh Kumar जी").
_HI_CUE_LATIN = _rx(
    rf"(?:मरीज़|मरीज|रोगी|पेशेंट|श्रीमती|श्रीमति|श्रीमान|सुश्री|श्री|कुमारी)(?![{_DV}])\.?"
    rf"(?:[ \t]{{1,2}}(?:का|की)[ \t]{{1,2}}नाम(?![{_DV}]))?[ \t]{{0,2}}[:,\-]?"
    rf"(?P<title>[ \t]{{1,2}}(?:डॉ\.?|डॉक्टर|डा\.|Dr\.?|Prof\.?)(?![{_DV}]))?(?=[ \t]{{1,2}}[A-Z])")
_HI_PATIENT_WORD = _rx(r"मरीज़|मरीज|रोगी|पेशेंट|patient|\bpt\b")
_HI_COLLEAGUE_WORD = _rx(r"\bhod\b|हमारे|हमारी|staff|colleague|सहकर्मी|consultant|sir\b|madam|सर(?![\u0900-\u097f])")
# "Familie Müller", "the Patel family": a family name is a patient's name too.
_FAMILY = _rx(r"Familie[ \t]{1,2}(?=[A-ZÄÖÜ])|(?<=[Tt]he )(?=[A-ZÄÖÜ][a-zäöüß'\-]{1,30}[ \t]{1,2}family(?![\w])(?![ \t]{1,2}of(?![\w])))")
_HI_AFTER_NAME = _rx(rf"[ \t]{{1,2}}(?P<w>जी|को|का|की|के|ने|से|में|है|हैं|था|थी|थे)(?![{_DV}])")
# Clinical shorthand next to a name: "Gerald Pike, 42M", "Schmidt, 87 J., w", "Margaret Olsen (96)".
_SHORTHAND = _rx(
    r"(?P<n>[A-ZÄÖÜ][a-zäöüß'\-]{1,30}(?:[ \t][A-ZÄÖÜ][a-zäöüß'\-]{1,30}){0,2})"
    r"(?:,[ \t]{0,2}|[ \t]{0,2}\([ \t]?)(?P<age>[0-9]{1,3})"
    r"(?P<tail>[ \t]?(?:/[ \t]?)?(?:[MFWmfw]|J\.|Jahre|y/?o|yo|yrs?|years?)(?![\w])|[ \t]?\)|,)")
# The same in Devanagari: "रमेश यादव, 45/M", "सीता देवी, 67 वर्ष, महिला"
_HI_SHORTHAND = _rx(
    rf"(?P<n>[{_DV}]{{2,20}}(?:[ \t][{_DV}]{{2,20}}){{0,2}}),[ \t]{{0,2}}(?P<age>[0-9]{{1,3}})"
    rf"[ \t]?(?:/[ \t]?)?(?:[MFmf](?![\w])|पुरुष|महिला|वर्षीय|वर्ष|साल)")
_COLLEAGUE_CTX = _rx(
    r"vortrag|talk|lecture|kolleg|colleague"
    r"|aus der [a-zäöü]{3,20}(?![a-zäöü])(?:(?<=logie)|(?<=urgie)|(?<=edizin))"
    r"|from (?:the )?[a-z]{3,20}(?![a-z])(?:(?<=logy)|(?<=surgery)|(?<=medicine))"
    r"|department|abteilung|chefarzt|chefärztin|oberarzt|oberärztin|consultant|fortbildung|"
    r"kongress|conference|webinar|paper|studie|study|published|veröffentlicht|wrote|schrieb|referent|"
    r"supervisor|mentor|team|our (?:head|chief|lead)|unser(?:e)? (?:chef|leiter)")
_PATIENT_CTX = _rx(
    r"patient|pat\.|\bpt\b|bett\b|\bbed\b|station\b|zimmer|verweigert|refuses|refused|admitted|aufgenommen|"
    r"\bmrn\b|\bdob\b|geb\.|diagnos|symptom|complain|klagt|leidet|suffers")
# Shorthand is found from its cheap end: a comma or bracket before a number; the name is then read
# backwards from there.
_SHORTHAND_ANCHOR = _rx(r"[,(][ \t]{0,2}[0-9]")


def _word_starts_before(text: str, pos: int, devanagari: bool) -> list[int]:
    """Starts of the (up to three) words right before ``pos`` (spaces and a bracket allowed in
    between), earliest first -- read backwards character by character, at most ~100 of them."""
    i = pos
    while i > 0 and pos - i < 3 and text[i - 1] in " \t(":
        i -= 1
    starts: list[int] = []
    while len(starts) < 3 and i > 0:
        j = i
        while j > 0 and i - j < 31 and (text[j - 1].isalpha() or text[j - 1] in "'-"
                                        or (devanagari and "\u0900" <= text[j - 1] <= "\u097f")):
            j -= 1
        if j == i:
            break
        if j > 0 and not devanagari and (text[j - 1].isalnum() or text[j - 1] == "_"):
            break
        starts.append(j)
        if j > 1 and text[j - 1] in " \t" and text[j - 2] not in " \t":
            i = j - 1
        else:
            break
    return starts[::-1]
_CLINICAL_CAPS = frozenset("""
Saw Seen See Case Today Yesterday Admitted Discharged Referred Reviewed Assessed Examined Known Note Notes
Update Follow Query Question Re Bed Room Ward Station Zimmer Bett Fall Heute Gestern Aufnahme Verlegung
Vorstellung Befund Diagnose Labor Score Grade Stage Type Hb Na Sat Temp Glucose Glukose Kreatinin
Creatinine Leukos Platelets Thrombos Troponin Ferritin Vitamin Dosis Dose Tag Day Week Woche Month Monat
Year Jahr Jahre Jahrgang Years Page Seite Table Tabelle Figure Abbildung Chapter Kapitel Version Level Stufe
""".split())
_PATIENT_ANCHOR = _rx(r"pat|pt")
_PATIENT_KW = _rx(
    r"(?:[Pp]atient(?:in)?|[Pp]t\.?|Pat\.)(?:[ \t]{0,2}[,:])?"
    r"(?:[ \t]{1,2}(?:Dr|Prof)\.(?=[ \t]))?"
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

_HI_HONORIFIC = _rx(r"(?P<h>श्रीमती|श्रीमति|श्रीमान|सुश्री|श्री|कुमारी|पंडित|पं\.)\.?[ \t]{1,2}" + rf"(?=[{_DV}])")
_HI_PATIENT = _rx(
    rf"(?:मरीज़ा|मरीज़|मरीजा|मरीज|रोगी|पेशेंट)(?![{_DV}])"
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
        if len(t) == 1 and not t.isascii() and not m.group("dot") and not tokens:
            nxt = _NAME_TOKEN.match(text, m.end())
            if nxt and nxt.group("t")[:1].isupper() and len(nxt.group("t")) > 1:
                i = m.end()  # a one-letter particle such as the Irish "Ó" ("Mr Ó Súilleabháin")
                end = end if end is not None else None
                continue
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
_NAME_EXPL_FAMILY = _l("Looks like a patient's family name (\"Familie …\", \"the … family\").")
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
        if m.group("title").strip():
            # "Herr Dr. Klaus Dietrich, unser Patient" vs "Frau Dr. Weber aus der Neurologie": with an
            # academic title the person is as often a colleague; a full name and no sign of a
            # colleague (a talk, a department, a paper) make it a patient.
            lo, hi = max(0, m.start() - 80), min(len(low), got[0] + 80)
            colleague = _COLLEAGUE_CTX.search(low, lo, hi)
            patient = _PATIENT_CTX.search(low, lo, hi)
            if colleague and not patient:
                conf = min(conf, 0.45)
            elif got[1] < 2 and not patient:
                conf = min(conf, 0.45)
            else:
                conf = min(conf, 0.85)
        if _STAFF_BEFORE_HONORIFIC.search(low, max(0, m.start() - 30), m.start()):
            conf = min(conf, 0.45)  # "unsere Stationsleitung Frau Albers", "our charge nurse Mr Patel"
        if _STAFF_APPOSITION.match(low, got[0]):
            conf = min(conf, 0.45)  # "Mr. Harris, our charge nurse", "Herr Krause aus der Pflegedirektion"
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

    _detect_lower_and_shorthand(c)
    _detect_more_name_shapes(c)
    if c.config.name_gazetteer:
        _detect_gazetteer_names(c)
    if c.has_dev:
        _detect_hi_surnames(c)
    if "amil" in low:
        for m in _FAMILY.finditer(text):
            if m.end() > m.start():  # "Familie Müller"
                got = _latin_name(text, m.end() - 1, strict=True)
                if got and got[1] <= 2:
                    c.add(m.end(), got[0], "patient_name", 0.75, _NAME_EXPL_FAMILY)
            else:  # "the Patel family"
                got = _latin_name(text, m.start() - 1, strict=True)
                if got and got[1] == 1:
                    c.add(m.start(), got[0], "patient_name", 0.7, _NAME_EXPL_FAMILY)
    if not c.has_dev:
        return
    for m in _HI_CUE_LATIN.finditer(text):
        if _word_char_before(text, m.start()):
            continue
        got = _latin_name(text, m.end(), strict=True)
        if not got:
            continue
        end, n = got
        if m.group("title"):
            # "श्री डॉ. Anand Mishra" is as often a colleague: a patient word must be there and no sign
            # of a colleague ("हमारे HOD", "staff")
            lo, hi = max(0, m.start() - 60), min(len(low), end + 60)
            before = low[max(0, m.start() - 40):m.start()]
            if not _HI_PATIENT_WORD.search(low, lo, hi) or _HI_COLLEAGUE_WORD.search(before):
                continue
        after = _HI_AFTER_NAME.match(text, end)
        if n >= 2 or (after and after.group("w") == _JI):
            pm = _NAME_TOKEN.match(text, m.end())
            c.add(pm.start("t"), end, "patient_name", 0.85, _NAME_EXPL_PAT)
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
        elif nxt == "" and _HI_AGE_AFTER.match(text, end):
            conf = 0.8  # "पेशेंट <name> 19 साल की है"
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


_LOWER_STOP = frozenset(w.lower() for w in W.NAME_STOP) | W.PATIENT_ROUTE_STOP | frozenset("""
and or with without on in at of to for from by as is was are were be been has had have not no nor but
the a an this that these those it its his her their there here then than so very more less most least
mild moderate severe trace trivial trivial significant grade stage jet regurgitation stenosis prolapse
murmur noted seen present absent likely unlikely possible probable known new old same other also only
just still already again now today yesterday tomorrow after before during since until while when if
tr ar pr ms as mvr avr tvr ef lv rv la ra lvh rvh rwma ecg echo cxr ct mri bp hr rr spo2 temp
""".split())


def _detect_lower_and_shorthand(c: _Ctx) -> None:
    text, low = c.text, c.low
    if c.has_dev and c.has_digit:
        for a in c.anchors(_SHORTHAND_ANCHOR):
            if text[a.start()] != ",":
                continue
            m = None
            for start in _word_starts_before(text, a.start(), devanagari=True):
                m = _HI_SHORTHAND.match(text, start)
                if m:
                    break
                m = None
            if not m:
                continue
            tokens = [_nfc(t) for t in m.group("n").split()]
            while tokens and tokens[0] in W.HI_STOP:
                tokens = tokens[1:]
            if not tokens or any(t in W.HI_STOP for t in tokens):
                continue
            start = m.end("n") - len(" ".join(m.group("n").split()[-len(tokens):]))
            c.add(start, m.end("n"), "patient_name", 0.75, _NAME_EXPL_SHORTHAND)
            if 90 <= int(m.group("age")) <= 119:
                c.add(m.start("age"), m.end("age"), "age", 0.85, _AGE_EXPL_NAME)
    if "mr" in low or "mister" in low or "smt" in low or "shri" in low:
        for m in _LOWER_HONORIFIC.finditer(text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "._"):
                continue
            a, b = m.group("a"), m.group("b")
            if a in _LOWER_STOP or _noun_like(a) or a.startswith("'"):
                continue
            if b in _PERSON_VERB:
                before = low[max(0, m.start() - 12):m.start()].split()
                if before and before[-1] in _LOWER_STOP:
                    continue  # "moderate mr ..." is mitral regurgitation
                c.add(m.start(), m.start("b") - 1, "patient_name", 0.7, _NAME_EXPL_HON)
                continue
            if b in _LOWER_STOP or _noun_like(b):
                continue
            c.add(m.start(), m.end(), "patient_name", 0.7, _NAME_EXPL_HON)
    if not c.has_digit:
        return
    seen = -1
    for a in c.anchors(_SHORTHAND_ANCHOR):
        m = None
        for start in _word_starts_before(text, a.start(), devanagari=False):
            if start <= seen:
                break
            m = _SHORTHAND.match(text, start)
            if m:
                break
        if not m:
            continue
        seen = m.start()
        age = int(m.group("age"))
        tail = m.group("tail").strip()
        # "(96)" and ", 91," name an age only when it is 90 or over; "42M", "87 J." do with any age.
        if tail in (")", ",") and not 90 <= age <= 119:
            continue
        if tail not in (")", ",") and not 0 < age <= 119:
            continue
        tokens = m.group("n").split()
        # drop leading words that are not names ("Saw Gerald Pike", "Patientin Schmidt")
        while tokens and (tokens[0] in W.NAME_STOP or tokens[0] in _CLINICAL_CAPS or _noun_like(tokens[0])
                          or tokens[0].lower() in W.PATIENT_ROUTE_STOP):
            tokens = tokens[1:]
        if not tokens or any(t in W.NAME_STOP or t in _CLINICAL_CAPS for t in tokens):
            continue
        start = m.end("n") - len(" ".join(tokens))
        if not (text[start - 1:start] in ("", " ", "\n", "\t", "(", ":", ";", ",") or start == 0):
            continue
        if _INSTITUTION_AFTER.match(text, m.end("n")):
            continue
        if tail in (")", ",") and len(tokens) < 2 and not _NAME_CUE_BEFORE.search(low, max(0, start - 30), start):
            continue  # "Hb (96)", "Na, 135,": one word and a bare number is too weak
        c.add(start, m.end("n"), "patient_name", 0.8 if len(tokens) >= 2 or tail not in (")", ",") else 0.7,
              _NAME_EXPL_SHORTHAND)
        if 90 <= age <= 119:
            c.add(m.start("age"), m.end("age"), "age", 0.85, _AGE_EXPL_NAME)


_NAME_CUE_BEFORE = _rx(r"(?:\b(?:mr|mrs|ms|frau|herr|herrn|pt|pat|patient|patientin)\.?[ \t]{1,3}$)")
_NAME_EXPL_SHORTHAND = _l("Looks like a patient's name (a name next to an age or sex, such as \"Name, 42F\").")
_AGE_EXPL_NAME = _l("An age of 90 or over next to a name identifies a very old patient; write \"90 or older\" instead.")


def _ages_after_names(c: _Ctx) -> None:
    """An age of 90 or over right after a name found by the other rules ("Pt Sunita Rao, 91,")."""
    text = c.text
    for start, end, typ, conf, _x in list(c.out):
        if typ != "patient_name" or conf < 0.5:
            continue
        m = _AGE_AFTER_NAME.match(text, end)
        if m and 90 <= int(m.group("age")) <= 119:
            c.add(m.start("age"), m.end("age"), "age", 0.85, _AGE_EXPL_NAME)


_AGE_AFTER_NAME = re.compile(r"(?:,[ \t]{0,2}|[ \t]{0,2}\([ \t]?)(?P<age>[0-9]{2,3})(?=[ \t]?[),;]|[ \t]?[MFWmfw](?![\w]))")


# A member of staff named by their role right before the honorific.
_STAFF_BEFORE_HONORIFIC = _rx(
    r"(?:stationsleitung|pflegeleitung|pflegedienstleitung|oberärztin|oberarzt|chefärztin|chefarzt|kollegin|"
    r"kollege|colleague|charge nurse|nurse|sister|matron|pharmacist|registrar|consultant|secretary|"
    r"sekretärin|apothekerin|apotheker|therapeutin|therapeut|ward manager|manager)[ \t,]{1,3}$")
# A member of staff named in apposition right after the name.
_STAFF_APPOSITION = _rx(
    r"[ \t]{0,2}[,(]?[ \t]{0,2}(?:our|the|unsere?r?|die|der|from|aus|von)(?:[ \t]{1,2}(?:der|dem|the))?"
    r"[ \t]{1,2}(?:[a-zäöü\-]{2,20}[ \t]{1,2}){0,2}"
    r"(?:nurse|sister|matron|pharmacist|pharmacy|physio\w{0,8}|therapist|registrar|resident|consultant|"
    r"colleague|attending|fellow|intern|secretary|manager|administrator|ward clerk|clerk|"
    r"pflege\w{0,12}|schwester|pfleger\w{0,3}|apothek\w{0,3}|kolleg\w{0,3}|oberarzt|oberärztin|"
    r"assistenzarzt|assistenzärztin|stationsleitung|leitung|direktion|sekretariat|verwaltung|therapeut\w{0,3}|"
    r"hygiene\w{0,8}|qm|controlling)(?![\w])")

# "pat. frau gerda lehmann": a lower-case title and name right after a patient cue.
_LOWER_CUE_NAME = _rx(
    r"(?:pat\.|pt\.?|patient(?:in)?|mrs?\.?|ms\.?)[ \t]{1,2}(?:frau|herr|hr\.|fr\.|mrs?\.?|ms\.?|smt\.?|shri)"
    r"[ \t]{1,2}(?P<a>[a-zäöüß][a-zäöüß'\-]{1,20})(?:[ \t](?P<b>[a-zäöüß][a-zäöüß'\-]{1,20}))?(?![\w])")
# A name just before a date-of-birth label, as in a pasted letter header: "Re: Margaret O'Leary, DOB ...".
_DOB_AFTER_NAME = _rx(r",[ \t]{0,2}(?:dob|d\.o\.b\.?|geb\.|geboren|born|b\.|date of birth|geburtsdatum)(?![\w])")
# Handover shorthand without a comma: "Kowalski 58M", "Bed 4 Novak 81F", "Yilmaz 67M".
_LIST_ITEM_AGE = _rx(r"[:;\n][ \t]{0,2}(?P<n>[A-ZÄÖÜ][a-zäöüß'\-]{1,30})[ \t](?P<a>[0-9]{1,3})[mwf]"
                     r"(?=[ \t]{1,2}[A-ZÄÖÜ]|[ \t]?[,;])")
_LIST_ITEM_AGE_START = _rx(r"[ \t]{0,2}(?P<n>[A-ZÄÖÜ][a-zäöüß'\-]{1,30})[ \t](?P<a>[0-9]{1,3})[mwf]"
                           r"(?=[ \t]{1,2}[A-ZÄÖÜ]|[ \t]?[,;])")
_SHORTHAND_GLUED = _rx(r"(?P<age>[0-9]{1,3})(?P<sex>[MFW])(?![\w])")
_DEVICE_AFTER = _rx(r"[ \t]{0,2}(?:catheter|cath|sheath|tube|drain|cannula|stent|introducer|katheter|schleuse|"
                    r"kanüle|drainage|tubus|fr\b|french)", re.I)
_DEVICE_WORDS = frozenset("""foley nelaton pigtail tiemann sheath ch charriere charrière fr french ng og picc cvc
dauerkatheter blasenkatheter""".split())


def _list_items(text: str) -> list[re.Match]:
    """_LIST_ITEM_AGE after every list separator, and at the very start of the post."""
    first = _LIST_ITEM_AGE_START.match(text)
    return ([first] if first else []) + list(_LIST_ITEM_AGE.finditer(text))


def _detect_more_name_shapes(c: _Ctx) -> None:
    text, low = c.text, c.low
    if "pat" in low or "pt" in low or "mr" in low or "ms" in low:
        for m in _LOWER_CUE_NAME.finditer(low):
            if _word_char_before(low, m.start()):
                continue
            a, b = m.group("a"), m.group("b")
            if a in _LOWER_STOP or _noun_like(a):
                continue
            end = m.end("b") if b and b not in _LOWER_STOP and b not in _PERSON_VERB and not _noun_like(b) else m.end("a")
            c.add(m.start("a"), end, "patient_name", 0.8, _NAME_EXPL_PAT)
    if "," in text:
        for a in _DOB_AFTER_NAME.finditer(low):
            starts = _word_starts_before(text, a.start(), devanagari=False)
            tokens = []
            for st in starts:
                w = text[st:a.start()].split()[0] if text[st:a.start()].split() else ""
                tokens.append((st, w))
            while tokens and (not tokens[0][1][:1].isupper() or tokens[0][1] in W.NAME_STOP
                              or tokens[0][1] in _CLINICAL_CAPS):
                tokens = tokens[1:]
            if not tokens or any(not w[:1].isupper() or w in W.NAME_STOP or w in _CLINICAL_CAPS for _s, w in tokens):
                continue
            if len(tokens) >= 2 or _NAME_CUE_BEFORE.search(low, max(0, tokens[0][0] - 30), tokens[0][0]):
                c.add(tokens[0][0], a.start(), "patient_name", 0.85, _NAME_EXPL_LABEL)
    if c.has_digit:
        # a handover list item: "Nachtdienst: Name 88m Sturz; Name 62w, ..." (lower-case sex code)
        for m in _list_items(text):
            word = m.group("n")
            if word in W.NAME_STOP or word in _CLINICAL_CAPS or _noun_like(word) or not 0 < int(m.group("a")) <= 119:
                continue
            c.add(m.start("n"), m.end("n"), "patient_name", 0.75, _NAME_EXPL_SHORTHAND)
            if 90 <= int(m.group("a")) <= 119:
                c.add(m.start("a"), m.end("a"), "age", 0.85, _AGE_EXPL_NAME)
        for m in _SHORTHAND_GLUED.finditer(text):
            age = int(m.group("age"))
            if not 0 < age <= 119 or m.start() < 3 or text[m.start() - 1] not in " \t":
                continue
            if _word_char_before(text, m.start()) or _DEVICE_AFTER.match(text, m.end()):
                continue
            j = m.start() - 1
            i = j
            while i > 0 and j - i < 31 and (text[i - 1].isalpha() or text[i - 1] in "'-"):
                i -= 1
            word = text[i:j]
            if (len(word) < 2 or not word[0].isupper() or word in W.NAME_STOP or word in _CLINICAL_CAPS
                    or word.lower() in _DEVICE_WORDS or word.isupper() or _noun_like(word)
                    or (i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_-/."))):
                continue
            c.add(i, j, "patient_name", 0.75, _NAME_EXPL_SHORTHAND)
            if 90 <= age <= 119:
                c.add(m.start("age"), m.end("age"), "age", 0.85, _AGE_EXPL_NAME)


_PROPAGATE_MIN = 0.7
_TITLE_WORDS = frozenset("""Mr Mrs Ms Miss Mx Frau Herrn Herr Hr Fr Smt Shrimati Shri Sri Kumari Reverend Revd Rev Dr Prof
Doktor Professor Professorin med dent vet phil jur habil Patient Patientin Pat Pt""".split())


def _propagate_names(c: _Ctx) -> None:
    """Every later (or earlier) mention of a name already found is the same patient: "Kowalski 58M,
    NSTEMI ... Does Kowalski need the cath lab?"."""
    text = c.text
    names = set()
    for start, end, typ, conf, _x in c.out:
        if typ != "patient_name" or conf < _PROPAGATE_MIN:
            continue
        for token in re.split(r"[ \t\u00a0]+", text[start:end]):
            token = token.strip(".,;:()'\u2019")
            if token.endswith(("'s", "\u2019s")):
                token = token[:-2]
            if (len(token) >= 3 and token not in _TITLE_WORDS and token not in W.NAME_STOP
                    and token not in _CLINICAL_CAPS and token not in W.HI_STOP and not token.isdigit()):
                names.add(token)
    if not names:
        return
    covered = [(s, e) for s, e, t, _c, _x in c.out if t == "patient_name"]
    # str.find per name (there are only a few) instead of compiling a pattern for every post
    hits: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):
        i = text.find(name)
        while i != -1:
            end = i + len(name)
            if not (_name_char(text, i - 1) or _name_char(text, end)):
                hits.append((i, end))
            i = text.find(name, i + 1)
    hits.sort(key=lambda h: (h[0], -h[1]))
    covered.sort()
    last_end, k, reach = -1, 0, -1
    for start, end in hits:  # one sweep over both sorted lists: linear, however many names were found
        if start < last_end:
            continue  # inside a longer name already found here
        last_end = end
        while k < len(covered) and covered[k][0] <= start:
            reach = max(reach, covered[k][1])
            k += 1
        if start < reach:
            continue  # already part of a name found by another rule
        c.add(start, end, "patient_name", 0.75, _NAME_EXPL_AGAIN)


def _name_char(text: str, pos: int) -> bool:
    if pos < 0 or pos >= len(text):
        return False
    ch = text[pos]
    return ch.isalnum() or ch == "_" or "\u0900" <= ch <= "\u097f"


_NAME_EXPL_AGAIN = _l("The same name again: it was recognised as a patient's name elsewhere in this post.")


# --------------------------------------------------------------------------- names without a cue

# A first name from the gazetteer followed by a surname-like word ("Brigid Callahan has had ..."),
# an all-capital surname before a first name as in a pasted header ("GALLAGHER, Siobhan"), and a
# lower-case first and last name after a cue or before an age ("pt is maria gonzalez from ...",
# "case: ramesh kumar, 45M").  Only the shape is read here; the first name must be in the list.
_GAZ_WORD = _rx(r"[A-ZÄÖÜÀ-Þ][a-zäöüßà-ÿ]{2,20}(?![\w\-'\u2019])")
_GAZ_SURNAME = _rx(
    r"[ \t]{1,2}(?:[A-Z]\.[ \t]{1,2})?"
    r"(?P<s>(?:(?:van|von|de|del|da|di|le|la|ten|ter|bin|al|el|O'|O\u2019|Mc)[ \t]?)?"
    r"[A-ZÄÖÜÀ-ÞÓ][a-zäöüßà-ÿ'\u2019]{1,30}(?:-[A-ZÄÖÜ][a-zäöüßà-ÿ]{1,30})?)(?![\w\-])")
_GAZ_CAPS_FIRST = _rx(r"(?P<s>[A-ZÄÖÜ]{3,30}(?:-[A-ZÄÖÜ]{2,30})?),[ \t]{1,2}(?P<f>[A-ZÄÖÜ][a-zäöüßà-ÿ]{2,20})(?![\w\-])")
_GAZ_CAPS_COMMA = _rx(r",(?<=[A-ZÄÖÜ]{3},)[ \t]{1,2}(?P<f>[A-ZÄÖÜ][a-zäöüßà-ÿ]{2,20})(?![\w\-])")
_GAZ_LOWER = _rx(
    r"(?P<f>[a-zäöüß](?<![\w.\-'].)[a-zäöüßà-ÿ]{2,20})[ \t]{1,2}"
    r"(?P<s>[a-zäöüß][a-zäöüßà-ÿ'\-]{1,30})(?![\w\-])")
_GAZ_LOWER_CUE = re.compile(_trie(["pt", "pat", "patient", "patientin", "case", "fall", "name", "naam", "मरीज़", "मरीज",
                                   "पेशेंट", "रोगी"]) + r"(?![\w])\.?"
                     r"(?:[ \t]{1,2}(?:is|ist|heißt|heisst|hai|ka naam))?[ \t]{0,2}[:,\-\u2013]?[ \t]{0,2}"
                     r"(?=[a-zäöüß])")
_GAZ_AGE_AFTER = _rx(r"[ \t]{0,2},[ \t]{0,2}[0-9]{1,3}(?:[ \t]?[MFWmfw](?![\w])|[ \t]{0,2}(?:,|y|j|years|jahre|saal|साल))")
_GAZ_STAFF_BEFORE = _rx(
    r"(?:\bdr|\bprof|doctor|doktor|dr\.[ \t]?med|consultant|colleague|kolleg\w{0,3}|nurse|sister|matron|"
    r"pharmacist|registrar|resident|fellow|intern|oberarzt|oberärztin|chefarzt|chefärztin|stationsleitung|"
    r"pflege\w{0,12}|therapeut\w{0,3}|physio\w{0,8}|thanks to|danke an|thank|by|author|autor\w{0,3}|"
    r"sgt|डॉ|डॉक्टर)\.?[ \t,:]{0,3}$", re.IGNORECASE)
_GAZ_NOT_AFTER = _rx(
    r"[ \t'\u2019s]{0,3}(?:disease|syndrome|sign|criteria|score|scale|test|classification|procedure|"
    r"operation|manoeuvre|maneuver|method|technique|index|rule|law|phenomenon|reflex|fracture|"
    r"krankheit|syndrom|zeichen|kriterien|klassifikation|regel|methode|operation|reflex|fraktur|"
    r"et al|and colleagues|und kollegen|lecture|vorlesung|award|preis|prize)", re.IGNORECASE)
_GAZ_LOWER_STOP = frozenset("""
can could would should must might shall may go goes went come came get got be been being
will may mark grace rose hope faith art bill guy max don ben al pat sunny page case bed ward major
joy dawn ray dean jack red summer june april august amber ruby lily holly ivy iris olive violet
the and with from this that kind doctor nurse sister mother father son
mein main hai hain ka ki ke ko se par aur bhi nahi kar karo lo de do call wala wali wale abhi phir
""".split())
# A public figure, not a patient: "since the news about ...", "Seit ... wissen wir", "... interview".
_GAZ_PUBLIC = _rx(
    r"news|interview|famous|celebrit|actor|actress|singer|politician|schauspiel|promi|prominent|publicly|"
    r"spoke about|talked about|gesprochen|berichtet|wissen wir|lots of families|many families|"
    r"many patients|viele patienten|fragen viele|patients खुद|वाले interview")
# An adjective or brand before a plural or a device: "Han Chinese patients", "the Baxter Prismax machine".
_GAZ_THING_AFTER = _rx(
    r"[ 	]{1,2}(?:patients|people|population|men|women|families|patienten|menschen|machine|pump|device|"
    r"monitor|system|ventilator|analy[sz]er|gerät|pumpe|kit|assay|[A-Z]{3,})(?![\w])")
_HI_AGE_AFTER = _rx(r"[ \t]{1,2}[0-9]{1,3}[ \t]{0,2}(?:साल|वर्ष|बरस|years?|yrs?|saal)(?![\w])")
# A family name from the list (or a capitalised Latin word) with a respectful "जी"/"साहब" after it, or an
# age in brackets: "शर्मा जी के बेटे", "Reddy साहब की wife", "<first name> मिश्रा (94)".
_HI_SURNAME_ANCHOR = _rx(r"(?:जी|साहब|साहिबा)(?![\u0900-\u097f])|\((?P<a>[0-9]{2,3})\)")
_HI_SURNAME_HINTS = (" जी", " साहब", " साहिबा", "(")
_HI_STAFF_BEFORE = _rx(r"(?:डॉ\.?|डॉक्टर|डा\.|dr\.?|prof\.?|sir|madam|हमारे|हमारी|सर)[ \t]{1,2}$", re.IGNORECASE)
_NAME_EXPL_GAZ = _l("Looks like a patient's name (a known first name followed by a surname in a clinical post).")


def _gaz_rejects(c: _Ctx, start: int, end: int) -> bool:
    text, low = c.text, c.low
    if _GAZ_STAFF_BEFORE.search(low, max(0, start - 24), start):
        return True
    if _GAZ_NOT_AFTER.match(low, end) or _INSTITUTION_AFTER.match(text, end) or _STAFF_APPOSITION.match(low, end):
        return True
    if _GAZ_THING_AFTER.match(text, end):
        return True
    if _GAZ_PUBLIC.search(low, max(0, start - 100), min(len(low), end + 100)):
        return True
    lo, hi = max(0, start - 60), min(len(low), end + 60)
    return bool(_COLLEAGUE_CTX.search(low, lo, hi)) and not _PATIENT_CTX.search(low, lo, hi)


def _detect_hi_surnames(c: _Ctx) -> None:
    text = c.text
    for a in _HI_SURNAME_ANCHOR.finditer(text) if any(h in text for h in _HI_SURNAME_HINTS) else ():
        if not a.group("a") and text[a.start() - 1:a.start()] not in (" ", "\t"):
            continue
        starts = _word_starts_before(text, a.start(), devanagari=True)
        if not starts:
            continue
        words = text[starts[0]:a.start()].split()
        if not words or "(" in text[starts[-1]:a.start()]:
            continue
        last = _nfc(words[-1].strip("("))
        latin = last[:1].isupper() and last.isalpha() and last.isascii()
        if not (last in W.HI_SURNAMES or (latin and not a.group("a") and last not in W.NAME_STOP)):
            continue
        # keep the first names right before the family name; drop function words
        keep = []
        for st, w in zip(starts, words):
            w = _nfc(w)
            if w in W.HI_STOP or w in W.NAME_STOP or (w.isascii() and not w[:1].isupper()):
                keep = []
                continue
            keep.append(st)
        if not keep:
            continue
        start = keep[0]
        if _HI_STAFF_BEFORE.search(text, max(0, start - 16), start):
            continue
        end = starts[-1] + len(words[-1])
        c.add(start, end, "patient_name", 0.75, _NAME_EXPL_HON)
        if a.group("a") and 90 <= int(a.group("a")) <= 119:
            c.add(a.start("a"), a.end("a"), "age", 0.85, _AGE_EXPL_NAME)


def _detect_gazetteer_names(c: _Ctx) -> None:
    # A capitalised first name and surname with no cue is left to gazetteer.py, which also asks for
    # clinical details in the same sentence; here only shapes that carry their own cue: a pasted
    # header ("GALLAGHER, Siobhan") and lower-case names right after a cue or before ", 45M".
    names = first_names()
    if not names:
        return
    text, low = c.text, c.low
    if "," in text:
        for k in _GAZ_CAPS_COMMA.finditer(text):  # found from the comma, then read backwards
            if k.group("f") not in names:
                continue
            start = k.start()
            while start > 0 and k.start() - start < 40 and (text[start - 1].isupper() or text[start - 1] == "-"):
                start -= 1
            m = _GAZ_CAPS_FIRST.match(text, start)
            if m and m.end() == k.end() and not _word_char_before(text, m.start()) \
                    and m.group("s") not in W.NAME_STOP and not _gaz_rejects(c, m.start(), m.end()):
                c.add(m.start(), m.end(), "patient_name", 0.8, _NAME_EXPL_GAZ)
    # lower case: only right after a cue, or right before ", 45M"
    starts = [m.end() for m in _GAZ_LOWER_CUE.finditer(low) if not _word_char_before(low, m.start())]
    if c.has_digit and "," in text:
        for a in c.anchors(_SHORTHAND_ANCHOR):
            if text[a.start()] == "," and _GAZ_AGE_AFTER.match(low, a.start()):
                before = _word_starts_before(text, a.start(), devanagari=False)
                if len(before) >= 2:
                    starts.append(before[-2])
    for pos in starts:
        m = _GAZ_LOWER.match(low, pos)
        if not m:
            continue
        f, s = m.group("f"), m.group("s")
        if f in _GAZ_LOWER_STOP or f in _LOWER_STOP or s in _LOWER_STOP or s in _GAZ_LOWER_STOP:
            continue
        if not text[m.start()].islower() or not text[m.start("s")].islower():
            continue
        if f.capitalize() not in names or _noun_like(s) or s in _PERSON_VERB:
            continue
        c.add(m.start(), m.end(), "patient_name", 0.75, _NAME_EXPL_GAZ)
