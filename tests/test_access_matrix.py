"""Every route of the app (walked from app.url_map) requested as every persona, checked against
the expectations written in tests/access_rules/*.py. A route added later by anyone is covered
automatically: without a stated expectation for every persona, test_every_route_has_rules fails.

How a response is read:
  "login"  401, or a redirect to the sign-in page made by the sign-in gate (it flashes
           login_manager's message; a route that signs the user out and sends them to the sign-in
           page, such as logout, answers "302").
  "200", "302", "403", "404", ...  exactly that status: an expectation names the precise answer.

A state-changing request carries the form its module states in FORMS (a valid one, so that a persona
allowed to make the request gets the route's success, not a refused empty form); routes without one
are sent an empty form.

The world is built once per module; requests that write to the database are undone by restoring
a snapshot of every table before the next request, so each (endpoint, persona) case starts from the
same world and is its own test.
"""
from __future__ import annotations

import importlib
import pkgutil
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import url_for
from sqlalchemy import event, text

from config import TestingConfig
from forum import create_app
from forum.extensions import db
from forum.invitations.services import create_invitation

from . import access_rules, factories
from .conftest import POSTGRES_URL, FreshContextClient, sign_in

PERSONAS = ("anonymous", "pending", "suspended_account", "outsider", "member", "suspended_member",
            "banned_member", "moderator", "admin")
# Tested wherever a rule states them, but not required of every route: a verifier and a privacy officer
# (verified, not admins, members of group B only). The persona world (tests/factories.py) is the whole cast.
OPTIONAL_PERSONAS = ("verifier", "privacy_officer")
ALL_PERSONAS = PERSONAS + OPTIONAL_PERSONAS
LOGIN = "login"
STATE_CHANGING = ("POST", "PUT", "PATCH", "DELETE")
RULE_FORMAT = "tests/access_rules/<feature>.py: RULES = {endpoint: {persona: 'login'|'200'|'302'|'403'|'404'|...}}"


def is_expectation(value) -> bool:
    """'login' or a precise HTTP status ('200', '302', '403', ...)."""
    return value == LOGIN or (isinstance(value, str) and len(value) == 3 and value.isdigit()
                              and 100 <= int(value) <= 599)


# ---------------------------------------------------------------------------------------------
# Rules


class RuleBook:
    """Every tests/access_rules module, merged: expectations, URL parameters and set-up hooks."""

    def __init__(self):
        self.modules = []
        for info in sorted(pkgutil.iter_modules(access_rules.__path__), key=lambda info: info.name):
            self.modules.append(importlib.import_module(f"{access_rules.__name__}.{info.name}"))
        self.expected: dict[str, dict[str, str]] = {}
        self.owner: dict[str, str] = {}  # endpoint -> module that states its rules
        self.problems: list[str] = []
        for module in self.modules:
            name = module.__name__.rsplit(".", 1)[-1]
            defaults = getattr(module, "DEFAULTS", {}) or {}
            for endpoint, rules in (getattr(module, "RULES", {}) or {}).items():
                if endpoint in self.owner:
                    self.problems.append(f"{endpoint}: rules in both {self.owner[endpoint]}.py and {name}.py")
                    continue
                self.owner[endpoint] = name
                merged = {}
                for persona in ALL_PERSONAS:
                    value = rules.get(persona, defaults.get(persona))
                    if value is not None:
                        merged[persona] = value
                for persona, value in {**defaults, **rules}.items():
                    if persona not in ALL_PERSONAS:
                        self.problems.append(f"{endpoint}: unknown persona {persona!r} in {name}.py "
                                             f"(known: {', '.join(ALL_PERSONAS)})")
                    elif not is_expectation(value):
                        self.problems.append(f"{endpoint}: {persona} expects {value!r}, not 'login' or a precise "
                                             f"status such as '200' or '302' (see tests/access_rules/__init__.py)")
                self.expected[endpoint] = merged

    def form_for(self, endpoint: str):
        """The callable(world) -> form data that the endpoint's own module states in FORMS, or None."""
        for module in self.modules:
            forms = getattr(module, "FORMS", {}) or {}
            if endpoint in forms:
                return forms[endpoint]
        return None

    def param_names(self) -> set[str]:
        return {name for module in self.modules for name in (getattr(module, "PARAMS", {}) or {})}

    def setups(self):
        return [module.SETUP for module in self.modules if callable(getattr(module, "SETUP", None))]


