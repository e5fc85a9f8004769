"""The documentation in docs/ stays in step with the code: every route of the URL map and every
setting of forum/config.py is documented, and the README points at docs/, not outside the repository."""
import re
from pathlib import Path

from config import TestingConfig
from forum import create_app

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_the_contract_names_every_route_of_the_url_map():
    contract = (DOCS / "contract.md").read_text()
    app = create_app(TestingConfig)
    missing = []
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>", r"<\1>", rule.rule)
        if rule.endpoint == "static":
            path = "/static/<path>"
        last = path.rsplit("/", 1)[-1]
        # Sibling actions share a row ("/g/<slug>/t/<topic_id>/lock`, `/unlock`").
        if f"`{path}`" not in contract and f"`/{last}`" not in contract:
            missing.append(path)
    assert missing == []


def test_the_operator_guide_names_every_setting():
    guide = (DOCS / "operator-guide.md").read_text()
    source = (ROOT / "forum" / "config.py").read_text()
    settings = set(re.findall(r'(?:environ\.get|_bool|_int|_list)\(\s*"([A-Z][A-Z0-9_]+)"', source))
    assert len(settings) > 30
    assert sorted(name for name in settings if f"`{name}`" not in guide) == []


def test_the_readme_links_the_guides_and_stays_inside_the_repository():
    readme = (ROOT / "README.md").read_text()
    for name in ("member-guide.md", "moderator-guide.md", "operator-guide.md", "contract.md"):
        assert f"docs/{name}" in readme and (DOCS / name).is_file()
    assert "../shared" not in readme and "SPEC.md" not in readme
