"""The patient-data guard's explanations, category names and pattern errors, in the reader's language.

The detector (forum/privacy_guard) writes them in English; they are translated where they are shown
(the preview, the guard panel on the post forms, the guard settings), by their English text.
tests/i18n/test_catalogues.py checks that every such text in the detector is listed here.
"""
from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

GUARD_TEXTS = (
    _l('Patient name'),
    _l('Date of birth, admission or discharge'),
    _l('Age of 90 or over'),
    _l('Phone or fax number'),
    _l('E-mail address'),
    _l('Street address'),
    _l('Postal code'),
    _l('Medical record or case number'),
    _l('Health-insurance number'),
    _l('National identity or tax number'),
    _l('IP address'),
    _l("Link naming a patient or record, or a patient's personal page"),
    _l('Vehicle licence plate'),
    _l('Device or implant serial number'),
    _l('Bank account number (IBAN or account number)'),
    _l('Organisation-specific identifier'),
    _l('A link whose address names a patient or a record (e.g. ?patient=, ?mrn=, ?id=).'),
    _l('A phone number written out in words.'),
    _l('A link to a personal page (fundraiser, social media or blog) that can identify a patient.'),
    _l('An IP address.'),
    _l('A phone or fax number.'),
    _l('An e-mail address.'),
    _l('An e-mail address written out to hide it.'),
    _l('A social-media account that can identify a patient.'),
    _l('The pattern is empty. Enter a regular expression such as KH-\\d{6}.'),
    _l('The pattern can match an empty string (e.g. "a|", "x?" or "^"), so it would flag every post. Make sure it always needs at least one character.'),
    _l('The pattern is too ambiguous (too many ways to match the same text, which makes scanning slow); narrow the quantifier ranges.'),
    _l('The pattern is too complex.'),
    _l('The pattern repeats something that is itself repeated (a nested quantifier such as (a+)+ or (.*)*); such patterns can take exponential time. Repeat a single character class instead, e.g. [A-Z0-9]{4,12}.'),
    _l('Unbounded quantifiers (*, + or {n,}) are not allowed: give an upper bound, e.g. \\d{1,12} instead of \\d+.'),
    _l('Alternatives inside a repeated group, e.g. (a|ab){1,5}, can backtrack catastrophically; list the characters in a class like [ab]{1,5} instead.'),
    _l('Backreferences (\\1, (?P=name), (?(1)...)) are not allowed.'),
    _l('A date of birth.'),
    _l('A year of birth.'),
    _l('A year of birth 90 or more years ago identifies a very old patient; write "90 or older" instead.'),
    _l('Looks like a hospital case number (letters, a year and a running number).'),
    _l("The same name again: it was recognised as a patient's name elsewhere in this post."),
    _l("Looks like a patient's name (a known first or last name next to clinical details such as an age, a bed or a diagnosis)."),
    _l('An admission, discharge or death date of a patient.'),
    _l('An age of 90 or over identifies very old patients; write "90 or older" instead.'),
    _l('A medical record, case or hospital number.'),
    _l('A vehicle licence plate.'),
    _l('A German health-insurance number (KVNR; its check digit is valid).'),
    _l('An Indian PAN (tax) number.'),
    _l('A UPI payment address (it identifies a bank account).'),
    _l('A US Medicare Beneficiary Identifier.'),
    _l('A US social security number.'),
    _l('An Indian Aadhaar number (its check digit is valid).'),
    _l('A German tax identification number (its check digit is valid).'),
    _l('A German pension insurance number (its check digit is valid).'),
    _l('A health-insurance or member number.'),
    _l('A national identity, social security or tax number.'),
    _l('An IBAN (bank account number; its check digits are valid).'),
    _l('A bank account number.'),
    _l('A device or implant serial number.'),
    _l("Looks like a person's name (a title such as Mr, Frau or श्रीमती followed by a name)."),
    _l('Looks like a patient\'s name (a name right after "patient", "Pat." or "मरीज़").'),
    _l('Looks like a patient\'s family name ("Familie …", "the … family").'),
    _l('Looks like a patient\'s name (a name after "name").'),
    _l('Looks like a patient\'s name (a name next to an age or sex, such as "Name, 42F").'),
    _l("Looks like a patient's name (a known first name followed by a surname in a clinical post)."),
    _l('An age of 90 or over next to a name identifies a very old patient; write "90 or older" instead.'),
    _l('A postal code together with a place name or an address.'),
    _l('A street address.'),
    _l('The pattern is too long (at most %(limit)s characters).'),
    _l('Quantifier bounds above %(limit)s are not allowed.'),
    _l('This is not a valid regular expression: a closing parenthesis is missing (at character %(position)s).'),
    _l('This is not a valid regular expression: a closing parenthesis has no opening one (at character %(position)s).'),
    _l('This is not a valid regular expression: a character class opened with [ is not closed (at character %(position)s).'),
    _l('This is not a valid regular expression: a quantifier has nothing before it to repeat (at character %(position)s).'),
    _l('This is not a valid regular expression: two quantifiers follow each other (at character %(position)s).'),
    _l("This is not a valid regular expression: a quantifier's lower bound is above its upper bound (at character %(position)s)."),
    _l('This is not a valid regular expression: it ends with a single backslash (at character %(position)s).'),
    _l('This is not a valid regular expression: %(escape)s is not a known escape (at character %(position)s).'),
    _l('This is not a valid regular expression: it ends before a group is complete (at character %(position)s).'),
    _l('This is not a valid regular expression: (%(extension)s is not a known kind of group (at character %(position)s).'),
    _l('This is not a valid regular expression: the inline flags are not valid (at character %(position)s).'),
    _l('This is not a valid regular expression (at character %(position)s): %(reason)s.'),
)
_KNOWN = frozenset(str(text._args[0]) if hasattr(text, "_args") else str(text) for text in GUARD_TEXTS)


def guard_text(text: str | None) -> str:
    """An explanation from the detector in the reader's language; an organisation's own text unchanged."""
    if not text:
        return ""
    return gettext(text) if text in _KNOWN else text


def pattern_error_text(error) -> str:
    """Why the guard refused an organisation's pattern (a detector PatternError), in the reader's language,
    its values (limits, positions, the offending escape) filled in after translation."""
    template = getattr(error, "template", None)
    if template in _KNOWN:
        return gettext(template, **getattr(error, "params", {}))
    return getattr(error, "message", None) or str(error)


def localised_findings(findings: list[dict]) -> list[dict]:
    return [{**finding, "explanation": guard_text(finding.get("explanation"))} for finding in findings]
