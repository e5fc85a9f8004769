"""Reports: a member reports a post, reports gather in one open case per post, and enough of them
(or one patient-privacy report) hide the post until a moderator reviews it."""
from __future__ import annotations

from sqlalchemy import exists, func, select, update
from sqlalchemy.exc import IntegrityError

from .. import audit, policy
from ..accounts.models import User
from ..db_types import utcnow
from ..extensions import db
from ..notifications.services import notify
from ..posts.models import Post
from ..posts.services import post_link
from ..urls import link_to
from .common import DuplicateReport, ModerationError, NotAllowed, cached, excerpt, set_hidden, setting, staff_ids
from .models import CaseState, ModerationCase, Report, ReportReason
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from ..i18n import for_user


def open_case_for(post_id: int) -> ModerationCase | None:
    return db.session.scalar(select(ModerationCase).where(ModerationCase.post_id == post_id,
                                                          ModerationCase.state == CaseState.OPEN))


def has_open_report(reporter_id: int, post_id: int) -> bool:
    return bool(db.session.scalar(select(exists().where(
        Report.post_id == post_id, Report.reporter_id == reporter_id, Report.state == CaseState.OPEN))))


def claim_open_case(post: Post, *, privacy: bool) -> ModerationCase:
    """The post's open case with this report counted in, or a new one.

    The counting UPDATE holds the case row until commit, so a moderator deciding the case at the
    same moment either sees this report or this report lands in a fresh case -- never in a case
    that was closed without it."""
    now = utcnow()
    for _attempt in range(3):
        case_id = db.session.scalar(select(ModerationCase.id).where(ModerationCase.post_id == post.id,
                                                                    ModerationCase.state == CaseState.OPEN))
        if case_id is not None:
            values = {"report_count": ModerationCase.report_count + 1, "last_reported_at": now}
            if privacy:
                values["has_privacy_report"] = True
            result = db.session.execute(
                update(ModerationCase).where(ModerationCase.id == case_id, ModerationCase.state == CaseState.OPEN)
                .values(**values).execution_options(synchronize_session=False))
            if result.rowcount == 1:
                case = db.session.get(ModerationCase, case_id)
                db.session.refresh(case)
                return case
            continue  # decided in the meantime: this report opens a new case
        topic = post.topic
        case = ModerationCase(
            post_id=post.id, group_id=topic.group_id, topic_id=topic.id, state=CaseState.OPEN,
            post_author_id=post.author_id, post_author_name=post.author.public_name if post.author else "former member",
            topic_title=topic.title[:200], post_number=post.number, post_excerpt=excerpt(post.body_source),
            report_count=1, has_privacy_report=privacy, created_at=now, last_reported_at=now,
        )
        try:
            with db.session.begin_nested():
                db.session.add(case)
                db.session.flush()
        except IntegrityError:
            continue  # another report opened the case at the same moment
        return case
    raise ModerationError(_("This post is being reviewed right now. Please try again in a moment."))


def file_report(reporter: User, post: Post, *, reason: str, details: str = "") -> Report:
    """A member reports a post; enough reports, or one patient-privacy report, hide it for review."""
    group = post.topic.group
    if post.author_id == reporter.id:
        raise NotAllowed(_("You cannot report your own post. You can edit or delete it instead."))
    if policy.is_suspended_in(reporter, group):
        raise NotAllowed(_("You are suspended in this group and cannot report posts until the suspension ends."))
    if post.deleted_at is not None:
        raise ModerationError(_("This post was deleted; there is nothing left to report."))
    if post.hidden and not policy.can_see_hidden_post(reporter, post):
        raise ModerationError(_("Moderators already hid this post while they review it."))
    if not policy.can_report_post(reporter, post):
        raise NotAllowed(_("You cannot report posts in this group."))
    try:
        reason = ReportReason(reason)
    except ValueError:
        raise ModerationError(_("Choose why you are reporting this post."), "reason") from None
    details = (details or "").strip()
    if len(details) > 2000:
        raise ModerationError(_("Keep the details under 2,000 characters."), "details")
    if reason == ReportReason.OTHER and not details:
        raise ModerationError(_("Please say briefly what is wrong with this post."), "details")
    if has_open_report(reporter.id, post.id):
        raise DuplicateReport(_("You already reported this post. Moderators will review it."))
    case = claim_open_case(post, privacy=reason == ReportReason.PATIENT_PRIVACY)
    report = Report(case_id=case.id, post_id=post.id, group_id=group.id, reporter_id=reporter.id, reason=reason,
                    details=details, state=CaseState.OPEN)
    try:
        with db.session.begin_nested():
            db.session.add(report)
            db.session.flush()
    except IntegrityError:
        raise DuplicateReport(_("You already reported this post. Moderators will review it.")) from None
    _protect_automatically(reporter, post, case, reason)
    return report


