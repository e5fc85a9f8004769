from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, SelectMultipleField, StringField
from wtforms.widgets import CheckboxInput, ListWidget

from .preferences import DIGEST_LABELS, OPTIONAL_KINDS


class CheckboxesField(SelectMultipleField):
    """Several choices as a list of checkboxes (no JavaScript needed)."""
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form):
        pass  # unknown values are refused by the service with a message next to the field


class PreferencesForm(FlaskForm):
    kinds = CheckboxesField(_l("Notify me of"), choices=list(OPTIONAL_KINDS.items()),
                            description=_l("Decisions about you and your account always notify you."))
    digest = SelectField(_l("E-mail digest"), choices=list(DIGEST_LABELS.items()), validate_choice=False,
                         description=_l("A summary of what you have not read yet. It names topics and groups, "
                                        "never what members wrote."))
    quiet_start = StringField(_l("Quiet hours from"), render_kw={"type": "time", "placeholder": "22:00"},
                              description=_l("In your own time zone. No e-mail is sent during quiet hours; "
                                             "it goes out after them."))
    quiet_end = StringField(_l("Quiet hours until"), render_kw={"type": "time", "placeholder": "07:00"})
    watch_on_post = BooleanField(_l("Watch the topics I post in"),
                                 description=_l("Every new post in them notifies you."))


class WatchForm(FlaskForm):
    level = SelectField(_l("Notifications"), validate_choice=False)
