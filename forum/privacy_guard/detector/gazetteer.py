"""Names without a cue word, found through a gazetteer of first and last names -- but only next to
clinical context.

A capitalised pair such as "Brigid Callahan" is flagged when its first word is a known first name,
its last word a known first or last name, and the same sentence talks about a patient (an age or
sex shorthand, "pt", "Patientin", "मरीज़", a bed or ward, an admission or discharge word, a
symptom or treatment word).  A single known name is flagged only with shorthand glued to it
("Kaminski 84m", "Anjali 24 साल", "Reddy साहब").  Lower-case names count only right after a
patient cue ("pt is maria gonzalez"), two of them or one with shorthand after it.  Never flagged:
eponyms and drug or brand names that are also names (Parkinson, Addison, Wilson, Stevens-Johnson
...), staff named with a title or role ("Dr.", "Oberärztin", "Sister", "Schwester", "colleague"),
colleagues named with what they do ("from the lab", "aus der Apotheke") and authors ("et al.").

The name lists live in ``data/names_*.txt`` (one name a line, built by
scripts/build_name_gazetteer.py from the sources listed there) and are read on first use.
``GuardConfig.name_gazetteer`` (operator setting ``PHI_NAME_GAZETTEER``) switches it off.
"""
from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from . import wordlists as W
from .base import _l, _Ctx, _DV, _rx
from .names import _gaz_rejects, _word_starts_before

_DATA = Path(__file__).with_name("data")


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


