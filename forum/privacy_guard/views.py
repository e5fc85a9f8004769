from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import policy
from ..extensions import db
from ..forms import EmptyForm
from .detector import CATEGORIES
from .forms import GuardPatternForm, GuardSettingsForm, PublicNumbersForm
from .models import GuardPattern
from .outcomes import outcome_summary
from .settings import (SettingsError, add_pattern, effective, public_numbers, save_public_numbers, save_settings,
                       set_pattern_enabled, try_pattern)
from flask_babel import gettext as _
from ..i18n.guard_texts import guard_text

bp = Blueprint("guard", __name__, url_prefix="/admin/guard")


def _require_admin():
    policy.ensure(current_user, "instance.configure_guard")


def _settings_form(formdata=None) -> GuardSettingsForm:
    disabled, regions, _ = effective()
    form = GuardSettingsForm(formdata=formdata)
    form.enabled_categories.choices = [(name, guard_text(label)) for name, label in CATEGORIES.items()]
    if formdata is None:
        form.enabled_categories.data = [name for name in CATEGORIES if name not in disabled]
        form.phone_regions.data = ", ".join(regions)
    return form


def _numbers_form(formdata=None) -> PublicNumbersForm:
    form = PublicNumbersForm(formdata=formdata)
    if formdata is None:
        form.public_numbers.data = "\n".join(public_numbers())
    return form


def _page(settings_form, pattern_form, test_findings=None, status=200, numbers_form=None):
    patterns = list(db.session.scalars(select(GuardPattern).order_by(GuardPattern.id)))
    return render_template("privacy_guard/settings.html", settings_form=settings_form, pattern_form=pattern_form,
                           patterns=patterns, test_findings=test_findings, toggle_form=EmptyForm(),
                           numbers_form=numbers_form or _numbers_form(), outcomes=outcome_summary(),
                           categories=CATEGORIES), status


@bp.route("", methods=["GET", "POST"])
@login_required
def settings():
    _require_admin()
    if request.method == "POST":
        form = _settings_form(request.form)
        if form.validate_on_submit():
            chosen = set(form.enabled_categories.data or [])
            try:
                save_settings(current_user, disabled_categories=[c for c in CATEGORIES if c not in chosen],
                              phone_regions=form.phone_regions.data)
            except SettingsError as error:
                form.phone_regions.errors = list(form.phone_regions.errors) + [str(error)]
            else:
                db.session.commit()
                flash(_("Guard settings saved. They apply to every post from now on; "
                      "re-check stored posts with `forum scan-phi --all-posts`."), "success")
                return redirect(url_for("guard.settings"))
        return _page(form, GuardPatternForm(formdata=None), status=422)
    return _page(_settings_form(), GuardPatternForm(formdata=None))


@bp.route("/patterns", methods=["POST"])
@login_required
def patterns():
    _require_admin()
    form = GuardPatternForm()
    findings = None
    if form.validate_on_submit():
        try:
            if request.form.get("action") == "test":
                findings = try_pattern(form.pattern.data, form.sample.data or "", form.explanation.data)
            else:
                add_pattern(current_user, label=form.label.data, pattern=form.pattern.data,
                            explanation=form.explanation.data)
                db.session.commit()
                flash(_("The pattern “%(label)s” is active.", label=form.label.data), "success")
                return redirect(url_for("guard.settings"))
        except SettingsError as error:
            form.pattern.errors = list(form.pattern.errors) + [guard_text(str(error))]
    status = 200 if findings is not None and not form.errors else 422
    return _page(_settings_form(), form, test_findings=findings, status=status)


@bp.route("/patterns/<int:pattern_id>/toggle", methods=["POST"])
@login_required
def toggle(pattern_id):
    _require_admin()
    row = db.session.get(GuardPattern, pattern_id)
    if row is None:
        abort(404)
    if EmptyForm().validate_on_submit():
        set_pattern_enabled(current_user, row, not row.enabled)
        db.session.commit()
        flash(_("The pattern “%(label)s” is on.", label=row.label) if row.enabled
              else _("The pattern “%(label)s” is off.", label=row.label), "success")
    return redirect(url_for("guard.settings"))


@bp.route("/public-numbers", methods=["POST"])
@login_required
def public_numbers_update():
    _require_admin()
    form = _numbers_form(request.form)
    if form.validate_on_submit():
        try:
            save_public_numbers(current_user, form.public_numbers.data or "")
        except SettingsError as error:
            form.public_numbers.errors = list(form.public_numbers.errors) + [str(error)]
        else:
            db.session.commit()
            flash(_("Public service numbers saved; the guard no longer flags them."), "success")
            return redirect(url_for("guard.settings"))
    return _page(_settings_form(), GuardPatternForm(formdata=None), numbers_form=form, status=422)
