"""Access rules for the patient-data guard's settings: instance-wide, so admins only.
Signed-in users without the role get 403 (the page's existence is no secret); a pending account
too; a suspended account's session ends at its next request."""

ADMIN_ONLY = {"anonymous": "login", "pending": "403", "suspended_account": "login", "outsider": "403",
              "member": "403", "suspended_member": "403", "banned_member": "403", "moderator": "403", "admin": "ok"}

RULES = {
    "guard.settings": ADMIN_ONLY,
    "guard.patterns": ADMIN_ONLY,
    "guard.toggle": ADMIN_ONLY,
    "guard.public_numbers_update": ADMIN_ONLY,
}


def _pattern_id(world):
    from forum.extensions import db
    from forum.privacy_guard.models import GuardPattern

    row = GuardPattern(label="Record", pattern=r"KH-\d{6}", explanation="Record number")
    db.session.add(row)
    db.session.commit()
    return row.id


PARAMS = {"pattern_id": _pattern_id}
