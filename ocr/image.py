"""Image side of the card pipeline: load a file safely, find the card(s), warp, clean up.

Everything returns BGR uint8 numpy arrays (OpenCV convention).
"""

from __future__ import annotations

import logging
import os
import warnings

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

try:  # HEIC/HEIF photos from phones
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is a dependency
    pillow_heif = None

log = logging.getLogger(__name__)

# Decoded pixels we accept. A JPEG of any size is decoded at a reduced scale (draft mode), so a
# 12000x12000 phone photo costs ~2 MP of memory; other formats must fit under this limit.
MAX_PIXELS = 80_000_000
# Pillow's own guard (raises at twice this): a JPEG up to 400 MP still opens (and is decoded in
# draft mode), anything larger is refused before a byte of pixels is decoded.
Image.MAX_IMAGE_PIXELS = 200_000_000
WORK_SIDE = 2000  # long side a phone photo (JPEG) is decoded at: one card fills most of it
SCAN_SIDE = 3200  # long side kept of other images (flatbed pages holding several cards)
CARD_WIDTH = 1100  # long side of the warped card given to Tesseract


class ImageLoadError(Exception):
    """A file that is not a readable image; the message says what to do."""


MAX_PAGES = 20  # pages read from a multi-page TIFF (a stack of flatbed scans)


def load_image(path: str) -> np.ndarray:
    """The first page of an image file; see load_pages."""
    return load_pages(path, max_pages=1)[0]


def load_pages(path: str, max_pages: int = MAX_PAGES) -> list[np.ndarray]:
    """Read an image file (JPEG, PNG, TIFF incl. multi-page, BMP, WebP, HEIC) as BGR pages,
    EXIF orientation applied, downscaled to at most WORK_SIDE (JPEG) or SCAN_SIDE (other
    formats) pixels on the long side. Raises ImageLoadError with a clear message."""
    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise ImageLoadError(f"{name}: cannot read the file ({exc.strerror}); check that it "
                             "exists and that you may read it.") from None
    if size == 0:
        raise ImageLoadError(f"{name}: the file is empty (0 bytes); copy the photo again from "
                             "the camera or scanner.")
    pages: list[np.ndarray] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                fmt = img.format
                n = min(max_pages, getattr(img, "n_frames", 1) or 1)
                for i in range(n):
                    if i:
                        img.seek(i)
                    pages.append(_page(img, fmt, name))
    except ImageLoadError:
        raise
    except Image.DecompressionBombError:
        raise ImageLoadError(f"{name}: the image is too large to open safely; save it at a "
                             "smaller size (under 80 megapixels) and scan it again.") from None
    except UnidentifiedImageError:
        raise ImageLoadError(f"{name}: this is not an image Satchel can read; use a JPEG, PNG, "
                             "TIFF, BMP, WebP or HEIC photo or scan of the card.") from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        # Pillow's own words ('Truncated File Read') tell a rep nothing: they go to the log
        log.info("%s: %s", path, exc)
        raise ImageLoadError(f"{name}: the image is damaged or incomplete; copy it again from "
                             "the camera or scanner.") from None
    return pages


def _page(img: Image.Image, fmt: str | None, name: str) -> np.ndarray:
    w, h = img.size
    if fmt == "JPEG":
        # decode at 1/2..1/8 scale: the largest reduction keeping WORK_SIDE
        f = WORK_SIDE / max(w, h)
        img.draft("RGB", (max(1, int(w * f)), max(1, int(h * f))))
    elif w * h > MAX_PIXELS:
        raise ImageLoadError(
            f"{name}: the image is too large ({w}x{h} pixels); save it at a smaller size "
            "(under 80 megapixels) or as JPEG and scan it again.")
    img.load()
    out = ImageOps.exif_transpose(img) or img
    if out.mode != "RGB":
        out = out.convert("RGB")
    elif out is img:
        out = img.copy()
    side = WORK_SIDE if fmt == "JPEG" else SCAN_SIDE
    out.thumbnail((side, side), Image.Resampling.BILINEAR)
    arr = np.asarray(out)
    if arr.ndim != 3 or arr.shape[0] < 32 or arr.shape[1] < 32:
        raise ImageLoadError(f"{name}: the image is too small to read a card from; use a "
                             "photo or scan of at least 600 pixels across.")
    return cv2.cvtColor(arr, cv2.COLOR_RGB2BGR)


def downscale(img: np.ndarray, side: int) -> tuple[np.ndarray, float]:
    h, w = img.shape[:2]
    scale = min(1.0, side / max(h, w))
    if scale >= 1.0:
        return img, 1.0
    out = cv2.resize(img, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    return out, scale


# -- finding cards -----------------------------------------------------------------------------

def _order(pts: np.ndarray) -> np.ndarray:
    pts = pts.reshape(4, 2).astype(np.float32)
    s = pts.sum(axis=1)
    d = np.diff(pts, axis=1).ravel()
    return np.array([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)],
                     pts[np.argmax(d)]], dtype=np.float32)


