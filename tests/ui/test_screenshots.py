"""Screenshots of the main window with sample data, saved into artifacts/ (git-ignored) so a
person can look at them: lists, details, Today, search popup, quick-add."""

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap

from app.services import companies, contacts
from ui.dialogs.quick_add import QuickAddDialog

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def _save_png(pixmap: QPixmap, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    assert pixmap.save(str(path))
    image = pixmap.toImage()
    # not a blank grab: more than a handful of colours
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
               for y in range(0, image.height(), 23)}
    assert len(colours) > 5, name
    return path


def _with_popup(window, popup) -> QPixmap:
    """The window with a popup (a separate top-level) painted where it appears."""
    shot = window.grab()
    painter = QPainter(shot)
    painter.drawPixmap(window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab())
    painter.end()
    return shot


def test_screenshots(qtbot, main_window, store):
    window = main_window

    def _save(pixmap_or_widget, name):
        qtbot.wait(60)  # let pending layout requests run, as they would before a paint
        pixmap = pixmap_or_widget() if callable(pixmap_or_widget) else pixmap_or_widget
        return _save_png(pixmap, name)

    _save(window.grab, "01_first_run")

    window.load_sample()
    qtbot.waitUntil(lambda: window.root.currentIndex() == 0)
    qtbot.waitUntil(lambda: window.today.tasks.count() > 0)
    _save(window.grab, "02_today")

    with store.read() as s:
        wang = contacts.find_by_email(s, "wangfang@hnscm.example.cn")[0]
        huanan = contacts.get(s, wang).company_id
        emma = contacts.find_by_email(s, "emma.thompson@northwind.example.co.uk")[0]
        assert companies.get(s, huanan)
    window.open_record("contact", wang)
    _save(window.grab, "03_contacts_chinese_detail")
    window.open_record("contact", emma)
    _save(window.grab, "04_contacts_detail")
    window.open_record("company", huanan)
    _save(window.grab, "05_companies")
    window.show_view(3)
    _save(window.grab, "06_opportunities")
    window.show_view(4)
    _save(window.grab, "07_activities")

    window.show_view(0)
    window.show_search()
    popup = window.search_popup
    popup.field.setText("north")
    qtbot.waitUntil(lambda: popup.results.count() > 0)
    _save(lambda: _with_popup(window, popup), "08_search")
    popup.field.setText("13800138000")
    qtbot.waitUntil(popup.caller.isVisible)
    _save(lambda: _with_popup(window, popup), "09_search_phone_lookup")
    popup.hide()

    dialog = QuickAddDialog(store, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Grace Hopper")
    dialog.company.setText("northwind traders")
    dialog.title_.setText("Logistics Analyst")
    dialog.phone.setText("07700 900999")
    qtbot.waitUntil(lambda: dialog.address.text() != "")
    _save(dialog.grab, "10_quick_add")
    dialog.reject()

    # long Chinese names and addresses, and a company found by the middle of its name
    from app import capture
    from app.domain import CompanyDraft, ContactDraft, Email, Phone

    with store.write() as tx:
        capture.save_company(tx, CompanyDraft(
            "深圳市腾讯计算机系统有限公司", address="北京市海淀区中关村南大街5号理工科技大厦1205室",
            phone="+86 755 8601 3388", website="https://www.tencent.example.cn"))
        nana = capture.save_contact(tx, ContactDraft(
            name="欧阳娜娜", company="深圳市腾讯计算机系统有限公司",
            title="华东区高级销售经理兼大客户部副总监",
            emails=[Email("ouyang.nana@tencent.example.cn")],
            phones=[Phone("+86 139 1111 2222", "mobile")])).contact_id
    window.open_record("contact", nana)
    _save(window.grab, "18_contacts_long_chinese")

    dialog = QuickAddDialog(store, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("李明")
    dialog.company.setFocus()
    dialog.company.insert("腾讯")  # what an input method commits
    completer_popup = dialog.company.completer().popup()
    qtbot.waitUntil(lambda: completer_popup.isVisible() and completer_popup.model().rowCount())
    _save(lambda: _with_popup(dialog, completer_popup), "19_quick_add_suggestions")
    dialog.reject()

    from ui.dialogs.opportunity import OpportunityDialog

    with store.read() as s:
        tencent = contacts.get(s, nana).company_id
    opp = OpportunityDialog(store, company_id=tencent, contact_id=nana, parent=window)
    qtbot.addWidget(opp)
    opp.show()
    opp.title_.setText("腾讯云华南区数据中心温湿度监控系统二期扩容项目")
    opp.amount.setText("12500000")
    _save(opp.grab, "20_opportunity_dialog")
    opp.reject()

    window.show_view(1)
    window.contacts.table.setFocus()
    assert len(list(ARTIFACTS.glob("*.png"))) >= 10
