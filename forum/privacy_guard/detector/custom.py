"""Operator-supplied patterns, vetted against slow (ReDoS-prone) constructs."""
from __future__ import annotations

import re
from functools import lru_cache

from re import _constants as _sre_c  # Python 3.11+ (pyproject requires it)
from re import _parser as _sre_parse

from .base import (
    PatternError,
    _Ctx,
    _rx,
    log,
)


# --------------------------------------------------------------------------- custom patterns

_MAX_SOURCE = 500
_MAX_REPEAT = 1000
_MAX_AMBIGUITY = 5000
_REPEATS = {_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT}
if hasattr(_sre_c, "POSSESSIVE_REPEAT"):
    _REPEATS.add(_sre_c.POSSESSIVE_REPEAT)


def _children(op, av):
    """Sub-patterns directly below one parsed node."""
    if op in _REPEATS:
        return [av[2]]
    if op is _sre_c.SUBPATTERN:
        return [av[-1]]
    if op is _sre_c.BRANCH:
        return list(av[1])
    if op in (_sre_c.ASSERT, _sre_c.ASSERT_NOT):
        return [av[1]]
    if getattr(_sre_c, "ATOMIC_GROUP", None) is op:
        return [av]
    if op is _sre_c.GROUPREF_EXISTS:
        return [p for p in av[1:] if p is not None]
    return []


def _check_nesting(sub, inside_repeat: bool) -> None:
    for op, av in sub:
        if op in _REPEATS:
            lo, hi, body = av
            if inside_repeat and hi > 1:
                raise PatternError(
                    "The pattern repeats something that is itself repeated (a nested quantifier such "
                    "as (a+)+ or (.*)*); such patterns can take exponential time. Repeat a single "
                    "character class instead, e.g. [A-Z0-9]{4,12}.")
            _check_nesting(body, inside_repeat or hi > 1)
        else:
            for child in _children(op, av):
                _check_nesting(child, inside_repeat)


def _ambiguity(sub, inside_repeat: bool) -> int:
    cost = 1
    for op, av in sub:
        if op in _REPEATS:
            lo, hi, body = av
            if hi == _sre_c.MAXREPEAT:
                raise PatternError(
                    "Unbounded quantifiers (*, + or {n,}) are not allowed: give an upper bound, "
                    "e.g. \\d{1,12} instead of \\d+.")
            if hi > _MAX_REPEAT:
                raise PatternError("Quantifier bounds above %(limit)s are not allowed.", limit=_MAX_REPEAT)
            cost *= (hi - lo + 1) * _ambiguity(body, inside_repeat or hi > 1)
        elif op is _sre_c.BRANCH:
            if inside_repeat:
                raise PatternError(
                    "Alternatives inside a repeated group, e.g. (a|ab){1,5}, can backtrack "
                    "catastrophically; list the characters in a class like [ab]{1,5} instead.")
            cost *= sum(_ambiguity(b, inside_repeat) for b in av[1])
        elif op in (_sre_c.GROUPREF, _sre_c.GROUPREF_EXISTS):
            raise PatternError("Backreferences (\\1, (?P=name), (?(1)...)) are not allowed.")
        else:
            for child in _children(op, av):
                cost *= _ambiguity(child, inside_repeat)
        if cost > _MAX_AMBIGUITY:
            raise PatternError(
                "The pattern is too ambiguous (too many ways to match the same text, which makes "
                "scanning slow); narrow the quantifier ranges.")
    return cost


