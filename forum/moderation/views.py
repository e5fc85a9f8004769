from flask import (Blueprint, Response, abort, flash, redirect, render_template, request,
                   stream_with_context, url_for)
from flask_babel import gettext as _, ngettext
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .. import audit, policy, request_cache
from ..accounts.models import User
from ..core.errors import put_on_form
from ..db_types import utcnow
from ..extensions import db
from ..forms import EmptyForm, safe_next_url
from ..groups.access import readable_group_or_404, visible_group_or_404
from ..groups.models import Group, Membership, MembershipStatus, Role
from ..groups.services import GroupError
from ..params import page_argument, positive_int
from ..posts.models import Post, Topic
from ..groups import management
from ..invitations import trail
from ..notifications import mutes
from ..posts.services import post_link
from . import appeals as appeal_services
from . import cases as case_services
from . import holds, privacy_decisions, redaction, reports, sanctions
from . import queue as review_queue
from ..audit_text import action_label, describe_entry
from .common import AlreadyDecided, DuplicateReport, ModerationError, NotAllowed
from .forms import (AppealDecisionForm, AppealForm, DecisionForm, GuardPolicyForm, GuidelinesForm, InvitePolicyForm,
                    LogFilterForm, MemberStatusForm, PostToolForm, RemoveMemberForm, ReportForm, RoleForm,
                    TopicToolForm)
from .models import ACTION_LABELS, REASON_LABELS, SUSPENSION_DAYS, Appeal
from .redaction import FindingsRemain
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

bp = Blueprint("moderation", __name__)
bp.add_app_template_global(holds.highlighted_findings, "held_findings")


def _moderated_group_or_404(slug: str) -> Group:
    group = visible_group_or_404(slug)
    policy.ensure(current_user, "group.moderate", group,
                  message=_("Only the moderators of %(group)s can do this. You are not (or no longer) "
                            "one of them, so nothing was changed.", group=group.name))
    return group


def _verified_or_404() -> None:
    policy.ensure(current_user, "instance.read")


def _post_in_group_or_404(group: Group, post_id: int) -> Post:
    post = db.session.get(Post, post_id)
    if post is None or post.topic.group_id != group.id:
        abort(404)
    return post


_field_error = put_on_form


def _flash_form_errors(form) -> None:
    for errors in form.errors.values():
        for message in errors:
            flash(message, "error")


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------

def _why_not_report(post: Post) -> str:
    group = post.topic.group
    if post.author_id == current_user.id:
        return _("You cannot report your own post. You can edit or delete it instead.")
    if policy.is_suspended_in(current_user, group):
        membership = policy.membership_for(current_user, group)
        if membership.suspended_until:
            from ..i18n import datetime_filter

            return _("You are suspended in this group until %(until)s and cannot report posts.",
                     until=datetime_filter(membership.suspended_until))
        return _("You are suspended in this group and cannot report posts.")
    if post.deleted_at is not None:
        return _("This post was deleted; there is nothing left to report.")
    return _("You cannot report posts in this group.")


# Rate limited per member and per address by forum/rate_limits.py (RATELIMIT_REPORT_PER_*), so that
# reports cannot be used to flood the moderators or to hide posts by volume.
@bp.route("/posts/<int:post_id>/report", methods=["POST"])
@login_required
def report(post_id):
    post = db.session.get(Post, post_id)
    if post is None:
        abort(404)
    group = readable_group_or_404(post.topic.group.slug)
    if post.hidden:
        policy.ensure(current_user, "post.see_hidden", post)
    policy.ensure(current_user, "post.report", post, message=_why_not_report(post))
    form = ReportForm()
    if form.validate_on_submit():
        try:
            reports.file_report(current_user, post, reason=form.reason.data, details=form.details.data or "")
            db.session.commit()
        except DuplicateReport as error:
            db.session.rollback()
            flash(str(error), "info")
            return redirect(post_link(post))
        except NotAllowed as error:
            db.session.rollback()
            abort(403, description=str(error))
        except ModerationError as error:
            db.session.rollback()
            _field_error(form, error)
        else:
            flash(_("Thank you. The moderators will review your report; you will be told the outcome."), "success")
            return redirect(post_link(post))
    return render_template("moderation/report.html", form=form, post=post, group=group, topic=post.topic), 422


