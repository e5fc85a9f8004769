"""The professional credentials collected at registration and on resubmission."""
from functools import lru_cache

import pycountry
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..i18n import SUPPORTED_LOCALES

from ..forms import SingleLine
from .addresses import EmailAddress
from .models import PROFESSION_LABELS
from .passwords import password_problems


def country_choices() -> list[tuple[str, str]]:
    """Every country, named and sorted in the reader's language (Babel's territory names)."""
    from flask_babel import get_locale

    return [("", _l("Choose a country"))] + list(_countries(str(get_locale() or "en")))


@lru_cache(maxsize=8)
def _countries(locale: str) -> tuple[tuple[str, str], ...]:
    from babel import Locale

    names = Locale.parse(locale).territories
    countries = ((c.alpha_2, names.get(c.alpha_2) or getattr(c, "common_name", None) or c.name)
                 for c in pycountry.countries)
    return tuple(sorted(countries, key=lambda pair: pair[1].casefold()))


class CredentialsForm(FlaskForm):
    profession = SelectField(_l("Profession"), choices=[("", _l("Choose a profession"))] +
                             [(value.value, label) for value, label in PROFESSION_LABELS.items()],
                             validators=[DataRequired(message=_l("Please choose your profession."))])
    specialty = StringField(_l("Specialty"), validators=[Length(max=120), SingleLine()],
                            description=_l("For example: cardiology, intensive care nursing, community pharmacy."))
    organisation = StringField(_l("Organisation"), validators=[DataRequired(message=_l("Please name where you work.")),
                                                           Length(max=160), SingleLine()])
    country = SelectField(_l("Country of registration"), choices=country_choices,
                          validators=[DataRequired(message=_l("Please choose the country where you are registered."))])
    licence_number = StringField(_l("Licence or registration number"),
                                 validators=[DataRequired(message=_l("Please give your licence or registration number.")),
                                             Length(max=64)])
    licence_authority = StringField(_l("Issuing authority"),
                                    validators=[DataRequired(message=_l("Please name the authority that issued it.")),
                                                Length(max=160)],
                                    description=_l("For example: Ärztekammer Nordrhein, NPPES, State Medical Council."))

    def validate_licence_number(self, field):
        from flask import current_app

        from ..core import signals

        problem = signals.first_answer(signals.licence_number_checked.send(
            current_app._get_current_object(), country=self.country.data, profession=self.profession.data,
            number=field.data or ""))
        if problem:
            raise ValidationError(problem)


class RegistrationForm(CredentialsForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), EmailAddress(), Length(max=254)])
    display_name = StringField(_l("Display name"), validators=[DataRequired(), Length(min=2, max=80), SingleLine()],
                               description=_l("Shown on your posts with your profession. Your real name builds trust."))
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=256)],
                             description=_l("At least 12 characters. A few unrelated words make a strong password."))
    password_confirm = PasswordField(_l("Repeat the password"),
                                     validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))])
    accept_terms = BooleanField(_l("I accept the terms of use and the privacy notice"),
                                validators=[DataRequired(message=_l("Please accept the terms to register."))])

    def validate_password(self, field):
        problems = password_problems(field.data or "", [self.email.data or "", self.display_name.data or "", "konsil"])
        if problems:
            raise ValidationError(problems[0])


# Only languages with complete catalogues are offered, each named in itself.
LOCALE_CHOICES = [SelectChoice(value, label) for value, label in SUPPORTED_LOCALES.items()]


def timezone_choices() -> list[SelectChoice]:
    """The organisation's zone first (the default, stored as ""), then every IANA zone by name."""
    from flask import current_app

    default = current_app.config.get("FORUM_DEFAULT_TIMEZONE", "UTC")
    return [SelectChoice("", _("Organisation default (%(zone)s)", zone=default))] + [
        SelectChoice(zone, zone.replace("_", " ")) for zone in _all_zones()]


@lru_cache(maxsize=1)
def _all_zones() -> tuple[str, ...]:
    from zoneinfo import available_timezones

    return tuple(sorted(zone for zone in available_timezones() if "/" in zone or zone == "UTC"))

