"""The search box's language, parsed into terms that are compiled for FTS5 or PostgreSQL.

    apixaban creatinine     every word must match (stemmed, folded: see text.py)
    "exact phrase"          the words next to each other, in this order
    -word  -"a phrase"      leave out what contains it
    cardio*                 words that start with it
    group:slug  @handle  in:title  before:2025-01-31  after:2024-12-01

User text never reaches an engine's query syntax: every term is a normalised token (letters and
digits only, text.py), quoted by the compilers below."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from flask_babel import gettext as _

from . import text

MAX_QUERY = 200
MAX_TERMS = 12
MIN_PREFIX = 2

_LEXEME = re.compile(r'(-?)(?:"([^"]*)"|([^\s"]+))')
_HANDLE = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")
_SLUG = re.compile(r"^[a-z0-9-]{1,64}$")


class QueryError(ValueError):
    """A query the search cannot run; the message says how to fix it."""


@dataclass
class Term:
    tokens: list[str]
    prefix: bool = False
    negated: bool = False
    # A prefix term's last token stands for these words of the index's vocabulary (the most frequent
    # that start with it; services.expand_prefixes): None until expanded.
    expansions: list[str] | None = None
    typed: str = ""  # a prefix term as the user typed it, for messages

    def variants(self) -> list[list[str]]:
        """The token sequences this term matches exactly (one, unless it is an expanded prefix)."""
        if self.expansions is None:
            return [self.tokens]
        return [self.tokens[:-1] + [word] for word in self.expansions]


@dataclass
class ParsedQuery:
    terms: list[Term] = field(default_factory=list)
    group_slug: str | None = None
    handle: str | None = None
    in_title: bool = False
    before: datetime | None = None
    after: datetime | None = None

    @property
    def positive(self) -> list[Term]:
        return [term for term in self.terms if not term.negated]

    @property
    def negative(self) -> list[Term]:
        return [term for term in self.terms if term.negated]

    def highlight(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """Tokens and token prefixes to mark in titles and snippets."""
        exact, prefixes = set(), []
        for term in self.positive:
            exact.update(term.tokens[:-1] if term.prefix else term.tokens)
            if term.prefix and term.expansions is not None:
                exact.update(term.expansions)
            elif term.prefix:
                prefixes.append(term.tokens[-1])
        return frozenset(exact), tuple(prefixes)


def _day(value: str, name: str) -> date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise QueryError(_("%(name)s: needs a date written as YYYY-MM-DD, for example %(name)s:2025-03-31.",
                       name=name))


def parse(raw: str) -> ParsedQuery:
    raw = (raw or "").strip()
    if len(raw) > MAX_QUERY:
        raise QueryError(_("The search is too long: at most %(count)d characters.", count=MAX_QUERY))
    if raw.count('"') % 2:
        raise QueryError(_("A quotation mark is not closed: put a phrase between two quotation marks."))
    parsed = ParsedQuery()
    for match in _LEXEME.finditer(raw):
        negated, phrase, word = bool(match.group(1)), match.group(2), match.group(3)
        if phrase is not None:
            tokens = text.tokens(phrase)
            if tokens:
                parsed.terms.append(Term(tokens, negated=negated))
            continue
        if _filter(parsed, word, negated):
            continue
        prefix = word.endswith("*")
        core = word.rstrip("*")
        if "*" in core:
            raise QueryError(_("A * goes at the end of a word, as in cardio*."))
        pieces = text.words(core)
        if not pieces:
            continue
        if prefix:
            last = text.normalise_prefix(pieces[-1])
            if len(text.fold(pieces[-1])) < MIN_PREFIX:
                raise QueryError(_("Type at least %(count)d letters before the *.", count=MIN_PREFIX))
            tokens = [token for token in (text.normalise_word(piece) for piece in pieces[:-1]) if token] + [last]
        else:
            tokens = [token for token in (text.normalise_word(piece) for piece in pieces) if token]
        if tokens:
            parsed.terms.append(Term(tokens, prefix=prefix, negated=negated, typed=word if prefix else ""))
    if len(parsed.terms) > MAX_TERMS:
        raise QueryError(_("Too many words: search with at most %(count)d.", count=MAX_TERMS))
    if not parsed.positive:
        if parsed.terms:
            raise QueryError(_("Add at least one word to find: a search cannot consist of exclusions only."))
        raise QueryError(_("Type a word to search for."))
    if parsed.before and parsed.after and parsed.after >= parsed.before:
        raise QueryError(_("after: must be an earlier date than before:."))
    return parsed


def _filter(parsed: ParsedQuery, word: str, negated: bool) -> bool:
    """Applies a filter word (group:, @, in:, before:, after:) and says whether it was one."""
    lower = word.lower()
    name, _sep, value = lower.partition(":")
    is_filter = word.startswith("@") or (_sep and name in ("group", "in", "before", "after"))
    if not is_filter:
        return False
    if negated:
        raise QueryError(_("Filters cannot be excluded: remove the - before %(word)s.", word=word))
    if word.startswith("@"):
        handle = word[1:]
        if not _HANDLE.match(handle):
            raise QueryError(_("@ needs an author's handle, as in @dr_meier."))
        parsed.handle = handle
    elif name == "group":
        if not _SLUG.match(value):
            raise QueryError(_("group: needs a group's short name, as in group:cardiology."))
        parsed.group_slug = value
    elif name == "in":
        if value != "title":
            raise QueryError(_("in: only knows in:title."))
        parsed.in_title = True
    elif name == "before":
        parsed.before = datetime.combine(_day(value, "before"), time.min, tzinfo=timezone.utc)
    elif name == "after":
        # after:2025-01-31 means from 1 February on; before:2025-01-31 means up to 30 January.
        parsed.after = datetime.combine(_day(value, "after") + timedelta(days=1), time.min, tzinfo=timezone.utc)
    return True


# --- compilers -------------------------------------------------------------------------------------

def _fts_term(term: Term) -> str:
    if term.expansions is not None:
        return "(" + " OR ".join('"' + " ".join(tokens) + '"' for tokens in term.variants()) + ")"
    return '"' + " ".join(term.tokens) + '"' + ("*" if term.prefix else "")


def fts5_match(parsed: ParsedQuery, *, title_only: bool = False, scope: list[str] | None = None) -> str:
    """An FTS5 MATCH expression built only from quoted tokens."""
    columns = "title_tokens" if (title_only or parsed.in_title) else "{title_tokens body_tokens}"
    expression = " AND ".join(_fts_term(term) for term in parsed.positive)
    if parsed.negative:
        expression = f"({expression}) NOT ({' OR '.join(_fts_term(term) for term in parsed.negative)})"
    match = f"{columns} : ({expression})"
    if scope is not None:
        match += " AND scope_tokens : (" + " OR ".join(f'"{token}"' for token in scope) + ")"
    return match


def _ts_sequence(tokens: list[str], prefix: bool) -> str:
    parts = [f"'{token}'" for token in tokens]
    if prefix:
        parts[-1] += ":*"
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def _ts_term(term: Term) -> str:
    if term.expansions is not None:
        return "(" + " | ".join(_ts_sequence(tokens, False) for tokens in term.variants()) + ")"
    return _ts_sequence(term.tokens, term.prefix)


def tsquery(parsed: ParsedQuery) -> str:
    """A to_tsquery('simple', ...) expression of the user's terms, built only from quoted tokens. Scope
    tokens never look like a normalised word's token, so the terms need no weight labels (which would
    make the GIN index recheck every row)."""
    parts = [_ts_term(term) for term in parsed.positive]
    parts += ["!" + _ts_term(term) for term in parsed.negative]
    return " & ".join(parts)


def tsquery_scope(scope: list[str] | None, author: str | None) -> str | None:
    parts = []
    if scope is not None:
        parts.append("(" + " | ".join(f"'{token}'" for token in scope) + ")")
    if author:
        parts.append(f"'{author}'")
    return " & ".join(parts) or None
