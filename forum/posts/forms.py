from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from flask_babel import format_number
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..forms import SingleLine
from ..uploads.posting import ImageFields

TITLE_MAX = 200
BODY_MAX = 50_000


_WHAT = {"title": _l("title"), "message": _l("message"), "reply": _l("reply"), "reason": _l("reason")}


class AtMost:
    """A length limit whose message says how far over the limit the text is."""

    def __init__(self, limit: int, what: str):
        self.limit = limit
        self.what = what

    def __call__(self, form, field):
        length = len(field.data or "")
        if length > self.limit:
            raise ValidationError(_("Keep the %(what)s to %(limit)s characters; it has %(length)s (%(over)s too many).",
                                    what=_WHAT.get(self.what, self.what), limit=format_number(self.limit),
                                    length=format_number(length), over=format_number(length - self.limit)))


def _unix_newlines(value):
    """Browsers send CRLF; store LF so that lengths match what the author sees and edits compare equal."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


class _GuardedForm(ImageFields, FlaskForm):
    confirm_no_phi = BooleanField(_l("I confirm this contains no patient-identifying information"))
    # A fresh random value per rendered form; a retried POST with the same value creates nothing twice.
    submission_id = HiddenField(validators=[Optional(), Length(max=64)])


class TopicForm(_GuardedForm):
    title = StringField(_l("Title"), validators=[DataRequired(message=_l("Please give the topic a title.")),
                                             AtMost(TITLE_MAX, "title"), SingleLine()])
    body = TextAreaField(_l("Message"), filters=[_unix_newlines],
                         validators=[DataRequired(message=_l("Please write a message.")), AtMost(BODY_MAX, "message")])


class ReplyForm(_GuardedForm):
    body = TextAreaField(_l("Reply"), filters=[_unix_newlines],
                         validators=[DataRequired(message=_l("Please write a reply.")), AtMost(BODY_MAX, "reply")])


class EditForm(_GuardedForm):
    # On a topic's opening post only: its title (absent from the form, it stays as it is).
    title = StringField(_l("Title"), validators=[Optional(), AtMost(TITLE_MAX, "title"), SingleLine()])
    body = TextAreaField(_l("Message"), filters=[_unix_newlines],
                         validators=[DataRequired(message=_l("A post cannot be empty; delete it instead.")),
                                     AtMost(BODY_MAX, "message")])
    reason = StringField(_l("Reason for the edit"), validators=[Optional(), AtMost(500, "reason")])
    # The earlier versions (history, excerpts, e-mails waiting to go out) lose the text this edit removes.
    removes_patient_data = BooleanField(_l("This edit removes patient data"))


class PreviewForm(FlaskForm):
    body = TextAreaField(filters=[_unix_newlines], validators=[AtMost(BODY_MAX, "message")])
    # The group the text is written in: its @mentions are checked against the group's readers.
    group = StringField(validators=[Optional(), Length(max=64)])
