"""Business-card review and batch mode with real Tesseract, real worker processes and the real
SQLite store: cards rendered by tests/ocr/render.py, read, edited, saved, skipped, gone back to;
a damaged file in the middle; low-confidence values amber; the card image in the detail pane."""

from __future__ import annotations

import multiprocessing
from contextlib import contextmanager
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from app import capture
from app.domain import CompanyDraft
from app.services import contacts
from tests.ocr import render
from ui.cards import ScanDialog
from ui.cards.fields import LOW_CONFIDENCE

pytestmark = pytest.mark.skipif(
    not Path(render.CJK).exists(), reason="fonts-noto-cjk is needed to render the cards")

OCR_WAIT_MS = 60_000  # worker processes start and read; generous for a busy 2-core machine
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
TOM_CARD = [
    ("Tom Baker", 56, True),
    ("Field Engineer", 32, False),
    ("Northwind Traders", 36, True),
    ("Tel 021 1234 567", 28, False),  # one digit short: not a valid number, so it is doubtful
    ("tom.baker@northwind-traders.com", 28, False),
]


def _png(img, path: Path) -> str:
    cv2.imwrite(str(path), cv2.cvtColor(np.asarray(img), cv2.COLOR_RGB2BGR))
    return str(path)


@pytest.fixture
def cards(tmp_path) -> Path:
    folder = tmp_path / "fair"
    folder.mkdir()
    render.save(render.photograph([render.card(render.EN_CARD)]), folder / "a_jane.jpg")
    (folder / "b_broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 this JPEG stops here")
    _png(render.card(render.CN_CARD), folder / "c_chen.png")
    _png(render.card(TOM_CARD), folder / "d_tom.png")
    return folder


def _dialog(qtbot, store, paths, **kw) -> ScanDialog:
    dlg = ScanDialog(None, store, [str(p) for p in paths], **kw)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _shot(widget, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(ARTIFACTS / f"{name}.png"))


def _wait_page(qtbot, dlg: ScanDialog, page: int) -> None:
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == page, timeout=OCR_WAIT_MS)


@contextmanager
def answering(parent, button: str):
    """Answer the batch's close question ("Close and discard N unreviewed cards?") with
    `button` whenever it shows, from a timer (the real modal box, found as the dialog's child);
    yields the questions asked: none when nothing was asked."""
    asked: list[str] = []

    def poll() -> None:
        box = parent.findChild(QMessageBox, "discardQuestion")
        if box is None or not box.isVisible():
            return
        asked.append(box.text())
        if len(asked) == 1:
            _shot(box, "cards_close_question")
        next(b for b in box.buttons() if b.text() == button).click()

    timer = QTimer(interval=20)
    timer.timeout.connect(poll)
    timer.start()
    try:
        yield asked
    finally:
        timer.stop()


