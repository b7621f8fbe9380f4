"""Guard against a Qt binding that corrupts reference counts (PySide6 6.12.0 on Python 3.11
decrements None on every call of a void method: a GUI session then dies with "Fatal Python
error: none_dealloc" after some ten thousand calls)."""

import sys

import pytest
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        qapp.processEvents()
    assert sys.getrefcount(None) >= before - 50
