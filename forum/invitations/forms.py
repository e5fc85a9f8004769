from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField
from flask_babel import lazy_gettext as _l
from wtforms.validators import Length, Optional

from ..accounts.addresses import EmailAddress
from ..i18n import SUPPORTED_LOCALES


class InvitationForm(FlaskForm):
    email = EmailField(_l("Invitee's e-mail (optional)"), validators=[Optional(), EmailAddress(),
                                                                  Length(max=254)],
                       description=_l("With an address, only that person can use the link, and we e-mail it to them."))
    language = SelectField(_l("Language of the invitation e-mail"), choices=list(SUPPORTED_LOCALES.items()),
                           description=_l("The invitation e-mail is written in this language."))
