"""An empty database opens on the first-run screen; its three actions work."""

import sys
import types

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.sample import LOADED_KEY
from app.services import companies, contacts, opportunities


def test_empty_database_shows_first_run(main_window):
    assert main_window.root.currentWidget() is main_window.first_run
    assert main_window.first_run.isVisible()
    texts = [b.accessibleName() for b in (main_window.first_run.import_button,
                                          main_window.first_run.scan_button,
                                          main_window.first_run.sample_button)]
    assert texts == ["Import address book", "Scan business cards", "Load sample data"]


def test_load_sample_data_opens_the_app_with_english_and_chinese_records(
        qtbot, main_window, store):
    qtbot.mouseClick(main_window.first_run.sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main_window.root.currentWidget() is not main_window.first_run)
    assert main_window.stack.currentWidget() is main_window.today
    with store.read() as s:
        names = {c.name for c in companies.list_all(s)}
        assert contacts.count(s) == 19
        assert len(opportunities.list_all(s)) == 8
    assert {"Acme Robotics GmbH", "上海明远精密仪器有限公司"} <= names
    assert store.get_meta(LOADED_KEY)
    qtbot.waitUntil(lambda: main_window.today.tasks.count() > 0)
    assert "Plan for today" in main_window.today.note.toPlainText()


def test_sample_data_goes_through_the_outbox(store):
    from sqlalchemy import func, select

    from app.models import Outbox
    from app.sample import load_sample

    load_sample(store)
    with store.read() as s:
        entities = set(s.scalars(select(Outbox.entity).distinct()))
        assert s.scalar(select(func.count()).select_from(Outbox)) >= 48
    assert entities == {"company", "contact", "opportunity", "activity"}


def test_loading_sample_twice_is_refused_politely(qtbot, main_window, store, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    main_window.load_sample()
    main_window.load_sample()
    assert shown and "already" in shown[0]
    with store.read() as s:
        assert contacts.count(s) == 19


def test_import_opens_file_picker_then_the_import_dialog(qtbot, main_window, store,
                                                         monkeypatch):
    calls = []
    fake = types.ModuleType("ui.importing")
    fake.open_import_dialog = lambda parent, st, paths: calls.append((parent, st, paths))
    monkeypatch.setitem(sys.modules, "ui.importing", fake)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: (["/tmp/people.vcf"], ""))
    qtbot.mouseClick(main_window.first_run.import_button, Qt.MouseButton.LeftButton)
    assert calls == [(main_window, store, ["/tmp/people.vcf"])]


def test_scan_opens_file_picker_then_the_scan_dialog(qtbot, main_window, store, monkeypatch):
    calls = []
    fake = types.ModuleType("ui.cards")
    fake.open_scan_dialog = lambda parent, st, paths: calls.append(paths)
    monkeypatch.setitem(sys.modules, "ui.cards", fake)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (["/tmp/c.jpg"], ""))
    qtbot.mouseClick(main_window.first_run.scan_button, Qt.MouseButton.LeftButton)
    assert calls == [["/tmp/c.jpg"]]


def test_missing_module_says_not_available(qtbot, main_window, monkeypatch):
    shown = []
    monkeypatch.setitem(sys.modules, "ui.dedup", None)  # import fails as in a build without it
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    main_window.find_duplicates()
    assert shown == ["Find duplicates is not available in this build of Satchel. "
                     "Update Satchel to use it."]


def test_cancelled_file_picker_opens_nothing(qtbot, main_window, monkeypatch):
    calls = []
    fake = types.ModuleType("ui.importing")
    fake.open_import_dialog = lambda *a: calls.append(a)
    monkeypatch.setitem(sys.modules, "ui.importing", fake)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))
    main_window.import_files()
    assert calls == []


def test_a_failing_dialog_gives_a_message_not_a_crash(qtbot, main_window, monkeypatch):
    def broken(parent, store):
        raise RuntimeError("boom")

    fake = types.ModuleType("ui.dedup")
    fake.open_review_dialog = broken
    monkeypatch.setitem(sys.modules, "ui.dedup", fake)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    main_window.find_duplicates()
    assert shown and "boom" in shown[0] and "Find duplicates" in shown[0]
