"""Background work for the window.

`run_in_thread`: one blocking call (a save that may have to match against a large store) in a
thread while the window keeps painting; the caller still gets the result (or the exception) back.
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
from PySide6.QtWidgets import QApplication, QWidget

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
