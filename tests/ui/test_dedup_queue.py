"""The review queue's mechanics with the candidate list given (the matcher itself is tested in
test_dedup_review.py and tests/app/dedup): the real store, dialogs, worker thread, merge and
undo; only which pairs are suggested is fixed here, so every case below is certain to occur."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.dedup import merge as merging
from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.services import activities, companies, contacts, opportunities
from tests.app.dedup.test_merge_properties import dump
from ui.dedup import MergeDialog, ReviewDialog
from ui.dedup.worker import find_pairs

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@dataclass
class Candidate:
    kind: str
    a: str
    b: str
    score: float
    decision: str
    reasons: list[str] = field(default_factory=list)


def given(*cands: Candidate):
    """A finder with find_candidates' signature that suggests exactly these pairs."""
    def finder(session, region, kinds=("company", "contact"), progress=None, cancel=None):
        for i, _ in enumerate(cands):
            if progress:
                progress(i + 1, len(cands))
        return [c for c in cands if c.kind in kinds]
    return lambda store, progress, cancel: find_pairs(store, progress, cancel, finder)


@pytest.fixture
def world(store):
    ids = {}
    with store.write() as tx:
        ids["keep"] = companies.create(tx, CompanyDraft(
            "华为技术有限公司", address="广东省深圳市龙岗区坂田华为基地", phone="0755 2878 0808",
            website="huawei.com"))
        ids["lose"] = companies.create(tx, CompanyDraft(
            "华为", phone="+86 755 2878 0808",
            note="Met at Canton Fair 2025, interested in connectors and cable assemblies"))
        ids["wang"] = contacts.create(tx, ContactDraft(
            name="王伟", title="采购经理", emails=[Email("wangwei@huawei.com")]), ids["keep"])
        ids["wang2"] = contacts.create(tx, ContactDraft(
            name="Wang Wei", emails=[Email("WangWei@huawei.com"), Email("ww@163.com")],
            phones=[Phone("138 0013 8000", "mobile")]), ids["lose"])
        ids["deal"] = opportunities.create(tx, "Connectors 2026", ids["lose"],
                                           contact_id=ids["wang2"], amount=120000.0,
                                           currency="CNY")
        ids["call"] = activities.create(tx, "call", body="Asked for samples",
                                        contact_id=ids["wang2"], company_id=ids["lose"])
    ids["cands"] = (
        Candidate("company", ids["keep"], ids["lose"], 0.91, "maybe",
                  ["same phone +86 755 2878 0808", "华为 is the short name of 华为技术有限公司"]),
        Candidate("contact", ids["wang"], ids["wang2"], 0.88, "maybe",
                  ["same e-mail wangwei@huawei.com", "name 王伟 = Wang Wei"]),
    )
    return ids


def _open(qtbot, store, find) -> ReviewDialog:
    dialog = ReviewDialog(None, store, find=find)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state != "searching", timeout=30000)
    return dialog


def _click_merge_in_dialog(qtbot, choose=None):
    def act():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MergeDialog)
        if choose:
            choose(dialog)
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, act)


def test_queue_lists_pairs_with_reasons_and_screenshot(qtbot, styled_app, store, world):
    dialog = _open(qtbot, store, given(*world["cands"]))
    assert dialog.state == "review" and len(dialog.pairs()) == 2
    assert dialog.current().a == world["keep"]
    assert "华为 is the short name of 华为技术有限公司" in dialog.reasons.text()
    assert "91%" in dialog.reasons.text()
    texts = [dialog.table.item(r, c).text() for r in range(dialog.table.rowCount())
             for c in range(3)]
    assert "华为技术有限公司" in texts and "1 contact · 1 opportunity · 1 activity" in texts
    ARTIFACTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "dedup_queue.png"))
    dialog.list.setCurrentRow(1)
    assert "same e-mail wangwei@huawei.com" in dialog.reasons.text()
    assert any(dialog.table.item(r, 1).text() == "华为技术有限公司"  # company shown by name
               for r in range(dialog.table.rowCount()))


def test_merge_then_undo_through_the_dialogs(qtbot, store, world):
    before = dump(store)
    dialog = _open(qtbot, store, given(*world["cands"]))

    def keep_the_registered_name(md: MergeDialog) -> None:
        md.keep_group.button(0).setChecked(True)  # 华为技术有限公司 stays
        md.pick("name", 0)
        assert md.findChild(type(md.error), "both_tags") is None  # no tags on either side

    _click_merge_in_dialog(qtbot, keep_the_registered_name)
    md = dialog.open_merge()
    assert md.merge_id and md.keep_id == world["keep"]
    assert "Merged “华为” into “华为技术有限公司”" in dialog.status.text()
    assert [p.kind for p in dialog.pairs()] == ["contact"]
    with store.read() as s:
        assert companies.get(s, world["lose"]) is None
        kept = companies.get(s, world["keep"])
        assert kept.name == "华为技术有限公司" and kept.contact_count == 2
        assert kept.note.startswith("Met at Canton Fair")
        assert contacts.get(s, world["wang2"]).company_id == world["keep"]
        assert opportunities.get(s, world["deal"]).company_id == world["keep"]
        assert activities.get(s, world["call"]).company_id == world["keep"]

    dialog.activateWindow()  # back from the modal merge dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Undone" in dialog.status.text())
    assert "“华为” is back" in dialog.status.text()
    assert [p.kind for p in dialog.pairs()] == ["company", "contact"]
    assert dump(store) == before


