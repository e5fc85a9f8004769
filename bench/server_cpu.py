"""Where the CPU goes when gunicorn serves a page: worker, master and load generator, per request.

    .venv/bin/python bench/server_cpu.py                                     # SQLite in /tmp
    .venv/bin/python bench/server_cpu.py --database-url "$TEST_DATABASE_URL"  # PostgreSQL (emptied first!)

bench/pages.py compares requests per second; on a machine shared with other work that figure moves
with the load. This one counts CPU time instead, which holds: it seeds the same database as
bench/pages.py, starts gunicorn the same way (production settings, rate limits off), and for each
page runs wrk for --duration seconds while reading the CPU time (user + system, /proc/<pid>/stat)
of gunicorn's workers, its master and of wrk itself. Printed per request, beside the page's CPU time
in process (Flask test client) and the same figures for the ceiling (bench/ceiling.py), so the
cost that only exists under gunicorn -- the HTTP server, the socket, the load generator -- is
visible as the difference between the two columns.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import pages  # noqa: E402  (the seed, sign-in and gunicorn helpers are shared)

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found.extend(int(child) for child in text)
    return found


def measure(server: subprocess.Popen, port: int, path: str, cookie: str, args) -> dict:
    workers = children(server.pid)
    before = {pid: process_cpu_seconds(pid) for pid in [server.pid, *workers]}
    wrk_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "10s",
               "-H", f"User-Agent: {pages.USER_AGENT}", f"http://127.0.0.1:{port}{path}"]
    if cookie:
        command[-1:-1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    wrk_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    after = {pid: process_cpu_seconds(pid) for pid in before}
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if set(children(server.pid)) != set(workers):
        raise RuntimeError("a worker was replaced during the run; the figures would be wrong")
    per = 1000 / max(requests, 1)
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "worker": sum(after[pid] - before[pid] for pid in workers) * per,
        "master": (after[server.pid] - before[server.pid]) * per,
        "wrk": ((wrk_after.ru_utime + wrk_after.ru_stime) - (wrk_before.ru_utime + wrk_before.ru_stime)) * per,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--pages", default="topic,group,dashboard")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="konsil-cpu-"))
    database_url = args.database_url or f"sqlite:///{folder / 'bench.sqlite3'}"
    env = pages.configure_environment(database_url, folder)

    from config import ProductionConfig
    from forum import create_app
    from forum.extensions import db

    app = create_app(ProductionConfig)
    wanted = [name for name in args.pages.split(",") if name]
    with app.app_context():
        db.drop_all()
        db.create_all()
        paths = pages.seed(app, args.posts)
        db.session.remove()
    # Outside any app context: a request pushes its own only when none is active, so measuring inside one
    # would share `g` (the signed-in user, the header counts, every per-request memo) and the database
    # session between requests, and leave out the work each real request does.
    client = pages.signed_in_client(app)
    in_process = {name: pages.cpu_ms_per_request(client, paths[name]) for name in wanted}
    with app.app_context():
        db.engine.dispose()

    import ceiling

    ceiling_db = str(folder / "ceiling.sqlite3")
    ceiling.seed(ceiling_db)
    in_process["ceiling"] = pages.cpu_ms_per_request(ceiling.create_app(ceiling_db).test_client(), "/")

    port, ceiling_port = pages.free_port(), pages.free_port()
    server = pages.start_gunicorn(env, port, args.workers, folder)
    ceiling_server = pages.start_gunicorn({**env, "CEILING_DATABASE": ceiling_db}, ceiling_port, args.workers,
                                          folder, app_spec="ceiling:create_app()", probe="/",
                                          extra=("--pythonpath", str(ROOT / "bench")), log_name="ceiling.log")
    results: dict[str, list] = {name: [] for name in ["ceiling", *wanted]}
    try:
        cookie = pages.sign_in(port)
        for name in wanted:
            measure(server, port, paths[name], cookie, argparse.Namespace(**{**vars(args), "duration": 2}))
        measure(ceiling_server, ceiling_port, "/", "", argparse.Namespace(**{**vars(args), "duration": 2}))
        for _ in range(args.rounds):
            for name in wanted:
                results["ceiling"].append(measure(ceiling_server, ceiling_port, "/", "", args))
                results[name].append(measure(server, port, paths[name], cookie, args))
    finally:
        for process in (server, ceiling_server):
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)

    backend = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    print(f"\n{backend}, {args.posts:,} posts, gunicorn {args.workers} sync workers, wrk -t{args.threads} "
          f"-c{args.connections} -d{args.duration}s, {args.rounds} rounds; CPU ms per request (medians)")
    print(f"{'page':10} {'in process':>11} {'workers':>8} {'master':>7} {'wrk':>6} {'workers/in':>11} "
          f"{'req/s':>8} {'non-2xx':>8}")
    import statistics

    for name in ["ceiling", *wanted]:
        rows = results[name]

        def median(key):
            return statistics.median(row[key] for row in rows)

        print(f"{name:10} {in_process[name]:>11.2f} {median('worker'):>8.2f} {median('master'):>7.2f} "
              f"{median('wrk'):>6.2f} {median('worker') / in_process[name]:>10.1f}x {median('rps'):>8.1f} "
              f"{sum(row['non2xx'] for row in rows):>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
