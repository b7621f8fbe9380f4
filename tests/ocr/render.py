"""Render business cards and "photograph" them, for the pipeline tests (Pillow + OpenCV)."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

LATIN = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LATIN_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"

EN_CARD = [
    ("Jane Doe", 56, True),
    ("Senior Sales Manager", 32, False),
    ("ACME Widgets Inc.", 36, True),
    ("1600 Harbor Road, Suite 200", 28, False),
    ("Springfield, IL 62704", 28, False),
    ("Tel +1 217 555 0123", 28, False),
    ("Mobile +1 217 555 0199", 28, False),
    ("jane.doe@acmewidgets.com", 28, False),
]
CN_CARD = [
    ("陈静", 60, True),
    ("采购总监", 34, False),
    ("上海汽车集团股份有限公司", 38, True),
    ("地址：上海市静安区威海路489号", 28, False),
    ("电话：021 2201 1888", 28, False),
    ("手机：139 1111 2222", 28, False),
    ("chen.jing@saicmotor.com", 28, False),
]


def _font(text: str, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    cjk = any("\u4e00" <= c <= "\u9fff" for c in text)
    if cjk:
        return ImageFont.truetype(CJK_BOLD if bold else CJK, size)
    return ImageFont.truetype(LATIN_BOLD if bold else LATIN, size)


def card(lines=EN_CARD, size=(1050, 600), bg=(250, 248, 240)) -> Image.Image:
    img = Image.new("RGB", size, bg)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, size[0], 14], fill=(30, 80, 160))  # a colour band, like a logo strip
    y = 45
    for text, fs, bold in lines:
        d.text((60, y), text, font=_font(text, fs, bold), fill=(20, 20, 30))
        y += int(fs * 1.45)
    return img


def desk(size=(1600, 1200), seed=0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    base = np.zeros((size[1], size[0], 3), np.uint8)
    base[:] = (40, 70, 110)  # brown wood (BGR)
    noise = rng.normal(0, 12, (size[1], size[0], 1))
    grain = (np.sin(np.linspace(0, 60, size[0]))[None, :, None] * 8)
    return np.clip(base + noise + grain, 0, 255).astype(np.uint8)


def photograph(cards: list[Image.Image], size=(1600, 1200), angle=8.0, seed=0,
               upside_down=False, places=None) -> np.ndarray:
    """Cards lying on a desk, rotated and in perspective, as a BGR array."""
    out = desk(size, seed)
    W, H = size
    places = places or [(W / 2, H / 2)]
    for i, c in enumerate(cards):
        src = cv2.cvtColor(np.asarray(c), cv2.COLOR_RGB2BGR)
        if upside_down:
            src = cv2.rotate(src, cv2.ROTATE_180)
        h, w = src.shape[:2]
        cx, cy = places[i]
        scale = min(0.8 * W / len(cards) / w, 0.75 * H / h) if len(places) == 1 else 0.55 * W / 2 / w
        a = np.deg2rad(angle + i * 5)
        pts = []
        for (x, y) in [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]:
            x, y = x * scale, y * scale
            pts.append((cx + x * np.cos(a) - y * np.sin(a), cy + x * np.sin(a) + y * np.cos(a)))
        pts = np.float32(pts)
        pts[0] += (12, 8)  # a little perspective
        pts[1] += (-10, 6)
        m = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), pts)
        warped = cv2.warpPerspective(src, m, (W, H))
        mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), m, (W, H))
        out[mask > 0] = warped[mask > 0]
    # uneven light: a soft shadow across the photo
    shade = np.linspace(1.0, 0.8, W)[None, :, None]
    return np.clip(out * shade, 0, 255).astype(np.uint8)


def save(img: np.ndarray, path, quality=90) -> None:
    cv2.imwrite(str(path), img, [cv2.IMWRITE_JPEG_QUALITY, quality])


def band_card() -> Image.Image:
    """The company name in white on a dark blue band (same grey as a brown desk)."""
    img = Image.new("RGB", (1050, 600), (250, 248, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 1050, 130], fill=(30, 60, 120))
    white, ink = (255, 255, 255), (20, 20, 30)
    for x, y, text, fs, bold, col in [
            (60, 40, "Northwind Trading Pty Ltd", 44, True, white),
            (60, 170, "Robert O'Neil", 48, True, ink), (60, 235, "Purchasing Director", 28, False, ink),
            (60, 330, "PO Box 1234, Sydney NSW 2001", 24, False, ink),
            (60, 370, "Ph: (02) 9876 5432  Mob: 0412 345 678", 24, False, ink),
            (60, 410, "robert@northwind.com.au", 24, False, ink)]:
        d.text((x, y), text, font=_font(text, fs, bold), fill=col)
    return img
