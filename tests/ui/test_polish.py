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