@lru_cache(maxsize=1)
def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, last names), case-folded, without the excluded words."""
    def read(name: str) -> frozenset[str]:
        with (_DATA / name).open(encoding="utf-8") as handle:
            words = (_fold(line.strip()) for line in handle if line.strip() and not line.startswith("#"))
            return frozenset(w for w in words if w not in EXCLUDED)
    return read("names_first.txt"), read("names_last.txt")


# Words that are names in some country but, in a clinical post, far more often an eponym, a drug or
# brand, a unit, a common word or a place.  Case-folded.
EXCLUDED = frozenset(_fold(w) for w in """
Addison Alzheimer Asperger Babinski Baker Barrett Bell Bennett Bowen Brown Budd Burkitt Chiari Conn Crohn
Cushing Down Dupuytren Ebstein Ewing Fallot Fanconi Gilbert Graves Guillain Barre Barré Hashimoto Hodgkin
Horner Huntington Kaposi Kawasaki Korsakoff Lyme Marfan Meniere Ménière Paget Parkinson Peyronie Pick Pott
Raynaud Reiter Reye Sjogren Sjögren Stevens Johnson Still Takayasu Tourette Turner Wegener Wernicke Whipple
Wilson Wilms Wolff White Zollinger Ellison Mallory Weiss Cheyne Stokes Adams Charcot Marie Tooth Duchenne
Becker Klinefelter Kussmaul Murphy Glasgow Apgar Wells Geneva Child Pugh Ranson Hunt Hess Fisher Killip
Levine Lown Mobitz Wenckebach Brugada Romano Ward Holter Swan Ganz Foley Seldinger Allen Trendelenburg Lasegue
Lasègue Homan Homans Rovsing Kernig Brudzinski Romberg Gram Ziehl Neelsen Giemsa Gleason Breslow Clark Dukes
Duke Ann Arbor Hoffmann Hoffman Tinel Phalen Finkelstein Schober Lachman McMurray Thompson Simmonds Bristol
Mayo Cleveland Johns Hopkins Charité Charite Mercy Grace Hope Faith Joy Will May June April August Summer Winter
Rose Ivy Holly Lily Daisy Iris Page Bill Mark Ward Bed Dean Guy Rich Sharp Best Long Short Small Young Hale
Hill Wood Field Lane Street Rock Stone Bush Moss Gray Grey Green Black King Knight Major Cook Miller Mann Man
Lang Klein Groß Gross Weiß Weiss Schwarz Roth Kurz Lange Fuchs Wolf Vogel Hahn Bauer Koch Sommer Winter Frank
Frei Ernst Jung Alt Neu Ober Will Mai Juni Juli August Monika Deutsch Kaiser Herr Frau Dame Dr Prof Doktor Sir
Lady Lord Miss Mrs Mister Sister Nurse Schwester Pfleger Patient Patientin Pat Pt Case Fall Team Station Zimmer
Lisinopril Ramipril Aspirin Marcumar Xarelto Eliquis Lyrica Valium Tavor Ativan Zyprexa Seroquel Lasix
Clexane Fragmin Heparin Insulin Lantus Novorapid Ozempic Victoza Keppra Tegretol Lamictal Depakote Prozac
Zoloft Paxil Celexa Lexapro Ritalin Adderall Humira Enbrel Remicade Stelara Keytruda Opdivo Herceptin
Avastin Rituxan Mabthera Ventolin Seretide Symbicort Spiriva Novalgin Ibuprofen Paracetamol Tylenol Advil
Motrin Plavix Brilinta Lipitor Crestor Zocor Coumadin Warfarin Januvia Jardiance Forxiga Trulicity Mounjaro
Cipro Augmentin Tamiflu Paxlovid Pfizer Moderna Bayer Roche Novartis Sanofi Merck Abbott Lilly Johnson Cipla
Lupin Ranbaxy Sun Dabur Himalaya Apollo Fortis Max Medanta Manipal Narayana Aster Kokilaben Ruby Hall Tata
Ganga Lilavati Jaslok Hinduja Breach Candy Christian Vellore Aiims Pgimer Jipmer Nimhans Sanjay Gandhi Indira
Nehru Rajiv Lal Bahadur Shastri Ram Manohar Lohia Safdarjung Sir Ganga Vardhman Mahavir Kasturba Sion Kem
Wadia Bombay Delhi Mumbai Chennai Kolkata Berlin Hamburg München Munich Köln Frankfurt Heidelberg Freiburg
London Boston Houston Paris Washington Lincoln Jackson Victoria Elizabeth Albert Alexandra Royal Princess
Prince Charles George Edward Mary Sankt Santa Christ Jesus Krishna Shiva Durga Lakshmi Ganesh Hanuman Allah
Ayurveda Ayush Unani Siddha Homeopathy Yoga Neem Tulsi Haldi Amla Giloy Ashwagandha Triphala Chyawanprash
Covid Corona Delta Omicron Alpha Beta Gamma Kappa Sigma Omega Ebola Zika Dengue Nipah Marburg Lassa Hendra
Ross River Chikungunya Mpox Monkeypox Influenza Hib Rota Polio Bcg Mmr Dtp Tdap Hpv Hiv Aids Hep Hcv Hbv
""".split())

_UP, _LO = "A-ZÄÖÜÀ-ÖØ-Þ", "a-zäöüßà-öø-ÿ"
_FIRST = rf"[{_UP}][{_LO}'\u2019]{{1,24}}(?:-[{_UP}][{_LO}']{{1,24}})?"
# One to three capitalised words: "Brigid Callahan", "Anjali Menon", "Maria del Carmen" is not
# attempted (particles stay with the cue-based rules).
# (The look-behind sits after the first capital so that ``re`` can skip quickly to the next capital.)
_CAP_SEQ = re.compile(rf"(?P<n>[{_UP}](?<![\w\-.'\u2019].)[{_LO}'\u2019]{{1,24}}"
                      rf"(?:-[{_UP}][{_LO}']{{1,24}})?(?:[ \t]{_FIRST}){{0,2}})(?![\w\-])")
# Lower-case names only right after a patient cue: "pt is maria gonzalez", "pat. krämer".
_LOWER_AFTER_CUE = _rx(
    r"(?:pt|pat|patient|patientin|mrs|mr|ms|herr|frau)\.?"
    r"(?:[ \t]{0,2}[:,])?[ \t]{1,2}(?:is[ \t]{1,2})?"
    r"(?P<n>[a-zäöüß][a-zäöüß'\-]{1,24}(?:[ \t][a-zäöüß][a-zäöüß'\-]{1,24})?)(?![\w])")
# Devanagari names: one or two words read backwards from a Hindi honorific suffix, a postposition or an
# age after them ("शर्मा जी", "खन्ना साहब", "कविता 19 साल"; after a postposition only a first and last
# name: "सुनीता शर्मा को").
_DEV_ANCHOR = re.compile(rf"[ \t](?:जी|साहब|साहिबा|बाबू|को|का|की|के|ने)(?![{_DV}])"
                         rf"|,?[ \t]\(?[0-9]{{1,3}}[ \t]?(?:साल|वर्ष|/?[MFmf](?![\w])|\))")

# Shorthand glued to a single name: "Kaminski 84m", "Hoxha 88m", "Wendelin 62w", "Anjali Menon 24 साल",
# "Lukas Ferber ist 19", "(94)", "Reddy साहब".
_SHORTHAND_AFTER = re.compile(
    r"(?:,?[ \t]{1,2}|[ \t]?\()[0-9]{1,3}[ \t]?(?:[MFWmfw](?![\w])|J\.|Jahre|y/?o(?![\w])|yrs?(?![\w])|"
    r"साल|वर्ष|\))|[ \t]{1,2}(?:ist|is|was|war)[ \t][0-9]{1,3}(?![\w.,:])|[ \t](?:साहब|जी)(?![" + _DV + r"])")

# Clinical context in the same sentence, and talk of colleagues (which rules a name out), as words of
# the lower-cased post: single words, word beginnings and word pairs.
def _words(text: str) -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFKC", w) for w in text.split())


_CLINICAL_WORDS = _words("""
pt pat patient patientin patienten patients bed bett room zimmer ward station icu itu intensiv notaufnahme a&e
opd ipd admitted admission aufgenommen aufnahme discharge discharged entlassen entlassung referral referred
überwiesen konsil handover übergabe nachtdienst presented presents complains complain klagt leidet suffers
fell sturz gestürzt infusion dose dosis mg started stopped abgesetzt angesetzt treating treated behandelt
therapie treatment surgery op post-op postop pre-op scan ct mri mrt ecg ekg labs labor bloods hb crp
creatinine kreatinin sodium natrium bp rr spo2 sats fever fieber pain year-old jährige jähriger
मरीज़ मरीज रोगी पेशेंट भर्ती बेड वार्ड साल वर्ष इलाज दवा बुखार दर्द ऑपरेशन
""")
_CLINICAL_PREFIXES = ("diagnos", "symptom", "schmerz", "restart", "jährig")
# Medical word endings (diagnoses, procedures, findings) in English and German: a sentence with
# "syncopal", "pneumonia", "cholecystectomy" or "Anämie" in it talks about a patient's care.
_CLINICAL_SUFFIXES = ("itis", "osis", "ose", "emia", "aemia", "ämie", "ectomy", "ektomie", "otomy", "otomie",
                      "oscopy", "oskopie", "pathy", "pathie", "algia", "algie", "plegia", "plegie", "cope",
                      "copal", "oma", "ome", "onia", "onie", "uria", "urie", "episode", "episodes", "infarct",
                      "infarkt", "fracture", "fraktur", "specimen", "sample", "probe", "biopsy", "biopsie")
_CLINICAL_PAIRS = frozenset({("came", "in"), ("handing", "over"), ("night", "shift")})
_AGE_AFTER = _words("m f w j year years yo y/o yrs jahre jahr साल वर्ष")
_SEX_AGE = re.compile(r"[0-9]{1,3}[mfw]")
_COLLEAGUE_WORDS = _words("""
colleague colleagues kollege kollegin kollegen consultant registrar oberarzt oberärztin chefarzt chefärztin
lecture vortrag talk conference kongress webinar paper study studie published wrote schrieb guideline
leitlinie pharmacy pharmacist apotheke apotheker course kurs workshop teaching leitet leads thanks danke
grüße greetings reception secretary sekretariat dietitian sozialdienst dienstarzt intern pg pj famulant
famulantin fellow trainee attending nurse schwester pfleger pflegerin sister matron सहकर्मी हमारे हमारी hod
sir madam ma'am
""")
_COLLEAGUE_PREFIXES = ("kolleg", "diensthab", "physio", "student")
_COLLEAGUE_PAIRS = frozenset({("runs", "the"), ("in", "charge"), ("thank", "you"), ("front", "desk"),
                              ("social", "worker"), ("the", "lab"), ("on", "call"), ("unit", "head"),
                              ("vom", "labor"), ("labor", "hat")})
_WORD = re.compile(r"[\w\u0900-\u097f][\w\u0900-\u097f'&/\-]{0,30}")
# Staff, colleagues and authors: a title or role right before, "et al." right after, or talk of
# colleagues in the same sentence.
_STAFF_BEFORE = _rx(
    r"(?<![\w])(?:dr|prof|professor|doktor|doctor|nurse|sister|schwester|pfleger|pflegerin|oberarzt|oberärztin|"
    r"chefarzt|chefärztin|assistenzarzt|assistenzärztin|consultant|registrar|resident|colleague|kollege|"
    r"kollegin|pa|np|sir|madam|author|autor|autorin|by|von|laut|per|according to|says|sagt|"
    r"ड[ॉा]\.?|डॉक्टर|सर|मैडम)\.?,?[ \t]{1,2}(?:[^\s\d]{1,25}[ \t]{1,2})?$")
_STAFF_AFTER = _rx(r"[ \t,]{0,2}(?:et al|und kollegen|and colleagues|md|phd|frcp|mrcp|facc|(?:our|unser\w*) )")
_SENTENCE_END = re.compile(r"[.!?।\n](?=\s|$)")

_EXPL = _l("Looks like a patient's name (a known first or last name next to clinical details such as an age, "
           "a bed or a diagnosis).")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around [start, end), at most 160 characters either side."""
    lo = max(0, start - 160)
    last = None
    for m in _SENTENCE_END.finditer(text, lo, start):
        last = m
    s = last.end() if last else lo
    m = _SENTENCE_END.search(text, end, min(len(text), end + 160))
    return s, (m.end() if m else min(len(text), end + 160))


