from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional

from ..accounts.addresses import EmailAddress


class LoginForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(), EmailAddress(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=256)])
    otp = StringField("Authentication code", validators=[Optional(), Length(max=32)],
                      render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"})


class CodeForm(FlaskForm):
    """The second sign-in step: the same `otp` field name as on the one-step form."""
    otp = StringField("Authentication code", validators=[DataRequired(message="Enter the code from your "
                                                                              "authenticator app, or a recovery code."),
                                                         Length(max=32)],
                      description="The 6-digit code from your authenticator app, or one of your recovery codes.",
                      render_kw={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"})


class ResetRequestForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(message="Enter the e-mail address of your account."),
                                             EmailAddress(),
                                             Length(max=254)])


class ResetPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(max=256)],
                             description="At least 12 characters. A few unrelated words make a strong password.",
                             render_kw={"autocomplete": "new-password"})
    password_confirm = PasswordField("Repeat the new password",
                                     validators=[DataRequired(), EqualTo("password", message="The passwords differ.")],
                                     render_kw={"autocomplete": "new-password"})
