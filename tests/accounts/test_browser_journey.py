"""In headless Chromium, with the real CSP: a clinician turns on two-factor sign-in from Settings, scans
nothing (types the key), saves the recovery codes, and signs in again with a code."""
import re

import pytest
from playwright.sync_api import expect

from forum.demo import DEMO_PASSWORD
from tests.browser_support import chromium_page, sign_in

from .helpers import code

pytestmark = pytest.mark.browser


def test_clinician_turns_on_two_factor_and_signs_in_with_a_code(live_server):
    with chromium_page() as page:
        violations = []
        page.on("console", lambda message: violations.append(message.text)
                if "Content Security Policy" in message.text else None)
        sign_in(page, live_server.url, "pharmacist@demo.konsil.example", DEMO_PASSWORD)
        page.get_by_role("link", name="Settings").click()
        page.get_by_role("link", name="Two-factor sign-in").click()
        page.get_by_role("button", name="Set up two-factor sign-in").click()

        qr = page.locator("img.qr")
        assert qr.get_attribute("src").startswith("data:image/svg+xml")
        assert qr.evaluate("image => image.complete && image.naturalWidth > 0")  # drawn, CSP allowed it
        secret = page.locator("#totp-secret").inner_text().replace(" ", "")
        page.fill("input[name=code]", code(secret, -1))
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.get_by_role("button", name="Confirm and turn on").click()
        expect(page.locator("main")).to_contain_text("Save these codes now")
        codes = re.findall(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}",
                           page.locator(".recovery-codes").inner_text())
        assert len(codes) == 10

        page.get_by_role("button", name="Sign out").click()
        sign_in(page, live_server.url, "pharmacist@demo.konsil.example", DEMO_PASSWORD)
        assert page.locator("input[name=otp]").is_visible()
        page.fill("input[name=otp]", code(secret))
        page.get_by_role("button", name="Verify and sign in").click()
        page.wait_for_load_state()
        page.get_by_role("link", name="Settings").click()
        page.get_by_role("link", name="Security events").click()
        # Wait for the page itself: content() read during navigation sees half a document.
        expect(page.locator("main")).to_contain_text("Two-factor sign-in turned on")
        assert violations == []
