"""The one refresh hook: writes from any thread reach the UI thread as one coalesced signal."""

import threading

from PySide6.QtCore import QThread

from app.domain import CompanyDraft
from app.services import companies
from ui.store_bridge import StoreBridge


def test_writes_from_a_worker_arrive_on_the_ui_thread_coalesced(qtbot, qapp, store):
    bridge = StoreBridge(store)
    got = []
    bridge.changed.connect(lambda entities: got.append((set(entities), QThread.currentThread())))

    def worker():
        for i in range(20):
            with store.write() as tx:
                companies.create(tx, CompanyDraft(f"Company {i}"))

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: bool(got))
    qtbot.wait(50)
    assert len(got) < 20  # coalesced, not one refresh per write
    assert all(entities == {"company"} for entities, _ in got)
    assert all(thread is qapp.thread() for _, thread in got)
    bridge.close()


def test_closed_bridge_stops_listening(qtbot, store):
    bridge = StoreBridge(store)
    got = []
    bridge.changed.connect(got.append)
    bridge.close()
    with store.write() as tx:
        companies.create(tx, CompanyDraft("Late"))
    qtbot.wait(20)
    assert got == []
