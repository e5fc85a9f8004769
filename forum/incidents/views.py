import json
from datetime import timezone

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import policy
from ..accounts.models import User
from ..db_types import utcnow
from ..extensions import db
from . import services
from .forms import AssessmentForm, CloseForm, OfficerRoleForm
from .models import PrivacyIncident
from .services import IncidentChanged, IncidentError

bp = Blueprint("incidents", __name__)


def _require_handler() -> None:
    policy.ensure(current_user, "instance.handle_incidents",
                  message=_("Privacy incidents are for admins and privacy officers."))


def _incident_or_404(incident_id: int) -> PrivacyIncident:
    incident = db.session.get(PrivacyIncident, incident_id)
    if incident is None:
        abort(404)
    return incident


def _as_utc(value):
    """The form asks for the time in UTC (labelled so)."""
    return value.replace(tzinfo=timezone.utc) if value is not None and value.tzinfo is None else value


def _version(form) -> int | None:
    try:
        return int(form.version.data) if form.version.data else None
    except ValueError:
        return None


def _page(status: int = 200, forms: dict | None = None):
    incidents = services.incidents_page()
    forms = forms or {}
    assess_forms, close_forms = {}, {}
    for incident in incidents:
        if not incident.is_open:
            continue
        assess_forms[incident.id] = forms.get(("assess", incident.id)) or AssessmentForm(
            formdata=None, notification_needed=None if incident.notification_needed is None
            else ("yes" if incident.notification_needed else "no"),
            notified_at=incident.notified_at, notified_to=incident.notified_to, assessment=incident.assessment,
            version=incident.version)
        close_forms[incident.id] = forms.get(("close", incident.id)) or CloseForm(formdata=None,
                                                                               version=incident.version)
    return render_template("incidents/index.html", incidents=incidents, assess_forms=assess_forms,
                           close_forms=close_forms, now=utcnow()), status


@bp.route("/admin/incidents")
@login_required
def index():
    _require_handler()
    return _page()


@bp.route("/admin/incidents/<int:incident_id>/assess", methods=["POST"])
@login_required
def assess(incident_id):
    _require_handler()
    incident = _incident_or_404(incident_id)
    form = AssessmentForm()
    if form.validate_on_submit():
        try:
            services.assess(current_user, incident, notification_needed=form.notification_needed.data == "yes",
                            notified_at=_as_utc(form.notified_at.data), notified_to=form.notified_to.data or "",
                            assessment=form.assessment.data or "", version=_version(form))
            db.session.commit()
        except IncidentChanged as error:
            db.session.rollback()
            flash(str(error), "warning")
            return redirect(url_for("incidents.index") + f"#incident-{incident_id}")
        except IncidentError as error:
            db.session.rollback()
            field = getattr(form, error.field, None) if error.field else None
            if field is not None:
                field.errors = list(field.errors) + [str(error)]
            else:
                flash(str(error), "error")
        else:
            flash(_("The assessment is saved."), "success")
            return redirect(url_for("incidents.index") + f"#incident-{incident_id}")
    return _page(422, {("assess", incident_id): form})


@bp.route("/admin/incidents/<int:incident_id>/close", methods=["POST"])
@login_required
def close(incident_id):
    _require_handler()
    incident = _incident_or_404(incident_id)
    form = CloseForm()
    if form.validate_on_submit():
        try:
            services.close(current_user, incident, form.close_reason.data or "", version=_version(form))
            db.session.commit()
        except IncidentChanged as error:
            db.session.rollback()
            flash(str(error), "warning")
            return redirect(url_for("incidents.index"))
        except IncidentError as error:
            db.session.rollback()
            form.close_reason.errors = [str(error)]
        else:
            flash(_("The incident is closed."), "success")
            return redirect(url_for("incidents.index"))
    return _page(422, {("close", incident_id): form})


@bp.route("/admin/incidents.csv")
@login_required
def export_csv():
    _require_handler()
    body = services.as_csv(services.incidents_page())
    return Response(body, mimetype="text/csv", headers={
        "Content-Disposition": "attachment; filename=konsil-privacy-incidents.csv"})


@bp.route("/admin/incidents.json")
@login_required
def export_json():
    _require_handler()
    records = [services.as_record(incident) for incident in services.incidents_page()]
    return Response(json.dumps({"incidents": records}, indent=2, ensure_ascii=False), mimetype="application/json",
                    headers={"Content-Disposition": "attachment; filename=konsil-privacy-incidents.json"})


@bp.route("/admin/users/<int:account_id>/privacy-officer", methods=["POST"])
@login_required
def officer_role(account_id):
    policy.ensure(current_user, "instance.manage_accounts", message=_("Only administrators manage accounts."))
    user = db.session.get(User, account_id)
    if user is None or user.deleted_at is not None:
        abort(404)
    form = OfficerRoleForm()
    if not form.validate_on_submit() or form.action.data not in ("grant", "revoke"):
        flash(_("Choose whether to grant or revoke the privacy officer role."), "error")
        return redirect(url_for("verification.account", account_id=user.id))
    try:
        services.set_privacy_officer(current_user, user, grant=form.action.data == "grant")
    except IncidentError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("%(name)s is now a privacy officer.", name=user.display_name) if user.is_privacy_officer
              else _("%(name)s is no longer a privacy officer.", name=user.display_name), "success")
    return redirect(url_for("verification.account", account_id=user.id))
