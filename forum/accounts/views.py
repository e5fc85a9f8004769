"""The user's own settings (profile, password, two-factor sign-in, sessions, security events), data rights
(/me/export, /me/delete) and the admins' security log (/admin/security)."""
from __future__ import annotations

import json

import click

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, logout_user
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from .. import policy
from .sessions import active_sessions, current_marker, current_record, end_session, renew_session
from ..core.errors import put_on_form
from ..db_types import utcnow
from ..extensions import db, limiter
from ..params import page_argument
from ..forms import EmptyForm
from . import security, two_factor
from .data_rights import erase_account, export_data, is_last_admin
from .forms import (ConfirmTwoFactorForm, DeleteAccountForm, DisableTwoFactorForm, PasswordChangeForm, ProfileForm,
                    RegenerateCodesForm, ResetSecondFactorForm)
from .models import SecurityEvent, User
from .notices import mail
from .passwords import verify_password
from .services import AccountError, change_password, end_all_sessions, reset_second_factor, update_profile
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

bp = Blueprint("accounts", __name__)


def _user() -> User:
    return current_user._get_current_object()


_field_error = put_on_form


def _signed_in_keys(user: User, origin: security.Origin) -> dict[str, str]:
    """A signed-in session re-entering its password is a known device: its own budget, unaffected by what
    strangers did to the account's or the address's sign-ins."""
    return security.throttle_keys(user.email or "", origin, device=f"session:{current_marker() or 'none'}")


def _reauthenticate(user: User, form, *, password_field: str | None = "password", code_field: str | None = "otp",
                    code_required: bool | None = None) -> bool:
    """Sensitive changes ask for the password and, where enrolled, a second-factor code. Wrong answers count
    towards the sign-in throttle like failed sign-ins do."""
    origin = security.Origin.of_request()
    keys = _signed_in_keys(user, origin)
    until = security.locked_until(keys)
    if until is not None:
        flash(_("Too many wrong attempts. Please wait a few minutes and try again."), "error")
        return False
    ok = True
    if password_field is not None:
        if not verify_password(user.password_hash, getattr(form, password_field).data or ""):
            getattr(form, password_field).errors = list(getattr(form, password_field).errors) + [
                "Your password is not correct."]
            ok = False
    needs_code = two_factor.is_enabled(user) if code_required is None else code_required
    if ok and needs_code and code_field is not None:
        result = two_factor.verify(user, getattr(form, code_field).data)
        if not result.ok:
            getattr(form, code_field).errors = list(getattr(form, code_field).errors) + [
                two_factor.message_for(result)]
            ok = False
    if not ok:
        security.register_failure(keys)
        security.record(user, "auth:login:failure", origin=origin, details={"stage": "confirmation"})
        db.session.commit()
    return ok


# --- profile ----------------------------------------------------------------------------------------

