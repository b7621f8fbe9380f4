"""File → Export contacts… (everyone) and Export the selection… (the rows chosen in the contacts
or companies list): the save dialog (where, and which format: each says what reads it),
then a small dialog that writes the file with progress and Cancel and ends with what was
written and a way to the folder. The file appears only when complete (app.io.export), so a
cancelled or failed export leaves nothing behind, and an older file of that name as it was."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.io.export import FORMATS, SUFFIX, Selection, contact_ids, format_for
from app.services import companies, contacts
from app.store import Store
from ui.exporting.worker import ExportWorker
from ui.style import mark_primary

# the rep's last choice, kept in the database's settings: the next export starts there
FORMAT_KEY, FOLDER_KEY = "export_format", "export_folder"


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def _filters() -> dict[str, str]:
    """The save dialog's file types, saying which programs read each."""
    return {"vcf": tr("vCard 3.0 — Apple Contacts, Gmail, phones (*.vcf)"),
            "vcf4": tr("vCard 4.0 — Thunderbird, newer address books (*.vcf)"),
            "csv": tr("Google Contacts CSV — Gmail, Excel (*.csv)"),
            "outlook": tr("Outlook CSV — Outlook's Import/Export wizard, Excel (*.csv)"),
            "xlsx": tr("Excel workbook — edit it and import it again (*.xlsx)")}


def _next_steps() -> dict[str, str]:
    """What a rep does with the file next, said once it is written."""
    # (not Outlook for vCard: its import wizard takes only a file's first card)
    return {"vcf": tr("Apple Contacts: File → Import. Gmail: contacts.google.com → Import. "
                      "A phone: open the file on it. For Outlook, export Outlook CSV."),
            "vcf4": tr("Thunderbird: Tools → Import → Address Books. Older programs read "
                       "vCard 3.0 better."),
            "csv": tr("Gmail: contacts.google.com → Import. Excel opens it too, Chinese "
                      "included."),
            "outlook": tr("Outlook: File → Open & Export → Import/Export → Import from another "
                          "program or file → Comma Separated Values, then choose this file: "
                          "its columns are Outlook's own. Excel opens it too."),
            "xlsx": tr("Edit it in Excel, then import it again (File → Import): each row keeps "
                       "its Satchel ID, so the same contacts are updated.")}


def target(path: str, chosen: str) -> tuple[str, str]:
    """The file and format for what the save dialog returned. An ending another type writes
    says the format (a rep who types 'contacts.xlsx' means Excel whatever type is selected),
    except that vCard 4.0 is a .vcf too; any other name gets the chosen type's ending
    ('客户 2026.11' → '客户 2026.11.xlsx')."""
    p = Path(path)
    if p.suffix.lower() == SUFFIX[chosen]:
        return path, chosen
    written = format_for(p)
    if written is not None:
        return path, written
    return path + SUFFIX[chosen], chosen


def _start_folder(store: Store) -> Path:
    remembered = Path(store.get_meta(FOLDER_KEY) or "")
    if remembered.name and remembered.is_dir():
        return remembered
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def open_export_dialog(parent: QWidget | None, store: Store, selection: Selection | None = None
                       ) -> QDialog | None:
    """Ask where to export everyone (or `selection`), then show the export's dialog
    (non-modal) and return it."""
    with store.read() as s:
        if selection is None:
            people, firms = contacts.count(s), companies.count(s)
        else:
            people, firms = len(contact_ids(s, selection)), len(selection.companies)
        named = _named_after(s, selection)
    if not people and not firms:
        QMessageBox.information(parent, tr("Export contacts"), tr(
            "There is nothing to export yet: import an address book or add a contact first.")
            if selection is None else tr("None of the selected records is there any more."))
        return None
    chosen = store.get_meta(FORMAT_KEY) or "vcf"
    chosen = chosen if chosen in FORMATS else "vcf"
    filters = _filters()
    today = datetime.date.today().isoformat()
    name = (f"{_file_name(named)} {today}" if named
            else tr("Satchel contacts {0}").format(today)) + SUFFIX[chosen]
    path, selected = QFileDialog.getSaveFileName(
        parent, tr("Export contacts"), str(_start_folder(store) / name),
        ";;".join(filters.values()), filters[chosen])
    if not path:
        return None
    picked = next((fmt for fmt, label in filters.items() if label == selected), chosen)
    path, fmt = target(path, picked)
    store.set_meta(FORMAT_KEY, fmt)
    store.set_meta(FOLDER_KEY, str(Path(path).parent))
    dialog = ExportDialog(parent, store, path, fmt, people, selection)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def _named_after(session, selection: Selection | None) -> str:
    """One company or one person chosen: the file is named after them ('华为技术有限公司
    2026-12-01.vcf', '王小明 2026-12-01.vcf': a card sent on)."""
    if selection is None or len(selection.companies) + len(selection.contacts) != 1:
        return ""
    if selection.companies:
        found = companies.get(session, selection.companies[0])
    else:
        found = contacts.get(session, selection.contacts[0])
    return found.name if found is not None else ""