class _Context:
    """Where clinical words and talk of colleagues start in the lower-cased post.  The sentences around
    known names are read one by one; once that adds up to more than the post itself (a post full of
    names), the whole post is read in one pass instead, so that scanning stays linear."""

    def __init__(self, low: str):
        self.low = low
        self.windows: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        self.read_so_far = 0
        self.whole: tuple[list[int], list[int]] | None = None

    def _scan(self, s: int, e: int) -> tuple[list[int], list[int]]:
        clinical: list[int] = []
        colleague: list[int] = []
        previous, previous_start = "", 0
        for m in _WORD.finditer(self.low, s, e):
            word, start = m.group().rstrip("-'"), m.start()
            if (word in _CLINICAL_WORDS or word.startswith(_CLINICAL_PREFIXES)
                    or (len(word) > 5 and word.endswith(_CLINICAL_SUFFIXES)) or _SEX_AGE.fullmatch(word)
                    or (previous, word) in _CLINICAL_PAIRS):
                clinical.append(start)
            elif word in _AGE_AFTER and previous.isdigit() and len(previous) <= 3:
                clinical.append(previous_start)
            if (word in _COLLEAGUE_WORDS or word.startswith(_COLLEAGUE_PREFIXES)
                    or (previous, word) in _COLLEAGUE_PAIRS):
                colleague.append(start)
            previous, previous_start = word, start
        clinical.sort()
        return clinical, colleague

    def _read(self, s: int, e: int) -> tuple[list[int], list[int]]:
        if self.whole is not None:
            return self.whole
        if (s, e) not in self.windows:
            self.read_so_far += e - s
            if self.read_so_far > len(self.low):
                self.whole = self._scan(0, len(self.low))
                return self.whole
            self.windows[(s, e)] = self._scan(s, e)
        return self.windows[(s, e)]

    @staticmethod
    def _any(starts: list[int], lo: int, hi: int) -> bool:
        i = bisect.bisect_left(starts, lo)
        return i < len(starts) and starts[i] < hi

    def colleague_in(self, s: int, e: int) -> bool:
        return self._any(self._read(s, e)[1], s, e)

    def clinical_around(self, s: int, e: int, start: int, end: int) -> bool:
        """A clinical word in the sentence [s, e), outside the name [start, end)."""
        clinical = self._read(s, e)[0]
        return self._any(clinical, s, start) or self._any(clinical, end, e)


