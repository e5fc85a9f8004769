import re

import pytest
from playwright.sync_api import expect

from forum.demo import DEMO_PASSWORD
from tests.browser_support import chromium_page, sign_in

pytestmark = pytest.mark.browser


def test_a_verifier_approves_a_pending_user_who_then_joins_their_group(live_server):
    with chromium_page() as page:
        # The pending user sees the status page and the earlier rejection's reason, no group content.
        sign_in(page, live_server.url, "pending@demo.konsil.example", DEMO_PASSWORD)
        expect(page.get_by_role("heading", name="Your credentials are being checked")).to_be_visible()
        assert "Anticoagulation after TAVI" not in page.content()
        page.get_by_role("button", name="Sign out").click()

        sign_in(page, live_server.url, "admin@demo.konsil.example", DEMO_PASSWORD)
        page.get_by_role("link", name=re.compile(r"^Verifications")).click()
        row = page.locator("tr", has_text="Dr. Felix Braun")
        row.get_by_role("link", name="Review").click()
        # The verifier sees the check digit result and the responsible chamber first.
        assert "LANR check digit is correct" in page.locator(".check").inner_text()
        assert page.locator(".register-links li").first.inner_text().startswith("Ärztekammer Westfalen-Lippe")
        assert "DEMO-PEND" in page.content()  # the earlier, rejected submission is listed
        page.get_by_label("Approve: the credentials are confirmed").check()
        page.fill("textarea[name=reason]", "LANR confirmed by the Ärztekammer Westfalen-Lippe.")
        page.get_by_role("button", name="Record decision").click()
        expect(page.locator("body")).to_contain_text("Dr. Felix Braun is verified.")
        assert page.locator(".verification-queue tr", has_text="Dr. Felix Braun").count() == 0
        decisions = page.locator("tr", has_text="Dr. Felix Braun").all_inner_texts()
        assert any("approved" in row for row in decisions) and any("rejected" in row for row in decisions)
        page.get_by_role("button", name="Sign out").click()

        # The new member accepts the group's guidelines and reads it.
        sign_in(page, live_server.url, "pending@demo.konsil.example", DEMO_PASSWORD)
        page.get_by_role("link", name="Cardiology Round").click()
        page.get_by_label("I have read these guidelines and will follow them").check()
        page.get_by_role("button", name="Accept and continue").click()
        page.wait_for_load_state()
        assert page.get_by_role("link", name="Anticoagulation after TAVI: what is your default?").is_visible()
