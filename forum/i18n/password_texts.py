"""zxcvbn's password feedback, in Konsil's catalogues: zxcvbn writes it in English only.

Listed here for extraction; password_problems() looks each message up by its English text.
"""
from flask_babel import get_translations
from flask_babel import lazy_gettext as _l

ZXCVBN_MESSAGES = (
    _l('A word by itself is easy to guess.'),
    _l('Add another word or two. Uncommon words are better.'),
    _l('Avoid dates and years that are associated with you.'),
    _l('Avoid recent years.'),
    _l('Avoid repeated words and characters.'),
    _l('Avoid sequences.'),
    _l('Avoid years that are associated with you.'),
    _l("Capitalization doesn't help very much."),
    _l('Common names and surnames are easy to guess.'),
    _l('Dates are often easy to guess.'),
    _l('Names and surnames by themselves are easy to guess.'),
    _l('No need for symbols, digits, or uppercase letters.'),
    _l('Recent years are easy to guess.'),
    _l('Repeats like "aaa" are easy to guess.'),
    _l("Reversed words aren't much harder to guess."),
    _l('Sequences like "abc" or "6543" are easy to guess.'),
    _l('Short keyboard patterns are easy to guess.'),
    _l('Straight rows of keys are easy to guess.'),
    _l('This is a top-10 common password.'),
    _l('This is a top-100 common password.'),
    _l('This is a very common password.'),
    _l('This is similar to a commonly used password.'),
    _l('Use a few words, avoid common phrases.'),
    _l('Use a longer keyboard pattern with more turns.'),
)


def password_text(text: str) -> str:
    return get_translations().ugettext(text) if text else text
