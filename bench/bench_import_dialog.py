"""What a rep waits for in the import dialog, on a store of 100,000 contacts: the 10,000-card
file of bench_import dropped on the dialog (real widgets, offscreen), the preview shown, then
Import pressed until the report shows. Beside it, in the same run, the way it was before the
preview was the import held open: a dry run, then the import run again. Prints JSON.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.bench_import_dialog [--contacts 10000]
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

from app.dedup import saved_features
from bench import synth
from bench.bench_import import _run, started


def _open_store(db: str):
    """The store as the running app has it: the matcher's index built before the clock."""
    from app import matching
    from app.domain import CompanyDraft
    from app.store import Store

    store = Store.open(db)
    with store.read() as s:
        matching.match_company(s, CompanyDraft("warm-up"), store.region)
    return store


def _dialog(db: str, path: str, q) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.importing import open_import_dialog

    app = QApplication([])
    store = _open_store(db)

    def until(done) -> float:
        t = time.perf_counter()
        while not done():
            app.processEvents()
            time.sleep(0.002)
        return time.perf_counter() - t

    dialog = open_import_dialog(None, store, [path])
    preview = until(lambda: dialog.state == "preview")
    _shot(dialog, "import_preview_bench.png")  # (what the rep sees of 10,000 records)
    dialog.go_button.click()
    after_click = until(lambda: dialog.state == "done")
    q.put({"preview_s": round(preview, 2), "import_after_click_s": round(after_click, 2),
           "total_s": round(preview + after_click, 2), "created": dialog.report.created})
    dialog.close()
    store.close()


def _shot(dialog, name: str) -> None:
    folder = Path(__file__).resolve().parents[1] / "artifacts"
    folder.mkdir(exist_ok=True)
    dialog.grab().save(str(folder / name))


def _dry_run_then_import(db: str, path: str, q) -> None:
    """The flow before: the preview a dry run (rolled back), Import the whole import again."""
    from app.io.apply import run_import

    store = _open_store(db)
    t = time.perf_counter()
    run_import(store, [path], dry_run=True, undoable=True)
    preview = time.perf_counter() - t
    t = time.perf_counter()
    report = run_import(store, [path], undoable=True)
    after_click = time.perf_counter() - t
    q.put({"preview_s": round(preview, 2), "import_after_click_s": round(after_click, 2),
           "total_s": round(preview + after_click, 2), "created": report.created})
    store.close()


def main() -> None:
    with started() as (_, base, folder, (vcf, _), out):
        for case, target in (("dialog_held_preview", _dialog),
                             ("before_dry_run_then_import", _dry_run_then_import)):
            db = synth.copy_db(base, folder / f"{case}.sqlite3")
            kept = saved_features.path_beside(str(base))  # (the index is built sooner)
            if kept.exists():
                shutil.copy(kept, saved_features.path_beside(str(db)))
            out[case] = _run(target, str(db), str(vcf))
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
