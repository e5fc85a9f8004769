"""Full-text search at 100,000 and 1,000,000 posts, on SQLite (FTS5) and PostgreSQL (tsvector + GIN),
with the old ILIKE search measured beside it in the same run.

    .venv/bin/python bench/search.py                                  # 100,000 posts, both engines
    .venv/bin/python bench/search.py --sizes 100000,1000000           # then a million
    .venv/bin/python bench/search.py --engines sqlite --sizes 20000   # a quick look
    .venv/bin/python bench/search.py --database-url "$URL"            # a PostgreSQL of yours (emptied!)
    .venv/bin/python bench/search.py --sizes 100000,1000000 --reuse /work/benchdata   # seeded once, reused

With --reuse DIR (also --keep DIR) the seeded SQLite files and a PostgreSQL server with one database
per size stay in DIR, with a pg_dump of each database beside them; a later run reuses them: it
restarts the server on its data if it stopped, restores the dumps into a new one if the data is gone,
and brings a database kept by older code up to date (the vocabulary, the tsvector) before measuring.

For each engine and size:
1. Seeds the posts in a temporary database (SQLite in /tmp; PostgreSQL started with
   scripts/test-services.sh in /tmp unless --database-url is given): 200 groups, 2,000 members,
   topics of 1 to 19 posts over three years, clinical text in English (70 %), German (20 %) and
   Hindi or Hindi-English (10 %), drawn from a vocabulary with a long tail so that some words are
   rare and some are everywhere. Bodies are stored as sanitised HTML, as the app stores them.
2. Builds the index with the code `forum reindex` runs and prints the indexing throughput and the
   index size (SQLite: the file's growth; PostgreSQL: pg_total_relation_size of search_documents).
3. Runs 20 typical queries (rare words, common words, phrases, prefixes, filters, German, Hindi)
   through the search service as a member of 20 groups and as an admin (all groups): one warm-up,
   then --runs timed runs each; prints p50/p95 over all of them and each query's median.
4. Runs the old search (one ILIKE over titles and markdown, newest 50) for the same queries,
   --ilike-runs times, as the reference.
Figures, not assertions: read them beside each other.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GROUPS = 200
USERS = 2000
MEMBER_GROUPS = 20

QUERIES = [
    "apixaban creatinine",            # two rare-ish words
    "tranexamic trauma",
    "vancomycin trough",
    "delirium haloperidol",
    "heparin",                        # a common word
    "patient",                        # a very common word
    '"creatinine clearance"',         # a phrase
    '"night shift"',
    "cardio*",                        # a prefix
    "anticoag*",
    "apixaban group:ward-7",          # filters
    "sepsis in:title",
    "insulin after:2025-06-01",
    "warfarin -apixaban",
    "@member12 handover",
    "Nierenfunktion Dosisanpassung",  # German word forms
    "Blutung",
    "किडनी",                           # Hindi, and Hindi with English
    "रोगी apixaban",
    "bleeding risk",
]
# Short prefixes, measured beside the 20 (not in their percentiles, so figures stay comparable with
# earlier runs): each stands for at most services.PREFIX_WORDS words of the vocabulary. "a*" is
# refused by the query parser (at least two letters before the *).
PREFIX_QUERIES = ["ca*", "pa*", "an*", "he*", "कि*"]

DRUGS = ["apixaban", "rivaroxaban", "warfarin", "heparin", "enoxaparin", "vancomycin", "gentamicin", "insulin",
         "metformin", "amiodarone", "digoxin", "furosemide", "spironolactone", "haloperidol", "lorazepam",
         "tranexamic acid", "noradrenaline", "ceftriaxone", "piperacillin", "lithium", "methotrexate",
         "tacrolimus", "prednisolone", "levothyroxine", "morphine", "ketamine", "propofol", "dabigatran"]
TOPICS_EN = ["sepsis", "delirium", "acute kidney injury", "heart failure", "atrial fibrillation", "hyperkalaemia",
             "pneumonia", "stroke", "trauma", "diabetic ketoacidosis", "pulmonary embolism", "bleeding",
             "falls", "pressure ulcers", "handover", "night shift", "discharge planning", "cardiology referral",
             "cardiomyopathy", "anticoagulation", "pain management", "wound care", "pre-eclampsia"]
EN = [
    "We started {drug} for {topic} and checked the creatinine clearance the next morning.",
    "Has anyone seen {topic} after {drug}? Our patient developed it on day three.",
    "The handover on the night shift missed the {drug} dose; we now double-check it.",
    "For {topic} our unit uses a checklist; the pharmacist reviews every {drug} order.",
    "Bleeding risk was high, so we stopped {drug} and discussed it with cardiology.",
    "Renal function dropped, so the {drug} dose was reduced by half.",
    "I would not give {drug} in {topic} without a trough level.",
    "The guideline recommends {drug} first; the evidence for {topic} is weaker than people think.",
    "Thanks, that matches our experience with {topic} in older patients.",
    "Our audit of {topic} found fewer errors after the teaching sessions.",
    "The patient was transferred to intensive care and received {drug}.",
    "We discussed {topic} in the morning meeting and agreed to review the protocol.",
]
DE = [
    "Wir haben {drug} wegen eingeschränkter Nierenfunktion angepasst; die Dosisanpassung war nötig.",
    "Bei {topic_de} geben wir zuerst {drug}, danach Kontrolle der Nierenfunktionen.",
    "Die Blutung trat nach {drug} auf; wir haben die Therapie pausiert.",
    "Übergabe im Nachtdienst: bitte die {drug}-Gabe dokumentieren.",
    "Unsere Station prüft jede Verordnung von {drug} mit der Apotheke.",
    "Die Patientin wurde auf die Intensivstation verlegt und erhielt {drug}.",
    "Gibt es Erfahrungen mit {topic_de} bei älteren Patienten? Straße und Müller-Test waren unauffällig.",
]
TOPICS_DE = ["Sepsis", "Delir", "Nierenversagen", "Herzinsuffizienz", "Vorhofflimmern", "Blutungen",
             "Lungenembolie", "Schlaganfall", "Stürze", "Dekubitus", "Schmerztherapie"]
HI = [
    "रोगी को {drug} दिया गया और किडनी की जाँच अगले दिन की गई।",
    "रात की शिफ्ट में {drug} की खुराक छूट गई थी, अब हम दोबारा जाँचते हैं।",
    "मरीज़ की किडनी कमजोर थी इसलिए {drug} की खुराक आधी कर दी।",
    "हमारे वार्ड में {topic} के लिए एक सूची है।",
]


def zipf_pick(rng: random.Random, items: list) -> str:
    """A long tail: the first items are common, the last ones rare."""
    index = min(len(items) - 1, int(rng.paretovariate(1.1)) - 1)
    return items[index]


def make_body(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    sentences = []
    for _ in range(rng.randint(2, 6)):
        drug, topic = zipf_pick(rng, DRUGS), zipf_pick(rng, TOPICS_EN)
        if roll < 0.7:
            sentences.append(rng.choice(EN).format(drug=drug, topic=topic))
        elif roll < 0.9:
            sentences.append(rng.choice(DE).format(drug=drug, topic_de=rng.choice(TOPICS_DE)))
        else:
            sentences.append(rng.choice(HI + EN[:3]).format(drug=drug, topic=topic))
    source = " ".join(sentences)
    return source, f"<p>{escape(source, quote=False)}</p>"


def title_for(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.7:
        return f"{zipf_pick(rng, TOPICS_EN).capitalize()} and {zipf_pick(rng, DRUGS)}: what do you do?"
    if roll < 0.9:
        return f"{rng.choice(TOPICS_DE)} unter {zipf_pick(rng, DRUGS)}"
    return f"{zipf_pick(rng, DRUGS)} और किडनी"


def seed(posts_wanted: int, seed_value: int = 16) -> dict:
    from sqlalchemy import insert

    from forum.accounts.models import User
    from forum.extensions import db
    from forum.groups.models import Group, Membership
    from forum.posts.models import Post, Topic

    rng = random.Random(seed_value)
    started = time.perf_counter()
    now = datetime.now(timezone.utc)
    users = [{"email": f"member{i}@bench.konsil.example", "display_name": f"Member {i}", "username": f"member{i}",
              "password_hash": "x", "profession": "physician", "organisation": "Bench", "country": "DE",
              "verification_status": "verified", "verified_at": now, "created_at": now, "terms_accepted_at": now,
              "is_admin": i == 1} for i in range(USERS)]
    user_ids = list(db.session.scalars(insert(User).returning(User.id, sort_by_parameter_order=True), users))
    group_ids = list(db.session.scalars(insert(Group).returning(Group.id, sort_by_parameter_order=True), [
        {"name": f"Ward {i}", "slug": f"ward-{i}", "description": "", "guidelines_source": "",
         "guidelines_html": "", "guidelines_version": 1, "visibility": "secret", "invite_policy": "members",
         "created_at": now} for i in range(GROUPS)]))
    reader = user_ids[0]
    db.session.execute(insert(Membership), [
        {"user_id": reader, "group_id": group_id, "role": "member", "status": "active",
         "accepted_guidelines_version": 1, "guidelines_accepted_at": now, "joined_at": now}
        for group_id in group_ids[:MEMBER_GROUPS]])
    start = now - timedelta(days=3 * 365)
    span = (now - start).total_seconds()
    made, topics = 0, 0
    post_batch = []
    while made < posts_wanted:
        topic_rows = []
        sizes = []
        for _ in range(1000):
            size = min(posts_wanted - made - sum(sizes), rng.randint(1, 19))
            if size <= 0:
                break
            sizes.append(size)
            created = start + timedelta(seconds=span * ((made + sum(sizes)) / posts_wanted))
            topic_rows.append({"group_id": group_ids[rng.randrange(GROUPS)], "author_id": rng.choice(user_ids),
                               "title": title_for(rng), "created_at": created, "last_activity_at": created,
                               "post_count": size})
        topic_ids = list(db.session.scalars(insert(Topic).returning(Topic.id, sort_by_parameter_order=True),
                                            topic_rows))
        for topic_id, row, size in zip(topic_ids, topic_rows, sizes):
            for number in range(1, size + 1):
                source, html = make_body(rng)
                post_batch.append({"topic_id": topic_id, "author_id": rng.choice(user_ids), "number": number,
                                   "body_source": source, "body_html": html,
                                   "created_at": row["created_at"] + timedelta(minutes=number)})
            made += size
            topics += 1
        for index in range(0, len(post_batch), 5000):
            db.session.execute(insert(Post), post_batch[index:index + 5000])
        post_batch = []
        db.session.commit()
    elapsed = time.perf_counter() - started
    print(f"  seeded {made:,} posts in {topics:,} topics, {GROUPS} groups, {USERS:,} members in {elapsed:.0f} s")
    return {"reader": reader, "admin": user_ids[1], "groups": group_ids}


def database_size(connection) -> int:
    from sqlalchemy import text

    if connection.dialect.name == "sqlite":
        return connection.execute(text("PRAGMA page_count")).scalar() * connection.execute(text("PRAGMA page_size")).scalar()
    return connection.execute(text("SELECT pg_database_size(current_database())")).scalar()


def index_size(connection, before: int) -> int:
    from sqlalchemy import text

    if connection.dialect.name == "sqlite":
        return database_size(connection) - before
    return connection.execute(text("SELECT pg_total_relation_size('search_documents')")).scalar()


def old_ilike_search(user, query: str, limit: int = 50):
    """The search this replaces, as it was: one ILIKE over every post of the readable groups."""
    from sqlalchemy import or_, select
    from sqlalchemy.orm import contains_eager, selectinload

    from forum.policy import scopes
    from forum.extensions import db
    from forum.groups.models import Group
    from forum.posts.models import Post, Topic

    group_ids = scopes.readable_group_ids(user)
    if group_ids is None:
        group_ids = list(db.session.scalars(select(Group.id)))
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return list(db.session.scalars(
        select(Post).join(Post.topic).join(Topic.group)
        .options(contains_eager(Post.topic).contains_eager(Topic.group), selectinload(Post.author))
        .where(Topic.group_id.in_(group_ids), Post.deleted_at.is_(None), Post.hidden.is_(False),
               Topic.hidden.is_(False),
               or_(Post.body_source.ilike(pattern, escape="\\"), Topic.title.ilike(pattern, escape="\\")))
        .order_by(Post.created_at.desc()).limit(limit)).unique())


def timed(function, runs: int, cpu: list[float] | None = None) -> list[float]:
    """Wall-clock milliseconds per run; with `cpu`, this process's CPU milliseconds are appended to it
    too (for SQLite that is the search's whole work, whatever else the machine is doing)."""
    timings = []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        timings.append((time.perf_counter() - started) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - started_cpu) * 1000)
    return timings


