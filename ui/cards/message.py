"""The message the card dialogs show in place of a card: a file that cannot be read, no camera."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

STYLE = ("QLabel#cardError { color: #991b1b; background: #fef2f2; border: 1px solid #fecaca;"
         " border-radius: 6px; padding: 18px; font-size: 11pt; }")


def error_page(parent: QWidget) -> tuple[QWidget, QLabel]:
    """A page with a selectable red message a third of the way down; (page, its label)."""
    label = QLabel(parent, objectName="cardError", wordWrap=True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet(STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    page = QWidget(parent)
    column = QVBoxLayout(page)
    column.addStretch(1)
    column.addWidget(label)
    column.addStretch(2)
    return page, label
