from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import contains_eager

from .. import policy
from ..core import signals
from ..core.errors import add_field_error
from ..database import is_transient
from ..extensions import db
from ..forms import EmptyForm
from ..groups.access import ensure_readable, readable_group_or_404
from ..groups.models import Group
from ..markup import MarkupTooComplex
from ..participation import reading
from ..uploads.posting import images_for, prefill, with_images
from ..web import STORAGE_BUSY_MESSAGE, new_form_token, page_argument
from ..incidents.services import record_reads
from ..primer.services import needs_primer
from . import fragments, mentions
from .diffs import changes
from .quoting import quote_heading, quote_markdown
from .forms import EditForm, PreviewForm, ReplyForm, TopicForm
from .models import Post, Topic
from .services import (DuplicateSubmission, earlier_texts, PostingError, check_submission, create_topic, delete_post, edit_post,
                       page_of, post_link, post_page, posts_per_page, reply,
                       revisions_of)
from ..i18n.guard_texts import localised_findings

bp = Blueprint("posts", __name__)


# Posting, editing and preview limits (per user and per address) are applied in forum/rate_limits.py.


def _topic_or_404(slug: str, topic_id: int) -> Topic:
    """The topic with its group, in one statement; a group the reader may not see answers as if the topic
    were not there (as readable_group_or_404 does)."""
    row = db.session.execute(select(Topic, reading.last_read_column(current_user, Topic.id))
                             .join(Topic.group).options(contains_eager(Topic.group))
                             .where(Topic.id == topic_id, Group.slug == slug)).first()
    if row is None:
        readable_group_or_404(slug)  # 404 for a group that is not there or not visible, guidelines first
        abort(404)
    topic = row[0]
    reading.remember_last_read(topic, row[1])
    ensure_readable(topic.group)
    policy.ensure(current_user, "topic.see", topic)
    return topic


def _post_or_404(post_id: int) -> Post:
    post = db.session.get(Post, post_id)
    if post is None:
        abort(404)
    readable_group_or_404(post.topic.group.slug)  # a group the reader may not read answers 404
    # As for the topic page: a held topic or post is not there for other members.
    policy.ensure(current_user, "topic.see", post.topic)
    policy.ensure(current_user, "post.see", post)
    return post


def _primer_missing(form) -> bool:
    """The first post waits for the patient-data primer; the typed text comes back with a link to it."""
    if not needs_primer(current_user):
        return False
    _add_error(form.body, _("Before your first post, please read the short patient-data primer at %(url)s and "
                            "confirm it; your text is kept here.", url=url_for("primer.show")))
    return True


def _held_message(post: Post) -> str:
    if not post.is_held:
        return ""
    return _("Your post is waiting for a moderator: it was published past the patient-data guard's findings, "
             "so only you and the group's moderators see it until they review it.")


_add_error = add_field_error


def _storage_failed(form, error: OperationalError) -> None:
    """The database was busy or unreachable: nothing was written; the form comes back with the text."""
    db.session.rollback()
    if not is_transient(error):
        raise error
    _add_error(form.body, STORAGE_BUSY_MESSAGE)


def _publish(form, write):
    """Write and commit one post. Returns (post, status): the post, or None and the status with
    which the form comes back (with the author's text and a message). A double submit that lost
    the race returns the post the first submission created."""
    try:
        post = write()
        db.session.commit()
        return post, 302
    except PostingError as error:
        db.session.rollback()
        _add_error(form.body, str(error))
        return None, 422
    except OperationalError as error:
        _storage_failed(form, error)
        return None, 503
    except DuplicateSubmission:
        db.session.rollback()
        return db.session.scalar(select(Post).where(Post.submission_id == form.submission_id.data,
                                                    Post.author_id == current_user.id)), 302


@bp.route("/g/<slug>/new", methods=["GET", "POST"])
@login_required
def new_topic(slug):
    group = readable_group_or_404(slug)
    policy.ensure(current_user, "group.post", group)
    if request.method == "GET" and needs_primer(current_user):
        return redirect(url_for("primer.show", next=request.path))
    form = TopicForm()
    guard = None
    status = 422 if request.method == "POST" else 200
    if form.validate_on_submit() and not _primer_missing(form):
        guard = check_submission(form.body.data, form.title.data)
        images = images_for(current_user, group, form)
        if images is not None and (not guard.found or form.confirm_no_phi.data):
            post, status = _publish(form, lambda: with_images(current_user, create_topic(
                current_user, group, title=form.title.data, body=form.body.data, guard=guard,
                submission_id=form.submission_id.data), form, images))
            if post is not None:
                flash(_held_message(post) or _("Your topic is published."), "success")
                _flash_unreached(group, form.body.data)
                return redirect(url_for("posts.topic", slug=group.slug, topic_id=post.topic_id))
    if not form.submission_id.data:
        form.submission_id.data = new_form_token()
    return render_template("posts/new_topic.html", group=group, form=form, guard=guard), status


