"""What a rep sees at a glance: nothing they need is cut off or left unexplained (found by
looking at the screenshots with long Chinese names and a 100,000-contact store)."""

from PySide6.QtCore import Qt

from app.services import contacts
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
