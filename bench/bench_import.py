"""Import benchmark: a 10,000-contact vCard file and a 10,000-row CSV into a store that already
holds 100,000 contacts (bench.synth), each in a fresh process on a fresh copy of that store;
beside it, vobject's bare parse of the same vCard file in one process. Prints JSON. "warm": the
matcher's index built before the clock starts (the running app); "cold": built during the
import, as by the command line on a store opened for the first time; "cold_features_saved": the
same, the matcher's features kept beside the store by an earlier start (every later one).
Each import's `checkpoint_after_s`: the write-ahead log copied into the database file once the
import has returned, as the app does after showing its report (not in `seconds`).

    .venv/bin/python -m bench.bench_import [--contacts 10000] [--base 100000] [--runs 1]

`--runs N`: every measurement N times, round after round (this shared VM's speed swings by
half within minutes: a round spreads the swing over all cases alike); each case then reports
its median run, with `all_seconds` beside it.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import multiprocessing as mp
import os
import random
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from app.dedup import saved_features
from bench import synth

_AREAS = (212, 213, 214, 215, 216, 217, 218, 219, 224, 225, 228, 229)


def write_inputs(folder: Path, n: int) -> tuple[Path, Path]:
    """Typical cards: name, company, title, two phones, e-mail, address, a note; a third of
    them at companies the store already has."""
    rnd = random.Random(7)
    existing = synth.companies(20_000, 1)
    people = synth.contacts(n, existing, seed=99)
    vcf, csvp = folder / "in.vcf", folder / "in.csv"
    with open(vcf, "w", encoding="utf-8", newline="") as f, \
            open(csvp, "w", encoding="utf-8-sig", newline="") as g:
        w = csv.writer(g)
        w.writerow(["First Name", "Last Name", "Company", "Job Title", "Mobile Phone",
                    "Business Phone", "E-mail Address", "Business Street", "Notes"])
        for i, d in enumerate(people):
            company = d.company if i % 3 == 0 else f"{d.company} Trading {i % 997}"
            given, _, family = d.name.partition(" ")
            email = f"bench{i}@{d.emails[0].address.split('@')[1]}"
            # (past 10,000, other area codes: the same number would make them one person)
            work = f"+1 {_AREAS[i // 10000 % len(_AREAS)]} 555 {i % 10000:04d}"
            addr = f"{rnd.randint(1, 999)} Market Street"
            f.write("BEGIN:VCARD\r\nVERSION:3.0\r\n"
                    f"N:{family};{given};;;\r\nFN:{d.name}\r\nORG:{company};Sales\r\n"
                    f"TITLE:{d.title}\r\nTEL;TYPE=CELL:{d.phones[0].number}\r\n"
                    f"TEL;TYPE=WORK,VOICE:{work}\r\nEMAIL;TYPE=INTERNET,WORK:{email}\r\n"
                    f"ADR;TYPE=WORK:;;{addr};Springfield;IL;62701;USA\r\n"
                    f"NOTE:Met at trade fair {i}\r\nEND:VCARD\r\n")
            w.writerow([given, family, company, d.title, d.phones[0].number, work,
                        email.replace("bench", "csv"), addr, f"Row {i}"])
    return vcf, csvp


def _vobject_parse(path: str, q) -> None:
    import vobject

    text = Path(path).read_text(encoding="utf-8")
    t0 = time.perf_counter()
    n = sum(1 for _ in vobject.readComponents(text))
    q.put({"cards": n, "seconds": round(time.perf_counter() - t0, 2),
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)})


def _satchel_parse(path: str, q) -> None:
    """Satchel's own reader alone (no store), for comparison with vobject's bare parse."""
    from app.io.reader import open_source

    t0 = time.perf_counter()
    n = sum(1 for _ in open_source(path).records)
    q.put({"records": n, "seconds": round(time.perf_counter() - t0, 2),
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)})


def _machine() -> dict:
    import platform

    model = ""
    with contextlib.suppress(OSError):
        model = next((line.split(":", 1)[1].strip() for line in
                      Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), "")
    return {"cpus": os.cpu_count(), "cpu": model, "platform": platform.platform(),
            "python": platform.python_version(),
            "loadavg_at_start": [round(x, 2) for x in os.getloadavg()]}


def _import(db: str, path: str, warm: bool, q) -> None:
    from app.io.apply import run_import
    from app.store import Store

    store = Store.open(db)
    t_warm = 0.0
    if warm:  # the desktop app has the matcher's company index built already
        from app import matching
        from app.domain import CompanyDraft
        t = time.perf_counter()
        with store.read() as s:
            matching.match_company(s, CompanyDraft("warm-up"), store.region)
        t_warm = time.perf_counter() - t
    matcher = _time_matcher()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # the processes that built the matcher's index before the import (app.parallel) are
    # children too: only what the children spent during the import is the reading process's
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0, c0 = time.perf_counter(), time.process_time()
    r = run_import(store, [path])
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    # what the app does after showing the report (the commit leaves it, Store.write)
    t1 = time.perf_counter()
    store.checkpoint()
    checkpoint = time.perf_counter() - t1
    store.close()
    reader = resource.getrusage(resource.RUSAGE_CHILDREN)  # app.io.ahead's reading process
    # CPU seconds beside the wall clock: on a shared machine they show what the import costs
    q.put({"seconds": round(dt, 2), "cpu_s": round(cpu, 2), "index_build_s": round(t_warm, 2),
           # the company matcher's share (app.matching.match_company, owned by the dedup work)
           "matcher_calls": matcher["calls"], "matcher_s": round(matcher["s"], 2),
           "created": r.created, "updated": r.updated, "unchanged": r.unchanged,
           "skipped": len(r.skipped), "records_per_s": round(len(r.records) / dt),
           "checkpoint_after_s": round(checkpoint, 2),
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
           "rss_before_import_mb": round(rss0 / 1024),
           # the reading process shares the parent's pages until either writes them
           "reader_cpu_s": round(reader.ru_utime + reader.ru_stime
                                 - before.ru_utime - before.ru_stime, 2),
           # (the largest of the children: the index builders too)
           "reader_peak_rss_mb": round(reader.ru_maxrss / 1024)})


def _keep_features(db: str, q) -> None:
    """Open the store once as the app would: its matcher's features are kept beside it."""
    from app import matching
    from app.store import Store

    store = Store.open(db)
    with store.read() as s:
        matching.warm(s, store.region)
    store.close()
    q.put({})