@bp.route("/g/<slug>/t/<int:topic_id>")
@login_required
def topic(slug, topic_id):
    topic = _topic_or_404(slug, topic_id)
    quoted = _quotable(request.args.get("quote"), topic)
    if "page" not in request.args and quoted is None and (opening := reading.opening_link(current_user, topic)):
        return redirect(opening)  # the page of the first unread post
    page = post_page(topic, page_argument(), posts_per_page())
    if page is None:
        abort(404)
    # This GET also writes, on purpose: it records which members had a post under patient-privacy review
    # in front of them, so that a privacy incident can say who opened it.
    shown = [post for post in page.items if not post.hidden or policy.can_see_hidden_post(current_user, post)]
    reading.first_unread(current_user, topic)  # read (and kept for the page) before this page moves the mark
    recorded = record_reads(current_user, shown)
    if reading.record_page_read(current_user, topic, page) or recorded:  # the read mark: a write only when it moves
        db.session.commit()
    form = ReplyForm()
    form.submission_id.data = new_form_token()
    if quoted is not None:  # "Quote" without JavaScript: the reply form comes prefilled
        form.body.data = quote_markdown(quoted)
    return _topic_page(topic, page, form, guard=None, needs_primer=needs_primer(current_user))


def _topic_page(topic: Topic, page, form, **context):
    """The topic page: the viewer's controls decided once for the page, the post list from the cache when
    another reader had exactly the same (forum/posts/fragments.py)."""
    actions = policy.topic_page_actions(current_user, topic, page.items)
    post_list = fragments.post_list(topic, page, actions, generate_csrf())
    return render_template("posts/topic.html", group=topic.group, topic=topic, page=page, form=form,
                           action_form=EmptyForm(), actions=actions, post_list=post_list, **context)


def _quotable(post_id: str | None, topic: Topic) -> Post | None:
    """The post `?quote=` names, if it is in this topic and the reader may quote it; otherwise none
    (the page says nothing about posts the reader cannot see)."""
    if not post_id or not post_id.isdigit() or len(post_id) > 12:
        return None
    post = db.session.get(Post, int(post_id))
    if post is None or post.topic_id != topic.id or not policy.can(current_user, "post.quote", post):
        return None
    return post


@bp.route("/posts/<int:post_id>/quote")
@login_required
def quote(post_id):
    """The post as a markdown quote for the reply composer: JSON for the page's script, otherwise the topic
    page with the reply form prefilled."""
    post = _post_or_404(post_id)
    policy.ensure(current_user, "post.quote", post)
    if request.accept_mimetypes.best == "application/json":
        response = jsonify(markdown=quote_markdown(post), heading=quote_heading(post))
        response.headers["Cache-Control"] = "private, no-store"
        return response
    page = page_of(post.number)
    return redirect(url_for("posts.topic", slug=post.topic.group.slug, topic_id=post.topic_id, page=page,
                            quote=post.id) + "#reply")


@bp.route("/g/<slug>/t/<int:topic_id>/reply", methods=["POST"])
@login_required
def reply_to(slug, topic_id):
    topic = _topic_or_404(slug, topic_id)
    policy.ensure(current_user, "topic.reply", topic)
    form = ReplyForm()
    guard = None
    status = 422
    if form.validate_on_submit() and not _primer_missing(form):
        guard = check_submission(form.body.data)
        images = images_for(current_user, topic.group, form)
        if images is not None and (not guard.found or form.confirm_no_phi.data):
            post, status = _publish(form, lambda: reading.read_own(current_user, with_images(current_user, reply(
                current_user, topic, body=form.body.data, guard=guard, submission_id=form.submission_id.data),
                form, images)))
            if post is not None:
                flash(_held_message(post) or _("Your reply is published."), "success")
                _flash_unreached(topic.group, form.body.data)
                return redirect(post_link(post))
    page = post_page(topic, page_of(topic.post_count), posts_per_page())
    if not form.submission_id.data:
        form.submission_id.data = new_form_token()
    return _topic_page(topic, page, form, guard=guard, reply_open=True), status


@bp.route("/posts/<int:post_id>")
@login_required
def show(post_id):
    post = _post_or_404(post_id)
    return redirect(post_link(post))


