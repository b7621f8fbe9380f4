"""Main window wiring: sidebar and shortcuts, refresh from writes on any thread, detail pane,
opportunities and activities, drag and drop."""

import threading

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app import capture
from app.domain import ContactDraft, Email
from app.services import contacts, opportunities


def _ready(qtbot, main_window):
    main_window._update_first_run()
    qtbot.waitUntil(lambda: main_window.root.currentIndex() == 0)


def test_ctrl_digits_switch_views(qtbot, sample_store, main_window):
    _ready(qtbot, main_window)
    for i, view in enumerate(main_window.views):
        qtbot.keyClick(main_window, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        assert main_window.stack.currentWidget() is view
        assert main_window.sidebar.currentRow() == i


def test_write_from_a_worker_thread_refreshes_the_list(qtbot, sample_store, main_window):
    _ready(qtbot, main_window)
    main_window.show_view(1)
    view = main_window.contacts
    before = view.model.rowCount()

    def worker():
        with sample_store.write() as tx:
            capture.save_contact(tx, ContactDraft(name="Zoe Worker",
                                                  emails=[Email("zoe@example.com")]))

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: view.model.rowCount() == before + 1)
    assert view.summary.text() == f"{before + 1} contacts"


def test_contact_detail_shows_fields_opportunities_history_newest_first(
        qtbot, sample_store, main_window):
    _ready(qtbot, main_window)
    with sample_store.read() as s:
        cid = contacts.find_by_email(s, "zhangwei@mingyuan-inst.example.cn")[0]
    main_window.open_record("contact", cid)
    text = main_window.contacts.detail.browser.toPlainText()
    for expected in ("张伟", "采购部经理", "上海明远精密仪器有限公司", "+86 138 0013 8000",
                     "zhangwei@mingyuan-inst.example.cn", "上海市浦东新区",
                     "Company address (from 上海明远精密仪器有限公司)",
                     "Opportunities (1)", "洁净室压差传感器 200 套", "History (2)"):
        assert expected in text
    assert text.index("Send revised quote") < text.index("首次电话")


def test_company_link_in_detail_opens_the_company(qtbot, sample_store, main_window):
    _ready(qtbot, main_window)
    with sample_store.read() as s:
        c = contacts.get(s, contacts.find_by_email(s, "k.weber@acme-robotics.example.de")[0])
    main_window.open_record("contact", c.id)
    main_window.contacts.detail.browser.anchorClicked.emit(QUrl(f"company:{c.company_id}"))
    assert main_window.stack.currentWidget() is main_window.companies
    text = main_window.companies.detail.browser.toPlainText()
    assert "Katharina Weber" in text and "Jürgen Hoffmann" in text
    assert "Contacts (2)" in text and "Line 3 walkthrough" in text


