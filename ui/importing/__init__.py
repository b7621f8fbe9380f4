"""Import address books in the desktop app: column mapping (when needed) → preview → import
with progress and Cancel → report. Entry point: `open_import_dialog(parent, store, paths)`."""

from ui.importing.dialog import ImportDialog, open_import_dialog

__all__ = ["ImportDialog", "open_import_dialog"]
