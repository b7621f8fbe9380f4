"""The frame of a record's form dialog: the form, an error line under it, Save and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from ui.style import mark_primary


def form_frame(dialog: QDialog, form: QFormLayout) -> QLabel:
    """Lay the dialog out as the form, an error line (hidden until a save fails) and Save
    (the default button, calling `dialog.save`) / Cancel; returns the error line."""
    error = QLabel(dialog, objectName="error", wordWrap=True)
    error.hide()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    mark_primary(buttons.button(QDialogButtonBox.StandardButton.Save))
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(20, 18, 20, 16)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return error
