"""Export contacts from the desktop app: File → Export contacts… asks where and in which
format (vCard 3.0 / 4.0, Google CSV, Excel), then writes the file in a worker with progress and
Cancel. Entry point: `open_export_dialog(parent, store)`."""

from ui.exporting.dialog import ExportDialog, open_export_dialog

__all__ = ["ExportDialog", "open_export_dialog"]
