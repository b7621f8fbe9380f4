"""Business-card pipeline: file or image -> card(s) -> upright, clean -> Tesseract -> fields.

    scan_file(path)            one file (a photo of one card, or a flatbed page with several)
    scan_image(bgr_array)      a camera frame or an image already in memory (BGR, as OpenCV)
    scan_files(paths, workers) a batch, in parallel processes, results in input order, cancellable

Every failure the user can cause (not an image, empty, damaged, huge, no text) comes back as a
CardError with a clear message; nothing raises for a bad file, so a batch goes on.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import re
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import cv2
import numpy as np

from ocr import engine, parse, pinyin_checks
from ocr import image as im
from ocr.parse import Line, Word, parse_lines
from ocr.types import Box, CardError, CardResult

DEFAULT_LANG = "eng+chi_sim"
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp", ".heic", ".heif"}
ORIENT_SIDE = 640  # long side of the image used to choose the orientation
MIN_SCORE = 6.0  # confident characters below which a card counts as "no text"
PSM = int(os.environ.get("SATCHEL_OCR_PSM", "11"))  # 11: sparse text; 3 drops big short names


def scan_file(path: str | os.PathLike, lang: str = DEFAULT_LANG, region: str = "CN"
              ) -> list[CardResult | CardError]:
    path = str(path)
    try:
        pages = im.load_pages(path)
    except im.ImageLoadError as exc:
        return [CardError(path, str(exc))]
    out: list[CardResult | CardError] = []
    for n, page in enumerate(pages):
        results = scan_image(page, file=path, lang=lang, region=region)
        for r in results:
            if isinstance(r, CardResult):
                r.index = len(out)  # card number within the file, across pages
            elif len(pages) > 1:
                name = os.path.basename(path)
                r.error = f"{name}, page {n + 1}: {r.error.removeprefix(name + ': ')}"
            out.append(r)
    return out


def scan_image(image: np.ndarray, file: str = "", lang: str = DEFAULT_LANG, region: str = "CN"
               ) -> list[CardResult | CardError]:
    """Cards in a BGR (or greyscale) image: each is cut out, turned upright and read."""
    name = os.path.basename(file) or "image"
    try:
        engine.check_lang(lang)
    except engine.OcrUnavailable as exc:
        return [CardError(file, f"{name}: {exc}")]
    if image is None or image.size == 0:
        return [CardError(file, f"{name}: the image is empty.")]
    if image.ndim == 2:
        image = np.stack([image] * 3, axis=2)
    elif image.shape[2] == 4:
        image = image[:, :, :3]
    image = np.ascontiguousarray(image[:, :, :3], dtype=np.uint8)
    image, _ = im.downscale(image, im.SCAN_SIDE)
    t0 = time.perf_counter()
    quads = im.find_cards(image)
    crops = [_straighten(im.warp(image, q)) for q in quads] if quads else [_whole(image)]
    out: list[CardResult | CardError] = []
    for index, crop in enumerate(crops):
        t = time.perf_counter()
        res = _read_card(crop, file, index, lang, region)
        if isinstance(res, CardResult):
            res.seconds = round(time.perf_counter() - t + (t - t0) / len(crops), 3)
        elif len(crops) > 1:
            res.error = f"{name}, card {index + 1} of {len(crops)}: {res.error}"
        else:
            res.error = f"{name}: {res.error}"
        out.append(res)
    if len(crops) > 1 and not any(isinstance(r, CardResult) for r in out):
        # the "cards" were probably not cards: read the whole image once more
        res = _read_card(_whole(image), file, 0, lang, region)
        if isinstance(res, CardResult):
            return [res]
    return out


def _straighten(card: np.ndarray) -> np.ndarray:
    """A card outline found a little off (its shadow, a bent corner) leaves the text lines
    tilted by a degree or two; turned level, each line reads as one line."""
    return im.rotate_small(card, im.deskew_angle(np.asarray(card.mean(axis=2), np.uint8)))


def _whole(image: np.ndarray) -> np.ndarray:
    """No card outline found (a white card on a light desk): the image, straightened, cut down
    to where the text is, so the text keeps the size it would have on a found card."""
    big, _ = im.downscale(image, 2 * im.CARD_WIDTH)
    gray = np.asarray(big.mean(axis=2), dtype=np.uint8)
    big = im.rotate_small(big, im.deskew_angle(gray))
    box = im.text_box(big)
    if box is not None:
        x, y, w, h = box
        big = big[y:y + h, x:x + w]
    small, _ = im.downscale(big, im.CARD_WIDTH)
    return small


def _pair_scores(bw: np.ndarray, pair: tuple[int, int], lang: str) -> dict[int, float]:
    """One Tesseract call for two rotations: both copies stacked in one image, words counted by
    the half they fall in (one process start and one model load instead of two)."""
    a, b = im.rotate(bw, pair[0]), im.rotate(bw, pair[1])
    gap = 40
    sheet = np.full((a.shape[0] * 2 + gap, a.shape[1]), 255, np.uint8)
    sheet[:a.shape[0]] = a
    sheet[a.shape[0] + gap:] = b
    words = engine.ocr_words(sheet, lang, psm=PSM)
    mid = a.shape[0] + gap / 2
    top = [w for w in words if w[3].box.y + w[3].box.h / 2 < mid]
    bottom = [w for w in words if w[3].box.y + w[3].box.h / 2 >= mid]
    return {pair[0]: engine.score(top), pair[1]: engine.score(bottom)}


def _orientation(card: np.ndarray, lang: str) -> int:
    """0/90/180/270. Tesseract's OSD (--psm 0) fails on the sparse text of many cards, so a small
    copy is read at the likely rotations (landscape: 0/180, portrait: 90/270, the other pair when
    neither is readable) with English only (fast; digits, e-mails and Latin letters are on almost
    every card), and the languages asked for when that is not decisive."""
    small, _ = im.downscale(card, ORIENT_SIDE)
    bw = im.clean(small)
    h, w = bw.shape[:2]
    pairs = [(90, 270), (0, 180)] if h > w * 1.1 else [(0, 180), (90, 270)]
    quick = "eng" if "eng" in lang.split("+") else lang
    scores: dict[int, float] = {}
    for pair in pairs:
        scores.update(_pair_scores(bw, pair, quick))
        hi, lo = sorted((scores[pair[0]], scores[pair[1]]), reverse=True)
        if hi >= 3 * MIN_SCORE and hi >= 1.5 * lo:
            break
        if quick != lang:
            scores.update(_pair_scores(bw, pair, lang))
            hi, lo = sorted((scores[pair[0]], scores[pair[1]]), reverse=True)
            if hi >= 3 * MIN_SCORE:
                break
    return max(scores, key=scores.get)


def _upright_enough(words: list) -> bool:
    """A first read that is clearly right side up: most characters read with high confidence.
    (Upside-down text reads as low-confidence garbage: measured 0.16 and 0.0 of characters at
    conf >= 0.85 against 1.0 and 0.68 upright.)"""
    chars = sum(len(w[3].text) for w in words)
    if not chars:
        return False
    sure = sum(len(w[3].text) for w in words if w[3].conf >= 0.85)
    return engine.score(words) >= 3 * MIN_SCORE and sure / chars >= 0.45


def _read_card(card: np.ndarray, file: str, index: int, lang: str, region: str
               ) -> CardResult | CardError:
    # most cards are upright after EXIF and the warp: read once, check, turn only if needed;
    # next the other way up (a card put on the scanner upside down); then ask _orientation
    reads: dict[int, list] = {}
    cleans: dict[int, np.ndarray] = {}

    def read(r: int) -> list:
        if r not in reads:
            clean = cleans[r] = im.clean(im.rotate(card, r), binarize=False)
            reads[r] = engine.ocr_lines(clean, lang, psm=PSM, extra_boxes=im.line_boxes(clean))
        return reads[r]

    rotation = 0
    if not _upright_enough(read(0)):
        h, w = card.shape[:2]
        if w >= h and _upright_enough(read(180)):
            rotation = 180
        else:
            read(_orientation(card, lang))
            # the orientation check reads a small copy in English first: on a Chinese card its
            # pick can read worse than the first read; the best full read wins
            rotation = max(reads, key=lambda r: engine.score(reads[r]))
    words = read(rotation)
    upright = im.rotate(card, rotation)
    if engine.score(words) < MIN_SCORE:
        return CardError(file, "no text found on the card; photograph it flat, in good "
                               "light and in focus, and scan it again.")
    lines = engine.group_lines(words)
    if "eng" in lang.split("+") and parse.looks_german("\n".join(ln.text for ln in lines)):
        lines = _german_umlauts(lines, cleans[rotation])
    fields = parse_lines(lines, region)
    if not fields.get("name"):
        # Tesseract skips very large short lines (a big two-character name); read a smaller copy
        # and add the lines the first read did not have
        extra = _missing_lines(im.clean(upright, binarize=False), lines, lang)
        if extra:
            more = engine.order_lines(lines + extra)
            fields2 = parse_lines(more, region)
            if fields2.get("name"):
                lines, fields = more, fields2
    _check_company(fields, cleans[rotation], lang)
    text = "\n".join(ln.text for ln in lines)
    return CardResult(file=file, index=index, image_png=im.png(im.enhance(upright)), fields=fields,
                      text=text, rotation=rotation)


def _german_umlauts(lines: list[Line], clean: np.ndarray) -> list[Line]:
    """On a German card the Latin lines (names, streets, towns) are read again with `deu` (when
    installed): `eng` has no umlauts (Sölzer read Solzer, Lübeck Liibeck). A word is replaced
    only by the same word with umlauts or ß (parse.umlaut_word)."""
    out = []
    for ln in lines:
        boxes = [w.box for w in ln.words if w.box is not None]
        if not boxes or parse.has_cjk(ln.text) or "@" in ln.text or "www" in ln.text.lower() \
                or not re.search(r"[A-Za-z]{3}", ln.text) or not re.search(r"[aouAOUéi]", ln.text):
            out.append(ln)
            continue
        deu = engine.read_line(clean, tuple(Box.around(boxes).to_json()), "deu")
        if deu is None:
            return lines  # no German model installed
        changed = False
        words = []
        for w in ln.words:
            new = w
            for d in deu:
                if d.box is not None and w.box is not None and _x_overlap(w.box, d.box) >= 0.6 \
                        and parse.umlaut_word(w.text, d.text):
                    new = Word(d.text, min(w.conf, d.conf), w.box)
                    changed = True
                    break
            words.append(new)
        out.append(Line.build(words, ln.top) if changed else ln)
    return out


def _x_overlap(a: Box, b: Box) -> float:
    inter = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    return max(0, inter) / max(1, min(a.w, b.w))


def _check_company(fields: dict, clean: np.ndarray, lang: str) -> None:
    """A Chinese company name the card spells otherwise (hongda.com beside 宏法, 'Guangzhou'
    beside 厂州): its line is read again, Chinese only, allowed at the doubtful place only the
    characters with the card's pinyin; taken when that read is the name with just that
    character changed (this model reads 达 as 法 with 99 % confidence)."""
    fixes = pinyin_checks.company_pinyin_fixes(fields)
    cjk = "+".join(x for x in lang.split("+") if x.startswith("chi"))
    if not fixes or not cjk:
        return
    best = next(v for v in fields["company"] if parse.has_cjk(v.value))
    if not best.boxes:
        return
    box = tuple(Box.around(best.boxes).to_json())
    name = best.value
    for k, syllable in fixes:
        allowed = pinyin_checks.chars_for_pinyin(syllable)
        whitelist = "".join(sorted((set(name) - {name[k]}) | allowed))
        for text in engine.read_line_restricted(clean, box, cjk, whitelist):
            text = re.sub(r"\s+", "", text)
            if len(text) == len(name) and text[k] in allowed and \
                    text[:k] + text[k + 1:] == name[:k] + name[k + 1:]:
                name = text
                break
    if name != best.value:
        best.value = name
        best.confidence = round(best.confidence * 0.9, 3)


SMALL_READ = 0.55  # scale of the second read that finds big text


def _missing_lines(clean: np.ndarray, lines: list, lang: str) -> list:
    small = cv2.resize(clean, None, fx=SMALL_READ, fy=SMALL_READ, interpolation=cv2.INTER_AREA)
    words = engine.ocr_words(small, lang, psm=PSM)
    scaled = []
    for b, p, n, w in words:
        box = w.box
        w.box = Box(round(box.x / SMALL_READ), round(box.y / SMALL_READ),
                    round(box.w / SMALL_READ), round(box.h / SMALL_READ))
        scaled.append((b, p, n, w))
    spans = [(min(w.box.y for w in ln.words if w.box), max(w.box.y + w.box.h for w in ln.words
                                                          if w.box)) for ln in lines]
    out = []
    for ln in engine.group_lines(scaled):
        boxes = [w.box for w in ln.words if w.box]
        mid = sum(b.y + b.h / 2 for b in boxes) / len(boxes)
        if not any(a <= mid <= z for a, z in spans):
            out.append(ln)
    return out


# -- batches ---------------------------------------------------------------------------------

def expand_paths(paths: Iterable[str | os.PathLike]) -> list[str]:
    """Files as given; folders walked (sorted) for image files."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(str(f) for f in sorted(path.rglob("*"))
                       if f.is_file() and f.suffix.lower() in IMAGE_SUFFIXES)
        else:
            out.append(str(path))
    return out


