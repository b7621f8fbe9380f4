"""Deleting many records and taking an import back, on a store of 100,000 contacts (bench.synth):
prints JSON. Each case in a fresh process on a fresh copy of the store:
- delete_each_s: 10,000 contacts deleted one `contacts.delete` at a time (the list's delete of
  a selection before records.delete_many);
- delete_many_s: the same 10,000 through `records.delete_many` (the list's delete now);
- import_s / undo_s: the 10,000-card file of bench_import imported with its journal
  (`run_import(undoable=True)`, as the app does), then taken back (`journal.undo`).

    .venv/bin/python -m bench.bench_undo [--contacts 10000] [--base 100000]
"""

from __future__ import annotations

import json
import os
import time

from bench import synth
from bench.bench_import import _run, started


def _delete(db: str, n: int, many: bool, q) -> None:
    from app.services import contacts, records
    from app.store import Store

    store = Store.open(db)
    with store.read() as s:
        ids = contacts.ids(s)[:n]
    t = time.perf_counter()
    with store.write() as tx:
        if many:
            records.delete_many(tx, "contact", ids)
        else:
            for rid in ids:
                contacts.delete(tx, rid)
    q.put({"seconds": round(time.perf_counter() - t, 2), "deleted": len(ids)})
    store.close()


def _import_and_undo(db: str, path: str, q) -> None:
    from app.io.apply import run_import
    from app.services import contacts, journal
    from app.store import Store

    store = Store.open(db)
    t = time.perf_counter()
    report = run_import(store, [path], undoable=True)
    imported = time.perf_counter() - t
    t = time.perf_counter()
    with store.write() as tx:
        done = journal.undo(tx, report.journal)
    undone = time.perf_counter() - t
    with store.read() as s:
        left = contacts.count(s)
    q.put({"import_s": round(imported, 2), "undo_s": round(undone, 2),
           "deleted": dict(done.deleted), "restored": dict(done.restored),
           "contacts_after_undo": left})
    store.close()


def main() -> None:
    with started() as (a, base, folder, (vcf, _), out):
        for case, many in (("delete_each", False), ("delete_many", True)):
            db = synth.copy_db(base, folder / f"{case}.sqlite3")
            out[case] = _run(_delete, str(db), a.contacts, many)
        db = synth.copy_db(base, folder / "undo.sqlite3")
        out["import_and_undo"] = _run(_import_and_undo, str(db), str(vcf))
        out["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
