"""Review one card: the image with its boxes beside the editable fields, and what Save will
join (existing company, existing person). `save()` writes through app.capture.save_contact, the
one save path, and keeps the card image with the contact (as `satchel scan --save` does)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import capture
from app.services import contacts
from app.store import Store
from ocr.types import CardResult, FieldValue, draft_from_fields
from ui.cards.card_view import CardView
from ui.cards.fields import FieldForm
from ui.cards.matches import Matches, describe, find_matches

MATCH_DELAY_MS = 300  # re-match after the rep stops typing


def save_card(store: Store, card: CardResult, fields: dict[str, list[FieldValue]],
              company_id: str | None = None) -> capture.SaveResult:
    """Raises app.errors.ServiceError (InvalidInput ...) with a message for the rep.
    `company_id`: an existing company the rep chose where the matcher was unsure ("maybe")."""
    draft = draft_from_fields(fields)
    with store.write() as tx:
        saved = capture.save_contact(tx, draft, company_id=company_id)
        if card.image_png:
            contacts.attach(tx, saved.contact_id, "card", card.image_png, "image/png")
    return saved


class ReviewWidget(QWidget):
    matched = Signal(object)  # Matches

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.card: CardResult | None = None
        self.matches: Matches | None = None
        self.chosen_company: tuple[str, str] | None = None  # (id, name) picked by the rep
        self.view = CardView(self)
        self.form = FieldForm(store, self)
        self.match_label = QLabel(self, objectName="cardMatch", wordWrap=True)
        self.match_label.setTextFormat(Qt.TextFormat.RichText)
        self.match_label.setStyleSheet(
            "QLabel#cardMatch { background: #f0f5ff; border: 1px solid #c7d2fe; "
            "border-radius: 5px; padding: 6px 8px; color: #1f2937; }")
        self.use_company = QPushButton(self)
        self.use_company.setVisible(False)
        self.use_company.clicked.connect(self._use_existing_company)

        right = QWidget(self)
        col = QVBoxLayout(right)
        col.setContentsMargins(8, 0, 0, 0)
        col.addWidget(self.form)
        col.addSpacing(6)
        col.addWidget(self.match_label)
        row = QHBoxLayout()
        row.addWidget(self.use_company)
        row.addStretch(1)
        col.addLayout(row)
        col.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(400)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.view)
        split.addWidget(scroll)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setChildrenCollapsible(False)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

        self._timer = QTimer(self, singleShot=True, interval=MATCH_DELAY_MS)
        self._timer.timeout.connect(self.rematch)
        self.form.changed.connect(self._on_changed)
        self.form.focused.connect(self.view.highlight)

    def load(self, card: CardResult, fields: dict[str, list[FieldValue]] | None = None
             ) -> None:
        """Show a card; `fields` are the rep's earlier edits (after Back)."""
        self.card = card
        self.chosen_company = None
        self.form.load(fields if fields is not None else card.fields)
        self.view.set_card(card.image_png, self.form.boxes())
        self._timer.stop()
        # the worker's look-up warmed the matcher's index; ask again: a card saved meanwhile
        # may be this card's company
        self.rematch()

    def fields(self) -> dict[str, list[FieldValue]]:
        return self.form.fields()

    def _on_changed(self) -> None:
        if self.card is not None:
            self.view.set_boxes(self.form.boxes())
            self._timer.start()

    def rematch(self) -> None:
        self._timer.stop()
        if self.card is None:
            return
        draft = draft_from_fields(self.form.fields())
        chosen = self.chosen_company
        if chosen and self.form.company.text().strip() != chosen[1]:
            chosen = self.chosen_company = None  # the rep typed another company
        self._show(find_matches(self.store, draft, chosen[0] if chosen else None))

    def _show(self, m: Matches) -> None:
        self.matches = m
        self.match_label.setText(describe(m, self.form.company.text()))
        similar = m.company.decision == "maybe" and bool(m.company_name)
        self.use_company.setVisible(similar)
        if similar:
            self.use_company.setText(self.tr("Join “{0}” instead").format(m.company_name))
        self.matched.emit(m)

    def _use_existing_company(self) -> None:
        m = self.matches
        if m and m.company.company_id and m.company_name:
            self.chosen_company = (m.company.company_id, m.company_name)
            self.form.company.setText(m.company_name)
            self.form._edited("company")
            self.rematch()

    def save(self) -> capture.SaveResult:
        assert self.card is not None
        chosen = self.chosen_company
        if chosen and self.form.company.text().strip() != chosen[1]:
            chosen = None
        return save_card(self.store, self.card, self.form.fields(),
                         chosen[0] if chosen else None)
