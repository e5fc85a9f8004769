"""The professional credentials collected at registration and on resubmission."""
from functools import lru_cache

import pycountry
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

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
    specialty = StringField("Specialty", validators=[Length(max=120)],
                            description="For example: cardiology, intensive care nursing, community pharmacy.")
    organisation = StringField("Organisation", validators=[DataRequired(message="Please name where you work."),
                                                           Length(max=160)])
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
        from ..verification_hooks import licence_number_problem

        problem = licence_number_problem(self.country.data, self.profession.data, field.data or "")
        if problem:
            raise ValidationError(problem)


class RegistrationForm(CredentialsForm):
    email = EmailField("E-mail", validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)])
    display_name = StringField("Display name", validators=[DataRequired(), Length(min=2, max=80)],
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