def _scan_one(path: str, lang: str, region: str) -> list[CardResult | CardError]:
    try:
        return scan_file(path, lang, region)
    except Exception as exc:  # noqa: BLE001 - one bad file never stops a batch
        return [CardError(path, f"{os.path.basename(path)}: could not be read ({exc!r}); "
                                "try another photo of the card.")]


def scan_files(paths: Iterable[str | os.PathLike], lang: str = DEFAULT_LANG, region: str = "CN",
               workers: int = 2, cancel: threading.Event | None = None
               ) -> Iterator[CardResult | CardError]:
    """Scan files (folders are walked) in `workers` processes, one file per task, yielding the
    cards in input order as soon as each is ready. Safe from a Qt worker thread (processes are
    spawned, never forked). Setting `cancel` stops after the current results; pending files
    are dropped."""
    files = expand_paths(paths)
    if workers <= 1 or len(files) <= 1:
        for f in files:
            if cancel is not None and cancel.is_set():
                return
            yield from _scan_one(f, lang, region)
        return
    ctx = multiprocessing.get_context("spawn")
    pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
    pending: deque[tuple[str, cf.Future]] = deque()
    todo = iter(files)

    def submit(path: str) -> None:
        pending.append((path, pool.submit(_scan_one, path, lang, region)))

    retried: set[str] = set()
    try:
        for f in todo:
            submit(f)
            if len(pending) >= workers * 2:
                break
        while pending:
            path, fut = pending[0]
            try:
                results = fut.result(timeout=0.2)
            except cf.TimeoutError:
                if cancel is not None and cancel.is_set():
                    return
                continue
            except BrokenProcessPool:
                # a worker died (out of memory on a monster image ...): fresh workers; every
                # unfinished file is tried again, a file that breaks them twice is reported
                again = [p for p, _ in pending]
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
                if path in retried:
                    again.pop(0)
                    results = [CardError(path, f"{os.path.basename(path)}: reading this image "
                                               "stopped the OCR worker; try a smaller photo.")]
                else:
                    retried.add(path)
                    results = None
                for p in again:
                    submit(p)
                if results is None:
                    continue
            else:
                pending.popleft()
            if cancel is not None and cancel.is_set():
                return
            nxt = next(todo, None)
            if nxt is not None:
                submit(nxt)
            yield from results
    finally:
        for _, fut in pending:
            fut.cancel()
        if pending:
            # cancelled: stop the cards being read now rather than let them use the CPU
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
