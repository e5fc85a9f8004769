"""Images made in the tests themselves: photos with metadata, burned-in identifiers, bombs, DICOM files."""
from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

FONT = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"
if not Path(FONT).exists():
    FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def photo_with_metadata(width=640, height=480, orientation=6) -> bytes:
    """A JPEG carrying GPS, camera serial, artist, a comment and an orientation flag."""
    image = Image.new("RGB", (width, height), (200, 150, 140))
    ImageDraw.Draw(image).ellipse([200, 150, 440, 330], fill=(150, 60, 60))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"          # Make
    exif[0x013B] = "Dr. Secret Artist"  # Artist
    exif[0xA431] = "SERIAL-998877"      # BodySerialNumber
    exif[0x0112] = orientation
    gps = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 36.0)}
    exif[0x8825] = gps
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes(), comment=b"patient Jane Roe")
    return buffer.getvalue()


def png_with_text() -> bytes:
    image = Image.new("RGB", (400, 300), (230, 230, 230))
    info = PngInfo()
    info.add_text("Comment", "Patient: Jane Roe, MRN 5550123")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>Jane Roe</x:xmpmeta>")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def burned_in(lines=("Patient: John Miller", "MRN: 48213377"), size=(900, 500), font_size=30) -> bytes:
    image = Image.new("RGB", size, (245, 245, 240))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, font_size)
    for index, line in enumerate(lines):
        draw.text((40, 40 + index * int(font_size * 1.8)), line, font=font, fill=(10, 10, 10))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def turned_record_number(degrees: int, number="48213377") -> tuple[bytes, list[int]]:
    """A label photographed turned by `degrees` (counter-clockwise) and the box [x, y, w, h] the record
    number occupies in the turned image."""
    image = Image.new("RGB", (900, 500), (245, 245, 240))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 30)
    draw.text((40, 40), "Patient: John Miller", font=font, fill=(10, 10, 10))
    prefix = "MRN: "
    draw.text((40, 94), prefix + number, font=font, fill=(10, 10, 10))
    left, top, right, bottom = draw.textbbox((40 + draw.textlength(prefix, font=font), 94), number, font=font)
    turned = image.rotate(degrees, expand=True)
    # Quarter turns map the box exactly: (x, y) -> (y, W - x) for 90, (W - x, H - y) for 180, (H - y, x) for 270.
    width, height = image.size
    corners = {90: lambda x, y: (y, width - x), 180: lambda x, y: (width - x, height - y),
               270: lambda x, y: (height - y, x)}[degrees]
    xs, ys = zip(*(corners(x, y) for x, y in ((left, top), (right, bottom))))
    buffer = io.BytesIO()
    turned.save(buffer, "PNG")
    return buffer.getvalue(), [int(min(xs)), int(min(ys)), int(max(xs) - min(xs)), int(max(ys) - min(ys))]


def turned_document(kind: str, language: str, degrees: int, seed: int = 7) -> tuple[bytes, list[list[int]]]:
    """An image of the labelled set (tests/images/make_set.py: a lab report, a wristband, a monitor, ...)
    turned by `degrees`, and the boxes of its identifiers in the turned image."""
    import random

    from tests.images import make_set

    image, identifiers, fill = make_set.KINDS[kind](random.Random(seed), language, False)
    image = make_set._rotate(image, degrees, identifiers, fill)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue(), [item["box"] for item in identifiers]


def plain_png(size=(300, 200), colour=(120, 180, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def png_bomb(width=100_000, height=100_000) -> bytes:
    """A tiny PNG whose header claims an enormous image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def dicom_file(rows=512, columns=512) -> bytes:
    """A CT-like DICOM file with identifying header fields, written with pydicom."""
    import numpy as np
    from pydicom.dataset import FileDataset, FileMetaDataset
    from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CTImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    dataset = FileDataset("test.dcm", {}, file_meta=meta, preamble=b"\x00" * 128)
    dataset.SOPClassUID = CTImageStorage
    dataset.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    dataset.PatientName = "Doe^Janet"
    dataset.PatientID = "MRN7788991"
    dataset.PatientBirthDate = "19570312"
    dataset.InstitutionName = "Sankt Elsewhere Klinikum"
    dataset.ReferringPhysicianName = "Who^Doctor"
    dataset.AccessionNumber = "ACC55501"
    dataset.Modality = "CT"
    dataset.StudyInstanceUID = generate_uid()
    dataset.SeriesInstanceUID = generate_uid()
    dataset.Rows, dataset.Columns = rows, columns
    dataset.SamplesPerPixel = 1
    dataset.PhotometricInterpretation = "MONOCHROME2"
    dataset.BitsAllocated, dataset.BitsStored, dataset.HighBit = 16, 12, 11
    dataset.PixelRepresentation = 0
    dataset.RescaleIntercept, dataset.RescaleSlope = -1024, 1
    dataset.WindowCenter, dataset.WindowWidth = 40, 400
    yy, xx = np.mgrid[0:rows, 0:columns]
    pixels = (1024 + 300 * np.exp(-(((xx - columns / 2) ** 2 + (yy - rows / 2) ** 2) / (2 * (rows / 5) ** 2))))
    dataset.PixelData = pixels.astype("uint16").tobytes()
    buffer = io.BytesIO()
    dataset.save_as(buffer, enforce_file_format=True)
    return buffer.getvalue()


def heic_photo(size=(320, 240)) -> bytes:
    """A HEIC photo written with pillow-heif (its wheel carries the encoder)."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(buffer, "HEIF")
    return buffer.getvalue()
