"""The card pipeline on images rendered here and "photographed" (desk, rotation, perspective,
shadow), with real Tesseract. Images are rendered once per module."""

import threading

import cv2
import numpy as np
import pytest
from PIL import Image

from ocr import image as im
from ocr.pipeline import scan_file, scan_files, scan_image
from ocr.types import CardError, CardResult
from tests.ocr import render

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("cards")
    out = {}
    out["en"] = d / "en.jpg"
    render.save(render.photograph([render.card()], angle=8), out["en"])
    out["upside"] = d / "upside.png"
    cv2.imwrite(str(out["upside"]), render.photograph([render.card(render.CN_CARD)], angle=-5,
                                                      upside_down=True))
    out["two"] = d / "two.png"  # a flatbed page
    cv2.imwrite(str(out["two"]), render.photograph(
        [render.card(), render.card(render.CN_CARD)], size=(2400, 1300), angle=4,
        places=[(620, 650), (1780, 650)]))
    out["heic"] = d / "phone.heic"
    rgb = cv2.cvtColor(render.photograph([render.card()], angle=-3), cv2.COLOR_BGR2RGB)
    Image.fromarray(rgb).save(out["heic"])
    return out


@pytest.fixture(scope="module")
def en_result(files):
    return scan_file(files["en"])


def test_photographed_english_card(en_result, files):
    assert len(en_result) == 1
    card = en_result[0]
    assert isinstance(card, CardResult), card
    assert card.file == str(files["en"]) and card.index == 0 and card.rotation == 0
    assert card.value("name") == "Jane Doe"
    assert card.value("company") == "ACME Widgets Inc."
    assert card.value("title") == "Senior Sales Manager"
    assert [v.value for v in card.fields["emails"]] == ["jane.doe@acmewidgets.com"]
    assert [(v.value, v.kind) for v in card.fields["phones"]] == [
        ("+1 217-555-0123", "work"), ("+1 217-555-0199", "mobile")]
    assert "Harbor Road" in card.value("address")


