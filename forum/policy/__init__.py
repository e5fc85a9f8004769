"""One policy: who may do what, and what each actor may read.

    can(actor, "post.edit", post)      -> bool
    ensure(actor, "post.edit", post)   -> aborts 404 where the object's existence is secret from the
                                          actor (a group they cannot see), 403 elsewhere
    actions_for(actor, obj)            -> the actions the actor may take on obj, for templates and the
                                          API: they render what it lists and never compare roles or
                                          statuses themselves
    effective_status(membership, now)  -> a membership's status as it stands now
    scopes                             -> readable groups, visible topics and posts, mentionable members

The rules themselves are small named functions in rules.py (`can_moderate(user, group)` ...);
forum/permissions.py re-exports them for code that still imports it.
"""
from __future__ import annotations

from flask import abort

from ..groups.models import Group, Membership, MembershipStatus, Role
from . import rules, scopes  # noqa: F401
from .actor import current_actor, forget_actor  # noqa: F401
from .rules import *  # noqa: F401,F403
from .rules import can_see_group, membership_for
from .status import active_in_sql, effective_status, suspension_in_force  # noqa: F401


def _group_of(obj) -> Group | None:
    """The group an object lives in, for the 404-or-403 decision."""
    if obj is None:
        return None
    if isinstance(obj, Group):
        return obj
    if isinstance(obj, Membership):
        return obj.group
    topic = getattr(obj, "topic", None)
    if topic is not None:
        return topic.group
    return getattr(obj, "group", None)


def can_see_profile(actor, user) -> bool:
    """A member's page: for themselves, for verified members who share a group with them, and for
    admins; to anyone else the member does not exist."""
    if not getattr(actor, "is_authenticated", False):
        return False
    if user.id == actor.id:
        return True
    return rules.is_verified(actor) and (rules.is_admin(actor) or scopes.shares_a_group(actor, user))


def _rule_for_membership(check):
    return lambda actor, membership: check(actor, membership)


# Action name -> rule(actor, obj). Names read "object.verb".
ACTIONS = {
    "group.see": rules.can_see_group,
    "group.see_listing": rules.can_see_listing,
    "group.read": rules.can_read_group,
    "group.post": rules.can_post_in,
    "group.invite": rules.can_invite_to,
    "group.moderate": rules.can_moderate,
    "group.manage": rules.can_manage_group,
    "topic.reply": rules.can_reply,
    "post.edit": rules.can_edit_post,
    "post.delete": rules.can_delete_post,
    "post.report": rules.can_report_post,
    "post.see_hidden": rules.can_see_hidden_post,
    "post.quote": rules.can_quote_post,
    "post.request_source": rules.can_request_source,
    "post.resolve_source_request": rules.can_resolve_source_request,
    "appeal.decide": rules.can_decide_appeal,
    "verification.decide": rules.can_decide_verification,
    "account.suspend": rules.can_suspend_account,
    "account.reset_second_factor": rules.can_reset_second_factor,
    "instance.create_group": lambda actor, obj=None: rules.can_create_group(actor),
    "instance.verify": lambda actor, obj=None: rules.can_verify(actor),
    "instance.manage_accounts": lambda actor, obj=None: rules.can_manage_accounts(actor),
    "instance.security_log": lambda actor, obj=None: rules.can_view_security_log(actor),
    "instance.global_log": lambda actor, obj=None: rules.can_see_global_log(actor),
    "instance.configure_guard": lambda actor, obj=None: rules.can_configure_guard(actor),
    "member.promote": lambda actor, m: "promote" in membership_actions(actor, m),
    "member.demote": lambda actor, m: "demote" in membership_actions(actor, m),
    "member.warn": lambda actor, m: "warn" in membership_actions(actor, m),
    "member.suspend": lambda actor, m: "suspend" in membership_actions(actor, m),
    "member.ban": lambda actor, m: "ban" in membership_actions(actor, m),
    "member.reinstate": lambda actor, m: "reinstate" in membership_actions(actor, m),
    "member.remove": lambda actor, m: "remove" in membership_actions(actor, m),
}


# What a view asks before it shows or changes anything (refused through ensure below).
ACTIONS.update({
    "instance.read": lambda actor, obj=None: rules.is_verified(actor),
    "instance.admin": lambda actor, obj=None: rules.is_admin(actor),
    "instance.moderation_overview": lambda actor, obj=None: rules.can_see_moderation_overview(actor),
    "instance.handle_incidents": lambda actor, obj=None: rules.can_handle_incidents(actor),
    "topic.see": rules.can_see_topic,
    "post.see": rules.can_see_post,
    "post.history": rules.can_see_post_history,
    "upload.view": rules.can_view_upload,
    "user.see_profile": can_see_profile,
    "invitation.revoke": rules.can_revoke_invitation,
})


def can(actor, action: str, obj=None) -> bool:
    """Whether the actor may take the action on obj (a KeyError names an action nobody defined)."""
    rule = ACTIONS[action]
    return bool(rule(actor, obj) if obj is not None else rule(actor))


