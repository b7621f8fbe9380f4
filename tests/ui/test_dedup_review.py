"""Find duplicates, driven through real widgets on a real store with duplicates: the queue shows
the pair and why; Not the same is remembered across reopening; Merge moves the children and
tombstones the loser; Undo restores everything; the merge dialog's defaults and choices."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QRadioButton

from app.dedup import merge as merging
from app.domain import CompanyDraft, ContactDraft, Email
from app.services import activities, companies, contacts, opportunities
from tests.app.dedup.test_merge_properties import dump
from ui.dedup import MergeDialog, ReviewDialog, open_review_dialog

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def _open(qtbot, store) -> ReviewDialog:
    pytest.importorskip("app.dedup.candidates")  # the matcher (built alongside)
    dialog = open_review_dialog(None, store)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state != "searching", timeout=30000)
    return dialog


def _select(dialog: ReviewDialog, a: str, b: str) -> None:
    for row, pair in enumerate(dialog.pairs()):
        if {pair.a, pair.b} == {a, b}:
            dialog.list.setCurrentRow(row)
            return
    raise AssertionError(f"pair {a}/{b} not in the queue: {dialog.pairs()}")


def _has(dialog: ReviewDialog, a: str, b: str) -> bool:
    return any({p.a, p.b} == {a, b} for p in dialog.pairs())


def _table_text(dialog: ReviewDialog) -> str:
    t = dialog.table
    return "\n".join(t.item(r, c).text() for r in range(t.rowCount()) for c in range(3))


def test_queue_shows_the_pair_side_by_side_with_the_reason(qtbot, styled_app, store, dups):
    dialog = _open(qtbot, store)
    assert dialog.state == "review" and dialog.pages.currentIndex() == 0
    assert _has(dialog, dups["keep"], dups["lose"])
    assert not any(dups["other"] in (p.a, p.b) for p in dialog.pairs())
    _select(dialog, dups["keep"], dups["lose"])
    pair = dialog.current()
    assert pair.reasons and all(r in dialog.reasons.text() for r in pair.reasons)
    text = _table_text(dialog)
    assert "Acme Industrial GmbH" in text and "ACME Industrial" in text
    assert "Met at Hannover Messe" in text and "1 opportunity" in text
    name_row = next(r for r in range(dialog.table.rowCount())
                    if dialog.table.item(r, 0).text() == "Name")
    assert dialog.table.item(name_row, 1).background().color().name() == "#fef3c7"
    assert "pairs to review" in dialog.status.text()
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.resize(980, 600)
    assert dialog.grab().save(str(ARTIFACTS / "dedup_review.png"))


def test_not_the_same_is_gone_and_stays_gone_after_reopening(qtbot, store, dups):
    dialog = _open(qtbot, store)
    _select(dialog, dups["keep"], dups["lose"])
    qtbot.mouseClick(dialog.not_same_button, Qt.MouseButton.LeftButton)
    assert not _has(dialog, dups["keep"], dups["lose"])
    assert "different" in dialog.status.text()
    dialog.close()
    with store.read() as s:
        assert merging.is_not_the_same(s, "company", dups["lose"], dups["keep"])
    again = _open(qtbot, store)
    assert not _has(again, dups["keep"], dups["lose"])
    with store.read() as s:  # nothing else was touched
        assert companies.get(s, dups["lose"]) is not None


def test_keyboard_n_and_s(qtbot, store, dups):
    dialog = _open(qtbot, store)
    if len(dialog.pairs()) < 2:
        pytest.skip("needs two pairs")
    first = dialog.current()
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_S)  # a button shortcut clicks (animated) soon after
    qtbot.waitUntil(lambda: dialog.current() != first)
    assert dialog.pairs()[-1] == first
    second = dialog.current()
    qtbot.keyClick(dialog.list, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: second not in dialog.pairs())


def _accept_merge_dialog(qtbot, choose=None):
    def act():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MergeDialog)
        if choose:
            choose(dialog)
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, act)


def test_merge_moves_children_and_undo_restores(qtbot, store, dups):
    before = dump(store)
    dialog = _open(qtbot, store)
    _select(dialog, dups["keep"], dups["lose"])

    def keep_the_gmbh(merge_dialog: MergeDialog) -> None:
        side = 0 if merge_dialog.ids[0] == dups["keep"] else 1
        merge_dialog.keep_group.button(side).setChecked(True)
        merge_dialog.pick("name", side)

    _accept_merge_dialog(qtbot, keep_the_gmbh)
    merge_dialog = dialog.open_merge()
    assert merge_dialog.merge_id
    assert not _has(dialog, dups["keep"], dups["lose"])
    assert "Merged “ACME Industrial” into “Acme Industrial GmbH”" in dialog.status.text()
    assert dialog.undo_button.isVisible() and dialog.undo_button.isEnabled()
    with store.read() as s:
        assert companies.get(s, dups["lose"]) is None
        survivor = companies.get(s, dups["keep"])
        assert survivor.name == "Acme Industrial GmbH" and survivor.contact_count == 2
        assert survivor.note == "Met at Hannover Messe"  # the empty side filled
        assert contacts.get(s, dups["ben"]).company_id == dups["keep"]
        assert opportunities.get(s, dups["deal"]).company_id == dups["keep"]
        assert activities.get(s, dups["visit"]).company_id == dups["keep"]

    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert "Undone" in dialog.status.text() and not dialog.undo_button.isVisible()
    assert _has(dialog, dups["keep"], dups["lose"])
    assert dump(store) == before


def test_merge_dialog_defaults_and_both_kept(qtbot, store):
    with store.write() as tx:
        a = contacts.create(tx, ContactDraft(name="Li Na", title="Buyer",
                                             emails=[Email("li@acme.cn")]))
        b = contacts.create(tx, ContactDraft(name="李娜", department="Purchasing",
                                             emails=[Email("lina@qq.com")]))
        activities.create(tx, "call", body="called", contact_id=b)
    dialog = MergeDialog(None, store, "contact", a, b)
    qtbot.addWidget(dialog)
    assert dialog.keep_id == b  # the one with history attached stays by default
    both = dialog.findChild(type(dialog.error), "both_emails")
    assert "li@acme.cn" in both.text() and "lina@qq.com" in both.text()
    # empty sides are filled from the other: title from a, department from b
    assert dialog.choices()["title"] == "loser" and dialog.choices()["department"] == "keep"
    dialog.keep_group.button(0).setChecked(True)  # keep a instead: sides swap
    assert dialog.keep_id == a
    assert dialog.choices()["title"] == "keep" and dialog.choices()["department"] == "loser"
    dialog.pick("name", 1)
    assert dialog.choices()["name"] == "loser"
    assert dialog.findChild(QRadioButton, "note_both") is None  # no notes: nothing to join
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == MergeDialog.DialogCode.Accepted
    with store.read() as s:
        c = contacts.get(s, a)
        assert (c.name, c.title, c.department) == ("李娜", "Buyer", "Purchasing")
        assert [e.address for e in c.emails] == ["li@acme.cn", "lina@qq.com"]
        assert contacts.get(s, b) is None


def test_merge_dialog_can_keep_both_notes(qtbot, store):
    with store.write() as tx:
        a = companies.create(tx, CompanyDraft("Acme", note="Key account"))
        b = companies.create(tx, CompanyDraft("Acme Inc", note="Met at Hannover Messe"))
    dialog = MergeDialog(None, store, "company", a, b, keep_id=a)
    qtbot.addWidget(dialog)
    dialog.findChild(QRadioButton, "note_both").click()
    assert dialog.choices()["note"] == "both"
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    with store.read() as s:
        assert companies.get(s, a).note == "Key account\n\nMet at Hannover Messe"


def test_merge_dialog_says_why_nothing_was_merged(qtbot, store):
    with store.write() as tx:
        a = companies.create(tx, CompanyDraft("Acme"))
        b = companies.create(tx, CompanyDraft("Acme Inc"))
    dialog = MergeDialog(None, store, "company", a, b)
    qtbot.addWidget(dialog)
    with store.write() as tx:  # merged elsewhere meanwhile (another window, sync)
        merging.merge(tx, "company", a, b)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != MergeDialog.DialogCode.Accepted
    assert "Nothing was merged" in dialog.error.text() and "already merged" in dialog.error.text()


def test_empty_state(qtbot, store):
    with store.write() as tx:
        companies.create(tx, CompanyDraft("Zeta Logistics", website="zeta.fr"))
        companies.create(tx, CompanyDraft("Acme Industrial GmbH", website="acme-industrial.de"))
    dialog = _open(qtbot, store)
    assert dialog.state == "empty" and dialog.pages.currentIndex() == 1
    assert dialog.empty_title.text() == "No duplicates found"
    assert not dialog.merge_button.isEnabled()


def _queue_of(qtbot, main_window) -> ReviewDialog:
    main_window.find_duplicates()  # Tools → Find duplicates
    qtbot.waitUntil(lambda: any(isinstance(w, ReviewDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, ReviewDialog) and w.isVisible())
    qtbot.waitUntil(lambda: dialog.state != "searching", timeout=30000)
    return dialog


def test_tools_menu_opens_the_queue(qtbot, main_window):
    dialog = _queue_of(qtbot, main_window)
    assert dialog.parent() is main_window
    assert dialog.state in ("empty", "failed")  # an empty database: nothing to review
    dialog.close()


def test_opened_from_the_main_window(qtbot, main_window, dups):
    pytest.importorskip("app.dedup.candidates")
    dialog = _queue_of(qtbot, main_window)
    assert _has(dialog, dups["keep"], dups["lose"])
    dialog.close()