def test_contact_merge_keeps_both_emails_and_moves_history(qtbot, store, world):
    dialog = _open(qtbot, store, given(*world["cands"]))
    dialog.list.setCurrentRow(1)
    _click_merge_in_dialog(qtbot)
    md = dialog.open_merge()
    assert md.keep_id == world["wang2"]  # the one with the deal and the call
    loser = world["wang"]
    with store.read() as s:
        assert contacts.get(s, loser) is None
        c = contacts.get(s, world["wang2"])
        assert [e.address for e in c.emails] == ["WangWei@huawei.com", "ww@163.com"]
        assert c.title == "采购经理"  # the empty side was filled
    assert dialog.pairs()[0].kind == "company"


def test_not_the_same_and_keys(qtbot, store, world):
    find = given(*world["cands"])
    dialog = _open(qtbot, store, find)
    first = dialog.current()
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_S)  # a button shortcut clicks (animated) soon after
    qtbot.waitUntil(lambda: dialog.current() != first)
    assert dialog.pairs()[-1] == first
    qtbot.keyClick(dialog.list, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: len(dialog.pairs()) == 1)
    assert dialog.pairs() == [first] and "different" in dialog.status.text()
    dialog.close()
    again = _open(qtbot, store, find)  # remembered: filtered out on the next search
    assert [p.kind for p in again.pairs()] == ["company"]
    with store.read() as s:
        assert merging.is_not_the_same(s, "contact", world["wang2"], world["wang"])


def test_last_pair_done_shows_all_reviewed(qtbot, store, world):
    dialog = _open(qtbot, store, given(world["cands"][1]))
    qtbot.mouseClick(dialog.not_same_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "empty" and dialog.pages.currentIndex() == 1
    assert not dialog.merge_button.isEnabled()


def test_pair_changed_elsewhere_is_taken_off(qtbot, store, world):
    dialog = _open(qtbot, store, given(*world["cands"]))
    with store.write() as tx:  # merged from the command line meanwhile
        merging.merge(tx, "company", world["keep"], world["lose"])
    dialog.list.setCurrentRow(1)
    dialog.list.setCurrentRow(0)
    assert "deleted or merged" in dialog.reasons.text()
    assert dialog.open_merge() is None
    assert [p.kind for p in dialog.pairs()] == ["contact"]


def test_stop_cancels_the_search(qtbot, store):
    started = threading.Event()

    def slow(session, region, kinds=("company", "contact"), progress=None, cancel=None):
        started.set()
        while not cancel():
            progress(1, 10)
            threading.Event().wait(0.01)
        return []

    dialog = ReviewDialog(None, store, find=lambda st, p, c: find_pairs(st, p, c, slow))
    qtbot.addWidget(dialog)
    dialog.show()
    assert started.wait(10)
    assert dialog.stop_button.isVisible()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "cancelled", timeout=10000)
    assert "Nothing was changed" in dialog.status.text()


def test_a_failing_search_says_so(qtbot, store):
    def broken(session, region, kinds=("company", "contact"), progress=None, cancel=None):
        raise RuntimeError("index file unreadable")

    dialog = _open(qtbot, store, lambda st, p, c: find_pairs(st, p, c, broken))
    assert dialog.state == "failed"
    assert "index file unreadable" in dialog.status.text()
    assert "Nothing was changed" in dialog.status.text()


def test_no_numbered_header_while_searching_and_counts_in_words(qtbot, styled_app, store,
                                                                  world):
    """While the search ran, the empty pair table showed a header '1 2 3'; one pair left
    read '1 pairs to review.'"""
    gate = threading.Event()
    find = given(*world["cands"])

    def slow(store_, progress, cancel):
        gate.wait(10)
        return find(store_, progress, cancel)

    dialog = ReviewDialog(None, store, find=slow)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.state == "searching"
    assert not dialog.table.horizontalHeader().isVisible()
    gate.set()
    qtbot.waitUntil(lambda: dialog.state == "review", timeout=30000)
    assert dialog.table.horizontalHeader().isVisible()
    assert dialog.status.text() == "2 pairs to review."
    dialog._remove(dialog.current())  # as a merge or "not the same" does
    dialog._update_status()
    assert dialog.status.text() == "1 pair to review."
