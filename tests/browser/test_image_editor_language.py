"""The image editor speaks the author's language: a German author uploads a photo with a record number
and every sentence and button the script writes is German, the counted sentence in its plural form."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import update

from forum.accounts.models import User
from forum.demo import DEMO_PASSWORD
from forum.extensions import db
from tests.browser_support import chromium_page, sign_in

from .test_image_journey import _photo_with_record_number

pytestmark = pytest.mark.browser


def test_a_german_author_works_the_image_editor_in_german(live_server, tmp_path):
    with live_server.app.app_context():
        db.session.execute(update(User).where(User.email == "gp@demo.konsil.example").values(locale="de"))
        db.session.commit()
    photo = tmp_path / "wristband.jpg"
    _photo_with_record_number(photo)
    with chromium_page() as page:
        sign_in(page, live_server.url, "gp@demo.konsil.example", DEMO_PASSWORD)
        page.goto(live_server.url + "/g/night-shift/new")
        expect(page.locator("html")).to_have_attribute("lang", "de")
        with page.expect_response(lambda r: r.url.endswith("/uploads") and r.request.method == "POST") as answer:
            page.set_input_files(".image-picker", str(photo))
        findings = answer.value.json()["findings"]
        assert findings
        expect(page.locator(".redact-canvas")).to_be_visible()
        expect(page.locator(".redact-canvas")).to_have_attribute(
            "aria-label", "Bild mit zu schwärzenden Bereichen. N: neuer Bereich; [ und ]: auswählen; Pfeiltasten: "
                          "verschieben; Umschalt und Pfeiltasten: Größe ändern; Entf: entfernen.")
        for name in ("Neuer Bereich", "Vorheriger Bereich", "Nächster Bereich", "Bereich entfernen",
                     "Bereiche speichern", "Bild entfernen"):
            expect(page.get_by_role("button", name=name, exact=True)).to_be_visible()
        count = len(findings)
        expected = (f"{count} vorgeschlagener Bereich – bereits geschwärzt." if count == 1
                    else f"{count} vorgeschlagene Bereiche – bereits geschwärzt.")
        expect(page.locator(".image-findings")).to_contain_text(expected)
        expect(page.locator(".redact-description")).to_contain_text(f"Bereich 1 von {count}: ")
        page.get_by_role("button", name="Neuer Bereich", exact=True).click()
        expect(page.locator(".redact-description")).to_contain_text(f"Bereich {count + 1} von {count + 1}: Ihr Bereich bei ")
        # Publishing with an unsaved box is stopped, in German.
        page.fill("input[name=title]", "Druckstelle unter dem Armband")
        page.fill("textarea[name=body]", "Wie würden Sie das einstufen?")
        page.locator("form.post-form button[type=submit]").last.click()
        expect(page.locator(".image-status")).to_have_text("Speichern Sie die Bereiche jedes Bildes, bevor Sie veröffentlichen.")
        text = page.locator(".image-uploads").inner_text()
        for english in ("proposed box", "New box", "Save boxes", "your box", "Box 1 of"):
            assert english not in text
