import io

import pytest
from PIL import Image, ImageDraw, ImageFont
from playwright.sync_api import expect

from forum.demo import DEMO_PASSWORD
from tests.browser_support import chromium_page, sign_in

pytestmark = pytest.mark.browser


def _photo_with_record_number(path):
    image = Image.new("RGB", (1200, 800), (214, 170, 140))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([150, 320, 1050, 480], radius=30, fill=(250, 250, 245))
    font = ImageFont.truetype("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", 44)
    draw.text((190, 370), "MRN: 48213377", font=font, fill=(15, 15, 15))
    image.save(path, "JPEG", quality=92)


def test_author_uploads_a_photo_sees_the_box_publishes_and_a_colleague_sees_it_blacked_out(live_server, tmp_path):
    photo = tmp_path / "wristband.jpg"
    _photo_with_record_number(photo)
    with chromium_page() as page:
        sign_in(page, live_server.url, "gp@demo.konsil.example", DEMO_PASSWORD)
        page.goto(live_server.url + "/g/night-shift/new")
        page.fill("input[name=title]", "Pressure sore under a wristband")
        page.fill("textarea[name=body]", "How would you stage this one?")
        with page.expect_response(lambda r: r.url.endswith("/uploads") and r.request.method == "POST") as answer:
            page.set_input_files(".image-picker", str(photo))
        upload = answer.value.json()
        boxes = [f["box"] for f in upload["findings"] if f["type"] == "record_number"]
        assert boxes, upload["findings"]
        expect(page.locator(".redact-canvas")).to_be_visible()
        expect(page.locator(".image-findings")).to_contain_text("proposed box")
        expect(page.locator(".redact-description")).to_contain_text("record")
        assert page.input_value("input[name=attachments]") == upload["id"]
        page.get_by_role("button", name="Publish topic").click()
        page.wait_for_load_state()
        expect(page.locator("body")).to_contain_text("Your topic is published.")
        topic_url = page.url

    with chromium_page() as page:
        sign_in(page, live_server.url, "nurse@demo.konsil.example", DEMO_PASSWORD)
        page.goto(topic_url)
        thumbnail = page.locator(".post-image img")
        expect(thumbnail).to_have_count(1)
        page.wait_for_function("document.querySelector('.post-image img').naturalWidth > 0")
        response = page.request.get(live_server.url + upload["preview_url"])
        assert response.status == 200
        assert response.headers["cache-control"] == "private, no-store"
        image = Image.open(io.BytesIO(response.body())).convert("L")
        x, y, w, h = boxes[0]
        low, high = image.crop((x + 8, y + 8, x + w - 8, y + h - 8)).getextrema()
        assert high <= 4, "the record number is blacked out in what the colleague receives"
