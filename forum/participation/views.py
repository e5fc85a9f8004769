"""Reactions, bookmarks and the list of my bookmarks."""
from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import policy
from ..extensions import db
from ..forms import EmptyForm
from ..groups.access import readable_group_or_404
from ..i18n import zone_of
from ..posts.models import Post
from ..notifications import watching
from ..posts.models import Topic
from ..urls import post_link
from . import reading, services, sources
from .models import WatchLevel
from .services import REACTION_LABELS, WATCH_LABELS, ParticipationError

bp = Blueprint("participation", __name__)


def _visible_post_or_404(post_id: int) -> Post:
    post = db.session.get(Post, post_id)
    if post is None:
        abort(404)
    readable_group_or_404(post.topic.group.slug)
    if not services.post_visible_to(current_user, post):
        abort(404)
    return post


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


def _refused(post: Post, message: str):
    if _wants_json():
        return jsonify(error=message), 400
    flash(message, "error")
    return redirect(post_link(post))


@bp.route("/posts/<int:post_id>/react", methods=["POST"])
@login_required
def react(post_id):
    post = _visible_post_or_404(post_id)
    policy.ensure(current_user, "group.post", post.topic.group)
    if not EmptyForm().validate_on_submit():
        abort(400)
    kind = request.form.get("kind", "")
    try:
        given = services.toggle_reaction(current_user, post, kind)
    except ParticipationError as error:
        return _refused(post, str(error))
    db.session.commit()
    if _wants_json():
        counts = services.reactions_in_topic(post.topic_id).get(post.id, {})
        return jsonify(kind=kind, given=given, counts={k: len(counts.get(k, [])) for k in REACTION_LABELS})
    return redirect(post_link(post))


