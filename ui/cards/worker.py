"""OCR off the UI thread, ahead of the rep: a Python thread drives ocr.pipeline.scan_files (one
Tesseract per worker process, OMP_THREAD_LIMIT=1, one process per core) and hands each card
back as a queued Qt signal, with its company/contact match already looked up (the first match
builds the matcher's index, which must not freeze the window on a large store)."""

from __future__ import annotations

import logging
import os
import queue
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.store import Store
from ocr.types import CardError, CardResult
from ui.worker import ThreadWorker

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("CardWorker", text)


def _stopped(exc: Exception) -> str:
    return tr("Reading the cards stopped because of an unexpected error ({0}).").format(exc)
WORKERS = max(1, min(os.cpu_count() or 1, 4))  # parallelism across cards, not inside one


@dataclass
class Item:
    """One entry of the batch: a card read from a file, or a file that could not be read."""

    file: str
    card: CardResult | None = None
    error: str = ""
    match: object = None  # ui.cards.matches.Matches when read (warms the matcher's index)
    fields: dict | None = None  # the rep's edits (kept when going Back)
    status: str = ""  # saved | skipped | ""
    contact_id: str | None = None


class ScanWorker(ThreadWorker):
    item_ready = Signal(object)  # Item, in input order
    file_done = Signal(int)  # files read so far
    finished = Signal()  # everything read (or cancelled)

    def __init__(self, store: Store, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.lang = lang

    def start(self, files: Sequence[str], workers: int = WORKERS) -> None:
        self._launch("satchel-cards", self._run, list(files), workers)

    def cancel(self, wait: float = 10.0) -> None:
        """Stop reading: pending files are dropped, the worker processes end."""
        super().cancel()
        self.wait(wait)

    def _results(self, files: list[str], workers: int) -> Iterator[CardResult | CardError]:
        """scan_files, except that the first file is read right here while the worker
        processes start (spawning them and importing OpenCV takes seconds): the rep sees the
        first card about as soon as one card can be read."""
        from ocr.pipeline import scan_file, scan_files

        region = self.store.region
        if workers <= 1 or len(files) <= 2:
            yield from scan_files(files, lang=self.lang, region=region, workers=workers,
                                  cancel=self._cancel)
            return
        ahead: queue.Queue = queue.Queue()

        def pump() -> None:
            try:
                for res in scan_files(files[1:], lang=self.lang, region=region,
                                      workers=workers, cancel=self._cancel):
                    ahead.put(res)
            except Exception as exc:  # noqa: BLE001 - reported like a bad file, batch ends
                log.exception("card workers stopped")
                ahead.put(CardError("", _stopped(exc)))
            finally:
                ahead.put(None)

        thread = threading.Thread(target=pump, name="satchel-cards-pool", daemon=True)
        thread.start()
        complete = False
        try:
            try:
                yield from scan_file(files[0], lang=self.lang, region=region)
            except Exception as exc:  # noqa: BLE001 - one bad file never stops a batch
                yield CardError(files[0], tr(
                    "{0}: could not be read ({1}); try another photo of the card.").format(
                    os.path.basename(files[0]), repr(exc)))
            while not self._cancel.is_set():
                try:
                    res = ahead.get(timeout=0.2)
                except queue.Empty:
                    continue
                if res is None:
                    complete = True
                    break
                yield res
        finally:
            if not complete:  # cancelled, or the consumer stopped: the workers stop too
                self._cancel.set()
            thread.join()

    def _run(self, files: list[str], workers: int) -> None:
        from ui.cards.matches import find_matches

        seen: set[str] = set()
        try:
            for res in self._results(files, workers):
                if self._cancel.is_set():
                    break
                if isinstance(res, CardError):
                    item = Item(res.file, error=res.error)
                else:
                    item = Item(res.file, card=res)
                    try:
                        item.match = find_matches(self.store, res.to_draft())
                    except Exception:  # noqa: BLE001 - the dialog matches again on showing it
                        log.exception("matching %s failed", res.file)
                if res.file not in seen:
                    seen.add(res.file)
                    self.file_done.emit(len(seen))
                self.item_ready.emit(item)
        except Exception as exc:  # noqa: BLE001 - say so in the dialog; the cards read stay
            log.exception("card scanning stopped")
            self.item_ready.emit(Item("", error=_stopped(exc)))
        finally:
            self.finished.emit()
