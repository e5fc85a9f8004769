import pytest
from playwright.sync_api import expect

from forum.demo import DEMO_PASSWORD
from tests.browser_support import chromium_page, sign_in

pytestmark = pytest.mark.browser


def test_member_signs_in_opens_a_group_and_replies(live_server):
    with chromium_page() as page:
        sign_in(page, live_server.url, "nurse@demo.konsil.example", DEMO_PASSWORD)
        page.get_by_role("link", name="Night Shift").click()
        page.get_by_role("link", name="Handover checklists that actually work").click()
        page.fill("#reply textarea[name=body]", "Our checklist now has **pending results** at the top.")
        page.get_by_role("button", name="Post reply").click()
        expect(page.locator("body")).to_contain_text("Your reply is published.")
        assert page.locator(".post-body strong", has_text="pending results").count() == 1
