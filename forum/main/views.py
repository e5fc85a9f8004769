from flask import Blueprint, abort, render_template
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import policy
from ..accounts.models import User
from ..extensions import db
from ..groups.services import groups_of, listed_groups_for, pending_join_request_group_ids
from .services import shared_groups

bp = Blueprint("main", __name__)


@bp.route("/")
@login_required
def dashboard():
    if not policy.is_verified(current_user):
        from ..verification.views import status_page

        return status_page()  # pending, rejected and lapsed accounts see where their verification stands
    return render_template("main/dashboard.html", memberships=groups_of(current_user),
                           listed=listed_groups_for(current_user),
                           pending_requests=pending_join_request_group_ids(current_user))


@bp.route("/u/<username>")
@login_required
def profile(username):
    user = db.session.scalar(select(User).where(User.username == username))
    if user is None:
        abort(404)
    policy.ensure(current_user, "user.see_profile", user)
    is_self = user.id == current_user.id
    groups = shared_groups(current_user, user)
    return render_template("main/profile.html", profile=user, groups=groups, is_self=is_self)


@bp.route("/about")
def about():
    return render_template("main/about.html")


@bp.route("/legal/terms")
def terms():
    return render_template("main/terms.html")


@bp.route("/legal/privacy")
def privacy():
    return render_template("main/privacy.html")


@bp.route("/robots.txt")
def robots():
    return "User-agent: *\nDisallow: /\n", 200, {"Content-Type": "text/plain; charset=utf-8"}
