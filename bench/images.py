"""Burned-in identifiers in clinical images: recall, clean images flagged, and seconds per image.

    .venv/bin/python bench/images.py [--rapidocr-python /tmp/bench-ocr/bin/python] [--repeat 5]

Generates the labelled set (tests/images/make_set.py, fixed seed) in a temporary directory, then runs
side by side on the same images:
  - tesseract: the project's pipeline (forum/uploads/analysis.py: preprocessing, two page-segmentation
    modes, eng+deu+hin) with the patient-data guard;
  - rapidocr: RapidOCR (ONNX models shipped inside rapidocr-onnxruntime) with the same guard; it runs in a
    separate interpreter given by --rapidocr-python (a bench-only venv, never a project dependency):
      python3 -m venv /tmp/bench-ocr && /tmp/bench-ocr/bin/pip install rapidocr-onnxruntime
  - Presidio's image redactor is reported as not runnable here when its spaCy model cannot be installed.
Recall: identifiers whose ground-truth box overlaps a finding. Clean flagged: share of clean images with any
finding. Time: the whole upload path (decode, analyse, fill, encode) for a 12-MP photo and a 512x512 DICOM.
Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from forum.privacy_guard.detector import scan  # noqa: E402
from forum.uploads import analysis, pipeline  # noqa: E402
from tests.images.make_set import make_set  # noqa: E402

RAPID_SCRIPT = r'''
import json, sys
from rapidocr_onnxruntime import RapidOCR
engine = RapidOCR()
for line in sys.stdin:
    path = line.strip()
    result, _ = engine(path)
    words = []
    for index, (points, text, score) in enumerate(result or []):
        xs = [p[0] for p in points]; ys = [p[1] for p in points]
        words.append({"text": text, "box": [int(min(xs)), int(min(ys)), int(max(xs) - min(xs)), int(max(ys) - min(ys))], "line": index})
    print(json.dumps(words, ensure_ascii=False), flush=True)
'''


def overlaps(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def score(labels, findings_by_file):
    found = total = 0
    clean_flagged = clean_total = 0
    misses = {}
    for label in labels:
        findings = findings_by_file[label["file"]]
        if label["clean"]:
            clean_total += 1
            clean_flagged += bool(findings)
            continue
        for identifier in label["identifiers"]:
            total += 1
            hit = any(overlaps(identifier["box"], f["box"]) for f in findings)
            found += hit
            if not hit:
                key = f"{label['kind']}/{label['language']}/{identifier['kind']}"
                misses[key] = misses.get(key, 0) + 1
    return found / max(1, total), clean_flagged / max(1, clean_total), total, misses


def run_tesseract(directory: Path, labels):
    results, times = {}, []
    for label in labels:
        image = Image.open(directory / label["file"]).convert("RGB")
        started = time.perf_counter()
        results[label["file"]] = analysis.ocr_findings(image, scan)
        times.append(time.perf_counter() - started)
    return results, times


def run_rapidocr(python: str, directory: Path, labels):
    script = Path(tempfile.mkstemp(suffix=".py")[1])
    script.write_text(RAPID_SCRIPT)
    process = subprocess.Popen([python, str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    results, times = {}, []
    for label in labels:
        started = time.perf_counter()
        process.stdin.write(str(directory / label["file"]) + "\n")
        process.stdin.flush()
        raw = json.loads(process.stdout.readline())
        words = [analysis.Word(w["text"], tuple(w["box"]), w["line"]) for w in raw]
        frame = analysis.Frame(None, __import__("numpy").array([[1.0, 0, 0], [0, 1.0, 0]]))
        # The same guard and the same image rule (long burned-in numbers) as the project's pipeline.
        results[label["file"]] = analysis.dedupe(
            analysis.findings_for_words(words, frame, analysis.image_rules(scan)), (10**6, 10**6))
        times.append(time.perf_counter() - started)
    process.stdin.close()
    process.wait()
    script.unlink()
    return results, times


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def twelve_megapixel_photo() -> bytes:
    image = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([800, 1300, 3200, 1700], radius=60, fill=(250, 250, 245))
    font = ImageFont.truetype("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", 90)
    draw.text((880, 1360), "Patient: John Miller  MRN: 48213377", font=font, fill=(10, 10, 10))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def dicom_512() -> bytes:
    from tests.uploads.support import dicom_file

    return dicom_file(512, 512)


def full_path_seconds(data: bytes, repeat: int) -> list[float]:
    limits = pipeline.Limits()
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        decoded = pipeline.decode(data, limits)
        findings = analysis.ocr_findings(decoded.image, scan) + analysis.face_findings(decoded.image, "face")
        redacted = pipeline.fill_boxes(decoded.image, [f["box"] for f in findings])
        pipeline.encode(redacted, decoded.kind)
        pipeline.thumbnail(redacted, limits.thumb_side)
        timings.append(time.perf_counter() - started)
    return timings


def presidio_status() -> str:
    try:
        import presidio_image_redactor  # noqa: F401
    except ImportError:
        return ("not run: presidio-image-redactor installs from PyPI, but its analyzer needs a spaCy model "
                "(en_core_web_lg) that is only published as a GitHub release asset, and GitHub is not "
                "reachable from this machine; without it the AnalyzerEngine cannot be built")
    return "installed"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rapidocr-python", default="/tmp/bench-ocr/bin/python")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-rapidocr", action="store_true", help="only the project's engine and the timings")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        labels = make_set(directory)
        identifiers = sum(len(label["identifiers"]) for label in labels)
        print(f"set: {len(labels)} images, {sum(l['clean'] for l in labels)} clean, {identifiers} identifiers")
        engines = {"tesseract (project)": lambda: run_tesseract(directory, labels)}
        if Path(args.rapidocr_python).exists() and not args.skip_rapidocr:
            engines["rapidocr (onnx)"] = lambda: run_rapidocr(args.rapidocr_python, directory, labels)
        print(f"{'engine':22} {'recall':>7} {'clean flagged':>14} {'p50 s':>7} {'p95 s':>7}")
        for name, run in engines.items():
            results, times = run()
            recall, flagged, _, misses = score(labels, results)
            print(f"{name:22} {recall:7.1%} {flagged:14.1%} {statistics.median(times):7.2f} "
                  f"{percentile(times, 0.95):7.2f}")
            if misses:
                print("    missed:", ", ".join(f"{k} {v}" for k, v in sorted(misses.items())))
        print(f"presidio image redactor: {presidio_status()}")
    for name, data in (("12-MP photo (JPEG 4000x3000)", twelve_megapixel_photo()), ("512x512 DICOM", dicom_512())):
        timings = full_path_seconds(data, args.repeat)
        print(f"full upload path, {name}: p50 {statistics.median(timings):.2f} s, "
              f"p95 {percentile(timings, 0.95):.2f} s over {len(timings)} runs")


if __name__ == "__main__":
    main()
