"""Starting the GUI: a database that cannot be opened gives a message, not a traceback."""

from PySide6.QtWidgets import QMessageBox

from ui import app as gui


def _capture(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    return shown


def test_not_a_database_shows_what_happened_and_what_to_do(qapp, tmp_path, monkeypatch):
    path = tmp_path / "notes.sqlite3"
    path.write_text("just some text, not a database")
    shown = _capture(monkeypatch)
    assert gui.run_gui(str(path)) == 1
    assert len(shown) == 1
    assert "could not open its database" in shown[0]
    assert "not a Satchel database" in shown[0] and "left untouched" in shown[0]
    assert path.read_text() == "just some text, not a database"


def test_unwritable_location_is_explained(qapp, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    shown = _capture(monkeypatch)
    assert gui.run_gui(str(blocker / "sub" / "satchel.sqlite3")) == 1
    assert "--db" in shown[0]


def test_run_gui_opens_the_window_and_returns_the_exit_code(qapp, tmp_path, monkeypatch):
    windows = []
    real = gui.make_main_window

    def spy(store):
        w = real(store)
        windows.append(w)
        return w

    monkeypatch.setattr(gui, "make_main_window", spy)
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)
    assert gui.run_gui(str(tmp_path / "new.sqlite3")) == 0
    assert windows and windows[0].isVisible()
    assert windows[0].root.currentWidget() is windows[0].first_run
    windows[0].close()


def test_unexpected_error_in_a_slot_is_explained_not_dumped(qapp, monkeypatch):
    import sys

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    gui.install_excepthook()
    try:
        raise RuntimeError("database is locked")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert shown and shown[0].startswith("Something went wrong: database is locked")
