"""The features of forum/ depend on each other in one direction only: no import cycle between
feature packages (forum/<feature>/) and top-level modules, counting imports inside functions too
(a function-level import is how cycles used to be hidden). Models are the shared data layer, so
imports of forum.<feature>.models do not count. No `except ImportError` either: a feature that
reacts to another connects a named signal (forum/core/signals.py) in its init_app."""
from __future__ import annotations

import ast
import itertools
from pathlib import Path

FORUM = Path(__file__).resolve().parents[2] / "forum"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(FORUM.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base) + (f".{node.module}" if node.module else "")
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("forum.")}


def _unit(name: str) -> str | None:
    """The feature package or top-level module a module belongs to; None for the models layer."""
    parts = name.split(".")
    if len(parts) < 2 or (len(parts) >= 3 and parts[2] == "models"):
        return None
    return parts[1]


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in FORUM.rglob("*.py"):
        source = _unit(_module_name(path))
        if source is None:
            continue
        for target in map(_unit, _imports(path)):
            if target is not None and target != source:
                graph.setdefault(source, set()).add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = itertools.count()

    def visit(node):
        index[node] = low[node] = next(counter)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"posts": {"groups"}, "groups": {"notifications"}, "notifications": {"posts"}}) == [
        ["groups", "notifications", "posts"]]
    assert cycles({"posts": {"groups"}, "groups": {"core"}}) == []


def test_the_graph_sees_imports_inside_functions():
    graph = import_graph()
    assert "policy" in graph["posts"]
    assert "core" in graph["moderation"]


def test_no_import_cycle_between_features():
    assert cycles(import_graph()) == []


def _imports_a_feature(statements) -> bool:
    for node in (inner for statement in statements for inner in ast.walk(statement)):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("forum")):
            return True
        if isinstance(node, ast.Import) and any(alias.name.startswith("forum") for alias in node.names):
            return True
    return False


def test_no_feature_hides_a_missing_import():
    """`try: from ..moderation import x / except ImportError: pass` made a moved module fail silently."""
    offenders = []
    for path in FORUM.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Try) or not _imports_a_feature(node.body):
                continue
            for handler in node.handlers:
                names = {getattr(n, "id", None) for n in ast.walk(handler.type)} if handler.type else set()
                if names & {"ImportError", "ModuleNotFoundError"}:
                    offenders.append(f"{path.relative_to(FORUM.parent)}:{handler.lineno}")
    assert offenders == []


def test_no_hooks_modules():
    assert sorted(path.name for path in FORUM.rglob("*_hooks.py")) == []