def backend_pid() -> int:
    from sqlalchemy import text

    from forum.extensions import db

    return db.session.execute(text("SELECT pg_backend_pid()")).scalar()


def backend_ticks(pid: int | None) -> int:
    """CPU clock ticks (user + system) of a PostgreSQL backend on this machine; 0 without one."""
    if pid is None:
        return 0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def people_of(seeded_groups: int = GROUPS) -> dict:
    """The reader and the admin of a database seeded earlier (--keep)."""
    from sqlalchemy import select

    from forum.accounts.models import User
    from forum.extensions import db

    ids = dict(db.session.execute(select(User.username, User.id).where(User.username.in_(["member0", "member1"]))).all())
    return {"reader": ids["member0"], "admin": ids["member1"]}


def bring_up_to_date() -> None:
    """A database kept by an earlier run (--keep) gets what the code now expects of the index, as the
    migrations would give it: the vocabulary table (counted per group), and PostgreSQL's tsvector
    without group tokens (the GIN index's size printed before and after)."""
    from sqlalchemy import func, inspect, select, text

    from forum.extensions import db
    from forum.search.indexer import fill_vocabulary
    from forum.search.models import SearchTerm
    from forum.search.schema import (VECTOR_INDEX, create_opening_index, vector_holds_group_tokens,
                                     vector_without_group_tokens)

    columns = {column["name"] for column in inspect(db.engine).get_columns("search_terms")} \
        if inspect(db.engine).has_table("search_terms") else set()
    if columns and "group_id" not in columns:  # the forum-wide vocabulary of 0025: counted per group now
        SearchTerm.__table__.drop(db.engine)
    db.create_all()  # tables the kept database does not have yet
    with db.engine.begin() as connection:
        if not connection.execute(select(func.count()).select_from(SearchTerm.__table__)).scalar():
            started = time.perf_counter()
            words = fill_vocabulary(connection)
            print(f"  vocabulary counted: {words:,} (word, group) rows in {time.perf_counter() - started:.0f} s")
    if db.engine.dialect.name != "postgresql":
        return
    with db.engine.begin() as connection:
        if vector_holds_group_tokens(connection):
            size = f"SELECT pg_relation_size('{VECTOR_INDEX}')"
            before = connection.execute(text(size)).scalar()
            started = time.perf_counter()
            vector_without_group_tokens(connection)
            after = connection.execute(text(size)).scalar()
            print(f"  tsvector rebuilt without group tokens in {time.perf_counter() - started:.0f} s: "
                  f"GIN index {before / 2**20:,.1f} MiB -> {after / 2**20:,.1f} MiB")
    with db.engine.begin() as connection:
        create_opening_index(connection)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE search_documents")
        connection.exec_driver_sql("ANALYZE search_terms")


