"""Scan card with camera, and the batch's question before discarding unreviewed cards.

This machine has no camera. The no-camera path is tested for real (OpenCV VideoCapture on the
actual devices, from the real File menu). Everything that needs pictures uses a frame source
injected through the dialog's `frames` seam (a callable returning BGR frames; the default is
OpenCV VideoCapture): a fake source is acceptable here only because no camera exists on this
machine. Its frames are rendered card photos, which then go through real OCR, the real batch
dialog and the real SQLite store."""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.services import contacts
from ocr.camera import CameraBusy, CameraLost, LiveFeed, save_photo
from tests.ocr import render
from tests.ui.test_cards import answering
from ui.cards import ScanDialog
from ui.cards.camera import CameraDialog, open_camera_dialog, photo_folder

OCR_WAIT_MS = 60_000  # worker processes start and read; generous for a busy 2-core machine
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
needs_fonts = pytest.mark.skipif(not Path(render.CJK).exists(),
                                 reason="fonts-noto-cjk is needed to render the cards")


def _shot(widget, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(ARTIFACTS / f"{name}.png"))


def _camera_present(index: int = 0) -> bool:
    cap = cv2.VideoCapture(index)
    present = cap.isOpened()
    cap.release()
    return present


def _webcam_frame(lines) -> np.ndarray:
    """What a laptop camera sees: a card held in front of it, 1920×1080, BGR."""
    return render.photograph([render.card(lines)], size=(1920, 1080), angle=3.0)


class FakeCamera:
    """A frame source for the `frames` seam: returns `frame`, or raises while `unplugged`."""

    def __init__(self, frame: np.ndarray) -> None:
        self.frame = frame
        self.unplugged = threading.Event()
        self.reads = 0

    def __call__(self) -> np.ndarray:
        if self.unplugged.is_set():
            raise OSError("VIDIOC_DQBUF: No such device")
        self.reads += 1
        return self.frame


def _live(qtbot, dlg: CameraDialog) -> None:
    qtbot.waitUntil(lambda: dlg.capture_button.isEnabled(), timeout=10_000)


