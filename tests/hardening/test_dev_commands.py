"""What a newcomer runs first: `make run` (demo logins, a readable development log) and `make demo-reset`."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from bench.durability import Client, ConnectionBroken, free_port
from config import TestingConfig
from forum import create_app
from forum.accounts.models import User, VerificationStatus
from forum.demo import DEMO_PASSWORD
from forum.extensions import db
from forum.groups.models import Membership, Role
from forum.posts.models import Topic
from tests.test_migrations import _fresh_postgres_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_app(tmp_path):
    """An app on a database of its own: demo-reset drops every table in it."""
    base = os.environ.get("TEST_DATABASE_URL")
    url = _fresh_postgres_database(base, "konsil_demo_reset") if base else f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": url, "MAIL_OUTBOX_DIR": str(tmp_path / "outbox")})
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


def _logins(output: str) -> dict[str, str]:
    return dict(re.findall(r"^  (\S+@demo\.konsil\.example)\s+(.+)$", output, re.MULTILINE))


def test_a_second_demo_run_lists_the_logins_as_they_are_now(demo_app):
    runner = demo_app.test_cli_runner()
    first = runner.invoke(args=["forum", "demo-reset", "--yes"])
    assert first.exit_code == 0, first.output
    logins = _logins(first.output)
    assert logins["admin@demo.konsil.example"].startswith("admin")
    assert logins["moderator@demo.konsil.example"] == "moderator"
    assert logins["nurse@demo.konsil.example"] == "member"
    assert logins["pending@demo.konsil.example"] == "pending verification"
    assert DEMO_PASSWORD in first.output

    # Someone looks around: the nurse becomes a moderator, the pending doctor is verified, the GP leaves.
    nurse = db.session.scalar(select(User).where(User.email == "nurse@demo.konsil.example"))
    db.session.scalars(select(Membership).where(Membership.user_id == nurse.id)).first().role = Role.MODERATOR
    pending = db.session.scalar(select(User).where(User.email == "pending@demo.konsil.example"))
    pending.verification_status = VerificationStatus.VERIFIED
    gp = db.session.scalar(select(User).where(User.email == "gp@demo.konsil.example"))
    gp.email = "deleted-account@konsil.invalid"
    db.session.commit()

    second = runner.invoke(args=["forum", "demo"])
    assert second.exit_code == 0, second.output
    assert "already loaded" in second.output and "make demo-reset" in second.output
    now = _logins(second.output)
    assert now["nurse@demo.konsil.example"] == "moderator"
    assert now["pending@demo.konsil.example"] == "member"
    assert "gp@demo.konsil.example" not in now


def test_demo_reset_starts_again_from_a_fresh_demo(demo_app):
    runner = demo_app.test_cli_runner()
    assert runner.invoke(args=["forum", "demo-reset", "--yes"]).exit_code == 0
    topics = db.session.scalar(select(db.func.count(Topic.id)))
    nurse = db.session.scalar(select(User).where(User.email == "nurse@demo.konsil.example"))
    nurse.display_name = "Renamed by a visitor"
    db.session.add(User(email="visitor@example.org", display_name="Visitor", username="visitor",
                        password_hash="x", verification_status=VerificationStatus.PENDING))
    db.session.commit()

    refused = runner.invoke(args=["forum", "demo-reset"], input="n\n")
    assert refused.exit_code != 0 and "Delete everything" in refused.output
    assert db.session.scalar(select(User).where(User.email == "visitor@example.org")) is not None

    reset = runner.invoke(args=["forum", "demo-reset", "--yes"])
    assert reset.exit_code == 0, reset.output
    assert "A fresh demo is loaded" in reset.output
    db.session.remove()
    assert db.session.scalar(select(User).where(User.email == "visitor@example.org")) is None
    assert db.session.scalar(select(User.display_name).where(User.email == "nurse@demo.konsil.example")) \
        == "Sarah O'Connell"
    assert db.session.scalar(select(db.func.count(Topic.id))) == topics
    assert "alembic_version" in inspect(db.engine).get_table_names()  # built by the migrations


def test_demo_reset_is_refused_in_production(demo_app):
    demo_app.config["ENV_NAME"] = "production"
    result = demo_app.test_cli_runner().invoke(args=["forum", "demo-reset", "--yes"])
    assert result.exit_code != 0 and "refused in production" in result.output


def test_make_run_installs_only_what_running_needs():
    makefile = (ROOT / "Makefile").read_text()
    dry_run = subprocess.run(["make", "-n", "-B", "install-run"], cwd=ROOT, capture_output=True, text=True,
                             timeout=30)
    assert dry_run.returncode == 0, dry_run.stderr
    commands = [line for line in dry_run.stdout.splitlines() if "pip" in line]
    assert commands and all("[test]" not in line and "--upgrade" not in line for line in commands)
    tests = subprocess.run(["make", "-n", "-B", "install"], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert any(".[test]" in line for line in tests.stdout.splitlines() if "pip install" in line)
    assert re.search(r"^run: demo$", makefile, re.MULTILINE) and re.search(r"^demo: db$", makefile, re.MULTILINE)
    assert re.search(r"^db: install-run$", makefile, re.MULTILINE)
    assert re.search(r"^test: install$", makefile, re.MULTILINE)


def test_the_development_server_writes_one_readable_line_per_request(tmp_path):
    port = free_port()
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "TEST_DATABASE_URL", "SECRET_KEY", "LOG_REQUESTS", "LOG_FORMAT")}
    env.update({"FORUM_ENV": "development", "FORUM_INSTANCE_DIR": str(tmp_path / "instance"),
                "PYTHONUNBUFFERED": "1", "FLASK_APP": "wsgi"})
    flask = str(Path(sys.executable).with_name("flask"))
    log = tmp_path / "server.log"
    with open(log, "w") as output:
        process = subprocess.Popen([flask, "run", "--port", str(port)], cwd=ROOT, env=env, stdout=output,
                                   stderr=subprocess.STDOUT)
    try:
        client = Client(f"http://127.0.0.1:{port}", timeout=5)
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                answer = client.request("GET", "/auth/login")
                break
            except ConnectionBroken:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        assert answer.status == 200
        time.sleep(0.5)
    finally:
        process.terminate()
        process.wait(timeout=30)
    lines = log.read_text().splitlines()
    about_the_request = [line for line in lines if "/auth/login" in line or "auth.login" in line]
    assert len(about_the_request) == 1, lines
    assert '"GET /auth/login HTTP/1.1" 200' in about_the_request[0]
    assert not [line for line in lines if line.startswith("{")], lines  # no JSON in the terminal


def test_production_keeps_one_json_line_per_request(tmp_path):
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "TEST_DATABASE_URL", "LOG_REQUESTS", "LOG_FORMAT")}
    env.update({"FORUM_ENV": "production", "SECRET_KEY": "s" * 64, "FORUM_INSTANCE_DIR": str(tmp_path / "i"),
                "DATABASE_URL": f"sqlite:///{tmp_path / 'p.sqlite3'}",
                "RATELIMIT_STORAGE_URI": f"konsil+sqlite:///{tmp_path / 'ratelimits.sqlite3'}"})
    script = "import wsgi; wsgi.app.test_client().get('/auth/login', base_url='https://localhost')"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if '"event": "request"' in line]
    assert len(lines) == 1 and lines[0].startswith("{") and '"endpoint": "auth.login"' in lines[0]