def routes(app) -> list[tuple[str, object, str]]:
    """(endpoint, rule, method) for every rule in the URL map: GET when the route answers GET,
    otherwise its state-changing method."""
    table = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda rule: (rule.endpoint, rule.rule)):
        methods = rule.methods or set()
        method = "GET" if "GET" in methods else next((m for m in STATE_CHANGING if m in methods), None)
        if method is not None:
            table.append((rule.endpoint, rule, method))
    return table


def _collection_app():
    return create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": "sqlite://"})


# ---------------------------------------------------------------------------------------------
# The world


class Snapshot:
    """The whole database, restorable between requests.

    SQLite: a copy of the database file, copied back with every connection closed. PostgreSQL:
    every row of every table, put back after a TRUNCATE (the moderation log refuses DELETE, and
    rightly so; emptying the whole database is a test-harness privilege)."""

    def __init__(self):
        db.session.commit()
        db.session.remove()
        self.postgres = db.engine.dialect.name == "postgresql"
        if self.postgres:
            self.tables = list(db.metadata.sorted_tables)
            self.rows = {}
            with db.engine.connect() as connection:
                for table in self.tables:
                    order = list(table.primary_key.columns) or list(table.columns)[:1]
                    self.rows[table.name] = [dict(row._mapping)
                                             for row in connection.execute(table.select().order_by(*order))]
        else:
            self.path = Path(db.engine.url.database)
            self.copy = self.path.with_name(self.path.name + ".snapshot")
            db.engine.dispose()  # the last connection to close checkpoints the WAL into the file
            shutil.copyfile(self.path, self.copy)

    def restore(self) -> None:
        db.session.remove()
        if not self.postgres:
            db.engine.dispose()
            for suffix in ("-wal", "-shm", "-journal"):
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
            shutil.copyfile(self.copy, self.path)
            return
        with db.engine.begin() as connection:
            names = ", ".join(f'"{table.name}"' for table in self.tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            for table in self.tables:
                if self.rows[table.name]:
                    connection.execute(table.insert(), self.rows[table.name])
            for table in self.tables:
                if ("id" in table.columns and table.columns["id"].primary_key and self.rows[table.name]
                        and table.columns["id"].type.python_type is int):  # random text ids have no sequence
                    connection.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                        f"(SELECT max(id) FROM \"{table.name}\"))"))


