"""The guard learns from outcomes: how moderators decided the cases it raised, and what they had to
redact that it missed -- as counts by finding type and language, never values.

Moderation calls these from where it decides a case; nothing here reads ``current_user`` or commits.

* ``record_outcome(group, types, language, outcome)`` -- the general entry point: one row per type.
  ``outcome`` is one of OUTCOMES.  Use it for any new decision on a case the guard raised.
* ``record_case_decision(post, action)`` -- called by ``moderation.cases.decide_case`` with the
  action taken; records an outcome only when the guard raised the case (the author published past
  its findings), mapping the action to an outcome (dismiss/restore -> dismissed, hide -> hidden,
  delete -> deleted, release -> released, redact -> redacted).  Sanctions (warn, suspend, ban) and
  escalations say nothing about the findings and are not counted.
* ``record_redaction(group, before, after, findings)`` -- for the ``redact`` action: compares the
  text before and after the redaction with the guard's stored findings; each removed stretch that
  a finding covered counts as ``redacted`` for that finding's type, each removed stretch no finding
  covered counts as ``missed``, with the type the guard's low-confidence candidates suggest
  ("unclassified" when it had none).

``outcome_summary()`` turns the rows into the figures /admin/guard shows: measured precision per
type (upheld / decided) and the types the guard misses in practice.
"""
from __future__ import annotations

import difflib
import re
from collections import defaultdict

from sqlalchemy import func, select

from ..extensions import db
from .detector import GuardConfig, scan
from .models import GuardOutcome

# Outcomes of cases the guard raised; "missed" is a redaction of text it did not flag.
UPHELD = ("hidden", "deleted", "redacted")
REJECTED = ("dismissed", "released")
OUTCOMES = UPHELD + REJECTED + ("missed",)
LANGUAGES = ("en", "de", "hi")

_ACTION_OUTCOME = {"dismiss": "dismissed", "restore": "dismissed", "hide": "hidden", "delete": "deleted",
                   "release": "released", "redact": "redacted"}

_DEVANAGARI = re.compile("[\u0900-\u097f]")
_GERMAN = re.compile(r"(?i)\b(?:der|die|das|und|nicht|mit|ist|ein|eine|bei|wurde|für|auf|sich|patientin)\b|[äöüß]")
_ENGLISH = re.compile(r"(?i)\b(?:the|and|with|is|was|for|of|to|she|he|patient|on|in)\b")


def guess_language(text: str) -> str:
    """en, de or hi, from the text itself (posts are often mixed; the dominant cue wins)."""
    if not text:
        return "en"
    sample = text[:4000]
    if len(_DEVANAGARI.findall(sample)) >= 5:
        return "hi"
    return "de" if len(_GERMAN.findall(sample)) > len(_ENGLISH.findall(sample)) else "en"


def _group_id(group) -> int | None:
    return getattr(group, "id", group)


def record_outcome(group, types, language: str, outcome: str) -> None:
    """Count one decision on a case the guard raised, once per finding type (never values)."""
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown guard outcome {outcome!r}")
    language = language if language in LANGUAGES else "other"
    for finding_type in sorted(set(types)):
        db.session.add(GuardOutcome(group_id=_group_id(group), finding_type=str(finding_type)[:40],
                                    language=language, outcome=outcome))


def _guard_types(post) -> list[str]:
    """The finding types stored with the post (title and body findings alike)."""
    return sorted({f.get("type") for f in (post.phi_findings or []) if f.get("type")})


def record_case_decision(post, action) -> None:
    """Moderation decided a case on ``post`` with ``action``: count it if the guard raised it."""
    outcome = _ACTION_OUTCOME.get(str(getattr(action, "value", action)))
    if outcome is None or not getattr(post, "phi_confirmed", False):
        return
    types = _guard_types(post)
    if not types:
        return
    record_outcome(post.topic.group_id, types, guess_language(post.body_source or ""), outcome)


def record_redaction(group, before: str, after: str, findings: list[dict] | None) -> None:
    """A moderator redacted ``before`` into ``after``: upheld findings and misses, by type."""
    findings = [f for f in (findings or []) if f.get("field", "body") == "body"]
    language = guess_language(before)
    removed = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, a1, a2, _b1, _b2 in matcher.get_opcodes():
        if op in ("delete", "replace") and before[a1:a2].strip():
            removed.append((a1, a2))
    if not removed:
        return
    upheld, missed = set(), []
    for a1, a2 in removed:
        hit = [f["type"] for f in findings if f["start"] < a2 and a1 < f["end"]]
        if hit:
            upheld.update(hit)
        else:
            missed.append((a1, a2))
    if upheld:
        record_outcome(group, upheld, language, "redacted")
    if missed:
        # What would the guard have called it, had it been less strict?
        weak = scan(before, GuardConfig(min_confidence=0.2))
        missed_types = set()
        for a1, a2 in missed:
            hit = [f.type for f in weak if f.start < a2 and a1 < f.end]
            missed_types.add(hit[0] if hit else "unclassified")
        record_outcome(group, missed_types, language, "missed")


def outcome_summary() -> dict:
    """Per type: counts per outcome and the measured precision; per type and language: misses."""
    rows = db.session.execute(
        select(GuardOutcome.finding_type, GuardOutcome.language, GuardOutcome.outcome, func.count())
        .group_by(GuardOutcome.finding_type, GuardOutcome.language, GuardOutcome.outcome)).all()
    by_type: dict[str, dict] = defaultdict(lambda: {o: 0 for o in OUTCOMES})
    by_lang: dict[tuple[str, str], dict] = defaultdict(lambda: {o: 0 for o in OUTCOMES})
    for finding_type, language, outcome, count in rows:
        by_type[finding_type][outcome] += count
        by_lang[(finding_type, language)][outcome] += count

    def with_precision(counts: dict) -> dict:
        upheld = sum(counts[o] for o in UPHELD)
        decided = upheld + sum(counts[o] for o in REJECTED)
        return {**counts, "upheld": upheld, "decided": decided,
                "precision": (upheld / decided) if decided else None}

    types = sorted(by_type, key=lambda t: (-(sum(by_type[t].values())), t))
    return {
        "types": [(t, with_precision(by_type[t])) for t in types if sum(by_type[t][o] for o in UPHELD + REJECTED)],
        "by_language": [(t, lang, with_precision(c)) for (t, lang), c in sorted(by_lang.items())
                        if sum(c[o] for o in UPHELD + REJECTED)],
        "missed": sorted(((t, lang, c["missed"]) for (t, lang), c in by_lang.items() if c["missed"]),
                         key=lambda x: (-x[2], x[0], x[1])),
    }
