"""A member publishes past the guard's finding; another member cannot see the post; a moderator
redacts it; the privacy incident appears with its 72-hour deadline."""
import re

import pytest
from playwright.sync_api import expect

from forum.demo import DEMO_PASSWORD
from tests.browser_support import chromium_page, sign_in

pytestmark = pytest.mark.browser

AUTHOR = "gp@demo.konsil.example"
OTHER_MEMBER = "nurse@demo.konsil.example"
MODERATOR = "moderator@demo.konsil.example"
ADMIN = "admin@demo.konsil.example"
NUMBER = "+49 30 55501234"


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def test_held_post_is_redacted_and_the_incident_has_a_deadline(live_server):
    with chromium_page() as page:
        sign_in(page, live_server.url, AUTHOR, DEMO_PASSWORD)
        page.goto(live_server.url + "/g/night-shift/new")
        page.fill("input[name=title]", "Call-back after the night shift")
        page.fill("textarea[name=body]", f"Please call the daughter on {NUMBER} before rounds.")
        page.get_by_role("button", name="Publish topic").click()
        page.wait_for_load_state()
        page.get_by_label("I confirm this contains no patient-identifying information").check()
        page.get_by_role("button", name="Publish topic").click()
        page.wait_for_load_state()
        expect(page.locator(".flash-success")).to_contain_text("Your post is waiting for a moderator")
        expect(page.locator(".post-held")).to_be_visible()
        topic_url = page.url
        sign_out(page)

        sign_in(page, live_server.url, OTHER_MEMBER, DEMO_PASSWORD)
        page.goto(live_server.url + "/g/night-shift")
        expect(page.locator("body")).not_to_contain_text("Call-back after the night shift")
        response = page.goto(topic_url)
        assert response.status == 404
        sign_out(page)

        sign_in(page, live_server.url, MODERATOR, DEMO_PASSWORD)
        page.goto(live_server.url + "/g/night-shift/moderation")
        card = page.locator("article.case").first
        expect(card).to_contain_text("held: waiting for a moderator")
        expect(card.locator("mark.finding")).to_contain_text("55501234")
        card.get_by_role("link", name="Redact").click()
        page.wait_for_load_state()
        page.select_option("select[name=action]", "redact")
        page.fill("textarea[name=reason]", "It gave a relative's phone number.")
        page.locator("details#redact summary").click()
        body = page.locator("textarea[name=body]")
        body.fill("Please call the family before rounds.")
        page.get_by_role("button", name="Decide").click()
        page.wait_for_load_state()
        expect(page.locator(".flash-success")).to_contain_text("The patient data is removed")
        sign_out(page)

        sign_in(page, live_server.url, OTHER_MEMBER, DEMO_PASSWORD)
        page.goto(topic_url)
        expect(page.locator(".post-body").first).to_contain_text("Please call the family before rounds.")
        expect(page.locator("body")).not_to_contain_text("55501234")
        sign_out(page)

        sign_in(page, live_server.url, ADMIN, DEMO_PASSWORD)
        page.get_by_role("link", name="Incidents").click()
        page.wait_for_load_state()
        incident = page.locator("article.incident-open").first
        expect(incident).to_contain_text("Night Shift")
        expect(incident.locator(".incident-deadline")).to_contain_text(re.compile(r"(71|72) h \d+ min left"))
        expect(incident).not_to_contain_text("55501234")
