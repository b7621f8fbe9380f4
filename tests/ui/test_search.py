"""Global search (Ctrl+K) answers while typing; a phone number in another format finds the
caller with company, opportunities and history; Enter opens the record."""

from PySide6.QtCore import Qt

from ui.search_popup import ID_ROLE, KIND_ROLE, looks_like_phone


def _popup(qtbot, main_window):
    main_window._update_first_run()
    qtbot.keyClick(main_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = main_window.search_popup
    qtbot.waitUntil(popup.isVisible)
    return popup


def _names(popup):
    return [popup.results.item(i).text().split("   —   ")[0]
            for i in range(popup.results.count())]


def test_search_answers_while_typing(qtbot, sample_store, main_window):
    popup = _popup(qtbot, main_window)
    popup.field.insert("张")  # an input method commits CJK text (QTest cannot type it)
    qtbot.waitUntil(lambda: "张伟" in _names(popup))
    popup.field.insert("伟")
    assert popup.timer.isActive()  # debounced: answers once typing pauses
    qtbot.waitUntil(lambda: not popup.timer.isActive())
    assert _names(popup)[0] == "张伟"
    assert popup.results.item(0).data(KIND_ROLE) == "contact"
    assert "李娜" not in _names(popup)
    popup.field.clear()
    qtbot.keyClicks(popup.field, "north")
    qtbot.waitUntil(lambda: "Northwind Traders Ltd" in _names(popup))
    assert "Emma Thompson" in _names(popup)  # people at that company too


def test_nothing_found_says_so(qtbot, sample_store, main_window):
    popup = _popup(qtbot, main_window)
    qtbot.keyClicks(popup.field, "zzqqxx")
    qtbot.waitUntil(lambda: "Nothing matches" in popup.status.text())
    assert popup.results.count() == 0


def test_phone_in_another_format_shows_who_is_calling(qtbot, sample_store, main_window):
    popup = _popup(qtbot, main_window)
    # stored as "+86 138 0013 8000"
    qtbot.keyClicks(popup.field, "138-0013-8000")
    qtbot.waitUntil(popup.caller.isVisible)
    text = popup.caller.toPlainText()
    assert "张伟" in text
    assert "上海明远精密仪器有限公司" in text
    assert "洁净室压差传感器 200 套" in text  # the opportunity
    assert "首次电话" in text  # history
    assert text.index("Send revised quote") < text.index("首次电话")  # newest first


def test_arrow_keys_and_enter_open_the_record(qtbot, sample_store, main_window):
    popup = _popup(qtbot, main_window)
    qtbot.keyClicks(popup.field, "Acme")
    qtbot.waitUntil(lambda: popup.results.count() >= 2)
    qtbot.keyClick(popup.field, Qt.Key.Key_Down)
    item = popup.results.currentItem()
    assert popup.results.currentRow() == 1
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert not popup.isVisible()
    kind, rid = item.data(KIND_ROLE), item.data(ID_ROLE)
    view = main_window.contacts if kind == "contact" else main_window.companies
    assert main_window.stack.currentWidget() is view
    assert view.detail.record_id == rid


def test_enter_right_after_typing_answers_first(qtbot, sample_store, main_window):
    popup = _popup(qtbot, main_window)
    popup.field.setText("Priya")
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)  # before the debounce timer fired
    assert main_window.stack.currentWidget() is main_window.contacts
    assert "Priya Patel" in main_window.contacts.detail.browser.toPlainText()


def test_looks_like_phone():
    assert looks_like_phone("+86 (138) 0013-8000")
    assert not looks_like_phone("1380")
    assert not looks_like_phone("Acme 138")


def test_escape_closes_the_popup(qtbot, sample_store, main_window):
    popup = _popup(qtbot, main_window)
    qtbot.keyClicks(popup.field, "Acme")
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    assert not popup.isVisible()