def test_batch_review_save_skip_back(qtbot, store, cards):
    with store.write() as tx:
        acme = capture.save_company(tx, CompanyDraft("ACME Widgets Inc.")).company_id
    dlg = _dialog(qtbot, store, [cards], workers=2)
    assert dlg.progress.maximum() == 4

    # card 1: fields filled from the photo; the existing company is shown as the match
    _wait_page(qtbot, dlg, dlg.PAGE_REVIEW)
    form = dlg.review.form
    assert form.name.text() == "Jane Doe"
    assert form.company.text() == "ACME Widgets Inc."
    assert "jane.doe@acmewidgets.com" in [v.value for v in form.emails.values()]
    assert len(form.phones.values()) == 2
    assert "ACME Widgets Inc." in dlg.review.match_label.text()
    assert "existing company" in dlg.review.match_label.text()
    assert dlg.review.view.boxes["name"], "the name's boxes are drawn on the card"
    assert not dlg.back_button.isEnabled()

    # the rep corrects the title, then saves: the contact joins ACME with the card image
    form.title.setFocus()
    form.title.selectAll()
    qtbot.keyClicks(form.title, "Head of Sales")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    with store.read() as s:
        found = contacts.find_by_email(s, "jane.doe@acmewidgets.com")
        assert len(found) == 1
        jane = contacts.get(s, found[0])
        assert (jane.name, jane.title, jane.company_id) == ("Jane Doe", "Head of Sales", acme)
        assert jane.has_card
        png, mime = contacts.attachment(s, jane.id, "card")
        assert mime == "image/png" and png.startswith(b"\x89PNG")
    assert "Joined an existing company" in dlg.status.text()

    # card 2: the damaged file says what is wrong, and the batch goes on
    _wait_page(qtbot, dlg, dlg.PAGE_ERROR)
    assert "b_broken.jpg" in dlg.error_label.text()
    _shot(dlg, "cards_error")
    assert not dlg.save_button.isEnabled()
    qtbot.mouseClick(dlg.skip_button, Qt.MouseButton.LeftButton)

    # card 3: Chinese
    _wait_page(qtbot, dlg, dlg.PAGE_REVIEW)
    assert form.name.text() == "陈静"
    assert "上海汽车" in form.company.text()
    assert "New company" in dlg.review.match_label.text()

    # Back twice: the saved card comes back as the rep left it, marked saved
    qtbot.mouseClick(dlg.back_button, Qt.MouseButton.LeftButton)
    assert dlg.pages.currentIndex() == dlg.PAGE_ERROR
    qtbot.mouseClick(dlg.back_button, Qt.MouseButton.LeftButton)
    assert form.title.text() == "Head of Sales"
    assert dlg.save_button.text() == "Save again"
    assert "saved" in dlg.heading.text()
    assert "Already in Satchel" in dlg.review.match_label.text()
    for _ in range(3):  # Jane (saved stays saved), broken, Chen: skipped
        qtbot.mouseClick(dlg.skip_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dlg.pages.currentIndex() != dlg.PAGE_WAIT, timeout=OCR_WAIT_MS)

    # card 4: the invalid phone number and the line the parser could not place (the company
    # name without a legal form lands in the note) are amber, with the confidence as tooltip
    assert form.name.text() == "Tom Baker"
    phone = form.phones.rows[0]
    assert phone.edit.text() == "021 1234 567"
    assert phone.slot.value.confidence < LOW_CONFIDENCE
    low = form.low_confidence_editors()
    assert phone.edit in low and form.note in low and form.name not in low
    assert all("% confidence: please check" in w.toolTip() for w in low)
    assert "background: #fef3c7" in form.styleSheet()
    assert any(is_low for _box, is_low in dlg.review.view.boxes["phones"])
    _shot(dlg, "cards_review_low_confidence")
    qtbot.keyClicks(phone.edit, "8")  # the rep fixes it: no longer amber
    assert not phone.edit.property("lowConfidence")
    assert phone.edit not in form.low_confidence_editors()
    qtbot.mouseClick(dlg.skip_button, Qt.MouseButton.LeftButton)

    _wait_page(qtbot, dlg, dlg.PAGE_DONE)
    assert "1 saved, 2 skipped, 1 file(s) could not be read" in dlg.done_label.text()
    with store.read() as s:
        assert contacts.count(s) == 1  # skipped cards were not saved
    with answering(dlg, "Keep reviewing") as asked:
        dlg.close()
    assert asked == [] and not dlg.isVisible()  # all done: nothing to ask
    assert not dlg.worker.running


def test_a_folder_without_images_says_so(qtbot, store, tmp_path):
    (tmp_path / "notes.txt").write_text("not a card")
    dlg = _dialog(qtbot, store, [tmp_path])
    assert dlg.pages.currentIndex() == dlg.PAGE_DONE
    assert "No image files were found" in dlg.done_label.text()
    assert not dlg.save_button.isEnabled() and not dlg.worker.running


def test_closing_cancels_the_workers(qtbot, store, tmp_path):
    one = render.card(render.EN_CARD)
    files = [_png(one, tmp_path / f"card{i}.png") for i in range(8)]
    dlg = _dialog(qtbot, store, files, workers=2)
    qtbot.waitUntil(lambda: len(dlg.items) >= 1, timeout=OCR_WAIT_MS)
    with answering(dlg, "Discard") as asked:
        dlg.close()
    assert len(asked) == 1 and not dlg.isVisible()
    assert not dlg.worker.running
    assert multiprocessing.active_children() == []
    assert len(dlg.items) < 8  # the rest was dropped, not read


