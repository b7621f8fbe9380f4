"""Blocking saves run in a thread while the UI thread keeps serving events."""

import threading

import pytest
from PySide6.QtCore import QTimer

from app.errors import InvalidInput
from ui.worker import run_in_thread


def test_result_comes_back_and_the_event_loop_ran_meanwhile(qapp):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    gate = threading.Event()
    QTimer.singleShot(60, gate.set)  # only the UI thread's event loop can open the gate

    def slow():
        assert gate.wait(5)
        return threading.current_thread().name

    assert run_in_thread(slow) == "ui-save"
    timer.stop()
    assert ticks  # the window kept painting / handling events


def test_errors_reach_the_caller(qapp):
    def bad():
        raise InvalidInput("A company needs a name.")

    with pytest.raises(InvalidInput, match="needs a name"):
        run_in_thread(bad)
