from flask_wtf import FlaskForm
from wtforms import EmailField
from wtforms.validators import Length, Optional

from ..accounts.addresses import EmailAddress


class InvitationForm(FlaskForm):
    email = EmailField("Invitee's e-mail (optional)", validators=[Optional(), EmailAddress(),
                                                                  Length(max=254)],
                       description="With an address, only that person can use the link, and we e-mail it to them.")
