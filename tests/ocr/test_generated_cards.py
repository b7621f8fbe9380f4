"""The whole pipeline on seeded cards from the benchmark's generator (bench/cards/generate.py):
rendered in its fonts and layouts, photographed on a desk (rotation, perspective, shadow, blur,
noise, JPEG), then every labelled field must come out exactly (after the benchmark's own
normalization). English, Chinese and bilingual cards."""

import cv2
import pytest

from bench.cards.generate import content, jpeg_quality, photograph, render
from bench.cards.run import predicted, score_card
from ocr.pipeline import scan_file
from ocr.types import CardResult

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# seeds of the benchmark's first set (seed 1): two English (US two-column with a logo; UK),
# one Chinese, one bilingual card
SEEDS = [100_008, 100_011, 100_009, 100_022]


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    d = tmp_path_factory.mktemp("generated")
    out = []
    for seed in SEEDS:
        c = content(seed)
        # 2000x1500: what the loader decodes a 12 MP phone JPEG to (keeps the test fast)
        img = photograph(render(c, seed), seed, size=(2000, 1500))
        path = d / f"{seed}.jpg"
        cv2.imwrite(str(path), img, [cv2.IMWRITE_JPEG_QUALITY, jpeg_quality(seed)])
        out.append((path, c.labels))
    return out


@pytest.mark.parametrize("i", range(len(SEEDS)))
def test_generated_photographed_card_reads_exactly(photos, i):
    path, labels = photos[i]
    [card] = scan_file(path)
    assert isinstance(card, CardResult), card
    label = labels.__dict__
    got = predicted(card.to_json()["fields"])
    wrong = {f: (label[f], got[f]) for f, ok in score_card(label, got).items() if ok is False}
    assert not wrong, f"{labels.lang} card {labels.seed}: {wrong}"
