"""Every {% include %} names a template that exists: an include marked `ignore missing` would let a
page silently lose a feature's links or banner when a template moves or is renamed. Features that
add to a page ship their partial; a page that includes one includes it unconditionally."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, nodes

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"


def _includes():
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), extensions=["jinja2.ext.i18n"])
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        tree = env.parse(path.read_text(encoding="utf-8"), name=name)
        for include in tree.find_all(nodes.Include):
            yield name, include


def test_no_include_tolerates_a_missing_template():
    tolerant = [f"{name}:{include.lineno}" for name, include in _includes() if include.ignore_missing]
    assert not tolerant, "includes marked `ignore missing`: " + ", ".join(tolerant)


def test_every_included_template_exists():
    missing = [f"{name}:{include.lineno} includes {include.template.value}" for name, include in _includes()
               if isinstance(include.template, nodes.Const) and not (TEMPLATES / include.template.value).is_file()]
    assert not missing, "\n".join(missing)


def test_the_scan_sees_the_layout_includes():
    """The navigation partials of base.html are among the includes read (the scan is not empty)."""
    names = {include.template.value for name, include in _includes()
             if name == "base.html" and isinstance(include.template, nodes.Const)}
    assert {"moderation/_nav.html", "verification/_banner.html"} <= names
