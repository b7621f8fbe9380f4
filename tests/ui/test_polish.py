"""What a rep sees at a glance: nothing they need is cut off or left unexplained (found by
looking at the screenshots with long Chinese names and a 100,000-contact store)."""

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt

from app.dedup import merge
from app.domain import NO_YEAR
from app.services import contacts
from ui.dedup.merge_dialog import _shown as merge_dialog_text
from ui.format import birthday_text
from ui.sync.conflicts_dialog import show_value
from ui.views.base import CELL_PADDING


def _ready(qtbot, window):
    window._update_first_run()
    qtbot.waitUntil(lambda: window.root.currentIndex() == 0)


def _fits(table, column: int, text: str) -> bool:
    return table.columnWidth(column) >= table.fontMetrics().horizontalAdvance(text) + CELL_PADDING


def test_contacts_list_shows_a_mobile_number_whole(qtbot, sample_store, main_window):
    """At 1280×800 the phone column got 21 % of the list: '+86 138 0013 8…'."""
    _ready(qtbot, main_window)
    main_window.show_view(1)
    view = main_window.contacts
    with sample_store.read() as s:
        zhang = contacts.find_by_email(s, "zhangwei@mingyuan-inst.example.cn")[0]
    main_window.open_record("contact", zhang)
    table = view.table
    row = view.model.row_of(zhang)
    phone = view.model.index(row, 3).data(Qt.ItemDataRole.DisplayRole)
    assert phone == "+86 138 0013 8000"
    qtbot.waitUntil(lambda: _fits(table, 3, phone))
    # the other columns still share the rest; nothing spills into a horizontal scroll bar
    total = sum(table.columnWidth(i) for i in range(4))
    assert total <= table.viewport().width() + 1
    # narrower window: still whole
    main_window.resize(1000, 700)
    qtbot.waitUntil(lambda: table.viewport().width() < 500)
    assert _fits(table, 3, phone)


def _search(qtbot, window, text: str):
    _ready(qtbot, window)
    window.show_search()
    popup = window.search_popup
    popup.field.setText(text)
    qtbot.waitUntil(lambda: not popup.timer.isActive() and popup.results.count() > 0)
    return popup


def test_search_names_stage_and_kind_in_words(qtbot, sample_store, main_window):
    """Hits read '洁净室压差传感器 200 套 — Proposal', not the stored key 'proposal'."""
    popup = _search(qtbot, main_window, "洁净室")
    texts = [popup.results.item(i).text() for i in range(popup.results.count())]
    assert any(t.endswith("—   Proposal") for t in texts), texts
    popup.field.setText("Stuttgart visit")
    qtbot.waitUntil(lambda: any(popup.results.item(i).text().endswith("—   Task")
                                for i in range(popup.results.count())))


def test_search_says_when_there_are_more_than_it_shows(qtbot, store, main_window):
    """'30 found' for 王 in 100,000 contacts was a lie: it shows the first 30 and says so."""
    from app.domain import ContactDraft
    from ui.search_popup import LIMIT

    with store.write() as tx:
        for i in range(LIMIT + 5):
            contacts.create(tx, ContactDraft(name=f"王{chr(0x4e00 + i)}"))
    popup = _search(qtbot, main_window, "王")
    assert popup.results.count() == LIMIT
    assert "type more" in popup.status.text()
    assert str(LIMIT) in popup.status.text()
    popup.field.setText("王" + chr(0x4e00))
    qtbot.waitUntil(lambda: popup.results.count() == 1)
    assert popup.status.text() == "1 found — Enter to open"


def test_activities_count_says_what_it_counts(qtbot, sample_store, main_window):
    """The title read 'Activities  11', a bare number; the other views say '19 contacts'."""
    _ready(qtbot, main_window)
    main_window.show_view(4)
    view = main_window.activities
    n = view.model.rowCount()
    assert n > 1
    assert view.summary.text() == f"{n} activities"
    assert view.count_text(1) == "1 activity"


