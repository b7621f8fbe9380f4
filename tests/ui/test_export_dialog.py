"""File → Export contacts… with real widgets: Qt's own save dialog filled in as a rep would,
the file written in a worker, the report; cancel and an unwritable folder leave no file."""

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.domain import ContactDraft, Email, Phone
from app.io.apply import run_import
from app.services import contacts
from app.store import Store
from ui.exporting import ExportDialog
from ui.exporting.dialog import FOLDER_KEY, FORMAT_KEY, _filters, target

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture
def people(store):
    with store.write() as tx:
        for name, company, mail, phone in [
                ("王小明", "深圳市华强电子有限公司", "wxm@hq-dz.cn", "+86 138 0013 8000"),
                ("Anna Schmidt", "Acme Industrial GmbH", "anna@acme.de", "+49 170 1234567")]:
            contacts.create(tx, ContactDraft(name=name, company=company, emails=[Email(mail)],
                                             phones=[Phone(phone)]))
    return store


def _fill_save_dialog(qtbot, file_name: str, fmt: str) -> list[str]:
    """Answer Qt's save dialog once it is up (offscreen it is Qt's own widget dialog): type the
    name, pick the file type, press Save. Returns what it offered (its start path)."""
    offered: list[str] = []

    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QFileDialog):
            QTimer.singleShot(20, act)
            return
        offered.append(box.selectedFiles()[0])
        box.selectNameFilter(_filters()[fmt])
        box.selectFile(file_name)
        box.accept()
    QTimer.singleShot(0, act)
    return offered


def _exported(qtbot) -> ExportDialog:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog)
             and w.isVisible()]
    assert found, "the export dialog opens once a file is chosen"
    qtbot.waitUntil(lambda: found[-1].state != "exporting", timeout=20000)
    return found[-1]


def test_file_menu_exports_to_the_chosen_file_and_type(qtbot, main_window, people, tmp_path):
    offered = _fill_save_dialog(qtbot, str(tmp_path / "my contacts"), "xlsx")
    main_window.export_contacts()
    dialog = _exported(qtbot)
    assert dialog.state == "done"
    out = tmp_path / "my contacts.xlsx"  # the chosen type's ending was added
    assert dialog.path == str(out) and out.exists()
    sheet = openpyxl.load_workbook(out).active
    names = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"王小明", "Anna Schmidt"}
    assert dialog.heading.text() == "Exported 2 contacts to my contacts.xlsx."
    assert dialog.folder_button.isVisible() and dialog.close_button.isVisible()
    assert not dialog.cancel_button.isVisible()
    assert dialog.next_steps.isVisible() and "Satchel ID" in dialog.next_steps.text()
    assert Path(offered[0]).suffix == ".vcf"  # a first export offers vCard 3.0
    ARTIFACTS.mkdir(exist_ok=True)
    qtbot.wait(50)
    assert dialog.grab().save(str(ARTIFACTS / "export_done.png"))
    # the next export starts where this one went, in its format
    assert (people.get_meta(FORMAT_KEY), people.get_meta(FOLDER_KEY)) == ("xlsx", str(tmp_path))
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    offered = _fill_save_dialog(qtbot, str(tmp_path / "again.vcf"), "vcf4")
    main_window.export_contacts()
    dialog = _exported(qtbot)
    assert Path(offered[0]).parent == tmp_path and Path(offered[0]).suffix == ".xlsx"
    assert dialog.fmt == "vcf4" and "VERSION:4.0" in (tmp_path / "again.vcf").read_text("utf-8")


def test_an_exported_vcard_imports_the_same_people(qtbot, people, tmp_path):
    out = tmp_path / "book.vcf"
    dialog = ExportDialog(None, people, str(out), "vcf", 2)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    fresh = Store.open(tmp_path / "fresh.sqlite3")
    try:
        report = run_import(fresh, [str(out)])
        with fresh.read() as s:
            names = {contacts.get(s, cid).name for cid in contacts.ids(s)}
    finally:
        fresh.close()
    assert report.created == 2 and names == {"王小明", "Anna Schmidt"}


def test_cancel_writes_nothing_and_keeps_an_older_file(qtbot, store, tmp_path):
    with store.write() as tx:
        for i in range(450):
            contacts.create(tx, ContactDraft(name=f"Person {i}", emails=[Email(f"p{i}@x.com")]))
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "contacts.csv"
    out.write_text("the rep's older export", encoding="utf-8")
    dialog = ExportDialog(None, store, str(out), "csv", 450)
    qtbot.addWidget(dialog)
    dialog.show()
    # Cancel as the first 200 are written (in the worker's thread: no race with the end)
    dialog.worker.progress.connect(lambda _n: dialog.worker.cancel(),
                                   Qt.ConnectionType.DirectConnection)
    qtbot.waitUntil(lambda: dialog.state != "exporting", timeout=20000)
    assert dialog.state == "cancelled"
    assert dialog.heading.text() == "Export cancelled: no file was written."
    assert out.read_text(encoding="utf-8") == "the rep's older export"
    assert [p.name for p in out.parent.iterdir()] == ["contacts.csv"]  # no temporary left
    assert dialog.close_button.isVisible() and not dialog.folder_button.isVisible()


def test_a_folder_that_cannot_be_written_says_so(qtbot, people, tmp_path):
    out = tmp_path / "gone" / "contacts.vcf"
    dialog = ExportDialog(None, people, str(out), "vcf", 2)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state != "exporting", timeout=20000)
    assert dialog.state == "failed" and not out.parent.exists()
    assert str(out) in dialog.heading.text()
    assert "Nothing was exported: choose another folder" in dialog.heading.text()


def test_an_empty_database_has_nothing_to_export(qtbot, main_window, monkeypatch):
    shown, asked = [], []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a))
    main_window.export_contacts()
    assert shown == ["There is nothing to export yet: import an address book or add a "
                     "contact first."]
    assert asked == []  # no save dialog for an empty file


@pytest.mark.parametrize(("typed", "chosen", "expected"), [
    ("/d/contacts", "vcf", ("/d/contacts.vcf", "vcf")),
    ("/d/contacts", "vcf4", ("/d/contacts.vcf", "vcf4")),
    ("/d/contacts.VCF", "vcf4", ("/d/contacts.VCF", "vcf4")),  # 4.0 is a .vcf as well
    ("/d/contacts.xlsx", "vcf", ("/d/contacts.xlsx", "xlsx")),  # the typed ending says Excel
    ("/d/contacts.csv", "xlsx", ("/d/contacts.csv", "csv")),
    ("/d/contacts.vcard", "csv", ("/d/contacts.vcard", "vcf")),
    ("/d/客户 2026.11", "xlsx", ("/d/客户 2026.11.xlsx", "xlsx")),  # a dot is no ending
    ("/d/contacts.txt", "csv", ("/d/contacts.txt.csv", "csv")),
])
def test_target_file_and_format(typed, chosen, expected):
    assert target(typed, chosen) == expected
