"""File → Export contacts… with real widgets: Qt's own save dialog filled in as a rep would,
the file written in a worker, the report; cancel and an unwritable folder leave no file."""

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QPushButton

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


def _click_row(qtbot, view, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    table = view.table
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_the_selected_rows_export_alone(qtbot, main_window, store, tmp_path):
    from app import capture

    with store.write() as tx:
        for name, company, mail in [("王小明", "深圳市华强电子有限公司", "wxm@hq-dz.cn"),
                                    ("李娜", "深圳市华强电子有限公司", "lina@hq-dz.cn"),
                                    ("Anna Schmidt", "Acme Industrial GmbH", "anna@acme.de")]:
            capture.save_contact(tx, ContactDraft(name=name, company=company,
                                                  emails=[Email(mail)]))
    main_window.show_view(1)
    view = main_window.contacts
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    names = [view.model.index(r, 0).data() for r in range(3)]
    _click_row(qtbot, view, 0)
    _click_row(qtbot, view, 2, Qt.KeyboardModifier.ControlModifier)  # Ctrl+click: a second row
    chosen = {names[0], names[2]}
    assert view.summary.text() == "3 contacts · 2 selected"
    # a write (a sync, a colleague's card) re-reads the list: the selection stays
    with store.write() as tx:
        capture.save_contact(tx, ContactDraft(name="Zoe Zhang", emails=[Email("zoe@x.example")]))
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    assert view.summary.text() == "4 contacts · 2 selected"
    assert {view.model.index(view.model.row_of(i), 0).data() for i in view.selected_ids()} == chosen
    action = main_window.export_selection_action
    assert action.isEnabled() and action.text() == "Export 2 contacts…"
    menu = view.context_menu()  # right-click offers the same, and deleting them
    assert [a.text() for a in menu.actions() if a.text()] == ["Export 2 contacts…", "Delete 2 contacts…"]

    _fill_save_dialog(qtbot, str(tmp_path / "chosen"), "vcf")
    action.trigger()
    dialog = _exported(qtbot)
    assert dialog.state == "done" and "2 contacts" in dialog.heading.text()
    text = (tmp_path / "chosen.vcf").read_text(encoding="utf-8")
    assert all(n in text for n in chosen) and names[1] not in text and "Zoe" not in text
    _shot(qtbot, main_window, "export_selection_list.png")
    dialog.close()

    # companies: a company's people, in a file named after it
    main_window.show_view(2)
    assert not action.isEnabled() or action.text() != "Export 2 contacts…"
    firms = main_window.companies
    qtbot.waitUntil(lambda: firms.model.rowCount() == 2)
    row = next(r for r in range(2) if firms.model.index(r, 0).data() == "深圳市华强电子有限公司")
    _click_row(qtbot, firms, row)
    assert action.text() == "Export this company's contacts…"
    offered = _fill_save_dialog(qtbot, str(tmp_path / "hq.csv"), "outlook")
    action.trigger()
    dialog = _exported(qtbot)
    assert Path(offered[0]).name.startswith("深圳市华强电子有限公司 20")
    written = (tmp_path / "hq.csv").read_text(encoding="utf-8-sig")
    assert dialog.fmt == "outlook" and written.startswith("First Name,")
    assert "Import from another program or file" in dialog.next_steps.text()
    assert "王小明" in written and "李娜" in written and "Anna" not in written
    dialog.close()

    # one person: the file is named after them (a card to send on)
    main_window.show_view(1)
    _click_row(qtbot, view, view.model.row_of(next(iter(view.selected_ids()))))
    [one] = view.selected_ids()
    offered = _fill_save_dialog(qtbot, str(tmp_path / "one.vcf"), "vcf")
    main_window.export_selection_action.trigger()
    _exported(qtbot).close()
    with store.read() as s:
        assert Path(offered[0]).name.startswith(contacts.get(s, one).name + " 20")

    # the Today view has no selection: nothing to export from there
    main_window.show_view(0)
    assert not action.isEnabled()


def _shot(qtbot, widget, name: str) -> None:
    qtbot.wait(50)
    ARTIFACTS.mkdir(exist_ok=True)
    widget.grab().save(str(ARTIFACTS / name))


def test_deleting_several_selected_rows_asks_once(qtbot, main_window, people, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    main_window.show_view(1)
    view = main_window.contacts
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_ids() and len(view.selected_ids()) == 2
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert asked == ["Delete these 2 contacts?"]
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    with people.read() as s:
        assert contacts.count(s) == 0


def test_a_company_nobody_works_at_exported_alone(qtbot, store, tmp_path):
    """Its vCard is the company's card; a table of people holds only its headers, and says why
    in words about the selection, not "there are no contacts yet"."""
    from app.domain import CompanyDraft
    from app.io.export import Selection
    from app.services import companies

    with store.write() as tx:
        cid = companies.create(tx, CompanyDraft("深圳市华强电子有限公司"))
    for fmt, name, said in [("vcf", "hq.vcf", "Exported 1 company to hq.vcf."),
                            ("csv", "hq.csv", "Nobody works at the selected companies: hq.csv "
                             "holds only the column headers.")]:
        dialog = ExportDialog(None, store, str(tmp_path / name), fmt, 0, Selection(companies=(cid,)))
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda d=dialog: d.state == "done", timeout=20000)
        assert dialog.heading.text().startswith(said)


def test_deleting_thousands_shows_progress_and_cancel_deletes_none(qtbot, main_window, store,
                                                                  tmp_path, monkeypatch):
    """One transaction: Cancel in the middle leaves every row, still selected."""
    book = tmp_path / "many.csv"
    book.write_text("Name,E-mail\n" + "".join(f"Person {i},p{i}@example.com\n"
                                              for i in range(3000)), encoding="utf-8")
    assert run_import(store, [str(book)]).created == 3000
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    main_window.show_view(1)
    view = main_window.contacts
    qtbot.waitUntil(lambda: view.model.rowCount() == 3000)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    seen = []

    def press_cancel() -> None:  # as soon as the progress dialog exists, mid-way
        box = next(iter(view.findChildren(QProgressDialog)), None)
        if box is None:
            QTimer.singleShot(5, press_cancel)
            return
        seen.append((box.labelText(), box.maximum()))
        box.findChild(QPushButton).click()  # its Cancel button, as the rep presses it
    QTimer.singleShot(0, press_cancel)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)  # returns when the deleting has stopped
    assert seen == [("Deleting 3,000 contacts…", 3000)]
    with store.read() as s:
        assert contacts.count(s) == 3000
    assert len(view.selected_ids()) == 3000
    assert not view.findChildren(QProgressDialog) or \
        not any(b.isVisible() for b in view.findChildren(QProgressDialog))
