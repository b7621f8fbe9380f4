"""Sync in the desktop app: status widget for the status bar, settings and conflicts dialogs.

Entry points used by the main window: `SyncStatusWidget(store, parent)`,
`open_sync_settings(parent, store)`, `open_conflicts_dialog(parent, store)`.
"""

from ui.sync.conflicts_dialog import ConflictsDialog, open_conflicts_dialog
from ui.sync.settings_dialog import SyncSettingsDialog, open_sync_settings
from ui.sync.status_widget import SyncStatusWidget
from ui.sync.worker import SyncRunner

__all__ = ["ConflictsDialog", "SyncRunner", "SyncSettingsDialog", "SyncStatusWidget",
           "open_conflicts_dialog", "open_sync_settings"]
