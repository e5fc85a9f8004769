# Routes of the verification feature (forum/verification/views.py).
# The applicant's page is open to every signed-in account; the queue to verifiers (admins are
# verifiers); member management to admins. Those pages are not secret, so others get 403, not 404.
# Suspended accounts are signed out at their next request, hence "login".
from forum.accounts.models import VerificationStatus

from . import answers

_ADMINS = {
    "anonymous": "login", "suspended_account": "login", "pending": "403", "outsider": "403", "member": "403",
    "suspended_member": "403", "banned_member": "403", "moderator": "403", "verifier": "403", "admin": "ok",
}

_EVERY_ACCOUNT = {"pending": "ok", "outsider": "ok", "member": "ok", "suspended_member": "ok",
                  "banned_member": "ok", "moderator": "ok", "verifier": "ok", "admin": "ok"}
_VERIFIERS = {"verifier": "ok", "admin": "ok"}

RULES = {
    "verification.status": answers({**_ADMINS, **_EVERY_ACCOUNT}, 200),  # GET the status page, POST (re)submitted credentials
    "verification.queue": answers({**_ADMINS, **_VERIFIERS}, 200),
    "verification.review": answers({**_ADMINS, **_VERIFIERS}, 200),     # GET the request, POST decision/reason
    "verification.accounts": answers(_ADMINS, 200),                     # admins only
    "verification.account": answers(_ADMINS, 200),
    "verification.verifier_role": answers(_ADMINS, 302),
    "verification.suspend_account": answers(_ADMINS, 302),
    "verification.unsuspend_account": answers(_ADMINS, 302),
}

FORMS = {
    "verification.suspend_account": lambda world: {"reason": "Licence withdrawn by the Karnataka Nursing Council."},
}


def SETUP(world):
    from forum.verification.services import submit

    applicant = world.make.user("Access Applicant", status=VerificationStatus.PENDING)
    world.verification_request = submit(applicant, profession="nurse", specialty="", organisation="Ward C",
                                        country="IN", licence_number="KNC-12345",
                                        licence_authority="Karnataka Nursing Council")
    world.account_target = world.make.user("Access Target")


PARAMS = {
    "verification_id": lambda world: world.verification_request.id,
    "account_id": lambda world: world.account_target.id,
}
