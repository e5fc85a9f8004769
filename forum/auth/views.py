import math

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, logout_user

from .. import policy
from ..accounts import resets, security
from ..accounts.notices import absolute, mail, mail_after_response
from ..accounts.passwords import password_problems
from ..accounts.services import find_by_email, set_password
from ..db_types import utcnow
from ..extensions import db, limiter
from ..accounts.two_factor import message_for, recovery_codes_left
from ..forms import EmptyForm, safe_next_url
from . import devices
from .forms import CodeForm, LoginForm, ResetPasswordForm, ResetRequestForm
from .services import Outcome, code_step, password_step
from ..accounts.sessions import (begin_pending, check_account_security, clear_pending, end_current_session, pending_user,
                       start_session)

bp = Blueprint("auth", __name__, url_prefix="/auth")
bp.before_app_request(check_account_security)

GENERIC_FAILURE = "That e-mail address and password do not match an active account."
SLOW_DOWN = ("Too many failed sign-in attempts. For your protection, signing in to this account or from your "
             "network is paused for about {minutes} minute{s}. If you have forgotten your password, reset it below.")

__all__ = ["bp", "start_session"]


def _locked_message(until) -> str:
    minutes = max(1, math.ceil((until - utcnow()).total_seconds() / 60)) if until else 1
    return SLOW_DOWN.format(minutes=minutes, s="" if minutes == 1 else "s")


def _finish(attempt, next_url: str):
    start_session(attempt.user, method=attempt.method)
    db.session.commit()
    if attempt.method == "recovery":
        left = recovery_codes_left(attempt.user)
        flash(f"You signed in with a recovery code; {left} of them are left. If you lost your authenticator, "
              "set up two-factor sign-in again in your settings.", "warning")
    return devices.remember(redirect(next_url), attempt.user.id)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    if request.method == "POST" and request.form.get("action") == "restart":
        clear_pending()
        return redirect(url_for("auth.login"))
    pending, pending_next, timed_out = pending_user()
    if timed_out:
        flash("Signing in took too long. Please enter your password again.", "info")
    if pending is not None and (request.method == "GET" or "password" not in request.form):
        return _code_step(pending, pending_next)

    form = LoginForm()
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form), 422 if request.method == "POST" else 200
    origin = security.Origin.of_request()
    attempt = password_step(form.email.data, form.password.data, form.otp.data, origin)
    db.session.commit()
    if attempt.outcome == Outcome.SIGNED_IN:
        return _finish(attempt, safe_next_url())
    if attempt.outcome == Outcome.LOCKED:
        flash(_locked_message(attempt.locked_until), "error")
        return render_template("auth/login.html", form=form), 429
    if attempt.outcome == Outcome.NEEDS_CODE:
        begin_pending(attempt.user, safe_next_url())
        code_form = CodeForm(formdata=None)
        if attempt.code_result is not None:
            code_form.otp.errors = [message_for(attempt.code_result)]
        return _render_code_step(code_form, attempt.code_result is not None)
    flash(GENERIC_FAILURE, "error")
    return render_template("auth/login.html", form=form), 200


def _render_code_step(form, failed: bool):
    return render_template("auth/login_code.html", form=form, restart_form=EmptyForm()), 422 if failed else 200


def _code_step(user, next_url):
    form = CodeForm()
    if not form.validate_on_submit():
        return _render_code_step(form, request.method == "POST")
    attempt = code_step(user, form.otp.data, security.Origin.of_request())
    db.session.commit()
    if attempt.outcome == Outcome.SIGNED_IN:
        return _finish(attempt, next_url or url_for("main.dashboard"))
    if attempt.outcome == Outcome.LOCKED:
        clear_pending()
        flash(_locked_message(attempt.locked_until), "error")
        return render_template("auth/login.html", form=LoginForm(formdata=None)), 429
    form.otp.errors = [message_for(attempt.code_result)]
    return _render_code_step(form, True)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    form = EmptyForm()
    if form.validate_on_submit():
        security.record(current_user, "auth:logout")
        end_current_session()
        db.session.commit()
        logout_user()
        session.clear()
        flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))


# --- password reset ---------------------------------------------------------------------------------

@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def reset_request():
    form = ResetRequestForm()
    if not form.validate_on_submit():
        return render_template("auth/reset_request.html", form=form), 422 if request.method == "POST" else 200
    user = find_by_email(form.email.data)
    token = None
    if user is not None and policy.may_sign_in(user):
        token = resets.issue(user)
        security.record(user, "auth:password:reset_request", details={"sent": token is not None})
    else:  # logged too (without the address), which also keeps the work per request alike
        security.record(None, "auth:password:reset_request", details={"sent": False})
    db.session.commit()
    if token is not None:
        # After the answer has gone out: the page and its timing are the same with or without an account.
        mail_after_response(user.email, "Reset your Konsil password", "auth/mail/reset.txt", user=user,
                            link=absolute("auth.reset_password", token=token),
                            minutes=int(resets.VALID_FOR.total_seconds() // 60))
    return render_template("auth/reset_sent.html", email=form.email.data)


_TOKEN_MESSAGES = {
    resets.TokenState.UNKNOWN: ("This link is not valid",
                                "Make sure you opened the whole link from the e-mail, or ask for a new one."),
    resets.TokenState.EXPIRED: ("This link has expired",
                                "Reset links work for one hour. Ask for a new one below."),
    resets.TokenState.USED: ("This link was already used",
                             "Each reset link works once. If you did not change your password yourself, ask for a "
                             "new link and change it now."),
    resets.TokenState.SUPERSEDED: ("This link no longer works",
                                   "Your password was changed after this link was sent. If that was not you, ask "
                                   "for a new link and change it now."),
}


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit("20 per hour", methods=["POST"])
def reset_password(token):
    state, row = resets.lookup(token)
    if state != resets.TokenState.VALID:
        title, text = _TOKEN_MESSAGES[state]
        return render_template("auth/reset_invalid.html", title=title, text=text,
                               form=ResetRequestForm(formdata=None)), 404 if state == resets.TokenState.UNKNOWN else 410
    user = row.user
    form = ResetPasswordForm()
    if form.validate_on_submit():
        problems = password_problems(form.password.data, [user.email or "", user.display_name, user.username,
                                                          "konsil"])
        if problems:
            form.password.errors = list(form.password.errors) + [problems[0]]
        elif not resets.consume(row):
            db.session.rollback()
            title, text = _TOKEN_MESSAGES[resets.TokenState.USED]
            return render_template("auth/reset_invalid.html", title=title, text=text,
                                   form=ResetRequestForm(formdata=None)), 410
        else:
            set_password(user, form.password.data)
            security.clear_account_lock(user.email)
            security.record(user, "auth:password:reset")
            db.session.commit()
            mail(user.email, "Your Konsil password was changed", "accounts/mail/password_changed.txt", user=user,
                 how="with a reset link sent to this address")
            if current_user.is_authenticated:
                logout_user()
            flash("Your password was changed and every session was signed out. Sign in with your new password.",
                  "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/reset_form.html", form=form, token=token, user=user), (
        422 if request.method == "POST" else 200)