# --------------------------------------------------------------------------------------------
# The queue and cases
# --------------------------------------------------------------------------------------------

@bp.route("/moderation")
@login_required
def overview():
    _verified_or_404()
    policy.ensure(current_user, "instance.moderation_overview", message=_("You do not moderate any group."))
    groups = review_queue.moderated_groups(current_user)
    counts = review_queue.open_counts_by_group([group.id for group in groups])
    escalated = review_queue.queue_page(None, escalated_only=True, per_page=1).total if policy.is_admin(current_user) else 0
    return render_template("moderation/overview.html", groups=groups, counts=counts, escalated=escalated)


@bp.route("/g/<slug>/moderation")
@login_required
def queue(slug):
    group = _moderated_group_or_404(slug)
    tab = request.args.get("tab", "open")
    if tab not in ("open", "resolved"):
        tab = "open"
    # The open count is asked once: the heading, the pages and the group menu's badge show it.
    open_total = request_cache.cached(f"_open_count_{group.id}",
                                      lambda: review_queue.open_counts_by_group([group.id]).get(group.id, 0))
    records: dict = {}
    page = review_queue.queue_page(group, resolved=tab == "resolved", page=page_argument(),
                                   total=open_total if tab == "open" else None, records=records)
    if page is None:
        abort(404)
    return render_template("moderation/queue.html", group=group, page=page, tab=tab, records=records,
                           open_total=open_total, day_choices=SUSPENSION_DAYS, action_labels=ACTION_LABELS)


@bp.route("/g/<slug>/moderation/<int:post_id>", methods=["GET", "POST"])
@login_required
def case(slug, post_id):
    group = _moderated_group_or_404(slug)
    post = _post_in_group_or_404(group, post_id)
    form = DecisionForm()
    status = 200
    findings = None
    if request.method == "POST":
        if form.validate_on_submit():
            action = form.action.data
            try:
                privacy_decisions.decide(
                    current_user, post, action, form.reason.data,
                    days=int(form.days.data) if form.days.data else None, expected_case_id=form.expected_case(),
                    body=form.body.data or "", confirmed=bool(form.confirm_no_phi.data),
                    patient_privacy=bool(form.patient_privacy.data),
                    title=form.title.data if post.number == 1 else None)
                db.session.commit()
            except FindingsRemain as error:
                db.session.rollback()
                _field_error(form, error)
                findings = error.findings
            except NotAllowed as error:
                db.session.rollback()
                abort(403, description=str(error))
            except AlreadyDecided as error:
                db.session.rollback()
                _record_refusal(post, action, form.reason.data, str(error))
                flash(str(error), "warning")
                return redirect(safe_next_url_or(url_for("moderation.queue", slug=group.slug)))
            except ModerationError as error:
                db.session.rollback()
                _field_error(form, error)
            else:
                flash(str(DECISION_MESSAGES.get(action, "")), "success")
                return redirect(safe_next_url_or(url_for("moderation.queue", slug=group.slug)))
        status = 422
    cases = review_queue.cases_for_post(post.id)
    open_case = next((c for c in cases if c.is_open), None)
    if open_case is not None and not form.case_id.data:
        form.case_id.data = str(open_case.id)
    records = review_queue.author_records({(group.id, post.author_id)})
    # The form offers the decisions the policy allows on this case (the chosen one was validated above).
    offered = policy.actions_for(current_user, open_case) if open_case is not None else frozenset()
    form.action.choices = [(value, label) for value, label in form.action.choices if value in offered]
    if request.method == "GET" and not form.body.data:
        form.body.data = post.body_source
    if request.method == "GET" and post.number == 1 and not form.title.data:
        form.title.data = post.topic.title
    if request.method == "GET" and open_case is not None and open_case.has_privacy_report:
        form.patient_privacy.data = True
    return render_template("moderation/case.html", group=group, post=post, topic=post.topic, cases=cases,
                           open_case=open_case, offered=offered, form=form, records=records, tool_form=PostToolForm(),
                           redact_findings=findings), status


