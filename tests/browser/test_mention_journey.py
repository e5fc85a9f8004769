"""Between patients: a pharmacist mentions a nurse with the @ autocomplete (keyboard only); the nurse sees the
topic unread and "for you" on the home page, opens it at the first unread post and marks the reply helpful."""
import re

import pytest
from playwright.sync_api import expect

from forum.demo import DEMO_PASSWORD
from tests.browser_support import chromium_page, sign_in

pytestmark = pytest.mark.browser

TOPIC = "Anticoagulation after TAVI: what is your default?"


def test_mention_with_autocomplete_then_the_colleague_reads_and_reacts(live_server):
    with chromium_page() as page:
        sign_in(page, live_server.url, "pharmacist@demo.konsil.example", DEMO_PASSWORD)
        page.get_by_role("link", name="Cardiology Round").first.click()
        page.get_by_role("link", name=TOPIC).click()
        reply = page.locator("#reply textarea[name=body]")
        reply.click()
        reply.press_sequentially("Worth a look from the ward side, @sar")
        suggestions = page.get_by_role("listbox")
        expect(suggestions).to_be_visible(timeout=15_000)
        option = suggestions.get_by_role("option", name=re.compile(r"@sarah\.o\.connell"))
        expect(option).to_have_attribute("aria-selected", "true")
        expect(reply).to_have_attribute("aria-expanded", "true")
        expect(reply).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
        reply.press("Enter")
        expect(suggestions).to_be_hidden()
        expect(reply).to_have_value("Worth a look from the ward side, @sarah.o.connell ")
        reply.press_sequentially("do your nurses check platelets before discharge?")
        # Escape closes the list without touching the text
        reply.press_sequentially(" Thanks @to")
        expect(suggestions).to_be_visible(timeout=15_000)
        reply.press("Escape")
        expect(suggestions).to_be_hidden()
        expect(reply).to_have_value(re.compile(r"Thanks @to$"))
        reply.press("Backspace")
        reply.press("Backspace")
        reply.press("Backspace")
        page.get_by_role("button", name="Post reply").click()
        expect(page.locator("body")).to_contain_text("Your reply is published.")
        mention = page.locator(".post-body a.mention", has_text="@sarah.o.connell")
        expect(mention).to_have_attribute("href", "/u/sarah.o.connell")

        # The colleague, in a browser of her own
        colleague = page.context.browser.new_context()
        page = colleague.new_page()
        page.set_default_timeout(30_000)
        sign_in(page, live_server.url, "nurse@demo.konsil.example", DEMO_PASSWORD)
        row = page.locator(".needs-me li", has=page.get_by_role("link", name=TOPIC))
        expect(row).to_contain_text("for you")
        expect(row.locator(".unread-count")).to_contain_text("unread")
        row.get_by_role("link", name=TOPIC).click()
        first_unread = page.locator("article.post.first-unread")
        expect(first_unread).to_have_count(1)
        expect(first_unread).to_be_in_viewport()
        expect(first_unread).to_contain_text("do your nurses check platelets")  # she had read the rest before
        mentioning = page.locator("article.post", has=page.locator("a.mention", has_text="@sarah.o.connell"))
        helpful = mentioning.locator("button[data-reaction=helpful]")
        helpful.click()
        expect(mentioning.locator("button[data-reaction=helpful]")).to_have_attribute("aria-pressed", "true")
        expect(mentioning.locator("button[data-reaction=helpful] .count")).to_have_text("1")
        colleague.close()


def test_quote_puts_the_selected_words_into_the_reply(live_server):
    with chromium_page() as page:
        sign_in(page, live_server.url, "gp@demo.konsil.example", DEMO_PASSWORD)
        page.goto(live_server.url + "/")
        page.get_by_role("link", name="Medication Safety").first.click()
        page.get_by_role("link", name="DOAC dosing in renal impairment").click()
        post = page.locator("article.post", has_text="use Cockcroft-Gault creatinine clearance")
        # Select a few words inside that post, then press its Quote link
        post.locator(".post-body p").evaluate("""paragraph => {
            const text = paragraph.firstChild, start = text.data.indexOf("use Cockcroft-Gault");
            const range = document.createRange();
            range.setStart(text, start);
            range.setEnd(text, start + "use Cockcroft-Gault creatinine clearance".length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
        }""")
        post.get_by_role("link", name="Quote").click()
        reply = page.locator("#reply textarea[name=body]")
        expect(reply).to_have_value(re.compile(r"^\[.+ wrote\]\(/posts/\d+\):\n> use Cockcroft-Gault creatinine clearance\n\n$"))
        expect(reply).to_be_focused()
        # Nothing selected: the whole post, as its author wrote it
        reply.fill("")
        first = page.locator("article.post").first
        page.evaluate("getSelection().removeAllRanges()")
        first.get_by_role("link", name="Quote").click()
        expect(reply).to_have_value(re.compile(r"^\[.+ wrote\]\(/posts/\d+\):\n> Reminder: dose apixaban by \*\*age, weight"))
