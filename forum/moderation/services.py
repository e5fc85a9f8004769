"""The moderation services, importable from their old place while branches that call them move to
the modules they now live in (reports, cases, sanctions, appeals, queue; group management in
forum.groups.management, mutes in forum.notifications.mutes, the invitation trail in
forum.invitations.trail, log queries in forum.audit). New code imports those modules directly."""
from __future__ import annotations

from ..audit import LogFilter, log_actions, log_page  # noqa: F401
from ..groups.management import (edit_guidelines, member_rows, membership_by_user, remove_member,  # noqa: F401
                                 set_invite_policy, set_role)
from ..invitations.trail import InvitationTrail, invitation_trail  # noqa: F401
from ..notifications.mutes import cached_muted_ids, has_muted, mute, muted_ids, muted_users, unmute  # noqa: F401
from .appeals import (APPEALABLE, appeal_deadline, appeal_problem, appealable_decisions, appeals_of,  # noqa: F401
                      decide_appeal, decision_for_appeal, file_appeal, open_appeals)
from .cases import (REPORTER_OUTCOMES, TOPIC_TOOLS, decide_case, moderate_post, set_topic_flag)  # noqa: F401
from .common import AlreadyDecided, DuplicateReport, ModerationError, NotAllowed, cached, reason_label  # noqa: F401
from .queue import (AuthorRecord, author_records, cases_for_post, moderated_groups, open_counts_by_group,  # noqa: F401
                    queue_page, review_summary)
from .reports import (file_automatic_privacy_report, file_report, has_open_report, open_case_for,  # noqa: F401
                      open_cases_in_topic, reported_post_ids)
from .sanctions import sanction_member  # noqa: F401
