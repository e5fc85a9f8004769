"""De-identification of one image, in memory: decide the type by content, decode within limits,
render DICOM, re-encode without metadata, find burned-in identifiers and faces, fill boxes.

No Flask here: the functions run in the upload pool's threads (forum/uploads/pool.py) and in
bench/images.py. Nothing in this module writes a file; the caller stores only what `encode` returns.
"""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field

from PIL import Image, ImageOps

# Types Konsil accepts, decided by the first bytes of the file and never by its name.
JPEG, PNG, WEBP, HEIC, DICOM = "jpeg", "png", "webp", "heic", "dicom"
PHOTO_KINDS = (JPEG, WEBP, HEIC)  # stored as JPEG; screenshots and DICOM renderings as PNG
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif"}
_PIL_FORMATS = {JPEG: {"JPEG", "MPO"}, PNG: {"PNG"}, WEBP: {"WEBP"}, HEIC: {"HEIF", "AVIF"}}


class RefusedImage(ValueError):
    """The file cannot be taken; `code` names why (bench and tests read it), the message says it to people."""

    def __init__(self, code: str, message: str = ""):
        super().__init__(message or code)
        self.code = code


@dataclass(frozen=True)
class Limits:
    max_pixels: int = 50_000_000
    store_max_side: int = 4096
    thumb_side: int = 480


@dataclass
class Decoded:
    image: Image.Image  # RGB, orientation applied, no metadata attached
    kind: str
    facts: dict = field(default_factory=dict)  # safe facts for moderators (modality, for DICOM); never identifiers


def sniff(data: bytes) -> str | None:
    if data[:3] == b"\xff\xd8\xff":
        return JPEG
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return PNG
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return HEIC
    if len(data) > 132 and data[128:132] == b"DICM":
        return DICOM
    return None


_heif_ready = False


def _heif() -> bool:
    global _heif_ready
    if not _heif_ready:
        import pillow_heif  # a dependency; registered on first use so start-up stays quick

        pillow_heif.register_heif_opener()
        _heif_ready = True
    return True


def decode(data: bytes, limits: Limits) -> Decoded:
    kind = sniff(data)
    if kind is None:
        raise RefusedImage("type")
    if kind == DICOM:
        return _decode_dicom(data, limits)
    if kind == HEIC and not _heif():
        raise RefusedImage("type")
    with warnings.catch_warnings():
        # Pillow warns above MAX_IMAGE_PIXELS and refuses above twice that; we refuse at the limit itself.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            source = Image.open(io.BytesIO(data))
            if source.format not in _PIL_FORMATS[kind]:
                raise RefusedImage("type")
            width, height = source.size
            if width * height > limits.max_pixels:
                raise RefusedImage("pixels")
            source.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise RefusedImage("pixels") from error
        except RefusedImage:
            raise
        except Exception as error:  # truncated or malformed files in any of the decoders
            raise RefusedImage("broken") from error
    image = ImageOps.exif_transpose(source)
    image = _to_rgb(image)
    return Decoded(image=_fit(image, limits.store_max_side), kind=kind)


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        canvas = Image.new("RGB", image.size, (255, 255, 255))
        canvas.paste(image, mask=image.getchannel("A"))
        return canvas
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = ImageOps.autocontrast(image.convert("I").point(lambda v: v / 256).convert("L"))
    # A fresh image: nothing of the source's info (EXIF, XMP, ICC, text chunks, comments) comes along.
    rgb = image.convert("RGB")
    clean = Image.new("RGB", rgb.size)
    clean.paste(rgb)
    return clean


def _fit(image: Image.Image, side: int) -> Image.Image:
    if max(image.size) <= side:
        return image
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    return copy


# -------------------------------------------------------------------------------------------- DICOM

