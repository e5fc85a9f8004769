"""Presidio's image analyzer over images named on stdin, one JSON line of findings per image on stdout.

Runs inside the bench's own Presidio environment (see bench/requirements-presidio.txt), never the project's:

    .venv-presidio/bin/python bench/presidio_runner.py [--languages eng]

spaCy's English models are published outside PyPI (GitHub release assets), so instead of en_core_web_lg this
builds spacy.blank("en") into a temporary folder and names that folder as the model in Presidio's NLP engine
configuration: everything works offline, the pattern recognizers (phone numbers, dates, e-mail, US/UK
identifiers, ...) run, and named-entity recognition (people's names) is ABSENT. Presidio's own OCR is used
(pytesseract, Tesseract's default settings); the analyzer's default score threshold (0) is kept.
Each output line: {"findings": [{"box": [x, y, w, h], "type": ..., "score": ...}], "seconds": ...};
the first line describes the setup.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path


def engine(languages: str):
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_image_redactor import ImageAnalyzerEngine

    folder = Path(tempfile.mkdtemp(prefix="presidio-blank-")) / "blank_en"
    spacy.blank("en").to_disk(folder)
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": str(folder)}]}).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    recognizers = sorted(r.name for r in analyzer.registry.recognizers)
    return ImageAnalyzerEngine(analyzer_engine=analyzer), recognizers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--languages", default="eng", help="Tesseract languages for Presidio's OCR")
    args = parser.parse_args()
    from importlib.metadata import version

    from PIL import Image

    analyzer, recognizers = engine(args.languages)
    print(json.dumps({"presidio_analyzer": version("presidio-analyzer"),
                      "presidio_image_redactor": version("presidio-image-redactor"), "spacy": version("spacy"),
                      "nlp": "spacy.blank('en') (no NER)", "recognizers": recognizers}), flush=True)
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        image = Image.open(path).convert("RGB")
        started = time.perf_counter()
        results = analyzer.analyze(image, ocr_kwargs={"lang": args.languages})
        seconds = time.perf_counter() - started
        findings = [{"box": [int(r.left), int(r.top), int(r.width), int(r.height)], "type": r.entity_type,
                     "score": round(float(r.score), 2)} for r in results]
        print(json.dumps({"findings": findings, "seconds": seconds}), flush=True)


if __name__ == "__main__":
    main()