# Python's own reasons for refusing a regular expression, as sentences an admin can read in their language
# (each template is listed in forum/i18n/guard_texts.py). Anything else keeps Python's wording as a detail.
_SYNTAX_REASONS = (
    (re.compile(r"missing \), unterminated (?:subpattern|comment)$"),
     "This is not a valid regular expression: a closing parenthesis is missing (at character %(position)s)."),
    (re.compile(r"unbalanced parenthesis$"),
     "This is not a valid regular expression: a closing parenthesis has no opening one (at character %(position)s)."),
    (re.compile(r"unterminated character set$"),
     "This is not a valid regular expression: a character class opened with [ is not closed (at character %(position)s)."),
    (re.compile(r"nothing to repeat$"),
     "This is not a valid regular expression: a quantifier has nothing before it to repeat (at character %(position)s)."),
    (re.compile(r"multiple repeat$"),
     "This is not a valid regular expression: two quantifiers follow each other (at character %(position)s)."),
    (re.compile(r"min repeat greater than max repeat$"),
     "This is not a valid regular expression: a quantifier's lower bound is above its upper bound (at character %(position)s)."),
    (re.compile(r"bad escape \(end of pattern\)$"),
     "This is not a valid regular expression: it ends with a single backslash (at character %(position)s)."),
    (re.compile(r"bad escape (?P<escape>\\.+)$"),
     "This is not a valid regular expression: %(escape)s is not a known escape (at character %(position)s)."),
    (re.compile(r"(?:unexpected end of pattern|missing .*, unterminated name)$"),
     "This is not a valid regular expression: it ends before a group is complete (at character %(position)s)."),
    (re.compile(r"unknown extension (?P<extension>.+)$"),
     "This is not a valid regular expression: (%(extension)s is not a known kind of group (at character %(position)s)."),
    (re.compile(r"(?:bad inline flags|missing flag|missing -, : or \)|missing :)"),
     "This is not a valid regular expression: the inline flags are not valid (at character %(position)s)."),
)


def _syntax_error(exc: re.error) -> PatternError:
    position = exc.pos + 1 if exc.pos is not None else 1  # counted from 1, as people count
    for reason, template in _SYNTAX_REASONS:
        matched = reason.match(exc.msg)
        if matched:
            return PatternError(template, position=position, **matched.groupdict())
    return PatternError("This is not a valid regular expression (at character %(position)s): %(reason)s.",
                        position=position, reason=exc.msg)


def compile_extra_pattern(source: str) -> re.Pattern:
    """Validate and compile an operator-supplied regular expression.

    Rejects, with a message for humans (``PatternError.message``): empty or overlong patterns,
    invalid syntax, nested quantifiers ((a+)+, (.*)*), unbounded quantifiers (*, +, {n,}),
    alternation inside a repeat, backreferences, very ambiguous patterns, and patterns that can
    match the empty string (which would flag every post)."""
    if not isinstance(source, str) or not source.strip():
        raise PatternError("The pattern is empty. Enter a regular expression such as KH-\\d{6}.")
    if len(source) > _MAX_SOURCE:
        raise PatternError("The pattern is too long (at most %(limit)s characters).", limit=_MAX_SOURCE)
    try:
        compiled = _rx(source)
        parsed = _sre_parse.parse(source)
    except re.error as exc:
        raise _syntax_error(exc) from None
    except (RecursionError, OverflowError):
        raise PatternError("The pattern is too complex.") from None
    _check_nesting(parsed, False)
    _ambiguity(parsed, False)
    if parsed.getwidth()[0] == 0:
        raise PatternError(
            "The pattern can match an empty string (e.g. \"a|\", \"x?\" or \"^\"), so it would flag "
            "every post. Make sure it always needs at least one character.")
    return compiled


@lru_cache(maxsize=256)
def _compiled_extra(source: str) -> re.Pattern | None:
    try:
        return compile_extra_pattern(source)
    except PatternError as exc:
        log.warning("ignoring invalid extra guard pattern: %s", exc.message)
        return None


def _detect_custom(c: _Ctx) -> None:
    for item in c.config.extra_patterns:
        try:
            label, source, explanation = item
        except (TypeError, ValueError):
            continue
        pattern = _compiled_extra(source)
        if pattern is None:
            continue
        expl = explanation or f"Matches the organisation's pattern \"{label}\"."
        for n, m in enumerate(pattern.finditer(c.text)):
            if n >= 1000:
                break
            c.add(m.start(), m.end(), "custom", 0.9, expl)
