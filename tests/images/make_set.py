"""A labelled set of clinical-looking images with burned-in identifiers, and clean ones, for bench/images.py.

    python tests/images/make_set.py OUTPUT_DIR   (writes PNG files and labels.json; deterministic seed)

Kinds: monitor screenshots, wristbands, printed lab reports, X-ray corner annotations, photographed
documents; English, German and Hindi; names, record numbers, dates of birth, phone numbers at several sizes,
rotations (small skews, 90°, 180°, 270°) and contrasts. Clean images carry clinical text without identifiers. Each identifier's
ground-truth box is the bounding box of its value (not its label) in the final image's pixels.
Nothing generated here is committed: the set is made at bench or test time.
"""
from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SEED = 17
NOTO = Path("/usr/share/fonts/truetype/noto")
LATIN = [NOTO / "NotoSans-Regular.ttf", NOTO / "NotoSans-Bold.ttf", NOTO / "NotoSansMono-Regular.ttf"]
DEVANAGARI = [NOTO / "NotoSansDevanagari-Regular.ttf", NOTO / "NotoSansDevanagari-Bold.ttf"]

NAMES = {"en": ["John Miller", "Sarah Thompson", "Michael Brown", "Emily Clarke", "David Wilson"],
         "de": ["Hans Müller", "Petra Schneider", "Jürgen Weber", "Anna Fischer", "Klaus Becker"],
         "hi": ["राम शर्मा", "सीता वर्मा", "अमित कुमार", "प्रिया सिंह", "राजेश गुप्ता"]}
LABELS = {"en": {"name": "Patient:", "record": "MRN:", "dob": "DOB:", "phone": "Tel:"},
          "de": {"name": "Patient:", "record": "Fall-Nr.:", "dob": "geb.", "phone": "Tel.:"},
          "hi": {"name": "मरीज़:", "record": "MRN:", "dob": "जन्म तिथि:", "phone": "फोन:"}}
CLEAN_LINES = {"en": ["HR 72 bpm", "SpO2 97 %", "BP 128/84", "AP view, left", "Hb 13.2 g/dl", "Sinus rhythm"],
               "de": ["HF 72/min", "SpO2 97 %", "RR 128/84", "Thorax p.a.", "Kreatinin 0,9 mg/dl", "Sinusrhythmus"],
               "hi": ["HR 72 bpm", "SpO2 97 %", "रक्तचाप 128/84", "AP view", "Hb 13.2 g/dl", "सामान्य"]}