def test_card_image_is_the_cut_out_and_boxes_lie_on_it(en_result):
    card = en_result[0]
    img = cv2.imdecode(np.frombuffer(card.image_png, np.uint8), cv2.IMREAD_COLOR)
    h, w = img.shape[:2]
    assert w > h and 1.5 < w / h < 2.0  # the card (1050x600), not the 4:3 desk photo
    assert np.median(img[h // 3: 2 * h // 3, w // 2:]) > 180  # light card, no brown desk
    name = card.best("name")
    assert name.boxes and 0 < name.confidence <= 1
    for b in name.boxes:
        assert b.x >= 0 and b.x + b.w <= w and b.y >= 0 and b.y + b.h <= h
    # the name is the big line at the top left of the card
    assert max(b.y for b in name.boxes) < h / 4 and min(b.x for b in name.boxes) < w / 4
    assert card.confidence("name") > 0.6 and card.confidence("emails") > 0.6


def test_upside_down_chinese_card_is_turned(files):
    [card] = scan_file(files["upside"])
    assert isinstance(card, CardResult), card
    assert card.rotation == 180
    assert card.value("name") == "陈静"
    assert card.value("company") == "上海汽车集团股份有限公司"
    assert "139 1111 2222" in [v.value for v in card.fields["phones"]]


def test_two_cards_on_one_page(files):
    results = scan_file(files["two"])
    assert [type(r) for r in results] == [CardResult, CardResult]
    assert [r.index for r in results] == [0, 1]
    assert results[0].value("name") == "Jane Doe"
    assert results[1].value("company") == "上海汽车集团股份有限公司"
    assert [v.value for v in results[1].fields["emails"]] == ["chen.jing@saicmotor.com"]


def test_heic_from_a_phone(files):
    [card] = scan_file(files["heic"])
    assert isinstance(card, CardResult), card
    assert [v.value for v in card.fields["emails"]] == ["jane.doe@acmewidgets.com"]


def test_exif_orientation_is_applied(tmp_path):
    upright = Image.new("RGB", (300, 120), "white")
    turned = upright.rotate(90, expand=True)  # stored sideways, EXIF says turn it back
    exif = Image.Exif()
    exif[0x0112] = 8
    path = tmp_path / "exif.jpg"
    turned.save(path, exif=exif)
    assert im.load_image(str(path)).shape[:2] == (120, 300)


def test_scan_image_in_memory_flat_scan():
    bgr = cv2.cvtColor(np.asarray(render.card()), cv2.COLOR_RGB2BGR)
    [card] = scan_image(bgr, file="camera")
    assert isinstance(card, CardResult) and card.value("name") == "Jane Doe"


# -- bad input ------------------------------------------------------------------------------

def test_not_an_image_empty_and_corrupt(tmp_path, files):
    bad = tmp_path / "notes.jpg"
    bad.write_text("this is a text file")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    corrupt = tmp_path / "cut.jpg"
    corrupt.write_bytes(files["en"].read_bytes()[:3000])
    missing = tmp_path / "nope.jpg"
    for path, words in ((bad, "not an image"), (empty, "empty"), (corrupt, "damaged"),
                        (missing, "cannot read")):
        [err] = scan_file(path)
        assert isinstance(err, CardError), path
        assert words in err.error and path.name in err.error
        assert err.to_json() == {"file": str(path), "error": err.error}


def test_blank_image_has_no_text(tmp_path):
    path = tmp_path / "blank.png"
    Image.new("RGB", (800, 500), (245, 245, 245)).save(path)
    [err] = scan_file(path)
    assert isinstance(err, CardError) and "no text found" in err.error


def test_huge_photo_is_downscaled_and_read(tmp_path):
    path = tmp_path / "huge.jpg"
    page = Image.new("L", (12000, 12000), 90)
    page.paste(render.card().convert("L").resize((6300, 3600)), (2800, 4000))
    page.save(path, quality=80)
    del page
    [card] = scan_file(path)
    assert isinstance(card, CardResult), card
    assert card.value("name") == "Jane Doe"


def test_huge_non_jpeg_is_refused_clearly(tmp_path):
    path = tmp_path / "huge.png"
    Image.new("1", (12000, 12000), 1).save(path)
    [err] = scan_file(path)
    assert isinstance(err, CardError) and "too large" in err.error


# -- batches -----------------------------------------------------------------------------------

def test_batch_in_processes_keeps_input_order(files, tmp_path):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8 nope")
    order = [files["heic"], bad, files["en"]]
    results = list(scan_files([str(p) for p in order], workers=2))
    assert [r.file for r in results] == [str(p) for p in order]
    assert [type(r) for r in results] == [CardResult, CardError, CardResult]


def test_batch_walks_folders_and_can_be_cancelled(files):
    folder = files["en"].parent
    cancel = threading.Event()
    cancel.set()
    assert list(scan_files([folder], workers=2, cancel=cancel)) == []
    got = []
    cancel = threading.Event()
    for r in scan_files([folder], workers=1, cancel=cancel):
        got.append(r)
        cancel.set()
    assert len(got) == 1 and got[0].file.endswith("en.jpg")


def test_white_company_name_on_a_dark_band():
    [card] = scan_image(render.photograph([render.band_card()], angle=5, seed=3), region="AU")
    assert isinstance(card, CardResult), card
    assert card.value("company") == "Northwind Trading Pty Ltd"
    assert card.value("name") == "Robert O'Neil"
    assert [(v.value, v.kind) for v in card.fields["phones"]] == [
        ("(02) 9876 5432", "work"), ("0412 345 678", "mobile")]


def test_card_photographed_sideways():
    [card] = scan_image(render.photograph([render.card()], angle=-90, seed=1))
    assert isinstance(card, CardResult), card
    assert card.rotation in (90, 270)
    assert card.value("name") == "Jane Doe"
    assert [v.value for v in card.fields["emails"]] == ["jane.doe@acmewidgets.com"]


def test_multi_page_tiff_from_a_scanner(tmp_path):
    path = tmp_path / "stack.tif"
    first, second = render.card(), render.card(render.CN_CARD)
    first.save(path, save_all=True, append_images=[second])
    results = scan_file(path)
    assert [type(r) for r in results] == [CardResult, CardResult]
    assert [r.index for r in results] == [0, 1]
    assert [r.value("name") for r in results] == ["Jane Doe", "陈静"]