@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    user = _user()
    form = ProfileForm(obj=user if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            changed = update_profile(user, display_name=form.display_name.data, specialty=form.specialty.data,
                                     locale=form.locale.data, timezone=form.timezone.data)
        except AccountError as error:
            db.session.rollback()
            _field_error(form, error)
        else:
            if changed:
                security.record(user, "account:profile:update", details={"fields": changed})
            db.session.commit()
            flash(_("Your profile settings are saved.") if changed else _("Nothing changed."), "success")
            return redirect(url_for("accounts.settings"))
    return render_template("accounts/profile.html", form=form, section="profile"), (
        422 if request.method == "POST" else 200)


# --- password -----------------------------------------------------------------------------------------

@bp.route("/settings/password", methods=["GET", "POST"])
@login_required
@limiter.limit("10 per hour", methods=["POST"], key_func=lambda: f"user:{current_user.get_id()}")
def password():
    user = _user()
    form = PasswordChangeForm()
    if form.validate_on_submit():
        origin = security.Origin.of_request()
        keys = _signed_in_keys(user, origin)
        if security.locked_until(keys) is not None:
            flash(_("Too many wrong attempts. Please wait a few minutes and try again."), "error")
            return render_template("accounts/password.html", form=form, section="password"), 429
        try:
            change_password(user, form.current_password.data, form.password.data)
        except AccountError as error:
            db.session.rollback()
            if error.field == "current_password":
                security.register_failure(keys)
                security.record(user, "auth:login:failure", origin=origin, details={"stage": "password_change"})
                db.session.commit()
            _field_error(form, error)
        else:
            security.record(user, "auth:password:change", origin=origin)
            renew_session(user)
            db.session.commit()
            mail(user.email, _l("Your Konsil password was changed"), "accounts/mail/password_changed.txt", user=user,
                 how=_l("from your account settings"))
            flash(_("Your password was changed. Every other session was signed out."), "success")
            return redirect(url_for("accounts.password"))
    return render_template("accounts/password.html", form=form, section="password"), (
        422 if request.method == "POST" else 200)


# --- two-factor sign-in -----------------------------------------------------------------------------

def _two_factor_page(confirm_form=None, disable_form=None, regenerate_form=None, start_form=None, status=200):
    user = _user()
    factor = two_factor.factor_for(user)
    pending = two_factor.pending_enrolment(user)
    return render_template(
        "accounts/two_factor.html", section="two_factor", factor=factor,
        enabled=factor is not None and factor.is_active,
        enrolment=two_factor.enrolment_view(user, pending) if pending else None,
        required=policy.must_use_two_factor(user), codes_left=two_factor.recovery_codes_left(user),
        confirm_form=confirm_form or ConfirmTwoFactorForm(formdata=None),
        disable_form=disable_form or DisableTwoFactorForm(formdata=None),
        regenerate_form=regenerate_form or RegenerateCodesForm(formdata=None),
        start_form=start_form or DisableTwoFactorForm(formdata=None), cancel_form=EmptyForm(),
    ), status


@bp.route("/settings/two-factor", endpoint="two_factor")
@login_required
def two_factor_settings():
    return _two_factor_page()


@bp.route("/settings/two-factor/start", methods=["POST"])
@login_required
def two_factor_start():
    """Begin enrolment. Replacing an authenticator already in force takes the password and a current code."""
    user = _user()
    if two_factor.is_enabled(user):
        form = DisableTwoFactorForm()
        if not form.validate_on_submit() or not _reauthenticate(user, form):
            return _two_factor_page(start_form=form, status=422)
    elif not EmptyForm().validate_on_submit():
        abort(400)
    two_factor.begin_enrolment(user)
    db.session.commit()
    return redirect(url_for("accounts.two_factor") + "#enrol")


@bp.route("/settings/two-factor/cancel", methods=["POST"])
@login_required
def two_factor_cancel():
    if EmptyForm().validate_on_submit():
        two_factor.cancel_enrolment(_user())
        db.session.commit()
        flash(_("Setup cancelled."), "info")
    return redirect(url_for("accounts.two_factor"))


@bp.route("/settings/two-factor/confirm", methods=["POST"])
@login_required
def two_factor_confirm():
    user = _user()
    form = ConfirmTwoFactorForm()
    if two_factor.pending_enrolment(user) is None:
        flash(_("Start the setup first: the code must come from the secret shown on this page."), "error")
        return redirect(url_for("accounts.two_factor"))
    if not form.validate_on_submit() or not _reauthenticate(user, form, code_field=None):
        return _two_factor_page(confirm_form=form, status=422)
    replacing = two_factor.is_enabled(user)
    result, codes = two_factor.confirm_enrolment(user, form.code.data)
    if not result.ok:
        form.code.errors = [two_factor.message_for(result).replace(", or one of your recovery codes", "")]
        return _two_factor_page(confirm_form=form, status=422)
    security.record(user, "auth:2fa:enable", details={"replaced": replacing})
    renew_session(user)
    db.session.commit()
    mail(user.email, _l("Two-factor sign-in is on for your Konsil account"), "accounts/mail/two_factor_changed.txt",
         user=user, change=_l("moved to a new authenticator") if replacing else _l("turned on"))
    return _show_codes(codes, "Two-factor sign-in is on. From now on you sign in with your password and a code "
                              "from your app.")


def _show_codes(codes: list[str], message: str):
    flash(message, "success")
    return render_template("accounts/recovery_codes.html", codes=codes, section="two_factor")


@bp.route("/settings/two-factor/recovery-codes", methods=["POST"])
@login_required
def recovery_codes():
    user = _user()
    if not two_factor.is_enabled(user):
        return redirect(url_for("accounts.two_factor"))
    form = RegenerateCodesForm()
    if not form.validate_on_submit() or not _reauthenticate(user, form, password_field=None):
        return _two_factor_page(regenerate_form=form, status=422)
    codes = two_factor.new_recovery_codes(user)
    security.record(user, "auth:recovery:regenerate")
    db.session.commit()
    return _show_codes(codes, "New recovery codes are ready. The old ones no longer work.")


@bp.route("/settings/two-factor/disable", methods=["POST"])
@login_required
def two_factor_disable():
    user = _user()
    if not two_factor.is_enabled(user):
        return redirect(url_for("accounts.two_factor"))
    form = DisableTwoFactorForm()
    if policy.must_use_two_factor(user):
        flash(_("Your role needs two-factor sign-in, so it stays on. To move to a new phone, use "
              "“Move to a new authenticator”."), "error")
        return _two_factor_page(disable_form=form, status=403)
    if not form.validate_on_submit() or not _reauthenticate(user, form):
        return _two_factor_page(disable_form=form, status=422)
    two_factor.disable(user)
    security.record(user, "auth:2fa:disable")
    renew_session(user)
    db.session.commit()
    mail(user.email, _l("Two-factor sign-in is off for your Konsil account"), "accounts/mail/two_factor_changed.txt",
         user=user, change=_l("turned off"))
    flash(_("Two-factor sign-in is off. Your recovery codes no longer work."), "success")
    return redirect(url_for("accounts.two_factor"))


# --- sessions and events --------------------------------------------------------------------------

@bp.route("/settings/sessions")
@login_required
def sessions():
    user = _user()
    current = current_record()
    return render_template("accounts/sessions.html", section="sessions", active=active_sessions(user),
                           current_id=current.id if current else None, sign_ins=security.recent_sign_ins(user),
                           this_session=current_marker(), methods=security.SIGN_IN_METHODS, form=EmptyForm(),
                           idle_minutes=current_app.config["SESSION_IDLE_MINUTES"])


@bp.route("/settings/sessions/<int:session_id>/end", methods=["POST"])
@login_required
def end_one_session(session_id):
    user = _user()
    if not EmptyForm().validate_on_submit():
        abort(400)
    current = current_record()
    if current is not None and current.id == session_id:
        flash(_("To end this session, sign out."), "info")
        return redirect(url_for("accounts.sessions"))
    if not end_session(user, session_id):
        abort(404)
    security.record(user, "auth:session:end")
    db.session.commit()
    flash(_("That session is signed out."), "success")
    return redirect(url_for("accounts.sessions"))


@bp.route("/settings/sessions/end-all", methods=["POST"])
@login_required
def end_sessions():
    user = _user()
    if EmptyForm().validate_on_submit():
        end_all_sessions(user)
        security.record(user, "auth:sessions:end_all")
        renew_session(user)  # this session carries the new version; every other one is now void
        db.session.commit()
        flash(_("Every other session was signed out. This one stays signed in."), "success")
    return redirect(url_for("accounts.sessions"))


@bp.route("/settings/security")
@login_required
def security_events():
    return render_template("accounts/security.html", section="security", events=security.events_for(_user()),
                           label=security.event_label, methods=security.SIGN_IN_METHODS)


# --- data rights ----------------------------------------------------------------------------------

@bp.route("/me/export", methods=["GET", "POST"])
@login_required
@limiter.limit("10 per hour", methods=["POST"], key_func=lambda: f"user:{current_user.get_id()}")
def export():
    user = _user()
    form = EmptyForm()
    if request.method == "POST" and form.validate_on_submit():
        data = export_data(user)
        security.record(user, "account:data:export")
        db.session.commit()
        filename = f"konsil-{user.username}-{utcnow():%Y-%m-%d}.json"
        return Response(json.dumps(data, ensure_ascii=False, indent=2), mimetype="application/json",
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})
    return render_template("accounts/export.html", form=form, section="export")


