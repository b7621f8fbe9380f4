"""Background work for the window.

`run_in_thread`: one blocking call (a save that may have to match against a large store) in a
thread while the window keeps painting; the caller still gets the result (or the exception) back.
`run_with_progress`: the same for a long one with a count (deleting 50,000 selected rows), with
a progress dialog whose Cancel stops it inside its transaction.
`ThreadWorker`: the base of the long jobs (import, cards, dedup, sync): one daemon thread at a
time, a cancel flag, results sent back as queued Qt signals by the subclass.

    result = run_in_thread(save_contact_in_a_transaction, draft)

The UI thread waits in a local event loop (a busy cursor shows), so the caller's code reads
like a plain call and a failure reaches the usual `except` in the caller.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")


class _Done(QObject):
    finished = Signal()


def run_in_thread(fn: Callable[..., T], *args: Any) -> T:
    outcome: dict[str, Any] = {}
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            outcome["value"] = fn(*args)
        except BaseException as exc:  # handed to the caller below
            outcome["error"] = exc
        finally:
            done.finished.emit()

    thread = threading.Thread(target=work, name="ui-save", daemon=True)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        thread.start()
        loop.exec()  # the queued `finished` cannot arrive before this loop runs
    finally:
        QApplication.restoreOverrideCursor()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


class Stopped(Exception):
    """Cancel was pressed during `run_with_progress`: raised inside the work, so the
    transaction it runs in rolls back and nothing is written."""


class _Step(QObject):
    done = Signal(int)


def run_with_progress(parent: QWidget, label: str, cancel: str, total: int,
                      fn: Callable[[Callable[[int], None]], T]) -> T:
    """`run_in_thread(fn, step)` with a progress dialog (after half a second). `fn` calls
    `step(done)` as it goes; after Cancel that call raises Stopped."""
    dialog = QProgressDialog(label, cancel, 0, total, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumWidth(380)  # (its own size squeezes the bar to a few centimetres)
    dialog.setMinimumDuration(500)
    dialog.setAutoReset(False)
    stop = threading.Event()
    dialog.canceled.connect(stop.set)
    relay = _Step()
    relay.done.connect(dialog.setValue, Qt.ConnectionType.QueuedConnection)

    def step(done: int) -> None:
        if stop.is_set():
            raise Stopped
        if done % 50 == 0:  # (a queued signal per record would flood the window)
            relay.done.emit(done)
    try:
        return run_in_thread(fn, step)
    finally:
        dialog.close()
        dialog.deleteLater()


def saving(dialog: QWidget, write: Callable[[], Any], attribute: str) -> Exception | None:
    """Run `write` in a thread with the dialog disabled (no second Save meanwhile); store its
    result on `dialog.<attribute>`. Returns the user-caused error (ServiceError), if any."""
    from app.errors import ServiceError

    dialog.setEnabled(False)
    try:
        setattr(dialog, attribute, run_in_thread(write))
    except ServiceError as exc:
        return exc
    finally:
        dialog.setEnabled(True)
    return None


class ThreadWorker(QObject):
    """Subclasses start their thread body with `_launch` and check `_cancel` in it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _launch(self, name: str, target: Callable[..., Any], *args: Any) -> None:
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        self._thread.start()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = 30.0) -> None:
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
