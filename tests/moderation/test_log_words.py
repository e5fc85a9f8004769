"""The moderation log reads as sentences ("Olga Owner made Bea Bystander a moderator"), on the log
pages and in the CSV export, which keeps the action's code in its own column."""
from __future__ import annotations

import csv
import io
import re
from html import unescape
from pathlib import Path

from forum import audit
from forum.extensions import db
from forum.audit_text import SENTENCES, action_label, describe

from .conftest import decide, report, text

ROOT = Path(__file__).resolve().parents[2]


def sentences(html: str) -> list[str]:
    cells = re.findall(r'<td data-label="" class="log-sentence">(.*?)</td>', html, re.S)
    return [" ".join(unescape(re.sub(r"<code.*?</code>|<[^>]+>", "", cell)).split()) for cell in cells]


def test_decisions_made_through_the_site_read_as_words_in_the_group_log(scene, login):
    owner = login(scene.owner)
    assert owner.post(f"/g/{scene.group.slug}/members/{scene.bystander.id}/role",
                      data={"role": "moderator"}).status_code == 302
    moderator = login(scene.moderator)
    report(login(scene.reporters[0]), scene.post)
    assert decide(moderator, scene.group, scene.post, "suspend", days=7).status_code == 302

    page = moderator.get(f"/g/{scene.group.slug}/moderation/log")
    assert page.status_code == 200
    said = sentences(text(page))
    assert "Olga Owner made Bea Bystander a moderator" in said
    assert "Mona Moderator suspended Aaron Author from the group for 7 days" in said
    assert "group:member:promote" in text(page)  # the code stays visible, small, for matching the export


def test_the_csv_export_keeps_the_code_and_adds_the_sentence(scene, login):
    audit.record(scene.moderator, "group:member:add", target_type="user", target_id=scene.bystander.id,
                 target_label="Dr. Xavier Young", group_id=scene.group.id)
    audit.record(scene.moderator, "feature:thing:frobnicate", target_label="Something new", group_id=scene.group.id)
    db.session.commit()
    export = login(scene.admin).get("/admin/log.csv")
    rows = list(csv.DictReader(io.StringIO(export.get_data(as_text=True))))
    by_code = {row["action"]: row for row in rows}
    assert by_code["group:member:add"]["description"] == "Mona Moderator added Dr. Xavier Young to the group"
    # A code without a sentence still reads as words.
    assert by_code["feature:thing:frobnicate"]["description"] == "Mona Moderator feature thing frobnicate: Something new"


def test_the_filter_lists_actions_in_words(scene, login):
    audit.record(scene.moderator, "moderation:member:warn", target_label="Aaron Author", group_id=scene.group.id)
    db.session.commit()
    page = text(login(scene.moderator).get(f"/g/{scene.group.slug}/moderation/log"))
    assert '<option value="moderation:member:warn">warned …</option>' in page
    assert sentences(page)[0] == "Mona Moderator warned Aaron Author"  # newest first


def test_every_action_the_code_records_has_a_sentence(app):
    recorded = set()
    for path in (ROOT / "forum").rglob("*.py"):
        source = path.read_text()
        recorded |= set(re.findall(r'audit\.record\(\s*\w+,\s*"([a-z_]+(?::[a-z_]+)+)"', source))
        for prefix, options in re.findall(r'audit\.record\(\s*\w+,\s*f"([a-z_:]+)\{[^}]*?((?:\'[a-z_]+\'[^}]*?)+)\}',
                                          source):
            recorded |= {prefix + option for option in re.findall(r"'([a-z_]+)'", options)}
    recorded |= {f"moderation:topic:{tool}" for tool in ("lock", "unlock", "pin", "unpin")}
    recorded |= {"group:member:promote", "group:member:demote", "guard:pattern:enable", "guard:pattern:disable",
                 "group:join_request:approve", "group:join_request:decline"}
    assert len(recorded) > 40
    assert sorted(recorded - set(SENTENCES)) == []
    with app.test_request_context():
        for code in SENTENCES:
            assert "%(" not in describe(code, "Dr. X", {"days": 7}) and "%(" not in action_label(code)
