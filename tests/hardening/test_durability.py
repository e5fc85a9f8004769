"""A short version of bench/durability.py: real gunicorn workers (started the production way, through
scripts/serve.sh and deploy/gunicorn.conf.py), clients that sign in through the login form and post
with CSRF tokens from the pages, double submits, and a worker killed with SIGKILL mid-run. Nothing
acknowledged may be lost, nothing written twice or half, and no answer may be a 5xx.
The figures are printed (pytest -s shows them); only correctness is asserted."""
from __future__ import annotations

import os

import pytest

from bench.durability import PostgresDatabase, print_reports, scenario

CLIENTS = 8
SECONDS = 3
WORKERS = 2


def assert_durable(reports):
    print_reports(reports)
    assert [report.name for report in reports] == ["steady", "kill -9"]
    for report in reports:
        where = f"{report.database} {report.name}"
        assert report.client_errors == [], where
        assert report.acknowledged > 0, f"{where}: nothing was posted"
        assert report.server_errors == 0, f"{where}: {report.server_errors} answers were 5xx"
        assert report.unconfirmed == 0, f"{where}: {report.unconfirmed} posts were never confirmed"
        assert report.check["missing"] == 0, f"{where}: acknowledged posts are missing {report.check['examples']}"
        assert report.check["duplicated"] == 0, f"{where}: posts written twice {report.check['examples']}"
        assert report.check["half_written"] == 0, f"{where}: {report.check['half_written_detail']}"
        assert report.check["integrity"] == "ok", where
        assert report.log["request_lines"] >= report.requests, f"{where}: requests missing from the JSON log"
        assert report.log["not_json"] == 0 and report.log["personal_data"] == 0, f"{where}: {report.log}"
    killed = reports[1]
    assert killed.killed_worker, "no worker was killed"
    assert killed.check["workers_after_kill"] == WORKERS, "gunicorn did not replace the killed worker"


def this_pass() -> str:
    """scripts/test.sh runs the suite twice (KONSIL_TEST_PASS=sqlite, then postgresql); each database's
    durability run belongs to its own pass. Outside test.sh both may run."""
    return os.environ.get("KONSIL_TEST_PASS", "")


def test_concurrent_posting_on_sqlite_survives_a_killed_worker(tmp_path):
    if this_pass() == "postgresql":
        pytest.skip("the SQLite durability run belongs to the SQLite pass of scripts/test.sh")
    reports = scenario(f"sqlite:///{tmp_path / 'durability.sqlite3'}", "sqlite", clients=CLIENTS, seconds=SECONDS,
                       workers=WORKERS, workdir=tmp_path)
    assert_durable(reports)


def test_concurrent_posting_on_postgresql_survives_a_killed_worker(tmp_path):
    url = os.environ.get("TEST_DATABASE_URL", "")
    if this_pass() == "sqlite":
        pytest.skip("the PostgreSQL durability run belongs to the PostgreSQL pass of scripts/test.sh")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("TEST_DATABASE_URL must be set in CI (scripts/test.sh starts PostgreSQL)")
        pytest.skip("TEST_DATABASE_URL is not set: the PostgreSQL durability run was skipped")
    with PostgresDatabase(url) as database_url:
        reports = scenario(database_url, "postgresql", clients=CLIENTS, seconds=SECONDS, workers=WORKERS,
                           workdir=tmp_path)
    assert_durable(reports)
