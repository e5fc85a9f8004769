from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..accounts.forms import CredentialsForm  # noqa: F401  (the status page's resubmission form)
from flask_babel import lazy_gettext as _l


class DecisionForm(FlaskForm):
    decision = RadioField(_l("Decision"), choices=[("approve", _l("Approve: the credentials are confirmed")),
                                               ("reject", _l("Reject: the applicant must correct or complete them"))],
                          validators=[DataRequired(message=_l("Choose approve or reject."))])
    reason = TextAreaField(_l("Reason"), validators=[Length(max=2000)],
                           description=_l("Required for a rejection; the applicant reads it. For an approval, an "
                                       "optional note for the log (for example: checked in the NPPES registry)."))
    version = HiddenField(validators=[Optional()])

    def seen_version(self) -> int | None:
        try:
            return int(self.version.data) if self.version.data else None
        except ValueError:
            return None


class SuspendForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(message=_l("Give the reason for the suspension.")),
                                                 Length(max=2000)],
                           description=_l("The member reads it in the e-mail we send. For example: licence withdrawn by "
                                       "the Ärztekammer Nordrhein on 3 March."))


class UnsuspendForm(FlaskForm):
    reason = TextAreaField(_l("Note (optional)"), validators=[Length(max=2000)],
                           description=_l("Sent to the member with the news that they can sign in again."))


class VerifierRoleForm(FlaskForm):
    action = RadioField(_l("Verifier role"), choices=[("grant", _l("Grant")), ("revoke", _l("Revoke"))],
                        validators=[DataRequired(message=_l("Choose grant or revoke."))])


class AccountSearchForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField(_l("Name, e-mail or licence number"), validators=[Length(max=100)])