def measure(database_url: str, posts: int, runs: int, ilike_runs: int, reuse: Path | None = None) -> dict:
    from config import TestingConfig
    from forum import create_app
    from forum.accounts.models import User
    from forum.extensions import db
    from forum.search.indexer import rebuild
    from forum.search.services import search

    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": database_url, "SQLITE_SYNCHRONOUS": "NORMAL"})
    engine_name = "PostgreSQL" if database_url.startswith("postgresql") else "SQLite"
    print(f"\n== {engine_name}, {posts:,} posts")
    with app.app_context():
        if reuse is not None and reuse.exists():  # --keep: seeded and indexed by an earlier run
            indexed, indexing, size = (float(value) for value in reuse.read_text().split())
            bring_up_to_date()
            if engine_name == "PostgreSQL":  # as it is now (SQLite's figure is the file's growth when indexing)
                with db.engine.connect() as connection:
                    size = index_size(connection, 0)
            people = people_of()
            print(f"  reusing the database seeded earlier: indexed {indexed:,.0f} posts in {indexing:.0f} s, "
                  f"{indexed / indexing:,.0f} posts/s; index {size / 2**20:,.0f} MiB")
        else:
            db.drop_all()
            db.create_all()
            people = seed(posts)
            with db.engine.connect() as connection:
                before = database_size(connection)
            started = time.perf_counter()
            with db.engine.begin() as connection:
                indexed = rebuild(connection, batch=5000)
            indexing = time.perf_counter() - started
            if engine_name == "PostgreSQL":
                with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                    connection.exec_driver_sql("VACUUM ANALYZE")
            else:
                with db.engine.connect() as connection:
                    connection.exec_driver_sql("ANALYZE")
            with db.engine.connect() as connection:
                size = index_size(connection, before)
            print(f"  indexed {indexed:,} posts in {indexing:.0f} s: {indexed / indexing:,.0f} posts/s; "
                  f"index {size / 2**20:,.0f} MiB")
            if reuse is not None:
                reuse.write_text(f"{indexed} {indexing} {size}")
        result = {"engine": engine_name, "posts": posts, "throughput": indexed / indexing, "size": size,
                  "per_query": {}, "all": [], "cpu": [], "prefix_all": [], "prefix_cpu": [], "ilike_all": [], "ilike_per_query": {},
                  "load": os.getloadavg()[0]}
        with app.test_request_context():
            for persona in ("reader", "admin"):
                user = db.session.get(User, people[persona])
                for query in QUERIES + PREFIX_QUERIES:
                    page = search(user, query)  # warm-up
                    backend = backend_pid() if engine_name == "PostgreSQL" else None
                    ticks = backend_ticks(backend)
                    cpu: list[float] = []
                    timings = timed(lambda: search(user, query), runs, cpu)
                    backend_ms = (backend_ticks(backend) - ticks) * 1000 / os.sysconf("SC_CLK_TCK") / runs
                    prefix = query in PREFIX_QUERIES
                    result["prefix_cpu" if prefix else "cpu"].append(statistics.mean(cpu) + backend_ms)
                    result["prefix_all" if prefix else "all"].extend(timings)
                    result["per_query"].setdefault(query, {})[persona] = (statistics.median(timings), page.posts,
                                                                           page.capped)
                    db.session.rollback()
            user = db.session.get(User, people["reader"])
            for query in QUERIES + PREFIX_QUERIES:
                words = query.replace('"', "").split()
                plain = " ".join(word for word in words if ":" not in word and not word.startswith(("@", "-")))
                plain = plain.rstrip("*")
                timings = timed(lambda: old_ilike_search(user, plain), ilike_runs)
                if query not in PREFIX_QUERIES:
                    result["ilike_all"].extend(timings)
                result["ilike_per_query"][query] = statistics.median(timings)
                db.session.rollback()
        db.session.remove()
        db.engine.dispose()
    report(result)
    return result