@bp.route("/posts/<int:post_id>/bookmark", methods=["POST"])
@login_required
def bookmark(post_id):
    post = _visible_post_or_404(post_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        remind_at = services.parse_remind_at(current_user, request.form.get("remind_at"))
        bookmark = services.toggle_bookmark(current_user, post, remind_at)
    except ParticipationError as error:
        return _refused(post, str(error))
    db.session.commit()
    if _wants_json():
        return jsonify(bookmarked=bookmark is not None)
    if bookmark is None:
        flash(_("Bookmark removed."), "success")
    elif bookmark.remind_at:
        flash(_("Bookmarked. You will be reminded on %(when)s.", when=format_datetime(bookmark.remind_at, "medium")),
              "success")
    else:
        flash(_("Bookmarked."), "success")
    return redirect(post_link(post))


@bp.route("/g/<slug>/mentions")
@login_required
def mentions(slug):
    """Suggestions for the @ autocomplete: the group's readers whose handle or name starts with `q`, for a
    member who may post there. Handle, name and profession only -- what every post of theirs shows."""
    group = readable_group_or_404(slug)
    policy.ensure(current_user, "group.post", group)
    prefix = (request.args.get("q") or "").strip().lstrip("@")[:32]
    members = [user for user in policy.scopes.mention_candidates(group, prefix, limit=9) if user.id != current_user.id]
    response = jsonify(members=[{"username": user.username, "display_name": user.display_name,
                                 "profession": user.profession_label} for user in members[:8]])
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/posts/<int:post_id>/source-request", methods=["POST"])
@login_required
def request_source(post_id):
    post = _visible_post_or_404(post_id)
    policy.ensure(current_user, "post.request_source", post)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        sources.request_source(current_user, post, reason=request.form.get("reason", ""),
                               note=request.form.get("note", ""))
    except sources.SourceRequestError as error:
        db.session.rollback()
        return _refused(post, str(error))
    db.session.commit()
    flash(_("The author is asked for the source. The post shows “source requested” until they add one."), "success")
    return redirect(post_link(post))


@bp.route("/posts/<int:post_id>/source-request/resolve", methods=["POST"])
@login_required
def resolve_source_request(post_id):
    post = _visible_post_or_404(post_id)
    policy.ensure(current_user, "post.resolve_source_request", post)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        sources.resolve(current_user, post, reason=request.form.get("reason", ""))
    except sources.SourceRequestError as error:
        db.session.rollback()
        return _refused(post, str(error))
    db.session.commit()
    flash(_("The source request is closed."), "success")
    if request.form.get("next") == "queue":  # resolved from the moderators' list
        return redirect(url_for("moderation.queue", slug=post.topic.group.slug))
    return redirect(post_link(post))


@bp.route("/bookmarks")
@login_required
def bookmarks():
    return render_template("participation/bookmarks.html", bookmarks=services.my_bookmarks(current_user),
                           form=EmptyForm())


@bp.route("/read-all", methods=["POST"])
@login_required
def read_all():
    policy.ensure(current_user, "instance.read")
    if EmptyForm().validate_on_submit():
        reading.mark_all_read(current_user)
        db.session.commit()
        flash(_("Everything is marked as read."), "success")
    return redirect(url_for("main.dashboard"))


@bp.route("/g/<slug>/read-all", methods=["POST"])
@login_required
def read_all_in_group(slug):
    group = readable_group_or_404(slug)
    if EmptyForm().validate_on_submit():
        reading.mark_all_read(current_user, group)
        db.session.commit()
        flash(_("Everything in %(group)s is marked as read.", group=group.name), "success")
    return redirect(url_for("main.dashboard"))


def _chosen_level() -> str | None:
    level = request.form.get("level", "")
    if level not in WatchLevel.ALL:
        flash(_("Choose one of the notification levels offered."), "error")
        return None
    return level


@bp.route("/g/<slug>/watch", methods=["POST"])
@login_required
def watch_group(slug):
    group = readable_group_or_404(slug)
    if not EmptyForm().validate_on_submit():
        abort(400)
    level = _chosen_level()
    if level is not None:
        watching.set_group_level(current_user, group, level)
        db.session.commit()
        flash(_("Notifications for %(group)s: %(level)s.", group=group.name, level=WATCH_LABELS[level]), "success")
    return redirect(url_for("groups.show", slug=group.slug))


@bp.route("/g/<slug>/t/<int:topic_id>/watch", methods=["POST"])
@login_required
def watch_topic(slug, topic_id):
    group = readable_group_or_404(slug)
    topic = db.session.get(Topic, topic_id)
    if topic is None or topic.group_id != group.id:
        abort(404)
    policy.ensure(current_user, "topic.see", topic)
    if not EmptyForm().validate_on_submit():
        abort(400)
    level = _chosen_level()
    if level is not None:
        watching.set_topic_level(current_user, topic, level)
        db.session.commit()
        flash(_("Notifications for this topic: %(level)s.", level=WATCH_LABELS[level]), "success")
    return redirect(url_for("posts.topic", slug=group.slug, topic_id=topic.id))


class _Helpers:
    """Template helpers for the post partial; each loads a whole topic's data once per request."""
    labels = REACTION_LABELS
    watch_labels = WATCH_LABELS

    @staticmethod
    def topic_watch(topic) -> tuple:
        """(the member's own level or None, the level in force) for the topic page's selector."""
        return watching.topic_level(current_user, topic)

    @staticmethod
    def zone_name() -> str:
        """The member's time zone, in which reminder times are typed and shown."""
        return zone_of(current_user).key

    @staticmethod
    def group_watch(group) -> str:
        return watching.group_level(current_user, group)

    @staticmethod
    def _marks(post) -> tuple[dict, set]:
        """Reactions and the reader's bookmarks for the posts of this topic loaded by the request (the page
        being shown), asked once, in one statement."""
        from ..request_cache import cached

        def load():
            ids = {obj.id for obj in list(db.session.identity_map.values())
                   if isinstance(obj, Post) and obj.topic_id == post.topic_id} | {post.id}
            return (*services.reactions_and_bookmarks(current_user, ids), ids)

        marks = cached(f"_marks_{post.topic_id}", load)
        if post.id not in marks[2]:  # a post loaded after the page's posts were asked for
            marks = cached(f"_marks_post_{post.id}",
                           lambda: (*services.reactions_and_bookmarks(current_user, {post.id}), {post.id}))
        return marks[0], marks[1]

    @staticmethod
    def reactions(post) -> dict:
        return _Helpers._marks(post)[0].get(post.id, {})

    @staticmethod
    def bookmarked(post) -> bool:
        if not current_user.is_authenticated:
            return False
        return post.id in _Helpers._marks(post)[1]

    @staticmethod
    def needs_me():
        from ..request_cache import cached

        return cached("_needs_me", lambda: reading.needs_me(current_user))

    @staticmethod
    def first_unread(topic):
        return reading.first_unread(current_user, topic)

    @staticmethod
    def last_post_link(topic) -> str:
        return reading.last_post_link(topic)

    @staticmethod
    def unread_counts(topics) -> dict[int, int]:
        """Unread posts per topic of a list, in one query (the list's rows look their count up)."""
        return reading.unread_counts(current_user, topics)

    @staticmethod
    def unread(topic, topics) -> int:
        return reading.unread_in(current_user, topic, topics)

    source_reasons = sources.SOURCE_REASONS

    @staticmethod
    def source_requests(post) -> list:
        """The post's open source requests (one query per topic page)."""
        from ..request_cache import cached

        return cached(f"_source_requests_{post.topic_id}",
                      lambda: sources.open_requests_in_topic(post.topic_id)).get(post.id, [])

    @staticmethod
    def escalated_source_requests(group) -> list:
        return sources.escalated_in_group(group)

    @staticmethod
    def can_react(post) -> bool:
        return current_user.is_authenticated and services.can_react(current_user, post)


HELPERS = _Helpers()


@bp.app_context_processor
def _participation_helpers():
    return {"participation": HELPERS}