# -- no camera: for real -----------------------------------------------------------------
def test_no_camera_gives_a_clear_message(qtbot, main_window, monkeypatch):
    """Real OpenCV on this camera-less machine, opened from the real File menu."""
    from PySide6.QtWidgets import QFileDialog

    if _camera_present(0):
        pytest.skip("a camera is attached: the no-camera path cannot be seen here")
    action = next(a for a in main_window.menuBar().actions()[0].menu().actions()
                  if "camera" in a.text().replace("&", ""))
    assert action.isEnabled()
    action.trigger()
    dlg = main_window.findChild(CameraDialog)
    assert dlg is not None and dlg.isVisible()
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == dlg.PAGE_MESSAGE, timeout=10_000)
    assert dlg.message.text() == ("No camera found. Connect one, or scan the cards and open "
                                  "the image files with File → Scan business cards.")
    assert not dlg.capture_button.isEnabled()
    assert dlg.retry_button.isVisible() and dlg.files_button.isVisible()
    qtbot.keyClick(dlg, Qt.Key.Key_Space)  # nothing to capture: nothing happens
    assert dlg.photos == [] and not photo_folder(main_window.store).exists()
    dlg.activateWindow()
    qtbot.wait(60)
    _shot(dlg, "cards_camera_none")

    qtbot.mouseClick(dlg.retry_button, Qt.MouseButton.LeftButton)  # still none, still no crash
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == dlg.PAGE_MESSAGE, timeout=10_000)
    assert "No camera found" in dlg.message.text()

    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: asked.append(a) or ([], ""))
    qtbot.mouseClick(dlg.files_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert asked, "the file scan was offered instead"
    assert main_window.findChild(ScanDialog) is None  # no photos, no batch


# -- a frame source through the seam -----------------------------------------------------
@needs_fonts
def test_capture_goes_to_the_batch_review(qtbot, main_window, store):
    """Fake frame source (no camera on this machine): two cards captured with Space and Enter
    become JPEGs in card-photos/ beside the database, then real OCR and review in the batch;
    closing the batch with one card unreviewed asks first."""
    camera = FakeCamera(_webcam_frame(render.EN_CARD))
    dlg = open_camera_dialog(main_window, store, frames=camera)
    assert isinstance(dlg, CameraDialog)
    _live(qtbot, dlg)
    assert not dlg.view.image.isNull() and dlg.view.image.width() <= 960  # a small preview
    assert dlg.finish_button.text() == "Cancel"

    dlg.activateWindow()
    qtbot.waitActive(dlg)
    qtbot.keyClick(dlg, Qt.Key.Key_Space)
    assert len(dlg.photos) == 1
    camera.frame = _webcam_frame(render.CN_CARD)  # the rep holds up the next card
    seen = camera.reads
    qtbot.waitUntil(lambda: camera.reads > seen + 1)
    qtbot.keyClick(dlg, Qt.Key.Key_Return)
    assert len(dlg.photos) == 2
    assert dlg.finish_button.text() == "Review 2 cards"
    assert "2 cards captured" in dlg.count_label.text()
    qtbot.wait(200)  # after the capture flash
    _shot(dlg, "cards_camera_captured")

    folder = photo_folder(store)
    assert folder == Path(store.path).parent / "card-photos"
    files = sorted(folder.glob("card-*.jpg"))
    assert [str(f) for f in files] == sorted(dlg.photos)
    first = cv2.imread(dlg.photos[0])
    assert first.shape == (1080, 1920, 3)  # the full frame, not the preview

    qtbot.mouseClick(dlg.finish_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert not dlg.feed.running  # the camera is released
    batch = main_window.findChild(ScanDialog)
    assert batch is not None and batch.isVisible()
    assert batch.files == dlg.photos
    qtbot.waitUntil(lambda: batch.pages.currentIndex() == batch.PAGE_REVIEW,
                    timeout=OCR_WAIT_MS)
    assert batch.review.form.name.text() == "Jane Doe"
    qtbot.mouseClick(batch.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: batch.pages.currentIndex() == batch.PAGE_REVIEW
                    and batch.pos == 1, timeout=OCR_WAIT_MS)
    assert batch.review.form.name.text() == "陈静"

    with answering(batch, "Keep reviewing") as asked:
        qtbot.keyClick(batch, Qt.Key.Key_Escape)
    assert asked == ["Close and discard 1 unreviewed card?"]
    assert batch.isVisible() and batch.review.form.name.text() == "陈静"
    with answering(batch, "Discard") as asked:
        batch.close()
    assert len(asked) == 1 and not batch.isVisible()
    with store.read() as s:
        assert contacts.count(s) == 1  # Jane saved, Chen discarded
        assert contacts.find_by_email(s, "jane.doe@acmewidgets.com")


def test_camera_unplugged_mid_preview(qtbot, tmp_path):
    """Fake frame source (no camera on this machine) whose read fails as an unplugged V4L2
    device does: a message in place of the preview, the photo taken is kept, Try again works."""
    camera = FakeCamera(np.full((720, 1280, 3), 200, np.uint8))
    dlg = CameraDialog(None, tmp_path / "photos", frames=camera)
    qtbot.addWidget(dlg)
    dlg.show()
    _live(qtbot, dlg)
    qtbot.mouseClick(dlg.capture_button, Qt.MouseButton.LeftButton)
    assert len(dlg.photos) == 1

    camera.unplugged.set()
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == dlg.PAGE_MESSAGE, timeout=10_000)
    assert "stopped sending pictures" in dlg.message.text()
    assert "The card captured so far is kept." in dlg.message.text()
    assert not dlg.capture_button.isEnabled() and dlg.retry_button.isVisible()
    assert not dlg.files_button.isVisible()  # photos taken: review them rather
    qtbot.keyClick(dlg, Qt.Key.Key_Space)  # no crash, no picture
    assert len(dlg.photos) == 1
    _shot(dlg, "cards_camera_lost")

    camera.unplugged.clear()  # plugged back in
    qtbot.mouseClick(dlg.retry_button, Qt.MouseButton.LeftButton)
    _live(qtbot, dlg)
    qtbot.mouseClick(dlg.capture_button, Qt.MouseButton.LeftButton)
    assert len(dlg.photos) == 2

    handed: list[list[str]] = []
    dlg.photos_taken.connect(handed.append)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # Esc with photos taken: they go to review
    assert handed == [dlg.photos] and not dlg.isVisible()
    assert not dlg.feed.running


def test_cancel_without_photos_opens_nothing(qtbot, main_window, store):
    """Fake frame source (no camera on this machine)."""
    dlg = open_camera_dialog(main_window, store, frames=FakeCamera(
        np.zeros((480, 640, 3), np.uint8)))
    _live(qtbot, dlg)
    qtbot.mouseClick(dlg.finish_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible() and not dlg.feed.running
    assert main_window.findChild(ScanDialog) is None


@needs_fonts
def test_camera_dialog_screenshot(qtbot, styled_app, tmp_path):
    """artifacts/cards_camera.png: the preview with an injected frame (fake frame source: no
    camera on this machine), for a person to judge."""
    dlg = CameraDialog(None, tmp_path, frames=FakeCamera(_webcam_frame(render.EN_CARD)))
    qtbot.addWidget(dlg)
    dlg.show()
    _live(qtbot, dlg)
    dlg.activateWindow()
    qtbot.wait(80)
    _shot(dlg, "cards_camera")
    dlg.stop_camera()


# -- the feed without Qt -----------------------------------------------------------------
def _until(cond, timeout=5.0) -> bool:
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.01)
    return False


def test_feed_says_busy_when_a_camera_opens_but_gives_no_picture():
    """A fake source standing in for a device another program holds (none on this machine)."""
    feed = LiveFeed(lambda: (lambda: None), first_frame_wait=0.2).start()
    assert _until(lambda: feed.poll() is None and feed.state == "failed")
    assert isinstance(feed.error, CameraBusy)
    assert _until(lambda: not feed.running)


def test_feed_says_lost_when_pictures_stop_while_a_read_hangs():
    """A fake source whose read blocks, as a V4L2 read does on a device pulled out."""
    hang = threading.Event()
    release = threading.Event()
    closed = []

    class Source:
        def __call__(self):
            if hang.is_set():
                release.wait(5)
                return None
            return np.zeros((10, 10, 3), np.uint8)

        def close(self):
            closed.append(True)

    feed = LiveFeed(Source, lost_after=0.2).start()
    assert _until(lambda: feed.poll() is not None and feed.state == "live")
    hang.set()
    assert _until(lambda: (feed.poll(), feed.state)[1] == "failed")  # while read() still hangs
    assert isinstance(feed.error, CameraLost) and feed.running
    release.set()
    assert _until(lambda: not feed.running) and closed == [True]


def test_photos_taken_in_the_same_second_keep_both(tmp_path):
    frame = np.zeros((20, 30, 3), np.uint8)
    a, b = save_photo(frame, tmp_path / "p"), save_photo(frame, tmp_path / "p")
    assert a != b and a.exists() and b.exists()
    assert cv2.imread(str(b)).shape == (20, 30, 3)
