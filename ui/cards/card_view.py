"""The card image with the boxes the fields were read from drawn over it: every field's words
in blue, low-confidence ones in amber, the field being edited filled so the rep can see where a
value came from."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ocr.types import Box

BLUE = QColor(37, 99, 235)
AMBER = QColor(217, 119, 6)


class CardView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.boxes: dict[str, list[tuple[Box, bool]]] = {}  # field -> (box, low confidence)
        self.current = ""  # the field whose boxes are highlighted
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Business card image"))

    def set_card(self, png: bytes, boxes: dict[str, list[tuple[Box, bool]]]) -> None:
        self.image = QImage.fromData(png) if png else QImage()
        self.current = ""
        self.set_boxes(boxes)

    def set_boxes(self, boxes: dict[str, list[tuple[Box, bool]]]) -> None:
        self.boxes = {k: merge_boxes(v) for k, v in boxes.items()}
        self.update()

    def highlight(self, key: str) -> None:
        if key != self.current:
            self.current = key
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 320)

    def image_rect(self) -> QRectF:
        """Where the image is painted: scaled to fit, centred, aspect ratio kept."""
        if self.image.isNull():
            return QRectF()
        w, h = self.width() - 8, self.height() - 8
        scale = min(w / self.image.width(), h / self.image.height())
        iw, ih = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - iw) / 2, 4, iw, ih)  # top: level with the first field

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = self.image_rect()
        if target.isEmpty():
            p.setPen(QColor("#9ca3af"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No image"))
            return
        p.drawImage(target, self.image)
        p.setPen(QPen(QColor("#d1d5db"), 1))
        p.drawRect(target)
        scale = target.width() / self.image.width()
        for key, boxes in self.boxes.items():
            on = key == self.current
            for box, low in boxes:
                colour = QColor(AMBER if low else BLUE)
                r = QRectF(target.x() + box.x * scale - 2, target.y() + box.y * scale - 2,
                           box.w * scale + 4, box.h * scale + 4)
                if on:
                    fill = QColor(colour)
                    fill.setAlpha(60)
                    p.fillRect(r, fill)
                colour.setAlpha(255 if on else 150)
                p.setPen(QPen(colour, 2.5 if on else 1.2))
                p.drawRect(r)
        p.end()


def merge_boxes(boxes: list[tuple[Box, bool]]) -> list[tuple[Box, bool]]:
    """One box per run of words on a line: Tesseract boxes Chinese text almost per character,
    and dozens of overlapping little boxes hide the text they should point at."""
    out = sorted(boxes, key=lambda b: (b[0].y, b[0].x))
    merged = True
    while merged:  # until no two boxes join (a joined box may now reach a third)
        merged = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                (a, alow), (b, blow) = out[i], out[j]
                overlap = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
                gap = max(a.x, b.x) - min(a.x + a.w, b.x + b.w)
                if overlap > 0.5 * min(a.h, b.h) and gap < 1.5 * max(a.h, b.h):
                    x, y = min(a.x, b.x), min(a.y, b.y)
                    out[i] = (Box(x, y, max(a.x + a.w, b.x + b.w) - x,
                                  max(a.y + a.h, b.y + b.h) - y), alow or blow)
                    del out[j]
                    merged = True
                    break
            if merged:
                break
    return out