DECISION_MESSAGES = {
    "dismiss": _l("Case dismissed. The reporters were told that the post is within the guidelines."),
    "hide": _l("The post is hidden. Its author and the reporters were told."),
    "restore": _l("The post is restored and the case closed."),
    "delete": _l("The post is deleted. Its author and the reporters were told."),
    "warn": _l("The author was warned and the case closed."),
    "suspend": _l("The author is suspended from the group and the case closed."),
    "ban": _l("The author is banned from the group and the case closed."),
    "escalate": _l("The case was escalated to the admins."),
    "release": _l("The post is published. Its author was told."),
    "redact": _l("The patient data is removed from the post and every copy of it. A privacy incident is open."),
}


def safe_next_url_or(default: str) -> str:
    if request.values.get("next"):
        return safe_next_url()
    return default


def _record_refusal(post: Post, action: str, reason: str, why: str) -> None:
    """A refused decision (someone else was first) is logged too, in its own transaction."""
    audit.record(current_user, "moderation:case:refused", target_type="post", target_id=post.id,
                 target_label=audit.topic_label(post.topic), subject_user=post.author, group_id=post.topic.group_id,
                 reason=(reason or "").strip(), details={"attempted": action, "why": why})
    db.session.commit()


@bp.route("/posts/<int:post_id>/moderate", methods=["POST"])
@login_required
def post_tool(post_id):
    post = db.session.get(Post, post_id)
    if post is None:
        abort(404)
    group = _moderated_group_or_404(post.topic.group.slug)
    form = PostToolForm()
    if not form.validate_on_submit():
        _flash_form_errors(form)
        return redirect(url_for("moderation.case", slug=group.slug, post_id=post.id))
    try:
        case_services.moderate_post(current_user, post, form.action.data, form.reason.data)
        db.session.commit()
    except NotAllowed as error:
        db.session.rollback()
        abort(403, description=str(error))
    except ModerationError as error:
        db.session.rollback()
        flash(str(error), "warning")
        return redirect(url_for("moderation.case", slug=group.slug, post_id=post.id))
    flash(_("The post is hidden.") if form.action.data == "hide" else _("The post is restored."), "success")
    return redirect(post_link(post))


def _topic_tool(slug: str, topic_id: int, tool: str):
    group = _moderated_group_or_404(slug)
    topic = db.session.get(Topic, topic_id)
    if topic is None or topic.group_id != group.id:
        abort(404)
    form = TopicToolForm()
    back = url_for("posts.topic", slug=group.slug, topic_id=topic.id)
    if not form.validate_on_submit():
        _flash_form_errors(form)
        return redirect(back)
    try:
        case_services.set_topic_flag(current_user, topic, tool, form.reason.data or "")
        db.session.commit()
    except NotAllowed as error:
        db.session.rollback()
        abort(403, description=str(error))
    except ModerationError as error:
        db.session.rollback()
        flash(str(error), "warning")
        return redirect(back)
    flash({"lock": _("The topic is locked: no new replies."), "unlock": _("The topic is open for replies again."),
           "pin": _("The topic is pinned to the top of the group."),
           "unpin": _("The topic is no longer pinned.")}[tool], "success")
    return redirect(back)


@bp.route("/g/<slug>/t/<int:topic_id>/lock", methods=["POST"])
@login_required
def lock_topic(slug, topic_id):
    return _topic_tool(slug, topic_id, "lock")


@bp.route("/g/<slug>/t/<int:topic_id>/unlock", methods=["POST"])
@login_required
def unlock_topic(slug, topic_id):
    return _topic_tool(slug, topic_id, "unlock")


@bp.route("/g/<slug>/t/<int:topic_id>/pin", methods=["POST"])
@login_required
def pin_topic(slug, topic_id):
    return _topic_tool(slug, topic_id, "pin")


@bp.route("/g/<slug>/t/<int:topic_id>/unpin", methods=["POST"])
@login_required
def unpin_topic(slug, topic_id):
    return _topic_tool(slug, topic_id, "unpin")


@bp.route("/admin/moderation")
@login_required
def admin_queue():
    _verified_or_404()
    policy.ensure(current_user, "instance.admin", message=_("The escalated cases are for admins."))
    page = review_queue.queue_page(None, escalated_only=True, page=page_argument())
    if page is None:
        abort(404)
    records = review_queue.author_records({(case.group_id, case.post_author_id) for case in page.items})
    return render_template("moderation/admin_queue.html", page=page, records=records, appeals=appeal_services.open_appeals(),
                           day_choices=SUSPENSION_DAYS, action_labels=ACTION_LABELS)