def _quad(contour: np.ndarray, min_area: float) -> np.ndarray | None:
    area = cv2.contourArea(contour)
    if area < min_area:
        return None
    peri = cv2.arcLength(contour, True)
    for eps in (0.02, 0.04):
        approx = cv2.approxPolyDP(contour, eps * peri, True)
        if len(approx) == 4 and cv2.isContourConvex(approx):
            return _order(approx)
    rect = cv2.minAreaRect(contour)  # rounded corners, a bent card
    (rw, rh) = rect[1]
    if rw * rh > 0 and area / (rw * rh) > 0.85:
        return _order(cv2.boxPoints(rect))
    return None


def _plausible(q: np.ndarray, img_area: float, shape: tuple[int, ...] | None = None) -> bool:
    w = (np.linalg.norm(q[1] - q[0]) + np.linalg.norm(q[2] - q[3])) / 2
    h = (np.linalg.norm(q[3] - q[0]) + np.linalg.norm(q[2] - q[1])) / 2
    if min(w, h) < 20:
        return False
    ratio = max(w, h) / min(w, h)
    area = cv2.contourArea(q)
    # business cards are 1.5-1.8 : 1 (85x55, 90x54, 89x51, 91x55 mm); seen at an angle a little
    # more or less. A light part of a card with a dark band is wider: refused, so the band is kept
    # (nearly) the whole photo is no card: noise, a vignette or a desk edge
    if not (1.3 <= ratio <= 2.1 and area < 0.85 * img_area):
        return False
    if shape is not None:
        # two corners on the photo's edge: a patch of desk or shadow, not a card lying on it
        h_img, w_img = shape[:2]
        m = 0.015 * max(h_img, w_img)
        on_edge = sum(x < m or y < m or x > w_img - m or y > h_img - m for x, y in q)
        return on_edge < 2
    return True


def _edge_contrast(img: np.ndarray, q: np.ndarray, min_diff: float = 4.0) -> bool:
    """A card lies on something else: just inside its outline the colour differs from just
    outside. A block of text on a card scanned alone has the same paper on both sides."""
    mask = np.zeros(img.shape[:2], np.uint8)
    cv2.fillConvexPoly(mask, q.astype(np.int32), 255)
    k = np.ones((5, 5), np.uint8)
    inner = cv2.erode(mask, k, iterations=1) & ~cv2.erode(mask, k, iterations=3)
    outer = cv2.dilate(mask, k, iterations=3) & ~cv2.dilate(mask, k, iterations=1)
    if not inner.any() or not outer.any():
        return True
    a = np.median(img[inner > 0], axis=0)
    b = np.median(img[outer > 0], axis=0)
    return float(np.abs(a.astype(float) - b).max()) >= min_diff


