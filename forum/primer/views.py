from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import DataRequired

from .. import policy
from ..extensions import db
from ..forms import safe_next_url
from ..privacy_guard.detector import CATEGORIES
from . import content, services

bp = Blueprint("primer", __name__)


class PrimerForm(FlaskForm):
    accept = BooleanField(
        _l("I have read this and will keep patient data out of my posts"),
        validators=[DataRequired(message=_l("Tick the box to confirm that you have read the primer."))])


@bp.route("/me/primer", methods=["GET", "POST"])
@login_required
def show():
    policy.ensure(current_user, "instance.read")
    form = PrimerForm()
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            services.accept(current_user)
            db.session.commit()
            flash(_("Thank you. You can post now."), "success")
            return redirect(safe_next_url() if request.values.get("next") else url_for("main.dashboard"))
        status = 422
    examples = [(CATEGORIES.get(category, category), bad, good) for category, bad, good in content.EXAMPLES]
    return render_template("primer/show.html", form=form, country_rule=content.rule_for(current_user.country),
                           examples=examples, rule=content.RULE, version=content.PRIMER_VERSION,
                           must_accept=services.needs_primer(current_user)
                           or current_user.primer_version != content.PRIMER_VERSION), status
