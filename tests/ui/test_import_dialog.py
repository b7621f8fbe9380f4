"""The import dialog with real widgets: files dropped on the main window → preview (the import
itself, held open: nothing written for anyone else) → Import commits it → per-record report;
the held import giving way to another write; cancel; column mapping; unreadable file."""

import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QStyleOptionViewItem

from app.domain import ContactDraft
from app.services import contacts
from ui.importing import ImportDialog, open_import_dialog

FIX = Path(__file__).resolve().parents[1] / "app" / "io" / "fixtures"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def _cell(dialog, row: int, col: int) -> str:
    return dialog.table.model().index(row, col).data()


def _column(dialog, col: int) -> list[str]:
    return [_cell(dialog, r, col) for r in range(dialog.table.model().rowCount())]


def _count(store) -> int:
    with store.read() as s:
        return contacts.count(s)


def _shot(qtbot, dialog, name: str) -> Path:
    """A screenshot once the layout has settled (a grab right after a state change shows the
    geometry of the state before)."""
    qtbot.wait(50)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    dialog.grab().save(str(path))
    return path


def _dialog(window) -> ImportDialog:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog)
             and w.isVisible()]
    assert found, "dropping address books opens the import dialog"
    return found[-1]


def _map_preview_and_import(qtbot, dialog) -> None:
    """Continue from the mapping step through the preview to the finished import."""
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)


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
    _shot(qtbot, dialog, "import_preview.png")
    assert "<b>6</b> new" in dialog.counts.text() and "<b>2</b> skipped" in dialog.counts.text()
    assert _cell(dialog, 0, 2) == "skipped"  # skipped rows first, with reasons
    # sorted by outcome, the order is what a rep looks at first, not the words' ("new" <
    # "skipped"), and the other way round the skipped come last
    dialog.outcomes.sort(2, Qt.SortOrder.DescendingOrder)
    assert _column(dialog, 2) == ["new"] * 6 + ["skipped"] * 2
    dialog.outcomes.sort(2)
    assert _column(dialog, 2) == ["skipped"] * 2 + ["new"] * 6
    assert "END:VCARD" in _cell(dialog, 1, 5) or "END:VCARD" in _cell(dialog, 0, 5)

    before = store.path.read_bytes()
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert _count(store) == 6
    # the commit left the write-ahead log for after the report: the worker copies it into
    # the file then (Store.write's checkpoint_later; the file need not grow: it may have room)
    qtbot.waitUntil(lambda: store.path.read_bytes() != before, timeout=5000)
    assert dialog.report.created == 6 and len(dialog.report.skipped) == 2
    names = set(_column(dialog, 3))
    assert {"张伟", "Jürgen Müller"} <= names
    shot = _shot(qtbot, dialog, "import_report.png")
    assert shot.stat().st_size > 5000
    # Ctrl+C copies the selected rows (the skipped ones, first) under their headers
    dialog.table.selectRow(0)
    dialog.table.selectionModel().select(
        dialog.outcomes.index(1, 0), QItemSelectionModel.SelectionFlag.Select
        | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.keyClick(dialog.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0] == "File\tRecord\tOutcome\tName\tCompany\tDetails"
    assert [line.split("\t")[:3] for line in copied[1:]] == [
        ["broken.vcf", "2", "skipped"], ["broken.vcf", "4", "skipped"]]
    # a row of the report opens its record in the window, the report staying open
    row = _column(dialog, 3).index("张伟")
    _double_click(qtbot, dialog, row)
    with store.read() as s:
        zhang = next(v.id for v in contacts.get_many(s, contacts.ids(s)) if v.name == "张伟")
    assert main_window.stack.currentWidget() is main_window.contacts
    assert main_window.contacts.detail.record_id == zhang and dialog.isVisible()
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _double_click(qtbot, dialog, row: int) -> None:
    """A rep's double-click: a click, then the second one (QTest's double-click event alone
    is not one Qt's views take for a double-click)."""
    at = dialog.table.visualRect(dialog.outcomes.index(row, 3)).center()
    for click in (qtbot.mouseClick, qtbot.mouseDClick):
        click(dialog.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
              at)


def test_a_company_row_of_the_report_opens_the_company(qtbot, main_window, store):
    main_window.import_files([str(FIX / "accounts.csv")])
    dialog = _dialog(main_window)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    _double_click(qtbot, dialog, 0)  # the preview's records are not in the store yet
    assert main_window.stack.currentWidget() is not main_window.companies
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert "Double-click a row" in dialog.heading.text()
    main_window.show_view(0)
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.outcomes.index(0, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter opens the row too
    assert main_window.stack.currentWidget() is main_window.companies
    assert main_window.companies.detail.record_id == dialog.report.records[0]["id"]
    assert dialog.isVisible()  # and does not press Close
    dialog.close()


def test_import_commits_the_previewed_import_and_cancel_rolls_it_back(qtbot, styled_app,
                                                                     store):
    """The preview is the import, held open: nobody else sees its rows; Import commits that
    very run (the same records), Cancel rolls it back."""
    dialog = open_import_dialog(None, store, [str(FIX / "google.csv")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert dialog.worker.held is dialog.preview and dialog.worker.running
    assert _count(store) == 0  # (another connection: the held transaction is not committed)
    worker = dialog.worker
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=20000)  # closed, deleted
    assert not worker._thread.is_alive() and _count(store) == 0

    dialog = open_import_dialog(None, store, [str(FIX / "google.csv")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    previewed = [x["id"] for x in dialog.preview.records]
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert [x["id"] for x in dialog.report.records] == previewed  # committed, not run again
    assert dialog.report is dialog.preview and _count(store) == dialog.report.created > 0


def _write_meanwhile(store) -> threading.Thread:
    """Another write of the app (a sync, an edit) while the preview is held: it must not wait
    for the rep's answer."""
    def write() -> None:
        from app import capture

        with store.write() as tx:
            capture.save_contact(tx, ContactDraft("Written Meanwhile",
                                                  company="Elsewhere Ltd"), store.region)
    thread = threading.Thread(target=write)
    thread.start()
    return thread


def test_a_write_meanwhile_makes_the_held_preview_give_way(qtbot, styled_app, store):
    dialog = open_import_dialog(None, store, [str(FIX / "google.csv")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    previewed = dialog.preview.created
    thread = _write_meanwhile(store)
    thread.join(20)
    assert not thread.is_alive(), "the other write waited for the rep"
    qtbot.waitUntil(lambda: not dialog.worker.running, timeout=20000)
    assert dialog.state == "preview" and dialog.worker.held is None and _count(store) == 1
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)  # runs the import again
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert dialog.report is not dialog.preview and dialog.report.created == previewed
    assert _count(store) == 1 + previewed


def test_import_pressed_as_the_held_preview_gives_way_runs_it_again(qtbot, styled_app, store):
    dialog = open_import_dialog(None, store, [str(FIX / "google.csv")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    previewed = dialog.preview.created
    dialog.worker.commit = lambda: None  # the answer reaches the import too late: …
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "importing"
    _write_meanwhile(store).join(20)  # … it has given way to this write
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert dialog.report is not dialog.preview and dialog.report.created == previewed
    assert _count(store) == 1 + previewed


@pytest.mark.timeout(120)  # (without the give-way the window freezes for good)
def test_the_days_note_saved_on_the_ui_thread_while_the_preview_is_held(qtbot, main_window,
                                                                        store):
    """The dialog is not modal: the rep may type the day's note (saved on the UI thread by a
    timer) while reading the preview. The held import gives way instead of freezing the
    window until the rep answers."""
    from app.services import views_activities

    main_window.import_files([str(FIX / "google.csv")])
    dialog = _dialog(main_window)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert dialog.worker.held is dialog.preview
    main_window.today.note.setPlainText("Met 王芳 at the fair")
    main_window.today.save_note()  # returns: the held import rolled back for it
    qtbot.waitUntil(lambda: not dialog.worker.running, timeout=20000)
    with store.read() as s:
        assert [r.body for r in views_activities.recent_rows(s)] == ["Met 王芳 at the fair"]
    assert _count(store) == 0
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert _count(store) == dialog.report.created == dialog.preview.created
    dialog.close()


def test_a_write_waiting_as_the_preview_ends_still_shows_the_preview(qtbot, styled_app, store,
                                                                     monkeypatch):
    """The held import gives way before the window has shown its preview (a write was
    already waiting): the preview still shows, and Import runs the import again."""
    monkeypatch.setattr(store, "write_wanted", lambda: True)
    dialog = open_import_dialog(None, store, [str(FIX / "google.csv")])
    qtbot.addWidget(dialog)
    dialog.worker._thread.join(20)  # (no events meanwhile: `previewed` waits in the queue)
    assert dialog.worker.held is None and _count(store) == 0
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert _count(store) == dialog.report.created == dialog.preview.created > 0


def test_cancel_during_an_import_run_again_changes_nothing(qtbot, styled_app, store):
    dialog = open_import_dialog(None, store, [str(FIX / "google.csv")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    _write_meanwhile(store).join(20)
    qtbot.waitUntil(lambda: not dialog.worker.running, timeout=20000)
    dialog.worker._launch = _cancelled_as_it_starts(dialog.worker)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "preview" and dialog.go_button.isEnabled(),
                    timeout=20000)
    assert "cancelled" in dialog.heading.text()
    assert _count(store) == 1  # the other write's only


def _cancelled_as_it_starts(worker):
    """Cancel is clicked the moment the import's thread starts. (Cancelling from the test's
    thread right after starting it raced the import: on a fast machine a file of two rows was
    imported before the flag was set, now and then.)"""
    real = worker._launch

    def launch(name, target, *args):
        def cancelled_first(*a):
            worker.cancel()
            target(*a)
        real(name, cancelled_first, *args)
    return launch


def test_mapping_step_for_unknown_columns(qtbot, styled_app, store):
    dialog = open_import_dialog(None, store, [str(FIX / "unknown_headers.csv")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "mapping", timeout=20000)
    assert dialog.map_table.item(1, 1).text() == "+65 9123 4567"  # first value shown
    # what the values suggest is chosen already: the rep only checks it
    chosen = {dialog.map_table.item(r, 0).text(): dialog.map_table.cellWidget(r, 2).currentData()
              for r in range(dialog.map_table.rowCount())}
    assert chosen == {"Customer": "name", "Handphone": "mobile", "Shoe size": ""}
    assert "guessed what they hold from their values" in dialog.heading.text()
    _shot(qtbot, dialog, "import_mapping.png")
    _map_preview_and_import(qtbot, dialog)
    with store.read() as s:
        [cid] = contacts.ids(s)
        assert contacts.get(s, cid).phones[0].kind == "mobile"


def test_a_sheet_without_headers_is_mapped_by_its_values(qtbot, styled_app, store, tmp_path):
    """No header row: the mapping step names the columns by letter, shows the first row (the
    first contact, not lost as headers) and has chosen what the values say; the rep confirms."""
    path = tmp_path / "我的客户.csv"
    path.write_text("王小明,深圳华强电子有限公司,13800138000,wxm@hq.example.cn\r\n"
                    "李娜,广州白云贸易有限公司,13700137000,lina@by.example.cn\r\n",
                    encoding="utf-8")
    dialog = open_import_dialog(None, store, [str(path)])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "mapping", timeout=20000)
    assert "no header row" in dialog.heading.text()
    shown = [(dialog.map_table.item(r, 0).text(), dialog.map_table.item(r, 1).text(),
              dialog.map_table.cellWidget(r, 2).currentData()) for r in range(4)]
    assert shown == [("Column A", "王小明", "name"), ("Column B", "深圳华强电子有限公司", "company"),
                     ("Column C", "13800138000", "mobile"),
                     ("Column D", "wxm@hq.example.cn", "email")]
    _shot(qtbot, dialog, "import_mapping_no_header.png")
    _map_preview_and_import(qtbot, dialog)
    assert dialog.report.created == 2
    assert set(_column(dialog, 3)) == {"王小明", "李娜"}


def test_two_columns_that_both_say_company_are_asked_about(qtbot, styled_app, store, tmp_path):
    """客户 and 单位 both read as the company: the mapping step says so and asks, offering what
    their values suggest (张三 a name, 某某公司 a company); both as the company is refused; 客户
    as the name imports 张三 at 某某公司 (the first column used to win: the name became a
    company)."""
    path = tmp_path / "客户.csv"
    path.write_text("客户,手机号码,单位\r\n张三,13900001111,某某公司\r\n", encoding="utf-8")
    dialog = open_import_dialog(None, store, [str(path)])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "mapping", timeout=20000)
    assert "客户, 单位" in dialog.heading.text() and "same thing" in dialog.heading.text()

    def choose(choices: dict[str, str]) -> None:
        for row in range(dialog.map_table.rowCount()):
            field = choices.get(dialog.map_table.item(row, 0).text())
            if field is not None:
                combo: QComboBox = dialog.map_table.cellWidget(row, 2)
                combo.setCurrentIndex(combo.findData(field))

    chosen = {dialog.map_table.item(r, 0).text(): dialog.map_table.cellWidget(r, 2).currentData()
              for r in range(dialog.map_table.rowCount())}
    assert chosen == {"客户": "name", "手机号码": "mobile", "单位": "company"}
    # both as the company: the first would win and the other be dropped, so the dialog stays
    choose({"客户": "company"})
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "mapping" and "客户, 单位 cannot all be the company" in \
        dialog.heading.text()
    _shot(qtbot, dialog, "import_mapping_alike.png")
    choose({"客户": "name"})
    _map_preview_and_import(qtbot, dialog)
    with store.read() as s:
        [cid] = contacts.ids(s)
        person = contacts.get(s, cid)
        assert (person.name, person.company_name) == ("张三", "某某公司")


def test_unreadable_file_says_so(qtbot, styled_app, store):
    dialog = open_import_dialog(None, store, [str(FIX / "image.png")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "failed", timeout=20000)
    assert "PNG image" in dialog.heading.text()
    assert dialog.go_button.text() == "Close"
    assert not dialog.tag.isVisible()  # nothing will be imported: nothing to tag
    # named as the rep knows it, without the folder it lies in
    assert "image.png is a PNG image" in dialog.heading.text()
    assert str(FIX) not in dialog.heading.text()


def test_one_unreadable_file_of_several_says_the_others_wait_too(qtbot, styled_app, store,
                                                                tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    dialog = open_import_dialog(None, store, [str(FIX / "google.csv"), str(empty)])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "failed", timeout=20000)
    text = dialog.heading.text()
    assert text.startswith("The file could not be imported; nothing was changed. The other "
                           "files were not imported either"), text
    assert text.endswith("empty.csv is empty: there is nothing to import."), text
    with store.read() as s:
        assert contacts.ids(s) == []


def test_file_menu_import_opens_the_dialog(qtbot, main_window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    # only the platform's file picker is replaced: it is a native modal window
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(FIX / "thunderbird_40.vcf")], ""))
    file_menu = main_window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text().startswith("&Import"))
    action.trigger()
    dialog = _dialog(main_window)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert "<b>1</b> new" in dialog.counts.text()
    dialog.reject()


def test_chinese_gbk_csv_and_vcard_preview_reads_well(qtbot, styled_app, store, tmp_path):
    csv_path = tmp_path / "客户名单.csv"
    csv_path.write_bytes(
        ("姓名,公司,职位,手机,邮箱\r\n"
         "欧阳娜娜,北京字节跳动科技有限公司上海分公司市场营销与品牌传播事业部,高级市场营销经理,"
         "13800001111,ouyang@bytedance.example\r\n张伟,华为技术有限公司,销售经理,13900002222,\r\n"
         ",,,,\r\n王小明,深圳华强电子,经理,8.6138E+12,wxm@hq.example.cn\r\n").encode("gbk"))
    vcf = tmp_path / "通讯录.vcf"
    vcf.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:爱新觉罗·溥仪的一个非常非常长的名字用于测试界面\r\n"
                   "TEL:+86 10 1234 5678\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\n"
                   "X-ONLY:nothing\r\nEND:VCARD\r\n", encoding="utf-8")
    dialog = open_import_dialog(None, store, [str(csv_path), str(vcf)])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    names = _column(dialog, 3)
    assert names[0] == "(no name)"  # the skipped card first, marked, not blank
    assert {"欧阳娜娜", "张伟"} <= set(names)
    header = dialog.table.horizontalHeader()
    assert header.sectionSize(3) <= 240  # a long name is elided (tooltip) …
    assert _cell(dialog, 0, 5).startswith("no name")
    assert header.sectionViewportPosition(4) + 150 <= dialog.table.viewport().width()  # … reason shows
    # a number Excel shortened is no number: kept in the note, and shown right after the skips
    assert (names[1], _cell(dialog, 1, 5)) == (
        "王小明", "kept in the note: Phone: 8.6138E+12 (shortened by Excel, its last digits are "
        "lost)")
    assert "<b>1</b> with values kept in the note" in dialog.counts.text()
    _shot(qtbot, dialog, "import_preview_chinese.png")
    dialog.reject()


def test_window_stays_responsive_during_import(qtbot, main_window, store, tmp_path):
    from PySide6.QtCore import QTimer

    big = tmp_path / "big.vcf"
    big.write_text("".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nEMAIL:p{i}@load.example\r\n"
        f"ORG:Load Co {i % 50}\r\nEND:VCARD\r\n" for i in range(300)), encoding="utf-8")
    main_window.import_files([str(big)])
    dialog = _dialog(main_window)
    bar: list[tuple[int, int, str]] = []  # the preview's progress: a total once the file is open
    dialog.worker.progress.connect(lambda _done: bar.append(  # (after the dialog's own slot)
        (dialog.progress.value(), dialog.progress.maximum(), dialog.counts.text())),
        Qt.ConnectionType.QueuedConnection)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=60000)
    assert bar and all(most == 300 for _, most, _ in bar)
    assert bar[-1] == (300, 300, "300 of about 300 records checked…")
    ticks = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(dialog.state) if dialog.state == "importing" else None)
    timer.start()
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=60000)
    timer.stop()
    assert ticks, "the UI thread ran its timers while the worker imported"
    assert dialog.report.created == 300 and _count(store) == 300
    dialog.accept()


def test_file_without_records_says_so(qtbot, styled_app, store, tmp_path):
    p = tmp_path / "headers_only.csv"
    p.write_text("Name,E-mail Address,Company\r\n", encoding="utf-8")
    dialog = open_import_dialog(None, store, [str(p)])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert "no contacts or companies" in dialog.counts.text()
    assert dialog.table.isHidden() and not dialog.go_button.isEnabled()
    dialog.reject()


def test_a_big_import_reads_in_a_second_process_from_the_worker_thread(
        qtbot, main_window, store, tmp_path, monkeypatch):
    """Big files are read ahead by a forked process (app.io.ahead); forking from the import's
    worker thread of a running Qt app must work, and leave no process behind."""
    import multiprocessing as mp

    from PySide6.QtCore import QTimer

    from app.io import ahead

    monkeypatch.setattr(ahead, "MIN_BYTES", 1)
    big = tmp_path / "big.vcf"
    big.write_text("".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nEMAIL:p{i}@load.example\r\n"
        f"ORG:Load Co {i % 50}\r\nTEL:+1 212 555 {i:04d}\r\nEND:VCARD\r\n" for i in range(1200)),
        encoding="utf-8")
    readers = set()
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: readers.update(
        p.pid for p in mp.active_children() if p.name == "satchel-import-reader"))
    timer.start()
    main_window.import_files([str(big)])
    dialog = _dialog(main_window)
    bar: list[tuple[int, int]] = []  # the preview's progress bar: a total once the file is open
    dialog.worker.progress.connect(lambda _done: bar.append(  # (after the dialog's own slot)
        (dialog.progress.value(), dialog.progress.maximum())), Qt.ConnectionType.QueuedConnection)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=60000)
    assert bar and all(most == 1200 for _, most in bar) and bar[-1] == (1200, 1200)
    assert "<b>1,200</b> new" in dialog.counts.text()  # (thousands separated, as progress)
    # a long report finds its rows (Ctrl+F): by name, company or file, case aside
    qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert dialog.find.isVisible() and dialog.find.hasFocus()
    qtbot.keyClicks(dialog.find, "PERSON 7")
    assert sorted(_column(dialog, 3)) == sorted(f"Person {i}" for i in range(1200)
                                                if str(i).startswith("7"))  # 7, 7x, 7xx
    dialog.outcomes.sort(3, Qt.SortOrder.DescendingOrder)  # sorted, still found
    assert _column(dialog, 3)[0] == "Person 799" and dialog.outcomes.rowCount() == 111
    dialog.find.setText("ｌｏａｄ ｃｏ ４９ (new)")  # (typed in full width, as a Chinese IME may)
    assert set(_column(dialog, 4)) == {"Load Co 49 (new)"} and dialog.outcomes.rowCount() == 24
    dialog.find.clear()
    assert dialog.outcomes.rowCount() == 1200
    assert "Companies: <b>50</b> new · <b>0</b> already" in dialog.counts.text()
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=60000)
    timer.stop()
    assert dialog.report.created == 1200 and _count(store) == 1200
    # the preview was the import, held open: Import committed it, nothing was read again
    assert len(readers) == 1, "the preview read in a second process, and only the preview"
    assert not [p for p in mp.active_children() if p.name == "satchel-import-reader"]
    dialog.accept()