# --------------------------------------------------------------------------------------------
# The log
# --------------------------------------------------------------------------------------------

def _log_filter(form: LogFilterForm, actions: list[str], groups: list[Group] | None = None):
    form.action.choices = [("", _("All actions"))] + [(action, action_label(action)) for action in actions]
    if groups is not None:
        form.group.choices = [("", _("All groups"))] + [(str(group.id), group.name) for group in groups]
    log_filter = audit.LogFilter()
    if form.validate():
        group_id = form.group.data if groups is not None else ""
        log_filter = audit.LogFilter(action=(form.action.data or "").strip()[:64],
                                        actor=(form.actor.data or "").strip(),
                                        date_from=form.date_from.data, date_to=form.date_to.data,
                                        group_id=positive_int(group_id))
        return log_filter, 200
    return log_filter, 400


def _filter_args(form: LogFilterForm) -> dict:
    return {key: value for key, value in request.args.items() if key not in ("page", "after", "before") and value}


def _describer(entries):
    """The log stores topics by id (never a title); each page shows the titles as they are now, to a viewer
    who may see the topic, so a redacted title reads redacted and a title nobody may see is not shown."""
    post_ids = {e.target_id for e in entries if e.target_type == "post" and e.target_id}
    topic_of = dict(db.session.execute(select(Post.id, Post.topic_id).where(Post.id.in_(post_ids))).all()) \
        if post_ids else {}
    topic_ids = set(topic_of.values()) | {e.target_id for e in entries if e.target_type == "topic" and e.target_id}
    topics = {topic.id: topic for topic in db.session.scalars(
        select(Topic).where(Topic.id.in_(topic_ids)).options(selectinload(Topic.group)))} if topic_ids else {}
    visible = {topic_id: topic.title for topic_id, topic in topics.items()
               if policy.can_moderate(current_user, topic.group)
               or (policy.can_read_group(current_user, topic.group) and policy.can_see_topic(current_user, topic))}
    titles = {}
    for entry in entries:
        topic_id = topic_of.get(entry.target_id) if entry.target_type == "post" else (
            entry.target_id if entry.target_type == "topic" else None)
        if topic_id in visible:
            titles[entry.id] = visible[topic_id]

    def describe(entry) -> str:
        return describe_entry(entry, titles.get(entry.id))

    return describe


@bp.route("/g/<slug>/moderation/log")
@login_required
def group_log(slug):
    group = _moderated_group_or_404(slug)
    form = LogFilterForm(formdata=request.args)
    log_filter, status = _log_filter(form, audit.log_actions(group))
    page = audit.log_page(log_filter, page_argument() if "page" in request.args else None, group=group,
                          after=request.args.get("after"), before=request.args.get("before"))
    if page is None:
        abort(404)
    return render_template("moderation/log.html", group=group, form=form, page=page, filters=_filter_args(form),
                           endpoint="moderation.group_log", describe=_describer(page.items)), status


@bp.route("/admin/log")
@login_required
def admin_log():
    _verified_or_404()
    policy.ensure(current_user, "instance.global_log", message=_("The instance's moderation log is for admins."))
    form = LogFilterForm(formdata=request.args)
    groups = list(db.session.scalars(select(Group).order_by(Group.name)))
    log_filter, status = _log_filter(form, audit.log_actions(), groups)
    page = audit.log_page(log_filter, page_argument() if "page" in request.args else None,
                          after=request.args.get("after"), before=request.args.get("before"))
    if page is None:
        abort(404)
    return render_template("moderation/log.html", group=None, form=form, page=page, filters=_filter_args(form),
                           endpoint="moderation.admin_log", group_names={g.id: g.name for g in groups},
                           describe=_describer(page.items)), status


@bp.route("/admin/log.csv")
@login_required
def admin_log_csv():
    _verified_or_404()
    policy.ensure(current_user, "instance.global_log", message=_("The instance's moderation log is for admins."))
    form = LogFilterForm(formdata=request.args)
    groups = list(db.session.scalars(select(Group).order_by(Group.name)))
    log_filter, status = _log_filter(form, audit.log_actions(), groups)
    if status != 200:
        _flash_form_errors(form)
        return redirect(url_for("moderation.admin_log", **_filter_args(form)))
    response = Response(stream_with_context(audit.log_csv_rows(log_filter, dict(db.session.execute(select(Group.id, Group.slug)).all()))), mimetype="text/csv")
    response.headers["Content-Disposition"] = "attachment; filename=konsil-moderation-log.csv"
    return response


