"""Access rules for the forum core: sign-in, dashboard and pages, groups, invitations, posts,
notifications, static files. Group URLs use group A (secret); the post is member's first post
in A; the invitation to A was made by `member`; /u/<username> is member's profile.

Anonymous visitors see only the sign-in page, the invitation landing page and the legal/about
pages; a non-member (and a pending or banned user) gets 404 for every group URL, since even the
existence of a secret group is confidential. A suspended account's session ends at its next
request, so every signed-in route sends it to sign in.

Allowed personas are written "ok" in the tables below; each route then says the precise status they
get (tests/access_rules/__init__.py)."""
from . import answers

EVERYONE = {persona: "ok" for persona in ("anonymous", "pending", "suspended_account", "outsider", "member",
                                          "suspended_member", "banned_member", "moderator", "admin")}

# Signed in (any verification state) and nothing more.
SIGNED_IN = {"anonymous": "login", "pending": "ok", "suspended_account": "login", "outsider": "ok", "member": "ok",
             "suspended_member": "ok", "banned_member": "ok", "moderator": "ok", "admin": "ok"}

# Verified professionals, whatever their groups.
VERIFIED = {**SIGNED_IN, "pending": "404"}

# Reading group A: its members (suspended ones too), its moderators and admins.
READ_GROUP = {"anonymous": "login", "pending": "404", "suspended_account": "login", "outsider": "404",
              "member": "ok", "suspended_member": "ok", "banned_member": "404", "moderator": "ok", "admin": "ok"}

# Writing in group A: as reading, but a member suspended in the group may not.
WRITE_GROUP = {**READ_GROUP, "suspended_member": "403"}

# Running group A: moderators and admins.
MODERATE_GROUP = {**WRITE_GROUP, "member": "403"}

RULES = {
    "static": answers(EVERYONE, 200),
    "main.robots": answers(EVERYONE, 200),
    "main.about": answers(EVERYONE, 200),
    "main.terms": answers(EVERYONE, 200),
    "main.privacy": answers(EVERYONE, 200),
    # The form for whoever is signed out; signed-in users are sent on to their dashboard.
    "auth.login": answers(EVERYONE, 302, anonymous=200, suspended_account=200),
    # The registration form, or "join this group" when signed in; no invitation re-admits a member banned
    # from its group, and the page says no more than for any unusable link.
    "invitations.landing": answers({**EVERYONE, "banned_member": "404"}, 200),
    "auth.logout": answers(SIGNED_IN, 302),
    "main.dashboard": answers(SIGNED_IN, 200),  # pending accounts see where their verification stands
    "notifications.index": answers(SIGNED_IN, 200),
    "notifications.read_all": answers(SIGNED_IN, 302),
    "notifications.preferences_page": answers(SIGNED_IN, 200),
    # Only the notification's own reader may open it; for everyone else it does not exist.
    "notifications.open": {**{persona: "404" for persona in SIGNED_IN}, "anonymous": "login",
                           "suspended_account": "login", "member": "302"},
    "search.index": answers(VERIFIED, 200),
    "posts.preview": answers(VERIFIED, 200),  # renders the author's own text; no group content
    # member's profile: themselves, and verified users who share a group with them
    "main.profile": answers({**READ_GROUP}, 200),
    "groups.new": answers({**MODERATE_GROUP, "pending": "403", "outsider": "403", "banned_member": "403",
                           "moderator": "403"}, 200),
    "groups.show": answers(READ_GROUP, 200),
    "groups.guidelines": answers(READ_GROUP, 200),
    # Settings and guidelines belong to the owner and admins, not to moderators.
    "groups.edit": answers({**MODERATE_GROUP, "moderator": "403"}, 200),
    # Asking to join a secret group is impossible for outsiders; members are told they belong already.
    "groups.request_join": answers(READ_GROUP, 302),
    "groups.join_requests": answers(MODERATE_GROUP, 200),
    "invitations.manage": answers(WRITE_GROUP, 200),  # group A lets members invite; suspended members may not
    "invitations.revoke_invitation": answers(WRITE_GROUP, 302),  # its inviter (member) and the group's moderators
    "posts.new_topic": answers(WRITE_GROUP, 200),
    "posts.topic": answers(READ_GROUP, 200),
    "posts.reply_to": answers(WRITE_GROUP, 302),
    "posts.show": answers(READ_GROUP, 302),
    "posts.edit": answers(WRITE_GROUP, 200),  # the author and moderators
    "posts.delete": answers(WRITE_GROUP, 302),  # the author and moderators
    "posts.history": answers(WRITE_GROUP, 200),  # the author and moderators
}

# A reply that the guard lets through: whoever may write in group A publishes it.
FORMS = {
    "posts.reply_to": lambda world: {"body": "Thank you, that answers my question about the dosing schedule."},
}

# The verifier (verified, in group B only) is, for the core, an outsider to group A.
RULES = {endpoint: {**rules, "verifier": rules["outsider"]} for endpoint, rules in RULES.items()}


def _members_notification(world):
    """A notification of member's: the moderator's reply in member's topic (member watches what they post in)."""
    from sqlalchemy import select

    from forum.notifications.models import Notification
    from forum.extensions import db

    return db.session.scalar(select(Notification.id).where(Notification.user_id == world.users["member"].id,
                                                           Notification.topic_id == world.topic.id)
                             .order_by(Notification.id))


PARAMS = {"notification_id": _members_notification}
