"""The verification workflow on the web: the applicant's status page, the verifiers' queue and
the admins' account page (verifier role, suspension)."""
from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from .. import policy
from ..accounts.models import User
from ..core.errors import add_field_error
from ..extensions import db, limiter
from ..params import page_argument
from .forms import CredentialsForm, DecisionForm, SuspendForm, UnsuspendForm, VerifierRoleForm
from .models import RequestKind, RequestStatus, VerificationRequest
from .registries import configured_registers, describe_licence_number, load_registers, registry_links
from .services import (ACCOUNT_FILTERS, AlreadyDecided, VerificationError, changed_fields, decide, deliver,
                       describe_wait, earlier_decisions, expiry_notice, find_accounts, invited_groups,
                       open_suspension, pending_count_for, pending_queue, pending_request_of, queue_counts,
                       recent_decisions, requests_of, set_verifier, state_of, status_label, submit, suspend,
                       suspensions_of, typical_wait, unsuspend)
from flask_babel import gettext as _

bp = Blueprint("verification", __name__)


@bp.record_once
def _check_register_file(state):
    """A broken registers file stops the app at start-up with a clear message, not a verifier later."""
    path = state.app.config.get("VERIFICATION_REGISTRIES_FILE")
    if path:
        load_registers(path)


@bp.app_context_processor
def _template_helpers():
    return {"verification_queue_size": _queue_size, "verification_notice": _notice,
            "verification_status_label": status_label}


@bp.app_template_filter("country_name")
def _country_name(code: str) -> str:
    import pycountry

    from flask_babel import get_locale

    country = pycountry.countries.get(alpha_2=(code or "").upper()) if code else None
    if country is None:
        return code or "—"
    name = get_locale().territories.get(country.alpha_2) if get_locale() else None
    return name or getattr(country, "common_name", None) or country.name


def _queue_size() -> int:
    if not policy.can_verify(current_user):
        return 0
    if "verification_queue_size" not in g:
        g.verification_queue_size = pending_count_for(current_user)
    return g.verification_queue_size


def _notice():
    if "verification_notice" not in g:
        g.verification_notice = expiry_notice(current_user)
    return g.verification_notice


def _user_limit_key() -> str:
    return f"user:{current_user.get_id()}" if current_user.is_authenticated else request.remote_addr or ""


_field_error = add_field_error


# --- the applicant ------------------------------------------------------------------------

@bp.route("/verification", methods=["GET", "POST"])
@login_required
@limiter.limit("20 per hour", methods=["POST"], key_func=_user_limit_key)
def status():
    return status_page()


def status_page():
    """Where the account's verification stands, what happens next, and the form to (re)submit.
    The dashboard shows this page to every account that is not (or no longer) verified."""
    pending = pending_request_of(current_user)
    history = requests_of(current_user)
    if request.method == "POST":
        form = CredentialsForm()
        if form.validate_on_submit():
            try:
                submitted = submit(current_user._get_current_object(), **{name: getattr(form, name).data
                                                    for name in VerificationRequest.CREDENTIAL_FIELDS})
            except VerificationError as error:
                db.session.rollback()
                abort(error.status, description=str(error))
            db.session.commit()
            flash(_("Your corrected credentials replace the earlier submission; your place in the queue is kept.")
                  if pending is not None and submitted.queued_at == pending.queued_at else
                  _("Thank you. Your credentials are with the verifiers; we will notify you of their decision."),
                  "success")
            return redirect(url_for("verification.status"))
    else:
        source = pending or (history[0] if history else None) or current_user
        form = CredentialsForm(formdata=None, **{name: getattr(source, name) or ""
                                                 for name in VerificationRequest.CREDENTIAL_FIELDS})
    state = state_of(current_user)
    latest_decided = next((item for item in history if item.status in (RequestStatus.APPROVED,
                                                                         RequestStatus.REJECTED)), None)
    return render_template(
        "verification/status.html", form=form, state=state, hide_verification_banner=True, pending=pending, history=history,
        latest_decided=latest_decided, wait=describe_wait(typical_wait()),
        groups=invited_groups(current_user) if not policy.is_verified(current_user) else [],
        show_form_open=request.method == "POST" or state in ("rejected", "lapsed", "expiring") or (
            state == "pending" and pending is None),
    ), (422 if request.method == "POST" else 200)


# --- the verifiers ------------------------------------------------------------------------

def _require_verifier() -> None:
    policy.ensure(current_user, "instance.verify", message=_("Only verifiers review credentials."))


@bp.route("/admin/verifications")
@login_required
def queue():
    _require_verifier()
    kind = request.args.get("kind")
    kind = kind if kind in (RequestKind.NEW, RequestKind.RENEWAL) else None
    requests, total = pending_queue(kind)
    return render_template("verification/queue.html", requests=requests, total=total, kind=kind,
                           counts=queue_counts(), decisions=earlier_decisions([r.user_id for r in requests]),
                           recent=recent_decisions())


def _request_or_404(verification_id: int) -> VerificationRequest:
    verification_request = db.session.get(VerificationRequest, verification_id)
    if verification_request is None or verification_request.user.deleted_at is not None:
        abort(404)
    return verification_request


