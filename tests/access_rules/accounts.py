"""Access rules for account security (forum/accounts/views.py and the reset pages in forum/auth/views.py).

Settings, sessions, security events, export and deletion belong to whoever is signed in, pending accounts
included (it is their own data). The password reset pages are public: they must work for someone who cannot
sign in. The security log and second-factor resets are for admins; those pages are not secret, so other
signed-in accounts get 403. A suspended account's session ends at its next request, hence "login".
/auth/login and /auth/logout are stated in core.py."""
from . import answers

EVERYONE = {persona: "ok" for persona in ("anonymous", "pending", "suspended_account", "outsider", "member",
                                          "suspended_member", "banned_member", "moderator", "admin")}

SIGNED_IN = {"anonymous": "login", "pending": "ok", "suspended_account": "login", "outsider": "ok", "member": "ok",
             "suspended_member": "ok", "banned_member": "ok", "moderator": "ok", "admin": "ok"}

ADMINS = {"anonymous": "login", "pending": "403", "suspended_account": "login", "outsider": "403", "member": "403",
          "suspended_member": "403", "banned_member": "403", "moderator": "403", "admin": "ok"}

RULES = {
    "auth.reset_request": answers(EVERYONE, 200),
    "auth.reset_password": answers(EVERYONE, 200),  # with a valid link: the form (an empty POST is refused, 422)
    "accounts.settings": answers(SIGNED_IN, 200),
    "accounts.password": answers(SIGNED_IN, 200),
    "accounts.two_factor": answers(SIGNED_IN, 200),
    "accounts.two_factor_start": answers(SIGNED_IN, 302),
    "accounts.two_factor_cancel": answers(SIGNED_IN, 302),
    "accounts.two_factor_confirm": answers(SIGNED_IN, 302),
    "accounts.recovery_codes": answers(SIGNED_IN, 302),
    "accounts.two_factor_disable": answers(SIGNED_IN, 302),
    "accounts.sessions": answers(SIGNED_IN, 200),
    "accounts.end_sessions": answers(SIGNED_IN, 302),
    "accounts.security_events": answers(SIGNED_IN, 200),
    "accounts.export": answers(SIGNED_IN, 200),
    "accounts.delete": answers(SIGNED_IN, 200),
    "accounts.admin_security": answers(ADMINS, 200),
    "accounts.admin_reset_two_factor": answers(ADMINS, 302),  # the target is `member`
}


def SETUP(world):
    from forum.accounts.resets import issue

    world.reset_token = issue(world.users["member"])


PARAMS = {
    "token": lambda world: world.reset_token,
    "user_id": lambda world: world.users["member"].id,
}


def _member_session(world):
    """A session row of `member` (the world signs personas in only after PARAMS are computed)."""
    from forum.accounts.models import UserSession
    from forum.extensions import db

    row = UserSession(user_id=world.users["member"].id, sid_hash="0" * 64, method="password")
    db.session.add(row)
    db.session.flush()
    return row.id


PARAMS["session_id"] = _member_session
# Ending one of your own sessions; anyone else's session id is unknown to them.
RULES["accounts.end_one_session"] = answers({**SIGNED_IN, "pending": "404", "outsider": "404", "suspended_member": "404",
                                             "banned_member": "404", "moderator": "404", "admin": "404"}, 302)
