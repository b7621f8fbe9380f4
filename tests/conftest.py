"""Shared test set-up: Qt runs offscreen; every test gets its own real SQLite file."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import pytest

from app.store import Store


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "satchel.sqlite3"


@pytest.fixture
def store(db_path):
    s = Store.open(db_path, region="CN")
    yield s
    s.close()


@pytest.fixture
def sample_store(store):
    """The store with the sample data (English and Chinese companies, pipeline, tasks)."""
    from app.sample import load_sample

    load_sample(store)
    return store


@pytest.fixture
def styled_app(qapp):
    """The QApplication with Satchel's font and style (what users see, for screenshots)."""
    from ui.app import make_application

    return make_application([])


@pytest.fixture
def main_window(qtbot, styled_app, store):
    from ui.app import make_main_window

    window = make_main_window(store)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.bridge.close()
