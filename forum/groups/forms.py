from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp, ValidationError

from ..forms import SingleLine
from .models import InvitePolicy, Visibility

SLUG_RULE = Regexp(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\Z",
                   message="Use lower-case letters, digits and dashes, starting and ending with a letter or digit.")
RESERVED_SLUGS = {"new", "admin", "api", "static"}


class GroupForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=80), SingleLine()])
    slug = StringField("Address (slug)", validators=[DataRequired(), Length(min=2, max=64), SLUG_RULE],
                       description="Used in links: /g/<slug>. Lower-case letters, digits and dashes.")
    description = TextAreaField("Description", validators=[Length(max=2000)])
    guidelines = TextAreaField("Guidelines (markdown)", validators=[DataRequired(), Length(max=20000)],
                               description="Members accept these before they can read the group.")
    visibility = RadioField("Visibility", default=Visibility.SECRET, choices=[
        (Visibility.SECRET, "Secret: invisible to everyone who is not a member"),
        (Visibility.LISTED, "Listed: verified users see the name and description and can ask to join"),
    ])
    invite_policy = RadioField("Who may invite", default=InvitePolicy.MODERATORS, choices=[
        (InvitePolicy.MODERATORS, "Moderators and the owner"),
        (InvitePolicy.MEMBERS, "Every member"),
    ])

    def validate_slug(self, field):
        if field.data in RESERVED_SLUGS:
            raise ValidationError("This address is reserved; please choose another.")


class GuidelinesAcceptForm(FlaskForm):
    accept = BooleanField("I have read these guidelines and will follow them",
                          validators=[DataRequired(message="Please tick the box to accept the guidelines.")])


class JoinRequestForm(FlaskForm):
    message = TextAreaField("A note for the moderators (optional)", validators=[Length(max=500)],
                            description="Who you are and why you would like to join.")
