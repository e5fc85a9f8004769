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
* Names are flagged after an honorific (Mr/Frau/श्रीमती ...), after "patient"/"Pat."/
  "मरीज़" or after "Name:" (German and Hindi words that commonly follow those are filtered out), in
  clinical shorthand ("Name, 42F", handover lines), and without a cue when a first name from a
  first-name list (first_names.py) is followed by a surname, unless the context names a public
  figure, a member of staff, an eponym or a device maker, and when a known first or last name
  (gazetteer.py) sits beside clinical details.
* Dates are only flagged next to a birth / admission / discharge / death keyword, ages only when
  90 or over.

Speed and ReDoS safety
----------------------
Keywords are found on a lower-cased copy of the text with trie-shaped literal alternations
(which ``re`` skips through quickly), and the larger keyword sets are only tried where one of their
words starts (``_Ctx.keyword_matches``: one shared pass collects the words of the post); the detailed patterns then run only in short windows after
those anchors, or start on a digit/capital with the boundary look-behind placed *after* the first
character so ``re`` can use its fast prefix scan.  Every quantifier is bounded and no quantified
group can match the same text in more than one way, so scan time is linear in the input length
(bench/phi_guard.py prints the figures, including adversarial inputs).  Operator-supplied patterns
are vetted by ``compile_extra_pattern``.

Overlapping candidates are merged into one finding spanning all of them; type, explanation and
confidence come from the most confident (then most specific) candidate.
"""
from __future__ import annotations

from .base import (
    CATEGORIES,
    Finding,
    GuardConfig,
    PatternError,
    _Ctx,
    _DEFAULT_CONFIG,
    _SPECIFICITY,
)
from .contact import (
    _detect_email,
    _detect_ip,
    _detect_personal_pages,
    _detect_phone,
    _detect_phone_words,
    _detect_url,
)
from .identifiers import (
    _detect_bank_and_mbi,
    _detect_checksums,
    _detect_glued_hash,
    _detect_keyed,
    _detect_plates,
    _detect_year_serial,
    kvnr_is_valid,
    svnr_is_valid,
)
from .places import (
    _detect_address,
)
from .dates import (
    _detect_age,
    _detect_age_words,
    _detect_dates,
)
from .names import (
    _ages_after_names,
    _detect_names,
    _propagate_names,
)
from .gazetteer import detect_gazetteer_names
from .normalize import normalize
from .shapes import detect_shapes
from .custom import (
    _detect_custom,
    compile_extra_pattern,
)

__all__ = ["scan", "Finding", "GuardConfig", "CATEGORIES", "compile_extra_pattern", "PatternError",
           "kvnr_is_valid", "svnr_is_valid"]


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
    norm = normalize(text)
    c = _Ctx(norm.text, config)
    if "email" in enabled:
        _detect_email(c)
    if "url" in enabled:
        _detect_url(c)
        _detect_personal_pages(c)
    if "ip_address" in enabled:
        _detect_ip(c)
    if enabled & {"national_id", "insurance_number"}:
        _detect_checksums(c, enabled)
    if enabled & {"record_number", "insurance_number", "national_id", "device_serial", "bank_account"}:
        _detect_keyed(c, enabled)
        _detect_glued_hash(c, enabled)
        if "record_number" in enabled:
            _detect_year_serial(c)
        _detect_bank_and_mbi(c, enabled)
    if "licence_plate" in enabled:
        _detect_plates(c)
    if enabled & {"address", "postal_code"}:
        _detect_address(c, enabled)
    if "date" in enabled:
        _detect_dates(c)
    if "age" in enabled:
        _detect_age(c)
        _detect_age_words(c)
    detect_shapes(c, enabled)
    if "patient_name" in enabled:
        _detect_names(c)
        if config.name_gazetteer:
            detect_gazetteer_names(c)
        _propagate_names(c)
        if "age" in enabled:
            _ages_after_names(c)
    if "custom" in enabled and config.extra_patterns:
        _detect_custom(c)
    if "phone" in enabled:  # last: skips digits already explained by a stronger finding
        _detect_phone(c)
        _detect_phone_words(c)
    threshold = config.min_confidence
    findings = _merge([x for x in c.out if x[2] in enabled and x[3] >= threshold])
    if not norm.changed:
        return findings
    return [Finding(*norm.original_span(f.start, f.end), f.type, f.message, f.confidence) for f in findings]
