"""WTForms' own validation messages, in Konsil's catalogues.

WTForms ships no Hindi, and its German has gaps; so forms take these messages from Konsil's own
catalogues (translations/<lang>), where the translators keep them complete with everything else.
The list below only marks them for extraction; WTForms itself asks for them by their English text.
"""
from __future__ import annotations

from flask_babel import get_translations
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

WTFORMS_MESSAGES = (
    _l("Invalid field name '%s'."),
    _l('Field must be equal to %(other_name)s.'),
    lazy_ngettext('Field must be at least %(min)d character long.', 'Field must be at least %(min)d characters long.', 1),
    lazy_ngettext('Field cannot be longer than %(max)d character.', 'Field cannot be longer than %(max)d characters.', 1),
    lazy_ngettext('Field must be exactly %(max)d character long.', 'Field must be exactly %(max)d characters long.', 1),
    _l('Field must be between %(min)d and %(max)d characters long.'),
    _l('Number must be at least %(min)s.'),
    _l('Number must be at most %(max)s.'),
    _l('Number must be between %(min)s and %(max)s.'),
    _l('Date must be at least %(min)s.'),
    _l('Date must be at most %(max)s.'),
    _l('Date must be between %(min)s and %(max)s.'),
    _l('This field is required.'),
    _l('Invalid input.'),
    _l('Invalid email address.'),
    _l('Invalid IP address.'),
    _l('Invalid Mac address.'),
    _l('Invalid URL.'),
    _l('Invalid UUID.'),
    _l('Invalid value, must be one of: %(values)s.'),
    _l("Invalid value, can't be any of: %(values)s."),
    _l('This field cannot be edited.'),
    _l('This field is disabled and cannot have a value.'),
    _l('Invalid CSRF Token.'),
    _l('CSRF token missing.'),
    _l('CSRF failed.'),
    _l('CSRF token expired.'),
    _l('Invalid Choice: could not coerce.'),
    _l('Choices cannot be None.'),
    _l('Not a valid choice.'),
    _l('Invalid choice(s): one or more data inputs could not be coerced.'),
    lazy_ngettext("'%(value)s' is not a valid choice for this field.", "'%(value)s' are not valid choices for this field.", 1),
    _l('Not a valid datetime value.'),
    _l('Not a valid date value.'),
    _l('Not a valid time value.'),
    _l('Not a valid week value.'),
    _l('Not a valid integer value.'),
    _l('Not a valid decimal value.'),
    _l('Not a valid float value.'),
)


class FormTranslations:
    """The translations object WTForms asks (Meta.get_translations): the reader's catalogue. The
    message is returned unformatted; WTForms fills in its own %(min)d, %(max)d, ..."""

    def gettext(self, string):
        return get_translations().ugettext(string)

    def ngettext(self, singular, plural, n):
        return get_translations().ungettext(singular, plural, n)


translations = FormTranslations()