class World:
    """The persona world (tests/factories.py: PersonaWorld; group A secret with the cast, group B with the
    outsider, the verifier and the privacy officer), plus an invitation to A made by `member` and whatever
    the rule modules' SETUP hooks add.

    Personas sign in once, through the sign-in form, while the world is built; each request then
    uses a fresh client carrying that persona's session cookie. The suspended_account persona
    signed in while still verified and was suspended afterwards, since a suspended account cannot
    sign in at all."""

    def __init__(self, app, rulebook: RuleBook, admin_in_group_a: bool = False):
        self.app = app
        self.rulebook = rulebook
        self.make = factories.Factories(app)
        self.admin_in_group_a = admin_in_group_a
        self.users = {}
        self.cookies: dict[str, str | None] = {}
        self.params: dict[str, object] = {}
        self.module_params: dict[tuple[str, str], object] = {}
        self.param_errors: dict[tuple[str, str], str] = {}
        self.dirty = False

    # building

    def build(self) -> "World":
        people = self.people = self.make.personas(admin_in_group_a=self.admin_in_group_a)
        users = self.users = people.users
        self.group_a, self.group_b = people.group_a, people.group_b
        self.topic, self.post, self.reply, self.topic_b = people.topic, people.post, people.reply, people.topic_b
        self.invitation, self.token = create_invitation(users["member"], self.group_a)
        db.session.commit()

        for setup in self.rulebook.setups():
            setup(self)
            db.session.commit()
        self.params = self._default_params()
        for module in self.rulebook.modules:
            name = module.__name__.rsplit(".", 1)[-1]
            for param, compute in (getattr(module, "PARAMS", {}) or {}).items():
                try:
                    self.module_params[(name, param)] = compute(self)
                except Exception as error:  # reported by the cases that need this parameter
                    self.param_errors[(name, param)] = f"{type(error).__name__}: {error}"
        db.session.commit()

        for persona in ALL_PERSONAS:
            if persona != "anonymous":
                self.cookies[persona] = self._sign_in(users[persona])
        people.suspend_account()
        self.snapshot = Snapshot()
        event.listen(db.engine, "before_cursor_execute", self._watch_writes)
        return self

    def _default_params(self) -> dict:
        return {
            "slug": self.group_a.slug,
            "topic_id": self.topic.id,
            "post_id": self.post.id,
            "token": self.token,
            "invitation_id": self.invitation.id,
            "username": self.users["member"].username,
            "filename": "css/app.css",
        }

    def _sign_in(self, user) -> str:
        client = self.app.test_client()
        response = sign_in(client, user)
        assert response.status_code == 302 and "/auth/login" not in response.location, \
            f"{user.display_name} could not sign in: {response.status_code}"
        cookie = client.get_cookie(self.app.config["SESSION_COOKIE_NAME"])
        assert cookie is not None
        return cookie.value

    # requesting

    def _watch_writes(self, conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
            self.dirty = True

    def reset(self) -> None:
        """Undo whatever the previous request wrote."""
        if self.dirty:
            self.snapshot.restore()
            self.dirty = False

    def client_for(self, persona: str):
        client = self.app.test_client()
        if self.cookies.get(persona):
            client.set_cookie(self.app.config["SESSION_COOKIE_NAME"], self.cookies[persona])
        return client

    def url(self, endpoint: str, rule, generic_fallback: bool = False) -> str:
        """The rule's URL with the world's values. With generic_fallback, a parameter nobody gave a
        value gets one that merely fits its converter (for checks that run before the view)."""
        values = {}
        for name in rule.arguments:
            if generic_fallback and not self.knows(endpoint, name):
                values[name] = _fitting_value(rule._converters.get(name))
            else:
                values[name] = self._param(endpoint, name)
        with self.app.test_request_context():
            return url_for(endpoint, **values)

    def knows(self, endpoint: str, name: str) -> bool:
        owner = self.rulebook.owner.get(endpoint)
        return (owner, name) in self.module_params or name in self.params or any(
            param == name for _, param in self.module_params)

    def _param(self, endpoint: str, name: str):
        """The endpoint's own module's PARAMS first, then the world's values, then any module's."""
        owner = self.rulebook.owner.get(endpoint)
        if (owner, name) in self.param_errors:
            pytest.fail(f"PARAMS[{name!r}] in {owner}.py failed while building the world: "
                        f"{self.param_errors[(owner, name)]}")
        if (owner, name) in self.module_params:
            return self.module_params[(owner, name)]
        if name in self.params:
            return self.params[name]
        for (module, param), value in self.module_params.items():
            if param == name:
                return value
        errors = [f"{module}.py: {error}" for (module, param), error in self.param_errors.items() if param == name]
        if errors:
            pytest.fail(f"PARAMS[{name!r}] failed while building the world: {'; '.join(errors)}")
        pytest.fail(f"{endpoint}: no value for the URL parameter {name!r}; add it to PARAMS in "
                    f"tests/access_rules/<feature>.py (name -> callable(world))")

    def close(self) -> None:
        event.remove(db.engine, "before_cursor_execute", self._watch_writes)


def _fitting_value(converter):
    from werkzeug.routing import FloatConverter, IntegerConverter, UUIDConverter

    if isinstance(converter, IntegerConverter):
        return 1
    if isinstance(converter, FloatConverter):
        return 1.0
    if isinstance(converter, UUIDConverter):
        import uuid

        return uuid.uuid4()
    return "x"


def outcome(app, client, response) -> str:
    status = response.status_code
    if status == 401:
        return LOGIN
    if status in (301, 302, 303, 307, 308):
        login_path = urlsplit(_login_url(app)).path
        if urlsplit(response.location).path == login_path and _gate_flashed(app, client):
            return LOGIN
    return str(status)


def _login_url(app) -> str:
    with app.test_request_context():
        return url_for(app.login_manager.login_view)


def _gate_flashed(app, client) -> bool:
    """Whether the sign-in gate (login_required) sent this redirect: it flashes its message."""
    gate_messages = {app.login_manager.login_message, app.login_manager.needs_refresh_message}
    with client.session_transaction() as session:
        return any(message in gate_messages for _, message in session.get("_flashes", []))


# ---------------------------------------------------------------------------------------------
# Module-wide app and world


def build_module_world(tmp_path_factory, request, overrides: dict, admin_in_group_a: bool = False):
    """A module-scoped app on its own database with a World built once; yields the world."""
    folder = tmp_path_factory.mktemp("world")
    url = POSTGRES_URL and request.getfixturevalue("postgres_schema")
    database_url = url or f"sqlite:///{folder / 'world.sqlite3'}"
    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": database_url,
                                     "MAIL_OUTBOX_DIR": str(folder / "outbox"), **overrides})
    app.test_client_class = FreshContextClient
    context = app.app_context()
    context.push()
    try:
        if not url:
            db.create_all()
        world = World(app, RuleBook(), admin_in_group_a=admin_in_group_a).build()
        yield world
        world.close()
    finally:
        db.session.remove()
        if url:
            names = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
            with db.engine.begin() as connection:
                connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        db.engine.dispose()
        context.pop()