def figures(values: list[float]) -> str:
    return f"{percentile(values, .5):.1f} / {percentile(values, .95):.1f}" if values else "-"


def report(result: dict) -> None:
    print(f"  {'query':32} {'member ms':>10} {'admin ms':>9} {'matches':>8}  {'old ILIKE ms':>12}")
    for query, personas in result["per_query"].items():
        reader_ms, matches, capped = personas["reader"]
        admin_ms = personas["admin"][0]
        shown = f"{matches}{'+' if capped else ''}"
        print(f"  {query:32} {reader_ms:>10.1f} {admin_ms:>9.1f} {shown:>8}  {result['ilike_per_query'][query]:>12.1f}")
    print(f"  full-text: p50 {percentile(result['all'], .5):.1f} ms, p95 {percentile(result['all'], .95):.1f} ms "
          f"over {len(result['all'])} searches | old ILIKE: p50 {percentile(result['ilike_all'], .5):.1f} ms, "
          f"p95 {percentile(result['ilike_all'], .95):.1f} ms over {len(result['ilike_all'])}")
    print(f"  full-text CPU time per search (this process{'' if result['engine'] == 'SQLite' else ' + its PostgreSQL backend'}"
          f", mean of each query's runs): p50 / p95 over the {len(result['cpu'])} queries {figures(result['cpu'])} ms")
    print(f"  short prefixes ({', '.join(PREFIX_QUERIES)}): wall p50 / p95 {figures(result['prefix_all'])} ms, "
          f"CPU p50 / p95 {figures(result['prefix_cpu'])} ms")
    print(f"  load average during the run: {result['load']:.1f} on {os.cpu_count()} CPUs")


