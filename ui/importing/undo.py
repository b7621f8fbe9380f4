"""Undo an import, from its report or from File → Undo the import of … (the last one of this
session): one question saying what goes and what comes back, then `journal.undo` in one
transaction with progress and Cancel. Shared by both, so the journal is taken back once."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import ServiceError
from app.services import journal
from app.store import Store
from ui.views.base import confirm
from ui.worker import Stopped, run_with_progress


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportUndo", text)


def undo_import(parent: QWidget, store: Store, kept: journal.Journal) -> str | None:
    """Ask, then take the import back. Returns what was done, in a sentence for the rep (also
    when it was undone already: from the report or the File menu); None when the rep said no
    or pressed Cancel."""
    if kept.undone:
        return tr("This import was undone already.")
    added = Counter(kept.created.values())
    changed = Counter(entity for entity, _ in kept.before.values())
    changed["contact"] += len(kept.photos.keys() - kept.before.keys())
    # sentences as the language strings them: the English ones after the first start with a
    # space, the Chinese ones with none
    said = [tr("Undo this import?")]
    if added:
        said.append(tr(" What it added is deleted: {0}.").format(records_text(added)))
    if +changed:  # (a zero the photos added is no change)
        said.append(tr(" What it changed gets its earlier values back: {0}.").format(
            records_text(changed)))
    said.append(tr(" Edits made since stay."))
    if not confirm(parent, tr("Undo this import"), "".join(said)):
        return None

    def work(step):
        with store.write() as tx:
            return journal.undo(tx, kept, step)
    try:
        done = run_with_progress(parent, tr("Undoing the import…"), tr("Cancel"), kept.size(),
                                 work)
    except Stopped:
        return None  # one transaction: the import stands as it was
    except ServiceError as exc:
        QMessageBox.warning(parent, tr("Undo this import"),
                            tr("The import was not undone: {0}").format(exc))
        return None
    kept.undone = True
    said = [tr("Import undone.")]
    if +done.deleted:
        said.append(tr(" Deleted: {0}.").format(records_text(done.deleted)))
    if +done.restored:
        said.append(tr(" Earlier values restored for {0}.").format(records_text(done.restored)))
    if done.kept_later_edits == 1:
        said.append(tr(" A field edited since the import stays as it is."))
    elif done.kept_later_edits:
        said.append(tr(" {0} fields edited since the import stay as they are.").format(
            done.kept_later_edits))
    return "".join(said)


def records_text(n: Counter) -> str:
    """"3 contacts and 1 company" (of a Counter with some)."""
    people = tr("1 contact") if n["contact"] == 1 else \
        tr("{0} contacts").format(f"{n['contact']:,}")
    firms = tr("1 company") if n["company"] == 1 else \
        tr("{0} companies").format(f"{n['company']:,}")
    if n["contact"] and n["company"]:
        return tr("{0} and {1}").format(people, firms)
    return people if n["contact"] else firms