# At most this many names per post come from the gazetteer: a post naming more people than that
# without any cue is a list (a rota, a reading list), and the cap keeps long posts fast.
_MAX_NAMES = 25


def detect_gazetteer_names(c: _Ctx) -> None:
    """Add patient_name candidates for known names without a cue, next to clinical context."""
    first, last = name_lists()
    text = c.text
    # Names found by the cue rules (they may overlap: starts sorted, with the furthest end so far) and
    # names added here (never overlapping each other): both looked up by bisection, so that a post
    # full of names stays linear.
    found = sorted((s, e) for s, e, t, _c, _x in c.out if t == "patient_name")
    found_starts = [s for s, _e in found]
    reach = list(itertools.accumulate((e for _s, e in found), max))
    added_starts: list[int] = []
    added_ends: list[int] = []
    context = _Context(c.low)

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_left(found_starts, end)
        if i and reach[i - 1] > start:
            return False
        j = bisect.bisect_right(added_starts, start)
        return not ((j and added_ends[j - 1] > start) or (j < len(added_starts) and added_starts[j] < end))

    def consider(start: int, end: int, words: list[str], lower_cue: bool) -> None:
        if len(added_starts) >= _MAX_NAMES:
            return
        folded = [_fold(w) for w in words]
        if any(w in EXCLUDED or w in W.HI_STOP for w in folded) or not free(start, end):
            return
        if len(folded) >= 2:
            # a known first name before a capitalised surname ("Eleanor Whitfield"): surnames are far
            # too many to list, and the clinical context asked for below keeps colleagues out
            known = folded[0] in first
        else:
            known = folded[0] in first or folded[0] in last
        if not known:
            return
        s, e = _sentence(text, start, end)
        if (_STAFF_BEFORE.search(c.low, max(0, start - 50), start) or _STAFF_AFTER.match(c.low, end)
                or context.colleague_in(s, e) or _gaz_rejects(c, start, end)):
            return
        glued = _SHORTHAND_AFTER.match(text, end)
        by_age = bool(glued) and glued.group().strip() not in ("साहब", "जी")
        if len(folded) == 1 and not glued and not lower_cue:
            return
        if not (by_age or lower_cue or context.clinical_around(s, e, start, end)):
            return
        c.add(start, end, "patient_name", 0.72, _EXPL)
        j = bisect.bisect_right(added_starts, start)
        added_starts.insert(j, start)
        added_ends.insert(j, end)

    for m in _CAP_SEQ.finditer(text):
        words = m.group("n").split()
        start = m.start("n")
        # Drop a sentence-initial capitalised common word before the name ("Saw Brigid Callahan").
        while words and (_fold(words[0]) not in first and _fold(words[0]) not in last):
            start += len(words[0]) + 1
            words = words[1:]
        # ... and a capitalised word after it that is on the exclusion list ("Sabine Hartmann Station 4").
        end = m.end("n")
        while len(words) > 1 and _fold(words[-1]) in EXCLUDED:
            end -= len(words[-1]) + 1
            words = words[:-1]
        if words:
            consider(start, end, words, False)
    for m in _LOWER_AFTER_CUE.finditer(c.low):
        if m.start() and (c.low[m.start() - 1].isalnum() or c.low[m.start() - 1] == "_"):
            continue
        words = m.group("n").split()
        # two known names ("pt is maria gonzalez"), or one with shorthand after it ("pat. krämer, 81 J.")
        if (len(words) == 2 or _SHORTHAND_AFTER.match(text, m.end("n"))) and all(
                _fold(w) in first or _fold(w) in last for w in words):
            consider(m.start("n"), m.end("n"), words, True)
    if c.has_dev:
        for m in _DEV_ANCHOR.finditer(text):
            starts = _word_starts_before(text, m.start(), True)[-2:]
            for start in starts:  # the two words before, else the last one
                words = text[start:m.start()].split()
                if all("\u0900" <= w[0] <= "\u097f" for w in words):
                    consider(start, m.start(), words, False)
