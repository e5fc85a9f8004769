"""Burned-in identifiers in clinical images: recall, clean images flagged, and seconds per image.

    make bench-images          (creates Presidio's own environment, .venv-presidio, then runs this)
    .venv/bin/python bench/images.py [--presidio-python .venv-presidio/bin/python] [--reference REV]
                                     [--rapidocr-python /tmp/bench-ocr/bin/python] [--repeat 5]

Generates the labelled set (tests/images/make_set.py, fixed seeds: 75 images plus 15 turned upside down) in
a temporary directory, then runs side by side on the same images:
  - after:  the project's pipeline as it is (forum/uploads/analysis.py, pipeline.py);
  - before: the same two modules as they were at --reference (a git revision, default the commit before the
    speed and orientation work), loaded from git into this process. Before and after alternate image by
    image, so load from other work on the machine falls on both alike;
  - presidio: Presidio's ImageAnalyzerEngine (its own Tesseract OCR with default settings, its recognizers,
    default score threshold) in its own virtual environment (bench/requirements-presidio.txt, never a project
    dependency). Offline, with spacy.blank("en") as its NLP model: pattern recognizers only, NO NER, so
    names are not looked for at all — see bench/presidio_runner.py;
  - rapidocr (optional): RapidOCR's ONNX models with the project's guard, from --rapidocr-python.
Recall: identifiers whose ground-truth box overlaps a finding, overall and per rotation of the image.
Clean flagged: share of clean images with any finding. Seconds per image: the whole upload path (decode,
analyse — OCR and faces —, fill the boxes, encode, thumbnail) over the set, for a 12-MP photo and for a
512x512 CT DICOM. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import collections
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from forum.privacy_guard.detector import scan  # noqa: E402
from forum.uploads import analysis, pipeline  # noqa: E402
from tests.images.make_set import make_set  # noqa: E402

REFERENCE = "9504a45"  # the pipeline before OSD, 180° and the speed work

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


def rotation_class(degrees: float) -> str:
    turned = degrees % 360
    return f"{int(turned)}°" if turned in (0, 90, 180, 270) else "skewed"


def score(labels, findings_by_file):
    found = total = 0
    clean_flagged = clean_total = 0
    misses: dict[str, int] = {}
    per_rotation: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
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
            bucket = per_rotation[rotation_class(label["rotation"])]
            bucket[0] += hit
            bucket[1] += 1
            if not hit:
                key = f"{label['kind']}/{label['language']}/{identifier['kind']}"
                misses[key] = misses.get(key, 0) + 1
    return found / max(1, total), clean_flagged / max(1, clean_total), per_rotation, misses


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


# ------------------------------------------------------------------------------------ the two pipelines

def load_reference(revision: str):
    """forum/uploads/analysis.py and pipeline.py as they were at `revision`, as modules of this process."""
    modules = []
    for name in ("analysis", "pipeline"):
        source = subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:forum/uploads/{name}.py"],
                                capture_output=True, text=True, check=True).stdout
        module = types.ModuleType(f"reference_{name}")
        module.__file__ = f"{revision}:forum/uploads/{name}.py"
        sys.modules[module.__name__] = module
        exec(compile(source, module.__file__, "exec"), module.__dict__)
        modules.append(module)
    return modules


class Way:
    """One way through the upload path: decode, analyse, fill, encode, thumbnail."""

    def __init__(self, name, analysis_module, pipeline_module, analyse):
        self.name, self.analysis, self.pipeline, self.analyse = name, analysis_module, pipeline_module, analyse
        self.limits = pipeline_module.Limits()

    def run(self, data: bytes) -> tuple[list[dict], float]:
        started = time.perf_counter()
        decoded = self.pipeline.decode(data, self.limits)
        findings = self.analyse(decoded)
        redacted = self.pipeline.fill_boxes(decoded.image, [f["box"] for f in findings])
        self.pipeline.encode(redacted, decoded.kind)
        self.pipeline.thumbnail(redacted, self.limits.thumb_side)
        return findings, time.perf_counter() - started


def paths(reference: str) -> list[Way]:
    old_analysis, old_pipeline = load_reference(reference)
    before = Way(f"before ({reference})", old_analysis, old_pipeline,
                   lambda d: old_analysis.ocr_findings(d.image, scan) + old_analysis.face_findings(d.image, "face"))
    after = Way("after (working tree)", analysis, pipeline,
                  lambda d: analysis.analyse(d.image, scan, face_explanation="face", kind=d.kind, facts=d.facts))
    return [before, after]


def run_alternating(ways: list[Way], items: list[tuple[str, bytes]]):
    """Each item through every way, the order swapped from one item to the next."""
    results = {way.name: {} for way in ways}
    times = {way.name: [] for way in ways}
    for index, (key, data) in enumerate(items):
        for way in (ways if index % 2 == 0 else ways[::-1]):
            findings, seconds = way.run(data)
            results[way.name][key] = findings
            times[way.name].append(seconds)
    return results, times


# ------------------------------------------------------------------------------------ other engines

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
        frame = analysis.Frame(None, np.array([[1.0, 0, 0], [0, 1.0, 0]]))
        # The same guard and the same image rule (long burned-in numbers) as the project's pipeline.
        results[label["file"]] = analysis.dedupe(
            analysis.findings_for_words(words, frame, analysis.image_rules(scan)), (10**6, 10**6))
        times.append(time.perf_counter() - started)
    process.stdin.close()
    process.wait()
    script.unlink()
    return results, times


def run_presidio(python: str, directory: Path, labels, languages: str):
    """Presidio in its own interpreter; its own timing per image (analysis only, no decode or encode)."""
    process = subprocess.Popen([python, str(ROOT / "bench" / "presidio_runner.py"), "--languages", languages],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    header = process.stdout.readline()
    if not header:
        process.stdin.close()
        error = process.stderr.read().strip().splitlines()
        process.wait()
        raise RuntimeError(error[-1] if error else f"exit status {process.returncode}")
    setup = json.loads(header)
    results, times = {}, []
    for label in labels:
        process.stdin.write(str(directory / label["file"]) + "\n")
        process.stdin.flush()
        answer = json.loads(process.stdout.readline())
        results[label["file"]] = answer["findings"]
        times.append(answer["seconds"])
    process.stdin.close()
    process.wait()
    return setup, results, times


# ------------------------------------------------------------------------------------ fixed inputs

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


# ------------------------------------------------------------------------------------ report

def line(name, recall, flagged, times, per_rotation, note=""):
    rotations = "  ".join(f"{key} {hit}/{total}" for key, (hit, total) in sorted(per_rotation.items()))
    print(f"{name:34} {recall:7.1%} {flagged:8.1%} {statistics.median(times):6.2f} {percentile(times, 0.95):6.2f}"
          f"   {rotations}{note}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reference", default=REFERENCE, help="git revision of the 'before' pipeline")
    parser.add_argument("--presidio-python", default=str(ROOT / ".venv-presidio" / "bin" / "python"))
    parser.add_argument("--presidio-languages", default="eng",
                        help="Tesseract languages for Presidio's OCR (its default is eng)")
    parser.add_argument("--rapidocr-python", default="/tmp/bench-ocr/bin/python")
    parser.add_argument("--repeat", type=int, default=5, help="runs of the 12-MP photo and the DICOM file")
    parser.add_argument("--only", default="", help="only set images whose file name contains this")
    parser.add_argument("--skip-presidio", action="store_true")
    parser.add_argument("--skip-rapidocr", action="store_true")
    args = parser.parse_args()
    ways = paths(args.reference)
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        labels = [label for label in make_set(directory) if args.only in label["file"]]
        identifiers = sum(len(label["identifiers"]) for label in labels)
        rotations = collections.Counter(rotation_class(label["rotation"]) for label in labels)
        print(f"set: {len(labels)} images, {sum(label['clean'] for label in labels)} clean, {identifiers} "
              f"identifiers; images per rotation: {dict(sorted(rotations.items()))}")
        print("seconds per image: before/after = whole upload path (decode, OCR, faces, fill, encode, thumbnail);"
              " presidio/rapidocr = their analysis alone")
        print(f"{'engine':34} {'recall':>7} {'clean fl':>8} {'p50 s':>6} {'p95 s':>6}   recall per rotation")
        items = [(label["file"], (directory / label["file"]).read_bytes()) for label in labels]
        results, times = run_alternating(ways, items)
        for way in ways:
            recall, flagged, per_rotation, misses = score(labels, results[way.name])
            line(way.name, recall, flagged, times[way.name], per_rotation)
            slowest = sorted(zip(times[way.name], (label["file"] for label in labels)), reverse=True)[:4]
            print(f"    sum {sum(times[way.name]):.0f} s; slowest: " + ", ".join(f"{name} {seconds:.2f}"
                                                                      for seconds, name in slowest))
            if misses:
                print("    missed:", ", ".join(f"{k} {v}" for k, v in sorted(misses.items())))
        if args.skip_presidio:
            print("presidio: skipped (--skip-presidio)")
        elif not Path(args.presidio_python).exists():
            print(f"presidio: not run, {args.presidio_python} does not exist (make bench-presidio creates it)")
        else:
            try:
                setup, found, seconds = run_presidio(args.presidio_python, directory, labels, args.presidio_languages)
            except RuntimeError as error:
                print(f"presidio: failed to start: {error}")
            else:
                recall, flagged, per_rotation, misses = score(labels, found)
                line(f"presidio (ocr {args.presidio_languages}, NO NER)", recall, flagged, seconds, per_rotation)
                if misses:
                    print("    missed:", ", ".join(f"{k} {v}" for k, v in sorted(misses.items())))
                types_found = collections.Counter(f["type"] for label in labels if label["clean"]
                                                  for f in found[label["file"]])
                print(f"    presidio {setup['presidio_image_redactor']} / analyzer {setup['presidio_analyzer']}, "
                      f"NLP {setup['nlp']}: names are not detected at all (no NER model offline); "
                      f"findings on clean images by type: {dict(types_found)}")
        if Path(args.rapidocr_python).exists() and not args.skip_rapidocr:
            found, seconds = run_rapidocr(args.rapidocr_python, directory, labels)
            recall, flagged, per_rotation, _ = score(labels, found)
            line("rapidocr (onnx) + guard", recall, flagged, seconds, per_rotation)
    for name, data in (("12-MP photo (JPEG 4000x3000)", twelve_megapixel_photo()), ("512x512 CT DICOM", dicom_512())):
        _, timings = run_alternating(ways, [(str(run), data) for run in range(args.repeat)])
        print(f"whole upload path, {name}, {args.repeat} runs each: " + "; ".join(
            f"{way.name} p50 {statistics.median(timings[way.name]):.2f} s p95 "
            f"{percentile(timings[way.name], 0.95):.2f} s" for way in ways))


if __name__ == "__main__":
    main()
