"""Timing of sign-in and reset answers for known and unknown e-mail addresses (account enumeration).

Run from the repository root:

    .venv/bin/python bench/login_timing.py [--rounds 40]

Uses the production password hash cost (argon2id defaults) on a temporary SQLite database and the
Flask test client, so the figures cover the application's own work: password check (or the dummy
check for unknown addresses), throttle bookkeeping, security events and the page. Prints the median
and spread per case and the difference between known and unknown addresses; the two should be
within noise of each other. A reset link is mailed only after the answer has been sent (when the
server closes the response), so mail delivery is not part of the measured answer.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from config import TestingConfig  # noqa: E402
from forum import create_app  # noqa: E402
from forum.accounts.services import create_user  # noqa: E402
from forum.extensions import db  # noqa: E402

PASSWORD = "correct horse battery staple"


def _measure(client, rounds: int, make_request) -> list[float]:
    times = []
    for number in range(rounds):
        started = time.perf_counter()
        response = make_request(client, number)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code < 500, response.status_code
    return times


def _line(name: str, times: list[float]) -> float:
    median = statistics.median(times)
    quartiles = statistics.quantiles(times, n=4)
    print(f"  {name:42} median {median:7.1f} ms   IQR {quartiles[0]:6.1f}-{quartiles[2]:6.1f} ms")
    return median


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="konsil-bench-"))
    app = create_app(TestingConfig, {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}", "PASSWORD_HASH_FAST": False,
        "WTF_CSRF_ENABLED": False, "MAIL_OUTBOX_DIR": str(folder / "outbox"),
        # No locks during the measurement: each round counts as a failure.
        "LOGIN_ACCOUNT_FAILURES": 10_000, "LOGIN_ADDRESS_FAILURES": 10_000, "LOG_REQUESTS": False,
    })
    with app.app_context():
        db.create_all()
        for number in range(args.rounds):  # one account per reset round: each sends at most 3 links an hour
            create_user(email=f"known{number}@bench.example", display_name=f"Known Person {number}",
                        password=PASSWORD, status="verified", organisation="Bench", country="DE",
                        profession="physician")
        create_user(email="known@bench.example", display_name="Known Person", password=PASSWORD,
                    status="verified", organisation="Bench", country="DE", profession="physician")
        db.session.commit()
        client = app.test_client()
        # Warm-up: first requests compile templates and fill caches.
        for _ in range(3):
            client.post("/auth/login", data={"email": "warm@bench.example", "password": "x" * 20})

        print(f"Sign-in with a wrong password ({args.rounds} rounds each, production argon2 cost):")
        known = _line("known address, wrong password", _measure(
            client, args.rounds, lambda c, n: c.post("/auth/login", data={
                "email": "known@bench.example", "password": f"wrong password {n}"})))
        unknown = _line("unknown address", _measure(
            client, args.rounds, lambda c, n: c.post("/auth/login", data={
                "email": f"nobody{n}@bench.example", "password": f"wrong password {n}"})))
        print(f"  difference known - unknown: {known - unknown:+.1f} ms ({(known - unknown) / unknown:+.1%})")

        print("Password reset request, until the answer is complete (the mail leaves after it):")
        known_reset = _line("known address", _measure(
            client, args.rounds, lambda c, n: c.post("/auth/reset", data={"email": f"known{n}@bench.example"})))
        unknown_reset = _line("unknown address", _measure(
            client, args.rounds, lambda c, n: c.post("/auth/reset", data={"email": f"nobody{n}@bench.example"})))
        print(f"  difference known - unknown: {known_reset - unknown_reset:+.1f} ms")


if __name__ == "__main__":
    main()
