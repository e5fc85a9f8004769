"""Access rules for the forum core: sign-in, dashboard and pages, groups, invitations, posts,
notifications, static files. Group URLs use group A (secret); the post is member's first post
in A; the invitation to A was made by `member`; /u/<username> is member's profile.

Anonymous visitors see only the sign-in page, the invitation landing page and the legal/about
pages; a non-member (and a pending or banned user) gets 404 for every group URL, since even the
existence of a secret group is confidential. A suspended account's session ends at its next
request, so every signed-in route sends it to sign in."""

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
    "static": EVERYONE,
    "main.robots": EVERYONE,
    "main.about": EVERYONE,
    "main.terms": EVERYONE,
    "main.privacy": EVERYONE,
    "auth.login": EVERYONE,  # signed-in users are sent on to their dashboard
    # The registration form, or "join this group" when signed in; no invitation re-admits a member banned
    # from its group, and the page says no more than for any unusable link.
    "invitations.landing": {**EVERYONE, "banned_member": "404"},
    # The link mailed to confirm a registration: whoever holds it sees the button.
    "invitations.confirm_registration": EVERYONE,
    "auth.logout": SIGNED_IN,
    "main.dashboard": SIGNED_IN,  # pending accounts see where their verification stands
    "notifications.index": SIGNED_IN,
    "notifications.read_all": SIGNED_IN,
    "search.index": VERIFIED,
    "posts.preview": VERIFIED,  # renders the author's own text; no group content
    # member's profile: themselves, and verified users who share a group with them
    "main.profile": {**READ_GROUP},
    "groups.new": {**MODERATE_GROUP, "pending": "403", "outsider": "403", "banned_member": "403",
                   "moderator": "403"},
    "groups.show": READ_GROUP,
    "groups.guidelines": READ_GROUP,
    # Settings and guidelines belong to the owner and admins, not to moderators.
    "groups.edit": {**MODERATE_GROUP, "moderator": "403"},
    # Asking to join a secret group is impossible for outsiders; members are told they belong already.
    "groups.request_join": READ_GROUP,
    "groups.join_requests": MODERATE_GROUP,
    "invitations.manage": WRITE_GROUP,  # group A lets members invite; suspended members may not
    "invitations.revoke_invitation": WRITE_GROUP,  # its inviter (member) and the group's moderators
    "posts.new_topic": WRITE_GROUP,
    "posts.topic": READ_GROUP,
    "posts.reply_to": WRITE_GROUP,
    "posts.show": READ_GROUP,
    "posts.edit": WRITE_GROUP,  # the author and moderators
    "posts.delete": WRITE_GROUP,  # the author and moderators
    "posts.history": WRITE_GROUP,  # the author and moderators
}

# The verifier (verified, in group B only) is, for the core, an outsider to group A.
RULES = {endpoint: {**rules, "verifier": rules["outsider"]} for endpoint, rules in RULES.items()}


def SETUP(world):
    from forum.invitations.services import create_invitation, request_registration

    invitation, _ = create_invitation(None, world.group_a, None)
    world.confirmation = request_registration(
        invitation, email="confirming@clinic.example", display_name="Dr. Confirming", password="tundra-violin-58-q",
        profession="physician").confirmation_token


PARAMS = {"confirmation": lambda world: world.confirmation}