# Refusing these says nothing exists: group content for accounts that are not verified (pending,
# rejected, suspended), a topic or post held back from the reader, a hidden post.
SECRET_ACTIONS = frozenset({"instance.read", "group.see", "topic.see", "post.see", "post.see_hidden",
                            "user.see_profile", "upload.view"})


def ensure(actor, action: str, obj=None, *, message: str | None = None) -> None:
    """Abort unless allowed: 404 where the refusal would reveal what the actor may not know exists (a
    secret action, or obj lives in a group the actor cannot see), 403 otherwise -- with `message` on the
    error page when given (why, in the reader's words)."""
    if can(actor, action, obj):
        return
    group = _group_of(obj)
    if action in SECRET_ACTIONS or (group is not None and not can_see_group(actor, group)):
        abort(404)
    if message is not None:
        abort(403, description=message)
    abort(403)


class Standing:
    """How a membership stands now, for display: active, suspended until a time, or banned."""

    def __init__(self, membership: Membership | None, now=None):
        self.status = effective_status(membership, now)
        self.member = membership is not None
        self.active = self.status == MembershipStatus.ACTIVE
        self.suspended = self.status == MembershipStatus.SUSPENDED
        self.banned = self.status == MembershipStatus.BANNED
        self.until = membership.suspended_until if self.suspended and membership is not None else None
        self.role = membership.role if membership is not None else None
        self.staff = self.role in (Role.MODERATOR, Role.OWNER)
        self.owner = self.role == Role.OWNER


def standing(membership: Membership | None, now=None) -> Standing:
    return Standing(membership, now)


SANCTIONS = ("warn", "suspend", "ban")


def sanctions_against(actor, group: Group, target, membership: Membership | None) -> frozenset[str]:
    """The sanctions ("warn", "suspend", "ban") the actor may impose on `target` in `group`, whose membership
    (None if they left) is given: the queue, the case page and the members list offer these, and the
    moderation service refuses anything else. None against oneself, an erased account, an admin of the
    forum, a moderator or the owner of the group (the owner or an admin demotes them first) or a member
    already banned; only a warning for someone who is no longer a member."""
    if target is None or getattr(target, "is_deleted", False) or target.id == actor.id:
        return frozenset()
    if not rules.can_moderate(actor, group) or rules.is_admin(target):
        return frozenset()
    if membership is None:
        return frozenset({"warn"})
    state = Standing(membership)
    if state.staff or state.banned:
        return frozenset()
    return frozenset(SANCTIONS)


def membership_actions(actor, membership: Membership) -> frozenset[str]:
    """What the actor may do to this member of a group, as the member list offers it."""
    if membership is None or not rules.is_verified(actor):
        return frozenset()
    group = membership.group
    if not rules.can_moderate(actor, group) or membership.user_id == actor.id:
        return frozenset()
    state = Standing(membership)
    manage = rules.can_manage_group(actor, group)
    allowed = set()
    if state.owner:
        return frozenset()
    if manage:
        if membership.role == Role.MODERATOR:
            allowed.add("demote")
        elif state.active:
            allowed.add("promote")
    allowed |= sanctions_against(actor, group, membership.user, membership)
    if membership.role == Role.MEMBER and not state.active:
        allowed.add("reinstate")
    if membership.role == Role.MEMBER or manage:
        allowed.add("remove")
    return frozenset(allowed)


def post_actions(actor, post) -> frozenset[str]:
    allowed = set()
    if rules.can_edit_post(actor, post):
        allowed.add("edit")
    if rules.can_delete_post(actor, post):
        allowed.add("delete")
    if rules.can_report_post(actor, post):
        allowed.add("report")
    if rules.can_moderate(actor, post.topic.group):
        allowed.add("moderate")
    if rules.can_quote_post(actor, post):
        allowed.add("quote")
    if rules.can_request_source(actor, post):
        allowed.add("request_source")
    if rules.can_resolve_source_request(actor, post):
        allowed.add("resolve_source_request")
    return frozenset(allowed)


