"""The import dialog with real widgets: files dropped on the main window → preview (nothing
written) → import in a worker → per-record report; cancel; column mapping; unreadable file."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox

from app.services import contacts
from ui.importing import ImportDialog, open_import_dialog

FIX = Path(__file__).resolve().parents[1] / "app" / "io" / "fixtures"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def _count(store) -> int:
    with store.read() as s:
        return contacts.count(s)


def _dialog(window) -> ImportDialog:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog)
             and w.isVisible()]
    assert found, "dropping address books opens the import dialog"
    return found[-1]


def test_drop_preview_import_report(qtbot, main_window, store):
    files = [FIX / "outlook_21_gbk_qp.vcf", FIX / "broken.vcf", FIX / "google.csv"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    main_window.dropEvent(drop)
    dialog = _dialog(main_window)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert _count(store) == 0  # the preview wrote nothing
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "import_preview.png"))
    assert "<b>6</b> new" in dialog.counts.text() and "<b>2</b> skipped" in dialog.counts.text()
    assert dialog.table.item(0, 2).text() == "skipped"  # skipped rows first, with reasons
    assert "END:VCARD" in dialog.table.item(1, 4).text() or "END:VCARD" in dialog.table.item(0, 4).text()

    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert _count(store) == 6
    assert dialog.report.created == 6 and len(dialog.report.skipped) == 2
    names = {dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())}
    assert {"张伟", "Jürgen Müller"} <= names
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "import_report.png"
    dialog.grab().save(str(shot))
    assert shot.stat().st_size > 5000
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_cancel_during_import_changes_nothing(qtbot, styled_app, store):
    dialog = open_import_dialog(None, store, [str(FIX / "google.csv")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    dialog.worker._cancel.set()  # as if Cancel was clicked the moment the import starts
    dialog.worker.start = _started_cancelled(dialog.worker)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "preview" and dialog.go_button.isEnabled(),
                    timeout=20000)
    assert "cancelled" in dialog.heading.text()
    assert _count(store) == 0


def _started_cancelled(worker):
    real = worker.start

    def start(paths, **kw):
        real(paths, **kw)
        worker.cancel()
    return start


def test_mapping_step_for_unknown_columns(qtbot, styled_app, store):
    dialog = open_import_dialog(None, store, [str(FIX / "unknown_headers.csv")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "mapping", timeout=20000)
    assert dialog.map_table.item(1, 1).text() == "+65 9123 4567"  # first value shown
    choices = {"Customer": "name", "Handphone": "mobile"}
    for row in range(dialog.map_table.rowCount()):
        combo: QComboBox = dialog.map_table.cellWidget(row, 2)
        want = choices.get(dialog.map_table.item(row, 0).text(), "")
        combo.setCurrentIndex(combo.findData(want))
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "import_mapping.png"))
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    with store.read() as s:
        [cid] = contacts.ids(s)
        assert contacts.get(s, cid).phones[0].kind == "mobile"


def test_unreadable_file_says_so(qtbot, styled_app, store):
    dialog = open_import_dialog(None, store, [str(FIX / "image.png")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "failed", timeout=20000)
    assert "PNG image" in dialog.heading.text()
    assert dialog.go_button.text() == "Close"
