from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..groups.models import InvitePolicy, Role
from ..params import within_calendar
from .models import REASON_LABELS, SUSPENSION_DAYS, Action
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

REASON_HELP = _l("Shown to the author and kept in the moderation log. Reporters only learn the outcome.")
DAY_CHOICES = [("", "—")] + [(str(days), lazy_ngettext("%(num)d day", "%(num)d days", days)) for days in SUSPENSION_DAYS]


def _days_rule(form, field):
    if form.action.data == Action.SUSPEND and field.data not in [str(days) for days in SUSPENSION_DAYS]:
        raise ValidationError(_("Choose how long the suspension lasts: 1, 7 or 30 days."))


class ReportForm(FlaskForm):
    reason = RadioField(_l("Why are you reporting this post?"), choices=list(REASON_LABELS.items()),
                        validators=[InputRequired(message=_l("Choose why you are reporting this post."))],
                        validate_choice=False)
    details = TextAreaField(_l("Details for the moderators (optional)"),
                            validators=[Optional(), Length(max=2000, message=_l("Keep the details under 2,000 characters."))])

    def validate_reason(self, field):
        if field.data not in REASON_LABELS:
            raise ValidationError(_l("Choose one of the reasons in the list."))

    def validate_details(self, field):
        if self.reason.data == "other" and not (field.data or "").strip():
            raise ValidationError(_l("Please say briefly what is wrong with this post."))


class DecisionForm(FlaskForm):
    action = SelectField(_l("Action"), choices=[(action.value, action.value) for action in Action],
                         validators=[InputRequired(message=_l("Choose an action."))],
                         validate_choice=True)
    reason = TextAreaField(_l("Reason"), description=REASON_HELP, validators=[
        DataRequired(message=_l("Give a reason for the decision.")),
        Length(max=1000, message=_l("Keep the reason under 1,000 characters."))])
    days = SelectField(_l("Suspension length"), choices=DAY_CHOICES, validators=[_days_rule], validate_choice=False)
    # The case the moderator looked at: deciding a newer case than the one on screen is refused.
    case_id = HiddenField(validators=[Optional()])
    # redact: the post as it should read, without the patient data.
    body = TextAreaField("Corrected text (for redact)", validators=[Optional(), Length(max=50_000)])
    # redact, on a topic's opening post: the title as it should read.
    title = StringField(_l("Corrected title"), validators=[Optional(), Length(max=200)])
    # delete or hide: the moderator confirms that the post exposed patient data (opens a privacy incident).
    patient_privacy = BooleanField("It exposed patient data (opens a privacy incident; a deleted post keeps no text)")
    confirm_no_phi = BooleanField("The corrected text contains no patient-identifying information")

    def expected_case(self) -> int | None:
        try:
            return int(self.case_id.data) if self.case_id.data else None
        except ValueError:
            return None


class PostToolForm(FlaskForm):
    action = SelectField(_l("Action"), choices=[("hide", _l("Hide")), ("restore", _l("Restore"))],
                         validators=[InputRequired(message=_l("Choose hide or restore."))])
    reason = StringField(_l("Reason"), description=REASON_HELP, validators=[
        DataRequired(message=_l("Give a reason; the author sees it.")),
        Length(max=1000, message=_l("Keep the reason under 1,000 characters."))])


class TopicToolForm(FlaskForm):
    reason = StringField(_l("Reason"), validators=[Optional(), Length(max=500, message=_l("Keep the reason under 500 characters."))])


class MemberStatusForm(FlaskForm):
    action = SelectField(_l("Action"), choices=[("warn", _l("Warn")), ("suspend", _l("Suspend")), ("ban", _l("Ban")),
                                            ("reinstate", _l("Lift suspension or ban"))],
                         validators=[InputRequired(message=_l("Choose an action."))])
    reason = StringField(_l("Reason"), description=REASON_HELP, validators=[
        DataRequired(message=_l("Give a reason; the member sees it.")),
        Length(max=1000, message=_l("Keep the reason under 1,000 characters."))])
    days = SelectField(_l("Suspension length"), choices=DAY_CHOICES, validators=[_days_rule], validate_choice=False)


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=[(Role.MEMBER.value, _l("Member")), (Role.MODERATOR.value, _l("Moderator"))],
                       validators=[InputRequired(message=_l("Choose member or moderator."))])


class RemoveMemberForm(FlaskForm):
    reason = StringField(_l("Reason"), validators=[DataRequired(message=_l("Give a reason; the member sees it.")),
                                               Length(max=1000, message=_l("Keep the reason under 1,000 characters."))])


class InvitePolicyForm(FlaskForm):
    invite_policy = RadioField(_l("Who may invite"), choices=[
        (InvitePolicy.MODERATORS.value, _l("Moderators and the owner")),
        (InvitePolicy.MEMBERS.value, _l("Every member in good standing")),
    ], validators=[InputRequired(message=_l("Choose who may invite."))])


class GuardPolicyForm(FlaskForm):
    guard_policy = RadioField(_l("Posts published past the patient-data guard"), choices=[
        ("hold", _l("Hold for review: only the author and the moderators see them until a moderator decides")),
        ("publish", _l("Publish and queue: visible at once, with an automatic patient-privacy report")),
    ], validators=[InputRequired(message=_l("Choose hold for review or publish and queue."))])


class GuidelinesForm(FlaskForm):
    guidelines = TextAreaField(_l("Guidelines (markdown)"), validators=[
        DataRequired(message=_l("The guidelines cannot be empty.")),
        Length(max=20000, message=_l("Keep the guidelines under 20,000 characters."))],
        description=_l("Saving publishes a new version: every member accepts it again before reading on."))


class AppealForm(FlaskForm):
    decision = IntegerField(validators=[InputRequired()])
    statement = TextAreaField(_l("Why should the decision be reconsidered?"), validators=[
        DataRequired(message=_l("Say briefly why the decision should be reconsidered.")),
        Length(max=2000, message=_l("Keep the statement under 2,000 characters."))],
        description=_l("A moderator who did not make the decision, or an admin, reads it. Keep it short and factual."))


class AppealDecisionForm(FlaskForm):
    decision = SelectField(_l("Decision"), choices=[("grant", _l("Grant: reverse the decision")),
                                                ("deny", _l("Deny: the decision stands"))],
                           validators=[InputRequired(message=_l("Choose grant or deny."))])
    reason = TextAreaField(_l("Reason"), description=_l("The member reads it."), validators=[
        DataRequired(message=_l("Give a reason; the member reads it.")),
        Length(max=1000, message=_l("Keep the reason under 1,000 characters."))])


class LogFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search form changes nothing

    action = SelectField(_l("Action"), choices=[("", _l("All actions"))], validate_choice=False, validators=[Optional()])
    actor = StringField(_l("Actor"), validators=[Optional(), Length(max=80)],
                        description=_l("Name or @username; “system” for automatic actions."))
    date_from = DateField(_l("From"), validators=[Optional(), within_calendar], format="%Y-%m-%d")
    date_to = DateField(_l("To"), validators=[Optional(), within_calendar], format="%Y-%m-%d")
    group = SelectField(_l("Group"), choices=[("", _l("All groups"))], validate_choice=False, validators=[Optional()])

    def validate_date_to(self, field):
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError(_l("The end date is before the start date."))
