"""The professional credentials collected at registration and on resubmission."""
from functools import lru_cache

import pycountry
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from ..forms import SingleLine
from .addresses import EmailAddress
from .models import PROFESSION_LABELS
from .passwords import password_problems


@lru_cache(maxsize=1)
def country_choices() -> list[tuple[str, str]]:
    countries = sorted(((c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries),
                       key=lambda pair: pair[1])
    return [("", "Choose a country")] + countries


class CredentialsForm(FlaskForm):
    profession = SelectField("Profession", choices=[("", "Choose a profession")] +
                             [(value.value, label) for value, label in PROFESSION_LABELS.items()],
                             validators=[DataRequired(message="Please choose your profession.")])
    specialty = StringField("Specialty", validators=[Length(max=120), SingleLine()],
                            description="For example: cardiology, intensive care nursing, community pharmacy.")
    organisation = StringField("Organisation", validators=[DataRequired(message="Please name where you work."),
                                                           Length(max=160), SingleLine()])
    country = SelectField("Country of registration", choices=country_choices,
                          validators=[DataRequired(message="Please choose the country where you are registered.")])
    licence_number = StringField("Licence or registration number",
                                 validators=[DataRequired(message="Please give your licence or registration number."),
                                             Length(max=64)])
    licence_authority = StringField("Issuing authority",
                                    validators=[DataRequired(message="Please name the authority that issued it."),
                                                Length(max=160)],
                                    description="For example: Ärztekammer Nordrhein, NPPES, State Medical Council.")

    def validate_licence_number(self, field):
        from flask import current_app

        from ..core import signals

        problem = signals.first_answer(signals.licence_number_checked.send(
            current_app._get_current_object(), country=self.country.data, profession=self.profession.data,
            number=field.data or ""))
        if problem:
            raise ValidationError(problem)


class RegistrationForm(CredentialsForm):
    email = EmailField("E-mail", validators=[DataRequired(), EmailAddress(), Length(max=254)])
    display_name = StringField("Display name", validators=[DataRequired(), Length(min=2, max=80), SingleLine()],
                               description="Shown on your posts with your profession. Your real name builds trust.")
    password = PasswordField("Password", validators=[DataRequired(), Length(max=256)],
                             description="At least 12 characters. A few unrelated words make a strong password.")
    password_confirm = PasswordField("Repeat the password",
                                     validators=[DataRequired(), EqualTo("password", message="The passwords differ.")])
    accept_terms = BooleanField("I accept the terms of use and the privacy notice",
                                validators=[DataRequired(message="Please accept the terms to register.")])

    def validate_password(self, field):
        problems = password_problems(field.data or "", [self.email.data or "", self.display_name.data or "", "konsil"])
        if problems:
            raise ValidationError(problems[0])


LOCALE_CHOICES = [SelectChoice(value, label) for value, label in (
    ("en", "English"), ("de", "Deutsch"), ("fr", "Français"), ("es", "Español"), ("it", "Italiano"),
    ("nl", "Nederlands"), ("pt", "Português"), ("hi", "हिन्दी"),
)]

_CODE_KW = {"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}


class ProfileForm(FlaskForm):
    display_name = StringField("Display name", validators=[DataRequired(message="Please give a display name."),
                                                           Length(min=2, max=80), SingleLine()],
                               description="Shown on your posts with your profession.")
    specialty = StringField("Specialty", validators=[Length(max=120), SingleLine()],
                            description="For example: cardiology, intensive care nursing, community pharmacy.")
    locale = SelectField("Language and date format", choices=LOCALE_CHOICES,
                         validators=[DataRequired(message="Please choose a language.")])


class PasswordChangeForm(FlaskForm):
    current_password = PasswordField("Current password", validators=[DataRequired(
        message="Enter your current password."), Length(max=256)], render_kw={"autocomplete": "current-password"})
    password = PasswordField("New password", validators=[DataRequired(message="Choose a new password."),
                                                         Length(max=256)],
                             description="At least 12 characters. A few unrelated words make a strong password.",
                             render_kw={"autocomplete": "new-password"})
    password_confirm = PasswordField("Repeat the new password",
                                     validators=[DataRequired(message="Repeat the new password."),
                                                 EqualTo("password", message="The passwords differ.")],
                                     render_kw={"autocomplete": "new-password"})


class ConfirmTwoFactorForm(FlaskForm):
    # Turning the second factor on changes how the account signs in: the password proves it is the owner
    # at the keyboard, not someone at an unlocked, signed-in computer.
    password = PasswordField("Your password", validators=[DataRequired(message="Enter your password."),
                                                          Length(max=256)],
                             render_kw={"autocomplete": "current-password"})
    code = StringField("Code from your app", validators=[DataRequired(message="Enter the 6-digit code your app "
                                                                               "shows."), Length(max=16)],
                       render_kw={**_CODE_KW, "inputmode": "numeric"})


class DisableTwoFactorForm(FlaskForm):
    password = PasswordField("Password", validators=[DataRequired(message="Enter your password."),
                                                     Length(max=256)], render_kw={"autocomplete": "current-password"})
    otp = StringField("Authentication code or recovery code",
                      validators=[DataRequired(message="Enter a code from your app or a recovery code."),
                                  Length(max=32)], render_kw=_CODE_KW)


class RegenerateCodesForm(FlaskForm):
    otp = StringField("Authentication code", validators=[DataRequired(message="Enter a code from your app."),
                                                         Length(max=32)],
                      description="A current code from your authenticator app (or a recovery code).",
                      render_kw=_CODE_KW)


class DeleteAccountForm(FlaskForm):
    password = PasswordField("Password", validators=[DataRequired(message="Enter your password."),
                                                     Length(max=256)], render_kw={"autocomplete": "current-password"})
    otp = StringField("Authentication code", validators=[Length(max=32)], render_kw=_CODE_KW,
                      description="The code from your authenticator app, or a recovery code.")
    confirm = BooleanField("I understand that this cannot be undone",
                           validators=[DataRequired(message="Please confirm that you want to delete your account.")])


class ResetSecondFactorForm(FlaskForm):
    reason = StringField("Reason", validators=[DataRequired(message="Say why, for the log (for example: "
                                                                    "lost phone, identity checked by phone call)."),
                                               Length(max=500)])