def start_postgres(folder: Path) -> str:
    folder.parent.chmod(0o755)  # PostgreSQL runs as the postgres user when we are root: it must reach its folder
    output = subprocess.run(["bash", str(ROOT / "scripts/test-services.sh"), "start", str(folder)],
                            check=True, capture_output=True, text=True).stdout
    for line in output.splitlines():
        if line.startswith("TEST_DATABASE_URL="):
            return line.split("=", 1)[1]
    raise RuntimeError("PostgreSQL did not start (scripts/test-services.sh)")


def restart_postgres(folder: Path, url: str) -> bool:
    """Starts the kept server again on its data directory, on the port its URL names."""
    import psycopg

    data, pgbin = folder / "pg", folder / "pgbin"
    if not (data / "PG_VERSION").exists() or not pgbin.exists():
        return False
    port = url.rsplit(":", 1)[1].split("/", 1)[0]
    command = [f"{pgbin.read_text().strip()}/pg_ctl", "-D", str(data), "-l", str(folder / "pg.log"), "-w",
               "-t", "120", "-o", f"-k {folder} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"]
    if os.getuid() == 0:
        command = ["runuser", "-u", "postgres", "--"] + command
    if subprocess.run(command, capture_output=True).returncode != 0:
        return False
    try:
        psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), connect_timeout=10).close()
    except Exception:
        return False
    print(f"  restarted the kept PostgreSQL in {folder}")
    return True


