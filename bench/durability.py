"""Durability under concurrent posting, against gunicorn with several workers.

    .venv/bin/python bench/durability.py                      # SQLite and PostgreSQL, 32 clients, 30 s, 4 workers
    .venv/bin/python bench/durability.py --database sqlite --clients 8 --seconds 5

Each client signs in through the login form, then loops: open a topic (or the new-topic form),
take the CSRF token and the form's submission id from the page, and post. Every seventh post is
sent twice (a double submit); a post whose connection breaks is retried with the same submission
id. Two runs per database: a steady one, and one in which a worker is killed with SIGKILL half-way.
After each run the database is compared with what the server acknowledged: every acknowledged
post present exactly once, no topic without its first post, post numbers without gaps, and on
SQLite an intact file. It prints requests per second, p50/p99 latencies, the number of 5xx answers,
and checks that the server's log is one JSON object per line with no post text or e-mail in it.

Loopback only; rate limits are switched off for the run (they would answer 429 by design); cookies
are sent over plain http (SESSION_COOKIE_SECURE=false), which is only ever right on loopback.
PostgreSQL: --postgres-url (a server where the user may CREATE DATABASE), else TEST_DATABASE_URL,
else a throw-away server is started with scripts/test-services.sh."""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-password-not-for-production"
GROUP_SLUG = "bench-ward"
SHARED_TOPICS = 4
MAX_ACTIONS_PER_CLIENT = 100_000  # a bound besides the deadline


# --------------------------------------------------------------------------- HTTP client

class ConnectionBroken(Exception):
    """The server went away mid-request (for instance its worker was killed)."""


@dataclass
class Answer:
    status: int
    headers: dict
    body: str
    seconds: float


class Client:
    """A tiny browser: one cookie jar, form posts, no redirects followed."""

    def __init__(self, base_url: str, timeout: float = 60):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.timeout = timeout
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None) -> Answer:
        headers = {"Host": f"{self.host}:{self.port}", "User-Agent": "konsil-bench"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except (ConnectionError, http.client.HTTPException, socket.timeout, OSError) as error:
            raise ConnectionBroken(str(error)) from error
        finally:
            connection.close()
        seconds = time.perf_counter() - started
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in header or "01 Jan 1970" in header or not value:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()},
                      data.decode("utf-8", "replace"), seconds)


def hidden_value(html: str, name: str) -> str:
    for tag in re.findall(r"<input\b[^>]*>", html):
        if re.search(rf'\bname="{re.escape(name)}"', tag):
            match = re.search(r'\bvalue="([^"]*)"', tag)
            if match:
                return match.group(1)
    raise ValueError(f"no {name} in the page")


# --------------------------------------------------------------------------- one client

@dataclass
class ClientResult:
    latencies: list[float] = field(default_factory=list)
    post_latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    acknowledged: list[str] = field(default_factory=list)  # markers of posts the server confirmed
    broken_connections: int = 0
    unconfirmed: list[str] = field(default_factory=list)  # gave up after retries (not acknowledged)
    errors: list[str] = field(default_factory=list)


def sign_in(base_url: str, email: str) -> Client:
    """Through the login form, as a person would: the form's CSRF token, then the session cookie."""
    client = Client(base_url)
    page = client.request("GET", "/auth/login")
    answer = client.request("POST", "/auth/login", {"csrf_token": hidden_value(page.body, "csrf_token"),
                                                    "email": email, "password": PASSWORD})
    if answer.status != 302 or "/auth/login" in answer.headers.get("location", ""):
        raise RuntimeError(f"login as {email} answered {answer.status}")
    return client


