"""The main window: sidebar, views, menus. Views and dialogs live in their own modules; this
class only wires them together and refreshes them from the one store hook."""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.errors import ServiceError
from app.io import ADDRESS_BOOK_SUFFIXES, address_books, pasted
from app.services import views_overview
from app.store import Store
from ui import external
from ui.search_popup import SearchPopup
from ui.store_bridge import StoreBridge
from ui.style import icon
from ui.views.activities import ActivitiesView
from ui.views.first_run import FirstRunView
from ui.views.pipeline import OpportunitiesView
from ui.views.records import CompaniesView, ContactsView, RecordListView
from ui.views.today import TodayView
from ui.worker import run_in_thread

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".tif", ".tiff", ".bmp", ".webp"}
# (and zip archives of them: Google Takeout's)
ADDRESS_BOOK_FILTER = " ".join(f"*{s}" for s in (*ADDRESS_BOOK_SUFFIXES, ".zip"))
# what a card dragged out of a mail client is handed over as (not "inode/directory", a folder)
VCARD_TYPES = {"text/vcard", "text/x-vcard", "text/directory", "application/vcard"}
STATUS_DELAY_MS = 200
WARM_DELAY_MS = 1000  # the company matcher's index is built once the window is up
log = logging.getLogger(__name__)
IMAGE_FILTER = " ".join(f"*{s}" for s in sorted(IMAGE_SUFFIXES))


class MainWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Satchel")
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.bridge = StoreBridge(store, self)
        self.today = TodayView(store)
        self.contacts = ContactsView(store)
        self.companies = CompaniesView(store)
        self.opportunities = OpportunitiesView(store)
        self.activities = ActivitiesView(store)
        self.views = [self.today, self.contacts, self.companies, self.opportunities,
                      self.activities]
        names = [self.tr("Today"), self.tr("Contacts"), self.tr("Companies"),
                 self.tr("Opportunities"), self.tr("Activities")]
        icons = ["today", "contacts", "companies", "opportunities", "activities"]

        self.sidebar = QListWidget(objectName="sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(190)
        self.stack = QStackedWidget()
        for view, name, icon_name in zip(self.views, names, icons, strict=True):
            self.sidebar.addItem(QListWidgetItem(icon(icon_name), name))
            self.stack.addWidget(view)
            self.bridge.changed.connect(view.on_store_changed)
            if hasattr(view, "open_record"):
                view.open_record.connect(self.open_record)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.contacts.new_requested.connect(self.quick_add)
        self.companies.new_requested.connect(self.new_company)
        for view in (self.contacts, self.companies):  # (a list not on screen says nothing)
            view.selection_changed.connect(
                lambda n, v=view: self._update_export_selection(n)
                if v is self._list_view() else None)
        self.stack.currentChanged.connect(lambda _index: self._update_export_selection())

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.first_run = FirstRunView()
        self.first_run.import_requested.connect(self.import_files)
        self.first_run.scan_requested.connect(self.scan_cards)
        self.first_run.sample_requested.connect(self.load_sample)
        self.root = QStackedWidget()
        self.root.addWidget(body)
        self.root.addWidget(self.first_run)
        self.setCentralWidget(self.root)

        self.search_popup = SearchPopup(store, self)
        self.search_popup.open_record.connect(self.open_record)
        self._build_menus()
        self._update_export_selection()
        self.statusBar().setSizeGripEnabled(False)
        self.sync_status = None
        # the sync widget pulls in the network stack: add it once the window is on screen
        QTimer.singleShot(STATUS_DELAY_MS, self._add_sync_status)
        QTimer.singleShot(WARM_DELAY_MS, self._warm_matcher)
        self.bridge.changed.connect(self._update_first_run)
        self._update_first_run()
        self.sidebar.setCurrentRow(0)

    # -- set-up --------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        self.quick_add_action = self._action(m, self.tr("&New contact…"), self.quick_add,
                                             QKeySequence.StandardKey.New)
        self._action(m, self.tr("New &company…"), self.new_company, "Ctrl+Shift+N")
        self._action(m, self.tr("New &opportunity…"),
                     self.opportunities.new_opportunity, "Ctrl+Shift+O")
        m.addSeparator()
        self._action(m, self.tr("&Import address book…"), self.import_files, "Ctrl+I")
        self.undo_import_action = self._action(m, self.tr("&Undo the last import…"),
                                               self.undo_last_import)
        self._last_import = None  # (what, its journal): `remember_import`
        self._update_undo_import()
        m.aboutToShow.connect(self._update_undo_import)
        # (a text field being edited takes Ctrl+V first: this is for the lists and views)
        self._action(m, self.tr("&Paste contacts"), self.paste_contacts,
                     QKeySequence.StandardKey.Paste)
        self._action(m, self.tr("&Export contacts…"), self.export_contacts, "Ctrl+Shift+E")
        self.export_selection_action = self._action(m, self.tr("Export the se&lection…"),
                                                    self.export_selection)
        self._action(m, self.tr("&Scan business cards…"), self.scan_cards, "Ctrl+Shift+S")
        self._action(m, self.tr("Scan a &folder of business cards…"), self.scan_folder)
        self._action(m, self.tr("Scan card with ca&mera…"), self.scan_with_camera)
        self._action(m, self.tr("Load &sample data"), self.load_sample)
        m.addSeparator()
        self._action(m, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        m = bar.addMenu(self.tr("&Go"))
        self.search_action = self._action(m, self.tr("&Search…"), self.show_search, "Ctrl+K")
        self.search_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+F")])
        m.addSeparator()
        for i, name in enumerate([self.tr("&Today"), self.tr("&Contacts"),
                                  self.tr("C&ompanies"), self.tr("O&pportunities"),
                                  self.tr("&Activities")]):
            self._action(m, name, lambda i=i: self.show_view(i), f"Ctrl+{i + 1}")

        m = bar.addMenu(self.tr("&Tools"))
        self._action(m, self.tr("Find &duplicates…"), self.find_duplicates, "Ctrl+Shift+D")
        m.addSeparator()
        self._action(m, self.tr("S&ync settings…"), self.sync_settings)
        self._action(m, self.tr("Sync &conflicts…"), self.sync_conflicts)

        m = bar.addMenu(self.tr("&Help"))
        self._action(m, self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1")
        self._action(m, self.tr("&About Satchel"), self.show_about)

    def _add_sync_status(self) -> None:
        bar = self.statusBar()
        widget_class = external.feature("ui.sync", "SyncStatusWidget")
        if widget_class is not None and self.sync_status is None:
            try:
                self.sync_status = widget_class(self.store, self)
                bar.addPermanentWidget(self.sync_status)
            except Exception as exc:  # their widget must not keep the app from starting
                bar.showMessage(self.tr("Sync status unavailable: {0}").format(exc))

    # -- navigation ----------------------------------------------------------------------
    def show_view(self, index: int) -> None:
        self.root.setCurrentIndex(0)
        self.sidebar.setCurrentRow(index)

    def open_record(self, kind: str, record_id: str) -> None:
        targets = {"contact": self.contacts, "company": self.companies,
                   "opportunity": self.opportunities, "activity": self.activities}
        view = targets.get(kind)
        if view is None:
            return
        self.show_view(self.views.index(view))
        if not view.select(record_id):
            self.statusBar().showMessage(self.tr("That record no longer exists."), 4000)

    def select_contacts(self, record_ids: list[str]) -> None:
        """Show these people selected in the contacts list (an import's: to export or delete
        them together)."""
        self.show_view(self.views.index(self.contacts))
        n = self.contacts.select_many(record_ids)
        self.statusBar().showMessage(self.tr(
            "{0} contacts selected: right-click them to export or delete them.").format(
            f"{n:,}") if n else self.tr("None of those contacts is in the list any more."),
            8000)

    def show_search(self) -> None:
        self.search_popup.popup(self)

    def _update_first_run(self, _entities: set[str] | None = None) -> None:
        with self.store.read() as s:
            empty = views_overview.is_empty(s)
        self.root.setCurrentWidget(self.first_run if empty else self.root.widget(0))
        if not empty and self.stack.currentWidget() is self.today:
            self.today.on_store_changed({"activity"})

    # -- capture -------------------------------------------------------------------------
    def quick_add(self) -> None:
        from ui.dialogs.quick_add import QuickAddDialog

        dialog = QuickAddDialog(self.store, self)
        if dialog.exec() and dialog.result_:
            res = dialog.result_
            messages = {"created": self.tr("Contact saved."),
                        "updated": self.tr("Already known: the existing contact was updated."),
                        "unchanged": self.tr("Already known: nothing new to add.")}
            text = messages[res.action]
            if res.company_action == "linked":
                text += " " + self.tr("Joined an existing company.")
            self.statusBar().showMessage(text, 6000)
            self.open_record("contact", res.contact_id)

    def new_company(self) -> None:
        from ui.dialogs.company import CompanyDialog

        dialog = CompanyDialog(self.store, self)
        if dialog.exec() and dialog.saved_id:
            self.open_record("company", dialog.saved_id)

    def import_files(self, paths: list[str] | None = None):
        """The import dialog for these files (None: ask for them); returns it, or None."""
        if external.feature("ui.importing", "open_import_dialog") is None:
            external.call(self, "ui.importing", "open_import_dialog", self.tr("Import"))
            return None
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Import address book"), str(Path.home()),
                self.tr("Address books ({0});;All files (*)").format(ADDRESS_BOOK_FILTER))
        if not paths:
            return None
        return external.call(self, "ui.importing", "open_import_dialog", self.tr("Import"),
                             self.store, list(paths))

    def remember_import(self, what: str, kept) -> None:
        """The import just finished (its report's journal): File → Undo the import of … takes
        it back until the next one, also once its report is closed."""
        self._last_import = (what, kept)
        self._update_undo_import()

    def _update_undo_import(self) -> None:
        """The File menu's Undo names the last import, until it is undone (from its report
        too: checked as the menu opens)."""
        what, kept = self._last_import or ("", None)
        can = kept is not None and not kept.undone
        self.undo_import_action.setEnabled(can)
        self.undo_import_action.setText(
            self.tr("&Undo the import of {0}…").format(what.replace("&", "&&")) if can
            else self.tr("&Undo the last import…"))  # ("R&D.csv" is no accelerator)

    def undo_last_import(self) -> None:
        if self._last_import is None:
            return
        said = external.call(self, "ui.importing.undo", "undo_import",
                             self.tr("Undo the last import"), self.store, self._last_import[1])
        if said:
            self.statusBar().showMessage(said, 15000)
        self._update_undo_import()

    def paste_contacts(self) -> None:
        """File → Paste contacts (Ctrl+V in a list): copied cards, rows of a sheet, the
        addresses of a mail's To: line, or address-book files."""
        if not self._import_data(QApplication.clipboard().mimeData(), self.tr("Pasted contacts")):
            self.statusBar().showMessage(self.tr(
                "The clipboard holds no contacts. Copy cards, rows of a sheet or e-mail "
                "addresses, then paste again."), 8000)

    def _import_data(self, mime: QMimeData, name: str) -> bool:
        """Contacts given as data, not files (a card dragged out of a mail client, copied
        rows): imported from a temporary file made of them, removed with the dialog. False
        when the data holds none."""
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files:  # (files copied in a file manager)
            self._open_dropped(files)
            return True
        cards = next((f for f in mime.formats() if f.lower() in VCARD_TYPES), None)
        text = bytes(mime.data(cards)).decode("utf-8", "replace") if cards else mime.text()
        if not text.strip():
            return False
        folder = Path(tempfile.mkdtemp(prefix="satchel-pasted-"))
        path = pasted.as_file(text, folder, name)
        dialog = self.import_files([str(path)]) if path is not None else None
        if dialog is None:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            dialog.destroyed.connect(lambda *_: shutil.rmtree(folder, ignore_errors=True))
        return path is not None

    def export_contacts(self) -> None:
        external.call(self, "ui.exporting", "open_export_dialog", self.tr("Export contacts"),
                      self.store)

    def _list_view(self) -> RecordListView | None:
        """The contacts or companies list, when it is the view on screen."""
        view = self.stack.currentWidget()
        return view if isinstance(view, RecordListView) else None

    def _update_export_selection(self, selected: int | None = None) -> None:
        """File → Export the selection… says what it exports ('Export 12 contacts…'), and is
        there only in a list with rows selected. `selected`: the list's count, when it says."""
        view = self._list_view()
        n = 0 if view is None else len(view.selected_ids()) if selected is None else selected
        self.export_selection_action.setEnabled(n > 0)
        self.export_selection_action.setText(
            view.export_text(n) if view is not None and n else self.tr("Export the se&lection…"))

    def export_selection(self) -> None:
        view = self._list_view()
        if view is not None:
            view.export_selection()

    def scan_cards(self, paths: list[str] | None = None) -> None:
        if external.feature("ui.cards", "open_scan_dialog") is None:
            external.call(self, "ui.cards", "open_scan_dialog", self.tr("Business cards"))
            return
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Scan business cards"), str(Path.home()),
                self.tr("Images ({0});;All files (*)").format(IMAGE_FILTER))
        if paths:
            external.call(self, "ui.cards", "open_scan_dialog", self.tr("Business cards"),
                          self.store, list(paths))

    def scan_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Scan a folder of business cards"),
                                                  str(Path.home()))
        if folder:
            self.scan_cards([folder])

    def scan_with_camera(self) -> None:
        external.call(self, "ui.cards", "open_camera_dialog", self.tr("Business cards"),
                      self.store)

    def load_sample(self) -> None:
        from app.sample import LOADED_KEY, load_sample

        if self.store.get_meta(LOADED_KEY):
            QMessageBox.information(self, self.tr("Sample data"), self.tr(
                "The sample data is already in this database."))
            return
        try:
            result = run_in_thread(load_sample, self.store)
        except (OSError, ValueError, ServiceError) as exc:
            QMessageBox.warning(self, self.tr("Sample data"), self.tr(
                "The sample data could not be loaded ({0}). Nothing was changed.").format(exc))
            return
        self.statusBar().showMessage(self.tr(
            "Sample data loaded: {0} companies, {1} contacts, {2} opportunities.").format(
            result.companies, result.contacts, result.opportunities), 8000)
        self.show_view(0)

    # -- tools ---------------------------------------------------------------------------
    def find_duplicates(self) -> None:
        external.call(self, "ui.dedup", "open_review_dialog", self.tr("Find duplicates"),
                      self.store)

    def review_companies(self, pairs: list) -> None:
        """The duplicates queue with these company pairs only (an import's look-alikes)."""
        external.call(self, "ui.dedup", "open_review_dialog", self.tr("Find duplicates"),
                      self.store, pairs)

    def sync_settings(self) -> None:
        external.call(self, "ui.sync", "open_sync_settings", self.tr("Sync settings"),
                      self.store)

    def sync_conflicts(self) -> None:
        external.call(self, "ui.sync", "open_conflicts_dialog", self.tr("Sync conflicts"),
                      self.store)

    def show_shortcuts(self) -> None:
        rows = [("Ctrl+K", self.tr("Search everything; paste a phone number to see who calls")),
                ("Ctrl+N", self.tr("New contact")),
                ("Ctrl+Shift+N", self.tr("New company")),
                ("Ctrl+Shift+O", self.tr("New opportunity")),
                ("Ctrl+1 … Ctrl+5", self.tr("Today, Contacts, Companies, Opportunities, "
                                            "Activities")),
                ("Ctrl+I", self.tr("Import an address book")),
                ("Ctrl+V", self.tr("Paste contacts: copied cards, rows of a sheet, e-mail "
                                   "addresses")),
                ("Ctrl+Shift+E", self.tr("Export contacts (vCard, CSV, Excel)")),
                ("Ctrl+Shift+S", self.tr("Scan business cards")),
                ("Ctrl+Shift+D", self.tr("Find duplicates")),
                ("Enter", self.tr("Open or edit the selected row"))]
        html = "<table cellpadding='4'>" + "".join(
            f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows) + "</table>"
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), html)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Satchel"), self.tr(
            "<b>Satchel</b><br>The offline-first sales assistant.<br>Database: {0}").format(
            self.store.path))

    # -- drag and drop: address books → import, images → business cards ------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        # files, or cards / rows / addresses dragged as data (a contact out of a mail client)
        if any(u.isLocalFile() for u in mime.urls()) or mime.hasText() or any(
                f.lower() in VCARD_TYPES for f in mime.formats()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        event.acceptProposedAction()
        if not any(u.isLocalFile() for u in event.mimeData().urls()):
            if not self._import_data(event.mimeData(), self.tr("Dropped contacts")):
                self.statusBar().showMessage(self.tr(
                    "What was dropped holds no contacts: drop address books, cards, rows of "
                    "a sheet or e-mail addresses."), 8000)
            return
        self._open_dropped([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])

    def _open_dropped(self, paths: list[str]) -> None:
        # a folder of address books (a vCard file per contact) is imported, any other scanned
        images = [p for p in paths if Path(p).suffix.lower() in IMAGE_SUFFIXES
                  or Path(p).is_dir() and not address_books(Path(p))]
        books = [p for p in paths if p not in images]
        if books:
            self.import_files(books)
        if images:
            self.scan_cards(images)

    def _warm_matcher(self) -> None:
        """Build the company matcher's index in the background: at 100,000 contacts it takes
        seconds, which the rep's first quick-add or card would otherwise wait for."""
        from app import matching

        def warm() -> None:
            try:
                with self.store.read() as s:
                    matching.warm(s, self.store.region)
            except Exception:  # noqa: BLE001 - only a head start: the first match builds it anyway
                log.debug("warming the company matcher failed", exc_info=True)

        self._warm_thread = threading.Thread(target=warm, name="satchel-warm-matcher",
                                             daemon=True)
        self._warm_thread.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.today.note.toPlainText() != self.today._saved_text:
            self.today.save_note()
        self.bridge.close()
        super().closeEvent(event)
