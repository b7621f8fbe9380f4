"""The detail pane: everything about one contact or company, with quick actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QStackedLayout,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError
from app.services import activities, companies, contacts, opportunities, views_companies
from app.store import Store
from ui import detail_html

MAX_PEOPLE = 200


class DetailPane(QWidget):
    open_record = Signal(str, str)  # kind, id (links inside the pane)

    def __init__(self, store: Store, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.kind: str | None = None
        self.record_id: str | None = None

        self.browser = QTextBrowser(self, objectName="detail", openLinks=False)
        self.browser.anchorClicked.connect(self._on_link)
        self.browser.document().setDocumentMargin(18)
        self.empty = QLabel(empty_text, self, objectName="emptyState", wordWrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.edit_btn = self._button(self.tr("Edit…"), self)
        self.edit_btn.setToolTip(self.tr("Change this record (Enter in the list)"))
        self.edit_btn.clicked.connect(self.edit)
        # one "Add" menu keeps the bar narrow (the pane shares the window with a long list)
        self.add_btn = self._button(self.tr("Add"), self)
        self.add_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_btn)
        self.note_action = menu.addAction(self.tr("Note…"), lambda: self._add_activity("note"))
        self.call_action = menu.addAction(self.tr("Call…"), lambda: self._add_activity("call"))
        self.meeting_action = menu.addAction(self.tr("Meeting…"),
                                             lambda: self._add_activity("meeting"))
        self.task_action = menu.addAction(self.tr("Follow-up task…"),
                                          lambda: self._add_activity("task"))
        menu.addSeparator()
        self.opp_action = menu.addAction(self.tr("Opportunity…"), self._add_opportunity)
        self.person_action = menu.addAction(self.tr("Contact at this company…"),
                                            self._add_person)
        self.add_btn.setMenu(menu)
        self.delete_btn = self._button(self.tr("Delete"), self)
        self.delete_btn.setObjectName("dangerAction")
        self.delete_btn.clicked.connect(self._delete)
        bar = QHBoxLayout()
        bar.setContentsMargins(18, 10, 18, 0)
        bar.setSpacing(6)
        bar.addWidget(self.edit_btn)
        bar.addWidget(self.add_btn)
        bar.addStretch(1)
        bar.addWidget(self.delete_btn)

        page = QWidget(self)
        col = QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(bar)
        col.addWidget(self.browser, 1)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)

    def _button(self, text: str, parent: QWidget) -> QToolButton:
        """Compact buttons (push buttons have a wide minimum and would crowd the pane)."""
        button = QToolButton(parent, objectName="detailAction", text=text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    # -- showing -------------------------------------------------------------------------
    def clear(self) -> None:
        self.kind = self.record_id = None
        self.stack.setCurrentIndex(0)

    def show_record(self, kind: str, record_id: str | None) -> None:
        self.kind, self.record_id = kind, record_id
        self.refresh()

    def refresh(self) -> None:
        if not self.record_id:
            self.clear()
            return
        html = self._contact() if self.kind == "contact" else self._company()
        if html is None:  # deleted or merged meanwhile
            self.clear()
            return
        self.person_action.setVisible(self.kind == "company")
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(scroll)
        self.stack.setCurrentIndex(1)

    def _contact(self) -> str | None:
        with self.store.read() as s:
            c = contacts.get(s, self.record_id)
            if c is None:
                return None
            opps = opportunities.list_all(s, contact_id=c.id)
            history = activities.history(s, contact_id=c.id)
            card = contacts.attachment(s, c.id, "card") if c.has_card else None
        card_url = None
        if card:
            image = QImage.fromData(card[0])
            if not image.isNull():
                # scaled here, smoothly: the text browser's own scaling drops thin strokes
                ratio = self.devicePixelRatioF()
                image = image.scaledToWidth(round(detail_html.CARD_WIDTH * ratio),
                                            Qt.TransformationMode.SmoothTransformation)
                image.setDevicePixelRatio(ratio)
                card_url = f"card://{c.id}"
                self.browser.document().addResource(
                    QTextDocument.ResourceType.ImageResource, QUrl(card_url), image)
        return detail_html.contact_html(c, opps, history, card_url)

    def _company(self) -> str | None:
        with self.store.read() as s:
            co = companies.get(s, self.record_id)
            if co is None:
                return None
            people, total = views_companies.people(s, co.id, MAX_PEOPLE)
            opps = opportunities.list_all(s, company_id=co.id)
            history = activities.history(s, company_id=co.id)
        return detail_html.company_html(co, people, max(0, total - MAX_PEOPLE),
                                        opps, history)

    def _on_link(self, url: QUrl) -> None:
        kind, _, rid = url.toString().partition(":")
        if kind in ("contact", "company"):
            self.open_record.emit(kind, rid)
        elif kind in ("mailto", "http", "https"):
            QDesktopServices.openUrl(url)

    # -- actions -------------------------------------------------------------------------
    def _ids(self) -> tuple[str | None, str | None]:
        if self.kind == "company":
            return None, self.record_id
        with self.store.read() as s:
            c = contacts.get(s, self.record_id)
        return self.record_id, c.company_id if c else None

    def _add_activity(self, kind: str) -> None:
        from ui.dialogs.activity import ActivityDialog

        contact_id, company_id = self._ids()
        ActivityDialog(self.store, kind, contact_id=contact_id, company_id=company_id,
                       parent=self).exec()

    def _add_person(self) -> None:
        from ui.dialogs.quick_add import QuickAddDialog

        with self.store.read() as s:
            company = companies.get(s, self.record_id)
        dialog = QuickAddDialog(self.store, self)
        if company:
            dialog.company.setText(company.name)
        dialog.name.setFocus()
        dialog.exec()

    def _add_opportunity(self) -> None:
        from ui.dialogs.opportunity import OpportunityDialog

        contact_id, company_id = self._ids()
        OpportunityDialog(self.store, contact_id=contact_id, company_id=company_id,
                          parent=self).exec()

    def edit(self) -> None:
        from ui.dialogs.edit_records import EditCompanyDialog, EditContactDialog

        if not self.record_id:
            return
        dialog = (EditContactDialog if self.kind == "contact" else EditCompanyDialog)(
            self.store, self.record_id, parent=self)
        dialog.exec()

    def delete(self) -> None:
        self._delete()

    def _delete(self) -> None:
        if not self.record_id:
            return
        what = self.tr("this contact") if self.kind == "contact" else self.tr(
            "this company (its contacts stay, without a company)")
        answer = QMessageBox.question(self, self.tr("Delete"),
                                      self.tr("Delete {0}?").format(what))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.store.write() as tx:
                (contacts if self.kind == "contact" else companies).delete(tx, self.record_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Delete"), str(exc))
