from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget
from flask_babel import lazy_gettext as _l


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class GuardSettingsForm(FlaskForm):
    enabled_categories = MultiCheckboxField(_l("What the guard looks for"), validate_choice=True)
    phone_regions = StringField(_l("Expected phone regions"), validators=[DataRequired(), Length(max=200)],
                                description=_l("Two-letter region codes, comma separated, e.g. US, DE, IN. "
                                            "Numbers written without a country code are read as numbers of these regions."))


class GuardPatternForm(FlaskForm):
    label = StringField(_l("Name"), validators=[DataRequired(), Length(max=80)],
                        description=_l("For example: Hospital record number"))
    pattern = StringField(_l("Pattern (regular expression)"), validators=[DataRequired(), Length(max=500)],
                          description=_l(r"For example: KH-\d{6}. Patterns that could run slowly are refused."))
    explanation = StringField(_l("Explanation shown to authors"), validators=[DataRequired(), Length(max=300)],
                              description=_l("For example: This looks like one of our hospital record numbers."))
    sample = TextAreaField(_l("Sample text to test the pattern"), validators=[Optional(), Length(max=5000)])


class PublicNumbersForm(FlaskForm):
    public_numbers = TextAreaField(
        _l("Public service numbers"), validators=[Optional(), Length(max=8000)],
        description=_l("One number per line, e.g. your hospital's switchboard or a local hotline; a note after "
                       "the number is fine. The guard never flags these. Poison centres, national helplines and "
                       "toll-free numbers are recognised without being listed."))