def deidentify_dataset(dataset) -> None:
    """PS3.15 Basic Application Level Confidentiality Profile, through dicognito (it replaces names, ids,
    dates and UIDs consistently and removes private tags). Only the rendered PNG is ever stored; this keeps
    the in-memory dataset safe too, so that nothing read from it later (the facts below) can identify."""
    from dicognito.anonymizer import Anonymizer

    Anonymizer().anonymize(dataset)
    for element in list(dataset.iterall()):
        if element.tag.is_private:
            del dataset[element.tag]


def _decode_dicom(data: bytes, limits: Limits) -> Decoded:
    import numpy as np
    import pydicom
    from pydicom.pixels import apply_modality_lut, apply_voi_lut

    try:
        dataset = pydicom.dcmread(io.BytesIO(data))
        rows, columns = int(dataset.Rows), int(dataset.Columns)
    except Exception as error:
        raise RefusedImage("broken") from error
    frames = int(getattr(dataset, "NumberOfFrames", 1) or 1)
    if rows * columns > limits.max_pixels or rows * columns * frames > limits.max_pixels * 4:
        raise RefusedImage("pixels")
    facts = {"modality": str(getattr(dataset, "Modality", "") or "")[:16]}
    deidentify_dataset(dataset)
    try:
        pixels = dataset.pixel_array
    except Exception as error:  # compressed transfer syntaxes without a decoder, or no pixel data
        raise RefusedImage("dicom_pixels") from error
    if frames > 1:
        pixels = pixels[frames // 2]
    photometric = str(getattr(dataset, "PhotometricInterpretation", "MONOCHROME2"))
    if photometric.startswith("MONOCHROME"):
        values = apply_voi_lut(apply_modality_lut(pixels, dataset), dataset).astype("float64")
        low, high = float(values.min()), float(values.max())
        scaled = (values - low) / (high - low) * 255.0 if high > low else np.zeros_like(values)
        if photometric == "MONOCHROME1":
            scaled = 255.0 - scaled
        image = Image.fromarray(scaled.clip(0, 255).astype("uint8"), "L").convert("RGB")
    else:
        from pydicom.pixels import convert_color_space

        if photometric.startswith("YBR"):
            pixels = convert_color_space(pixels, photometric, "RGB")
        image = Image.fromarray(np.asarray(pixels).astype("uint8")).convert("RGB")
    return Decoded(image=_fit(image, limits.store_max_side), kind=DICOM, facts=facts)


# -------------------------------------------------------------------------------------------- output

def fill_boxes(image: Image.Image, boxes) -> Image.Image:
    """Paint each [x, y, w, h] solid black into the pixels (the old values are gone, not covered)."""
    from PIL import ImageDraw

    result = image.copy()
    draw = ImageDraw.Draw(result)
    for x, y, w, h in boxes:
        draw.rectangle([x, y, x + w - 1, y + h - 1], fill=(0, 0, 0))
    return result


def clamp_boxes(boxes, width: int, height: int) -> list[list[int]]:
    """Boxes as the author sent them, cut to the image; empty ones dropped."""
    result = []
    for box in boxes:
        x, y, w, h = (int(round(float(v))) for v in box)
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(width, x + w), min(height, y + h)
        if x1 > x0 and y1 > y0:
            result.append([x0, y0, x1 - x0, y1 - y0])
    return result


def encode(image: Image.Image, kind: str) -> tuple[bytes, str]:
    """The stored bytes: a fresh encoding with no metadata at all (no EXIF, XMP, IPTC, ICC, comments,
    text chunks). Photographs as JPEG, everything else as PNG."""
    buffer = io.BytesIO()
    if kind in PHOTO_KINDS:
        image.save(buffer, "JPEG", quality=88, optimize=True, exif=b"", icc_profile=None)
        return buffer.getvalue(), "image/jpeg"
    image.save(buffer, "PNG", optimize=False, compress_level=6)
    return buffer.getvalue(), "image/png"


def thumbnail(image: Image.Image, side: int) -> bytes:
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    copy.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()
