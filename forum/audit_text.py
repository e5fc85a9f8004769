"""The moderation log in words: one sentence per action code, shown on the log pages and written
into the CSV export next to the code.

Each sentence is translatable and takes its parameters by name: %(target)s is what the entry is
about (a member's name, a topic's title, a group's name), %(days)s and %(role)s come from the
entry's details. The actor's name stands before the sentence ("Dr. Mehta added Dr. X to the group")."""
from __future__ import annotations

from flask_babel import gettext, lazy_gettext as _l

# Action code -> sentence. Codes not listed here (a feature newer than this table) still read
# as words: see describe().
SENTENCES = {
    # groups and membership
    "group:create": _l("created the group %(target)s"),
    "group:update": _l("changed the settings of the group %(target)s"),
    "group:guidelines:publish": _l("published a new version of the guidelines of %(target)s"),
    "group:invite_policy:change": _l("changed who may invite to %(target)s"),
    "group:member:add": _l("added %(target)s to the group"),
    "group:member:remove": _l("removed %(target)s from the group"),
    "group:member:promote": _l("made %(target)s a moderator"),
    "group:member:demote": _l("made %(target)s a member instead of a moderator"),
    "group:join_request:approve": _l("let %(target)s join the group"),
    "group:join_request:decline": _l("declined the request of %(target)s to join the group"),
    "invitation:create": _l("created an invitation to %(target)s"),
    "invitation:revoke": _l("revoked an invitation to %(target)s"),
    # moderation
    "moderation:post:hide": _l("hid a post in “%(target)s”"),
    "moderation:post:delete": _l("deleted a post in “%(target)s”"),
    "moderation:post:restore": _l("restored a post in “%(target)s”"),
    "moderation:post:auto_hide": _l("hid a post in “%(target)s” after several reports"),
    "moderation:post:redact": _l("removed patient data from a post in “%(target)s”"),
    "moderation:post:release": _l("released a held post in “%(target)s”"),
    "moderation:post:hold": _l("held a post in “%(target)s” published past the patient-data guard"),
    "moderation:post:purge": _l("destroyed the text of a post deleted for patient privacy in “%(target)s”"),
    "post:redact": _l("removed patient data from their post in “%(target)s”"),
    "post:source_request:resolve": _l("closed the source requests on a post in “%(target)s”"),
    "post:source_request:escalate": _l("passed unanswered source requests on a post in “%(target)s” to the moderators"),
    "post:image:redact": _l("blacked out regions of an image in “%(target)s”"),
    "post:image:remove": _l("removed an image from “%(target)s”"),
    "group:guard_policy": _l("changed what happens to posts published past the patient-data guard in %(target)s"),
    "privacy:incident:open": _l("opened a privacy incident about %(target)s"),
    "privacy:incident:assess": _l("assessed the privacy incident about %(target)s"),
    "privacy:incident:close": _l("closed the privacy incident about %(target)s"),
    "privacy:officer:grant": _l("made %(target)s a privacy officer"),
    "privacy:officer:revoke": _l("removed %(target)s from the privacy officers"),
    "account:primer:accept": _l("confirmed the patient-data primer"),
    "moderation:case:dismiss": _l("dismissed the reports on a post in “%(target)s”"),
    "moderation:case:escalate": _l("escalated the reports on a post in “%(target)s” to the admins"),
    "moderation:case:refused": _l("was refused a decision on a post in “%(target)s”"),
    "moderation:member:warn": _l("warned %(target)s"),
    "moderation:member:suspend": _l("suspended %(target)s from the group for %(days)s days"),
    "moderation:member:ban": _l("banned %(target)s from the group"),
    "moderation:member:reinstate": _l("lifted the suspension or ban of %(target)s"),
    "moderation:topic:lock": _l("locked the topic “%(target)s”"),
    "moderation:topic:unlock": _l("unlocked the topic “%(target)s”"),
    "moderation:topic:pin": _l("pinned the topic “%(target)s”"),
    "moderation:topic:unpin": _l("unpinned the topic “%(target)s”"),
    "moderation:appeal:grant": _l("granted an appeal (%(target)s)"),
    "moderation:appeal:deny": _l("turned down an appeal (%(target)s)"),
    "post:edit": _l("edited a post in “%(target)s”"),
    "post:delete": _l("deleted a post in “%(target)s”"),
    # verification and accounts
    "verification:request:approve": _l("approved the credentials of %(target)s"),
    "verification:request:reject": _l("rejected the credentials of %(target)s"),
    "verification:account:suspend": _l("suspended the account of %(target)s"),
    "verification:account:unsuspend": _l("lifted the suspension of the account of %(target)s"),
    "verification:verifier:grant": _l("made %(target)s a verifier"),
    "verification:verifier:revoke": _l("ended the verifier role of %(target)s"),
    "user:admin:create": _l("created the admin account of %(target)s"),
    "account:2fa:reset": _l("reset the second factor of %(target)s"),
    # the patient-data guard
    "guard:settings:update": _l("changed the patient-data guard's settings"),
    "guard:public_numbers:update": _l("changed the guard's list of public service numbers"),
    "guard:pattern:add": _l("added the guard pattern “%(target)s”"),
    "guard:pattern:enable": _l("switched on the guard pattern “%(target)s”"),
    "guard:pattern:disable": _l("switched off the guard pattern “%(target)s”"),
}


def describe(action: str, target: str = "", details: dict | None = None) -> str:
    """The sentence for one log entry, in the reader's language."""
    details = details or {}
    params = {"target": target or gettext("someone"), "days": details.get("days", "?"),
              "role": details.get("role", "")}
    sentence = SENTENCES.get(action)
    if sentence is None:
        # A code without a sentence yet: its words, so the entry is still readable.
        words = " ".join(part.replace("_", " ") for part in action.split(":"))
        return gettext("%(action)s: %(target)s", action=words, target=params["target"]) if target else words
    return str(sentence) % params


def describe_entry(entry, title: str | None = None) -> str:
    """`title`: the current title of the topic the entry is about, when the reader may see it; the entry
    itself keeps only a neutral label ("topic #12 in Cardiology")."""
    return describe(entry.action, title or entry.target_label, entry.details)


def action_label(action: str) -> str:
    """How an action code reads in the log's filter: the sentence about "someone"/"…"."""
    sentence = SENTENCES.get(action)
    if sentence is None:
        return " ".join(part.replace("_", " ") for part in action.split(":"))
    return str(sentence) % {"target": gettext("…"), "days": "N", "role": ""}
