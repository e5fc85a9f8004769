"""Views refuse through the policy: `policy.ensure(actor, action, obj)` answers 404 where the refusal
would reveal what the viewer may not know exists, and 403 (with the reason, when given) elsewhere. A
view that asks a rule itself and then aborts decides that split on its own -- which is how a secret
group's existence leaks through a 403. This test reads every view module and fails on such a pair."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RULE_ASKED = re.compile(r"\bif\b.*\b(policy|permissions)\.(can|is)_\w+\(")
ABORT = re.compile(r"\babort\(40[34]\b")


def _view_modules() -> list[Path]:
    return sorted((ROOT / "forum").rglob("views.py")) + [ROOT / "forum" / "groups" / "access.py"]


def refusals_in(text: str) -> list[int]:
    """Line numbers where a rule is asked in an `if` and a 403/404 follows within two lines."""
    lines = text.splitlines()
    return [number for number, line in enumerate(lines, 1)
            if RULE_ASKED.search(line) and any(ABORT.search(after) for after in lines[number - 1:number + 2])]


def test_views_refuse_through_the_policy():
    found = [f"{path.relative_to(ROOT)}:{number}" for path in _view_modules()
             for number in refusals_in(path.read_text(encoding="utf-8"))]
    assert not found, ("a rule asked and a 403/404 raised by hand; use policy.ensure(actor, action, obj):\n  "
                       + "\n  ".join(found))


def test_the_scan_recognises_a_hand_made_refusal():
    sample = "def view():\n    if not policy.can_moderate(current_user, group):\n        abort(403)\n"
    assert refusals_in(sample) == [2]
    assert refusals_in("def view():\n    policy.ensure(current_user, 'group.moderate', group)\n") == []
