"""Access rules for moderation: reports, the review queue and cases, moderator tools, the log,
group management, appeals and muting. Group URLs use group A; `moderator` has the moderator role
there (the owner is someone else), the admin belongs to no group. The post is member's first post
in A (no reports); /u/<username> is member's page; the appeal is member's, against a decision made
by A's owner, so both `moderator` and `admin` may decide it.

Group pages for moderators answer 404 to whoever cannot see the group (non-members, pending and
banned users) and 403 to members who can see it but do not moderate it. Admin pages answer 404 to
unverified accounts and 403 to verified non-admins."""
from sqlalchemy import select

SIGNED_OUT = {"anonymous": "login", "suspended_account": "login"}

# Moderating group A: its moderators and admins; members are told 403, the rest see nothing (404).
MODERATE_A = {**SIGNED_OUT, "pending": "404", "outsider": "404", "member": "403", "suspended_member": "403",
              "banned_member": "404", "moderator": "ok", "admin": "ok"}

# Instance-wide moderation pages: admins only.
ADMIN_ONLY = {**SIGNED_OUT, "pending": "404", "outsider": "403", "member": "403", "suspended_member": "403",
              "banned_member": "403", "moderator": "403", "admin": "ok"}

# Anything for verified professionals about themselves (appeals live outside /g/<slug>, so that a
# member banned from the group can still reach them).
VERIFIED = {**SIGNED_OUT, "pending": "404", "outsider": "ok", "member": "ok", "suspended_member": "ok",
            "banned_member": "ok", "moderator": "ok", "admin": "ok"}

RULES = {
    # Reporting member's post: not by its author (403), not while suspended (403); others' empty form is refused (ok).
    "moderation.report": {**MODERATE_A, "member": "403", "suspended_member": "403"},
    "moderation.overview": {**ADMIN_ONLY, "moderator": "ok"},  # every moderator's landing page
    "moderation.queue": MODERATE_A,
    "moderation.case": MODERATE_A,
    "moderation.post_tool": MODERATE_A,
    "moderation.lock_topic": MODERATE_A,
    "moderation.unlock_topic": MODERATE_A,
    "moderation.pin_topic": MODERATE_A,
    "moderation.unpin_topic": MODERATE_A,
    "moderation.group_log": MODERATE_A,
    "moderation.group_appeals": MODERATE_A,
    "moderation.members": MODERATE_A,
    "moderation.member_status": MODERATE_A,
    "moderation.member_remove": MODERATE_A,
    "moderation.invite_policy": MODERATE_A,
    "moderation.edit_guidelines": MODERATE_A,
    # Appointing and demoting moderators: the owner and admins, not moderators.
    "moderation.member_role": {**MODERATE_A, "moderator": "403"},
    "moderation.decide_appeal": MODERATE_A,
    "moderation.admin_queue": ADMIN_ONLY,
    "moderation.admin_log": ADMIN_ONLY,
    "moderation.admin_log_csv": ADMIN_ONLY,
    "moderation.appeals": VERIFIED,
    "moderation.new_appeal": VERIFIED,  # without ?decision= it leads to the list of one's decisions
    # Muting member: whoever can see member's page (members of a shared group, admins); member themself
    # is told that one cannot mute oneself.
    "moderation.mute": {**VERIFIED, "outsider": "404", "banned_member": "404"},
    "moderation.unmute": {**VERIFIED, "outsider": "404", "banned_member": "404"},
}

PARAMS = {
    "member_id": lambda world: world.users["member"].id,
    "appeal_id": lambda world: world.moderation_appeal.id,
}


def SETUP(world):
    """A second post by member, hidden by A's owner, and member's appeal against that decision."""
    from forum.audit import LogEntry
    from forum.extensions import db
    from forum.groups.models import Membership, Role
    from forum.moderation.appeals import file_appeal
    from forum.moderation.cases import moderate_post

    owner = db.session.scalar(select(Membership).where(Membership.group_id == world.group_a.id,
                                                       Membership.role == Role.OWNER)).user
    post = world.make.reply(world.topic, world.users["member"], body="A post that a moderator hid")
    with world.app.test_request_context():
        entry = moderate_post(owner, post, "hide", "Off topic for this group.")
        db.session.flush()
        world.moderation_appeal = file_appeal(world.users["member"], db.session.get(LogEntry, entry.id),
                                              "It answered the question asked in the topic.")
        db.session.commit()
