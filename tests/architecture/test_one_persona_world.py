"""The suite has one cast: the persona world (tests/factories.py: PersonaWorld, the `personas` fixture).
A fixture elsewhere in tests/ that builds people of its own -- calling the user factory, letting the
group factory invent an owner, creating accounts directly -- starts a second world beside it. This test
reads every test module and fails on such a fixture, unless it is on the allow-list below with the reason
it still builds its own (and fails on an entry that no longer does, so the list only shrinks). A module's
helper that sets up a world of its own (`_world(make)`, `ward(make)`) counts as such a fixture."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
# Where people are made: the factories and the fixtures that hand out the persona world.
HOME = {"tests/conftest.py", "tests/factories.py"}
WORLD_HELPER = re.compile(r"_?(world|ward|scene|cast|people)\b")

# Fixtures that still build people of their own, each with the reason. Shrink it; never grow it.
ALLOWED = {
    "tests/accounts/test_data_rights.py::thread":
        "the export is checked against the two authors' own licence data and addresses",
    "tests/hardening/test_security_findings.py::ward": "not yet moved onto the world",
    "tests/performance/conftest.py::ward": "the query budgets are measured on their own ward",
    "tests/performance/test_topic_controls.py::thread": "the query budgets are measured on their own thread",
    "tests/participation/test_mentions.py::_world":
        "names chosen for the autocomplete's prefix matching (Colleen, Colin) and a namesake outside the group",
    "tests/participation/test_notifications.py::_world": "not yet moved onto the world",
    "tests/participation/test_quote_reply.py::_world": "the author's name carries Markdown the quote must escape",
    "tests/core/test_keyset_pagination.py::tied_group": "not yet moved onto the world",
    "tests/participation/test_notification_pages.py::reader": "not yet moved onto the world",
    "tests/participation/test_notification_targets.py::_world": "not yet moved onto the world",
    "tests/search/test_newest_walk.py::threads": "not yet moved onto the world",
    "tests/search/conftest.py::ward": "the search ward: its assertions count every search document",
    "tests/verification/test_access.py::world": "a listed group run by an admin owner: not yet on the world",
}


def _is_fixture(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    return name == "fixture"


def _receiver(node: ast.expr) -> str:
    return ast.unparse(node).rsplit(".", 1)[-1]


def _builds_people(call: ast.Call) -> bool:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    receiver = _receiver(func.value) if isinstance(func, ast.Attribute) else ""
    if receiver in ("make", "factories", "Factories") and name == "user":
        return True
    if receiver in ("make", "factories", "Factories") and name == "group":
        # Without an owner the group factory invents one.
        return not any(keyword.arg == "owner" for keyword in call.keywords)
    return name in ("create_user", "User")


def _calls(function: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(function) if isinstance(node, ast.Call)]


def people_building_fixtures(source: str, module: str) -> set[str]:
    """`module::fixture` for each fixture in `source` that builds people, directly or through a function of
    the same module it calls."""
    tree = ast.parse(source)
    functions = {node.name: node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.ClassDef))}

    def builds(node: ast.AST, seen: set[str]) -> bool:
        for call in _calls(node):
            if _builds_people(call):
                return True
            callee = getattr(call.func, "id", None)
            if callee in functions and callee not in seen:
                seen.add(callee)
                if builds(functions[callee], seen):
                    return True
        return False

    return {f"{module}::{node.name}" for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and _is_world(node) and builds(node, {node.name})}


def _is_world(function: ast.FunctionDef) -> bool:
    """A fixture, or a module's helper that sets up a world of its own for its tests (`_world(make)`)."""
    return any(_is_fixture(d) for d in function.decorator_list) or WORLD_HELPER.match(function.name) is not None


def _found() -> set[str]:
    found = set()
    for path in sorted(TESTS.rglob("*.py")):
        module = path.relative_to(ROOT).as_posix()
        if module not in HOME:
            found |= people_building_fixtures(path.read_text(encoding="utf-8"), module)
    return found


@pytest.mark.parametrize("source", [
    "@pytest.fixture\ndef ward(make):\n    return make.user('Nurse', admin=True)\n",
    "@fixture(scope='module')\ndef ward(make):\n    return make.group('Ward')\n",
    "@pytest.fixture\ndef ward(make):\n    return _three(make)\n\ndef _three(make):\n    return [make.user() for _ in range(3)]\n",
    "@pytest.fixture\ndef ward(app):\n    return create_user(email='a@b.example', display_name='A', password='x')\n",
    "@pytest.fixture\ndef ward(world):\n    return world.make.user('Someone')\n",
    "def ward(make):\n    return make.user('A helper that sets up its own world')\n",
])
def test_the_scan_recognises_a_fixture_that_builds_people(source):
    assert people_building_fixtures(source, "tests/x.py") == {"tests/x.py::ward"}


@pytest.mark.parametrize("source", [
    "@pytest.fixture\ndef ward(personas, make):\n    return make.group('Ward', owner=personas.owner, members=[personas.member])\n",
    "@pytest.fixture\ndef ward(personas, make):\n    return make.topic(personas.group_a, personas.member)\n",
    "def helper(make):\n    return make.user('Not a fixture')\n",
    "def _world(personas, make):\n    return make.topic(personas.group_a, personas.member)\n",
])
def test_the_scan_leaves_fixtures_on_the_persona_world_alone(source):
    assert people_building_fixtures(source, "tests/x.py") == set()


def test_no_fixture_outside_the_persona_world_builds_people():
    found = _found()
    new = sorted(found - set(ALLOWED))
    assert not new, ("These fixtures build people of their own; use the persona world (the `personas` fixture, "
                     "tests/factories.py: PersonaWorld) and add any persona it lacks there:\n  " + "\n  ".join(new))


def test_the_allow_list_only_names_fixtures_that_still_build_people():
    stale = sorted(set(ALLOWED) - _found())
    assert not stale, "No longer building people of their own; take them off ALLOWED:\n  " + "\n  ".join(stale)