def test_today_task_keeps_its_due_date_when_the_company_is_long(qtbot, styled_app, store):
    """'跟进… — 王芳 · 深圳市华南国际电子元器件供应链管理…' lost its date, the one thing the
    'Coming up' group needs; the header's '(3)' over four tasks now says '(3 due)'."""
    import datetime as dt

    from app.domain import CompanyDraft, ContactDraft
    from app.services import activities, companies
    from ui.views.today import TodayView

    today = dt.date(2026, 11, 30)
    with store.write() as tx:
        co = companies.create(tx, CompanyDraft("深圳市华南国际电子元器件供应链管理股份有限公司"))
        who = contacts.create(tx, ContactDraft(name="欧阳振华"), co)
        activities.create(tx, "task", subject="跟进华南仓储项目需求文档", contact_id=who,
                          company_id=co, date=today, due_date=today + dt.timedelta(days=3))
        activities.create(tx, "task", subject="Call back", date=today, due_date=today)
    view = TodayView(store, today=today)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    items = [view.tasks.item(i) for i in range(view.tasks.count())]
    item = next(i for i in items if "跟进" in i.text())
    assert item.text().endswith("…")  # elided at this width …
    assert "2026-12-03" in item.text()  # … but not the date
    assert "深圳市华南国际电子元器件供应链管理股份有限公司" in item.toolTip()
    assert view.tasks_title.text() == "Tasks  (1 due)"


def test_quick_add_hint_counts_one_contact_in_the_singular(qtbot, styled_app, store):
    """'Joins 深圳市腾讯计算机系统有限公司 (1 contacts).'"""
    from app import capture
    from app.domain import CompanyDraft, ContactDraft
    from ui.dialogs.quick_add import QuickAddDialog

    name = "深圳市腾讯计算机系统有限公司"
    with store.write() as tx:
        capture.save_company(tx, CompanyDraft(name, address="北京市海淀区中关村南大街5号"
                                                           "理工科技大厦1205室"))
        capture.save_contact(tx, ContactDraft(name="欧阳娜娜", company=name))
    dialog = QuickAddDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.company.setText(name)
    qtbot.waitUntil(lambda: dialog.address.text() != "")
    assert dialog.company_hint.text() == (f"Joins {name} (1 contact). "
                                          "Its address is filled in.")


def test_sync_status_groups_the_thousands(qtbot, store):
    """'120009 changes to send' after a big import: now '1,001 changes to send'."""
    from PySide6.QtWidgets import QMainWindow

    from app.domain import ContactDraft
    from ui.sync.status_widget import SyncStatusWidget

    with store.write() as tx:
        for i in range(1001):
            contacts.create(tx, ContactDraft(name=f"Person {i}"))
    win = QMainWindow()
    qtbot.addWidget(win)
    widget = SyncStatusWidget(store, win)
    win.statusBar().addPermanentWidget(widget)
    assert widget.label.text() == "Sync not set up · 1,001 changes to send"


def test_quick_add_suggests_a_chinese_company_by_the_middle_of_its_name(
        qtbot, styled_app, store):
    """A Chinese company's name starts with its city: typing 腾讯 listed nothing (prefix
    only) and said 'New company', and saving made a second 腾讯."""
    from app import capture
    from app.domain import CompanyDraft
    from ui.dialogs.quick_add import QuickAddDialog

    name = "深圳市腾讯计算机系统有限公司"
    with store.write() as tx:
        tencent = capture.save_company(tx, CompanyDraft(
            name, address="北京市海淀区中关村南大街5号理工科技大厦1205室")).company_id
        capture.save_company(tx, CompanyDraft("腾达建设集团"))
        # 腾讯 in the address only: no reason to suggest it
        capture.save_company(tx, CompanyDraft("华南物流有限公司", address="深圳市南山区腾讯大厦旁"))
    dialog = QuickAddDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.company.setFocus()
    dialog.company.insert("腾讯")  # what an input method commits
    popup = dialog.company.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible() and popup.model().rowCount() > 0)
    shown = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert len(shown) == 1 and shown[0].startswith(name), shown
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.company.text() == name
    qtbot.waitUntil(lambda: dialog.address.text().startswith("北京市海淀区"))
    assert dialog.company.picked_id() == tencent


