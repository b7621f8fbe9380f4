"""Quick speed check of the card pipeline from 12-megapixel phone photos (not a test; the full
accuracy/speed bench is bench/cards/). Prints JSON.

    nice .venv/bin/python -m tests.ocr.speed [N]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time

import cv2
import numpy as np

from ocr.pipeline import scan_file, scan_files
from ocr.types import CardResult
from tests.ocr import render


def main(n: int = 6) -> None:
    d = tempfile.mkdtemp()
    paths = []
    for i in range(n):
        lines = render.CN_CARD if i % 2 else render.EN_CARD
        img = render.photograph([render.card(lines)], size=(4000, 3000), angle=(-7, 4, 9)[i % 3],
                                seed=i, upside_down=(i % 6 == 5))
        img = cv2.GaussianBlur(img, (3, 3), 0)
        noise = np.random.default_rng(i).normal(0, 4, img.shape)
        img = np.clip(img + noise, 0, 255).astype(np.uint8)
        p = os.path.join(d, f"card{i}.jpg")
        cv2.imwrite(p, img, [cv2.IMWRITE_JPEG_QUALITY, 88])
        paths.append(p)
    per_card = []
    ok = 0
    for p in paths:
        t = time.perf_counter()
        res = scan_file(p)
        per_card.append(time.perf_counter() - t)
        ok += sum(isinstance(r, CardResult) and bool(r.value("name")) for r in res)
    t = time.perf_counter()
    batch = list(scan_files(paths * 2, workers=2))
    batch_s = time.perf_counter() - t
    print(json.dumps({
        "photo": "4000x3000 JPEG (12 MP), card on a desk, rotated, perspective, noise",
        "cards": n, "cards_with_name": ok,
        "seconds_per_card_median": round(statistics.median(per_card), 3),
        "seconds_per_card": [round(x, 3) for x in per_card],
        "batch_cards": len(batch), "batch_seconds_incl_process_start": round(batch_s, 2),
        "batch_cards_per_second": round(len(batch) / batch_s, 2),
        "load_average": os.getloadavg()[0],
    }, indent=1))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 6)