def test_scan_button_opens_the_batch_and_detail_shows_the_card(qtbot, main_window, store,
                                                               tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    path = _png(render.card(render.EN_CARD), tmp_path / "jane.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([path], ""))
    qtbot.mouseClick(main_window.first_run.scan_button, Qt.MouseButton.LeftButton)
    dlg = main_window.findChild(ScanDialog)
    assert dlg is not None and dlg.isVisible()
    _wait_page(qtbot, dlg, dlg.PAGE_REVIEW)
    qtbot.keyClicks(dlg.review.form.department, "Sales")
    dlg.worker.finished.emit()  # reading ends while the rep types: the typing stays
    assert dlg.review.form.department.text() == "Sales"
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    _wait_page(qtbot, dlg, dlg.PAGE_DONE)
    cid = dlg.items[0].contact_id
    dlg.close()

    qtbot.waitUntil(lambda: main_window.root.currentIndex() == 0)  # no longer first-run
    main_window.open_record("contact", cid)
    browser = main_window.contacts.detail.browser
    assert f"card://{cid}" in browser.toHtml()
    image = browser.document().resource(browser.document().ResourceType.ImageResource,
                                        f"card://{cid}")
    assert image is not None and not image.isNull()
    qtbot.wait(60)
    _shot(main_window, "cards_detail")


def test_back_side_joins_the_previous_card(qtbot, store, tmp_path):
    front = _png(render.card(render.EN_CARD), tmp_path / "1_front.png")
    back = _png(render.card([("ACME Widgets Inc.", 40, True), ("www.acmewidgets.com", 28, False),
                             ("Fax: +1 217 555 0111", 28, False)]), tmp_path / "2_back.png")
    dlg = _dialog(qtbot, store, [front, back], workers=1)
    _wait_page(qtbot, dlg, dlg.PAGE_REVIEW)
    assert not dlg.join_button.isEnabled()  # nothing before the first card
    qtbot.mouseClick(dlg.skip_button, Qt.MouseButton.LeftButton)
    _wait_page(qtbot, dlg, dlg.PAGE_REVIEW)
    assert dlg.review.form.name.text() != "Jane Doe"
    qtbot.mouseClick(dlg.join_button, Qt.MouseButton.LeftButton)
    form = dlg.review.form
    assert (dlg.pos, len(dlg.items)) == (0, 1)
    assert form.name.text() == "Jane Doe"
    assert [v.value for v in form.websites.values()] == ["www.acmewidgets.com"]
    assert sorted(v.kind for v in form.phones.values()) == ["fax", "mobile", "work"]
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    _wait_page(qtbot, dlg, dlg.PAGE_DONE)
    assert "1 back side(s) joined" in dlg.done_label.text()
    with store.read() as s:
        assert contacts.count(s) == 1
        jane = contacts.get(s, dlg.items[0].contact_id)
        assert len(jane.phones) == 3 and jane.websites == ["www.acmewidgets.com"]


def test_join_a_similar_company_the_matcher_was_unsure_of(qtbot, store, tmp_path):
    from app.services import companies
    from ocr.pipeline import scan_file
    from ui.cards import ReviewWidget

    with store.write() as tx:  # same name, but another web domain: the matcher says "maybe"
        acme = capture.save_company(tx, CompanyDraft(
            "ACME Widgets Inc.", address="Hauptstr. 1, 10115 Berlin",
            website="acme.de")).company_id
    lines = [*render.EN_CARD, ("www.acmewidgets.com", 28, False)]
    card = scan_file(_png(render.card(lines), tmp_path / "jane.png"))[0]
    review = ReviewWidget(store)
    qtbot.addWidget(review)
    review.load(card)
    assert review.matches.company.decision == "maybe"
    assert "similar company" in review.match_label.text()
    assert not review.use_company.isHidden()
    qtbot.mouseClick(review.use_company, Qt.MouseButton.LeftButton)
    assert "Joins the existing company" in review.match_label.text()
    saved = review.save()
    assert (saved.company_id, saved.company_action) == (acme, "linked")
    with store.read() as s:
        assert companies.count(s) == 1
        assert contacts.get(s, saved.contact_id).company_id == acme


@pytest.mark.parametrize("name, lines", [("en", render.EN_CARD), ("cn", [
    ("欧阳娜娜", 60, True), ("华东区高级销售经理", 34, False), ("市场部", 30, False),
    ("北京京东世纪贸易有限公司", 38, True), ("地址：北京市经济技术开发区科创十一街18号", 26, False),
    ("手机：139 1111 2222", 28, False), ("ouyang.nana@jd.com", 28, False)])])
def test_review_screenshot(qtbot, styled_app, store, tmp_path, name, lines):
    """artifacts/cards_review_{en,cn}.png for a person to look at."""
    path = tmp_path / f"{name}.jpg"
    render.save(render.photograph([render.card(lines)], angle=4.0), path)
    with store.write() as tx:  # so the match panel has something to say
        capture.save_company(tx, CompanyDraft("ACME Widgets Inc."))
    dlg = _dialog(qtbot, store, [path])
    dlg.resize(1080, 640)
    _wait_page(qtbot, dlg, dlg.PAGE_REVIEW)
    assert dlg.review.view.current == "name"  # the field being edited: its boxes filled
    dlg.activateWindow()
    qtbot.waitActive(dlg)
    dlg.review.form.title.setFocus()
    qtbot.waitUntil(lambda: dlg.review.view.current == "title")
    dlg.review.form.name.setFocus()
    qtbot.wait(80)
    _shot(dlg, f"cards_review_{name}")
    with answering(dlg, "Discard"):
        dlg.close()


def test_folder_menu_opens_the_batch_on_the_folder(qtbot, main_window, cards, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(cards))
    action = next(a for a in main_window.menuBar().actions()[0].menu().actions()
                  if "folder" in a.text())
    action.trigger()
    dlg = main_window.findChild(ScanDialog)
    assert [Path(f).name for f in dlg.files] == ["a_jane.jpg", "b_broken.jpg", "c_chen.png",
                                                 "d_tom.png"]
    with answering(dlg, "Discard"):  # asked only if a card was read already
        dlg.close()  # at once, while the workers start: nothing is left running
    assert not dlg.isVisible()
    assert not dlg.worker.running
    assert multiprocessing.active_children() == []


def test_closing_with_unreviewed_cards_asks_first(qtbot, store, tmp_path):
    """Esc or the window's close button with cards read but neither saved nor skipped: "Close
    and discard N unreviewed cards?"; Keep reviewing keeps everything; nothing asked once all
    are done. A file that could not be read is not a card to lose."""
    jane = _png(render.card(render.EN_CARD), tmp_path / "1_jane.png")
    broken = tmp_path / "2_broken.png"
    broken.write_bytes(b"")
    tom = _png(render.card(TOM_CARD), tmp_path / "3_tom.png")
    dlg = _dialog(qtbot, store, [jane, broken, tom], workers=1)
    qtbot.waitUntil(lambda: not dlg.reading, timeout=OCR_WAIT_MS)
    assert dlg.pages.currentIndex() == dlg.PAGE_REVIEW and dlg.unreviewed() == 2

    form = dlg.review.form
    qtbot.keyClicks(form.department, "Sales")
    with answering(dlg, "Keep reviewing") as asked:
        qtbot.keyClick(form.department, Qt.Key.Key_Escape)
    assert asked == ["Close and discard 2 unreviewed cards?"]
    assert dlg.isVisible() and form.department.text() == "Sales"  # the typing is still there

    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.pages.currentIndex() == dlg.PAGE_ERROR
    with answering(dlg, "Keep reviewing") as asked:
        dlg.close()  # the window's close button
    assert asked == ["Close and discard 1 unreviewed card?"] and dlg.isVisible()

    qtbot.mouseClick(dlg.skip_button, Qt.MouseButton.LeftButton)  # the broken file
    assert form.name.text() == "Tom Baker"
    qtbot.mouseClick(dlg.skip_button, Qt.MouseButton.LeftButton)
    assert dlg.pages.currentIndex() == dlg.PAGE_DONE and dlg.unreviewed() == 0
    with answering(dlg, "Keep reviewing") as asked:
        qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    assert asked == [] and not dlg.isVisible()
    with store.read() as s:
        assert contacts.count(s) == 1
        assert contacts.get(s, dlg.items[0].contact_id).department == "Sales"
