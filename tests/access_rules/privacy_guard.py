"""Access rules for the patient-data guard's settings: instance-wide, so admins only.
Signed-in users without the role get 403 (the page's existence is no secret); a pending account
too; a suspended account's session ends at its next request."""
from . import answers

ADMIN_ONLY = {"anonymous": "login", "pending": "403", "suspended_account": "login", "outsider": "403",
              "member": "403", "suspended_member": "403", "banned_member": "403", "moderator": "403", "admin": "ok"}

RULES = {
    "guard.settings": answers(ADMIN_ONLY, 200),
    "guard.patterns": answers(ADMIN_ONLY, 302),
    "guard.toggle": answers(ADMIN_ONLY, 302),
    "guard.public_numbers_update": answers(ADMIN_ONLY, 302),
}

FORMS = {
    "guard.patterns": lambda world: {"label": "Ward number", "pattern": r"WD-\d{4}",
                                     "explanation": "This looks like one of our ward numbers."},
}


def _pattern_id(world):
    from forum.extensions import db
    from forum.privacy_guard.models import GuardPattern

    row = GuardPattern(label="Record", pattern=r"KH-\d{6}", explanation="Record number")
    db.session.add(row)
    db.session.commit()
    return row.id


PARAMS = {"pattern_id": _pattern_id}
