"""Tesseract through pytesseract: words with boxes and confidences, grouped into lines.

One Tesseract call uses one thread (OMP_THREAD_LIMIT=1): on 2 cores the OpenMP threads of one
call cost more than they give (1.0 s vs 0.35 s for a card); parallelism is across cards.
"""

from __future__ import annotations

import functools
import os
import re

import numpy as np
import pytesseract

from ocr.parse import Line, Word
from ocr.types import Box

os.environ["OMP_THREAD_LIMIT"] = "1"


class OcrUnavailable(Exception):
    """Tesseract or a language pack is missing."""


@functools.lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    return frozenset(pytesseract.get_languages(config=""))


def available_languages() -> set[str]:
    """Installed Tesseract languages (asked once per process)."""
    try:
        return set(_languages())
    except (pytesseract.TesseractNotFoundError, OSError):
        return set()


def check_lang(lang: str) -> None:
    have = available_languages()
    if not have:
        raise OcrUnavailable("Tesseract is not installed; install it (apt-get install "
                             "tesseract-ocr tesseract-ocr-chi-sim) or run `make run`.")
    missing = [x for x in lang.split("+") if x not in have]
    if missing:
        raise OcrUnavailable(f"Tesseract has no language data for {', '.join(missing)}; "
                             f"installed: {', '.join(sorted(have))}.")


def ocr_words(img: np.ndarray, lang: str, psm: int = 3, min_conf: float = 20.0
              ) -> list[tuple[int, int, int, Word]]:
    """(block, par, line) keys with words; boxes in `img` pixels, conf 0..1."""
    data = pytesseract.image_to_data(img, lang=lang, config=f"--psm {psm}",
                                     output_type=pytesseract.Output.DICT)
    out = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < min_conf:
            continue
        if len(text) == 1 and not re.match(r"[\w\u4e00-\u9fff@+]", text):
            continue
        if len(text) == 1 and conf < 70 and not re.match(r"[\d\u4e00-\u9fff]", text):
            continue  # a stray letter from a logo or the card's edge
        box = Box(int(data["left"][i]), int(data["top"][i]), int(data["width"][i]),
                  int(data["height"][i]))
        out.append((data["block_num"][i], data["par_num"][i], data["line_num"][i],
                    Word(text, conf / 100.0, box)))
    return out


def group_lines(words: list[tuple[int, int, int, Word]]) -> list[Line]:
    groups: dict[tuple[int, int, int], list[Word]] = {}
    for b, p, ln, w in words:
        groups.setdefault((b, p, ln), []).append(w)
    lines = []
    for ws in groups.values():
        ws.sort(key=lambda w: w.box.x if w.box else 0)
        lines.append(Line.build(ws, top=min(w.box.y for w in ws if w.box)))
    lines.sort(key=lambda ln: (ln.top, ln.words[0].box.x if ln.words[0].box else 0))
    return lines


def score(words: list[tuple[int, int, int, Word]]) -> float:
    """How readable the OCR result is: confident characters (used to pick the orientation)."""
    return sum(len(w.text) * w.conf ** 2 for *_, w in words if w.conf >= 0.5)
