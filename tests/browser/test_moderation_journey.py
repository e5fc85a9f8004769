"""A member reports a post, a moderator hides it from the queue, the reporter sees the outcome."""
import pytest
from playwright.sync_api import expect

from forum.demo import DEMO_PASSWORD
from tests.browser_support import chromium_page, sign_in

pytestmark = pytest.mark.browser

REPORTER = "nurse@demo.konsil.example"
MODERATOR = "moderator@demo.konsil.example"


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def test_member_reports_moderator_hides_reporter_learns_the_outcome(live_server):
    with chromium_page() as page:
        sign_in(page, live_server.url, REPORTER, DEMO_PASSWORD)
        page.get_by_role("link", name="Night Shift").first.click()
        page.get_by_role("link", name="Staying alert at 4 am").click()
        # The first post the nurse did not write carries a report form in a <details>.
        post = page.locator("article.post", has=page.locator("details.report-post")).first
        post_id = post.get_attribute("data-post-id")
        post.locator("details.report-post summary").click()
        post.get_by_label("Misinformation: contradicts the evidence without saying so").check()
        post.get_by_label("Details for the moderators (optional)").fill("Nap advice without any source.")
        post.get_by_role("button", name="Send report").click()
        page.wait_for_load_state()
        expect(page.locator(".flash-success")).to_contain_text("The moderators will review your report")
        expect(page.locator(f'article.post[data-post-id="{post_id}"] .reported-note')).to_have_text(
            "⚑ You reported this post")
        sign_out(page)

        sign_in(page, live_server.url, MODERATOR, DEMO_PASSWORD)
        expect(page.locator(".review-link .badge")).to_be_visible()
        page.locator(".review-link").click()
        page.get_by_role("link", name="Night Shift").click()
        case = page.locator(f'article.case[data-post-id="{post_id}"]')
        expect(case).to_contain_text("Nap advice without any source.")
        expect(case).to_contain_text("Sarah O'Connell")
        case.get_by_label("Reason").fill("Advice on sleep needs a source in this group (guideline 3).")
        case.get_by_role("button", name="Hide post").click()
        page.wait_for_load_state()
        expect(page.locator(".flash-success")).to_contain_text("The post is hidden.")
        expect(page.locator(f'article.case[data-post-id="{post_id}"]')).to_have_count(0)
        sign_out(page)

        sign_in(page, live_server.url, REPORTER, DEMO_PASSWORD)
        expect(page.locator(".notif-link .badge")).to_be_visible()
        page.locator(".notif-link").click()
        # The reporter took part in the topic, so a reply there is listed too: pick the outcome's line.
        outcome = page.locator(".notifications li", has_text="Moderators reviewed the post you reported")
        expect(outcome).to_contain_text("Staying alert at 4 am")
        expect(outcome).to_contain_text("hid the post")
        expect(outcome).not_to_contain_text("guideline 3")  # the moderator's reason is not the reporter's
        outcome.get_by_role("button").click()  # opening an unread notification marks it read
        page.wait_for_load_state()
        expect(page.locator(f'article.post[data-post-id="{post_id}"] .post-placeholder')).to_have_text(
            "Moderators hid this post while they review it.")
