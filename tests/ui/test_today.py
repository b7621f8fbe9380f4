"""Today: open tasks (overdue first), tick them off, add one with Enter; the daily note is saved
as the rep types and is not overwritten by refreshes."""

import datetime as dt

from PySide6.QtCore import Qt

from app.services import activities
from ui.store_bridge import StoreBridge
from ui.views.today import ID_ROLE, TodayView


def _view(qtbot, store) -> TodayView:
    view = TodayView(store)
    qtbot.addWidget(view)
    bridge = StoreBridge(store, view)  # the one refresh hook, as in the main window
    bridge.changed.connect(view.on_store_changed)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def _texts(view):
    return [view.tasks.item(i).data(Qt.ItemDataRole.UserRole + 2)
            for i in range(view.tasks.count())]


def test_tasks_grouped_overdue_today_coming_up(qtbot, styled_app, sample_store):
    view = _view(qtbot, sample_store)
    texts = _texts(view)
    assert texts[0] == "Overdue"
    assert texts.index("Due today") < texts.index("Coming up")
    assert any(t.startswith("Send revised quote to 张伟") and "上海明远精密仪器有限公司" in t
               for t in texts)
    assert view.tasks_title.text() == "Tasks  (3 due)"


def test_add_task_with_enter_and_tick_it_off(qtbot, styled_app, store):
    view = _view(qtbot, store)
    assert view.tasks_stack.currentWidget() is view.tasks_stack.message  # empty state
    qtbot.keyClicks(view.new_task, "Call the Lyon office")
    qtbot.keyClick(view.new_task, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any("Call the Lyon office" in (t or "") for t in _texts(view)))
    assert view.new_task.text() == ""
    item = next(view.tasks.item(i) for i in range(view.tasks.count())
                if view.tasks.item(i).data(ID_ROLE))
    item.setCheckState(Qt.CheckState.Checked)
    with store.read() as s:
        task = activities.get(s, item.data(ID_ROLE))
    assert task.done and task.due_date == dt.date.today()
    qtbot.waitUntil(lambda: view.tasks.count() == 0)


def test_daily_note_saves_as_you_type_and_survives_refresh(qtbot, styled_app, store):
    view = _view(qtbot, store)
    view.note.setFocus()
    qtbot.keyClicks(view.note, "Visited Acme")
    qtbot.waitUntil(lambda: view.note_state.text() == "Saved", timeout=3000)
    with store.read() as s:
        _tasks, notes = activities.for_day(s, dt.date.today())
    assert [n.body for n in notes] == ["Visited Acme"]
    # more typing; a refresh from another write meanwhile must not eat it
    qtbot.keyClicks(view.note, ", then Lyon")
    view.refresh()
    assert view.note.toPlainText() == "Visited Acme, then Lyon"
    view.save_note()
    with store.read() as s:
        _tasks, notes = activities.for_day(s, dt.date.today())
    assert [n.body for n in notes] == ["Visited Acme, then Lyon"]  # updated, not a second note


def test_daily_note_of_today_is_shown(qtbot, styled_app, store):
    with store.write() as tx:
        activities.create(tx, "note", body="Old news", date=dt.date.today() - dt.timedelta(1))
        activities.create(tx, "note", body="Fresh", date=dt.date.today())
    view = _view(qtbot, store)
    assert view.note.toPlainText() == "Fresh"