def _protect_automatically(reporter: User, post: Post, case: ModerationCase, reason: str) -> None:
    if post.hidden:
        return
    if reason == ReportReason.PATIENT_PRIVACY and policy.is_verified(reporter):
        _auto_hide(post, case, "patient_privacy")
        return
    reporters = db.session.scalar(select(func.count(func.distinct(Report.reporter_id))).where(
        Report.case_id == case.id, Report.state == CaseState.OPEN, Report.reporter_id.is_not(None)))
    if reporters >= int(setting("REPORT_AUTO_HIDE_THRESHOLD", 3)):
        _auto_hide(post, case, "reports")


def _auto_hide(post: Post, case: ModerationCase, why: str) -> None:
    if not set_hidden(post, True, why):
        return
    topic = post.topic
    text = (_l("after a patient-privacy report") if why == "patient_privacy"
            else _l("after reports from %(num)s members", num=setting('REPORT_AUTO_HIDE_THRESHOLD', 3)))
    audit.record(None, "moderation:post:auto_hide", target_type="post", target_id=post.id,
                 target_label=audit.topic_label(topic), subject_user=post.author, group_id=topic.group_id,
                 reason=for_user(None, _l("Hidden automatically %(why)s, until a moderator reviews it.", why=text)),
                 details={"case": case.id, "trigger": why})
    queue = link_to("moderation.case", slug=topic.group.slug, post_id=post.id)
    trigger = "privacy" if why == "patient_privacy" else "reports"
    count = {"count": int(setting("REPORT_AUTO_HIDE_THRESHOLD", 3))}
    for staff_id in staff_ids(topic.group):
        if staff_id != post.author_id:
            notify(staff_id, "moderation", f"post.auto_hidden_{trigger}", topic=topic, params=count, link=queue)
    if post.author_id:
        notify(post.author_id, "moderation", f"post.yours_auto_hidden_{trigger}", topic=topic, params=count,
               link=post_link(post))


def file_automatic_privacy_report(author: User, post: Post) -> Report | None:
    """The author published past the patient-data guard's findings: the post joins the queue as an
    automatic patient_privacy report. It is not hidden: the author confirmed explicitly, and a
    moderator decides."""
    existing = db.session.scalar(select(Report).where(Report.post_id == post.id, Report.automatic.is_(True),
                                                      Report.state == CaseState.OPEN))
    if existing is not None:
        return existing
    types = sorted({finding.get("type", "") for finding in (post.phi_findings or []) if finding.get("type")})
    case = claim_open_case(post, privacy=True)
    details = "Published past the patient-data guard's findings"
    details += f" ({', '.join(types)})." if types else "."
    report = Report(case_id=case.id, post_id=post.id, group_id=case.group_id, reporter_id=None, automatic=True,
                    reason=ReportReason.PATIENT_PRIVACY, details=details, state=CaseState.OPEN)
    db.session.add(report)
    db.session.flush()
    return report


def reported_post_ids(user: User, topic_id: int) -> set[int]:
    return cached(f"_reported_{topic_id}", lambda: set(db.session.scalars(
        select(Report.post_id).join(Post, Post.id == Report.post_id)
        .where(Report.reporter_id == user.id, Report.state == CaseState.OPEN, Post.topic_id == topic_id))))


def open_cases_in_topic(topic_id: int) -> dict[int, int]:
    """post id -> number of open reports, for the posts of one topic."""
    return cached(f"_open_cases_{topic_id}", lambda: dict(db.session.execute(
        select(ModerationCase.post_id, ModerationCase.report_count)
        .where(ModerationCase.topic_id == topic_id, ModerationCase.state == CaseState.OPEN)).all()))


def file_automatic_privacy_report_on_signal(sender, author: User, post: Post, **extra) -> None:
    """A post published past the guard's findings files a patient-privacy case and, where the group
    holds such posts (the default), is held until a moderator decides."""
    from .holds import hold

    report = file_automatic_privacy_report(author, post)
    hold(author, post, report.case if report is not None else None)
