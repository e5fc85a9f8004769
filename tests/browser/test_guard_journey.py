import pytest
from playwright.sync_api import expect

from forum.demo import DEMO_PASSWORD
from tests.browser_support import chromium_page, sign_in

pytestmark = pytest.mark.browser


def test_author_sees_a_highlighted_finding_edits_it_away_and_publishes(live_server):
    with chromium_page() as page:
        sign_in(page, live_server.url, "gp@demo.konsil.example", DEMO_PASSWORD)
        page.goto(live_server.url + "/g/night-shift/new")
        page.fill("input[name=title]", "Escalation at night")
        body = page.locator("textarea[name=body]")
        body.fill("Please call the daughter on +49 30 12345678 before rounds.")
        # The live preview marks the phone number as the author types.
        mark = page.locator(".composer-findings mark.finding")
        mark.wait_for()
        assert "12345678" in mark.inner_text()
        assert "phone" in (mark.get_attribute("title") or "").lower()

        body.fill("Please call the family before rounds.")
        expect(page.locator(".composer-findings mark.finding")).to_have_count(0)
        page.get_by_role("button", name="Publish topic").click()
        page.wait_for_load_state()
        expect(page.locator("body")).to_contain_text("Your topic is published.")
        assert page.locator(".post-body", has_text="call the family before rounds").count() == 1
