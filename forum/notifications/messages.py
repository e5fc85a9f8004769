"""What each notification says, by key: rendered when it is read, in the reader's language, from the
parameters stored with it. The group's name, the topic's title and the actor's name are looked up at
read time (so a renamed group, an edited title or an erased account show as they are now).

Audiences decide who may read a notification, at send time and again at read time:
  subject -- about the reader themselves (a sanction, a verification decision): always shown;
  member  -- about a group: only while the reader can see the group (not banned, not removed);
  staff   -- for the group's moderators: only while the reader moderates it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from flask_babel import format_date, format_time, get_timezone
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

SUBJECT, MEMBER, STAFF = "subject", "member", "staff"


@dataclass(frozen=True)
class Message:
    text: object                     # a lazy string with %(name)s placeholders
    audience: str = SUBJECT
    dates: dict = field(default_factory=dict)  # parameter -> DATETIME or DATE, stored as ISO text
    plural: object = None            # fn(count, **values) -> text, through ngettext, when the text has a number
    count: str = ""


# How a stored date is shown: with the reader's month names and clock, in the reader's time zone (a moment), or
# as the calendar day it names (a date, never shifted by a time zone).
DATETIME = "datetime"
DATE = "date"
SANCTION_DATE = DATETIME
VERIFICATION_DATE = DATE

MESSAGES: dict[str, Message] = {
    "legacy": Message(_l("%(text)s")),
    "reply": Message(_l("%(actor)s replied to “%(topic)s”"), MEMBER),
    "topic.new": Message(_l("%(actor)s started “%(topic)s” in %(group)s"), MEMBER),
    "mention": Message(_l("%(actor)s mentioned you in “%(topic)s”"), MEMBER),
    "source_request.asked": Message(_l("A colleague asks for the source of a clinical claim in your post in "
                                       "“%(topic)s”. Edit the post to add a link, a DOI or a PubMed id."), MEMBER),
    "source_request.answered": Message(_l("The author added a source to the post you asked about in “%(topic)s”."),
                                       MEMBER),
    "source_request.resolved": Message(_l("A moderator closed your source request on a post in “%(topic)s”."),
                                       MEMBER),
    "source_request.escalated": Message(_l("A source request on a post in “%(topic)s” has had no answer for %(days)s "
                                           "days. Please review it."), STAFF),
    "bookmark.reminder": Message(_l("Reminder: the post you bookmarked in “%(topic)s”."), MEMBER),
    "post.edited_by_moderator": Message(_l("A moderator edited your post in “%(topic)s”: %(reason)s"), MEMBER),
    "invitation.accepted": Message(_l("%(actor)s accepted your invitation to %(group)s."), MEMBER),
    "join.asked": Message(_l("%(actor)s asks to join %(group)s."), STAFF),
    "join.approved": Message(_l("You can now join %(group)s: accept its guidelines to start reading.")),
    "join.declined": Message(_l("Your request to join %(group)s was declined.")),
    "join.declined_reason": Message(_l("Your request to join %(group)s was declined. Reason: %(reason)s")),
    "role.promoted": Message(_l("You are now a moderator of %(group)s."), MEMBER),
    "role.demoted": Message(_l("You are no longer a moderator of %(group)s."), MEMBER),
    "member.removed": Message(_l("You were removed from %(group)s: %(reason)s")),
    "appeal.filed": Message(_l("%(actor)s appealed a decision in %(group)s."), STAFF),
    "appeal.granted": Message(_l("Your appeal in %(group)s was granted: the decision is reversed. %(reason)s")),
    "appeal.denied": Message(_l("Your appeal in %(group)s was denied: the decision stands. %(reason)s")),
    "appeal.granted_against_you": Message(_l("%(actor)s granted an appeal against your decision in %(group)s."),
                                          MEMBER),
    "sanction.warned": Message(_l("A moderator of %(group)s warned you: %(reason)s")),
    "sanction.warned_post": Message(_l("A moderator of %(group)s warned you about your post in “%(topic)s”: "
                                       "%(reason)s")),
    "sanction.suspended": Message(_l("You are suspended from %(group)s until %(until)s: %(reason)s You can still "
                                     "read the group, but not post, report or invite. You can appeal within "
                                     "%(days)s days."), dates={"until": SANCTION_DATE}),
    "sanction.suspended_post": Message(_l("You are suspended from %(group)s until %(until)s about your post in "
                                          "“%(topic)s”: %(reason)s You can still read the group, but not post, report "
                                          "or invite. You can appeal within %(days)s days."),
                                       dates={"until": SANCTION_DATE}),
    "sanction.banned": Message(_l("You were banned from %(group)s: %(reason)s You can appeal within %(days)s days.")),
    "sanction.banned_post": Message(_l("You were banned from %(group)s about your post in “%(topic)s”: %(reason)s "
                                       "You can appeal within %(days)s days.")),
    "sanction.invitee_banned": Message(_l("%(member)s, whom you invited, was banned from %(group)s by its "
                                          "moderators."), MEMBER),
    "sanction.lifted": Message(_l("Your suspension or ban in %(group)s was lifted: %(reason)s")),
    "post.auto_hidden_privacy": Message(_l("A post in “%(topic)s” was hidden automatically after a patient-privacy "
                                           "report. Please review it."), STAFF),
    "post.auto_hidden_reports": Message(_l("A post in “%(topic)s” was hidden automatically after reports from "
                                           "%(count)s members. Please review it."), STAFF),
    "post.yours_auto_hidden_privacy": Message(_l("Your post in “%(topic)s” is hidden from other members after a "
                                                 "patient-privacy report, until a moderator reviews it.")),
    "post.yours_auto_hidden_reports": Message(_l("Your post in “%(topic)s” is hidden from other members after "
                                                 "reports from %(count)s members, until a moderator reviews it.")),
    "case.escalated": Message(_l("%(actor)s escalated a case in %(group)s (“%(topic)s”) to the admins."), STAFF),
    "case.restored": Message(_l("Moderators reviewed your post in “%(topic)s” and restored it: %(reason)s")),
    "post.hidden": Message(_l("A moderator hid your post in “%(topic)s” from other members: %(reason)s You can "
                              "appeal within %(days)s days.")),
    "post.deleted": Message(_l("A moderator deleted your post in “%(topic)s”: %(reason)s You can appeal within "
                               "%(days)s days.")),
    "post.restored": Message(_l("A moderator restored your post in “%(topic)s”: %(reason)s")),
    "report.kept": Message(_l("Moderators reviewed the post you reported in “%(topic)s” and found it within the "
                              "group's guidelines. Thank you for reporting."), MEMBER),
    "report.hidden": Message(_l("Moderators reviewed the post you reported in “%(topic)s” and hid the post. "
                                "Thank you for reporting."), MEMBER),
    "report.removed": Message(_l("Moderators reviewed the post you reported in “%(topic)s” and removed the post. "
                                 "Thank you for reporting."), MEMBER),
    "report.sanctioned": Message(_l("Moderators reviewed the post you reported in “%(topic)s” and took action "
                                    "against its author. Thank you for reporting."), MEMBER),
    "verification.renewed": Message(_l("Your verification is renewed until %(until)s."),
                                    dates={"until": VERIFICATION_DATE}),
    "verification.approved_groups": Message(_l("Your credentials are verified. You can now join %(groups)s: accept "
                                               "each group's guidelines to start reading.")),
    "verification.approved": Message(_l("Your credentials are verified. Ask a colleague to invite you to a group.")),
    "verification.rejected": Message(_l("A verifier could not confirm your credentials: %(reason)s Correct your "
                                        "details and submit them again.")),
    "verification.rejected_still_valid": Message(_l("A verifier could not confirm your credentials: %(reason)s Your "
                                                    "current verification stays valid until it lapses; correct your "
                                                    "details and submit again.")),
    "verification.expiring": Message(None, dates={"until": VERIFICATION_DATE}, count="days",
                                     plural=lambda n, **values: ngettext(
        "Your verification lapses on %(until)s (in %(num)s day). Confirm your credentials to keep reading your groups.",
        "Your verification lapses on %(until)s (in %(num)s days). Confirm your credentials to keep reading your groups.",
        n, **values)),
    "verification.lapsed": Message(_l("Your verification has lapsed, so your groups are paused. Your memberships are "
                                      "kept: confirm your credentials and a verifier will restore your access.")),
    "account.suspended": Message(_l("Your account was suspended: %(reason)s")),
    "account.reinstated": Message(_l("Your account's suspension was lifted.")),
    "account.reinstated_note": Message(_l("Your account's suspension was lifted. %(note)s")),
    "verifier.appointed": Message(_l("You are now a verifier: you review colleagues' credentials in the "
                                     "verification queue.")),
    "verifier.removed": Message(_l("You are no longer a verifier.")),
    "post.held_for_review": Message(_l("A post in “%(topic)s” was published past the patient-data guard and waits "
                                       "for your review."), STAFF),
    "post.released": Message(_l("A moderator reviewed your post in “%(topic)s” and published it: %(reason)s"),
                             MEMBER),
    "post.redacted": Message(_l("A moderator removed patient data from your post in “%(topic)s”: %(reason)s"),
                             MEMBER),
    "report.redacted": Message(_l("Moderators reviewed the post you reported in “%(topic)s” and removed the patient "
                                  "data from it. Thank you for reporting."), MEMBER),
    "incident.opened": Message(_l("A privacy incident was opened in %(group)s: assess it before %(deadline)s."),
                               dates={"deadline": SANCTION_DATE}),
    "role.privacy_officer_granted": Message(_l("You are now a privacy officer: you assess privacy incidents.")),
    "role.privacy_officer_revoked": Message(_l("You are no longer a privacy officer.")),
}


def format_stored_date(raw: str, style: str) -> str:
    """An ISO date or moment stored with a notification, in the current locale (and, for a moment, time zone)."""
    moment = datetime.fromisoformat(raw)
    if style == DATE:
        return format_date(date(moment.year, moment.month, moment.day), "long")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    zone = getattr(get_timezone(), "zone", None) or str(get_timezone())
    return f"{format_date(moment, 'long')}, {format_time(moment, 'short')} ({zone})"


def render(key: str, params: dict) -> str:
    """The sentence for a stored notification, in the current locale and time zone."""
    message = MESSAGES.get(key) or MESSAGES["legacy"]
    values = dict(params)
    for name, style in message.dates.items():
        raw = values.get(name)
        if isinstance(raw, str) and raw:
            try:
                values[name] = format_stored_date(raw, style)
            except ValueError:
                pass
    try:
        if message.plural is not None:
            values.pop("num", None)
            return message.plural(int(values.get(message.count) or 0), **values)
        return str(message.text) % values
    except (KeyError, TypeError, ValueError):
        return str(values.get("text", ""))


# Similar notifications shown as one line ("3 new replies in X"): unread ones with the same key about the same topic.
# Messages whose subject is the post's content (what it says, who wrote or quoted it): once the reader may no
# longer see that post, they are neither named nor linked.  Every other message about a post reports what
# happened to it (a report's outcome, a hold, a redaction): the post being hidden is the news, so only the
# topic's readability decides.
ABOUT_POST_CONTENT = frozenset({"legacy", "reply", "mention", "source_request.asked", "source_request.answered",
                                "source_request.resolved", "source_request.escalated", "bookmark.reminder"})

GROUPED = {
    "reply": lambda n, **values: ngettext("%(num)d new reply in “%(topic)s”",
                                          "%(num)d new replies in “%(topic)s”", n, **values),
    "mention": lambda n, **values: ngettext("%(num)d mention of you in “%(topic)s”",
                                            "%(num)d mentions of you in “%(topic)s”", n, **values),
    "topic.new": lambda n, **values: ngettext("%(num)d new topic in %(group)s",
                                              "%(num)d new topics in %(group)s", n, **values),
}


def render_group(key: str, count: int, params: dict) -> str:
    """The one line for `count` similar notifications (GROUPED), with the latest one's parameters."""
    values = {k: v for k, v in params.items() if k != "num"}
    try:
        return GROUPED[key](count, **values)
    except (KeyError, TypeError, ValueError):
        return render(key, params)