# --------------------------------------------------------------------------------------------
# Group management
# --------------------------------------------------------------------------------------------

@bp.route("/g/<slug>/members")
@login_required
def members(slug):
    group = _moderated_group_or_404(slug)
    rows = management.member_rows(group)
    return render_template("moderation/members.html", group=group, rows=rows,
                           policy_form=InvitePolicyForm(invite_policy=group.invite_policy),
                           guard_form=GuardPolicyForm(guard_policy=group.guard_policy),
                           day_choices=SUSPENSION_DAYS, status=MembershipStatus)


def _membership_or_404(group: Group, member_id: int) -> Membership:
    membership = management.membership_by_user(group, member_id)
    if membership is None:
        abort(404)
    return membership


def _members_page(group: Group):
    return redirect(url_for("moderation.members", slug=group.slug))


def _run(group: Group, action, success: str):
    try:
        action()
        db.session.commit()
    except NotAllowed as error:
        db.session.rollback()
        abort(403, description=str(error))
    except ModerationError as error:
        db.session.rollback()
        flash(str(error), "warning")
    else:
        flash(success, "success")
    return _members_page(group)


@bp.route("/g/<slug>/members/<int:member_id>/role", methods=["POST"])
@login_required
def member_role(slug, member_id):
    group = visible_group_or_404(slug)
    policy.ensure(current_user, "group.manage", group,
                  message=_("Only the group's owner or an admin appoints and demotes moderators."))
    membership = _membership_or_404(group, member_id)
    form = RoleForm()
    if not form.validate_on_submit():
        return _members_with_errors(group, form, member_id)
    name = membership.user.display_name
    return _run(group, lambda: management.set_role(current_user, group, membership, form.role.data),
                {Role.MODERATOR.value: lambda: _("%(name)s is now a moderator.", name=name),
                 Role.MEMBER.value: lambda: _("%(name)s is now a member.", name=name)}[form.role.data]())


@bp.route("/g/<slug>/members/<int:member_id>/status", methods=["POST"])
@login_required
def member_status(slug, member_id):
    group = _moderated_group_or_404(slug)
    membership = _membership_or_404(group, member_id)
    form = MemberStatusForm()
    if not form.validate_on_submit():
        return _members_with_errors(group, form, member_id)
    user = membership.user
    days = int(form.days.data) if form.days.data else None
    name = user.display_name
    messages = {"warn": lambda: _("%(name)s was warned.", name=name),
                "suspend": lambda: ngettext("%(name)s is suspended for %(num)d day.",
                                            "%(name)s is suspended for %(num)d days.", days or 0, name=name),
                "ban": lambda: _("%(name)s is banned from the group.", name=name),
                "reinstate": lambda: _("%(name)s can take part again.", name=name)}
    return _run(group, lambda: sanctions.sanction_member(current_user, group, user, membership, form.action.data,
                                                        form.reason.data, days=days), messages[form.action.data]())


def _members_with_errors(group: Group, form, member_id: int | None):
    """The members page again, with the failed form's messages and typed text next to its member."""
    return render_template("moderation/members.html", group=group, rows=management.member_rows(group),
                           policy_form=InvitePolicyForm(invite_policy=group.invite_policy),
                           guard_form=GuardPolicyForm(guard_policy=group.guard_policy),
                           day_choices=SUSPENSION_DAYS, status=MembershipStatus, error_form=form,
                           error_member=member_id), 422


@bp.route("/g/<slug>/members/<int:member_id>/remove", methods=["POST"])
@login_required
def member_remove(slug, member_id):
    group = _moderated_group_or_404(slug)
    membership = _membership_or_404(group, member_id)
    form = RemoveMemberForm()
    if not form.validate_on_submit():
        return _members_with_errors(group, form, member_id)
    name = membership.user.display_name
    return _run(group, lambda: management.remove_member(current_user, group, membership, form.reason.data),
                _("%(name)s was removed from the group.", name=name))


