"""Scan card with camera: a live preview, Capture (Space or Enter) keeps the picture as a JPEG in
the card-photo folder beside the database, and the photos go to the batch review
(ScanDialog) exactly as if the rep had opened them as files.

The camera is opened and read in ocr.camera.LiveFeed's own thread; a QTimer polls the newest
frame, so neither a slow device nor a hung read ever blocks the window. No camera, a busy one or
one unplugged mid-preview: a message in place of the preview, Try again, no crash; the photos
captured so far are kept."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.store import Store
from ocr.camera import CameraBusy, CameraLost, FrameSource, LiveFeed, NoCamera, save_photo
from ui.cards.message import error_page

log = logging.getLogger(__name__)

PHOTO_FOLDER = "card-photos"  # beside the database file
POLL_MS = 33  # about 30 pictures a second
CARD_RATIO = 1.65  # width / height of the guide: between ISO (1.59) and US (1.75) cards
THUMBS = 6  # the last captures shown under the preview
THUMB_HEIGHT = 56


def photo_folder(store: Store) -> Path:
    """Where captured card photos are kept: `card-photos/` beside the database (the card image
    saved with each contact is the cut-out PNG; these are the originals)."""
    return Path(store.path).parent / PHOTO_FOLDER


def to_qimage(bgr) -> QImage:
    h, w = bgr.shape[:2]
    return QImage(bgr.data, w, h, bgr.strides[0], QImage.Format.Format_BGR888).copy()


class CameraView(QWidget):
    """The live picture, scaled to fit, with a card-shaped guide; a line of text instead while
    the camera starts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.message = ""
        self._flash = False
        self.setMinimumSize(480, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Camera picture"))

    def sizeHint(self) -> QSize:
        return QSize(800, 480)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.message = ""
        self.update()

    def set_message(self, text: str) -> None:
        self.image = QImage()
        self.message = text
        self.update()

    def flash(self) -> None:
        """A short white flash: the picture was taken."""
        self._flash = True
        self.update()

        def off() -> None:
            self._flash = False
            self.update()

        QTimer.singleShot(120, self, off)

    def image_rect(self) -> QRectF:
        if self.image.isNull():
            return QRectF()
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def guide_rect(self) -> QRectF:
        """Where the card should be: 80 % of the picture's height or width, centred."""
        r = self.image_rect()
        w = min(r.width() * 0.8, r.height() * 0.8 * CARD_RATIO)
        h = w / CARD_RATIO
        return QRectF(r.center().x() - w / 2, r.center().y() - h / 2, w, h)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#111827"))
        target = self.image_rect()
        if target.isEmpty():
            p.setPen(QColor("#d1d5db"))
            p.drawText(self.rect().adjusted(24, 24, -24, -24),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
            p.end()
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(target, self.image)
        guide = self.guide_rect()
        shade = QColor(0, 0, 0, 90)  # dim what is outside the card's place
        p.fillRect(QRectF(target.left(), target.top(), target.width(),
                          guide.top() - target.top()), shade)
        p.fillRect(QRectF(target.left(), guide.bottom(), target.width(),
                          target.bottom() - guide.bottom()), shade)
        p.fillRect(QRectF(target.left(), guide.top(), guide.left() - target.left(),
                          guide.height()), shade)
        p.fillRect(QRectF(guide.right(), guide.top(), target.right() - guide.right(),
                          guide.height()), shade)
        p.setPen(QPen(QColor(255, 255, 255, 110), 1))
        p.drawRoundedRect(guide, 8, 8)
        corner = QPen(QColor("white"), 3)
        corner.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(corner)
        arm = min(guide.width(), guide.height()) * 0.12
        for x, y, dx, dy in ((guide.left(), guide.top(), 1, 1),
                             (guide.right(), guide.top(), -1, 1),
                             (guide.left(), guide.bottom(), 1, -1),
                             (guide.right(), guide.bottom(), -1, -1)):
            p.drawLine(x, y, x + dx * arm, y)
            p.drawLine(x, y, x, y + dy * arm)
        if self._flash:
            p.fillRect(target, QColor(255, 255, 255, 170))
        p.end()


class CameraDialog(QDialog):
    """`frames`: the frame source (a callable returning BGR frames); None opens camera `index`
    with OpenCV. `photos_taken(list[str])` is emitted once, on closing, when photos were taken."""

    photos_taken = Signal(list)
    scan_files_requested = Signal()
    PAGE_PREVIEW, PAGE_MESSAGE = range(2)

    def __init__(self, parent: QWidget | None, folder: str | Path,
                 frames: FrameSource | None = None, index: int = 0) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.frames = frames
        self.index = index
        self.feed: LiveFeed | None = None
        self.photos: list[str] = []
        self._shown_seq = 0
        self._captured_seq = 0
        self._handed_over = False
        self.can_scan_files = False  # open_camera_dialog offers File → Scan business cards
        self.setWindowTitle(self.tr("Scan card with camera"))
        self.resize(820, 620)  # the preview about 16:9, as cameras deliver

        self.hint = QLabel(self.tr("Hold the card flat inside the frame, close enough to fill "
                                   "it, then press Space to take the picture."),
                           self, objectName="muted", wordWrap=True)
        self.view = CameraView(self)
        message_page, self.message = error_page(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.view)
        self.pages.addWidget(message_page)

        self.thumbs = QHBoxLayout()
        self.thumbs.setSpacing(6)
        self.count_label = QLabel(self, objectName="muted")
        self.count_label.setMinimumHeight(THUMB_HEIGHT + 6)  # no jump at the first capture
        thumb_row = QHBoxLayout()
        thumb_row.addLayout(self.thumbs)
        thumb_row.addSpacing(8)
        thumb_row.addWidget(self.count_label, 1)

        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.clicked.connect(self.start_camera)
        self.files_button = QPushButton(self.tr("Scan image files instead…"), self)
        self.files_button.clicked.connect(self._scan_files)
        self.finish_button = QPushButton(self.tr("Cancel"), self)
        self.finish_button.clicked.connect(self.reject)  # with photos, done() reviews them
        self.capture_button = QPushButton(self.tr("Capture"), self, objectName="primary")
        self.capture_button.setToolTip(self.tr("Take the picture (Space or Enter)"))
        self.capture_button.setDefault(True)
        self.capture_button.clicked.connect(self.capture)
        for key in ("Space", "Return", "Enter"):
            QShortcut(QKeySequence(key), self, activated=self.capture)

        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.files_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        buttons.addWidget(self.capture_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 14)
        lay.addWidget(self.hint)
        lay.addWidget(self.pages, 1)
        lay.addLayout(thumb_row)
        lay.addLayout(buttons)

        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self._tick)
        app = QApplication.instance()
        if app is not None:  # quitting with the preview open releases the camera
            app.aboutToQuit.connect(self.stop_camera)
        self._update_buttons()
        self.start_camera()

    # -- the camera ----------------------------------------------------------------------
    def start_camera(self) -> None:
        self.stop_camera()
        frames = self.frames
        opener = (lambda: frames) if frames is not None else (lambda: _open_device(self.index))
        self.feed = LiveFeed(opener).start()
        self._shown_seq = self._captured_seq = 0  # a new feed counts its pictures from 1
        self.view.set_message(self.tr("Starting the camera…"))
        self.pages.setCurrentIndex(self.PAGE_PREVIEW)
        self.timer.start()
        self._update_buttons()
        self.capture_button.setFocus()

    def stop_camera(self) -> None:
        self.timer.stop()
        if self.feed is not None:
            self.feed.stop(wait=0.2)  # a camera read ends within a frame; a hung one is left

    @property
    def live(self) -> bool:
        """Streaming, and the rep has seen a picture (a capture is what the preview shows)."""
        return self.feed is not None and self.feed.state == "live" and self._shown_seq > 0

    def _tick(self) -> None:
        feed = self.feed
        if feed is None:
            return
        frame = feed.poll()
        if feed.state == "failed":
            self._failed(feed.error)
            return
        if frame is not None and frame.seq != self._shown_seq:
            self._shown_seq = frame.seq
            self.view.set_image(to_qimage(frame.preview))
            if not self.capture_button.isEnabled():
                self._update_buttons()

    def _failed(self, error: NoCamera | None) -> None:
        self.stop_camera()
        log.info("camera: %s", error)
        if isinstance(error, CameraLost):
            text = self.tr("The camera stopped sending pictures: it was unplugged, or another "
                           "program is using it. Plug it back in or close the other program, "
                           "then press Try again.")
        elif isinstance(error, CameraBusy):
            text = self.tr("The camera gives no picture. Another program may be using it: "
                           "close that program and press Try again, or scan the cards and "
                           "open the image files with File → Scan business cards.")
        else:
            text = self.tr("No camera found. Connect one, or scan the cards and open the "
                           "image files with File → Scan business cards.")
        n = len(self.photos)
        if n:
            text += "\n\n" + (self.tr("The card captured so far is kept.") if n == 1 else
                               self.tr("The {0} cards captured so far are kept.").format(n))
        self.message.setText(text)
        self.pages.setCurrentIndex(self.PAGE_MESSAGE)
        self._update_buttons()
        self.retry_button.setFocus()

    # -- capturing -----------------------------------------------------------------------
    def capture(self) -> None:
        feed = self.feed
        frame = feed.poll() if feed is not None and self.live else None
        if frame is None or frame.seq == self._captured_seq:
            return  # not streaming, or that very picture was just taken
        try:
            path = save_photo(frame.image, self.folder)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not captured"), self.tr(
                "The picture could not be saved in {0} ({1}). Check that the disk has room "
                "and try again.").format(self.folder, exc))
            return
        self._captured_seq = frame.seq
        self.photos.append(str(path))
        self.view.flash()
        self._add_thumb(to_qimage(frame.preview))
        self._update_buttons()

    def _add_thumb(self, image: QImage) -> None:
        thumb = QLabel(self, objectName="cameraThumb")
        thumb.setPixmap(QPixmap.fromImage(image).scaledToHeight(
            THUMB_HEIGHT, Qt.TransformationMode.SmoothTransformation))
        thumb.setStyleSheet("QLabel#cameraThumb { border: 1px solid #d1d5db; "
                            "border-radius: 3px; padding: 1px; background: white; }")
        thumb.setToolTip(self.photos[-1])
        self.thumbs.addWidget(thumb)
        while self.thumbs.count() > THUMBS:  # the latest few; the count says how many
            old = self.thumbs.takeAt(0).widget()
            if old is not None:
                old.deleteLater()

    def _update_buttons(self) -> None:
        n = len(self.photos)
        failed = self.pages.currentIndex() == self.PAGE_MESSAGE
        self.capture_button.setEnabled(self.live and not failed)
        self.retry_button.setVisible(failed)
        self.files_button.setVisible(failed and not n and self.can_scan_files)
        self.hint.setVisible(not failed)
        if n:
            self.finish_button.setText(self.tr("Review 1 card") if n == 1 else
                                       self.tr("Review {0} cards").format(n))
            self.finish_button.setToolTip(self.tr("Close the camera and read the cards "
                                                  "captured (Esc)"))
            text = (self.tr("1 card captured.") if n == 1 else
                    self.tr("{0} cards captured.").format(n))
            if not failed:
                text += " " + self.tr("Hold up the next one, or review them.")
            self.count_label.setText(text)
        else:
            self.finish_button.setText(self.tr("Cancel"))
            self.finish_button.setToolTip("")
            self.count_label.setText("")

    # -- closing -------------------------------------------------------------------------
    def _scan_files(self) -> None:
        self.reject()
        self.scan_files_requested.emit()

    def done(self, result: int) -> None:
        """Every way out (Review, Cancel, Esc, the window's close button) ends here: the
        camera is released, and photos taken go to review rather than being forgotten."""
        self.stop_camera()
        if self.photos and not self._handed_over:
            self._handed_over = True
            self.photos_taken.emit(list(self.photos))
            result = QDialog.DialogCode.Accepted
        super().done(result)


def _open_device(index: int) -> FrameSource:
    from ocr.camera import VideoCaptureSource

    return VideoCaptureSource(index)


def open_camera_dialog(parent: QWidget | None, store: Store,
                       frames: FrameSource | None = None) -> CameraDialog:
    """Entry point for the main window (File → Scan card with camera…): the preview opens at
    once; the photos taken open in the batch review when the camera is closed."""
    from ui.cards.dialog import open_scan_dialog

    dialog = CameraDialog(parent, photo_folder(store), frames)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.photos_taken.connect(lambda paths: open_scan_dialog(parent, store, paths))
    scan_files = getattr(parent, "scan_cards", None)
    if callable(scan_files):
        dialog.can_scan_files = True
        dialog.scan_files_requested.connect(lambda: scan_files())
    dialog.show()
    return dialog
