from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp, ValidationError

from ..forms import SingleLine
from .models import InvitePolicy, Visibility
from flask_babel import lazy_gettext as _l

SLUG_RULE = Regexp(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\Z",
                   message=_l("Use lower-case letters, digits and dashes, starting and ending with a letter or digit."))
RESERVED_SLUGS = {"new", "admin", "api", "static"}


class GroupForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=80), SingleLine()])
    slug = StringField(_l("Address (slug)"), validators=[DataRequired(), Length(min=2, max=64), SLUG_RULE],
                       description=_l("Used in links: /g/<slug>. Lower-case letters, digits and dashes."))
    description = TextAreaField(_l("Description"), validators=[Length(max=2000)])
    guidelines = TextAreaField(_l("Guidelines (markdown)"), validators=[DataRequired(), Length(max=20000)],
                               description=_l("Members accept these before they can read the group."))
    visibility = RadioField(_l("Visibility"), default=Visibility.SECRET, choices=[
        (Visibility.SECRET, _l("Secret: invisible to everyone who is not a member")),
        (Visibility.LISTED, _l("Listed: verified users see the name and description and can ask to join")),
    ])
    invite_policy = RadioField(_l("Who may invite"), default=InvitePolicy.MODERATORS, choices=[
        (InvitePolicy.MODERATORS, _l("Moderators and the owner")),
        (InvitePolicy.MEMBERS, _l("Every member")),
    ])

    def validate_slug(self, field):
        if field.data in RESERVED_SLUGS:
            raise ValidationError(_l("This address is reserved; please choose another."))


class GuidelinesAcceptForm(FlaskForm):
    accept = BooleanField(_l("I have read these guidelines and will follow them"),
                          validators=[DataRequired(message=_l("Please tick the box to accept the guidelines."))])


class JoinRequestForm(FlaskForm):
    message = TextAreaField(_l("A note for the moderators (optional)"), validators=[Length(max=500)],
                            description=_l("Who you are and why you would like to join."))
