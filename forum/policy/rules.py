"""The rules: who may do what, each a small named function that reads as a sentence. `can()`,
`ensure()` and `actions_for()` (forum/policy/__init__.py) name them; membership look-ups are cached
per request in `g`."""
from __future__ import annotations

from flask import current_app, g, has_request_context
from sqlalchemy import select

from ..accounts.models import User, VerificationStatus
from ..db_types import utcnow
from ..extensions import db
from ..groups.models import Group, InvitePolicy, Membership, MembershipStatus, Role
from ..posts.models import Post
from .status import effective_status, staff_group_ids_query


def _authenticated(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and isinstance(user, User)


def may_sign_in(user: User) -> bool:
    """Suspended and erased accounts lose every session at their next request."""
    return user.deleted_at is None and user.verification_status != VerificationStatus.SUSPENDED


def is_verified(user) -> bool:
    """The one place that decides whether an account counts as a verified professional:
    verified status and a verification that has not lapsed."""
    if not _authenticated(user) or user.deleted_at is not None:
        return False
    if user.verification_status != VerificationStatus.VERIFIED:
        return False
    return user.verified_until is None or user.verified_until > utcnow()


def is_admin(user) -> bool:
    return is_verified(user) and bool(user.is_admin)


def can_verify(user) -> bool:
    """Verifiers review credentials; admins are verifiers too."""
    return is_verified(user) and bool(user.is_admin or user.is_verifier)


def staff_group_ids(user) -> frozenset[int]:
    """The groups a user moderates or owns (active memberships); looked up once per request."""
    if not _authenticated(user):
        return frozenset()
    cache = g.setdefault("_staff_groups", {}) if has_request_context() else {}
    if user.id not in cache:
        cache[user.id] = frozenset(db.session.scalars(staff_group_ids_query(user.id)))
    return cache[user.id]


def is_staff(user) -> bool:
    """Admins, verifiers, and group moderators or owners: accounts whose powers reach other people's data.
    Judged by the roles themselves, so a lapsed verification does not lift the second-factor rule."""
    if not _authenticated(user) or user.deleted_at is not None:
        return False
    return bool(user.is_admin or user.is_verifier or staff_group_ids(user))


def must_use_two_factor(user) -> bool:
    """Staff sign in with a second factor when the instance requires it (TWO_FACTOR_REQUIRED_FOR_STAFF);
    members choose for themselves."""
    return bool(current_app.config.get("TWO_FACTOR_REQUIRED_FOR_STAFF")) and is_staff(user)


def can_view_security_log(user) -> bool:
    """The instance-wide security event log (sign-ins, failures, resets): admins only."""
    return is_admin(user)


def can_reset_second_factor(user, target) -> bool:
    """Admins reset another person's lost second factor; their own goes through their recovery codes."""
    return is_admin(user) and target is not None and target.id != user.id and target.deleted_at is None


def remember_memberships(user, memberships) -> None:
    """All of the user's memberships, loaded with the sign-in (web.load_user): for the rest of the request
    membership_for and staff_group_ids answer from them instead of asking the database again."""
    if not has_request_context():
        return
    cache = g.setdefault("_memberships", {})
    for membership in memberships:
        cache[(user.id, membership.group_id)] = membership
    g.setdefault("_memberships_complete", set()).add(user.id)
    now = utcnow()
    g.setdefault("_staff_groups", {})[user.id] = frozenset(
        membership.group_id for membership in memberships
        if membership.role in (Role.MODERATOR, Role.OWNER) and effective_status(membership, now) == MembershipStatus.ACTIVE)


def know_memberships(memberships: dict[tuple[int, int], Membership | None]) -> None:
    """Memberships a page loaded in bulk for other people, by (user id, group id), None where there is none:
    for the rest of the request membership_for answers from them instead of asking once per person."""
    if has_request_context():
        g.setdefault("_memberships", {}).update(memberships)


def membership_for(user, group: Group) -> Membership | None:
    if not _authenticated(user):
        return None
    cache = g.setdefault("_memberships", {}) if has_request_context() else {}
    key = (user.id, group.id)
    if key not in cache:
        if has_request_context() and user.id in g.get("_memberships_complete", ()):
            return None  # every membership of the user was loaded with the sign-in: there is none here
        cache[key] = db.session.scalar(
            select(Membership).where(Membership.user_id == user.id, Membership.group_id == group.id)
        )
    return cache[key]


def forget_membership(user, group: Group) -> None:
    if has_request_context():
        g.setdefault("_memberships", {}).pop((user.id, group.id), None)
        g.setdefault("_memberships_complete", set()).discard(user.id)
        g.setdefault("_staff_groups", {}).pop(user.id, None)


def _membership_in_force(membership: Membership | None) -> bool:
    return membership is not None and membership.status != MembershipStatus.BANNED


def is_suspended_in(user, group: Group) -> bool:
    """Suspended until a time that has not passed yet (see effective_status)."""
    return effective_status(membership_for(user, group)) == MembershipStatus.SUSPENDED


def can_see_group(user, group: Group) -> bool:
    """Verified members (not banned) and admins; everyone else gets 404, since even the
    existence of a secret group is confidential."""
    if not is_verified(user):
        return False
    if user.is_admin:
        return True
    return _membership_in_force(membership_for(user, group))


def can_see_listing(user, group: Group) -> bool:
    """A listed group's name and description are visible to every verified user."""
    return can_see_group(user, group) or (is_verified(user) and group.visibility == "listed")


def needs_guidelines(user, group: Group) -> bool:
    """Members accept the current guidelines before reading; admins operating the instance do not."""
    if not can_see_group(user, group):
        return False
    membership = membership_for(user, group)
    if membership is None:
        return False
    accepted = membership.accepted_guidelines_version or 0
    return accepted < group.guidelines_version


def can_read_group(user, group: Group) -> bool:
    return can_see_group(user, group) and not needs_guidelines(user, group)


def can_post_in(user, group: Group) -> bool:
    """Reading members may write unless a moderator suspended them in this group."""
    if not can_read_group(user, group):
        return False
    if user.is_admin and membership_for(user, group) is None:
        return True
    return not is_suspended_in(user, group)


def can_reply(user, topic) -> bool:
    if not can_post_in(user, topic.group):
        return False
    return not topic.locked or can_moderate(user, topic.group)


def can_moderate(user, group: Group) -> bool:
    """Group moderators and owners run their group; admins can act everywhere."""
    if not is_verified(user):
        return False
    if user.is_admin:
        return True
    membership = membership_for(user, group)
    return bool(
        membership is not None
        and membership.role in (Role.MODERATOR, Role.OWNER)
        and effective_status(membership) == MembershipStatus.ACTIVE
    )


def can_revoke_invitation(user, invitation) -> bool:
    """An invitation may be withdrawn by whoever made it and by the group's moderators."""
    return invitation.inviter_id == user.id or can_moderate(user, invitation.group)


def can_see_post_history(user, post) -> bool:
    """A post's earlier versions: for its author and the group's moderators."""
    return post.author_id == getattr(user, "id", None) or can_moderate(user, post.topic.group)


def can_see_moderation_overview(user) -> bool:
    """The moderators' landing page: for whoever moderates or owns a group, and for admins."""
    return is_admin(user) or bool(staff_group_ids(user))


def can_manage_group(user, group: Group) -> bool:
    """Settings, roles and guidelines: the owner and admins."""
    if not is_verified(user):
        return False
    if user.is_admin:
        return True
    membership = membership_for(user, group)
    return bool(membership is not None and membership.role == Role.OWNER
                and effective_status(membership) == MembershipStatus.ACTIVE)


def can_create_group(user) -> bool:
    return is_admin(user)


def can_decide_verification(user, verification_request) -> bool:
    """Verifiers decide other people's credentials, never their own (that includes renewals)."""
    return can_verify(user) and verification_request.user_id != user.id


def can_manage_accounts(user) -> bool:
    """Appointing verifiers and suspending accounts is the operators' call: admins only."""
    return is_admin(user)


def can_suspend_account(user, target) -> bool:
    """Admins suspend any other live account (a licence withdrawn, for example), never their own."""
    return is_admin(user) and target is not None and target.id != user.id and target.deleted_at is None


def can_invite_to(user, group: Group) -> bool:
    """The group's invite policy decides; suspended members cannot invite."""
    if not can_read_group(user, group) and not is_admin(user):
        return False
    if can_moderate(user, group):
        return True
    if is_suspended_in(user, group):
        return False
    return group.invite_policy == InvitePolicy.MEMBERS and _membership_in_force(membership_for(user, group))


def invitations_stand_for(user, group: Group) -> bool:
    """An inviter's open links keep working only while the inviter could still invite there: a verified, active
    account whose membership is in force (not removed, banned or suspended) and whose role the invite policy
    allows, or an admin. Unlike can_invite_to, guidelines not yet re-accepted do not matter."""
    if not is_verified(user) or not may_sign_in(user):
        return False
    if user.is_admin or can_moderate(user, group):
        return True
    if is_suspended_in(user, group):
        return False
    return group.invite_policy == InvitePolicy.MEMBERS and _membership_in_force(membership_for(user, group))


def can_edit_post(user, post) -> bool:
    """Authors edit their own live posts; moderators edit any post in their group."""
    group = post.topic.group
    if can_moderate(user, group):
        return post.deleted_at is None
    return (
        post.deleted_at is None
        and post.author_id == getattr(user, "id", None)
        and can_post_in(user, group)
        and not post.topic.locked
    )


def can_delete_post(user, post) -> bool:
    group = post.topic.group
    if post.deleted_at is not None:
        return False
    if can_moderate(user, group):
        return True
    return post.author_id == getattr(user, "id", None) and can_post_in(user, group)


def can_see_hidden_post(user, post) -> bool:
    """Hidden posts stay visible to their author and the group's moderators, with a banner."""
    return post.author_id == getattr(user, "id", None) or can_moderate(user, post.topic.group)


def can_see_topic(user, topic) -> bool:
    """A hidden topic is one whose first post is held for review: its author and the group's
    moderators see it; for everyone else it does not exist (404)."""
    if not topic.hidden:
        return True
    return topic.author_id == getattr(user, "id", None) or can_moderate(user, topic.group)


def can_see_post(user, post) -> bool:
    """A held post is there only for its author and the moderators: others do not even see a placeholder."""
    return not post.is_held or can_see_hidden_post(user, post)


def can_quote_post(user, post) -> bool:
    """Quoting is replying with a post's words: a member who may reply in the topic, of a live post they
    see in full (a held or hidden post stays unquotable for everyone who sees only its placeholder)."""
    if post.deleted_at is not None or not can_reply(user, post.topic) or not can_see_topic(user, post.topic):
        return False
    return not post.hidden or can_see_hidden_post(user, post)


def can_handle_incidents(user) -> bool:
    """Privacy incidents name exposed posts and their readers: admins and privacy officers only."""
    return is_verified(user) and bool(user.is_admin or getattr(user, "is_privacy_officer", False))


def can_view_upload(user, upload) -> bool:
    """Unattached: only its author. Attached: whoever may read the post -- so a hidden, held or deleted
    post, a hidden topic or a removed image hides it from members; moderators of the group still see it
    (they review cases)."""
    if upload.removed_at is not None or not is_verified(user):
        return False
    if upload.post_id is None:
        return upload.owner_id == user.id
    post = db.session.get(Post, upload.post_id)
    if post is None:
        return False
    group = post.topic.group
    if not can_read_group(user, group):
        return False
    if can_moderate(user, group):
        return True
    if post.deleted_at is not None or post.topic.hidden:
        return False
    return not post.hidden or can_see_hidden_post(user, post)


def can_report_post(user, post) -> bool:
    group = post.topic.group
    return (
        can_read_group(user, group)
        and not is_suspended_in(user, group)
        and post.author_id != user.id
        and post.deleted_at is None
    )


def can_request_source(user, post) -> bool:
    """Asking the author for a source: a member who may post in the group, of someone else's live post that
    everyone sees (a hidden or held post is the moderators' business)."""
    return (post.author_id is not None and post.author_id != getattr(user, "id", None)
            and post.deleted_at is None and not post.hidden and not post.topic.hidden
            and can_post_in(user, post.topic.group))


def can_resolve_source_request(user, post) -> bool:
    """Closing a post's source requests without an edit: the group's moderators."""
    return post.deleted_at is None and can_moderate(user, post.topic.group)


def can_configure_guard(user) -> bool:
    """The patient-data guard's settings apply to the whole instance: admins only."""
    return is_admin(user)


def can_decide_appeal(user, appeal) -> bool:
    """A moderator other than the one who made the decision, or an admin, reviews an appeal; never
    the decider or the appellant themselves, so that every appeal gets a second pair of eyes."""
    user_id = getattr(user, "id", None)
    if user_id is None or user_id in (appeal.original_actor_id, appeal.appellant_id):
        return False
    return can_moderate(user, appeal.group)


def can_see_global_log(user) -> bool:
    """The moderation log of the whole instance, its filters and CSV export: admins only."""
    return is_admin(user)


def account_roles(user) -> list[str]:
    """The instance-wide roles an account holds, as pages name them (admins verify too, by their role)."""
    if user is None:
        return []
    return [name for name, held in (("admin", user.is_admin), ("verifier", user.is_verifier)) if held]


def role_labels(user) -> list[str]:
    """Every role an account plays, for the admins' account pages: its instance roles, else moderator
    (of some group), else member."""
    roles = account_roles(user)
    if roles:
        return roles
    return ["moderator"] if is_staff(user) else ["member"]


def is_suspended_account(user) -> bool:
    """An administrator suspended the whole account (not a suspension in one group)."""
    return user is not None and user.verification_status == VerificationStatus.SUSPENDED