@bp.route("/g/<slug>/invite-policy", methods=["POST"])
@login_required
def invite_policy(slug):
    group = _moderated_group_or_404(slug)
    form = InvitePolicyForm()
    if not form.validate_on_submit():
        return _members_with_errors(group, form, None)
    return _run(group, lambda: management.set_invite_policy(current_user, group, form.invite_policy.data),
                _("Invitation policy saved."))


@bp.route("/g/<slug>/guard-policy", methods=["POST"])
@login_required
def guard_policy(slug):
    group = _moderated_group_or_404(slug)
    form = GuardPolicyForm()
    if not form.validate_on_submit():
        return _members_with_errors(group, form, None)
    return _run(group, lambda: holds.set_guard_policy(current_user, group, form.guard_policy.data),
                _("Setting saved: posts published past the patient-data guard are held for review.")
                if form.guard_policy.data == holds.HOLD
                else _("Setting saved: posts published past the patient-data guard are published and queued."))


@bp.route("/g/<slug>/guidelines/edit", methods=["GET", "POST"])
@login_required
def edit_guidelines(slug):
    group = _moderated_group_or_404(slug)
    form = GuidelinesForm()
    if request.method == "GET":
        form.guidelines.data = group.guidelines_source
    elif form.validate_on_submit():
        try:
            changed = management.edit_guidelines(current_user, group, form.guidelines.data)
            db.session.commit()
        except NotAllowed as error:
            db.session.rollback()
            abort(403, description=str(error))
        except (ModerationError, GroupError) as error:
            db.session.rollback()
            _field_error(form, error)
        else:
            flash(_("Version %(version)s of the guidelines is published; members accept it before reading on.",
                    version=group.guidelines_version) if changed else _("The guidelines are unchanged."), "success" if changed else "info")
            return redirect(url_for("groups.guidelines", slug=group.slug))
    return render_template("moderation/guidelines_edit.html", group=group, form=form), (
        422 if request.method == "POST" else 200)


# --------------------------------------------------------------------------------------------
# Appeals
# --------------------------------------------------------------------------------------------

@bp.route("/appeals")
@login_required
def appeals():
    _verified_or_404()
    decisions = appeal_services.appealable_decisions(current_user)
    group_names = dict(db.session.execute(select(Group.id, Group.name).where(
        Group.id.in_({entry.group_id for entry in decisions if entry.group_id}))).all()) if decisions else {}
    return render_template("moderation/appeals.html", decisions=decisions, mine=appeal_services.appeals_of(current_user),
                           group_names=group_names, labels=appeal_services.APPEAL_LABELS)


@bp.route("/appeals/new", methods=["GET", "POST"])
@login_required
def new_appeal():
    _verified_or_404()
    raw = request.values.get("decision", "")
    if not raw:
        return redirect(url_for("moderation.appeals"))
    entry = appeal_services.decision_for_appeal(current_user, positive_int(raw))
    if entry is None:
        abort(404)
    group = db.session.get(Group, entry.group_id) if entry.group_id else None
    problem = appeal_services.appeal_problem(entry)
    form = AppealForm(decision=entry.id)
    status = 200
    if request.method == "POST" and problem is None:
        if form.validate_on_submit():
            try:
                appeal_services.file_appeal(current_user, entry, form.statement.data)
                db.session.commit()
            except NotAllowed as error:
                db.session.rollback()
                abort(403, description=str(error))
            except ModerationError as error:
                db.session.rollback()
                _field_error(form, error)
            else:
                flash(_("Your appeal was sent. A moderator who did not make the decision, or an admin, will decide it; "
                      "you will be notified."), "success")
                return redirect(url_for("moderation.appeals"))
        status = 422
    elif request.method == "POST":
        status = 409
    return render_template("moderation/appeal_new.html", entry=entry, group=group, form=form, problem=problem,
                           label=appeal_services.APPEAL_LABELS[entry.action],
                           deadline=appeal_services.appeal_deadline(entry)), status


def _appeal_or_404(appeal_id: int) -> Appeal:
    appeal = db.session.get(Appeal, appeal_id)
    if appeal is None:
        abort(404)
    policy.ensure(current_user, "group.see", appeal.group)
    return appeal


@bp.route("/g/<slug>/moderation/appeals")
@login_required
def group_appeals(slug):
    group = _moderated_group_or_404(slug)
    return render_template("moderation/group_appeals.html", group=group, open=appeal_services.open_appeals(group),
                           decided=appeal_services.open_appeals(group, decided=True), labels=appeal_services.APPEAL_LABELS,
                           form=AppealDecisionForm(formdata=None), error_appeal=None)