def find_cards(img: np.ndarray) -> list[np.ndarray]:
    """Quadrilaterals (4x2 float32, in `img` pixels, ordered tl,tr,br,bl) of the cards in the
    image, top-to-bottom/left-to-right. Empty when none stands out (then the whole image is used).
    """
    small, scale = downscale(img, 700)
    gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    gray = cv2.GaussianBlur(gray, (5, 5), 0)
    img_area = float(small.shape[0] * small.shape[1])
    min_area = 0.04 * img_area
    masks = []
    edges = cv2.Canny(gray, 30, 100)
    masks.append(cv2.dilate(edges, np.ones((5, 5), np.uint8), iterations=2))
    # colour edges: a dark blue card on a brown desk is the same grey, not the same colour
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    colour = np.max([cv2.Canny(blurred[:, :, i], 30, 100) for i in range(3)], axis=0)
    masks.append(cv2.dilate(colour, np.ones((5, 5), np.uint8), iterations=2))
    for chan in (gray, *cv2.split(cv2.GaussianBlur(small, (5, 5), 0))):
        lo, hi = np.percentile(chan, [1, 95])  # text is a few per cent of the pixels
        if hi - lo >= 100:
            continue
        # a dark card on a dark desk (navy on black: the same grey, a little bluer): the edge
        # is a few levels of one channel; stretched, the card stands out
        k = 255.0 / max(hi - lo, 1)
        st = cv2.GaussianBlur(cv2.convertScaleAbs(chan, alpha=k, beta=-lo * k), (9, 9), 0)
        masks.append(cv2.dilate(cv2.Canny(st, 40, 120), np.ones((5, 5), np.uint8), iterations=2))
        _, sotsu = cv2.threshold(st, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        for m in (sotsu, 255 - sotsu):
            m = cv2.morphologyEx(m, cv2.MORPH_OPEN, np.ones((7, 7), np.uint8))
            masks.append(cv2.morphologyEx(m, cv2.MORPH_CLOSE, np.ones((25, 25), np.uint8)))
    _, otsu = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    kernel = np.ones((9, 9), np.uint8)
    masks.append(cv2.morphologyEx(otsu, cv2.MORPH_CLOSE, kernel))
    masks.append(cv2.morphologyEx(255 - otsu, cv2.MORPH_CLOSE, kernel))
    best: list[np.ndarray] = []
    for mask in masks:
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        quads = []
        for c in sorted(contours, key=cv2.contourArea, reverse=True)[:8]:
            q = _quad(c, min_area)
            if q is not None and _plausible(q, img_area, small.shape) and _edge_contrast(small, q):
                quads.append(q)
        if quads:
            top = max(cv2.contourArea(q) for q in quads)
            quads = [q for q in quads if cv2.contourArea(q) >= 0.35 * top]
            # a mask that finds more cards of similar size wins; else the larger area
            if not best or (len(quads), sum(map(cv2.contourArea, quads))) > (
                    len(best), sum(map(cv2.contourArea, best))):
                best = quads
    best = _drop_nested(best)
    best.sort(key=lambda q: (round(q[:, 1].min() / (small.shape[0] / 4)), q[:, 0].min()))
    return [q / scale for q in best]


def _drop_nested(quads: list[np.ndarray]) -> list[np.ndarray]:
    out: list[np.ndarray] = []
    for q in sorted(quads, key=cv2.contourArea, reverse=True):
        cx, cy = q.mean(axis=0)
        if any(cv2.pointPolygonTest(o.reshape(-1, 1, 2), (float(cx), float(cy)), False) >= 0
               for o in out):
            continue
        out.append(q)
    return out


def warp(img: np.ndarray, quad: np.ndarray, side: int = CARD_WIDTH) -> np.ndarray:
    tl, tr, br, bl = quad
    w = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    h = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    scale = side / max(w, h)
    W, H = max(1, int(round(w * scale))), max(1, int(round(h * scale)))
    dst = np.array([[0, 0], [W - 1, 0], [W - 1, H - 1], [0, H - 1]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(quad.astype(np.float32), dst)
    return cv2.warpPerspective(img, m, (W, H), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)


def rotate(img: np.ndarray, degrees: int) -> np.ndarray:
    """Turn clockwise by 0/90/180/270 degrees."""
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
             270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return img if degrees % 360 == 0 else cv2.rotate(img, codes[degrees % 360])


# -- clean-up ---------------------------------------------------------------------------------

def deskew_angle(gray: np.ndarray) -> float:
    """Small skew (degrees, -15..15) from the dominant direction of text lines."""
    small, _ = downscale(gray, 800)
    bw = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                               25, 15)
    bw = cv2.morphologyEx(bw, cv2.MORPH_CLOSE, np.ones((3, 25), np.uint8))
    contours, _ = cv2.findContours(bw, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    angles, weights = [], []
    for c in contours:
        (cx, cy), (w, h), a = cv2.minAreaRect(c)
        if w < h:
            w, h, a = h, w, a - 90
        if w < 40 or w < 3 * h:
            continue
        a = (a + 90) % 180 - 90
        if abs(a) <= 15:
            angles.append(a)
            weights.append(w)
    if len(angles) < 2:
        return 0.0
    order = np.argsort(angles)
    cum = np.cumsum(np.array(weights)[order])
    return float(np.array(angles)[order][np.searchsorted(cum, cum[-1] / 2)])


def text_box(img: np.ndarray) -> tuple[int, int, int, int] | None:
    """(x, y, w, h) around the text in the image with a margin, or None when that is most of
    the image. Text: small dark-on-light or light-on-dark marks, joined into words."""
    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY) if img.ndim == 3 else img
    small, scale = downscale(gray, 800)
    marks = np.zeros_like(small)
    for mode in (cv2.THRESH_BINARY_INV, cv2.THRESH_BINARY):
        marks |= cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, mode, 21, 18)
    words = cv2.morphologyEx(marks, cv2.MORPH_CLOSE, np.ones((3, 9), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(words)
    sh, sw = small.shape
    keep = [i for i in range(1, n) if 6 <= stats[i, cv2.CC_STAT_HEIGHT] <= sh * 0.15
            and stats[i, cv2.CC_STAT_WIDTH] >= 8 and stats[i, cv2.CC_STAT_AREA] >= 30]
    if len(keep) < 3:
        return None
    xs = np.concatenate([[stats[i, 0], stats[i, 0] + stats[i, 2]] for i in keep])
    ys = np.concatenate([[stats[i, 1], stats[i, 1] + stats[i, 3]] for i in keep])
    # the middle 96% of the marks: a speck in a corner does not stretch the box
    x0, x1 = np.percentile(xs, [2, 98])
    y0, y1 = np.percentile(ys, [2, 98])
    m = 0.06 * max(x1 - x0, y1 - y0)
    x0, y0 = max(0, x0 - m), max(0, y0 - m)
    x1, y1 = min(sw, x1 + m), min(sh, y1 + m)
    if (x1 - x0) * (y1 - y0) > 0.7 * sw * sh:
        return None
    return (int(x0 / scale), int(y0 / scale), int((x1 - x0) / scale), int((y1 - y0) / scale))


def line_boxes(clean: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Text lines (x, y, w, h) of a cleaned card (dark text on white): dark marks joined
    sideways into words and lines. Used beside Tesseract's layout, which misses a line next to a
    logo."""
    _, bw = cv2.threshold(clean, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    h, w = bw.shape
    k = max(9, w // 60)
    joined = cv2.morphologyEx(bw, cv2.MORPH_CLOSE, np.ones((1, k), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined)
    out = []
    for i in range(1, n):
        x, y, bw_, bh, area = stats[i]
        if 10 <= bh <= 0.2 * h and bw_ >= 1.5 * bh and area >= 0.2 * bw_ * bh \
                and x > 0.01 * w and y > 0.01 * h and x + bw_ < 0.99 * w:
            out.append((int(x), int(y), int(bw_), int(bh)))
    return out


def rotate_small(img: np.ndarray, angle: float) -> np.ndarray:
    if abs(angle) < 0.5:
        return img
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REPLICATE)


def clean(card: np.ndarray, binarize: bool = True) -> np.ndarray:
    """Colour card -> clean grey/binary image for Tesseract: the light falling across the card
    (shadows, a colour background) is divided out, contrast stretched, noise smoothed, then
    Otsu-binarized; the card's own edge is whitened so it is not read as a letter."""
    gray = cv2.cvtColor(card, cv2.COLOR_BGR2GRAY) if card.ndim == 3 else card
    h, w = gray.shape[:2]
    k = max(15, (min(h, w) // 12) | 1)
    small = cv2.resize(gray, (max(1, w // 4), max(1, h // 4)), interpolation=cv2.INTER_AREA)
    # coloured ink (an orange company name) is light in plain grey but dark in its weakest
    # channel; light or gold text on a dark card is brightest in its strongest channel
    lo = card.min(axis=2) if card.ndim == 3 else gray
    hi = card.max(axis=2) if card.ndim == 3 else gray
    # light text on a dark band or a dark card: turn those regions into dark-on-light
    level = cv2.medianBlur(small, min(k // 2 | 1, 99))
    dark = (level < 110).astype(np.uint8)
    # only large dark areas (a band, the whole card), never a bold black name next to a thin
    # coloured stripe
    dark = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((k // 3 | 1, k // 3 | 1), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(dark)
    for i in range(1, n):
        if stats[i, cv2.CC_STAT_AREA] < 0.03 * dark.size:
            dark[labels == i] = 0
    dark = dark > 0
    mask = cv2.resize(dark.astype(np.uint8), (w, h), interpolation=cv2.INTER_NEAREST) > 0
    gray = np.where(mask, 255 - hi, lo).astype(np.uint8)
    small = cv2.resize(gray, (max(1, w // 4), max(1, h // 4)), interpolation=cv2.INTER_AREA)
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, np.ones((k // 4 | 1, k // 4 | 1), np.uint8))
    bg = cv2.resize(cv2.medianBlur(bg, 5), (w, h), interpolation=cv2.INTER_LINEAR)
    norm = cv2.divide(gray, np.maximum(bg, 1), scale=255)
    norm = cv2.normalize(norm, None, 0, 255, cv2.NORM_MINMAX)
    norm = cv2.GaussianBlur(norm, (3, 3), 0)
    m = max(2, int(0.012 * min(h, w)))
    norm[:m, :] = 255
    norm[-m:, :] = 255
    norm[:, :m] = 255
    norm[:, -m:] = 255
    if not binarize:
        return norm
    _, bw = cv2.threshold(norm, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return bw


def enhance(card: np.ndarray) -> np.ndarray:
    """The colour card image kept with the contact: local contrast evened out (CLAHE on the
    lightness), colours untouched."""
    lab = cv2.cvtColor(card, cv2.COLOR_BGR2LAB)
    lab[:, :, 0] = cv2.createCLAHE(clipLimit=1.5, tileGridSize=(8, 8)).apply(lab[:, :, 0])
    return cv2.cvtColor(lab, cv2.COLOR_LAB2BGR)


def png(img: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".png", img, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    return buf.tobytes() if ok else b""