_CODE_KW = {"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}


class ProfileForm(FlaskForm):
    display_name = StringField(_l("Display name"), validators=[DataRequired(message=_l("Please give a display name.")),
                                                           Length(min=2, max=80), SingleLine()],
                               description=_l("Shown on your posts with your profession."))
    specialty = StringField(_l("Specialty"), validators=[Length(max=120), SingleLine()],
                            description=_l("For example: cardiology, intensive care nursing, community pharmacy."))
    locale = SelectField(_l("Language and date format"), choices=LOCALE_CHOICES,
                         validators=[DataRequired(message=_l("Please choose a language."))])
    timezone = SelectField(_l("Time zone"), choices=timezone_choices, validate_choice=False,
                           description=_l("Dates and times on Konsil and in e-mails are shown in this zone."))

    def validate_timezone(self, field):
        """Empty (the organisation's zone) or an IANA zone; a form sent without the field keeps the zone."""
        if field.raw_data and field.data and field.data not in _all_zones():
            raise ValidationError(_("Not a valid choice."))
        if not field.raw_data:
            field.data = None


class PasswordChangeForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired(
        message=_l("Enter your current password.")), Length(max=256)], render_kw={"autocomplete": "current-password"})
    password = PasswordField(_l("New password"), validators=[DataRequired(message=_l("Choose a new password.")),
                                                         Length(max=256)],
                             description=_l("At least 12 characters. A few unrelated words make a strong password."),
                             render_kw={"autocomplete": "new-password"})
    password_confirm = PasswordField(_l("Repeat the new password"),
                                     validators=[DataRequired(message=_l("Repeat the new password.")),
                                                 EqualTo("password", message=_l("The passwords differ."))],
                                     render_kw={"autocomplete": "new-password"})


class ConfirmTwoFactorForm(FlaskForm):
    # Turning the second factor on changes how the account signs in: the password proves it is the owner
    # at the keyboard, not someone at an unlocked, signed-in computer.
    password = PasswordField(_l("Your password"), validators=[DataRequired(message=_l("Enter your password.")),
                                                          Length(max=256)],
                             render_kw={"autocomplete": "current-password"})
    code = StringField(_l("Code from your app"), validators=[DataRequired(message=_l("Enter the 6-digit code your app "
                                                                               "shows.")), Length(max=16)],
                       render_kw={**_CODE_KW, "inputmode": "numeric"})


class DisableTwoFactorForm(FlaskForm):
    password = PasswordField(_l("Password"), validators=[DataRequired(message=_l("Enter your password.")),
                                                     Length(max=256)], render_kw={"autocomplete": "current-password"})
    otp = StringField(_l("Authentication code or recovery code"),
                      validators=[DataRequired(message=_l("Enter a code from your app or a recovery code.")),
                                  Length(max=32)], render_kw=_CODE_KW)


class RegenerateCodesForm(FlaskForm):
    otp = StringField(_l("Authentication code"), validators=[DataRequired(message=_l("Enter a code from your app.")),
                                                         Length(max=32)],
                      description=_l("A current code from your authenticator app (or a recovery code)."),
                      render_kw=_CODE_KW)


class DeleteAccountForm(FlaskForm):
    password = PasswordField(_l("Password"), validators=[DataRequired(message=_l("Enter your password.")),
                                                     Length(max=256)], render_kw={"autocomplete": "current-password"})
    otp = StringField(_l("Authentication code"), validators=[Length(max=32)], render_kw=_CODE_KW,
                      description=_l("The code from your authenticator app, or a recovery code."))
    confirm = BooleanField(_l("I understand that this cannot be undone"),
                           validators=[DataRequired(message=_l("Please confirm that you want to delete your account."))])


class ResetSecondFactorForm(FlaskForm):
    reason = StringField(_l("Reason"), validators=[DataRequired(message=_l("Say why, for the log (for example: "
                                                                    "lost phone, identity checked by phone call).")),
                                               Length(max=500)])
