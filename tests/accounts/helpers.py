"""Helpers for the account-security tests: authenticator codes and enrolment through the real pages (signing in
is tests.conftest.sign_in, the suite's one way)."""
from __future__ import annotations

import re
import time

import pyotp

from forum.accounts.models import TwoFactor
from forum.extensions import db
from tests.factories import PASSWORD


def secret_of(user) -> str:
    factor = db.session.query(TwoFactor).filter_by(user_id=user.id).one()
    return factor.secret or factor.pending_secret


def code(secret: str, steps_from_now: int = 0) -> str:
    """The authenticator code of a time step near now. Every step is accepted only once, so tests that sign in
    twice use neighbouring steps (-1, 0, +1 are all in the accepted window).

    A code of the previous step stays accepted only until the current step ends; on a loaded machine the
    request can arrive after that, so near a step's end this waits for the next step to begin."""
    remaining = 30 - time.time() % 30
    if steps_from_now < 0 and remaining < 8:
        time.sleep(remaining + 0.05)
    return pyotp.TOTP(secret).generate_otp(int(time.time() // 30) + steps_from_now)


def enrol(client, user) -> tuple[str, list[str]]:
    """Turn on two-factor sign-in through the settings pages; returns the secret and the recovery codes."""
    assert client.post("/settings/two-factor/start").status_code == 302
    page = client.get("/settings/two-factor").get_data(as_text=True)
    secret = re.search(r'<code class="totp-secret" id="totp-secret">([A-Z2-7 ]+)</code>', page).group(1)
    secret = secret.replace(" ", "")
    response = client.post("/settings/two-factor/confirm", data={"code": code(secret, -1), "password": PASSWORD})
    assert response.status_code == 200, response.get_data(as_text=True)
    codes = re.findall(r"<li><code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code></li>",
                       response.get_data(as_text=True))
    assert len(codes) == 10
    return secret, codes


def is_signed_in(client) -> bool:
    response = client.get("/settings")
    return response.status_code == 200


def flash_text(html: str) -> str:
    return " ".join(re.findall(r'<p class="flash[^"]*">(.*?)</p>', html, flags=re.S))
