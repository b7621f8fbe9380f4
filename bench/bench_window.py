"""Desktop app on 100,000 contacts: time to first paint and memory; prints JSON.

    python -m bench.bench_window [--contacts 100000] [--companies 20000] [--runs 3]

Each run is a fresh process (as a user starting Satchel) on a scratch copy of the cached
synthetic store (bench/synth.py), under QT_QPA_PLATFORM=offscreen:
- first_paint_s: process start (before any import) to the first event-loop turn after
  `window.show()` (QTimer.singleShot(0) once the window is shown and painted);
- wall_s: the same seen from the parent, interpreter start-up included;
- rss_first_paint_mb: resident memory then (psutil);
- rss_peak_mb: the process's peak resident memory (getrusage ru_maxrss) after the deferred
  start-up work ran and the rep opened Contacts, scrolled to the end and ran a search.
Goals (issue 2): first paint <= 1.5 s, peak RSS <= 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import time
T0 = time.perf_counter()
import json, os, resource, sys
import psutil
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.store import Store
from ui.app import make_application, make_main_window

out = {}
proc = psutil.Process()

def settle(ms):
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.01)

def painted():
    out["first_paint_s"] = round(time.perf_counter() - T0, 3)
    out["rss_first_paint_mb"] = round(proc.memory_info().rss / 2**20, 1)
    QTimer.singleShot(0, use)

def use():
    settle(1500)  # deferred start-up work (sync status, lazy loads)
    window.sidebar.setCurrentRow(1)  # Contacts
    settle(300)
    view = window.contacts
    table = getattr(view, "table", None) or getattr(view, "view", None)
    if table is not None:
        table.scrollToBottom()
        settle(300)
        table.scrollToTop()
        settle(300)
    window.search_popup.show()
    for q in ("wan", "müller", "138 0013", "li"):
        window.search_popup.field.setText(q)
        settle(200)
    out["rss_end_mb"] = round(proc.memory_info().rss / 2**20, 1)
    out["rss_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out["modules"] = {m: m in sys.modules for m in ("alembic", "pypinyin", "tldextract",
                                                    "phonenumbers", "rapidfuzz", "httpx")}
    print("BENCH " + json.dumps(out), flush=True)
    app.quit()

app = make_application([])
store = Store.open(sys.argv[1])
out["store_open_s"] = round(time.perf_counter() - T0, 3)
window = make_main_window(store)
window.show()
QTimer.singleShot(0, painted)
app.exec()
store.close()
"""


def run_once(db: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(db)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"window benchmark failed:\n{proc.stdout}\n{proc.stderr}")
    out = json.loads(line[6:])
    out["process_s"] = round(time.perf_counter() - t0, 3)
    return out


def main() -> None:
    from bench import synth

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--companies", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--db", help="use this store instead of the cached synthetic one")
    a = ap.parse_args()
    src = Path(a.db) if a.db else synth.cached_db(a.contacts, a.companies)
    with tempfile.TemporaryDirectory() as tmp:
        db = synth.copy_db(src, Path(tmp) / "bench.sqlite3")
        run_once(db)  # upgrades the copy's schema if needed and warms the OS file cache
        runs = [run_once(db) for _ in range(a.runs)]
    med = {k: statistics.median(r[k] for r in runs)
           for k in ("first_paint_s", "store_open_s", "rss_first_paint_mb", "rss_peak_mb",
                     "rss_end_mb", "process_s")}
    print(json.dumps({"contacts": a.contacts, "companies": a.companies, "runs": len(runs),
                      "median": med, "goal": {"first_paint_s": 1.5, "rss_peak_mb": 300},
                      "each": runs, "python": sys.version.split()[0]}, indent=1))


if __name__ == "__main__":
    main()
