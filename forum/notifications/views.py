from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..core.errors import DomainError, put_on_form
from ..extensions import db
from ..forms import EmptyForm
from ..i18n import zone_of
from . import preferences
from .forms import PreferencesForm
from .services import grouped, mark_all_read, open_notification, readable_notification, recent_page

bp = Blueprint("notifications", __name__)


@bp.route("/notifications")
@login_required
def index():
    page = recent_page(current_user, after=request.args.get("after"), before=request.args.get("before"))
    return render_template("notifications/index.html", entries=grouped(page.items), page=page, form=EmptyForm())


@bp.route("/notifications/read", methods=["POST"])
@login_required
def read_all():
    if EmptyForm().validate_on_submit():
        mark_all_read(current_user)
        db.session.commit()
        flash(_("All notifications are marked as read."), "info")
    return redirect(url_for("notifications.index"))


@bp.route("/notifications/<int:notification_id>/open", methods=["POST"], endpoint="open")
@login_required
def open_one(notification_id):
    """Opening a notification is a POST (a button that looks like the link): reading it is a state change."""
    notification = readable_notification(current_user, notification_id)
    if notification is None:
        abort(404)
    if not EmptyForm().validate_on_submit():
        abort(400)
    target = open_notification(current_user, notification)
    db.session.commit()
    return redirect(target or url_for("notifications.index"))


@bp.route("/notifications/preferences", methods=["GET", "POST"])
@login_required
def preferences_page():
    saved = preferences.of(current_user.id)
    form = PreferencesForm()
    if not form.is_submitted():
        form.kinds.data = [kind for kind in preferences.OPTIONAL_KINDS if kind not in (saved.muted_kinds or [])]
        form.digest.data = saved.digest
        form.quiet_start.data = preferences.clock(saved.quiet_start)
        form.quiet_end.data = preferences.clock(saved.quiet_end)
        form.watch_on_post.data = saved.watch_on_post
    elif form.validate_on_submit():
        try:
            preferences.save(current_user, enabled_kinds=form.kinds.data or [], digest=form.digest.data or "",
                             quiet_start=form.quiet_start.data, quiet_end=form.quiet_end.data,
                             watch_on_post=form.watch_on_post.data)
        except DomainError as error:
            db.session.rollback()
            put_on_form(form, error)
        else:
            db.session.commit()
            flash(_("Your notification preferences are saved."), "success")
            return redirect(url_for("notifications.preferences_page"))
    return render_template("notifications/preferences.html", form=form, zone=zone_of(current_user).key)
