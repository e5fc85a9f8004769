# Privacy incidents (forum/incidents/views.py): admins (and privacy officers, tested in
# tests/incidents/) see, assess, close and export them; the page is no secret, so others get 403.
# Suspended accounts are signed out at their next request, hence "login". The patient-data primer
# (forum/primer/views.py) is for verified accounts; others get 404, as for search.

from .moderation import MODERATE_A

DEFAULTS = {
    "anonymous": "login", "suspended_account": "login", "pending": "403", "outsider": "403", "member": "403",
    "suspended_member": "403", "banned_member": "403", "moderator": "403", "verifier": "403", "admin": "ok",
}

_VERIFIED = {"pending": "404", "outsider": "ok", "member": "ok", "suspended_member": "ok", "banned_member": "ok",
             "moderator": "ok", "verifier": "ok", "admin": "ok"}

RULES = {
    "incidents.index": {},
    "incidents.assess": {},
    "incidents.close": {},
    "incidents.export_csv": {},
    "incidents.export_json": {},
    "incidents.officer_role": {},
    "primer.show": _VERIFIED,
    # The per-group setting for posts published past the guard, beside the invitation policy.
    "moderation.guard_policy": {**MODERATE_A, "verifier": "404"},  # the verifier is not in group A
}


def SETUP(world):
    from forum.extensions import db
    from forum.incidents.models import PrivacyIncident
    from forum.db_types import utcnow

    now = utcnow()
    incident = PrivacyIncident(trigger="redact", published_at=now, hidden_at=now, confirmed_at=now, deadline_at=now,
                               readers=[])
    db.session.add(incident)
    db.session.commit()
    world.incident = incident


PARAMS = {
    "incident_id": lambda world: world.incident.id,
}