@bp.route("/me/delete", methods=["GET", "POST"])
@login_required
def delete():
    user = _user()
    form = DeleteAccountForm()
    enrolled = two_factor.is_enabled(user)
    last_admin = is_last_admin(user)
    if request.method == "POST" and form.validate_on_submit():
        if enrolled and not (form.otp.data or "").strip():
            form.otp.errors = list(form.otp.errors) + [two_factor.message_for(two_factor.CodeResult.MISSING)]
        elif _reauthenticate(user, form, code_required=enrolled):
            address, locale = user.email, user.locale
            try:
                erase_account(user, user)
            except AccountError as error:
                db.session.rollback()
                flash(str(error), "error")
            else:
                security.record(user, "account:self:delete")
                db.session.commit()
                mail(address, _l("Your Konsil account was deleted"), "accounts/mail/account_deleted.txt", locale=locale)
                logout_user()
                session.clear()
                flash(_("Your account was deleted. Your posts remain in their threads as “former member”."), "info")
                return redirect(url_for("auth.login"))
    return render_template("accounts/delete.html", form=form, enrolled=enrolled, last_admin=last_admin,
                           section="delete"), 422 if request.method == "POST" else 200


# --- admins -----------------------------------------------------------------------------------------

def _require_security_admin():
    policy.ensure(current_user, "instance.security_log")


