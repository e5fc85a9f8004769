"""Pages and views never decide who may do what, or how someone stands, by comparing roles or
statuses themselves: they ask the policy (forum/policy/: can, actions_for, standing, the rules) and
render what it answers. This test reads every template and every view module and fails on such a
comparison, so a new one cannot slip in.

It covers people's roles and standing: a membership's role and status, an account's admin and
verifier flags and its verification status, a suspension's end. (The state of a record -- a
verification request "superseded", a case "open" -- is display, not a permission.)"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

DECISIONS = [
    ("compares a role", re.compile(r"\.role\s*(==|!=|\bin\b|\bnot\s+in\b)|\brole\s*(==|!=)\s*['\"]")),
    ("compares a membership status", re.compile(r"\bstatus\s*(==|!=)\s*['\"](active|suspended|banned)['\"]")),
    ("compares a verification status", re.compile(r"verification_status\s*(==|!=|\bin\b|\bnot\s+in\b)")),
    ("reads a role flag", re.compile(r"(?<!can)(?<!policy)(?<!permissions)(?<!rules)\.is_(admin|verifier)\b(?!\s*\()")),
    ("compares a suspension's end", re.compile(r"suspended_until\s*[<>]")),
    ("compares a role or status constant",
     re.compile(r"(==|!=|\bin\b)\s*\(?\s*(Role\.|MembershipStatus\.|VerificationStatus\.)")),
]


def _scanned_files() -> list[Path]:
    files = sorted((ROOT / "templates").rglob("*.html"))
    files += sorted((ROOT / "forum").rglob("views.py"))
    files.append(ROOT / "forum" / "web.py")
    return [path for path in files if "policy" not in path.relative_to(ROOT).parts]


def decisions_in(text: str) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for what, pattern in DECISIONS:
            if pattern.search(line):
                found.append((number, what))
    return found


@pytest.mark.parametrize("line", [
    "{% if m.role == 'owner' %}",
    "{% if membership.status == 'suspended' %}",
    "{% if user.verification_status != 'verified' %}",
    "{% if current_user.is_admin %}",
    "if m.suspended_until > now:",
    "if membership.role in (Role.MODERATOR, Role.OWNER):",
])
def test_the_scan_recognises_a_decision(line):
    assert decisions_in(line)


@pytest.mark.parametrize("line", [
    "{% if can.is_admin(current_user) %}",
    "{% if 'ban' in acts %}",
    "{% if policy.standing(m).suspended %}",
    "<td>{{ m.role }}</td>",
    "{% if item.status == 'superseded' %}",
])
def test_the_scan_leaves_policy_calls_and_display_alone(line):
    assert decisions_in(line) == []


def test_no_template_or_view_decides_permissions_itself():
    offenders = [f"{path.relative_to(ROOT)}:{number}: {what}"
                 for path in _scanned_files() for number, what in decisions_in(path.read_text(encoding="utf-8"))]
    assert offenders == []