def _file_name(text: str) -> str:
    """A company's name as part of a file name: the characters no file system takes out."""
    return "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in text).strip(" .")


class ExportDialog(QDialog):
    """Writes `path` in `fmt` as soon as it is made; `people`: how many contacts it writes
    (the progress bar's end); `selection`: which (None: everyone)."""

    def __init__(self, parent: QWidget | None, store: Store, path: str, fmt: str,
                 people: int, selection: Selection | None = None) -> None:
        super().__init__(parent)
        self.path, self.fmt, self.people = path, fmt, people
        self.selection = selection
        self.state = "exporting"  # exporting | done | failed | cancelled
        self.setWindowTitle(self.tr("Export contacts"))
        self.setMinimumWidth(520)

        self.heading = QLabel(self.tr("Exporting {0} to {1} ({2})…").format(
            self._contacts(people), Path(path).name, FORMATS[fmt]))
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where = QLabel(str(Path(path).parent), objectName="muted")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_steps = QLabel(_next_steps()[fmt], objectName="hint")
        self.next_steps.setWordWrap(True)
        self.next_steps.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, max(people, 1))
        self.progress.setValue(0)

        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.folder_button = QPushButton(self.tr("Show in folder"))
        self.folder_button.clicked.connect(self.show_folder)
        self.folder_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.cancel_button, self.folder_button, self.close_button):
            buttons.addWidget(b)

        root = QVBoxLayout(self)
        root.addWidget(self.heading)
        root.addWidget(self.where)
        root.addWidget(self.progress)
        root.addWidget(self.next_steps)
        root.addStretch(1)
        root.addLayout(buttons)

        self.worker = ExportWorker(store, self)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self.worker.cancelled.connect(self._on_cancelled)
        self.worker.start(fmt, path, selection)

    def _contacts(self, n: int) -> str:
        return self.tr("1 contact") if n == 1 else self.tr("{0} contacts").format(f"{n:,}")

    def _companies(self, n: int) -> str:
        return self.tr("1 company") if n == 1 else self.tr("{0} companies").format(f"{n:,}")

    # -- the rep ---------------------------------------------------------------------------
    def cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.heading.setText(self.tr("Cancelling…"))
        self.worker.cancel()

    def show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.path).parent)))

    def reject(self) -> None:  # Esc or the window's close button: stop the export first
        if self.worker.running:
            self.worker.cancel()
            self.worker.wait()
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.worker.running:
            self.worker.cancel()
            self.worker.wait()
        super().closeEvent(event)

    # -- worker results --------------------------------------------------------------------
    def _on_progress(self, done: int) -> None:
        self.progress.setValue(min(done, self.progress.maximum()))

    def _on_finished(self, written: int) -> None:
        self.state = "done"
        name = Path(self.path).name
        if not self.people:  # companies only: a vCard file holds them, a table only headers
            text = self.tr("Exported {0} to {1}.").format(self._companies(written), name) \
                if written else (self.tr("There are no contacts yet: {0} holds only the column "
                                         "headers. Companies without contacts travel in vCard "
                                         "files.") if self.selection is None else self.tr(
                    "Nobody works at the selected companies: {0} holds only the column "
                    "headers. Companies without contacts travel in vCard files.")).format(name)
        elif written > self.people:  # (vCard: the companies nobody works at as company cards)
            text = self.tr("Exported {0} and {1} without contacts to {2}.").format(
                self._contacts(self.people), self._companies(written - self.people), name)
        else:
            text = self.tr("Exported {0} to {1}.").format(self._contacts(written), name)
        self.heading.setText(text)
        self.next_steps.setVisible(bool(written))
        self._finish(show_folder=True)

    def _on_failed(self, message: str) -> None:
        self.state = "failed"
        self.heading.setText(message)
        self.heading.setObjectName("error")
        self.heading.style().unpolish(self.heading)
        self.heading.style().polish(self.heading)
        self._finish(show_folder=False)

    def _on_cancelled(self) -> None:
        self.state = "cancelled"
        self.heading.setText(self.tr("Export cancelled: no file was written."))
        self._finish(show_folder=False)

    def _finish(self, show_folder: bool) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.folder_button.setVisible(show_folder)
        self.close_button.show()
        mark_primary(self.close_button)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
