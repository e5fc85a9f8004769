"""A Hindi-speaking nurse signs in, reads a topic and replies; the page is Hindi and its Devanagari
is drawn with the Devanagari face Konsil ships itself, not a system fallback."""
import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import update

from forum.accounts.models import User
from forum.demo import DEMO_PASSWORD
from forum.extensions import db
from tests.browser_support import chromium_page, sign_in

pytestmark = pytest.mark.browser


def test_hindi_member_reads_and_replies_in_hindi_with_the_shipped_font(live_server):
    with live_server.app.app_context():
        db.session.execute(update(User).where(User.email == "nurse@demo.konsil.example")
                           .values(locale="hi", timezone="Asia/Kolkata"))
        db.session.commit()
    with chromium_page() as page:
        sign_in(page, live_server.url, "nurse@demo.konsil.example", DEMO_PASSWORD)
        expect(page.locator("html")).to_have_attribute("lang", "hi")
        expect(page.get_by_role("link", name="मेरे ग्रुप")).to_be_visible()
        page.get_by_role("link", name="Night Shift").click()
        page.get_by_role("link", name="Handover checklists that actually work").click()
        page.fill("#reply textarea[name=body]", "हमारी checklist में अब **pending results** सबसे ऊपर हैं।")
        page.get_by_role("button", name="जवाब पोस्ट करें").click()
        expect(page.locator("body")).to_contain_text("आपका जवाब प्रकाशित हो गया।")
        assert page.locator(".post-body strong", has_text="pending results").count() == 1

        # The Devanagari face from static/fonts is loaded and used, not a missing-glyph fallback.
        page.evaluate("document.fonts.ready")
        loaded = page.evaluate("""() => Array.from(document.fonts)
            .filter(face => face.status === 'loaded').map(face => face.family.replace(/["']/g, ''))""")
        assert "Konsil Devanagari" in loaded, loaded
        family = page.evaluate("getComputedStyle(document.querySelector('.flash')).fontFamily")
        assert re.match(r'^"?Konsil Devanagari', family), family
        assert page.evaluate("document.fonts.check('16px \"Konsil Devanagari\"', 'आपका जवाब')")
        # Hindi text is as wide as the shipped face makes it, not the width of tofu boxes.
        widths = page.evaluate("""() => {
            const c = document.createElement('canvas').getContext('2d');
            c.font = '16px "Konsil Devanagari"'; const shipped = c.measureText('आपका जवाब').width;
            c.font = '16px monospace'; const mono = c.measureText('आपका जवाब').width;
            return [shipped, mono]; }""")
        assert widths[0] > 0 and widths[0] != widths[1]


@pytest.mark.parametrize("lang", ("de", "hi"))
def test_german_and_hindi_pages_fit_a_phone_screen(live_server, lang):
    """German compounds and Hindi headers are long: at 390 px nothing pushes the page sideways."""
    with live_server.app.app_context():
        db.session.execute(update(User).values(locale=lang))
        db.session.commit()
    with chromium_page() as page:
        page.set_viewport_size({"width": 390, "height": 844})
        sign_in(page, live_server.url, "admin@demo.konsil.example", DEMO_PASSWORD)
        for path in ("/", "/g/night-shift", "/settings", "/settings/two-factor", "/notifications", "/moderation",
                     "/admin/verifications", "/admin/log", "/admin/guard", "/legal/terms"):
            page.goto(live_server.url + path)
            expect(page.locator("html")).to_have_attribute("lang", lang)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} in {lang} is {overflow}px wider than a 390px screen"