@bp.route("/appeals/<int:appeal_id>/decide", methods=["POST"])
@login_required
def decide_appeal(appeal_id):
    appeal = _appeal_or_404(appeal_id)
    group = _moderated_group_or_404(appeal.group.slug)
    policy.ensure(current_user, "appeal.decide", appeal,
                  message=_("You made the original decision (or filed the appeal); another moderator or an "
                            "admin decides it."))
    form = AppealDecisionForm()
    if form.validate_on_submit():
        try:
            appeal_services.decide_appeal(current_user, appeal, form.decision.data == "grant", form.reason.data)
            db.session.commit()
        except NotAllowed as error:
            db.session.rollback()
            abort(403, description=str(error))
        except AlreadyDecided as error:
            db.session.rollback()
            flash(str(error), "warning")
            return redirect(url_for("moderation.group_appeals", slug=group.slug))
        except ModerationError as error:
            db.session.rollback()
            _field_error(form, error)
        else:
            flash(_("The appeal is decided and the member was told."), "success")
            return redirect(url_for("moderation.group_appeals", slug=group.slug))
    return render_template("moderation/group_appeals.html", group=group, open=appeal_services.open_appeals(group),
                           decided=appeal_services.open_appeals(group, decided=True), labels=appeal_services.APPEAL_LABELS,
                           form=form, error_appeal=appeal.id), 422


# --------------------------------------------------------------------------------------------
# Muting
# --------------------------------------------------------------------------------------------

def _visible_user_or_404(username: str) -> User:
    _verified_or_404()
    user = db.session.scalar(select(User).where(User.username == username))
    if user is None or user.is_deleted:
        abort(404)
    policy.ensure(current_user, "user.see_profile", user)
    return user


@bp.route("/u/<username>/mute", methods=["POST"])
@login_required
def mute(username):
    other = _visible_user_or_404(username)
    if EmptyForm().validate_on_submit():
        try:
            mutes.mute(current_user, other)
            db.session.commit()
        except ModerationError as error:
            db.session.rollback()
            flash(str(error), "warning")
        else:
            flash(_("You muted %(name)s: their posts are collapsed for you and their replies and mentions "
                    "no longer notify you. They are not told.", name=other.display_name), "success")
    return redirect(url_for("main.profile", username=other.username))


@bp.route("/u/<username>/unmute", methods=["POST"])
@login_required
def unmute(username):
    other = _visible_user_or_404(username)
    if EmptyForm().validate_on_submit():
        mutes.unmute(current_user, other)
        db.session.commit()
        flash(_("You no longer mute %(name)s.", name=other.display_name), "success")
    return redirect(url_for("main.profile", username=other.username))


# --------------------------------------------------------------------------------------------
# Template helpers for the hooks in other features' pages
# --------------------------------------------------------------------------------------------

class _Helpers:
    reasons = REASON_LABELS
    suspension_days = SUSPENSION_DAYS

    @staticmethod
    def now():
        return utcnow()

    @staticmethod
    def reported(post) -> bool:
        return post.id in reports.reported_post_ids(current_user, post.topic_id)

    @staticmethod
    def open_reports(post) -> int:
        return reports.open_cases_in_topic(post.topic_id).get(post.id, 0)

    @staticmethod
    def is_muted(user_id) -> bool:
        if not user_id or not current_user.is_authenticated or user_id == current_user.id:
            return False
        return user_id in mutes.cached_muted_ids(current_user)

    @staticmethod
    def review_summary():
        if not current_user.is_authenticated or not policy.is_verified(current_user):
            return False, 0
        return request_cache.cached("_review_summary", lambda: review_queue.review_summary(current_user))

    @staticmethod
    def open_count(group) -> int:
        return request_cache.cached(f"_open_count_{group.id}",
                                lambda: review_queue.open_counts_by_group([group.id]).get(group.id, 0))

    @staticmethod
    def trail(profile):
        return trail.invitation_trail(current_user, profile)

    @staticmethod
    def muted_users():
        return mutes.muted_users(current_user)


HELPERS = _Helpers()


@bp.app_context_processor
def _moderation_helpers():
    return {"moderation": HELPERS}