def postgres_for(folder: Path, kept: bool) -> tuple[str, bool]:
    """A PostgreSQL for the run: a kept one started by an earlier run with --keep, or a new one."""
    saved = folder / "postgresql.url"
    if kept and saved.exists():
        url = saved.read_text().strip()
        try:
            import psycopg

            psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), connect_timeout=3).close()
            return url, False
        except Exception:  # the server stopped (a reboot, another session): start it on its kept data
            if restart_postgres(folder / "pg", url):
                return url, False
            subprocess.run(["bash", str(ROOT / "scripts/test-services.sh"), "stop", str(folder / "pg")],
                           capture_output=True)
            for marker in folder.glob("postgresql-*.seeded"):
                if not marker.with_suffix(".dump").exists():  # a dump is restored into the new server instead
                    marker.unlink()
    url = start_postgres(folder / "pg")
    if kept:
        saved.write_text(url)
    return url, True


def postgres_database(url: str, size: int, folder: Path | None = None) -> str:
    """One database per size in a kept server, so each is seeded once; a new one is restored from
    DIR/postgresql-<size>.dump when there is one (see dump_postgres)."""
    import psycopg

    name = f"search_{size}"
    base = url.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(base, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
            dump = folder / f"postgresql-{size}.dump" if folder else None
            if dump and dump.exists():
                print(f"  restoring {dump} (a few minutes at a million posts: the indexes are built again)")
                subprocess.run([pg_tool(folder, "pg_restore"), "--no-owner", "-j", "2", "-d",
                                base.rsplit("/", 1)[0] + "/" + name, str(dump)], check=True)
    return url.rsplit("/", 1)[0] + "/" + name


def pg_tool(folder: Path, name: str) -> str:
    pgbin = folder / "pg" / "pgbin"
    return f"{pgbin.read_text().strip()}/{name}" if pgbin.exists() else name


def dump_postgres(url: str, size: int, folder: Path) -> None:
    """DIR/postgresql-<size>.dump beside the kept server: what a later run restores if the server's
    data is gone."""
    dump = folder / f"postgresql-{size}.dump"
    if dump.exists():
        return
    base = url.replace("postgresql+psycopg", "postgresql")
    subprocess.run([pg_tool(folder, "pg_dump"), "-Fc", "-Z", "1", "-f", str(dump), base], check=True)
    print(f"  dumped to {dump} ({dump.stat().st_size / 2**20:,.0f} MiB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000", help="comma-separated numbers of posts")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--database-url", help="a PostgreSQL database to use (its tables are dropped!)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each query and persona")
    parser.add_argument("--ilike-runs", type=int, default=1, help="timed runs of each query with the old search")
    parser.add_argument("--keep", "--reuse", type=Path, help="keep the seeded databases (and a PostgreSQL server) in this "
                        "folder and reuse them in later runs: for measuring changes to the queries")
    parser.add_argument("--walk-rows", type=int, help="PostgreSQL: services.WALK_ROWS for this run "
                        "(0: always ask the GIN index), to measure the choice")
    args = parser.parse_args()
    if args.walk_rows is not None:
        from forum.search import services

        services.WALK_ROWS = args.walk_rows
    os.environ.setdefault("FORUM_ENV", "testing")
    sizes = [int(size) for size in args.sizes.split(",")]
    engines = [engine.strip() for engine in args.engines.split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="konsil-search-bench-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        postgres_url = args.database_url
        started_postgres = False
        try:
            for engine in engines:
                for size in sizes:
                    reuse = None
                    if engine == "sqlite":
                        url = f"sqlite:///{folder / f'search-{size}.sqlite3'}"
                        if args.keep:
                            reuse = folder / f"search-{size}.sqlite3.seeded"
                    else:
                        if not postgres_url:
                            postgres_url, started_postgres = postgres_for(folder, kept=bool(args.keep))
                        url = postgres_database(postgres_url, size, args.keep) if args.keep else postgres_url
                        if args.keep:
                            reuse = folder / f"postgresql-{size}.seeded"
                    results.append(measure(url, size, args.runs, args.ilike_runs, reuse))
                    if engine != "sqlite" and args.keep:
                        dump_postgres(url, size, args.keep)
                    if engine == "sqlite" and not args.keep:
                        (folder / f"search-{size}.sqlite3").unlink(missing_ok=True)
        finally:
            if started_postgres and not args.keep:
                subprocess.run(["bash", str(ROOT / "scripts/test-services.sh"), "stop", str(folder / "pg")],
                               capture_output=True)
    print("\n== Summary (p50 / p95 ms; full-text and old ILIKE are wall clock, so the machine's load counts in;"
          "\n   CPU is the work of one search: this process, plus the PostgreSQL backend on PostgreSQL)")
    print(f"{'engine':11} {'posts':>10} {'full-text':>15} {'CPU':>13} {'old ILIKE':>15} {'index MiB':>10} "
          f"{'posts/s':>9} {'load':>5}")
    for result in results:
        cpu = figures(result["cpu"])
        print(f"{result['engine']:11} {result['posts']:>10,} {figures(result['all']):>15} {cpu:>13} "
              f"{figures(result['ilike_all']):>15} {result['size'] / 2**20:>10,.0f} {result['throughput']:>9,.0f} "
              f"{result['load']:>5.1f}")
    by_size: dict[int, dict[str, dict]] = {}
    for result in results:
        by_size.setdefault(result["posts"], {})[result["engine"]] = result
    engines_seen = [engine for engine in ("SQLite", "PostgreSQL") if any(engine in row for row in by_size.values())]
    print("\nSide by side, p50 / p95 ms:")
    print(f"{'posts':>10} " + " ".join(f"{engine + ' full-text':>22} {engine + ' ILIKE':>18}" for engine in engines_seen))
    for size in sorted(by_size):
        cells = []
        for engine in engines_seen:
            result = by_size[size].get(engine)
            cells.append(f"{figures(result['all']) if result else '-':>22} "
                         f"{figures(result['ilike_all']) if result else '-':>18}")
        print(f"{size:>10,} " + " ".join(cells))
    for engine in engines_seen:
        mine = sorted((result for result in results if result["engine"] == engine), key=lambda r: r["posts"])
        if len(mine) > 1:
            small, large = mine[0], mine[-1]
            ratio = percentile(large["all"], .95) / percentile(small["all"], .95)
            line = (f"{engine}: p95 at {large['posts']:,} is {ratio:.1f}x that at {small['posts']:,}; "
                    f"old ILIKE {percentile(large['ilike_all'], .95) / percentile(small['ilike_all'], .95):.1f}x")
            line += f"; CPU p95 {percentile(large['cpu'], .95) / percentile(small['cpu'], .95):.1f}x"
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
