from flask import Blueprint, flash, redirect, render_template, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..accounts.services import check_credentials
from ..db_types import utcnow
from ..extensions import db, limiter
from ..forms import EmptyForm, safe_next_url
from .. import permissions
from .forms import LoginForm

bp = Blueprint("auth", __name__, url_prefix="/auth")

GENERIC_FAILURE = "That e-mail address and password do not match an active account."


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute; 50 per hour", methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = check_credentials(form.email.data, form.password.data)
        if user is None or not permissions.may_sign_in(user):
            db.session.commit()
            flash(GENERIC_FAILURE, "error")
            return render_template("auth/login.html", form=form), 200
        start_session(user)
        db.session.commit()
        return redirect(safe_next_url())
    return render_template("auth/login.html", form=form)


def start_session(user) -> None:
    """A fresh session identity on every sign-in, so a planted session id is worthless."""
    session.clear()
    login_user(user)
    session["last_active"] = utcnow().isoformat()
    user.last_seen_at = utcnow()


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    form = EmptyForm()
    if form.validate_on_submit():
        logout_user()
        session.clear()
        flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))
