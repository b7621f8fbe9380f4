"""Batch mode: walk many card photos (files or folders) one card at a time, Save / Skip / Back,
with a progress bar for the reading. OCR runs in worker processes ahead of the rep (ScanWorker),
so the next card is usually ready when the rep is; a file that cannot be read shows its message
and the batch goes on; closing the dialog stops the workers."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError
from app.store import Store
from ocr.pipeline import DEFAULT_LANG, expand_paths
from ui.cards import message
from ui.cards.review import ReviewWidget
from ui.cards.worker import Item, ScanWorker
from ui.worker import run_in_thread


class ScanDialog(QDialog):
    PAGE_REVIEW, PAGE_WAIT, PAGE_ERROR, PAGE_DONE = range(4)

    def __init__(self, parent: QWidget | None, store: Store, paths: Sequence[str],
                 lang: str = DEFAULT_LANG, workers: int | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.files = expand_paths(paths)
        self.items: list[Item] = []
        self.pos = 0  # the item the rep is looking at
        self.merged = 0  # backs joined to their fronts
        self.reading = True
        self.setWindowTitle(self.tr("Scan business cards"))
        self.resize(1080, 640)

        self.heading = QLabel(self, objectName="sectionTitle")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, max(1, len(self.files)))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Read %v of %m files"))
        self.progress.setFixedWidth(220)
        self.status = QLabel(self, objectName="muted")

        self.review = ReviewWidget(store, self)
        self.wait_label = QLabel(self.tr("Reading the card…"), self, objectName="emptyState")
        self.wait_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        error_page, self.error_label = message.error_page(self)
        self.done_label = QLabel(self, objectName="emptyState", wordWrap=True)
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(self)
        for w in (self.review, self.wait_label, error_page, self.done_label):
            self.pages.addWidget(w)

        self.join_button = QPushButton(self.tr("Merge with previous card"), self)
        self.join_button.setToolTip(self.tr(
            "This photo shows the back of the previous card: make one contact of both sides"))
        self.join_button.clicked.connect(self.join_previous)
        self.back_button = QPushButton(self.tr("Back"), self)
        self.skip_button = QPushButton(self.tr("Skip"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save this contact and show the next card "
                                            "(Ctrl+Enter)"))
        self.skip_button.setToolTip(self.tr("Do not save this card; show the next one"))
        self.back_button.clicked.connect(self.back)
        self.skip_button.clicked.connect(self.skip)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.progress)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.join_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 14)
        lay.addLayout(top)
        lay.addWidget(self.pages, 1)
        lay.addLayout(buttons)

        self.worker = ScanWorker(store, lang, self)
        self.worker.item_ready.connect(self._on_item)
        self.worker.file_done.connect(self.progress.setValue)
        self.worker.finished.connect(self._on_finished)
        app = QApplication.instance()
        if app is not None:  # quitting with the dialog open must not leave OCR processes
            app.aboutToQuit.connect(self.stop)
        if self.files:
            self.worker.start(self.files, **({"workers": workers} if workers else {}))
        else:
            self.reading = False
        self._show()

    # -- incoming cards ------------------------------------------------------------------
    def _on_item(self, item: Item) -> None:
        self.items.append(item)
        if len(self.items) - 1 == self.pos:
            self._show()
        else:
            self._update_heading()

    def _on_finished(self) -> None:
        self.reading = False
        if not self.worker.cancel_requested:
            self.progress.setValue(self.progress.maximum())
        if self.current is None:  # the rep was waiting: now it is the summary
            self._show()
        else:  # never reload the card being edited (the rep's typing would be lost)
            self._update_heading()

    # -- navigation ----------------------------------------------------------------------
    @property
    def current(self) -> Item | None:
        return self.items[self.pos] if self.pos < len(self.items) else None

    def _keep_edits(self) -> None:
        item = self.current
        if item is not None and item.card is not None and self.pages.currentIndex() == 0:
            item.fields = self.review.fields()

    def back(self) -> None:
        if self.pos > 0:
            self._keep_edits()
            self.pos -= 1
            self._show()

    def join_previous(self) -> None:
        """This card is the back of the one before (an English front, a Chinese back): one
        contact from both sides (ocr.front_back.merge), shown for review."""
        from ocr.front_back import merge

        item, prev = self.current, self.items[self.pos - 1] if self.pos > 0 else None
        if item is None or item.card is None or prev is None or prev.card is None:
            return
        front = prev.card.with_fields(prev.fields) if prev.fields is not None else prev.card
        back = item.card.with_fields(self.review.fields())
        prev.card, prev.fields = merge(front, back), None
        prev.status = ""  # a saved front is saved again with the back's details
        item.status = "merged"
        del self.items[self.pos]
        self.merged += 1
        self.pos -= 1
        self._show()

    def skip(self) -> None:
        item = self.current
        if item is None:
            return
        self._keep_edits()
        if item.status != "saved":
            item.status = "skipped"
        self.pos += 1
        self._show()

    def save(self) -> None:
        item = self.current
        if item is None or item.card is None or not self.save_button.isEnabled():
            return
        fields = self.review.fields()
        item.fields = fields
        self.setEnabled(False)  # no second Save while this one is written
        try:
            saved = run_in_thread(self.review.save)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        finally:
            self.setEnabled(True)
        item.status, item.contact_id = "saved", saved.contact_id
        words = {"created": self.tr("Saved {0} as a new contact."),
                 "updated": self.tr("{0} was already known: new details added."),
                 "unchanged": self.tr("{0} was already known: nothing new.")}
        text = words[saved.action].format(self.review.form.name.text().strip()
                                          or self.tr("the contact"))
        if saved.company_action == "linked":
            text += " " + self.tr("Joined an existing company.")
        self.status.setText(text)
        self.pos += 1
        self._show()

    # -- showing -------------------------------------------------------------------------
    def _update_heading(self) -> None:
        item = self.current
        known = len(self.items)
        if item is None:
            self.heading.setText(self.tr("Done") if not self.reading else
                                 self.tr("Card {0}").format(self.pos + 1))
            return
        name = os.path.basename(item.file) or self.tr("(scanner)")
        more = "+" if self.reading else ""
        text = self.tr("Card {0} of {1}{2} · {3}").format(self.pos + 1, known, more, name)
        if item.card is not None and item.card.index:
            text += " " + self.tr("(card {0} in this file)").format(item.card.index + 1)
        if item.status == "saved":
            text += " · " + self.tr("saved")
        self.heading.setText(text)

    def _show(self) -> None:
        item = self.current
        if item is None:
            page = self.PAGE_WAIT if self.reading else self.PAGE_DONE
            if page == self.PAGE_DONE:
                self.done_label.setText(self._summary())
        elif item.card is None:
            page = self.PAGE_ERROR
            self.error_label.setText(item.error)
        else:
            page = self.PAGE_REVIEW
            self.review.load(item.card, item.fields)
        self.pages.setCurrentIndex(page)
        self.save_button.setEnabled(page == self.PAGE_REVIEW)
        self.skip_button.setEnabled(page in (self.PAGE_REVIEW, self.PAGE_ERROR))
        self.back_button.setEnabled(self.pos > 0)
        prev = self.items[self.pos - 1] if 0 < self.pos <= len(self.items) else None
        can_join = page == self.PAGE_REVIEW and prev is not None and prev.card is not None
        self.join_button.setEnabled(can_join)
        self.join_button.setVisible(can_join)  # rarely needed: out of the way otherwise
        self.save_button.setText(self.tr("Save again") if item and item.status == "saved"
                                 else self.tr("Save"))
        if page == self.PAGE_REVIEW:
            self.review.form.name.setFocus()
            self.review.view.highlight("name")
        elif page == self.PAGE_ERROR:
            self.skip_button.setFocus()
        self._update_heading()

    def _summary(self) -> str:
        saved = sum(1 for i in self.items if i.status == "saved")
        skipped = sum(1 for i in self.items if i.card is not None and i.status != "saved")
        problems = sum(1 for i in self.items if i.card is None)
        if not self.files:
            return self.tr("No image files were found. Choose JPEG, PNG, TIFF, BMP, WebP or "
                           "HEIC photos of the cards, or a folder of them.")
        text = self.tr("All cards done: {0} saved, {1} skipped, {2} file(s) could not be "
                       "read.").format(saved, skipped, problems)
        if self.merged:
            text += " " + self.tr("{0} back side(s) joined to their front.").format(self.merged)
        return text

    # -- closing -------------------------------------------------------------------------
    def stop(self) -> None:
        """Cancel the OCR workers (pending files are dropped) and wait for them to end."""
        if self.worker.running:
            self.worker.cancel()

    def unreviewed(self) -> int:
        """Cards read but neither saved nor skipped (files that could not be read are not
        cards: there is nothing in them to lose)."""
        return sum(1 for i in self.items if i.card is not None and not i.status)

    def confirm_discard(self, count: int) -> bool:
        """Ask before closing on cards the rep has not looked at. The box is a child of the
        dialog (objectName "discardQuestion"), so a test can find it and answer."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unreviewed cards"),
                          self.tr("Close and discard 1 unreviewed card?") if count == 1 else
                          self.tr("Close and discard {0} unreviewed cards?").format(count),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("discardQuestion")
        box.setInformativeText(self.tr(
            "Read, but neither saved nor skipped. Contacts already saved stay saved.")
            + (" " + self.tr("Files not read yet are dropped too.") if self.reading else ""))
        keep = box.addButton(self.tr("Keep reviewing"), QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        try:
            box.exec()
            return box.clickedButton() is discard
        finally:
            box.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:  # the window's close button, close()
        super().closeEvent(event)  # QDialog calls reject(), which may keep the dialog open
        if event.isAccepted():
            self.stop()

    def reject(self) -> None:  # Esc, Close, the window's close button
        count = self.unreviewed()
        if count and self.isVisible() and not self.confirm_discard(count):
            return
        self.stop()
        super().reject()

    def done(self, result: int) -> None:
        self.stop()
        super().done(result)


def open_scan_dialog(parent: QWidget | None, store: Store, paths: Sequence[str]) -> ScanDialog:
    """Entry point for the main window (ui/external.py): opens the batch, returns at once."""
    dialog = ScanDialog(parent, store, paths)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
