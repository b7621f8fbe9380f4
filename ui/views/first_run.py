"""The screen of an empty database: three big ways to get started."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ui.style import icon


class FirstRunView(QWidget):
    import_requested = Signal()
    scan_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel(self)
        logo.setPixmap(icon("satchel").pixmap(72, 72))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Welcome to Satchel"), self, objectName="viewTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(self.tr(
            "Your customers, companies and deals, on this computer, with or without a network.\n"
            "Start by bringing in the people you already know:"), self, objectName="muted")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)

        self.import_button = self._big("import", self.tr("Import address book"), self.tr(
            "vCard, CSV, LDIF or Excel"))
        self.scan_button = self._big("scan", self.tr("Scan business cards"), self.tr(
            "English and Chinese cards"))
        self.sample_button = self._big("sample", self.tr("Load sample data"), self.tr(
            "A few example customers"))
        self.import_button.clicked.connect(self.import_requested)
        self.scan_button.clicked.connect(self.scan_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        buttons = QHBoxLayout()
        buttons.setSpacing(18)
        buttons.addStretch(1)
        for b in (self.import_button, self.scan_button, self.sample_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        hint = QLabel(self.tr("or press Ctrl+N to add a contact by hand"), self,
                      objectName="muted")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.setSpacing(14)
        layout.addStretch(2)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(18)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(hint)
        layout.addStretch(3)

    def _big(self, icon_name: str, label: str, detail: str) -> QToolButton:
        b = QToolButton(self, objectName="bigAction")
        b.setIcon(icon(icon_name))
        b.setIconSize(QSize(48, 48))
        b.setText(f"{label}\n{detail}")
        b.setAccessibleName(label)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        b.setFixedSize(QSize(230, 170))
        b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return b