def _font(language: str, size: int, rng: random.Random):
    paths = DEVANAGARI if language == "hi" else LATIN
    path = rng.choice([p for p in paths if p.exists()] or [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")])
    return ImageFont.truetype(str(path), size)


def _values(language: str, rng: random.Random) -> dict:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1935, 2005)
    dob = f"{day:02d}.{month:02d}.{year}" if language == "de" else f"{day:02d}/{month:02d}/{year}"
    if language == "de":
        phone = f"+49 30 {rng.randint(1000000, 9999999)}"
    elif language == "hi":
        phone = f"+91 98{rng.randint(10, 99)} {rng.randint(100000, 999999)}"
    else:
        phone = f"+1 415 555 {rng.randint(1000, 9999)}"
    return {"name": rng.choice(NAMES[language]), "record": str(rng.randint(10_000_000, 99_999_999)), "dob": dob,
            "phone": phone}


def _write_lines(draw, origin, lines, font, fill, spacing):
    """lines: [(label, value, kind)] -> ground-truth boxes of the values."""
    x, y = origin
    boxes = []
    for label, value, kind in lines:
        text = f"{label} {value}" if label else value
        draw.text((x, y), text, font=font, fill=fill)
        if kind:
            prefix = f"{label} " if label else ""
            start = draw.textlength(prefix, font=font)
            left, top, right, bottom = draw.textbbox((x + start, y), value, font=font)
            boxes.append({"box": [int(left), int(top), int(right - left), int(bottom - top)], "kind": kind})
        y += int(font.size * spacing)
    return boxes


def _rotate(image: Image.Image, degrees: float, boxes: list[dict], fill) -> Image.Image:
    if not degrees:
        return image
    w, h = image.size
    rotated = image.rotate(degrees, expand=True, fillcolor=fill, resample=Image.Resampling.BICUBIC)
    nw, nh = rotated.size
    radians = math.radians(degrees)
    cos, sin = math.cos(radians), math.sin(radians)
    for item in boxes:
        x, y, bw, bh = item["box"]
        points = []
        for px, py in ((x, y), (x + bw, y), (x, y + bh), (x + bw, y + bh)):
            dx, dy = px - w / 2, py - h / 2
            # PIL rotates counter-clockwise on screen (y down): x' = cos*dx + sin*dy, y' = -sin*dx + cos*dy
            points.append((cos * dx + sin * dy + nw / 2, -sin * dx + cos * dy + nh / 2))
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        item["box"] = [int(min(xs)), int(min(ys)), int(max(xs) - min(xs)), int(max(ys) - min(ys))]
    return rotated


def _identifier_lines(language: str, rng: random.Random, count: int):
    values = _values(language, rng)
    kinds = rng.sample(["name", "record", "dob", "phone"], count)
    return [(LABELS[language][kind], values[kind], kind) for kind in kinds]


def _clean_lines(language: str, rng: random.Random, count: int):
    return [(None, line, None) for line in rng.sample(CLEAN_LINES[language], count)]


def monitor(rng, language, clean):
    image = Image.new("RGB", (1280, 800), (8, 12, 16))
    draw = ImageDraw.Draw(image)
    for offset in range(0, 1280, 4):  # an ECG-like trace
        y = 500 + int(40 * math.sin(offset / 30.0)) + (120 if offset % 200 < 6 else 0)
        draw.point((offset, y), fill=(40, 220, 80))
    font = _font(language, rng.choice([18, 22, 28]), rng)
    lines = _clean_lines(language, rng, 3) if clean else _identifier_lines(language, rng, rng.randint(2, 3))
    colour = rng.choice([(230, 230, 230), (120, 220, 255), (255, 220, 90), (140, 140, 140)])
    boxes = _write_lines(draw, (30, 24), lines, font, colour, 1.6)
    _write_lines(draw, (980, 600), _clean_lines(language, rng, 2), _font(language, 30, rng), (40, 220, 80), 1.5)
    return image, boxes, (8, 12, 16)


def wristband(rng, language, clean):
    skin = rng.choice([(224, 172, 140), (160, 110, 80), (240, 200, 170)])
    image = Image.new("RGB", (1400, 900), skin)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([120, 330, 1280, 570], radius=40, fill=(250, 250, 245))
    font = _font(language, rng.choice([22, 26, 32]), rng)
    lines = _clean_lines(language, rng, 2) if clean else _identifier_lines(language, rng, rng.randint(2, 3))
    boxes = _write_lines(draw, (170, 350), lines, font, (20, 20, 20), 1.5)
    return image, boxes, skin


def lab_report(rng, language, clean):
    image = Image.new("RGB", (1240, 1754), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    header = _font(language, 34, rng)
    draw.text((80, 60), {"en": "Laboratory report", "de": "Laborbefund", "hi": "प्रयोगशाला रिपोर्ट"}[language],
              font=header, fill=(0, 0, 0))
    font = _font(language, rng.choice([20, 24, 28]), rng)
    lines = _clean_lines(language, rng, 4) if clean else _identifier_lines(language, rng, 4)
    boxes = _write_lines(draw, (80, 150), lines, font, (0, 0, 0), 1.7)
    small = _font(language, 22, rng)
    _write_lines(draw, (80, 500), _clean_lines(language, rng, 5), small, (30, 30, 30), 1.8)
    return image, boxes, (255, 255, 255)


def xray(rng, language, clean):
    image = Image.new("L", (1024, 1024), 0)
    draw = ImageDraw.Draw(image)
    for radius in range(420, 0, -6):
        shade = int(40 + 150 * (1 - radius / 420))
        draw.ellipse([512 - radius * 0.7, 512 - radius, 512 + radius * 0.7, 512 + radius], fill=shade)
    image = image.convert("RGB")
    draw = ImageDraw.Draw(image)
    font = _font(language, rng.choice([14, 16, 20]), rng)
    lines = _clean_lines(language, rng, 2) if clean else _identifier_lines(language, rng, rng.randint(2, 3))
    boxes = _write_lines(draw, (16, 14), lines, font, (235, 235, 235), 1.5)
    draw.text((960, 960), "L", font=_font("en", 40, rng), fill=(255, 255, 255))
    return image, boxes, (0, 0, 0)


def photographed(rng, language, clean):
    page, boxes, _ = lab_report(rng, language, clean)
    page = page.resize((930, 1315))
    for item in boxes:
        item["box"] = [int(v * 0.75) for v in item["box"]]
    table = (rng.randint(90, 140), rng.randint(70, 110), rng.randint(50, 80))
    canvas = Image.new("RGB", (1300, 1600), table)
    canvas.paste(page, (180, 140))
    for item in boxes:
        item["box"][0] += 180
        item["box"][1] += 140
    # Uneven light and a little blur, as from a phone.
    shade = Image.linear_gradient("L").resize(canvas.size).point(lambda v: 160 + v // 3)
    canvas = Image.composite(canvas, Image.new("RGB", canvas.size, (40, 40, 40)), shade)
    canvas = canvas.filter(ImageFilter.GaussianBlur(0.8))
    return canvas, boxes, table


KINDS = {"monitor": monitor, "wristband": wristband, "lab_report": lab_report, "xray": xray,
         "photographed": photographed}


def make_set(output: Path, seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    output.mkdir(parents=True, exist_ok=True)
    labels = []
    number = 0
    for clean in (False, True):
        for kind, make in KINDS.items():
            for language in ("en", "de", "hi"):
                for variant in range(4 if not clean else 1):
                    number += 1
                    image, boxes, fill = make(rng, language, clean)
                    rotation = 0.0
                    if variant == 1:
                        rotation = rng.choice([-12, -7, 5, 9])
                    elif variant == 2:
                        rotation = rng.choice([90, 270])
                    elif variant == 3:  # low contrast
                        image = Image.blend(image, Image.new("RGB", image.size, fill), 0.55)
                    image = _rotate(image, rotation, boxes, fill)
                    name = f"{number:03d}-{kind}-{language}{'-clean' if clean else ''}.png"
                    image.save(output / name)
                    labels.append({"file": name, "kind": kind, "language": language, "clean": clean,
                                   "rotation": rotation, "identifiers": boxes})
    # Upside down (a phone held the wrong way round), from a stream of its own so the images above stay
    # the same as in earlier runs.
    rng = random.Random(seed + 180)
    for kind, make in KINDS.items():
        for language in ("en", "de", "hi"):
            number += 1
            image, boxes, fill = make(rng, language, False)
            image = _rotate(image, 180, boxes, fill)
            name = f"{number:03d}-{kind}-{language}-180.png"
            image.save(output / name)
            labels.append({"file": name, "kind": kind, "language": language, "clean": False, "rotation": 180.0,
                           "identifiers": boxes})
    (output / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1))
    return labels


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/konsil-image-set")
    made = make_set(target)
    print(f"{len(made)} images ({sum(1 for m in made if m['clean'])} clean) in {target}")