def test_sync_now_looks_clickable_and_is_not_elided(qtbot, styled_app, store):
    """'Sync now' sat in the status bar in the label's colour, like more text."""
    from PySide6.QtWidgets import QMainWindow

    from ui.style import ACCENT
    from ui.sync.status_widget import SyncStatusWidget

    win = QMainWindow()
    qtbot.addWidget(win)
    widget = SyncStatusWidget(store, win)
    win.statusBar().addPermanentWidget(widget)
    win.resize(720, 120)
    win.show()
    qtbot.waitExposed(win)
    button = widget.sync_button
    assert button.palette().color(button.foregroundRole()).name() == ACCENT
    qtbot.waitUntil(lambda: button.width() >= button.sizeHint().width())


def test_dialog_tables_read_like_the_main_lists(qtbot, styled_app, store):
    """The import preview and the conflict list centred their headers over left-aligned text
    (and the conflicts drew a grid); the main lists put a header over its column's text."""
    from pathlib import Path

    from ui.importing import ImportDialog
    from ui.sync.conflicts_dialog import ConflictsDialog

    fix = Path(__file__).resolve().parents[1] / "app" / "io" / "fixtures"
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    dialog = ImportDialog(None, store, [str(fix / "google.csv")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    for table in (dialog.table, dialog.map_table):
        assert table.horizontalHeader().defaultAlignment() == left
        assert not table.showGrid()
    # the record number is right-aligned: so is its header
    model = dialog.table.model()
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) \
        == right
    conflicts = ConflictsDialog(None, store)
    qtbot.addWidget(conflicts)
    assert conflicts.table.horizontalHeader().defaultAlignment() == left
    assert not conflicts.table.showGrid()


def test_opportunity_dialog_labels_have_no_stray_ampersand(qtbot, styled_app, store):
    """'&Amount' and 'C&lose date' showed their '&': rows of two widgets had no buddy. A
    rep in China got EUR as the default currency."""
    from PySide6.QtWidgets import QFormLayout, QLabel

    from ui.dialogs.opportunity import OpportunityDialog

    dialog = OpportunityDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.findChild(QFormLayout)
    labels = [form.itemAt(r, QFormLayout.ItemRole.LabelRole).widget()
              for r in range(form.rowCount())]
    assert all(isinstance(label, QLabel) and label.buddy() is not None for label in labels)
    assert {label.text() for label in labels} >= {"&Amount", "C&lose date"}
    assert dialog.currency.currentText() == "CNY"  # the store's region is CN


def test_edit_contact_dialog_has_no_gap_where_the_hint_was(qtbot, styled_app, store):
    """Editing a contact at a known company: the hint was shown then hidden, and the dialog
    kept its height with an empty band above the buttons."""
    from app import capture
    from app.domain import ContactDraft
    from ui.dialogs.edit_records import EditContactDialog

    with store.write() as tx:
        cid = capture.save_contact(tx, ContactDraft(
            name="欧阳娜娜", company="深圳市腾讯计算机系统有限公司")).contact_id
    dialog = EditContactDialog(store, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.company_hint.isVisible()
    assert dialog.height() <= dialog.sizeHint().height() + 1


def test_a_record_opened_right_after_it_was_written_is_found(qtbot, sample_store, main_window):
    """Opening a contact just saved (before the store's change signal reached the list)
    said 'That record no longer exists.' and showed another person."""
    from app import capture
    from app.domain import ContactDraft
    from app.services import activities, opportunities

    _ready(qtbot, main_window)
    main_window.show_view(1)
    with sample_store.write() as tx:
        new = capture.save_contact(tx, ContactDraft(name="欧阳娜娜")).contact_id
        deal = opportunities.create(tx, "腾讯云二期")
        call = activities.create(tx, "call", subject="首次电话")
    main_window.open_record("contact", new)
    assert main_window.contacts.detail.record_id == new
    assert main_window.statusBar().currentMessage() == ""
    main_window.show_view(3)
    main_window.open_record("opportunity", deal)
    assert main_window.opportunities.model.id_at(
        main_window.opportunities.table.currentIndex().row()) == deal
    main_window.show_view(4)
    main_window.open_record("activity", call)
    assert main_window.activities.model.id_at(
        main_window.activities.table.currentIndex().row()) == call
    assert main_window.statusBar().currentMessage() == ""


def test_history_kind_is_not_coloured_like_a_link():
    """'Task' and 'Call' under a history date were blue like the company link beside them,
    and nothing happened on a click."""
    import re

    from ui.detail_html import CSS

    colour = dict(re.findall(r"^(\S+) \{ color: (#[0-9a-f]{6})", CSS, re.MULTILINE))
    assert colour[".badge"] != colour["a"]
    assert colour[".badge"] not in ("#1e40af", "#2563eb", "#1d4ed8")  # no blue


def test_opportunities_show_a_long_chinese_company_whole(qtbot, sample_store, main_window):
    """'深圳市华南国际电子元器件供应链管理股份…' beside a half-empty Stage column."""
    _ready(qtbot, main_window)
    main_window.show_view(3)
    view = main_window.opportunities
    rows = range(view.model.rowCount())
    name = "深圳市华南国际电子元器件供应链管理股份有限公司"
    assert name in {view.model.index(r, 1).data() for r in rows}
    qtbot.waitUntil(lambda: _fits(view.table, 1, name))
    for r in rows:  # the amounts and dates still fit
        for col in (3, 4):
            assert _fits(view.table, col, view.model.index(r, col).data())


def test_who_is_calling_says_which_number_is_the_mobile(qtbot, sample_store, main_window):
    """The caller card listed '+86 138 0013 8000' and '021-5080 1235' without 'mobile' and
    'work', which the contact's own detail shows."""
    popup = _search(qtbot, main_window, "13800138000")
    qtbot.waitUntil(popup.caller.isVisible)
    text = popup.caller.toPlainText()
    assert "+86 138 0013 8000 mobile" in text
    assert "021-5080 1235 work" in text


def test_the_window_fits_a_1024_pixel_screen(qtbot, sample_store, main_window):
    """The Opportunities header's totals in six currencies held the window 1068 px wide; at
    1024 the Activities task rows read 'due 2026…'."""
    _ready(qtbot, main_window)
    for i in range(5):  # every header with its count filled in, laid out while shown
        main_window.show_view(i)
        qtbot.wait(30)
    view = main_window.activities
    assert view.summary.text() == "11 activities"
    assert main_window.opportunities.summary.text().count(" · ") == 5
    assert main_window.minimumSizeHint().width() <= 1024, ([v.minimumSizeHint().width() for v in main_window.views], main_window.opportunities.summary.text(), main_window.opportunities.summary.minimumSizeHint())
    main_window.resize(1024, 600)
    qtbot.waitUntil(lambda: main_window.width() == 1024)
    dates = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    due = [d for d in dates if d.startswith("due 20")]
    assert due
    qtbot.waitUntil(lambda: all(_fits(view.table, 0, d) for d in due))


def test_a_header_summary_too_long_for_the_window_ends_in_an_ellipsis(
        qtbot, sample_store, main_window):
    """At 1024 px the pipeline totals were cut mid-figure: '… · 48,0' for '48,000 EUR'."""
    _ready(qtbot, main_window)
    main_window.resize(1024, 600)
    main_window.show_view(3)
    view = main_window.opportunities
    summary = view.summary
    qtbot.waitUntil(lambda: main_window.width() == 1024)
    full = summary.text()
    assert summary.width() < summary.fontMetrics().horizontalAdvance(full)
    summary.repaint()
    assert summary.toolTip() == full  # elided: the tooltip has it all
    for r in range(view.model.rowCount()):  # and the stage is whole ('Negotiati…')
        assert _fits(view.table, 2, view.model.index(r, 2).data())
    main_window.resize(1400, 800)
    qtbot.waitUntil(lambda: summary.width() >= summary.fontMetrics().horizontalAdvance(full))
    summary.repaint()
    assert summary.toolTip() == ""


def test_companies_list_shows_a_long_chinese_name_and_its_count_header(
        qtbot, sample_store, main_window):
    """'深圳市华南国际电子元器件供应链管理股份…' while the count column had room to spare;
    narrowed, that column's header read 'ontacts'."""
    from ui.views.base import HEADER_PADDING

    _ready(qtbot, main_window)
    main_window.show_view(2)
    view = main_window.companies
    table = view.table
    name = "深圳市华南国际电子元器件供应链管理股份有限公司"
    assert name in {view.model.index(r, 0).data() for r in range(view.model.rowCount())}
    qtbot.waitUntil(lambda: _fits(table, 0, name))
    title = view.model.headerData(1, Qt.Orientation.Horizontal)
    need = table.horizontalHeader().fontMetrics().horizontalAdvance(title) + HEADER_PADDING
    assert table.columnWidth(1) >= need
    main_window.resize(1024, 600)
    qtbot.waitUntil(lambda: main_window.width() == 1024)
    assert table.columnWidth(1) >= need


def test_search_with_no_hits_has_no_blank_band(qtbot, sample_store, main_window):
    """'Nothing matches …' sat above 80 px of empty list."""
    popup = _search(qtbot, main_window, "north")
    tall = popup.height()
    popup.field.setText("zzqqxx")
    qtbot.waitUntil(lambda: "Nothing matches" in popup.status.text())
    assert not popup.results.isVisible()
    qtbot.waitUntil(lambda: popup.height() < tall)
    bottom = popup.status.geometry().bottom()
    assert popup.height() - bottom <= 24  # the frame's margin, no more
    popup.field.setText("north")
    qtbot.waitUntil(lambda: popup.results.isVisible() and popup.results.count() == 3)


def test_conflict_buttons_share_one_row(qtbot, styled_app, store):
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.sync.conflicts_dialog import ConflictsDialog

    dialog = ConflictsDialog(None, store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    close = dialog.findChild(QDialogButtonBox)
    centre = close.mapTo(dialog, close.rect().center()).y()
    restore = dialog.restore_button
    assert abs(restore.mapTo(dialog, restore.rect().center()).y() - centre) <= 2


def test_conflicts_dialog_has_no_empty_error_line(qtbot, styled_app, store):
    from ui.sync.conflicts_dialog import ConflictsDialog

    dialog = ConflictsDialog(None, store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.error.isVisible()


@pytest.mark.parametrize(("locale", "shown"), [
    ("en_US", "April 15"), ("de_DE", "15. April"), ("zh_CN", "4月15日"), ("es_ES", "15 de abril"),
    ("ru_RU", "15 апреля")])
def test_a_birthday_without_a_year_reads_as_day_and_month(styled_app, locale, shown):
    """Not 1604-04-15, the year it is kept in: the locale's day and month, no stray words."""
    before = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        assert birthday_text(dt.date(NO_YEAR, 4, 15)) == shown
        assert birthday_text(dt.date(1980, 4, 15)) == "1980-04-15"
        # a sync conflict over it, and the merge dialog (app.dedup.merge, no Qt: ISO's --MM-DD)
        assert show_value("1604-04-15", "birthday") == shown
        assert merge_dialog_text(None, "birthday", "1604-04-15") == shown  # (the merge dialog)
        assert merge.display(None, "birthday", "1604-04-15") == "--04-15"
        assert merge.display(None, "birthday", "1980-04-15") == "1980-04-15"
    finally:
        QLocale.setDefault(before)
