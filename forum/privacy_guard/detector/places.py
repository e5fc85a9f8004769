"""Street addresses and postal codes."""
from __future__ import annotations

import bisect
import re

from . import wordlists as W


from .base import (
    _l,
    _Ctx,
    _DV,
    _DVD,
    _NOT_LETTER_AFTER,
    _clause_start,
    _nfc,
    _rx,
    _trie,
    _word_char_before,
)


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
# A bare "Flat 12" is an address only with a number marker ("No.", "#") or when the address goes on
# after a comma or with a building, road or locality.
_IN_ADDR_MARK = _rx(r"(?i:no\b|number|#|/)")
_IN_ADDR_GOES_ON = _rx(r"[ \t]{0,2}(?:,|[ \t](?:[A-Z][\w.\-]{0,25}[ \t]){0,3}(?:Road|Rd|Marg|Street|Lane|Nagar|Colony|"
                       r"Apartments?|Residency|Tower|Towers|Heights|Complex|Society|Building|Bldg|Block|Sector)(?![\w]))")
_IN_SECTOR = _rx(r"(?:Sector|Sec\.|सेक्टर)[ \t\-]{0,2}[0-9]{1,3}[A-Z]?(?![\w])")
_IN_LOCALITY = _rx(r"[ \t](?P<s>Nagar|Colony|Layout|Vihar|Enclave|Puram|Marg|Chowk|Road|Bagh|Ganj)(?![\w])")
_IN_LOCALITY_WORDS = ("Nagar", "Colony", "Layout", "Vihar", "Enclave", "Puram", "Marg", "Chowk", "Road", "Bagh", "Ganj")
_CAP_WORDS_BEFORE = _rx(r"(?:[A-Z][A-Za-z]{1,20}[ \t])?(?P<w>[A-Z][A-Za-z]{1,20})$")
_VILLAGE = _rx(r"(?:[Vv]illage|[Vv]ill\.|Gaon|Tehsil|Taluka|Taluk)[ \t]{1,2}[A-Z][a-z]{2,20}(?![\w])")
_HI_ADDR_WORDS = ("मकान", "फ्लैट", "फ़्लैट", "गली", "प्लॉट", "हाउस", "घर", "गांव", "गाँव", "ग्राम", "मोहल्ला",
                  "फ\u093c्लैट")
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


_PLZ_AFTER_ADDRESS = re.compile(r"[ \t]{0,2},?[ \t]{0,2}(?P<z>[0-9]{5}|[0-9]{3}[ \t]?[0-9]{3})(?![0-9])")


def _detect_address(c: _Ctx, enabled: frozenset[str]) -> None:
    text, low = c.text, c.low
    addr_ends: list[int] = []

    def add_addr(s: int, e: int, conf: float) -> None:
        addr_ends.append(e)
        c.add(s, e, "address", conf, _l("A street address."))

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
            if _word_char_before(text, m.start()):
                continue
            bare = "," not in m.group() and not _IN_ADDR_MARK.search(m.group())
            if bare and not _IN_ADDR_GOES_ON.match(text, m.end()):
                continue  # "Flat 3 of the protocol", "Door 2 of the ward": a numbered thing, not an address
            add_addr(m.start(), m.end(), 0.8)
        for m in _IN_SECTOR.finditer(text) if ("Sec" in text or "सेक्टर" in text) else ():
            if not _word_char_before(text, m.start()):
                add_addr(m.start(), m.end(), 0.75)
    for m in _IN_LOCALITY.finditer(text) if any(w in text for w in _IN_LOCALITY_WORDS) else ():
        pm = _CAP_WORDS_BEFORE.search(text, max(0, m.start() - 43), m.start())
        if not pm or pm.group("w") in ("The", "A", "An", "This", "That", "Our", "Your", "On", "In", "At", "By"):
            continue
        if m.group("s") == "Road" and not (pm.group("w").isupper() and 2 <= len(pm.group("w")) <= 4):
            continue  # "MG Road", "SV Road"; not "the Long Road"
        add_addr(pm.start(), m.end(), 0.7)
    if "village" in low or "vill." in low or "gaon" in low or "tehsil" in low or "taluk" in low:
        for m in _VILLAGE.finditer(text):
            if not _word_char_before(text, m.start()):
                add_addr(m.start(), m.end(), 0.7)
    if c.has_dev:
        for m in _HI_ADDR.finditer(text) if any(w in text for w in _HI_ADDR_WORDS) else ():
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

    expl = _l("A postal code together with a place name or an address.")
    for end in addr_ends:  # "Lindenstraße 14, 50674": a bare five-digit code right after an address
        m = _PLZ_AFTER_ADDRESS.match(text, end)
        if m:
            c.add(m.start("z"), m.end("z"), "postal_code", 0.85, expl)
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
