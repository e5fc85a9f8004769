from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..accounts.forms import CredentialsForm  # noqa: F401  (the status page's resubmission form)


class DecisionForm(FlaskForm):
    decision = RadioField("Decision", choices=[("approve", "Approve: the credentials are confirmed"),
                                               ("reject", "Reject: the applicant must correct or complete them")],
                          validators=[DataRequired(message="Choose approve or reject.")])
    reason = TextAreaField("Reason", validators=[Length(max=2000)],
                           description="Required for a rejection; the applicant reads it. For an approval, an "
                                       "optional note for the log (for example: checked in the NPPES registry).")
    version = HiddenField(validators=[Optional()])

    def seen_version(self) -> int | None:
        try:
            return int(self.version.data) if self.version.data else None
        except ValueError:
            return None


class SuspendForm(FlaskForm):
    reason = TextAreaField("Reason", validators=[DataRequired(message="Give the reason for the suspension."),
                                                 Length(max=2000)],
                           description="The member reads it in the e-mail we send. For example: licence withdrawn by "
                                       "the Ärztekammer Nordrhein on 3 March.")


class UnsuspendForm(FlaskForm):
    reason = TextAreaField("Note (optional)", validators=[Length(max=2000)],
                           description="Sent to the member with the news that they can sign in again.")


class VerifierRoleForm(FlaskForm):
    action = RadioField("Verifier role", choices=[("grant", "Grant"), ("revoke", "Revoke")],
                        validators=[DataRequired(message="Choose grant or revoke.")])


class AccountSearchForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField("Name, e-mail or licence number", validators=[Length(max=100)])
