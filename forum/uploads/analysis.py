"""Proposals for the author: burned-in identifiers (OCR + the patient-data guard) and faces.

OCR is Tesseract through tesserocr, Debian's eng/deu/hin data. tesserocr rather than pytesseract: it calls
the library in-process, keeps the three language models loaded between images (pytesseract starts a
tesseract process and reloads ~30 MB of models for every call, and we make several calls per image), and
releases the GIL while recognising, so the upload pool's threads do not stall the web worker.

What the preprocessing does, and why (small, rotated, low-contrast and Devanagari text is where plain
Tesseract fails): small images are upscaled; large photos are scaled to ~2200 px and then further down as
long as their smaller glyphs stay ~20 px high (recognition time grows with the pixels read, recall does not);
dark screens are inverted; contrast is equalised (CLAHE) and the image binarised with local (adaptive)
thresholds. The binarised image is read upright (sparse text). When that reading is doubtful (few words, or
a low mean confidence: turned and upside-down text reads as garbage at 45-70 %, upright text at 75-95 %),
Tesseract's orientation detection (osd.traineddata, Debian's tesseract-ocr-osd) says by how much the text is
turned (0/90/180/270°) and it is read again that way up; OSD needs some text to answer and says nothing on
short labels and wristbands, and then each turn is read and the most confident reading kept. OSD costs
about half a reading, so confident upright pages never pay for it. Small skew (±20°) is found by a
projection-profile search. Slanted and doubtful readings are read a second time, from the deskewed greyscale
with automatic layout (eng+deu only, unless the first reading met Devanagari or was doubtful: the Hindi
model roughly doubles the time of a pass), and the findings of both readings merged. A confident, straight
reading of larger print is not read again (small print is: binarising ~11 px letters loses lines). The
Tesseract objects are made once per upload-pool thread and reused for every image and pass. Each finding
of the guard is mapped back onto the boxes of the words it covers, in the stored image's pixels.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass

import numpy as np
from PIL import Image

_local = threading.local()
DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata/"
LANGUAGES = "eng+deu+hin"
LATIN_LANGUAGES = "eng+deu"
OCR_SIDE = 2200        # the longest side OCR works at; photos are scaled down to it, small images up
MIN_OCR_SIDE = 1400
SMALL_TEXT = 15        # below this glyph height (px, at the reading size) every page is read a second time
TEXT_HEIGHT = 20       # glyph height (px) that large photos are scaled down to, never below MIN_OCR_SIDE
FACE_SIDE = 900


@dataclass(frozen=True)
class Word:
    text: str
    box: tuple[int, int, int, int]  # x, y, w, h in the analysed image
    line: int
    confidence: float = 0.0


def tessdata_path() -> str:
    configured = os.environ.get("TESSDATA_PREFIX") or ""
    if configured and os.path.isdir(configured):
        return configured.rstrip("/") + "/"
    for candidate in (DEFAULT_TESSDATA, "/usr/share/tesseract-ocr/4.00/tessdata/", "/usr/share/tessdata/"):
        if os.path.isdir(candidate):
            return candidate
    return DEFAULT_TESSDATA


def _api(psm: int, languages: str = LANGUAGES):
    """The thread's Tesseract for `languages`, loaded once per upload-pool thread and reused for every image
    and pass (loading eng+deu+hin costs ~0.3 s); the page-segmentation mode is switched per pass."""
    import tesserocr

    apis = getattr(_local, "apis", None)
    if apis is None:
        apis = _local.apis = {}
    if languages not in apis:
        apis[languages] = tesserocr.PyTessBaseAPI(path=tessdata_path(), lang=languages, psm=psm,
                                                  oem=tesserocr.OEM.LSTM_ONLY)
    api = apis[languages]
    api.SetPageSegMode(psm)
    return api


# ---------------------------------------------------------------------------------- preprocessing

class Frame:
    """An analysed version of the image and the affine map back to the stored image's pixels."""

    def __init__(self, gray: np.ndarray, to_original: np.ndarray):
        self.gray = gray
        self.to_original = to_original  # 2x3

    def box_back(self, x: int, y: int, w: int, h: int) -> list[int]:
        corners = np.array([[x, y, 1], [x + w, y, 1], [x, y + h, 1], [x + w, y + h, 1]], dtype="float64")
        mapped = corners @ self.to_original.T
        x0, y0 = mapped.min(axis=0)
        x1, y1 = mapped.max(axis=0)
        return [int(x0), int(y0), int(np.ceil(x1 - x0)), int(np.ceil(y1 - y0))]