class TopicPageActions:
    """What the actor may do on one page of a topic, decided once for the page: the actor's standing in the
    group is looked up once, and each post adds only its own facts (author, deleted, held). Gives the same
    answers as the per-post rules (tests/performance/test_topic_controls.py compares them for every role).

    `posts[post.id]` is the set of short names for that post: "see" (the post is there for the actor at all),
    "see_hidden", "history", "edit", "delete", "report", "moderate", "react", "quote", "request_source",
    "resolve_source_request"; a new per-post control adds its name here
    and one line in the post macro (templates/_post.html)."""

    def __init__(self, actor, topic, posts):
        group = topic.group
        self.moderate = rules.can_moderate(actor, group)
        self.read = rules.can_read_group(actor, group)
        self.post_in = rules.can_post_in(actor, group)
        self.suspended = rules.is_suspended_in(actor, group)
        self.reply = self.post_in and (not topic.locked or self.moderate)
        see_topic = rules.can_see_topic(actor, topic)
        actor_id = self.viewer_id = getattr(actor, "id", None)
        self.posts = {}
        for post in posts:
            live = post.deleted_at is None
            own = post.author_id == actor_id
            allowed = set()
            if live and self.reply and see_topic and (not post.hidden or own or self.moderate):
                allowed.add("quote")  # as can_quote_post
            if (live and post.author_id is not None and not own and not post.hidden and not topic.hidden
                    and self.post_in):
                allowed.add("request_source")  # as can_request_source
            if live and self.moderate:
                allowed.add("resolve_source_request")
            if own or self.moderate:
                allowed.update(("see_hidden", "history"))
            if not post.is_held or own or self.moderate:
                allowed.add("see")
            if live and (self.moderate or (own and self.post_in and not topic.locked)):
                allowed.add("edit")
            if live and (self.moderate or (own and self.post_in)):
                allowed.add("delete")
            if live and self.read and not self.suspended and not own and actor_id is not None:
                allowed.add("report")
            if self.moderate:
                allowed.add("moderate")
            if (live and self.read and self.post_in and see_topic and not own and actor_id is not None
                    and (not post.hidden or self.moderate)):
                allowed.add("react")  # as participation's can_react: others' visible posts, for those who may write
            self.posts[post.id] = frozenset(allowed)

    def __getitem__(self, post) -> frozenset[str]:
        return self.posts[post.id]


def topic_page_actions(actor, topic, posts) -> TopicPageActions:
    return TopicPageActions(actor, topic, posts)


def group_actions(actor, group: Group) -> frozenset[str]:
    return frozenset(name.split(".", 1)[1] for name in ("group.read", "group.post", "group.invite",
                                                         "group.moderate", "group.manage")
                     if can(actor, name, group))


def actions_for(actor, obj) -> frozenset[str]:
    """The actions the actor may take on obj, by short name ("edit", "ban", ...)."""
    from ..moderation.models import ModerationCase
    from ..posts.models import Post

    if isinstance(obj, ModerationCase):
        return case_actions(actor, obj)
    if isinstance(obj, Membership):
        return membership_actions(actor, obj)
    if isinstance(obj, Post):
        return post_actions(actor, obj) | moderator_tools(actor, obj)
    if isinstance(obj, Group):
        return group_actions(actor, obj)
    raise TypeError(f"no actions defined for {type(obj).__name__}")


def moderator_tools(actor, post) -> frozenset[str]:
    """A moderator's tools on a post outside a case: "hide" a visible post, "restore" a hidden one or one
    that a moderator deleted (an author's own deletion stands)."""
    if not rules.can_moderate(actor, post.topic.group):
        return frozenset()
    allowed = set()
    deleted_by_moderator = post.is_deleted and bool(post.deleted_by_id) and post.deleted_by_id != post.author_id
    if not post.is_deleted and not post.hidden:
        allowed.add("hide")
    if (post.hidden and not post.is_deleted) or deleted_by_moderator:
        allowed.add("restore")
    return frozenset(allowed)


# The decisions on a case, in the order the queue offers them.
CASE_ACTIONS = ("dismiss", "release", "redact", "hide", "restore", "delete", "edit", "warn", "suspend", "ban",
                "escalate")


def case_actions(actor, case) -> frozenset[str]:
    """The decisions the actor may take on a moderation case: none unless the case is open and the actor
    moderates its group, and none on a case about the actor's own post (another moderator decides it).
    What the post and its author still allow: release a held post; redact, hide (unless a moderator hid
    it already), restore a hidden one, delete or edit a post that is not deleted; the sanctions
    `sanctions_against` allows on its author; escalate a case not yet escalated."""
    if case is None or not case.is_open or case.post_id is None:
        return frozenset()
    if not rules.can_moderate(actor, case.group) or case.post_author_id == actor.id:
        return frozenset()
    post = case.post
    allowed = {"dismiss"}
    if post is not None and not post.is_deleted:
        if post.is_held:
            allowed.add("release")
        allowed.update({"redact", "delete", "edit"})
        if not post.hidden or post.hidden_reason != "moderator":
            allowed.add("hide")
        if post.hidden:
            allowed.add("restore")
    if post is not None and post.author is not None:
        allowed |= sanctions_against(actor, case.group, post.author, membership_for(post.author, case.group))
    if not case.escalated:
        allowed.add("escalate")
    return frozenset(allowed)


__all__ = [name for name in dir(rules) if not name.startswith("_") and callable(getattr(rules, name))] + [
    "ACTIONS", "Standing", "actions_for", "active_in_sql", "can", "current_actor", "effective_status", "ensure",
    "forget_actor", "membership_actions", "membership_for", "rules", "sanctions_against", "scopes", "standing",
    "suspension_in_force",
    "TopicPageActions", "topic_page_actions"]
