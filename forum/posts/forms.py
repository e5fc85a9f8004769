from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

TITLE_MAX = 200
BODY_MAX = 50_000


class _GuardedForm(FlaskForm):
    confirm_no_phi = BooleanField("I confirm this contains no patient-identifying information")
    # A fresh random value per rendered form; a retried POST with the same value creates nothing twice.
    submission_id = HiddenField(validators=[Optional(), Length(max=64)])


class TopicForm(_GuardedForm):
    title = StringField("Title", validators=[DataRequired(message="Please give the topic a title."),
                                             Length(max=TITLE_MAX, message=f"Keep the title under {TITLE_MAX} characters.")])
    body = TextAreaField("Message", validators=[DataRequired(message="Please write a message."),
                                                Length(max=BODY_MAX, message=f"Keep the message under {BODY_MAX:,} characters.")])


class ReplyForm(_GuardedForm):
    body = TextAreaField("Reply", validators=[DataRequired(message="Please write a reply."),
                                              Length(max=BODY_MAX, message=f"Keep the reply under {BODY_MAX:,} characters.")])


class EditForm(_GuardedForm):
    body = TextAreaField("Message", validators=[DataRequired(message="A post cannot be empty; delete it instead."),
                                                Length(max=BODY_MAX, message=f"Keep the message under {BODY_MAX:,} characters.")])
    reason = StringField("Reason for the edit", validators=[Optional(), Length(max=500)])


class PreviewForm(FlaskForm):
    body = TextAreaField(validators=[Length(max=BODY_MAX)])