def run_client(client: Client, number: int, topic_ids: list[int], run_id: str, deadline: float,
               result: ClientResult) -> None:
    def call(method, path, form=None, *, is_post=False, attempts=6):
        for attempt in range(attempts):
            try:
                answer = client.request(method, path, form)
            except ConnectionBroken:
                result.broken_connections += 1
                time.sleep(0.2 * (attempt + 1))
                continue  # retried with the same form: the same submission id
            result.latencies.append(answer.seconds)
            if is_post:
                result.post_latencies.append(answer.seconds)
            result.statuses[answer.status] += 1
            return answer
        return None

    try:
        sequence = 0
        while time.monotonic() < deadline and sequence < MAX_ACTIONS_PER_CLIENT:
            sequence += 1
            marker = f"{run_id}-{number}-{sequence}"
            if sequence % 10 == 0:
                form_path, post_path = f"/g/{GROUP_SLUG}/new", f"/g/{GROUP_SLUG}/new"
                form = {"title": f"Bench topic {marker}", "body": f"Bench post {marker}: a new question."}
            else:
                topic_id = topic_ids[(number + sequence) % len(topic_ids)]
                form_path = f"/g/{GROUP_SLUG}/t/{topic_id}?page=1"  # without a page, a reader goes to the first unread post
                post_path = f"/g/{GROUP_SLUG}/t/{topic_id}/reply"
                form = {"body": f"Bench post {marker}: we give **5 mg** and review after a week."}
            page = call("GET", form_path)
            if page is None or page.status != 200:
                result.errors.append(f"client {number}: GET {form_path} answered {page and page.status}")
                continue
            form["csrf_token"] = hidden_value(page.body, "csrf_token")
            form["submission_id"] = hidden_value(page.body, "submission_id")
            sends = 2 if sequence % 7 == 0 else 1  # a double submit: the same form twice
            answers = [call("POST", post_path, form, is_post=True) for _ in range(sends)]
            if all(answer is not None and answer.status == 302 and "/auth/login" not in answer.headers.get(
                    "location", "") for answer in answers):
                result.acknowledged.append(marker)
            else:
                result.unconfirmed.append(marker)
    except Exception as error:  # a client must report, not die silently
        result.errors.append(f"client {number}: {type(error).__name__}: {error}")


# --------------------------------------------------------------------------- server and database

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(database_url: str, workdir: Path, port: int, workers: int, threads: int) -> dict:
    env = dict(os.environ)
    env.update({
        "FORUM_ENV": "production",
        "SECRET_KEY": secrets.token_hex(32),
        "DATABASE_URL": database_url,
        "SESSION_COOKIE_SECURE": "false",  # plain http on loopback only
        "RATELIMIT_ENABLED": "false",
        "FORUM_INSTANCE_DIR": str(workdir / "instance"),
        "MAIL_OUTBOX_DIR": str(workdir / "outbox"),
        "FORUM_BASE_URL": f"http://127.0.0.1:{port}",
        "TWO_FACTOR_REQUIRED_FOR_STAFF": "false",
        "LOG_REQUESTS": "true",
        "KONSIL_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_THREADS": str(threads),
        "KONSIL_MIGRATE": "0",  # the schema was created by the seed step
        "PYTHONUNBUFFERED": "1",
    })
    env.pop("TEST_DATABASE_URL", None)
    return env


def seed(users: int) -> None:
    """Runs inside a fresh interpreter with the server's environment: schema, users, a group, topics."""
    sys.path.insert(0, str(ROOT))
    from forum import create_app
    from forum.accounts.models import VerificationStatus
    from forum.accounts.services import create_user
    from forum.extensions import db
    from forum.groups.services import add_member, create_group
    from forum.posts.services import GuardResult, create_topic

    app = create_app()
    with app.app_context():
        db.create_all()
        def person(n: int):
            return create_user(email=f"bench{n}@bench.konsil.example", display_name=f"Bench Clinician {n}",
                               password=PASSWORD, status=VerificationStatus.VERIFIED, profession="physician",
                               organisation="Bench Hospital", country="DE")

        # One hash at production cost, shared: the same password, and seeding does not take minutes.
        people = [person(0)]
        app.config["PASSWORD_HASH_FAST"] = True
        people += [person(n) for n in range(1, users)]
        app.config["PASSWORD_HASH_FAST"] = False
        for other in people[1:]:
            other.password_hash = people[0].password_hash
        from forum.primer.content import PRIMER_VERSION

        for someone in people:  # clinicians who have read the patient-data primer, as before a first post
            someone.primer_version = PRIMER_VERSION
        db.session.flush()
        group = create_group(people[0], name="Bench ward", slug=GROUP_SLUG, description="Load test",
                             guidelines="Be kind.", visibility="secret", invite_policy="members")
        for person in people:
            add_member(people[0], group, person, accepted_guidelines=True)
        db.session.flush()
        with app.test_request_context():
            topics = [create_topic(people[n % users], group, title=f"Shared bench topic {n}",
                                   body="Where does everyone stand on this?", guard=GuardResult()).topic_id
                      for n in range(SHARED_TOPICS)]
        db.session.commit()
        print(json.dumps({"topics": topics}))


def wait_for_health(base_url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    client = Client(base_url, timeout=5)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode} before answering")
        try:
            if client.request("GET", "/healthz").status == 200:
                return
        except ConnectionBroken:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz in time")


