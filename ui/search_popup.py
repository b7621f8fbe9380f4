"""Global search (Ctrl+K): answers while the rep types. A phone number in any format also
shows "who is calling": the person, their company, opportunities and the whole history."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import lookup, search
from app.store import Store
from ui import detail_html
from ui.format import kind_text, stage_text
from ui.style import icon

DEBOUNCE_MS = 80
LIMIT = 30  # hits shown; one more is asked for to know there are more
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_PHONEISH = re.compile(r"^[\d\s+().\-/]+$")
ICONS = {"contact": "contacts", "company": "companies", "opportunity": "opportunities",
         "activity": "activities"}


def looks_like_phone(text: str) -> bool:
    return bool(_PHONEISH.match(text)) and sum(ch.isdigit() for ch in text) >= 5


class SearchPopup(QFrame):
    open_record = Signal(str, str)  # kind, id

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("searchPopup")
        self.store = store
        self.field = QLineEdit(self, objectName="searchField")
        self.field.setPlaceholderText(self.tr("Search people, companies, deals, notes — or paste "
                                              "a phone number"))
        self.field.setClearButtonEnabled(True)
        self.field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.field.installEventFilter(self)
        self.results = QListWidget(self, objectName="searchResults")
        self.results.setUniformItemSizes(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.itemActivated.connect(self._open_item)
        self.status = QLabel(self, objectName="muted")
        self.status.setContentsMargins(6, 0, 6, 0)
        self.caller = QTextBrowser(self, objectName="detail", openLinks=False)
        self.caller.anchorClicked.connect(self._open_link)
        self.caller.hide()
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_query)
        self.field.textChanged.connect(lambda _t: self.timer.start())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 2)
        layout.addWidget(self.caller, 3)
        self._max_height = 520
        self.resize(640, 150)
        self.status.setText(self.tr("Type a name, a company, an e-mail or a phone number."))

    def popup(self, anchor: QWidget) -> None:
        """Show near the top of `anchor` (the main window), centred."""
        top = anchor.mapToGlobal(anchor.rect().topLeft())
        width = min(680, max(480, anchor.width() - 80))
        self._max_height = min(560, max(360, anchor.height() - 120))
        self.resize(width, 150)
        self.move(top.x() + (anchor.width() - width) // 2, top.y() + 60)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def run_query(self) -> None:
        text = self.field.text().strip()
        self.results.clear()
        self.results.hide()  # shown again with hits
        self.caller.hide()
        if not text:
            self.status.setText(self.tr("Type a name, a company, an e-mail or a phone number."))
            return
        with self.store.read() as s:
            hits = search.search(s, text, limit=LIMIT + 1)
            callers = lookup.lookup_phone(s, text, self.store.region) if looks_like_phone(
                text) else []
        more = len(hits) > LIMIT
        hits = hits[:LIMIT]
        for h in hits:
            label = f"{h.name}   —   {self._detail(h)}" if h.detail else h.name
            item = QListWidgetItem(icon(ICONS.get(h.type, "search")), label)
            item.setData(KIND_ROLE, h.type)
            item.setData(ID_ROLE, h.id)
            item.setToolTip(label)
            self.results.addItem(item)
        if callers:  # the caller's story gets the room; the hit list shrinks to its rows
            self.caller.setHtml(detail_html.lookup_html(callers))
            self.caller.show()
            row = self.results.sizeHintForRow(0) if hits else 0
            self.results.setMaximumHeight(min(len(hits), 4) * (row + 2) + 6)
        else:
            self.results.setMaximumHeight(16777215)
        self.results.setVisible(bool(hits))
        self._fit(len(hits), bool(callers))
        if hits:
            self.results.setCurrentRow(0)
            if more:  # "30 found" for 王 in 100,000 contacts would be a lie
                self.status.setText(self.tr("The first {0} — type more to narrow; ↑↓ to "
                                            "choose, Enter to open").format(len(hits)))
            elif len(hits) > 1:
                self.status.setText(self.tr("{0} found — ↑↓ to choose, Enter to open").format(
                    len(hits)))
            else:
                self.status.setText(self.tr("1 found — Enter to open"))
        elif callers:
            self.status.setText(self.tr("Who is calling:"))
        else:
            self.status.setText(self.tr("Nothing matches “{0}”.").format(text))

    @staticmethod
    def _detail(hit: search.Hit) -> str:
        """An opportunity's stage and an activity's kind in the user's words, not the stored
        key ('proposal', 'task')."""
        if hit.type == "opportunity":
            return stage_text(hit.detail)
        if hit.type == "activity":
            return kind_text(hit.detail)
        return hit.detail

    def _fit(self, rows: int, caller: bool) -> None:
        """Tall enough for what there is to show, never taller than the space we were given."""
        if caller:
            self.resize(self.width(), self._max_height)
            return
        row = self.results.sizeHintForRow(0) + 2 if rows else 0
        chrome = self.field.sizeHint().height() + self.status.sizeHint().height() + 48
        # no hits: just the field and the sentence, not a band of blank list below them
        self.resize(self.width(), min(self._max_height, chrome + rows * row))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.field and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.timer.isActive():  # Enter before the debounce fired: answer first
                    self.timer.stop()
                    self.run_query()
                item = self.results.currentItem()
                if item is not None:
                    self._open_item(item)
                return True
        return super().eventFilter(obj, event)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.hide()
        self.open_record.emit(item.data(KIND_ROLE), item.data(ID_ROLE))

    def _open_link(self, url: QUrl) -> None:
        kind, _, rid = url.toString().partition(":")
        if kind in ("contact", "company"):
            self.hide()
            self.open_record.emit(kind, rid)
