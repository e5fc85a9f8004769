from flask import Blueprint, render_template, request
from flask_login import current_user, login_required

from .. import policy
from .query import QueryError
from .services import search

bp = Blueprint("search", __name__)


@bp.route("/search")
@login_required
def index():
    policy.ensure(current_user, "instance.read")  # pending, rejected and suspended accounts read no group content
    query = (request.args.get("q") or "").strip()
    error, page = None, None
    if query:
        try:
            page = search(current_user, query,
                          cursor=request.args.get("after"))
        except QueryError as problem:
            error = str(problem)
    return render_template("search/index.html", query=query, page=page, error=error)
