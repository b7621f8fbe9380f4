"""The sync status in the status bar: last sync, pending changes, offline state, conflicts;
a "Sync now" button; background sync every N minutes (never blocking the UI)."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from app.store import Store
from sync import settings
from ui.store_bridge import StoreBridge
from ui.sync.worker import SyncRunner

TICK_MS = 30_000  # how often the widget checks whether a background sync is due


class SyncStatusWidget(QWidget):
    synced = Signal(object)  # SyncReport, after a successful sync
    sync_failed = Signal(str, str)  # kind, message

    def __init__(self, store: Store, parent: QWidget | None = None, *,
                 runner: SyncRunner | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner or SyncRunner(store, self)
        self._state = ""  # "" | syncing | offline | auth | update | error
        self._message = ""
        # None: never tried in this run (monotonic time starts at boot, so 0.0 would not be
        # "long ago" on a machine up for less than one interval)
        self._last_attempt: float | None = None

        self.label = QLabel(self)
        self.label.setObjectName("syncStatus")
        self.conflicts_button = QToolButton(self)
        self.conflicts_button.setObjectName("syncConflicts")
        self.conflicts_button.setAutoRaise(True)
        self.conflicts_button.setStyleSheet("color: #b45309; font-weight: 600")
        self.conflicts_button.setToolTip(self.tr("Changes of yours replaced by newer ones: "
                                                 "review and restore"))
        self.conflicts_button.clicked.connect(self._open_conflicts)
        self.sync_button = QToolButton(self)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setAutoRaise(True)
        self.sync_button.clicked.connect(self._button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.conflicts_button)
        layout.addWidget(self.sync_button)

        self.runner.started.connect(self._on_started)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.progress.connect(self._on_progress)
        self.bridge = StoreBridge(store, self)
        self.bridge.changed.connect(lambda _entities: self.refresh())
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.destroyed.connect(self.bridge.close)
        self.refresh()

    # -- actions -------------------------------------------------------------------------
    def sync_now(self) -> bool:
        cfg = settings.load(self.store)
        if not cfg.configured:
            from ui.sync.settings_dialog import open_sync_settings

            open_sync_settings(self, self.store)
            if not settings.load(self.store).configured:
                return False
        self._last_attempt = time.monotonic()
        return self.runner.start()

    def _button_clicked(self) -> None:
        if self.runner.running:
            self.runner.cancel()  # stops before the next request; nothing is lost
        else:
            self.sync_now()

    def _tick(self) -> None:
        """Background sync when due (every N minutes, sooner after a failure)."""
        cfg = settings.load(self.store)
        self.refresh()
        if not cfg.configured or self.runner.running:
            return
        due = cfg.interval_min * 60
        if self._state in ("offline", "error"):
            due = min(due, 120)  # retry soon when the network comes back
        if self._state in ("auth", "update"):
            return  # needs the user: a new token or a new version
        if self._last_attempt is None or time.monotonic() - self._last_attempt >= due:
            self._last_attempt = time.monotonic()
            self.runner.start()

    def _open_conflicts(self) -> None:
        from ui.sync.conflicts_dialog import open_conflicts_dialog

        open_conflicts_dialog(self, self.store)
        self.refresh()

    # -- runner signals ------------------------------------------------------------------
    def _on_started(self) -> None:
        self._state, self._message = "syncing", ""
        self.sync_button.setText(self.tr("Cancel"))
        self.refresh()

    def _on_progress(self, phase: str, n: int) -> None:
        self.label.setText(self.tr("Sending changes… {0}").format(n) if phase == "push"
                           else self.tr("Receiving changes… {0}").format(n))

    def _on_finished(self, report) -> None:
        self._state, self._message = "", ""
        self.sync_button.setText(self.tr("Sync now"))
        self.refresh()
        self.synced.emit(report)

    def _on_failed(self, kind: str, message: str) -> None:
        self._state, self._message = ("" if kind == "cancelled" else kind), message
        self.sync_button.setText(self.tr("Sync now"))
        self.refresh()
        self.sync_failed.emit(kind, message)

    # -- display -------------------------------------------------------------------------
    def refresh(self) -> None:
        st = settings.status(self.store)
        if self._state == "syncing":
            text = self.tr("Syncing…")
        elif not st.configured:
            text = self.tr("Sync not set up")
        elif self._state == "offline":
            text = self.tr("Offline")
        elif self._state == "auth":
            text = self.tr("Sync refused: check your token")
        elif self._state == "update":
            text = self.tr("Update Satchel to sync")
        elif self._state == "error":
            text = self.tr("Sync failed")
        elif st.last_sync is None:
            text = self.tr("Never synced")
        else:
            text = self.tr("Synced {0}").format(self._ago(st.last_sync))
        if st.pending:
            text += " · " + (self.tr("1 change to send") if st.pending == 1 else
                             self.tr("{0} changes to send").format(f"{st.pending:,}"))
        self.label.setText(text)
        tip = [self._message] if self._message else []
        if st.last_sync is not None:
            tip.append(self.tr("Last sync: {0}").format(
                st.last_sync.astimezone().strftime("%Y-%m-%d %H:%M")))
        self.label.setToolTip("\n".join(tip))
        self.conflicts_button.setVisible(st.conflicts > 0)
        self.conflicts_button.setText(self.tr("1 conflict") if st.conflicts == 1 else
                                      self.tr("{0} conflicts").format(f"{st.conflicts:,}"))

    def _ago(self, when: dt.datetime) -> str:
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        minutes = int((dt.datetime.now(dt.UTC) - when).total_seconds() // 60)
        if minutes < 1:
            return self.tr("just now")
        if minutes < 60:
            return self.tr("{0} min ago").format(minutes)
        if minutes < 48 * 60:
            return self.tr("{0} h ago").format(minutes // 60)
        return when.astimezone().strftime("%Y-%m-%d")

    @property
    def state(self) -> str:
        return self._state