def _time_matcher() -> dict:
    """Count the calls of the company matcher and the time spent in it during the import."""
    from app import matching

    real, spent = matching.match_company, {"calls": 0, "s": 0.0}

    def timed(*a, **kw):
        t = time.perf_counter()
        try:
            return real(*a, **kw)
        finally:
            spent["calls"] += 1
            spent["s"] += time.perf_counter() - t

    matching.match_company = timed
    return spent


def _run(target, *args) -> dict:
    q = mp.get_context("spawn").Queue()
    p = mp.get_context("spawn").Process(target=target, args=(*args, q))
    p.start()
    out = q.get()
    p.join()
    return out


def _median(runs: list[dict]) -> dict:
    """The run of median seconds (the lower middle of an even number), with all runs' times."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    out = dict(ordered[(len(ordered) - 1) // 2])
    if len(runs) > 1:
        out["all_seconds"] = [r["seconds"] for r in runs]
        out["median_seconds"] = statistics.median(out["all_seconds"])
    return out


@contextlib.contextmanager
def started(runs: bool = False
            ) -> Iterator[tuple[argparse.Namespace, Path, Path, tuple[Path, Path], dict]]:
    """What the import benches start with: their options (--contacts, --base, and --runs if
    asked), the cached store, a scratch folder with the input files (vCard, CSV), and the
    JSON's head."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=10_000)
    ap.add_argument("--base", type=int, default=100_000)
    if runs:
        ap.add_argument("--runs", type=int, default=1)
    a = ap.parse_args()
    base = synth.cached_db(a.base, a.base // 5)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        yield a, base, folder, write_inputs(folder, a.contacts), {
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": _machine(),
            "base_contacts": a.base, "records": a.contacts}


def main() -> None:
    with started(runs=True) as (a, base, folder, (vcf, csvp), out):
        out["vcard_bytes"] = vcf.stat().st_size
        cases = {"vobject_bare_parse": (_vobject_parse, str(vcf)),
                 "satchel_vcard_parse": (_satchel_parse, str(vcf)),
                 "satchel_csv_parse": (_satchel_parse, str(csvp))}
        for name, path in (("vcard", vcf), ("csv", csvp)):
            for warm in (True, False):
                cases[f"{name}_import_{'warm' if warm else 'cold'}"] = (
                    _import, folder / f"{name}.sqlite3", str(path), warm)
        # the command line on a store the app (or an earlier command) has opened before: the
        # matcher's features are kept beside it (app.dedup.saved_features)
        cases["vcard_import_cold_features_saved"] = (
            _import, folder / "vcard-saved.sqlite3", str(vcf), False)
        _run(_keep_features, str(base))
        runs: dict[str, list[dict]] = {case: [] for case in cases}
        for _ in range(a.runs):
            for case, (target, *args) in cases.items():
                if target is _import:  # a fresh copy of the store for every import
                    args[0] = str(synth.copy_db(base, args[0]))
                    kept = saved_features.path_beside(args[0])
                    saved = saved_features.path_beside(str(base))
                    if case.endswith("_features_saved"):
                        if saved.exists():  # (a small store's are not kept: quick to build)
                            shutil.copy(saved, kept)
                    else:  # as opened for the first time (an earlier round kept them)
                        kept.unlink(missing_ok=True)
                runs[case].append(_run(target, *args))
        for case, done in runs.items():
            out[case] = _median(done)
        out["ratio_vcard_import_warm_to_vobject_parse"] = round(
            out["vcard_import_warm"]["seconds"] / out["vobject_bare_parse"]["seconds"], 2)
        out["ratio_vcard_import_cold_to_vobject_parse"] = round(
            out["vcard_import_cold"]["seconds"] / out["vobject_bare_parse"]["seconds"], 2)
        out["ratio_csv_import_warm_to_vobject_parse"] = round(
            out["csv_import_warm"]["seconds"] / out["vobject_bare_parse"]["seconds"], 2)
        out["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