def test_a_dropped_folder_of_vcards_is_imported_not_scanned(qtbot, main_window, store, tmp_path):
    """A phone or Outlook saves one vCard file per contact: the folder dropped on the window
    is imported, every address book in it (the photo beside them is not one); a folder of
    images is still scanned as business cards."""
    import shutil

    from ui.cards import ScanDialog

    books = tmp_path / "通讯录"
    books.mkdir()
    for name in ("thunderbird_40.vcf", "apple_30.vcf", "image.png"):
        shutil.copy(FIX / name, books / name)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(books))])
    main_window.dropEvent(QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                                     Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    dialog = _dialog(main_window)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert set(_column(dialog, 0)) == {"thunderbird_40.vcf", "apple_30.vcf"}
    assert not any(isinstance(w, ScanDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets())
    dialog.reject()


def test_pasted_and_dropped_contacts_that_are_not_files(qtbot, main_window, store):
    """Ctrl+V in a list with a mail's To: line copied, and a card dragged out of a mail client
    (vCard data, no file): the import dialog previews them like a file; its temporary file
    goes with the dialog."""
    QApplication.clipboard().setText('王小明 <wxm@hq.example.cn>; "Lee, Ann" <ann@lee.example>')
    main_window.show_view(1)
    main_window.contacts.table.setFocus()
    qtbot.keyClick(main_window.contacts.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(main_window)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert dialog.preview.created == 2 and _count(store) == 0
    assert set(_column(dialog, 3)) == {"王小明", "Ann Lee"}
    assert _column(dialog, 0) == ["Pasted contacts.csv"] * 2
    temporary = Path(dialog.paths[0]).parent
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert _count(store) == 2
    assert temporary.exists()
    dialog.close()
    qtbot.waitUntil(lambda: not temporary.exists(), timeout=5000)

    mime = QMimeData()
    mime.setData("text/vcard", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张伟\r\nTEL:+86 138 0013 9000\r\n"
                               "END:VCARD\r\n".encode())
    main_window.dropEvent(QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                                     Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    dialog = _dialog(main_window)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert _column(dialog, 3) == ["张伟"] and _column(dialog, 0) == ["Dropped contacts.vcf"]
    dialog.close()

    # text that holds no contacts: a word in the status bar, no dialog
    QApplication.clipboard().setText("Lunch with Ann on Friday")
    main_window.paste_contacts()
    assert "holds no contacts" in main_window.statusBar().currentMessage()


def _wang_in_the_book(store, tags=()) -> None:
    from app import capture
    from app.domain import ContactDraft, Email

    with store.write() as tx:
        capture.save_contact(tx, ContactDraft(name="王小明", emails=[Email("wxm@hq.example.cn")],
                                              tags=list(tags)))


_FAIR = "姓名,邮箱\r\n王小明,wxm@hq.example.cn\r\n李娜,lina@by.example.cn\r\n"


def test_the_preview_says_what_an_update_changes(qtbot, styled_app, store, tmp_path):
    """…and lists the people already in the book before the new ones, whatever their place in
    the file: they are what the rep checks."""
    _wang_in_the_book(store)
    path = tmp_path / "u.csv"
    path.write_text("姓名,邮箱,手机,职位\r\n李娜,lina@by.example.cn,,采购\r\n"
                    "王小明,wxm@hq.example.cn,13800138000,经理\r\n", encoding="utf-8")
    dialog = open_import_dialog(None, store, [str(path)])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert (_cell(dialog, 0, 1), _cell(dialog, 0, 2), _cell(dialog, 0, 5)) == (
        "2", "updated", "changes phone numbers, job title")
    assert (_cell(dialog, 1, 1), _cell(dialog, 1, 2)) == ("1", "new")
    assert dialog.table.isColumnHidden(4)  # no company in the file: no company column
    dialog.table.selectRow(0)  # (nor in what Ctrl+C copies)
    dialog.copy_rows()
    assert QApplication.clipboard().text().splitlines()[0] == "File\tRecord\tOutcome\tName\tDetails"
    dialog.reject()


def test_the_preview_shows_the_company_each_person_joins(qtbot, styled_app, store, tmp_path):
    """The company column names the company the matcher found in the book (as the book names
    it, not as the file writes it) and marks the ones the import makes; the counts say how
    many of each. Nothing is written for anyone else until Import."""
    from app import capture
    from app.domain import CompanyDraft

    with store.write() as tx:
        huawei = capture.save_company(tx, CompanyDraft("华为技术有限公司")).company_id
    path = tmp_path / "fair.csv"
    path.write_text("姓名,公司,邮箱\r\n王小明,华为技术有限公司,wxm@hq.example.cn\r\n"
                    "李娜,华为技术,lina@hq.example.cn\r\n赵磊,鸿睿科技有限公司,zl@hr.example.cn\r\n"
                    "孙悦,鸿睿科技有限公司,sy@hr.example.cn\r\n", encoding="utf-8")
    dialog = open_import_dialog(None, store, [str(path)])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert dialog.table.model().headerData(4, Qt.Orientation.Horizontal) == "Company"
    assert not dialog.table.isColumnHidden(4)
    companies = dict(zip(_column(dialog, 3), _column(dialog, 4), strict=True))
    assert companies == {"王小明": "华为技术有限公司", "李娜": "华为技术有限公司",
                         "赵磊": "鸿睿科技有限公司 (new)", "孙悦": "鸿睿科技有限公司 (new)"}
    assert "Companies: <b>1</b> new · <b>1</b> already in Satchel" in dialog.counts.text()
    # a long company name is cut in its middle, so its "(new)" stays in sight
    option = QStyleOptionViewItem()
    dialog.table.itemDelegateForColumn(4).initStyleOption(option, dialog.outcomes.index(2, 4))
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    _shot(qtbot, dialog, "import_preview_companies.png")
    # a click on a header sorts by it, a second click the other way; the rows stay whole
    header = dialog.table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(4) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert _column(dialog, 4) == sorted(companies.values())
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert _column(dialog, 4) == sorted(companies.values(), reverse=True)
    assert dict(zip(_column(dialog, 3), _column(dialog, 4), strict=True)) == companies
    at = QPoint(header.sectionViewportPosition(1) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert _column(dialog, 1) == ["1", "2", "3", "4"]
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert _column(dialog, 4) == list(companies.values())  # the report says the same
    with store.read() as s:
        people = contacts.get_many(s, contacts.ids(s))
    assert {v.name: v.company_id == huawei for v in people} == {
        "王小明": True, "李娜": True, "赵磊": False, "孙悦": False}


def test_a_new_company_that_may_be_a_duplicate_is_reviewed_from_the_report(
        qtbot, main_window, store, tmp_path):
    """A card with only the short name 华为 makes a company of its own, which may be the
    华为技术有限公司 in the book: the preview says so beside it and in the counts, and the report
    opens the duplicates queue with that pair alone (no search through the whole book)."""
    from app import capture
    from app.domain import CompanyDraft
    from ui.dedup import ReviewDialog

    with store.write() as tx:
        full = capture.save_company(tx, CompanyDraft(
            "华为技术有限公司", address="广东省深圳市龙岗区坂田华为基地")).company_id
    path = tmp_path / "cards.csv"
    path.write_text("姓名,公司,手机\r\n李娜,鸿睿科技,13900139000\r\n王小明,华为,13800138000\r\n",
                    encoding="utf-8")
    main_window.import_files([str(path)])
    dialog = _dialog(main_window)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    companies = dict(zip(_column(dialog, 3), _column(dialog, 4), strict=True))
    assert companies == {"王小明": "华为 (new)", "李娜": "鸿睿科技 (new)"}
    # (shown first: what the rep looks at, before the rows in file order)
    assert _column(dialog, 5) == ["the new company may be 华为技术有限公司", ""]
    assert "<b>1</b> may be duplicates, to review after the import" in dialog.counts.text()
    assert not dialog.review_button.isVisible()  # (not in the book yet)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert "<b>1</b> may be duplicates" in dialog.counts.text() and dialog.review_button.isVisible()
    _shot(qtbot, dialog, "import_report_duplicates.png")
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    review = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, ReviewDialog) and w.isVisible())
    qtbot.waitUntil(lambda: review.state == "review", timeout=20000)
    [pair] = review.pairs()
    assert {(pair.a, pair.a_name), (pair.b, pair.b_name)} == {
        (full, "华为技术有限公司"), (next(iter(dialog.report.look_alikes)), "华为")}
    review.close()


def test_a_tag_for_everyone_in_the_import(qtbot, styled_app, store, tmp_path):
    """Typing a tag in the preview reads the preview again with it (a person already in the
    book becomes "updated"), offers the tags in use, and the import gives it to everyone."""
    _wang_in_the_book(store, ["VIP"])
    path = tmp_path / "fair.csv"
    path.write_text(_FAIR, encoding="utf-8")
    dialog = open_import_dialog(None, store, [str(path)])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert "<b>0</b> updated" in dialog.counts.text()
    qtbot.waitUntil(lambda: dialog.tag.completer() is not None)
    assert dialog.tag.completer().model().stringList() == ["VIP"]
    qtbot.keyClicks(dialog.tag, "Canton Fair")  # (QTest types Latin-1 only; an IME the rest)
    qtbot.waitUntil(lambda: dialog.state == "preview" and "<b>1</b> updated" in
                    dialog.counts.text(), timeout=20000)
    assert _cell(dialog, 0, 5) == "changes tags" or _cell(dialog, 1, 5) == "changes tags"
    _shot(qtbot, dialog, "import_preview_tag.png")
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    with store.read() as s:
        assert sorted(contacts.get(s, i).tags for i in contacts.ids(s)) == [
            ["Canton Fair"], ["VIP", "Canton Fair"]]


def test_the_imported_people_selected_in_the_list(qtbot, main_window, store, tmp_path):
    """After an import, its people selected in the contacts list, to export or delete them
    together; an import of companies alone has no such button."""
    from app import capture
    from app.domain import ContactDraft, Email

    with store.write() as tx:
        capture.save_contact(tx, ContactDraft(name="Zoe Other", emails=[Email("z@o.example")]))
    path = tmp_path / "fair.csv"
    path.write_text(_FAIR, encoding="utf-8")
    dialog = open_import_dialog(main_window, store, [str(path)])
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert not dialog.select_button.isVisible()
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert dialog.select_button.isVisible() and not dialog.tag.isVisible()
    qtbot.mouseClick(dialog.select_button, Qt.MouseButton.LeftButton)
    view = main_window.contacts
    assert main_window.stack.currentWidget() is view
    chosen = {view.model.index(view.model.row_of(i), 0).data() for i in view.selected_ids()}
    assert chosen == {"王小明", "李娜"}
    assert main_window.export_selection_action.text() == "Export 2 contacts…"
    assert "2 contacts selected" in main_window.statusBar().currentMessage()
    dialog.close()
    accounts = open_import_dialog(main_window, store, [str(FIX / "accounts.csv")])
    qtbot.waitUntil(lambda: accounts.state == "preview", timeout=20000)
    qtbot.mouseClick(accounts.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: accounts.state == "done", timeout=20000)
    assert accounts.report.created and not accounts.select_button.isVisible()
    accounts.close()


def test_undo_in_the_report_takes_the_import_back(qtbot, main_window, store, tmp_path,
                                                  monkeypatch):
    """The report's Undo, after one question: the new person is gone, the one already in the
    book has her values back, the list shows it; the rows no longer open records."""
    from PySide6.QtWidgets import QMessageBox

    _wang_in_the_book(store)
    path = tmp_path / "fair.csv"
    path.write_text("姓名,邮箱,职位\r\n王小明,wxm@hq.example.cn,经理\r\n"
                    "李娜,lina@by.example.cn,采购\r\n", encoding="utf-8")
    dialog = open_import_dialog(main_window, store, [str(path)])
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert not dialog.undo_button.isVisible()  # nothing written yet: nothing to undo
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert dialog.undo_button.isVisible()
    assert _count(store) == 2
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert asked == ["Undo this import? What it added is deleted: 1 contact. What it changed "
                     "gets its earlier values back: 1 contact. Edits made since stay."]
    assert dialog.state == "undone"
    assert dialog.heading.text() == ("Import undone. Deleted: 1 contact. Earlier values "
                                     "restored for 1 contact.")
    assert not dialog.undo_button.isVisible() and not dialog.select_button.isVisible()
    with store.read() as s:
        [wang] = [contacts.get(s, i) for i in contacts.ids(s)]
    assert (wang.name, wang.title) == ("王小明", "")
    _shot(qtbot, dialog, "import_undone.png")
    opened = []
    dialog.open_record.connect(lambda kind, rid: opened.append(rid))
    dialog._open_row(dialog.table.model().index(0, 0))
    assert opened == []
    main_window.show_view(1)
    qtbot.waitUntil(lambda: main_window.contacts.model.rowCount() == 1)
    dialog.close()


def test_the_last_import_undone_from_the_file_menu_once_its_report_is_closed(
        qtbot, main_window, store, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "fair.csv"
    path.write_text(_FAIR, encoding="utf-8")
    action = main_window.undo_import_action
    assert not action.isEnabled() and action.text() == "&Undo the last import…"
    dialog = open_import_dialog(main_window, store, [str(path)])
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    dialog.close()
    assert action.isEnabled() and action.text() == "&Undo the import of fair.csv…"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    action.trigger()
    assert _count(store) == 0
    assert main_window.statusBar().currentMessage() == (
        "Import undone. Deleted: 2 contacts.")  # (nothing it changed: no word of it)
    assert not action.isEnabled() and action.text() == "&Undo the last import…"
    # an import undone in its report is no longer offered in the menu
    dialog = open_import_dialog(main_window, store, [str(path)])
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert action.isEnabled()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "undone" and _count(store) == 0
    main_window.menuBar().actions()[0].menu().aboutToShow.emit()
    assert not action.isEnabled()
    dialog.close()


def test_a_database_another_program_writes_says_so(qtbot, styled_app, store, monkeypatch):
    """The command line writing the same file for longer than SQLite waits: a sentence in the
    dialog, nothing written."""
    import sqlite3

    from app import store as store_module

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.3)  # (30 s in earnest)
    store.engine.dispose()  # (its connections were made with the long wait)
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE meta SET value = value")
    try:
        dialog = open_import_dialog(None, store, [str(FIX / "google.csv")])
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.state == "failed", timeout=20000)
        assert "database is busy" in dialog.heading.text()
        _shot(qtbot, dialog, "import_busy.png")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _count(store) == 0
