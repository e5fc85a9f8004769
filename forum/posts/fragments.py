"""The topic page's rendered post list, kept for the next reader who would see exactly the same HTML.

Rendering twenty posts with their controls is most of what the topic page costs; the data behind them is
asked for anyway (one statement per kind, for the whole page). The key is a digest of everything the list
shows: each post's text and state, its author line, its reactions, source requests, images and (for
moderators) open reports and consent records; the viewer's controls per post as the policy decided them
(not the viewer's id: readers with the same permissions share an entry), the viewer's own marks on the page
(reactions, bookmarks, reports, source requests, muted authors, first unread post), the language and time
zone, and the minute while a post on the page is recent enough to be shown as "5 minutes ago". Whatever
changes the HTML changes the key, so a stale entry is never served.

Removal is stronger than "not served": any change to a post (an edit, a redaction, hiding, deleting,
restoring; ORM or bulk UPDATE/DELETE) empties this worker's cache when it is flushed and again when it is
committed, so no copy of a removed text survives in the process that removed it. Other workers' in-process
entries are keyed on the old text and are never served; each worker drops them the next time it renders
that topic (the key's first part is a digest of the posts' texts and their authors' names alone, so any entry with a
different text digest goes), and at the latest after POST_LIST_CACHE_SECONDS (60 s by default). With
Redis (POST_LIST_CACHE=redis://...) every worker shares one cache and the removal empties it for all at
once: the setting for instances where no unserved copy may linger in memory even for that long.

The page's CSRF token is not part of the cached HTML: the list is rendered with a per-process placeholder
that is replaced by the reader's token when it is served.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import current_app, has_app_context
from flask_babel import get_locale, get_timezone, get_translations
from flask_caching import Cache
from jinja2 import pass_context
from markupsafe import Markup
from sqlalchemy import event
from sqlalchemy.orm import Session

from .. import policy
from ..db_types import utcnow
from .models import Post

cache = Cache()
KEY_VERSION = 1  # raise when the post list's template changes in a way its inputs do not show
# Posts younger than this are shown relative to now ("5 minutes ago"): the key then includes the minute.
RELATIVE_FOR = timedelta(days=7, minutes=1)
_PLACEHOLDER = "csrf-placeholder-" + secrets.token_hex(16)
_TEMPLATE = "posts/_post_list.html"


def init_app(app) -> None:
    setting = str(app.config.get("POST_LIST_CACHE", "memory") or "off").strip()
    config = {"CACHE_DEFAULT_TIMEOUT": int(app.config.get("POST_LIST_CACHE_SECONDS", 60)),
              "CACHE_THRESHOLD": int(app.config.get("POST_LIST_CACHE_SIZE", 2000)),
              "CACHE_KEY_PREFIX": "konsil-post-list:"}
    _listen_once()
    app.extensions["post_list_cache_enabled"] = setting.lower() != "off"
    if setting.lower() == "off":
        return
    if setting.startswith(("redis://", "rediss://", "unix://")):
        config.update(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=setting)
    else:
        config["CACHE_TYPE"] = "SimpleCache"
    cache.init_app(app, config=config)


def enabled() -> bool:
    return bool(current_app.extensions.get("post_list_cache_enabled")) and \
        str(current_app.config.get("POST_LIST_CACHE", "memory")).strip().lower() != "off"


def post_list(topic, page, actions, csrf_token: str) -> Markup:
    """The page's posts as HTML (templates/posts/_post_list.html), from the cache when an entry for exactly
    these inputs exists."""
    context = {"group": topic.group, "topic": topic, "page": page, "actions": actions, "csrf": _PLACEHOLDER}
    current_app.update_template_context(context)
    if not enabled():
        return Markup(_render(context).replace(_PLACEHOLDER, csrf_token))
    key = key_for(context)
    html = cache.get(key)
    if html is None:
        _drop_older_texts(topic.id, key)
        html = _render(context)
        cache.set(key, html)
    return Markup(html.replace(_PLACEHOLDER, csrf_token))


# This worker's keys per topic, so that a rendering of newer texts drops entries of older ones at once
# (another worker may have edited or redacted a post: its change empties only its own memory).
_keys_by_topic: dict[int, set[str]] = {}


def _drop_older_texts(topic_id: int, key: str) -> None:
    texts = key.split(":", 2)[1]
    keys = _keys_by_topic.setdefault(topic_id, set())
    older = [k for k in keys if k.split(":", 2)[1] != texts]
    if older:
        cache.delete_many(*older)
        keys.difference_update(older)
    keys.add(key)
    if len(_keys_by_topic) > 4 * int(current_app.config.get("POST_LIST_CACHE_SIZE", 2000)):
        _keys_by_topic.clear()  # entries the cache evicted on its own leave names behind; start afresh


def _render(context) -> str:
    return current_app.jinja_env.get_template(_TEMPLATE).render({**context, "gettext": _page_gettext()})


def _page_gettext():
    """The templates' `_()` for one rendering of the list: each text is looked up in the reader's catalogue once,
    not once per post (twenty posts ask for the same few dozen texts). Otherwise as Jinja's newstyle gettext that
    Flask-Babel installs: the translation is a format string for the placeholders, escaped when autoescaping."""
    translations = get_translations()
    looked_up: dict[str, str] = {}

    @pass_context
    def gettext(context, string: str, **variables) -> str:
        translated = looked_up.get(string)
        if translated is None:
            translated = looked_up[string] = translations.ugettext(string)
        if context.eval_ctx.autoescape:
            translated = Markup(translated)
        return translated % variables

    return gettext


def key_for(context) -> str:
    """The digest of everything the post list shows to this reader."""
    topic, page, actions = context["topic"], context["page"], context["actions"]
    participation, moderation = context.get("participation"), context.get("moderation")
    post_images, consent_of = context.get("post_images"), context.get("post_image_consent")
    viewer_id = actions.viewer_id
    now = utcnow()
    recent = False
    parts: list = [KEY_VERSION, topic.id, topic.group.slug, topic.locked, topic.hidden, str(get_locale()),
                   str(get_timezone()), actions.reply, actions.moderate, viewer_id is not None]
    if participation is not None:
        parts.append(participation.first_unread(topic))
        if viewer_id is not None:
            parts.append(participation.zone_name())
    for post in page.items:
        acts = actions[post]
        parts.append((post.id, post.number, post.author_id, post.author_id == viewer_id, post.created_at,
                      post.edited_at, post.edit_count, post.hidden, post.hidden_reason, post.deleted_at,
                      post.deleted_by_id, post.is_held, tuple(sorted(acts)), post.body_html))
        if "see" not in acts:
            continue
        if post.created_at is not None and now - post.created_at < RELATIVE_FOR:
            recent = True
        author = post.author
        if author is not None:
            parts.append((author.username, author.display_name, author.is_deleted, str(author.profession_label),
                          author.specialty, str(author.public_name), policy.is_verified(author)))
        if post.is_deleted:
            continue
        if participation is not None:
            parts.append(tuple((kind, tuple(people)) for kind, people in sorted(participation.reactions(post).items())))
            parts.append(participation.bookmarked(post) if viewer_id is not None else None)
            parts.append(tuple((request.id, request.requester_id) for request in participation.source_requests(post)))
        if moderation is not None:
            parts.append((moderation.reported(post) if viewer_id is not None else None,
                          moderation.open_reports(post) if "moderate" in acts else None,
                          moderation.is_muted(post.author_id)))
        if post_images is not None:
            parts.append(tuple((image.id, image.version) for image in post_images(post)))
            if actions.moderate and consent_of is not None:
                consent = consent_of(post)
                parts.append((consent.kind, consent.note) if consent else None)
    if recent:
        parts.append(int(now.timestamp() // 60))
    # what a removal can take away: the texts, and the names of their authors (an erased account)
    texts = [(post.id, post.body_html, post.edited_at, post.hidden, post.deleted_at, post.is_held,
              post.author.username if post.author else None, post.author.display_name if post.author else None)
             for post in page.items]
    texts_digest = hashlib.blake2b(repr(texts).encode(), digest_size=12).hexdigest()
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()
    return f"t{topic.id}:{texts_digest}:{digest}"


def forget_all() -> None:
    """Empty the post-list cache (of this worker, or the shared one)."""
    if has_app_context() and current_app.extensions.get("post_list_cache_enabled"):
        cache.clear()
        _keys_by_topic.clear()


_listening = False


def _listen_once() -> None:
    global _listening
    if _listening:
        return
    _listening = True
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "after_commit", _after_commit)
    event.listen(Session, "do_orm_execute", _on_execute)


def _after_flush(session, flush_context) -> None:
    if any(isinstance(obj, Post) for obj in (*session.dirty, *session.deleted)):
        session.info["post_list_changed"] = True
        forget_all()


def _on_execute(state) -> None:
    if (state.is_update or state.is_delete) and state.bind_mapper is not None and \
            state.bind_mapper.class_ is Post:
        state.session.info["post_list_changed"] = True
        forget_all()


def _after_commit(session) -> None:
    if session.info.pop("post_list_changed", False):
        forget_all()  # again: a reader may have rendered the old text between the flush and the commit
