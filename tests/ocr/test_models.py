"""Which tessdata folder the engine reads: the downloaded Chinese model (`make setup`) when it is
there, SATCHEL_TESSDATA over it, the system's models when a folder lacks a language."""

import os

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr import engine
from tests.ocr import render

SYSTEM = next((d for d in engine.TESSDATA_DIRS
               if os.path.exists(os.path.join(d, "chi_sim.traineddata"))), None)
pytestmark = pytest.mark.skipif(SYSTEM is None, reason="no system tessdata with chi_sim")


def _folder(path, langs=("eng", "chi_sim")):
    """A tessdata folder of links to the system's models (real files Tesseract can load)."""
    path.mkdir()
    for x in langs:
        os.symlink(os.path.join(SYSTEM, f"{x}.traineddata"), path / f"{x}.traineddata")
    return str(path)


@pytest.fixture
def clean_env(monkeypatch):
    monkeypatch.delenv("SATCHEL_TESSDATA", raising=False)
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    return monkeypatch


def test_the_downloaded_models_win_over_the_systems(clean_env, tmp_path):
    clean_env.setattr(engine, "MODEL_DIR", _folder(tmp_path / "models"))
    assert engine.tessdata_dir("eng+chi_sim") == str(tmp_path / "models")


def test_a_folder_missing_a_language_falls_back_to_the_system(clean_env, tmp_path):
    clean_env.setattr(engine, "MODEL_DIR", _folder(tmp_path / "models", ("chi_sim",)))
    assert engine.tessdata_dir("chi_sim") == str(tmp_path / "models")
    assert engine.tessdata_dir("eng+chi_sim") == SYSTEM
    clean_env.setattr(engine, "MODEL_DIR", str(tmp_path / "not-downloaded"))
    assert engine.tessdata_dir("eng+chi_sim") == SYSTEM
    assert engine.tessdata_dir("eng+xyz") is None


def test_satchel_tessdata_overrides(clean_env, tmp_path):
    clean_env.setattr(engine, "MODEL_DIR", _folder(tmp_path / "models"))
    clean_env.setenv("SATCHEL_TESSDATA", _folder(tmp_path / "mine"))
    assert engine.tessdata_dir("eng+chi_sim") == str(tmp_path / "mine")
    assert str(tmp_path / "mine") in engine.describe()
    clean_env.setenv("SATCHEL_TESSDATA", _folder(tmp_path / "half", ("eng",)))
    assert engine.tessdata_dir("eng+chi_sim") == str(tmp_path / "models")


@pytest.mark.skipif(engine.tessdata_dir("chi_sim") != engine.MODEL_DIR,
                    reason="the Chinese model is not downloaded (`make setup`, offline?) or "
                           "SATCHEL_TESSDATA points elsewhere")
def test_the_downloaded_model_reads_what_debians_drops():
    """Debian's chi_sim reads 鼎 as 见/易 and 邺 as 籽/邮 in these lines; tessdata 4.0.0 does not."""
    font = ImageFont.truetype(render.CJK, 36)
    for text in ("南京鼎盛电子股份有限公司", "南京市建邺区科技园南路157号"):
        img = Image.new("L", (900, 60), 255)
        ImageDraw.Draw(img).text((10, 8), text, font=font, fill=0)
        words = engine.ocr_words(np.array(img), "chi_sim", psm=7)
        assert "".join(w.text for *_, w in words) == text


def test_a_company_name_beside_a_logo_reads(tmp_path):
    """Benchmark card (seed 2, no. 65): a triangle logo left of the company name on a dark card.
    Tesseract's line holds the logo; scaled to its height the name was too small for the npm
    model ("血"), so the text-only box is read too."""
    import cv2

    from bench.cards.generate import content, jpeg_quality, photograph, render
    from ocr.pipeline import scan_file

    c = content(200_065)
    path = tmp_path / "logo.jpg"
    cv2.imwrite(str(path), photograph(render(c, 200_065), 200_065),
                [cv2.IMWRITE_JPEG_QUALITY, jpeg_quality(200_065)])
    [card] = scan_file(path)
    assert card.fields["company"][0].value == c.labels.company
