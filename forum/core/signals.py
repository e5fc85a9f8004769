"""Named signals: how one feature reacts to another without importing it. Each is sent inside the
request's transaction; receivers flush but never commit. Features connect their receivers in their
own init_app (see forum/__init__.py), so a receiver that is not connected is a visible omission in
one place, not a silent fallback around an import."""
from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

# sender: the app; user=, actor=. Every feature that keeps personal data of its own about the user
# (credentials under review, mutes, case snapshots ...) erases it here, before the commit.
account_erased = _signals.signal("account-erased")

# sender: the app; user=. Receivers return {section name: JSON-able data} for the user's export.
account_exported = _signals.signal("account-exported")

# sender: the app; author=, post=. The author published past the patient-data guard's findings.
post_published_past_findings = _signals.signal("post-published-past-findings")

# sender: the app; editor=, post=, old_texts=. The author edited their post and said the edit removes
# patient data: every other copy of the removed words must go, in the same transaction.
patient_data_removed_by_author = _signals.signal("patient-data-removed-by-author")

# sender: the app; editor=, post=, old_source=. A post's text changed through an edit (by its author or a
# moderator), inside the edit's transaction: participation answers source requests the edit gave a reference.
post_edited = _signals.signal("post-edited")

# sender: the app; engine=. After the commit of a redaction, before the database's free pages are wiped:
# receivers that keep copies of text in structures of their own (index segments) compact them now.
text_removed_from_disk = _signals.signal("text-removed-from-disk")

# sender: the app; country=, profession=, number=. Receivers return a message when the licence
# number fails its format or check digit, else None.
licence_number_checked = _signals.signal("licence-number-checked")


def first_answer(results) -> object | None:
    """The first non-None value receivers returned (blinker's send gives (receiver, value) pairs)."""
    for _receiver, value in results:
        if value is not None:
            return value
    return None
