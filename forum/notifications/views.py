from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..extensions import db
from ..forms import EmptyForm
from .services import mark_all_read, recent
from flask_babel import gettext as _

bp = Blueprint("notifications", __name__)


@bp.route("/notifications")
@login_required
def index():
    return render_template("notifications/index.html", notifications=recent(current_user), form=EmptyForm())


@bp.route("/notifications/read", methods=["POST"])
@login_required
def read_all():
    if EmptyForm().validate_on_submit():
        mark_all_read(current_user)
        db.session.commit()
        flash(_("All notifications are marked as read."), "info")
    return redirect(url_for("notifications.index"))