def _compose(outer: np.ndarray, inner: np.ndarray) -> np.ndarray:
    """outer ∘ inner for 2x3 affine maps."""
    a = np.vstack([outer, [0, 0, 1]])
    b = np.vstack([inner, [0, 0, 1]])
    return (a @ b)[:2]


def _rotate(gray: np.ndarray, degrees: float, to_original: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    import cv2

    if not degrees:
        return gray, to_original
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = int(h * sin + w * cos), int(h * cos + w * sin)
    matrix[0, 2] += new_w / 2 - w / 2
    matrix[1, 2] += new_h / 2 - h / 2
    border = int(np.median(gray))
    rotated = cv2.warpAffine(gray, matrix, (new_w, new_h), flags=cv2.INTER_LINEAR, borderValue=border)
    return rotated, _compose(to_original, cv2.invertAffineTransform(matrix))


def _ink(binary: np.ndarray, side: int = 500) -> np.ndarray | None:
    import cv2

    h, w = binary.shape
    scale = side / max(h, w)
    small = cv2.resize(binary, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    ink = (small < 128).astype("uint8")
    share = float(ink.mean())
    return ink if 0.0005 < share < 0.35 else None


def _profile_score(ink: np.ndarray, axis: int) -> float:
    profile = ink.sum(axis=axis, dtype="float64")
    return float(np.square(np.diff(profile)).sum())


def _skew_angle(binary: np.ndarray) -> float:
    """The small rotation (within ±20°) that makes text lines horizontal, by projection profiles."""
    import cv2

    ink = _ink(binary)
    if ink is None:
        return 0.0
    best, best_score = 0.0, -1.0
    sh, sw = ink.shape
    for angle in np.arange(-20, 20.5, 1.0):
        matrix = cv2.getRotationMatrix2D((sw / 2, sh / 2), float(angle), 1.0)
        score = _profile_score(cv2.warpAffine(ink, matrix, (sw, sh), flags=cv2.INTER_NEAREST), 1)
        if score > best_score:
            best, best_score = float(angle), score
    return best if abs(best) >= 2 else 0.0


def _quality(words: list[Word]) -> float:
    """How much confidently read text a pass produced: garbage from turned text scores low."""
    return sum(w.confidence for w in words if w.confidence > 60 and sum(ch.isalnum() for ch in w.text) >= 2)


def _binarise(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    import cv2

    equalised = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8)).apply(gray)
    # Local thresholds: uneven light on photographed pages and dark monitor backgrounds binarise cleanly.
    block = max(15, (max(gray.shape) // 60) | 1)
    binary = cv2.adaptiveThreshold(equalised, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, block, 12)
    return equalised, binary


def text_height(binary: np.ndarray) -> float | None:
    """The height of the smaller glyphs on the page (25th percentile of letter-shaped ink blobs), or None
    when too few blobs look like letters to tell."""
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(255 - binary, connectivity=8)
    if count < 2:
        return None
    width, height, area = (stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT],
                           stats[1:, cv2.CC_STAT_AREA])
    letters = (height >= 8) & (height <= 400) & (width >= 2) & (width <= 2 * height) & (area * 8 >= width * height)
    if int(letters.sum()) < 12:
        return None
    return float(np.percentile(height[letters], 25))


def prepare(image: Image.Image) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(equalised greyscale, binarised, map back to the image) at the size OCR works at.

    Small images are upscaled; large ones are brought to OCR_SIDE and then further down while their
    smaller glyphs stay at least TEXT_HEIGHT pixels high: recognition time grows with the pixels read,
    recall does not once letters are that tall."""
    import cv2

    gray = np.asarray(image.convert("L"))
    h, w = gray.shape
    side = max(h, w)
    scale = OCR_SIDE / side if side > OCR_SIDE else (min(2.5, MIN_OCR_SIDE / side) if side < MIN_OCR_SIDE else 1.0)
    if scale != 1.0:
        gray = cv2.resize(gray, (int(w * scale), int(h * scale)),
                          interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    if gray.mean() < 110:  # monitors and X-rays: light text on dark ground
        gray = 255 - gray
    equalised, binary = _binarise(gray)
    if scale < 1.0:
        glyphs = text_height(binary)
        if glyphs and glyphs > TEXT_HEIGHT * 1.25:
            shrink = max(TEXT_HEIGHT / glyphs, MIN_OCR_SIDE / max(gray.shape))
            if shrink < 0.9:
                gh, gw = gray.shape
                gray = cv2.resize(gray, (int(gw * shrink), int(gh * shrink)), interpolation=cv2.INTER_AREA)
                scale *= shrink
                equalised, binary = _binarise(gray)
    to_original = np.array([[w / gray.shape[1], 0, 0], [0, h / gray.shape[0], 0]], dtype="float64")
    return equalised, binary, to_original


# ---------------------------------------------------------------------------------- recognition

def read_words(frame: Frame, psm: int, languages: str = LANGUAGES) -> list[Word]:
    from tesserocr import RIL, iterate_level

    api = _api(psm, languages)
    api.SetImage(Image.fromarray(frame.gray))
    api.Recognize()
    words: list[Word] = []
    line = -1
    iterator = api.GetIterator()
    for item in iterate_level(iterator, RIL.WORD):
        try:
            text = item.GetUTF8Text(RIL.WORD)
            box = item.BoundingBox(RIL.WORD)
            starts_line = item.IsAtBeginningOf(RIL.TEXTLINE)
            confidence = item.Confidence(RIL.WORD)
        except RuntimeError:
            continue
        if starts_line or line < 0:
            line += 1
        if not text or not text.strip() or box is None or confidence < 20:
            continue
        x0, y0, x1, y1 = box
        words.append(Word(text.strip(), (x0, y0, x1 - x0, y1 - y0), line, confidence))
    return words


def text_and_offsets(words: list[Word]) -> tuple[str, list[tuple[int, int, Word]]]:
    parts: list[str] = []
    spans = []
    position = 0
    previous_line = None
    for word in words:
        if previous_line is not None:
            separator = "\n" if word.line != previous_line else " "
            parts.append(separator)
            position += 1
        spans.append((position, position + len(word.text), word))
        parts.append(word.text)
        position += len(word.text)
        previous_line = word.line
    return "".join(parts), spans


def _merge_boxes(boxes: list[list[int]]) -> list[int]:
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    return [x0, y0, x1 - x0, y1 - y0]


def findings_for_words(words: list[Word], frame: Frame, scan, pad: int = 3) -> list[dict]:
    text, spans = text_and_offsets(words)
    results = []
    for finding in scan(text):
        by_line: dict[int, list[list[int]]] = {}
        for start, end, word in spans:
            if start < finding.end and end > finding.start:
                by_line.setdefault(word.line, []).append(frame.box_back(*word.box))
        for boxes in by_line.values():
            x, y, w, h = _merge_boxes(boxes)
            results.append({"box": [x - pad, y - pad, w + 2 * pad, h + 2 * pad], "type": finding.type,
                            "explanation": finding.explanation})
    return results


LONG_NUMBER = __import__("re").compile(r"(?<![\d/.,])\d{7,}(?![\d/.,])")
LONG_NUMBER_EXPLANATION = "A long number burned into the image: record, case and accession numbers identify patients."


def image_rules(scan, explanation: str = LONG_NUMBER_EXPLANATION):
    """The guard, plus one rule for images only: a burned-in run of seven or more digits is proposed even
    without a label the guard recognises (OCR often garbles the label, rarely the digits)."""
    def scan_image_text(text):
        findings = list(scan(text))
        taken = [(f.start, f.end) for f in findings]
        for match in LONG_NUMBER.finditer(text):
            if match.group().count("0") * 2 >= len(match.group()):
                continue  # Latin letters read with the Devanagari model come out as runs of zeros
            if not any(start < match.end() and match.start() < end for start, end in taken):
                findings.append(_Span(match.start(), match.end(), "record_number", explanation))
        return findings

    return scan_image_text


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    type: str
    explanation: str


def orientation(binary: np.ndarray) -> int | None:
    """Tesseract's orientation detection (osd.traineddata): the counter-clockwise turn in degrees (0, 90,
    180, 270) that makes the text upright, or None when it sees too little text to say."""
    import tesserocr

    api = getattr(_local, "osd", None)
    if api is None:
        api = _local.osd = tesserocr.PyTessBaseAPI(path=tessdata_path(), lang="osd",
                                                   psm=tesserocr.PSM.OSD_ONLY)
    api.SetImage(Image.fromarray(binary))
    try:
        result = api.DetectOrientationScript()
    except RuntimeError:
        return None
    if not result:
        return None
    return int(result["orient_deg"]) % 360


def _doubtful(words: list[Word]) -> bool:
    """A reading to doubt: few words, or words read with low confidence (upside-down or turned text comes
    out as garbage at 45-70 % mean confidence; upright text at 75-95 %)."""
    words = [w for w in words if sum(ch.isalnum() for ch in w.text) >= 2]
    return len(words) < 4 or sum(w.confidence for w in words) / len(words) < 80


def _has_devanagari(words: list[Word]) -> bool:
    return any("\u0900" <= ch <= "\u097f" for word in words for ch in word.text)


def ocr_findings(image: Image.Image, scan, long_number_explanation: str = LONG_NUMBER_EXPLANATION) -> list[dict]:
    """Read the image (see the module's docstring) and return the guard's findings as boxes."""
    import tesserocr

    scan = image_rules(scan, long_number_explanation)
    equalised, binary, to_original = prepare(image)
    first = Frame(binary, to_original)
    words = read_words(first, tesserocr.PSM.SPARSE_TEXT)
    if _doubtful(words):
        # Little text read with confidence: it may be turned. Tesseract's orientation detection says how far
        # (it costs about half a reading, so confident upright pages never pay for it); when it sees too
        # little text to say, each turn is read and the most confident reading kept.
        turn = orientation(binary)
        trials = (90, 270, 180) if turn is None else ((turn,) if turn else ())
        best = (_quality(words), 0, first, words)
        for trial in trials:
            turned, mapping = _rotate(binary, trial, to_original)
            frame = Frame(turned, mapping)
            candidate = read_words(frame, tesserocr.PSM.SPARSE_TEXT)
            if turn or _quality(candidate) > best[0] * 1.5:
                best = (_quality(candidate), trial, frame, candidate)
            if not _doubtful(best[3]):
                break
        _, turn, first, words = best
        if turn:
            equalised, _ = _rotate(equalised, turn, to_original)
    found = findings_for_words(words, first, scan)
    skew = _skew_angle(first.gray)
    glyphs = text_height(first.gray)
    if skew or _doubtful(words) or glyphs is None or glyphs < SMALL_TEXT:
        # A second reading where the first may have lost text: lines at a slant (read again deskewed), doubtful
        # readings, and small print (binarising ~11 px letters of photographed pages loses whole lines; the
        # greyscale with automatic layout keeps them). A confident, straight reading of larger text is not
        # read twice: on the labelled set the second reading found nothing the first had missed there.
        second = Frame(*_rotate(equalised, skew, first.to_original)) if skew else Frame(equalised, first.to_original)
        # The Devanagari model only where the first reading met Devanagari script or was doubtful.
        languages = LANGUAGES if _has_devanagari(words) or _doubtful(words) else LATIN_LANGUAGES
        found.extend(findings_for_words(read_words(second, tesserocr.PSM.AUTO, languages), second, scan))
    return dedupe(found, image.size)


def _overlap(a, b) -> float:
    ax1, ay1, bx1, by1 = a[0] + a[2], a[1] + a[3], b[0] + b[2], b[1] + b[3]
    iw = max(0, min(ax1, bx1) - max(a[0], b[0]))
    ih = max(0, min(ay1, by1) - max(a[1], b[1]))
    smaller = min(a[2] * a[3], b[2] * b[3]) or 1
    return iw * ih / smaller


def dedupe(findings: list[dict], size: tuple[int, int]) -> list[dict]:
    """Cut boxes to the image; of two boxes that mostly overlap, keep their union once."""
    width, height = size
    kept: list[dict] = []
    for finding in findings:
        x, y, w, h = finding["box"]
        x0, y0, x1, y1 = max(0, x), max(0, y), min(width, x + w), min(height, y + h)
        if x1 <= x0 or y1 <= y0:
            continue
        box = [x0, y0, x1 - x0, y1 - y0]
        for other in kept:
            if _overlap(box, other["box"]) > 0.5:
                other["box"] = _merge_boxes([box, other["box"]])
                break
        else:
            kept.append({**finding, "box": box})
    return kept


# ---------------------------------------------------------------------------------- faces

def _face_detector():
    import cv2

    detector = getattr(_local, "faces", None)
    if detector is None:
        path = os.path.join(cv2.data.haarcascades, "haarcascade_frontalface_default.xml")
        detector = _local.faces = cv2.CascadeClassifier(path)
    return detector


def face_findings(image: Image.Image, explanation: str) -> list[dict]:
    """Frontal faces, from the Haar cascade that ships inside opencv-python-headless (no download)."""
    import cv2

    gray = np.asarray(image.convert("L"))
    h, w = gray.shape
    scale = min(1.0, FACE_SIDE / max(h, w))
    if scale < 1.0:
        gray = cv2.resize(gray, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA)
    gray = cv2.equalizeHist(gray)
    minimum = max(36, int(min(gray.shape) * 0.08))
    faces = _face_detector().detectMultiScale(gray, scaleFactor=1.1, minNeighbors=7, minSize=(minimum, minimum))
    results = []
    for x, y, fw, fh in (faces if len(faces) else []):
        # A margin around the detector's box: hairline, ears and chin identify as well.
        mx, my = fw * 0.2, fh * 0.25
        box = [int((x - mx) / scale), int((y - my) / scale), int((fw + 2 * mx) / scale), int((fh + 2 * my) / scale)]
        results.append({"box": box, "type": "face", "explanation": explanation})
    return dedupe(results, image.size)


# ---------------------------------------------------------------------------------- both

# DICOM modalities whose pixels are slices or projections of the body (CT, MR, radiographs, mammograms,
# angiograms, ultrasound, nuclear medicine): a frontal-face detector has nothing to find in them, so that pass
# is skipped. Photographic DICOM (VL, XC, OP, ES, SC, OT, ...) keeps it.
NO_FACE_MODALITIES = frozenset({"CT", "MR", "PT", "NM", "CR", "DX", "MG", "RF", "XA", "US", "IO", "PX", "RG"})


def faces_can_matter(kind: str, facts: dict | None) -> bool:
    return not (kind == "dicom" and str((facts or {}).get("modality", "")).upper() in NO_FACE_MODALITIES)


def analyse(image: Image.Image, scan, *, ocr: bool = True, faces: bool = True, face_explanation: str = "A face.",
            number_explanation: str = LONG_NUMBER_EXPLANATION, kind: str = "", facts: dict | None = None) -> list[dict]:
    """Every proposal for one decoded image: burned-in identifiers, then faces where they can occur."""
    findings = []
    if ocr:
        findings.extend(ocr_findings(image, scan, number_explanation))
    if faces and faces_can_matter(kind, facts):
        findings.extend(face_findings(image, face_explanation))
    return findings
