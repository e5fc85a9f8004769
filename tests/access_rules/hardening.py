"""Access rules for the operator endpoints (forum/ops/views.py).

/healthz answers everyone, signed in or not: load balancers and monitors call it without a session.
It reveals nothing but "ok" or "unavailable" per check, so there is nothing to protect."""
from . import answers

RULES = {
    "ops.healthz": answers({persona: "ok" for persona in ("anonymous", "pending", "suspended_account", "outsider",
                                                          "member", "suspended_member", "banned_member", "moderator",
                                                          "admin")}, 200),
}
