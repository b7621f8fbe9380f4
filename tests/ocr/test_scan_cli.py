"""`satchel scan` as a real process on a real database file, with real Tesseract."""

import json
import os
import subprocess
import sys

import pytest

from app.services import contacts
from app.store import Store
from tests.ocr import render

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def satchel(db, *args):
    return subprocess.run([sys.executable, "-m", "cli.main", "--db", str(db), "--region", "CN",
                           *args], capture_output=True, text=True, env=ENV, timeout=180)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("scan")
    render.save(render.photograph([render.card(render.CN_CARD)], angle=6), d / "chen.jpg")
    (d / "readme.jpg").write_text("not a photo")
    return d


def test_scan_json_shape_and_per_file_errors(folder, tmp_path):
    proc = satchel(tmp_path / "db.sqlite3", "scan", str(folder), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [os.path.basename(o["file"]) for o in out] == ["chen.jpg", "readme.jpg"]
    card, err = out
    assert set(card) == {"file", "fields", "confidence"}
    f = card["fields"]
    assert f["name"] == "陈静" and f["company"] == "上海汽车集团股份有限公司"
    assert f["emails"] == ["chen.jing@saicmotor.com"]
    assert {"number": "139 1111 2222", "type": "mobile"} in f["phones"]
    assert all(0 <= c <= 1 for c in card["confidence"].values())
    assert set(err) == {"file", "error"} and "not an image" in err["error"]
    assert not (tmp_path / "db.sqlite3").exists()  # nothing saved without --save


def test_scan_save_twice_does_not_duplicate_and_keeps_card_image(folder, tmp_path):
    db = tmp_path / "db.sqlite3"
    first = satchel(db, "scan", str(folder / "chen.jpg"), str(folder / "readme.jpg"), "--save",
                    "--json")
    assert first.returncode == 0, first.stderr
    saved = json.loads(first.stdout)[0]["saved"]
    assert saved["action"] == "created" and saved["company_action"] == "created"
    second = satchel(db, "scan", str(folder / "chen.jpg"), "--save", "--json")
    assert second.returncode == 0, second.stderr
    again = json.loads(second.stdout)[0]["saved"]
    assert again["contact_id"] == saved["contact_id"] and again["action"] == "unchanged"
    listed = json.loads(satchel(db, "list", "contacts", "--json").stdout)
    assert len(listed) == 1 and listed[0]["company"] == "上海汽车集团股份有限公司"
    store = Store.open(db)
    try:
        with store.read() as session:
            data, mime = contacts.attachment(session, saved["contact_id"], "card")
    finally:
        store.close()
    assert mime == "image/png" and data.startswith(b"\x89PNG")


def test_usage_errors_exit_1(tmp_path):
    proc = satchel(tmp_path / "db.sqlite3", "scan", str(tmp_path), "--json")
    assert proc.returncode == 1 and "No image files" in proc.stderr
    img = tmp_path / "x.png"
    img.write_bytes(b"")
    proc = satchel(tmp_path / "db.sqlite3", "scan", str(img), "--lang", "klingon")
    assert proc.returncode == 1 and "klingon" in proc.stderr and "Traceback" not in proc.stderr
    proc = satchel(tmp_path / "db.sqlite3", "scan", str(img))
    assert proc.returncode == 0 and "empty" in proc.stdout
