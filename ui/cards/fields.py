"""The editable fields of one card. Each editor remembers the confidence and boxes of the value
it was filled with; values below LOW_CONFIDENCE are amber with the confidence in the tooltip
until the rep edits them (then they are the rep's, checked)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.store import Store
from ocr.types import Box, FieldValue
from ui.company_field import CompanyField
from ui.format import phone_kind_names

LOW_CONFIDENCE = 0.75  # below: amber. Clean reads score 0.8-0.95; the parser rates an invalid
# phone number 0.75 x OCR confidence and unplaced lines (the note) 0.5 x, so those land here
PHONE_KINDS = ("mobile", "work", "fax", "home", "other")
STYLE = """
QLineEdit[lowConfidence="true"], QPlainTextEdit[lowConfidence="true"] {
    background: #fef3c7; border: 1px solid #f59e0b; border-radius: 3px; }
"""


def tr(text: str) -> str:
    return QCoreApplication.translate("CardFields", text)


def mark(widget: QWidget, confidence: float | None) -> None:
    """Amber + tooltip for a doubtful value; None = typed or checked by the rep."""
    low = confidence is not None and confidence < LOW_CONFIDENCE
    if confidence is None:
        tip = tr("Checked by you.") if widget.property("lowConfidence") is not None else ""
    elif low:
        tip = tr("Read with {0}% confidence: please check it against the card.").format(
            round(confidence * 100))
    else:
        tip = tr("Read with {0}% confidence.").format(round(confidence * 100))
    widget.setProperty("lowConfidence", low)
    widget.setToolTip(tip)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class _Slot:
    """What an editor was filled with (to keep boxes and confidence when it is not edited)."""

    def __init__(self, value: FieldValue | None) -> None:
        self.value = value
        self.edited = False

    @property
    def confidence(self) -> float | None:
        return None if self.edited or self.value is None else self.value.confidence

    @property
    def boxes(self) -> list[Box]:
        return self.value.boxes if self.value is not None else []


class ValueRow(QWidget):
    removed = Signal(object)

    def __init__(self, value: FieldValue | None, kinds: tuple[str, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = _Slot(value)
        self.kind = value.kind if value else ""
        self.edit = QLineEdit(value.value if value else "", self)
        self.combo: QComboBox | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.edit, 1)
        if kinds:
            names = phone_kind_names()
            self.combo = QComboBox(self)
            for k in kinds:
                self.combo.addItem(names.get(k, k), k)
            self.combo.setCurrentIndex(max(0, self.combo.findData(self.kind or "work")))
            row.addWidget(self.combo)
        remove = QToolButton(self, text="×", autoRaise=True)
        remove.setToolTip(self.tr("Remove"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        row.addWidget(remove)
        mark(self.edit, self.slot.confidence)
        self.edit.textEdited.connect(self._edited)

    def _edited(self, _text: str) -> None:
        self.slot.edited = True
        mark(self.edit, None)

    def value(self) -> FieldValue | None:
        text = self.edit.text().strip()
        if not text:
            return None
        kind = self.combo.currentData() if self.combo else self.kind
        v = self.slot.value
        if v is not None and not self.slot.edited:
            return FieldValue(text, v.confidence, list(v.boxes), kind or v.kind)
        return FieldValue(text, 1.0, [], kind)


class ValueList(QWidget):
    """Several values of one field (e-mails, phones with their type, websites)."""

    changed = Signal()

    def __init__(self, add_text: str, kinds: tuple[str, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds = kinds
        self.rows: list[ValueRow] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(3)
        self.add_button = QToolButton(self, text=add_text, autoRaise=True)
        self.add_button.clicked.connect(lambda: self.add(None).edit.setFocus())
        self.box.addWidget(self.add_button)

    def load(self, values: list[FieldValue]) -> None:
        for r in list(self.rows):
            self._remove(r, notify=False)
        for v in values:
            self.add(v)

    def add(self, value: FieldValue | None) -> ValueRow:
        row = ValueRow(value, self.kinds, self)
        row.removed.connect(self._remove)
        row.edit.textChanged.connect(self.changed)
        if row.combo is not None:
            row.combo.currentIndexChanged.connect(self.changed)
        self.rows.append(row)
        self.box.insertWidget(self.box.count() - 1, row)
        row.show()  # now, not at the next event loop pass (the layout's queued show)
        return row

    def _remove(self, row: ValueRow, notify: bool = True) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        if notify:
            self.changed.emit()

    def values(self) -> list[FieldValue]:
        return [v for v in (r.value() for r in self.rows) if v is not None]

    def editors(self) -> list[QWidget]:
        return [r.edit for r in self.rows]


class FieldForm(QWidget):
    """name, title, department, company, e-mails, phones, websites, address, note."""

    changed = Signal()
    focused = Signal(str)  # field key of the editor that got the focus

    SINGLE = ("name", "title", "department", "company", "address")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.slots: dict[str, _Slot] = {}
        self.original: dict[str, list[FieldValue]] = {}
        self.name = QLineEdit(self)
        self.title = QLineEdit(self)
        self.department = QLineEdit(self)
        self.company = CompanyField(store, self)
        self.address = QLineEdit(self)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(64)
        self.emails = ValueList(self.tr("+ e-mail"), parent=self)
        self.phones = ValueList(self.tr("+ phone"), PHONE_KINDS, self)
        self.websites = ValueList(self.tr("+ website"), parent=self)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, w in [(self.tr("Name"), self.name), (self.tr("Title"), self.title),
                         (self.tr("Department"), self.department),
                         (self.tr("Company"), self.company), (self.tr("E-mail"), self.emails),
                         (self.tr("Phone"), self.phones), (self.tr("Website"), self.websites),
                         (self.tr("Address"), self.address), (self.tr("Note"), self.note)]:
            form.addRow(label, w)

        for key in self.SINGLE:
            edit: QLineEdit = getattr(self, key)
            edit.textEdited.connect(lambda _t, k=key: self._edited(k))
            edit.textChanged.connect(self.changed)
        self.note.textChanged.connect(self.changed)
        for lst in (self.emails, self.phones, self.websites):
            lst.changed.connect(self.changed)
        self._watch()

    # -- filling and reading -------------------------------------------------------------
    def load(self, fields: dict[str, list[FieldValue]]) -> None:
        self.original = fields
        for key in self.SINGLE:
            values = fields.get(key) or []
            best = max(values, key=lambda v: v.confidence) if values else None
            self.slots[key] = _Slot(best)
            edit: QLineEdit = getattr(self, key)
            edit.blockSignals(True)  # no "edited" and no match per field while filling
            edit.setText(best.value if best else "")
            edit.setCursorPosition(0)
            edit.blockSignals(False)
            mark(edit, self.slots[key].confidence)
        notes = [v for v in fields.get("note", []) if v.value.strip()]
        self.note.blockSignals(True)
        self.note.setPlainText("\n".join(v.value for v in notes))
        self.note.blockSignals(False)
        self.slots["note"] = _Slot(min(notes, key=lambda v: v.confidence) if notes else None)
        mark(self.note, self.slots["note"].confidence)
        self.emails.load(fields.get("emails", []))
        self.phones.load(fields.get("phones", []))
        self.websites.load(fields.get("websites", []))
        self._watch()
        self.changed.emit()

    def _edited(self, key: str) -> None:
        slot = self.slots.setdefault(key, _Slot(None))
        slot.edited = True
        mark(getattr(self, key), None)

    def fields(self) -> dict[str, list[FieldValue]]:
        """The card's fields as the rep left them (unedited values keep confidence and boxes)."""
        out: dict[str, list[FieldValue]] = {}
        for key in self.SINGLE:
            text = getattr(self, key).text().strip()
            slot = self.slots.get(key) or _Slot(None)
            if not text:
                continue
            if slot.value is not None and text == slot.value.value.strip():
                out[key] = [FieldValue(text, slot.value.confidence, list(slot.boxes))]
            else:
                out[key] = [FieldValue(text, 1.0)]
        name = out.get("name")
        orig = self.original.get("name") or []
        if name and orig and name[0].value == max(orig, key=lambda v: v.confidence).value:
            # the name as read: its family/given split stays valid
            for k in ("family_name", "given_name"):
                if self.original.get(k):
                    out[k] = list(self.original[k])
        note = self.note.toPlainText().strip()
        if note:
            slot = self.slots.get("note") or _Slot(None)
            same = slot.value is not None and note == "\n".join(
                v.value for v in self.original.get("note", []) if v.value.strip())
            out["note"] = [FieldValue(note, slot.value.confidence if same else 1.0)]
        for key, lst in (("emails", self.emails), ("phones", self.phones),
                         ("websites", self.websites)):
            values = lst.values()
            if values:
                out[key] = values
        return out

    def boxes(self) -> dict[str, list[tuple[Box, bool]]]:
        """Boxes of the values still as read, per field, with their low-confidence flag."""
        out: dict[str, list[tuple[Box, bool]]] = {}
        for key, values in self.fields().items():
            if key in ("family_name", "given_name"):
                continue
            out[key] = [(b, v.confidence < LOW_CONFIDENCE) for v in values for b in v.boxes]
        return out

    def low_confidence_editors(self) -> list[QWidget]:
        editors = [getattr(self, k) for k in self.SINGLE] + [self.note]
        editors += self.emails.editors() + self.phones.editors() + self.websites.editors()
        return [w for w in editors if w.property("lowConfidence")]

    # -- focus -> highlighted boxes ------------------------------------------------------
    def _watch(self) -> None:
        self._keys: dict[QObject, str] = {getattr(self, k): k for k in self.SINGLE}
        self._keys[self.note] = "note"
        for key, lst in (("emails", self.emails), ("phones", self.phones),
                         ("websites", self.websites)):
            for w in lst.editors():
                self._keys[w] = key
        for w in self._keys:
            w.removeEventFilter(self)
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and obj in self._keys:
            self.focused.emit(self._keys[obj])
        return super().eventFilter(obj, event)
