"""Every main page at 390 px (a phone), as each role: no sideways scrolling, no element wider than the
screen, tap targets of at least 44 px; and a header that stays on one row at 1280 px.

KONSIL_SCREENSHOTS=/some/dir keeps a full-page PNG of each page for a look by eye."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from forum.accounts.models import User
from forum.demo import DEMO_PASSWORD
from forum.extensions import db
from forum.posts.models import Post, Topic
from forum.verification.models import VerificationRequest
from tests.browser_support import chromium_page, sign_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
MIN_TAP = 44
ROLES = {
    "member": "nurse@demo.konsil.example",
    "moderator": "moderator@demo.konsil.example",
    "admin": "admin@demo.konsil.example",  # admin and verifier
    "pending": "pending@demo.konsil.example",
}
SKIPPED = {"static", "ops.healthz", "main.robots", "moderation.admin_log_csv", "incidents.export_csv",
           "incidents.export_json", "auth.reset_password",
           "invitations.landing"}
SCREENSHOTS = os.environ.get("KONSIL_SCREENSHOTS", "")

# Everything on the page that sticks out of the screen, except what sits inside a box that scrolls
# on its own (a code block) or is hidden for screen readers only.
OVERFLOW = """() => {
  const width = window.innerWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width) {
    problems.push(`page is ${document.documentElement.scrollWidth}px wide`);
  }
  const scrollsItself = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (["auto", "scroll", "hidden"].includes(style.overflowX) && node.getBoundingClientRect().right <= width + 1) {
        return true;
      }
    }
    return false;
  };
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || el.closest(".visually-hidden, .skip-link")) continue;
    if ((box.width > width + 1 || box.right > width + 1 || box.left < -1) && !scrollsItself(el)) {
      problems.push(`${el.tagName.toLowerCase()}.${el.className} is ${Math.round(box.width)}px wide ` +
                    `(${Math.round(box.left)}..${Math.round(box.right)})`);
    }
  }
  return problems.slice(0, 8);
}"""

# Navigation links and buttons a thumb has to hit.
TAP_TARGETS = """(minimum) => {
  const small = [];
  const targets = document.querySelectorAll(
    ".site-header a, .site-header button, nav a, .group-nav a, .mod-tabs a, .pagination a, button, " +
    "a.button, a.button-secondary, input[type=submit], select, summary");
  for (const el of targets) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || el.closest(".visually-hidden")) continue;
    if (box.height < minimum - 0.5) {
      small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.value || "").trim().slice(0, 30)}" ` +
                 `is ${Math.round(box.height)}px tall`);
    }
  }
  return small.slice(0, 8);
}"""


def _main_paths(app) -> list[str]:
    """Every GET page of the URL map, with the demo's group, topic, post, member and request filled in."""
    with app.app_context():
        group = "cardiology-round"
        topic = db.session.scalar(select(Topic).order_by(Topic.id))
        post = db.session.scalar(select(Post).where(Post.topic_id == topic.id).order_by(Post.id.desc()))
        nurse = db.session.scalar(select(User).where(User.email == ROLES["member"]))
        request = db.session.scalar(select(VerificationRequest).order_by(VerificationRequest.id.desc()))
        values = {"slug": group, "topic_id": topic.id, "post_id": post.id, "username": nurse.username,
                  "account_id": nurse.id, "verification_id": request.id if request else 0}
        group = db.session.scalar(select(Topic.group_id).where(Topic.id == topic.id))
        paths = set()
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or rule.endpoint in SKIPPED:
                continue
            if any(argument not in values for argument in rule.arguments):
                continue
            path = rule.rule
            for argument in rule.arguments:
                path = re.sub(rf"<(?:\w+:)?{argument}>", str(values[argument]), path)
            paths.add(path)
        paths.add("/search?q=anticoagulation")
    return sorted(paths)


def _look(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_fits_a_phone_for_each_role(live_server, role):
    paths = _main_paths(live_server.app)
    problems: dict[str, list[str]] = {}
    seen = 0
    with chromium_page() as page:
        page.set_viewport_size(PHONE)
        sign_in(page, live_server.url, ROLES[role], DEMO_PASSWORD)
        page.wait_for_load_state()
        for path in paths:
            response = page.goto(live_server.url + path)
            if response is None or response.status != 200 or "text/html" not in response.headers.get(
                    "content-type", ""):
                continue
            seen += 1
            found = page.evaluate(OVERFLOW) + page.evaluate(TAP_TARGETS, MIN_TAP)
            _look(page, f"{role}-390-{path.strip('/').replace('/', '_') or 'home'}")
            if found:
                problems[path] = found
    minimum = {"member": 15, "moderator": 20, "admin": 25, "pending": 4}[role]
    assert seen >= minimum, f"only {seen} pages answered as {role}"
    assert problems == {}, "\n".join(f"{path}: {found}" for path, found in problems.items())


def test_the_signed_out_pages_fit_a_phone(live_server):
    with chromium_page() as page:
        page.set_viewport_size(PHONE)
        for path in ("/auth/login", "/auth/reset", "/about", "/legal/privacy", "/legal/terms"):
            assert page.goto(live_server.url + path).status == 200
            found = page.evaluate(OVERFLOW) + page.evaluate(TAP_TARGETS, MIN_TAP)
            _look(page, f"anonymous-390-{path.strip('/').replace('/', '_')}")
            assert found == [], f"{path}: {found}"


def test_the_admin_header_is_one_row_at_1280_and_compact_on_a_phone(live_server):
    with chromium_page() as page:
        page.set_viewport_size(DESKTOP)
        sign_in(page, live_server.url, ROLES["admin"], DEMO_PASSWORD)
        page.wait_for_load_state()
        page.goto(live_server.url + "/admin/log")
        _look(page, "admin-1280-admin_log")
        header = page.locator("header.site-header").bounding_box()
        assert header["height"] <= 72, f"the header wraps at 1280 px: {header['height']} px tall"
        tops = page.evaluate("""() => [...document.querySelectorAll('.main-nav > a, .main-nav > form')]
                                  .filter(el => el.getBoundingClientRect().height > 0)
                                  .map(el => Math.round(el.getBoundingClientRect().top))""")
        assert len(tops) >= 6 and max(tops) - min(tops) <= 12, f"nav items on several rows: {tops}"

        page.set_viewport_size(PHONE)
        page.goto(live_server.url + "/admin/log")
        header = page.locator("header.site-header").bounding_box()
        assert header["height"] <= 72, f"the phone header is {header['height']} px tall"
        # The menu opens, every link is reachable and a thumb can hit it.
        page.get_by_role("button", name="Menu").click()
        _look(page, "admin-390-menu-open")
        expect_links = page.locator(".main-nav a")
        assert expect_links.count() >= 6
        page.locator(".main-nav").get_by_role("link", name="Settings").click()
        page.wait_for_load_state()
        assert page.url.endswith("/settings")
