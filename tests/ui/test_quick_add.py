"""Quick-add (Ctrl+N): the company field autocompletes, a known company's address is filled
in and inherited, Enter saves through app.capture."""

from PySide6.QtCore import Qt

from app import capture
from app.domain import CompanyDraft, ContactDraft
from app.services import contacts
from ui.dialogs.quick_add import QuickAddDialog

ADDRESS = "12 Harbour Street, Bristol BS1 4QA, United Kingdom"


def _company(store, name="Northwind Traders Ltd", address=ADDRESS) -> str:
    with store.write() as tx:
        return capture.save_company(tx, CompanyDraft(name, address=address)).company_id


def test_quick_add_at_existing_company_inherits_its_address(qtbot, styled_app, store):
    company_id = _company(store)
    dialog = QuickAddDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Emma Thompson")
    qtbot.keyClicks(dialog.company, "NORTHWIND TRADERS")  # other case, no legal form
    qtbot.waitUntil(lambda: dialog.address.text() == ADDRESS)
    assert dialog.company_hint.isVisible()
    assert "Northwind Traders Ltd" in dialog.company_hint.text()
    qtbot.keyClicks(dialog.phone, "+44 7700 900123")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)  # Enter saves
    assert dialog.result() == dialog.DialogCode.Accepted
    res = dialog.result_
    assert res.company_id == company_id and res.company_action == "linked"
    with store.read() as s:
        c = contacts.get(s, res.contact_id)
    assert c.own_address == ""  # not copied: inherited
    assert c.address == ADDRESS
    assert c.company_name == "Northwind Traders Ltd"


def _suggest(qtbot, store, typed: str, count: int):
    """Quick-add with `typed` in the company field, once `count` suggestions are listed."""
    dialog = QuickAddDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.company.setFocus()
    qtbot.keyClicks(dialog.company, typed)
    popup = dialog.company.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible() and popup.model().rowCount() == count)
    shown = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    return dialog, shown


def _pick(qtbot, dialog, shown: list[str], label: str) -> None:
    popup = dialog.company.completer().popup()
    popup.setCurrentIndex(popup.model().index(shown.index(label), 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_company_field_suggests_known_companies_while_typing(qtbot, styled_app, store):
    _company(store)
    _company(store, "Northwind Logistics", "elsewhere")
    _company(store, "Acme Robotics GmbH", "Stuttgart")
    _dialog, shown = _suggest(qtbot, store, "north", 2)
    assert set(shown) == {"Northwind Traders Ltd, Bristol", "Northwind Logistics"}


def test_suggestions_say_where_and_how_many_and_picking_one_fills_its_address(
        qtbot, styled_app, store):
    berlin = _company(store, "Acme GmbH", "Hauptstraße 12, 10115 Berlin")
    munich = _company(store, "Acme GmbH", "Leopoldstraße 8, 80802 München")
    with store.write() as tx:
        for name in ("Anna", "Ben", "Carl"):
            contacts.create(tx, ContactDraft(name=name), berlin)
        contacts.create(tx, ContactDraft(name="Dora"), munich)
    dialog, shown = _suggest(qtbot, store, "acme", 2)
    assert sorted(shown) == ["Acme GmbH, Berlin (3 contacts)", "Acme GmbH, München (1 contact)"]
    _pick(qtbot, dialog, shown, "Acme GmbH, München (1 contact)")
    assert dialog.company.text() == "Acme GmbH"  # the name goes in the field, not the label
    qtbot.waitUntil(lambda: dialog.address.text() == "Leopoldstraße 8, 80802 München")
    assert dialog.company.company.id == munich
    assert "Joins Acme GmbH" in dialog.company_hint.text()
    dialog.name.setText("Emil")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result_.company_id == munich  # saved at the one picked, by its address


def test_the_picked_company_is_kept_even_without_its_address(qtbot, styled_app, store):
    """Two companies of one name: the rep's pick decides, not the matcher (which, with nothing
    but the name, would take the older one)."""
    _company(store, "Acme GmbH", "Hauptstraße 12, 10115 Berlin")
    munich = _company(store, "Acme GmbH", "Leopoldstraße 8, 80802 München")
    dialog, shown = _suggest(qtbot, store, "acme", 2)
    _pick(qtbot, dialog, shown, "Acme GmbH, München")
    qtbot.waitUntil(lambda: dialog.address.text() != "")
    dialog.address.clear()
    dialog.name.setText("Emil")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result_.company_id == munich
    with store.read() as s:
        assert contacts.get(s, dialog.result_.contact_id).address == "Leopoldstraße 8, 80802 München"


def test_new_company_name_says_it_will_be_created_and_clears_filled_address(
        qtbot, styled_app, store):
    _company(store)
    dialog = QuickAddDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.company, "Northwind Traders Ltd")
    qtbot.waitUntil(lambda: dialog.address.text() == ADDRESS)
    qtbot.keyClicks(dialog.company, " Asia")  # now a different company
    assert dialog.address.text() == ""
    assert "New company" in dialog.company_hint.text()


def test_escape_cancels_and_saves_nothing(qtbot, styled_app, store):
    dialog = QuickAddDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Nobody")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected
    with store.read() as s:
        assert contacts.count(s) == 0


def test_empty_contact_shows_the_reason_and_stays_open(qtbot, styled_app, store):
    dialog = QuickAddDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "needs at least a name" in dialog.error.text()


def test_focus_order_follows_the_form(qtbot, styled_app, store):
    dialog = QuickAddDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    order, widget = [], dialog.name
    while len(order) < 5:
        widget = widget.nextInFocusChain()
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
    assert order == [dialog.company, dialog.title_, dialog.phone, dialog.email, dialog.address]


def test_ctrl_n_opens_quick_add_and_the_detail_shows_the_inherited_address(
        qtbot, main_window, store, monkeypatch):
    _company(store)
    main_window._update_first_run()
    import ui.dialogs.quick_add as quick_add

    def fake_exec(self):
        self.name.setText("Oliver Bennett")
        self.company.setText("Northwind Traders")
        self.save()
        return self.result()

    monkeypatch.setattr(quick_add.QuickAddDialog, "exec", fake_exec)
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    view = main_window.contacts
    qtbot.waitUntil(lambda: view.isVisible() and view.detail.record_id is not None)
    html = view.detail.browser.toPlainText()
    assert "Oliver Bennett" in html
    assert ADDRESS in html
    assert "Company address (from Northwind Traders Ltd)" in html
