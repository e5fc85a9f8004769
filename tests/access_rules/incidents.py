# Privacy incidents (forum/incidents/views.py): admins and privacy officers see, assess, close and
# export them; only admins grant the officer role. The page is no secret, so others get 403.
# Suspended accounts are signed out at their next request, hence "login". The patient-data primer
# (forum/primer/views.py) is for verified accounts; others get 404, as for search.

from . import answers
from .moderation import MODERATE_A

_ADMINS = {
    "anonymous": "login", "suspended_account": "login", "pending": "403", "outsider": "403", "member": "403",
    "suspended_member": "403", "banned_member": "403", "moderator": "403", "verifier": "403", "admin": "ok",
}

_VERIFIED = {"pending": "404", "outsider": "ok", "member": "ok", "suspended_member": "ok", "banned_member": "ok",
             "moderator": "ok", "verifier": "ok", "admin": "ok"}

_HANDLERS = {**_ADMINS, "privacy_officer": "ok"}

RULES = {
    "incidents.index": answers(_HANDLERS, 200),
    "incidents.assess": answers(_HANDLERS, 302),
    "incidents.close": answers(_HANDLERS, 302),
    "incidents.export_csv": answers(_HANDLERS, 200),
    "incidents.export_json": answers(_HANDLERS, 200),
    "incidents.officer_role": answers({**_ADMINS, "privacy_officer": "403"}, 302),
    "primer.show": answers({**_ADMINS, **_VERIFIED, "privacy_officer": "ok"}, 200),
    # The per-group setting for posts published past the guard, beside the invitation policy; the verifier
    # and the privacy officer are not in group A.
    "moderation.guard_policy": answers({**MODERATE_A, "verifier": "404", "privacy_officer": "404"}, 302),
}

# Valid forms; the incident was assessed (no notification needed), so it can be closed.
FORMS = {
    "incidents.assess": lambda world: {"notification_needed": "no", "assessment": "One reader; no identifier left.",
                                       "version": str(world.incident_version)},
    "incidents.close": lambda world: {"close_reason": "Redacted within the hour; no notification needed.",
                                      "version": str(world.incident_version)},
    "moderation.guard_policy": lambda world: {"guard_policy": "hold"},
}


def SETUP(world):
    from forum.extensions import db
    from forum.incidents.models import PrivacyIncident
    from forum.db_types import utcnow

    now = utcnow()
    incident = PrivacyIncident(trigger="redact", published_at=now, hidden_at=now, confirmed_at=now, deadline_at=now,
                               readers=[], notification_needed=False, assessment="Seen by nobody before it was hidden.")
    db.session.add(incident)
    db.session.commit()
    world.incident = incident
    world.incident_version = incident.version


PARAMS = {
    "incident_id": lambda world: world.incident.id,
}
