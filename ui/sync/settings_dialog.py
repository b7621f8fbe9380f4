"""Sync settings: HQ address, device token, background interval."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.store import Store
from sync import settings
from sync.client import SyncError


class SyncSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Sync settings"))
        cfg = settings.load(store)
        self.server = QLineEdit(cfg.server, self)
        self.server.setPlaceholderText("https://hq.example.com")
        self.token = QLineEdit(cfg.token, self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("from your HQ administrator"))
        self.interval = QSpinBox(self)
        self.interval.setRange(1, 24 * 60)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setValue(cfg.interval_min)
        intro = QLabel(self.tr("Satchel sends your changes to HQ and receives your team's in "
                               "the background. You can keep working offline."), self)
        intro.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("HQ address"), self.server)
        form.addRow(self.tr("Device token"), self.token)
        form.addRow(self.tr("Sync every"), self.interval)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        server, token = self.server.text().strip(), self.token.text().strip()
        if server and not token:
            return self._fail(self.tr("Enter the device token HQ gave you."))
        try:
            settings.save(self.store, server=server, token=token,
                          interval_min=self.interval.value())
        except SyncError:
            return self._fail(self.tr("The HQ address must start with http:// or https://."))
        super().accept()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def open_sync_settings(parent: QWidget | None, store: Store) -> bool:
    """Show the settings dialog; True when the user saved."""
    return SyncSettingsDialog(parent, store).exec() == QDialog.DialogCode.Accepted