def test_card_image_is_shown_in_the_detail(qtbot, sample_store, main_window):
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(90, 50, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    with sample_store.read() as s:
        cid = contacts.find_by_email(s, "lina@mingyuan-inst.example.cn")[0]
    with sample_store.write() as tx:
        contacts.attach(tx, cid, "card", bytes(data.data()), "image/png")
    _ready(qtbot, main_window)
    main_window.open_record("contact", cid)
    html = main_window.contacts.detail.browser.toHtml()
    assert f"card://{cid}" in html
    assert "Business card" in main_window.contacts.detail.browser.toPlainText()


def test_delete_from_detail_pane(qtbot, sample_store, main_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _ready(qtbot, main_window)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    main_window.show_view(1)
    view = main_window.contacts
    rid = view.detail.record_id
    before = view.model.rowCount()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: view.model.rowCount() == before - 1)
    assert view.model.row_of(rid) == -1


def test_new_opportunity_through_the_dialog(qtbot, sample_store, main_window, monkeypatch):
    from ui.dialogs.opportunity import OpportunityDialog

    def fake_exec(self):
        self.title_.setText("Pressure sensors 50 pcs")
        self.company.setText("acme robotics")  # joins the existing company
        self.stage.setCurrentIndex(2)
        self.amount.setText("12500")
        self.currency.setCurrentText("EUR")
        self.save()
        return self.result()

    monkeypatch.setattr(OpportunityDialog, "exec", fake_exec)
    _ready(qtbot, main_window)
    main_window.show_view(3)
    main_window.opportunities.new_button.click()
    with sample_store.read() as s:
        found = [o for o in opportunities.list_all(s) if o.title == "Pressure sensors 50 pcs"]
    assert found and found[0].company_name == "Acme Robotics GmbH"
    assert found[0].amount == 12500 and found[0].stage == "proposal"
    view = main_window.opportunities
    qtbot.waitUntil(lambda: view.model.row_of(found[0].id) >= 0)
    row = view.model.row_of(found[0].id)
    assert view.model.index(row, 3).data() == "12,500 EUR"


def test_log_a_call_from_activities_view(qtbot, sample_store, main_window, monkeypatch):
    from ui.dialogs.activity import ActivityDialog

    def fake_exec(self):
        self.subject.setText("Called about samples")
        self.save()
        return self.result()

    monkeypatch.setattr(ActivityDialog, "exec", fake_exec)
    _ready(qtbot, main_window)
    main_window.show_view(4)
    view = main_window.activities
    before = view.model.rowCount()
    view.add("call")
    qtbot.waitUntil(lambda: view.model.rowCount() == before + 1)
    texts = [view.model.index(r, 2).data() for r in range(view.model.rowCount())]
    assert "Called about samples" in texts


def test_dropped_files_go_to_import_and_images_to_cards(qtbot, sample_store, main_window,
                                                        monkeypatch):
    got = {}
    monkeypatch.setattr(main_window, "import_files", lambda paths: got.setdefault("imp", paths))
    monkeypatch.setattr(main_window, "scan_cards", lambda paths: got.setdefault("scan", paths))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/a.vcf"), QUrl.fromLocalFile("/tmp/card.JPG")])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    main_window.dropEvent(event)
    assert got == {"imp": ["/tmp/a.vcf"], "scan": ["/tmp/card.JPG"]}


def test_edit_contact_keeps_inherited_address_and_phone_kinds(qtbot, sample_store, main_window,
                                                              monkeypatch):
    from ui.dialogs.edit_records import EditContactDialog

    def fake_exec(self):
        assert self.name.text() == "张伟" and self.company.text() == "上海明远精密仪器有限公司"
        assert self.phone.text() == "+86 138 0013 8000; 021-5080 1235"
        self.title_.setText("采购总监")
        self.phone.setText(self.phone.text() + "; 139 0000 1111")
        self.save()
        return self.result()

    monkeypatch.setattr(EditContactDialog, "exec", fake_exec)
    _ready(qtbot, main_window)
    with sample_store.read() as s:
        cid = contacts.find_by_email(s, "zhangwei@mingyuan-inst.example.cn")[0]
    main_window.open_record("contact", cid)
    view = main_window.contacts
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # Enter edits the selected row
    with sample_store.read() as s:
        c = contacts.get(s, cid)
    assert c.title == "采购总监"
    assert [(p.number, p.kind) for p in c.phones] == [
        ("+86 138 0013 8000", "mobile"), ("021-5080 1235", "work"), ("139 0000 1111", "mobile")]
    assert c.own_address == "" and c.address.startswith("上海市浦东新区")
    qtbot.waitUntil(lambda: "采购总监" in view.detail.browser.toPlainText())


def test_edit_company_renames_it_everywhere(qtbot, sample_store, main_window, monkeypatch):
    from ui.dialogs.edit_records import EditCompanyDialog

    def fake_exec(self):
        self.name.setText("Acme Robotics SE")
        self.save()
        return self.result()

    monkeypatch.setattr(EditCompanyDialog, "exec", fake_exec)
    _ready(qtbot, main_window)
    with sample_store.read() as s:
        c = contacts.get(s, contacts.find_by_email(s, "k.weber@acme-robotics.example.de")[0])
    main_window.open_record("company", c.company_id)
    main_window.companies.detail.edit_btn.click()
    main_window.open_record("contact", c.id)
    qtbot.waitUntil(lambda: "Acme Robotics SE" in
                    main_window.contacts.detail.browser.toPlainText())


def test_delete_key_removes_an_opportunity_after_asking(qtbot, sample_store, main_window,
                                                        monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or
                        QMessageBox.StandardButton.Yes)
    _ready(qtbot, main_window)
    main_window.show_view(3)
    view = main_window.opportunities
    view.table.selectRow(0)
    title = view.model.row_object(0).title
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert asked == [f"Delete the opportunity “{title}”?"]
    qtbot.waitUntil(lambda: view.model.rowCount() == 7)


def test_add_a_person_from_the_company_detail(qtbot, sample_store, main_window, monkeypatch):
    from ui.dialogs.quick_add import QuickAddDialog

    def fake_exec(self):
        assert self.company.text() == "Café Olé SARL"
        self.name.setText("Luc Martin")
        self.save()
        return self.result()

    monkeypatch.setattr(QuickAddDialog, "exec", fake_exec)
    _ready(qtbot, main_window)
    with sample_store.read() as s:
        c = contacts.get(s, contacts.find_by_email(s, "amelie@cafe-ole.example.fr")[0])
    main_window.open_record("company", c.company_id)
    detail = main_window.companies.detail
    assert detail.person_action.isVisible()
    detail.person_action.trigger()
    qtbot.waitUntil(lambda: "Luc Martin" in detail.browser.toPlainText())
    assert "Contacts (2)" in detail.browser.toPlainText()


def test_sync_status_goes_into_the_status_bar(qtbot, main_window, monkeypatch):
    import sys
    import types

    from PySide6.QtWidgets import QLabel

    class FakeStatus(QLabel):
        def __init__(self, store, parent=None):
            super().__init__("Sync not set up", parent)
            self.store = store

    fake = types.ModuleType("ui.sync")
    fake.SyncStatusWidget = FakeStatus
    monkeypatch.setitem(sys.modules, "ui.sync", fake)
    main_window.sync_status = None
    main_window._add_sync_status()
    assert isinstance(main_window.sync_status, FakeStatus)
    assert main_window.sync_status.store is main_window.store
    assert main_window.sync_status.isVisible()


def test_long_lists_reload_in_a_thread_after_a_write(qtbot, sample_store, main_window,
                                                     monkeypatch):
    import ui.views.records as records

    monkeypatch.setattr(records, "ASYNC_ROWS", 5)  # the sample list counts as long
    _ready(qtbot, main_window)
    main_window.show_view(1)
    view = main_window.contacts
    before = view.model.rowCount()
    with qtbot.waitSignal(view.model.reloaded, timeout=5000), sample_store.write() as tx:
        capture.save_contact(tx, ContactDraft(name="Async Person"))
    assert view.model.rowCount() == before + 1
    assert view.summary.text() == f"{before + 1} contacts"


def test_a_newer_async_reload_wins(qtbot, sample_store):
    from ui.table_models import contacts_model

    model = contacts_model(sample_store)
    model.reload()
    model.reload_async()
    stale = model._generation
    model.reload_async()
    model._apply_ids(stale, [])  # a late answer from the first thread is ignored
    assert model.rowCount() == 19
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        pass
    assert model.rowCount() == 19


def test_a_call_logged_from_activities_can_name_the_contact(qtbot, sample_store, styled_app):
    from ui.dialogs.activity import ActivityDialog

    dialog = ActivityDialog(sample_store, "call")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.picker.isVisible()
    dialog.picker.setFocus()
    qtbot.keyClicks(dialog.picker, "Priya")
    model = dialog.picker.completer().model()
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    label = model.index(0, 0).data()
    assert label.startswith("Priya Patel")
    dialog.picker.completer().activated.emit(label)
    dialog.subject.setText("Pilot follow-up")
    dialog.save()
    with sample_store.read() as s:
        c = contacts.get(s, contacts.find_by_email(s, "priya.patel@lumen-med.example.com")[0])
        from app.services import activities
        history = activities.history(s, contact_id=c.id)
    assert history[0].subject == "Pilot follow-up"
    assert history[0].company_id == c.company_id


def test_the_company_matcher_is_built_in_the_background_after_launch(qtbot, store, styled_app):
    """At 100,000 contacts the first save after launch waited ~4 s for the matcher's index;
    the window builds it in a background thread once it is up."""
    from app.dedup.store_index import store_index
    from app.domain import CompanyDraft
    from app.services import companies
    from ui.app import make_main_window

    with store.write() as tx:
        for name in ("Acme GmbH", "华为技术有限公司", "Zeta Widgets"):
            companies.create(tx, CompanyDraft(name))
    with store.read() as s:
        index = store_index(s)
    assert index.index is None  # nothing matched yet
    window = make_main_window(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: index.index is not None, timeout=10_000)
    window._warm_thread.join(10)
    assert sorted(f.name for f in index.index.feats.values()) == [
        "Acme GmbH", "Zeta Widgets", "华为技术有限公司"]
    window.bridge.close()
