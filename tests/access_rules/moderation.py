"""Access rules for moderation: reports, the review queue and cases, moderator tools, the log,
group management, appeals and muting. Group URLs use group A; `moderator` has the moderator role
there (the owner is someone else), the admin belongs to no group. The post is member's first post
in A (no reports); /u/<username> is member's page; the appeal is member's, against a decision made
by A's owner, so both `moderator` and `admin` may decide it.

Group pages for moderators answer 404 to whoever cannot see the group (non-members, pending and
banned users) and 403 to members who can see it but do not moderate it. Admin pages answer 404 to
unverified accounts and 403 to verified non-admins."""
from . import answers

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
    # Reporting member's post: not by its author (403), not while suspended (403); moderators and admins file the report.
    "moderation.report": answers({**MODERATE_A, "member": "403", "suspended_member": "403"}, 302),
    "moderation.overview": answers({**ADMIN_ONLY, "moderator": "ok"}, 200),  # every moderator's landing page
    "moderation.queue": answers(MODERATE_A, 200),
    "moderation.case": answers(MODERATE_A, 200),
    "moderation.post_tool": answers(MODERATE_A, 302),
    "moderation.lock_topic": answers(MODERATE_A, 302),
    "moderation.unlock_topic": answers(MODERATE_A, 302),
    "moderation.pin_topic": answers(MODERATE_A, 302),
    "moderation.unpin_topic": answers(MODERATE_A, 302),
    "moderation.group_log": answers(MODERATE_A, 200),
    "moderation.group_appeals": answers(MODERATE_A, 200),
    "moderation.members": answers(MODERATE_A, 200),
    "moderation.member_status": answers(MODERATE_A, 302),
    "moderation.member_remove": answers(MODERATE_A, 302),
    "moderation.invite_policy": answers(MODERATE_A, 302),
    "moderation.edit_guidelines": answers(MODERATE_A, 200),
    # Appointing and demoting moderators: the owner and admins, not moderators.
    "moderation.member_role": answers({**MODERATE_A, "moderator": "403"}, 302),
    "moderation.decide_appeal": answers(MODERATE_A, 302),
    "moderation.admin_queue": answers(ADMIN_ONLY, 200),
    "moderation.admin_log": answers(ADMIN_ONLY, 200),
    "moderation.admin_log_csv": answers(ADMIN_ONLY, 200),
    "moderation.appeals": answers(VERIFIED, 200),
    "moderation.new_appeal": answers(VERIFIED, 302),  # without ?decision= it leads to the list of one's decisions
    # Muting member: whoever can see member's page (members of a shared group, admins); member themself
    # is told that one cannot mute oneself.
    "moderation.mute": answers({**VERIFIED, "outsider": "404", "banned_member": "404"}, 302),
    "moderation.unmute": answers({**VERIFIED, "outsider": "404", "banned_member": "404"}, 302),
}

# Valid forms: whoever may act gets the action's success. The target is `member`.
FORMS = {
    "moderation.report": lambda world: {"reason": "off_topic", "details": ""},
    "moderation.member_status": lambda world: {"action": "warn", "reason": "Please keep to the group's topic.",
                                               "days": ""},
    "moderation.member_remove": lambda world: {"reason": "Left the hospital's team."},
    "moderation.member_role": lambda world: {"role": "moderator"},
    "moderation.invite_policy": lambda world: {"invite_policy": "moderators"},
    "moderation.decide_appeal": lambda world: {"decision": "deny", "reason": "The post was off topic; the decision stands."},
}

PARAMS = {
    "member_id": lambda world: world.users["member"].id,
    "appeal_id": lambda world: world.moderation_appeal.id,
}


def SETUP(world):
    """A second post by member, hidden by A's owner, and member's appeal against that decision."""
    from forum.audit import LogEntry
    from forum.extensions import db
    from forum.moderation.appeals import file_appeal
    from forum.moderation.cases import moderate_post

    owner = world.users["owner"]
    post = world.make.reply(world.topic, world.users["member"], body="A post that a moderator hid")
    with world.app.test_request_context():
        entry = moderate_post(owner, post, "hide", "Off topic for this group.")
        db.session.flush()
        world.moderation_appeal = file_appeal(world.users["member"], db.session.get(LogEntry, entry.id),
                                              "It answered the question asked in the topic.")
        db.session.commit()