@bp.route("/admin/verifications/<int:verification_id>", methods=["GET", "POST"])
@login_required
def review(verification_id):
    _require_verifier()
    verification_request = _request_or_404(verification_id)
    form = DecisionForm()
    problem, newer, status_code = None, None, 200
    if request.method == "POST":
        policy.ensure(current_user, "verification.decide", verification_request,
                      message=_("Nobody can decide on their own verification request; another verifier will."))
        status_code = 422
        if form.validate_on_submit():
            try:
                mails = decide(current_user, verification_request, approve=form.decision.data == "approve",
                               reason=form.reason.data or "", seen_version=form.seen_version())
            except AlreadyDecided as error:
                db.session.rollback()
                problem, newer, status_code = str(error), error.current, 409
            except VerificationError as error:
                db.session.rollback()
                if error.field:
                    _field_error(getattr(form, error.field), str(error))
                else:
                    problem, status_code = str(error), error.status
            else:
                deliver(mails)  # sent once the commit below succeeds
                db.session.commit()
                user = verification_request.user
                flash(_("%(name)s is verified.", name=user.display_name) if form.decision.data == "approve" else
                      _("The request of %(name)s was rejected; they were told why.", name=user.display_name), "success")
                return redirect(url_for("verification.queue"))
    if request.method == "GET":
        form = DecisionForm(formdata=None, version=str(verification_request.version))
    return render_template("verification/review.html", **_review_context(verification_request), form=form,
                           problem=problem, newer=newer), status_code


def _review_context(verification_request: VerificationRequest) -> dict:
    user = verification_request.user
    history = [item for item in requests_of(user) if item.id != verification_request.id]
    groups = invited_groups(user)
    visible_groups = [group for group in groups if policy.can_see_group(current_user, group)]
    return {
        "item": verification_request, "applicant": user, "inviter": user.invited_by, "history": history,
        "number_check": describe_licence_number(verification_request.country, verification_request.profession,
                                                verification_request.licence_number),
        "links": registry_links(configured_registers(), verification_request.country,
                                verification_request.profession, verification_request.licence_number,
                                verification_request.licence_authority),
        "changed": changed_fields(verification_request),
        "visible_groups": visible_groups, "hidden_group_count": len(groups) - len(visible_groups),
        "own": verification_request.user_id == current_user.id,
        "suspended": state_of(user) == "suspended",
        "current": None if verification_request.is_pending else pending_request_of(user),
    }


# --- the admins: accounts ------------------------------------------------------------------

def _require_admin() -> None:
    policy.ensure(current_user, "instance.manage_accounts", message=_("Only administrators manage accounts."))


def _account_or_404(account_id: int) -> User:
    user = db.session.get(User, account_id)
    if user is None or user.deleted_at is not None:
        abort(404)
    return user


@bp.route("/admin/users")
@login_required
def accounts():
    _require_admin()
    status_filter = request.args.get("status", "all")
    status_filter = status_filter if status_filter in ACCOUNT_FILTERS else "all"
    query_text = (request.args.get("q") or "").strip()[:100]
    page = find_accounts(query_text, status_filter, page_argument())
    if page is None:
        abort(404)
    return render_template("verification/accounts.html", page=page, status_filter=status_filter,
                           query_text=query_text, filters=ACCOUNT_FILTERS)


def _account_page(user: User, *, suspend_form=None, unsuspend_form=None, status_code=200):
    return render_template(
        "verification/account.html", account=user, requests=requests_of(user), suspensions=suspensions_of(user),
        open_suspension=open_suspension(user), state=state_of(user),
        suspend_form=suspend_form or SuspendForm(formdata=None),
        unsuspend_form=unsuspend_form or UnsuspendForm(formdata=None), role_form=VerifierRoleForm(formdata=None),
    ), status_code


@bp.route("/admin/users/<int:account_id>")
@login_required
def account(account_id):
    _require_admin()
    return _account_page(_account_or_404(account_id))


@bp.route("/admin/users/<int:account_id>/verifier", methods=["POST"])
@login_required
def verifier_role(account_id):
    _require_admin()
    user = _account_or_404(account_id)
    form = VerifierRoleForm()
    if not form.validate_on_submit():
        flash(_("Choose whether to grant or revoke the verifier role."), "error")
        return redirect(url_for("verification.account", account_id=user.id))
    try:
        set_verifier(current_user, user, grant=form.action.data == "grant")
    except VerificationError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("%(name)s is now a verifier.", name=user.display_name) if "verifier" in policy.account_roles(user) else
              _("%(name)s is no longer a verifier.", name=user.display_name), "success")
    return redirect(url_for("verification.account", account_id=user.id))


@bp.route("/admin/users/<int:account_id>/suspend", methods=["POST"])
@login_required
def suspend_account(account_id):
    _require_admin()
    user = _account_or_404(account_id)
    policy.ensure(current_user, "account.suspend", user, message=_("You cannot suspend your own account."))
    form = SuspendForm()
    if form.validate_on_submit():
        try:
            mails = suspend(current_user, user, form.reason.data)
        except VerificationError as error:
            db.session.rollback()
            if error.field:
                _field_error(form.reason, str(error))
            else:
                flash(str(error), "error")
                return redirect(url_for("verification.account", account_id=user.id))
        else:
            deliver(mails)  # sent once the commit below succeeds
            db.session.commit()
            flash(_("%(name)s is suspended and signed out everywhere.", name=user.display_name), "success")
            return redirect(url_for("verification.account", account_id=user.id))
    return _account_page(user, suspend_form=form, status_code=422)


@bp.route("/admin/users/<int:account_id>/unsuspend", methods=["POST"])
@login_required
def unsuspend_account(account_id):
    _require_admin()
    user = _account_or_404(account_id)
    form = UnsuspendForm()
    if form.validate_on_submit():
        try:
            mails = unsuspend(current_user, user, form.reason.data or "")
        except VerificationError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            deliver(mails)  # sent once the commit below succeeds
            db.session.commit()
            flash(_("The suspension of %(name)s is lifted.", name=user.display_name), "success")
        return redirect(url_for("verification.account", account_id=user.id))
    return _account_page(user, unsuspend_form=form, status_code=422)
