from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional


class AssessmentForm(FlaskForm):
    notification_needed = RadioField(_l("Must the supervisory authority, the hospital or the patient be notified?"),
                                     choices=[("yes", _l("Yes")), ("no", _l("No"))],
                                     validators=[InputRequired(message=_l("Answer yes or no."))])
    notified_at = DateTimeLocalField(_l("Notification sent (UTC)"), format="%Y-%m-%dT%H:%M",
                                     validators=[Optional()])
    notified_to = StringField(_l("Sent to"), validators=[Optional(), Length(max=300)],
                              description=_l("For example the supervisory authority, the hospital's data protection "
                                             "officer."))
    assessment = TextAreaField(_l("Assessment"), validators=[Length(max=10000)],
                               description=_l("What kind of data was exposed, to how many people, the risk for the "
                                              "patient. Never the data itself."))
    version = HiddenField()


class CloseForm(FlaskForm):
    close_reason = TextAreaField(_l("Reason for closing"), validators=[Length(max=1000)])
    version = HiddenField()


class OfficerRoleForm(FlaskForm):
    action = HiddenField(validators=[InputRequired()])