def _find_user(query: str) -> User | None:
    query = (query or "").strip()
    if not query:
        return None
    if query.startswith("@"):
        query = query[1:]
    return db.session.scalar(select(User).where(or_(User.email == query.lower(), User.username == query.lower())))


@bp.route("/admin/security")
@login_required
def admin_security():
    _require_security_admin()
    query = (request.args.get("user") or "").strip()[:254]
    action = (request.args.get("action") or "").strip()[:48]
    subject = _find_user(query) if query else None
    statement = (select(SecurityEvent).options(selectinload(SecurityEvent.user), selectinload(SecurityEvent.actor))
                 .order_by(SecurityEvent.created_at.desc(), SecurityEvent.id.desc()))
    if subject is not None:
        statement = statement.where(SecurityEvent.user_id == subject.id)
    if action:
        statement = statement.where(SecurityEvent.action == action)
    page = db.paginate(statement, page=page_argument(), per_page=50, error_out=False)
    return render_template(
        "accounts/admin_security.html", page=page, query=query, action=action, subject=subject,
        not_found=bool(query) and subject is None, label=security.event_label, actions=security.EVENT_LABELS,
        subject_enrolled=two_factor.is_enabled(subject) if subject else False,
        reset_form=ResetSecondFactorForm(formdata=None))


@bp.route("/admin/security/users/<int:user_id>/reset-two-factor", methods=["POST"])
@login_required
def admin_reset_two_factor(user_id):
    _require_security_admin()
    target = db.session.get(User, user_id)
    if target is None:
        abort(404)
    policy.ensure(current_user, "account.reset_second_factor", target)
    form = ResetSecondFactorForm()
    if not form.validate_on_submit():
        flash(form.reason.errors[0] if form.reason.errors else "Say why, for the log.", "error")
        return redirect(url_for("accounts.admin_security", user=target.username))
    if not two_factor.is_enabled(target) and two_factor.factor_for(target) is None:
        flash(_("That account has no second factor to reset."), "info")
        return redirect(url_for("accounts.admin_security", user=target.username))
    reset_second_factor(_user(), target, form.reason.data.strip())
    db.session.commit()
    mail(target.email, _l("Your Konsil second factor was reset"), "accounts/mail/two_factor_reset.txt", user=target)
    flash(_("The second factor of %(name)s was reset and their sessions were signed out. They will set up a new "
            "authenticator at their next sign-in (their role requires it).", name=target.display_name)
          if policy.is_staff(target) else
          _("The second factor of %(name)s was reset and their sessions were signed out. They will set up a new "
            "authenticator at their next sign-in.", name=target.display_name), "success")
    return redirect(url_for("accounts.admin_security", user=target.username))


# --- operator command -------------------------------------------------------------------------------

@bp.cli.command("reset-two-factor")
@click.option("--email", required=True, help="The account's e-mail address.")
@click.option("--reason", required=True, help="Why, for the log (for example: lost phone, identity checked).")
def reset_two_factor_command(email: str, reason: str) -> None:
    """Reset an account's second factor from the server: for the last admin who lost both the authenticator
    and the recovery codes. Logged like an admin's reset."""
    from .services import find_by_email

    target = find_by_email(email)
    if target is None or target.deleted_at is not None:
        raise click.ClickException(f"There is no account with the e-mail address {email}.")
    if not two_factor.is_enabled(target) and two_factor.factor_for(target) is None:
        raise click.ClickException("That account has no second factor to reset.")
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        reset_second_factor(None, target, reason.strip())
        db.session.commit()
        mail(target.email, _l("Your Konsil second factor was reset"), "accounts/mail/two_factor_reset.txt", user=target)
    click.echo(f"The second factor of {target.email} was reset; every session of the account was signed out.")
