from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from .. import policy
from ..core.errors import put_on_form
from ..extensions import db
from ..forms import safe_next_url
from ..params import positive_int
from ..web import page_argument
from .access import GuidelinesFirst, guidelines_redirect, readable_group_or_404, visible_group_or_404
from .forms import GroupForm, GuidelinesAcceptForm
from .services import GroupError, accept_guidelines, create_group, topic_page, update_group
from flask_babel import gettext as _

bp = Blueprint("groups", __name__)


@bp.app_errorhandler(GuidelinesFirst)
def _guidelines_first(error):
    return guidelines_redirect(error)


@bp.route("/groups/new", methods=["GET", "POST"])
@login_required
def new():
    policy.ensure(current_user, "instance.create_group")
    form = GroupForm()
    if form.validate_on_submit():
        try:
            group = create_group(current_user, **_group_fields(form))
        except GroupError as error:
            db.session.rollback()
            _field_error(form, error)
        else:
            db.session.commit()
            flash(_("The group “%(group)s” was created. Invite its first members.", group=group.name), "success")
            return redirect(url_for("invitations.manage", slug=group.slug))
    return render_template("groups/form.html", form=form, group=None)


@bp.route("/g/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit(slug):
    group = visible_group_or_404(slug)
    policy.ensure(current_user, "group.manage", group)
    form = GroupForm(obj=group, guidelines=group.guidelines_source)
    if request.method == "GET":
        form.guidelines.data = group.guidelines_source
    if form.validate_on_submit():
        try:
            changed = update_group(current_user, group, **_group_fields(form))
        except GroupError as error:
            db.session.rollback()  # nothing half-changed; the form keeps what was typed
            _field_error(form, error)
        else:
            db.session.commit()
            flash(_("Group settings saved. Members will be asked to accept the new guidelines.") if changed
                  else _("Group settings saved."),
                  "success")
            return redirect(url_for("groups.show", slug=group.slug))
    return render_template("groups/form.html", form=form, group=group)


def _group_fields(form: GroupForm) -> dict:
    return {
        "name": form.name.data, "slug": form.slug.data, "description": form.description.data or "",
        "guidelines": form.guidelines.data, "visibility": form.visibility.data,
        "invite_policy": form.invite_policy.data,
    }


_field_error = put_on_form


@bp.route("/g/<slug>")
@login_required
def show(slug):
    group = readable_group_or_404(slug)
    page = topic_page(current_user, group, current_app.config["TOPICS_PER_PAGE"],
                      include_hidden=policy.can_moderate(current_user, group),
                      page=page_argument() if "page" in request.args else None,
                      after=request.args.get("after"), before=request.args.get("before"))
    if page is None:
        abort(404)
    # Reading the group writes nothing: what is new for the reader is the per-topic unread count.
    return render_template("groups/show.html", group=group, page=page,
                           membership=policy.membership_for(current_user, group))


@bp.route("/g/<slug>/guidelines", methods=["GET", "POST"])
@login_required
def guidelines(slug):
    group = visible_group_or_404(slug)
    membership = policy.membership_for(current_user, group)
    form = GuidelinesAcceptForm()
    must_accept = policy.needs_guidelines(current_user, group)
    if request.method == "POST":
        if membership is None:
            abort(403)
        if form.validate_on_submit():
            accept_guidelines(current_user, group, membership)
            db.session.commit()
            flash(_("Welcome to %(group)s.", group=group.name), "success")
            return redirect(safe_next_url_for_group(group))
    return render_template("groups/guidelines.html", group=group, form=form, must_accept=must_accept,
                           membership=membership)


def safe_next_url_for_group(group):
    target = safe_next_url()
    if target == url_for("main.dashboard"):
        return url_for("groups.show", slug=group.slug)
    return target


def _listed_group_or_404(slug):
    from .services import get_by_slug

    group = get_by_slug(slug)
    if group is None:
        abort(404)
    policy.ensure(current_user, "group.see_listing", group)
    return group


@bp.route("/g/<slug>/join", methods=["POST"])
@login_required
def request_join(slug):
    from .forms import JoinRequestForm
    from .services import request_to_join

    group = _listed_group_or_404(slug)
    if policy.membership_for(current_user, group) is not None:
        flash(_("You are already a member of this group."), "info")
        return redirect(url_for("main.dashboard"))
    form = JoinRequestForm()
    if form.validate_on_submit():
        try:
            request_to_join(current_user, group, form.message.data or "")
            db.session.commit()
            flash(_("Your request to join %(group)s was sent to its moderators.", group=group.name), "success")
        except GroupError as error:
            db.session.rollback()
            flash(str(error), "info")
    else:
        flash(_("The note is too long (500 characters at most)."), "error")
    return redirect(url_for("main.dashboard"))


@bp.route("/g/<slug>/join-requests", methods=["GET", "POST"])
@login_required
def join_requests(slug):
    from ..forms import EmptyForm
    from .models import JoinRequest
    from .services import decide_join_request, pending_join_requests

    group = visible_group_or_404(slug)
    policy.ensure(current_user, "group.moderate", group)
    form = EmptyForm()
    if request.method == "POST" and form.validate_on_submit():
        join_request = db.session.get(JoinRequest, positive_int(request.form.get("request_id")) or 0)
        decision = request.form.get("decision")
        if join_request is None or join_request.group_id != group.id or decision not in ("approve", "decline"):
            abort(404)
        try:
            decide_join_request(current_user, join_request, decision == "approve", request.form.get("reason", "")[:500])
            db.session.commit()
            flash(_("Request approved.") if decision == "approve" else _("Request declined."), "success")
        except GroupError as error:
            db.session.rollback()
            flash(str(error), "error")
        return redirect(url_for("groups.join_requests", slug=slug))
    return render_template("groups/join_requests.html", group=group, requests=pending_join_requests(group), form=form)