@pytest.fixture(scope="module")
def world(tmp_path_factory, request):
    yield from build_module_world(tmp_path_factory, request, {"WTF_CSRF_ENABLED": False})


# ---------------------------------------------------------------------------------------------
# Tests

RULEBOOK = RuleBook()
ROUTES = routes(_collection_app())
CASES = [
    pytest.param(endpoint, rule, method, persona, RULEBOOK.expected[endpoint][persona],
                 id=f"{endpoint}-{persona}" + (f"-{rule.rule}" if sum(e == endpoint for e, _, _ in ROUTES) > 1 else ""))
    for endpoint, rule, method in ROUTES
    for persona in ALL_PERSONAS
    if persona in RULEBOOK.expected.get(endpoint, {})
]


def test_every_route_has_rules_for_every_persona():
    missing = []
    for endpoint in sorted({endpoint for endpoint, _, _ in ROUTES}):
        rules = RULEBOOK.expected.get(endpoint)
        if rules is None:
            missing.append(f"  {endpoint}: no rules at all")
        elif not set(PERSONAS) <= set(rules):
            missing.append(f"  {endpoint}: no expectation for {', '.join(p for p in PERSONAS if p not in rules)}")
    assert not missing, (f"{len(missing)} route(s) lack an access expectation; write them in {RULE_FORMAT}:\n"
                         + "\n".join(missing))


def test_rules_are_well_formed_and_name_real_routes():
    endpoints = {endpoint for endpoint, _, _ in ROUTES}
    problems = list(RULEBOOK.problems)
    problems += [f"{endpoint}: rules in {RULEBOOK.owner[endpoint]}.py, but the app has no such endpoint"
                 for endpoint in RULEBOOK.expected if endpoint not in endpoints]
    assert not problems, "\n".join(problems)


def test_every_url_parameter_has_a_value():
    known = {"slug", "topic_id", "post_id", "token", "invitation_id", "username", "filename"} | RULEBOOK.param_names()
    missing = sorted({f"{endpoint}: <{name}>" for endpoint, rule, _ in ROUTES for name in rule.arguments
                      if name not in known})
    assert not missing, "URL parameters without a value; add them to PARAMS in tests/access_rules/<feature>.py:\n" \
        + "\n".join(missing)


def test_group_urls_are_404_for_everyone_outside_the_group():
    """The spec, over every module's rules: a group's URLs do not exist for non-members, pending
    users and banned members (and ask anonymous visitors to sign in)."""
    wrong = []
    for endpoint, rule, _ in ROUTES:
        if not rule.rule.startswith("/g/<slug>"):
            continue
        rules = RULEBOOK.expected.get(endpoint, {})
        for persona, expected in (("anonymous", "login"), ("pending", "404"), ("outsider", "404"),
                                  ("banned_member", "404")):
            if persona in rules and rules[persona] != expected:
                wrong.append(f"  {endpoint} ({rule.rule}): {persona} is {rules[persona]!r}, should be {expected!r}")
    assert not wrong, "Group URLs must not reveal the group:\n" + "\n".join(wrong)


@pytest.mark.parametrize("endpoint, rule, method, persona, expected", CASES)
def test_access(world, endpoint, rule, method, persona, expected):
    world.reset()
    url = world.url(endpoint, rule)
    client = world.client_for(persona)
    data = None
    if method != "GET":
        form = RULEBOOK.form_for(endpoint)
        with world.app.test_request_context():
            data = form(world) if form is not None else {}
    response = client.open(url, method=method, data=data)
    got = outcome(world.app, client, response)
    assert got == expected, (f"{method} {url} as {persona}: expected {expected!r}, got {got!r} "
                             f"(status {response.status_code}{', to ' + response.location if response.location else ''})")