def worker_pids(master: int) -> list[int]:
    try:
        return [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    except FileNotFoundError:
        return []


@dataclass
class Server:
    process: subprocess.Popen
    base_url: str
    log_path: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_server(env: dict, port: int, log_path: Path) -> Server:
    log = open(log_path, "w")
    process = subprocess.Popen(["bash", str(ROOT / "scripts" / "serve.sh")], cwd=ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    log.close()
    server = Server(process, f"http://127.0.0.1:{port}", log_path)
    try:
        wait_for_health(server.base_url, process)
    except Exception:
        server.stop()
        raise RuntimeError(f"the server did not start; its log:\n{log_path.read_text()[-4000:]}")
    return server


# --------------------------------------------------------------------------- checking the database

def database_check(database_url: str, run_id: str, acknowledged: list[str]) -> dict:
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            sources = connection.execute(text("SELECT body_source FROM posts WHERE body_source LIKE :prefix"),
                                         {"prefix": f"Bench post {run_id}-%"}).scalars().all()
            titles = connection.execute(text("SELECT title FROM topics WHERE title LIKE :prefix"),
                                        {"prefix": f"Bench topic {run_id}-%"}).scalars().all()
            without_first_post = connection.execute(text(
                "SELECT COUNT(*) FROM topics t WHERE NOT EXISTS "
                "(SELECT 1 FROM posts p WHERE p.topic_id = t.id AND p.number = 1)")).scalar()
            numbering = connection.execute(text(
                "SELECT COUNT(*) FROM (SELECT t.id FROM topics t JOIN posts p ON p.topic_id = t.id "
                "GROUP BY t.id, t.post_count HAVING COUNT(p.id) != t.post_count OR MAX(p.number) != t.post_count "
                "OR COUNT(DISTINCT p.number) != COUNT(p.id)) AS broken")).scalar()
            unrendered = connection.execute(text(
                "SELECT COUNT(*) FROM posts WHERE body_html IS NULL OR body_html = ''")).scalar()
            integrity = "ok"
            if engine.dialect.name == "sqlite":
                integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
                if connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    integrity = "foreign key violations"
    finally:
        engine.dispose()
    present = Counter(source.split(":", 1)[0].removeprefix("Bench post ") for source in sources)
    topic_markers = Counter(title.removeprefix("Bench topic ") for title in titles)
    missing = [marker for marker in acknowledged if present[marker] == 0]
    duplicated = [marker for marker, count in present.items() if count > 1]
    duplicated += [marker for marker, count in topic_markers.items() if count > 1]
    return {
        "present": sum(present.values()),
        "missing": len(missing),
        "duplicated": len(duplicated),
        "half_written": without_first_post + numbering + unrendered,
        "half_written_detail": {"topics without first post": without_first_post,
                                "topics with broken numbering": numbering, "posts without HTML": unrendered},
        "integrity": integrity,
        "examples": (missing + duplicated)[:5],
    }


def log_check(log_path: Path, run_id: str) -> dict:
    """The server's log: every line JSON, request lines with the expected fields, nothing personal."""
    lines = [line for line in log_path.read_text(errors="replace").splitlines() if line.strip()]
    not_json, requests, leaks = 0, 0, 0
    required = {"request_id", "method", "endpoint", "status", "duration_ms"}
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            not_json += 1
            continue
        if entry.get("event") == "request":
            requests += 1
            if not required <= entry.keys():
                not_json += 1
        if f"Bench post {run_id}" in line or "@bench.konsil.example" in line or "?" in str(entry.get("endpoint")):
            leaks += 1
    return {"log_lines": len(lines), "request_lines": requests, "not_json": not_json, "personal_data": leaks}


# --------------------------------------------------------------------------- one scenario

@dataclass
class RunReport:
    database: str
    name: str
    clients: int
    workers: int
    seconds: float
    requests: int
    posts: int
    requests_per_second: float
    posts_per_second: float
    p50_ms: float
    p99_ms: float
    post_p50_ms: float
    post_p99_ms: float
    server_errors: int
    other_statuses: dict
    broken_connections: int
    acknowledged: int
    unconfirmed: int
    killed_worker: int | None
    client_errors: list
    check: dict
    log: dict

    @property
    def ok(self) -> bool:
        return (self.server_errors == 0 and self.check["missing"] == 0 and self.check["duplicated"] == 0
                and self.check["half_written"] == 0 and self.check["integrity"] == "ok" and not self.client_errors
                and self.log["not_json"] == 0 and self.log["personal_data"] == 0 and self.acknowledged > 0
                and self.unconfirmed == 0)


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] * 1000


def run_once(server: Server, database_url: str, label: str, name: str, signed_in: list[Client], workers: int,
             seconds: float, topic_ids: list[int], kill_at: float | None) -> RunReport:
    run_id = uuid.uuid4().hex[:10]
    clients = len(signed_in)
    started = time.monotonic()
    deadline = started + seconds
    results = [ClientResult() for _ in range(clients)]
    threads = [threading.Thread(target=run_client, daemon=True,
                                args=(signed_in[n], n, topic_ids, run_id, deadline, results[n]))
               for n in range(clients)]
    log_offset = server.log_path.stat().st_size
    for thread in threads:
        thread.start()
    killed = None
    if kill_at is not None:
        time.sleep(max(0.0, started + kill_at - time.monotonic()))
        pids = worker_pids(server.process.pid)
        if pids:
            killed = pids[0]
            os.kill(killed, signal.SIGKILL)
    for thread in threads:
        thread.join(timeout=seconds + 120)
    elapsed = time.monotonic() - started
    statuses = sum((r.statuses for r in results), Counter())
    latencies = [value for r in results for value in r.latencies]
    post_latencies = [value for r in results for value in r.post_latencies]
    acknowledged = [marker for r in results for marker in r.acknowledged]
    log_slice = server.log_path.with_suffix(f".{run_id}.log")
    with open(server.log_path, "rb") as log:
        log.seek(log_offset)
        log_slice.write_bytes(log.read())
    return RunReport(
        database=label, name=name, clients=clients, workers=workers, seconds=round(elapsed, 1),
        requests=len(latencies), posts=len(post_latencies),
        requests_per_second=round(len(latencies) / elapsed, 1),
        posts_per_second=round(len(acknowledged) / elapsed, 1),
        p50_ms=round(percentile(latencies, 0.50), 1), p99_ms=round(percentile(latencies, 0.99), 1),
        post_p50_ms=round(percentile(post_latencies, 0.50), 1), post_p99_ms=round(percentile(post_latencies, 0.99), 1),
        server_errors=sum(count for status, count in statuses.items() if status >= 500),
        other_statuses={status: count for status, count in statuses.items() if status not in (200, 302)},
        broken_connections=sum(r.broken_connections for r in results),
        acknowledged=len(acknowledged), unconfirmed=sum(len(r.unconfirmed) for r in results),
        killed_worker=killed, client_errors=[e for r in results for e in r.errors][:10],
        check=database_check(database_url, run_id, acknowledged),
        log=log_check(log_slice, run_id),
    )


def scenario(database_url: str, label: str, *, clients: int, seconds: float, workers: int, threads: int = 1,
             kill: bool = True, workdir: Path | None = None) -> list[RunReport]:
    """Seed, start gunicorn, run steady (and with a killed worker), stop. Returns one report per run."""
    own_dir = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="konsil-bench-")) if own_dir else workdir
    port = free_port()
    env = server_environment(database_url, workdir, port, workers, threads)
    seeded = subprocess.run([sys.executable, __file__, "--seed", str(clients)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if seeded.returncode != 0:
        raise RuntimeError(f"seeding failed:\n{seeded.stdout[-2000:]}\n{seeded.stderr[-4000:]}")
    topic_ids = json.loads(seeded.stdout.strip().splitlines()[-1])["topics"]
    server = start_server(env, port, workdir / "server.log")
    reports = []
    try:
        # Sign-in is slow on purpose (argon2); it happens before the clock starts, all clients at once.
        signed_in: list[Client | None] = [None] * clients

        def login(n: int) -> None:
            signed_in[n] = sign_in(server.base_url, f"bench{n}@bench.konsil.example")

        logins = [threading.Thread(target=login, args=(n,)) for n in range(clients)]
        for thread in logins:
            thread.start()
        for thread in logins:
            thread.join(timeout=300)
        if any(client is None for client in signed_in):
            raise RuntimeError(f"not every client could sign in; the server log:\n{server.log_path.read_text()[-3000:]}")
        reports.append(run_once(server, database_url, label, "steady", signed_in, workers, seconds, topic_ids, None))
        if kill:
            reports.append(run_once(server, database_url, label, "kill -9", signed_in, workers, seconds, topic_ids,
                                    seconds / 2))
            # The master replaces the killed worker.
            deadline = time.monotonic() + 30
            while len(worker_pids(server.process.pid)) < workers and time.monotonic() < deadline:
                time.sleep(0.2)
            reports[-1].check["workers_after_kill"] = len(worker_pids(server.process.pid))
    finally:
        server.stop()
    return reports


# --------------------------------------------------------------------------- PostgreSQL databases

class PostgresDatabase:
    """A fresh database on a server where the given URL's user may create databases; dropped afterwards."""

    def __init__(self, admin_url: str):
        import psycopg

        self.admin_url = admin_url
        self.name = f"konsil_bench_{uuid.uuid4().hex[:8]}"
        self._psycopg = psycopg
        parts = urlsplit(admin_url.replace("postgresql+psycopg://", "postgresql://"))
        self.url = f"postgresql+psycopg://{parts.netloc}/{self.name}"
        self._plain_admin = parts._replace(path="/postgres").geturl()

    def __enter__(self) -> str:
        with self._psycopg.connect(self._plain_admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.name}"')
        return self.url

    def __exit__(self, *exc):
        with self._psycopg.connect(self._plain_admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def started_postgres():
    """scripts/test-services.sh start, for running the bench on its own."""
    services = Path(tempfile.mkdtemp(prefix="konsil-bench-services-"))
    services.chmod(0o755)
    output = subprocess.run(["bash", str(ROOT / "scripts" / "test-services.sh"), "start", str(services)],
                            capture_output=True, text=True, check=True).stdout
    values = dict(line.split("=", 1) for line in output.splitlines() if "=" in line and not line.startswith("#"))
    return services, values.get("TEST_DATABASE_URL", "")


# --------------------------------------------------------------------------- command line

def print_reports(reports: list[RunReport]) -> None:
    header = (f"{'database':<11}{'run':<9}{'clients':>8}{'workers':>8}{'secs':>6}{'requests':>9}{'req/s':>8}"
              f"{'posts/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'post p50':>9}{'post p99':>9}{'5xx':>5}{'broken':>7}"
              f"{'acked':>7}{'missing':>8}{'dupes':>6}{'half':>5}  integrity  log")
    print(header)
    for r in reports:
        print(f"{r.database:<11}{r.name:<9}{r.clients:>8}{r.workers:>8}{r.seconds:>6}{r.requests:>9}"
              f"{r.requests_per_second:>8}{r.posts_per_second:>8}{r.p50_ms:>8}{r.p99_ms:>8}{r.post_p50_ms:>9}"
              f"{r.post_p99_ms:>9}{r.server_errors:>5}{r.broken_connections:>7}{r.acknowledged:>7}"
              f"{r.check['missing']:>8}{r.check['duplicated']:>6}{r.check['half_written']:>5}  "
              f"{r.check['integrity']:<10} {r.log['request_lines']} JSON lines, {r.log['not_json']} bad, "
              f"{r.log['personal_data']} personal")
    for r in reports:
        notes = []
        if r.killed_worker:
            notes.append(f"killed worker {r.killed_worker}; workers afterwards: {r.check.get('workers_after_kill')}")
        if r.other_statuses:
            notes.append(f"other statuses: {r.other_statuses}")
        if r.unconfirmed:
            notes.append(f"{r.unconfirmed} posts never confirmed")
        if r.client_errors:
            notes.append(f"client errors: {r.client_errors}")
        if r.check["half_written"]:
            notes.append(f"half-written: {r.check['half_written_detail']}")
        if r.check["examples"]:
            notes.append(f"examples: {r.check['examples']}")
        if notes:
            print(f"  {r.database} {r.name}: " + "; ".join(notes))
    print("RESULT:", "all checks passed" if all(r.ok for r in reports) else "FAILED")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker (1: sync workers)")
    parser.add_argument("--no-kill", action="store_true", help="skip the run with a killed worker")
    parser.add_argument("--postgres-url", default=os.environ.get("TEST_DATABASE_URL", ""))
    parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed is not None:
        seed(args.seed)
        return 0
    print(f"Konsil durability bench: {args.clients} clients, {args.seconds:g} s per run, gunicorn "
          f"{args.workers} workers x {args.threads} threads, {os.cpu_count()} CPUs", flush=True)
    reports: list[RunReport] = []
    if args.database in ("sqlite", "both"):
        workdir = Path(tempfile.mkdtemp(prefix="konsil-bench-"))
        reports += scenario(f"sqlite:///{workdir / 'bench.sqlite3'}", "sqlite", clients=args.clients,
                            seconds=args.seconds, workers=args.workers, threads=args.threads, kill=not args.no_kill,
                            workdir=workdir)
    if args.database in ("postgresql", "both"):
        services, url = (None, args.postgres_url) if args.postgres_url else started_postgres()
        try:
            if not url:
                print("PostgreSQL is not installed here: its runs were skipped")
            else:
                with PostgresDatabase(url) as database_url:
                    reports += scenario(database_url, "postgresql", clients=args.clients, seconds=args.seconds,
                                        workers=args.workers, threads=args.threads, kill=not args.no_kill)
        finally:
            if services is not None:
                subprocess.run(["bash", str(ROOT / "scripts" / "test-services.sh"), "stop", str(services)])
    print_reports(reports)
    return 0 if reports and all(r.ok for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
