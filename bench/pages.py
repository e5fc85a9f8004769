"""Throughput and latency of Konsil's pages with 10,000 posts, served by gunicorn, beside the ceiling.

    .venv/bin/python bench/pages.py                                     # SQLite in a fresh /tmp directory
    .venv/bin/python bench/pages.py --database-url "$TEST_DATABASE_URL"  # PostgreSQL (emptied first!)
    .venv/bin/python bench/pages.py --posts 1000000 --pages topic_first,topic_deep,group,group_deep
                                         # page 1 and page 500 of a 10,000-post topic and of a large group

1. Seeds one group with --posts posts spread over topics (a few of 150 and 60 posts, the rest of
   20) through the models with bulk inserts; each body is markdown rendered once, as the app does
   at write time.
2. Counts the SQL queries each page issues (Flask test client and a before_cursor_execute listener).
3. Starts gunicorn (production settings, rate limits off) with --workers workers on a free
   loopback port, signs in through the login form to get a session cookie, and runs wrk against
   each page for --duration seconds, after a short warm-up.
4. Starts the ceiling (bench/ceiling.py: a bare Flask + SQLAlchemy + Jinja page of 20 rows of 1 KB
   from SQLite) under gunicorn with the same workers, and measures it interleaved with Konsil's
   pages for --rounds rounds (ceiling, page, ceiling, page, ...), so that both see the same machine.
5. Measures CPU milliseconds per request in process (Flask test client, time.process_time), which
   holds on a noisy machine, for each page and the ceiling.
6. Prints, per page, the median over rounds of requests per second, p50 and p99 latency, CPU ms per
   request, the query count, and the ratio to the ceiling's throughput in the same round.
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

USER_AGENT = "konsil-bench/1"
PASSWORD = "bench-password-violet-harbour-42"
EMAIL = "reader@bench.konsil.example"

BODIES = [
    "We switched to **apixaban** after TAVI unless there is another indication for warfarin.",
    "Our handover checklist:\n\n1. Pending results first\n2. Open questions with an owner\n3. Escalation plan",
    "> What do you do when the night team is short-staffed?\n\nWe call the float pool early, before 22:00.",
    "See the [ESC guideline](https://www.escardio.org/Guidelines) section 7, and `CHA2DS2-VASc` for the score.",
    "| drug | dose | route |\n|---|---|---|\n| heparin | 5000 IU | s.c. |\n| enoxaparin | 40 mg | s.c. |",
    "Agree with the previous post. In our unit the *pharmacist* reviews every anticoagulant order.",
    "Short answer: no. Longer answer: it depends on renal function; we adjust below a CrCl of 30 ml/min.",
    "## Summary\n\n- fewer handover errors\n- shorter rounds\n- happier night staff\n\nThanks all.",
    "Has anyone tried the new infusion pumps? Ours reset the rate after a power cut, which worried us.",
    "We audit this every quarter. Numbers went from 12 % to 3 % after the e-learning module.",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def configure_environment(database_url: str, folder: Path) -> dict:
    env = dict(os.environ)
    env.update({
        "FORUM_ENV": "production",
        "SECRET_KEY": secrets.token_hex(32),
        "DATABASE_URL": database_url,
        "FORUM_INSTANCE_DIR": str(folder),
        "MAIL_OUTBOX_DIR": str(folder / "outbox"),
        "RATELIMIT_ENABLED": "false",  # measuring the pages, not the limiter
        "LOG_REQUESTS": "false",
        "TWO_FACTOR_REQUIRED_FOR_STAFF": "false",
    })
    os.environ.update(env)  # config.py reads the environment when it is imported
    return env


def seed(app, posts_wanted: int, deep_page: int = 500) -> dict:
    """One group, --posts posts; returns what the pages need."""
    from sqlalchemy import insert

    from forum.accounts.models import User, VerificationStatus
    from forum.accounts.passwords import hash_password
    from forum.db_types import utcnow
    from forum.extensions import db
    from forum.groups.models import Membership
    from forum.groups.services import create_group
    from forum.markup import render_markdown
    from forum.posts.models import Post, Topic

    started = time.perf_counter()
    now = utcnow()
    password_hash = hash_password(PASSWORD)
    professions = ["physician", "nurse", "pharmacist", "midwife", "paramedic", "physiotherapist"]
    users = [{"email": f"member{i}@bench.konsil.example", "display_name": f"Member {i}", "username": f"member{i}",
              "password_hash": password_hash, "profession": professions[i % len(professions)],
              "specialty": "Internal medicine", "organisation": "Bench Hospital", "country": "DE",
              "verification_status": VerificationStatus.VERIFIED, "verified_at": now, "created_at": now,
              "terms_accepted_at": now} for i in range(60)]
    users[0].update(email=EMAIL, display_name="Bench Reader", username="bench.reader")
    user_ids = list(db.session.scalars(insert(User).returning(User.id, sort_by_parameter_order=True), users))
    owner = db.session.get(User, user_ids[1])
    group = create_group(owner, name="Bench Ward", slug="bench-ward", description="10,000 posts",
                         guidelines="Be kind.", visibility="secret", invite_policy="members")
    db.session.execute(insert(Membership), [
        {"user_id": user_id, "group_id": group.id, "role": "member", "status": "active",
         "accepted_guidelines_version": 1, "guidelines_accepted_at": now, "joined_at": now - timedelta(days=100),
         "last_visit_at": now - timedelta(days=1)}
        for user_id in user_ids if user_id != owner.id])

    # From 100,000 posts on, the first topic is a long one (10,000 posts), so that --deep-page can reach far into it.
    sizes = ([10_000] if posts_wanted >= 100_000 else []) + [150] * 8 + [60] * 20
    remaining = posts_wanted - sum(sizes)
    sizes += [20] * (remaining // 20) + ([remaining % 20] if remaining % 20 else [])
    rendered = {body: render_markdown(body) for body in BODIES}
    start = now - timedelta(days=90)
    topic_rows = []
    for index, size in enumerate(sizes):
        first = start + timedelta(minutes=index * 300)
        topic_rows.append({"group_id": group.id, "author_id": user_ids[index % len(user_ids)],
                           "title": f"Bench topic {index + 1}: handover, anticoagulation and night staffing",
                           "pinned": index < 2, "created_at": first, "post_count": size,
                           "last_activity_at": first + timedelta(minutes=size)})
    topic_ids = list(db.session.scalars(insert(Topic).returning(Topic.id, sort_by_parameter_order=True), topic_rows))
    db.session.commit()
    # Posts go in through the engine in large batches (no ORM), with the posts' secondary indexes dropped and
    # built again at the end, which is much faster than keeping them up to date row by row.
    connection = db.session.connection()
    indexes = list(Post.__table__.indexes)
    for index in indexes:
        index.drop(connection)
    table = Post.__table__
    batch = []
    for topic_id, row, size in zip(topic_ids, topic_rows, sizes):
        for number in range(1, size + 1):
            body = BODIES[(topic_id + number) % len(BODIES)]
            batch.append({"topic_id": topic_id, "author_id": user_ids[(topic_id * 7 + number) % len(user_ids)],
                          "number": number, "body_source": body, "body_html": rendered[body],
                          "created_at": row["created_at"] + timedelta(minutes=number), "edit_count": 0,
                          "hidden": False, "phi_confirmed": False})
            if len(batch) == 20_000:
                connection.execute(table.insert(), batch)
                batch = []
    if batch:
        connection.execute(table.insert(), batch)
    for index in indexes:
        index.create(connection)
    db.session.commit()
    if connection.dialect.name == "sqlite":
        # Fold the write-ahead log into the database: readers would otherwise search a log of hundreds of MB.
        with db.engine.connect() as plain:
            plain.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    long_topic = topic_ids[2]  # 150 posts, not pinned
    print(f"Seeded {sum(sizes):,} posts in {len(sizes)} topics in {time.perf_counter() - started:.1f} s.")
    per_page, topics_per_page = app.config["POSTS_PER_PAGE"], app.config["TOPICS_PER_PAGE"]
    deep_topic, deep_size = max(zip(topic_ids, sizes), key=lambda pair: pair[1])
    topic_page = min(deep_page, -(-deep_size // per_page))
    group_page = min(deep_page, -(-len(sizes) // topics_per_page))
    return {"group": f"/g/{group.slug}", "topic": f"/g/{group.slug}/t/{long_topic}?page=1", "dashboard": "/",
            "topic_title": topic_rows[2]["title"],
            "topic_first": f"/g/{group.slug}/t/{deep_topic}?page=1",
            "topic_deep": f"/g/{group.slug}/t/{deep_topic}?page={topic_page}",
            "group_deep": f"/g/{group.slug}?after={group_cursor(app, group.slug, group_page) or ''}"}


def group_cursor(app, group_slug: str, page: int) -> str | None:
    """The link to page `page` of the group's topic list, as its "older" links build it: after the last topic of
    the page before (keyset), or None when the group has fewer pages."""
    from sqlalchemy import select

    from forum.core.pagination import encode_cursor
    from forum.extensions import db
    from forum.groups.models import Group
    from forum.posts.models import Topic

    per_page = app.config["TOPICS_PER_PAGE"]
    with app.app_context():
        group_id = db.session.scalar(select(Group.id).where(Group.slug == group_slug))
        row = db.session.execute(
            select(Topic.pinned, Topic.last_activity_at, Topic.id).where(Topic.group_id == group_id, Topic.hidden.is_(False))
            .order_by(Topic.pinned.desc(), Topic.last_activity_at.desc(), Topic.id.desc())
            .offset((page - 1) * per_page - 1).limit(1)).first()
    return None if row is None or page < 2 else encode_cursor(tuple(row))


def signed_in_client(app):
    app.config["SESSION_COOKIE_SECURE"] = False  # the test client speaks plain HTTP
    client = app.test_client()
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    response = client.post("/auth/login", data={"email": EMAIL, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302, f"sign-in failed in the test client: {response.status_code}"
    return client


def count_queries(app, client, paths: dict) -> dict:
    """Statements per page. Called outside any application context: each request pushes its own, so that
    nothing kept in `g` (the signed-in user, per-request memos) carries over from one request to the next."""
    from sqlalchemy import event

    from forum.extensions import db

    with app.app_context():
        engine = db.engine
    counts = {}
    for name, path in paths.items():
        client.get(path)  # warm-up
        statements = []

        def listener(conn, cursor, statement, parameters, context, executemany):
            statements.append(statement)

        event.listen(engine, "before_cursor_execute", listener)
        try:
            response = client.get(path)
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        assert response.status_code == 200, f"{path}: {response.status_code}"
        counts[name] = len(statements)
    return counts


def cpu_ms_per_request(client, path: str, requests: int = 150) -> float:
    """Median of three runs of CPU time per request in this process (test client)."""
    for _ in range(10):
        client.get(path)
    runs = []
    for _ in range(3):
        started = time.process_time()
        for _ in range(requests):
            response = client.get(path)
            assert response.status_code == 200, f"{path}: {response.status_code}"
        runs.append((time.process_time() - started) * 1000 / requests)
    return statistics.median(runs)


def start_gunicorn(env: dict, port: int, workers: int, folder: Path, app_spec: str = "wsgi:app",
                   probe: str = "/auth/login", extra: tuple = (), log_name: str = "gunicorn.log") -> subprocess.Popen:
    log = open(folder / log_name, "wb")
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
         "--worker-class", "sync", "--keep-alive", "5", *extra, app_spec],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited; see {folder / log_name}")
        try:
            status, _, _ = request(port, "GET", probe)
            if status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not answer within 60 s")


def request(port: int, method: str, path: str, body: str | None = None, cookie: str | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"User-Agent": USER_AGENT}
    if cookie:
        headers["Cookie"] = cookie
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read().decode("utf-8", "replace")
    cookies = [value.split(";", 1)[0] for key, value in response.getheaders() if key.lower() == "set-cookie"]
    connection.close()
    return response.status, data, cookies


def sign_in(port: int) -> str:
    """A session cookie obtained through the login form, as a browser would."""
    status, page, cookies = request(port, "GET", "/auth/login")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    session_cookie = next(cookie for cookie in cookies if cookie.startswith("konsil_session="))
    status, _, cookies = request(port, "POST", "/auth/login", cookie=session_cookie,
                                 body=urlencode({"email": EMAIL, "password": PASSWORD, "csrf_token": token}))
    if status != 302:
        raise RuntimeError(f"sign-in through gunicorn failed: {status}")
    return next(cookie for cookie in cookies if cookie.startswith("konsil_session="))


def run_wrk(port: int, path: str, cookie: str, seconds: int, connections: int, threads: int) -> dict:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s",
               "-H", f"Cookie: {cookie}", "-H", f"User-Agent: {USER_AGENT}", f"http://127.0.0.1:{port}{path}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), "non2xx": 0, "errors": ""}
    for label in ("50%", "99%"):
        value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE).groups()
        result[label] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if match:
        result["non2xx"] = int(match.group(1))
    match = re.search(r"Socket errors: (.+)", output)
    if match:
        result["errors"] = match.group(1).strip()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="PostgreSQL URL (its tables are dropped and recreated); "
                                               "default: SQLite in a fresh directory under /tmp")
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=max(2, min(4, os.cpu_count() or 2)))
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--pages", default="topic,group,dashboard",
                        help="comma-separated: topic, group, dashboard; topic_first, topic_deep (page 1 and page "
                             "--deep-page of the longest topic), group_deep (page --deep-page of the group)")
    parser.add_argument("--deep-page", type=int, default=500, help="the far page for topic_deep and group_deep "
                                                                   "(or the last page, if there are fewer)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of ceiling and pages")
    parser.add_argument("--keep", action="store_true", help="keep the /tmp directory (database, gunicorn log)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 2

    folder = Path(tempfile.mkdtemp(prefix="konsil-bench-"))
    database_url = args.database_url or f"sqlite:///{folder / 'bench.sqlite3'}"
    env = configure_environment(database_url, folder)

    from config import ProductionConfig
    from forum import create_app
    from forum.extensions import db

    app = create_app(ProductionConfig)
    backend = "PostgreSQL" if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql") else "SQLite"
    wanted = [name for name in args.pages.split(",") if name]
    with app.app_context():
        db.drop_all()
        db.create_all()
        paths = seed(app, args.posts, args.deep_page)
        db.session.remove()
    # Measured outside the seeding's application context: every request then gets a fresh `g`, as under gunicorn.
    client = signed_in_client(app)
    queries = count_queries(app, client, {name: paths[name] for name in wanted})
    cpu = {name: cpu_ms_per_request(client, paths[name]) for name in wanted}
    with app.app_context():
        db.engine.dispose()

    sys.path.insert(0, str(ROOT / "bench"))
    import ceiling

    ceiling_db = str(folder / "ceiling.sqlite3")
    ceiling.seed(ceiling_db)
    cpu["ceiling"] = cpu_ms_per_request(ceiling.create_app(ceiling_db).test_client(), "/")
    queries["ceiling"] = 1

    port, ceiling_port = free_port(), free_port()
    server = start_gunicorn(env, port, args.workers, folder)
    ceiling_server = start_gunicorn({**env, "CEILING_DATABASE": ceiling_db}, ceiling_port, args.workers, folder,
                                    app_spec="ceiling:create_app()", probe="/",
                                    extra=("--pythonpath", str(ROOT / "bench")), log_name="ceiling.log")
    rounds: dict[str, list] = {name: [] for name in ["ceiling", *wanted]}
    ratios: dict[str, list] = {name: [] for name in wanted}
    try:
        cookie = sign_in(port)
        status, page, _ = request(port, "GET", paths["topic"], cookie=cookie)
        if status != 200 or paths["topic_title"] not in page:
            raise RuntimeError(f"the signed-in topic page answered {status}")
        for name in wanted:
            run_wrk(port, paths[name], cookie, 2, args.connections, args.threads)  # warm-up
        run_wrk(ceiling_port, "/", "", 2, args.connections, args.threads)
        for _ in range(args.rounds):
            for name in wanted:
                top = run_wrk(ceiling_port, "/", "", args.duration, args.connections, args.threads)
                rounds["ceiling"].append(top)
                result = run_wrk(port, paths[name], cookie, args.duration, args.connections, args.threads)
                rounds[name].append(result)
                ratios[name].append(result["rps"] / top["rps"])
    finally:
        for process in (server, ceiling_server):
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)

    paths["ceiling"] = "bench/ceiling.py"
    print()
    print(f"{backend}, {args.posts:,} posts, gunicorn {args.workers} sync workers, wrk -t{args.threads} "
          f"-c{args.connections} -d{args.duration}s, {args.rounds} interleaved rounds, {os.cpu_count()} CPUs")
    print("Medians over rounds; 'of ceiling' is the page's req/s over the ceiling's in the same round.")
    print(f"{'page':12} {'path':30} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'CPU ms':>8} {'queries':>8} "
          f"{'non-2xx':>8} {'of ceiling':>11}")
    for name in ["ceiling", *wanted]:
        results = rounds[name]
        rps = statistics.median(r["rps"] for r in results)
        p50 = statistics.median(r["50%"] for r in results)
        p99 = statistics.median(r["99%"] for r in results)
        non2xx = sum(r["non2xx"] for r in results)
        share = "" if name == "ceiling" else f"{statistics.median(ratios[name]):>10.0%}"
        errors = "; ".join(r["errors"] for r in results if r["errors"])
        print(f"{name:12} {paths[name]:30} {rps:>9.1f} {p50:>9.2f} {p99:>9.2f} {cpu[name]:>8.2f} "
              f"{queries[name]:>8} {non2xx:>8} {share:>11}" + (f"  socket errors: {errors}" if errors else ""))
    if args.keep:
        print(f"\nKept {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
