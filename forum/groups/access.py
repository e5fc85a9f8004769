"""Loading a group for a request: invisible means 404, and unaccepted guidelines come first."""
from __future__ import annotations

from flask import abort, redirect, request, url_for
from flask_login import current_user

from .. import policy
from .models import Group
from .services import get_by_slug


class GuidelinesFirst(Exception):
    def __init__(self, group: Group):
        self.group = group


def visible_group_or_404(slug: str) -> Group:
    group = get_by_slug(slug)
    if group is None:
        abort(404)
    policy.ensure(current_user, "group.see", group)
    return group


def readable_group_or_404(slug: str) -> Group:
    """The group, once the member has accepted its current guidelines."""
    return ensure_readable(visible_group_or_404(slug))


def ensure_readable(group: Group) -> Group:
    """As readable_group_or_404, for a group already loaded (with the page's topic, in one statement)."""
    policy.ensure(current_user, "group.see", group)
    if policy.needs_guidelines(current_user, group):
        raise GuidelinesFirst(group)
    return group


def guidelines_redirect(error: GuidelinesFirst):
    return redirect(url_for("groups.guidelines", slug=error.group.slug, next=request.full_path))