@bp.route("/posts/<int:post_id>/edit", methods=["GET", "POST"])
@login_required
def edit(post_id):
    post = _post_or_404(post_id)
    policy.ensure(current_user, "post.edit", post)
    form = EditForm(body=post.body_source) if request.method == "GET" else EditForm()
    if request.method == "GET":
        prefill(form, post)
        if post.number == 1:
            form.title.data = post.topic.title
    guard = None
    new_title = form.title.data if post.number == 1 and request.method == "POST" else None
    moderator_edit = post.author_id != current_user.id
    status = 422 if request.method == "POST" else 200
    if form.validate_on_submit():
        if moderator_edit and not (form.reason.data or "").strip():
            _add_error(form.reason, "Say why you are editing someone else's post; the author will see it.")
        else:
            guard = check_submission(form.body.data, new_title or "")
            images = images_for(current_user, post.topic.group, form, post=post)
            if images is not None and (not guard.found or form.confirm_no_phi.data):
                try:
                    old_texts = None
                    if form.removes_patient_data.data:  # the opening post's title is part of what may be corrected
                        old_texts = earlier_texts(post) + ([post.topic.title] if post.number == 1 else [])
                    edit_post(current_user, post, body=form.body.data, reason=form.reason.data or "", guard=guard,
                              title=new_title)
                    if old_texts is not None and post.body_source == form.body.data:
                        signals.patient_data_removed_by_author.send(current_app._get_current_object(),
                                                                    editor=current_user, post=post,
                                                                    old_texts=old_texts)
                    with_images(current_user, post, form, images)
                    if moderator_edit and post.author_id:
                        from ..notifications.services import notify

                        notify(post.author_id, "moderation", "post.edited_by_moderator", topic=post.topic,
                               params={"reason": form.reason.data.strip()}, link=post_link(post), actor=current_user)
                    db.session.commit()
                except PostingError as error:
                    db.session.rollback()
                    _add_error(form.body, str(error))
                except OperationalError as error:
                    _storage_failed(form, error)
                    status = 503
                else:
                    flash(_("Your changes are saved.") if old_texts is None else
                          _("Your changes are saved, and the earlier versions no longer hold the removed text."),
                          "success")
                    _flash_unreached(post.topic.group, form.body.data)
                    return redirect(post_link(post))
    return render_template("posts/edit.html", post=post, group=post.topic.group, form=form, guard=guard,
                           moderator_edit=moderator_edit), status


@bp.route("/posts/<int:post_id>/delete", methods=["POST"])
@login_required
def delete(post_id):
    post = _post_or_404(post_id)
    policy.ensure(current_user, "post.delete", post)
    form = EmptyForm()
    if form.validate_on_submit():
        try:
            delete_post(current_user, post, reason=request.form.get("reason", "")[:500])
            db.session.commit()
            flash(_("The post was deleted."), "success")
        except PostingError as error:
            db.session.rollback()
            flash(str(error), "error")
    return redirect(post_link(post))


@bp.route("/posts/<int:post_id>/history")
@login_required
def history(post_id):
    post = _post_or_404(post_id)
    policy.ensure(current_user, "post.history", post)
    return render_template("posts/history.html", post=post, group=post.topic.group,
                           changes=changes(post, revisions_of(post)))


@bp.route("/posts/preview", methods=["POST"])
@login_required
def preview():
    policy.ensure(current_user, "instance.read")
    form = PreviewForm()
    if not form.validate_on_submit():
        message = "; ".join(error for errors in form.errors.values() for error in errors)
        return jsonify(error=message or _("The preview could not be made.")), 400
    body = form.body.data or ""
    group = _group_to_post_in(form.group.data)
    try:
        html = mentions.render_post(body, group)
    except MarkupTooComplex as error:
        return jsonify(html="", findings=[], mentions=[], error=str(error)), 200
    # The guard's explanations come back in the author's language.
    return jsonify(html=html, findings=localised_findings(check_submission(body).body),
                   mentions=_unreached_mentions(group, body))


def _flash_unreached(group: Group, body: str) -> None:
    """Without JavaScript there is no live preview: say after posting which mentions reached nobody."""
    for note in _unreached_mentions(group, body):
        flash(note["message"], "warning")


def _group_to_post_in(slug: str | None) -> Group | None:
    """The group a preview is written for, if the author may post there; any other slug counts as none
    (the preview says nothing about groups the author cannot see)."""
    if not slug:
        return None
    group = db.session.scalar(select(Group).where(Group.slug == slug))
    return group if group is not None and policy.can_post_in(current_user, group) else None


def _unreached_mentions(group: Group | None, body: str) -> list[dict]:
    if group is None:
        return []
    return [{"handle": handle, "message": _("@%(handle)s cannot read this group and will not be notified.",
                                            handle=handle)}
            for handle in mentions.unreached(current_user, group, body)]
