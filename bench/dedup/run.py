"""Deduplication benchmark: quality on labelled data beside an exact-name baseline, and speed.

    .venv/bin/python -m bench.dedup.run --n 10000            # quality (+ batch speed)
    .venv/bin/python -m bench.dedup.run --n 100000 --speed   # 100,000: full dedupe, one-vs-all
    .venv/bin/python -m bench.dedup.run --n 100000 --store   # the app's path on a SQLite file
    .venv/bin/python -m bench.dedup.run --n 30000 --index    # one record at a time vs an index

Prints JSON. Auto-links are "same" pairs; suggestions are "same" or "maybe" pairs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections import Counter, defaultdict

from app import normalize
from app.dedup.blocking import CompanyIndex, find_pairs
from app.dedup.features import features
from bench.dedup.generate import generate, true_pairs


def _prf(found: set, truth: set) -> dict:
    tp = len(found & truth)
    return {"pairs": len(found), "precision": round(tp / len(found), 4) if found else 1.0,
            "recall": round(tp / len(truth), 4) if truth else 1.0}


def baseline(records) -> set[tuple[str, str]]:
    groups = defaultdict(list)
    for r in records:
        key = normalize.company_key(r.name)
        if key:
            groups[key].append(r.id)
    pairs = set()
    for ids in groups.values():
        ids.sort()
        pairs.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    return pairs


def quality(n: int, seed: int) -> dict:
    records = generate(n, seed)
    truth = true_pairs(records)
    # wall and CPU seconds: on a shared, noisy machine CPU time shows what the code costs
    t0, c0 = time.perf_counter(), time.process_time()
    feats = [features(r, r.extra["region"]) for r in records]
    t1, c1 = time.perf_counter(), time.process_time()
    pairs = find_pairs(feats)
    t2, c2 = time.perf_counter(), time.process_time()
    same = {tuple(sorted((a, b))) for a, b, s in pairs if s.decision == "same"}
    suggested = {tuple(sorted((a, b))) for a, b, _ in pairs}
    base = baseline(records)
    case = {r.id: r.extra["case"] for r in records}
    missed = Counter(case[b] if case[a] == "original" else case[a] for a, b in truth - suggested)
    wrong = Counter(f"{case[a]}+{case[b]}" for a, b in same - truth)
    return {
        "records": n, "true_pairs": len(truth),
        "matcher": {"auto_link": _prf(same, truth), "suggestion": _prf(suggested, truth)},
        "baseline_exact_name": {"auto_link": _prf(base, truth), "suggestion": _prf(base, truth)},
        "missed_suggestions_by_case": dict(missed.most_common()),
        "wrong_auto_links_by_case": dict(wrong.most_common()),
        "seconds": {"features": round(t1 - t0, 2), "block_and_score": round(t2 - t1, 2),
                    "full_dedupe": round(t2 - t0, 2)},
        "cpu_seconds": {"features": round(c1 - c0, 2), "block_and_score": round(c2 - c1, 2),
                        "full_dedupe": round(c2 - c0, 2)},
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def index_quality(n: int, seed: int) -> dict:
    """The path quick-add, import, cards and sync take: every record matched on its own against
    an index of all the others (`CompanyIndex.match`), scored against the labels like the batch."""
    records = generate(n, seed)
    truth = true_pairs(records)
    feats = [features(r, r.extra["region"]) for r in records]
    index = CompanyIndex(feats)
    t, c = time.perf_counter(), time.process_time()
    same, suggested = set(), set()
    for f in feats:
        for cid, s in index.match(f):
            pair = tuple(sorted((f.id, cid)))
            suggested.add(pair)
            if s.decision == "same":
                same.add(pair)
    return {"records": n, "true_pairs": len(truth),
            "matcher": {"auto_link": _prf(same, truth), "suggestion": _prf(suggested, truth)},
            "match_ms_mean": round((time.perf_counter() - t) * 1000 / n, 3),
            "cpu_ms_mean": round((time.process_time() - c) * 1000 / n, 3)}


def one_against_all(n: int, seed: int, queries: int = 500) -> dict:
    records = generate(n + queries, seed)
    base, probe = records[:n], records[n:]
    t0 = time.perf_counter()
    index = CompanyIndex(features(r, r.extra["region"]) for r in base)
    build = time.perf_counter() - t0
    times, cpu = [], []
    for r in probe:
        t, c = time.perf_counter(), time.thread_time()
        index.match(features(r, r.extra["region"]))
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
    times.sort()
    cpu.sort()
    p95 = int(len(times) * 0.95) - 1
    return {"companies": n, "queries": queries, "index_build_s": round(build, 2),
            "ms_p50": round(statistics.median(times), 2), "ms_p95": round(times[p95], 2),
            "ms_max": round(times[-1], 2), "cpu_ms_p50": round(statistics.median(cpu), 2),
            "cpu_ms_p95": round(cpu[p95], 2), "load_average_1min": round(os.getloadavg()[0], 2)}


def in_store(n: int, seed: int) -> dict:
    """The app's path: `find_candidates` on a real SQLite store of n companies, cold (the
    matcher's index built from the file) and warm (index already in memory)."""
    import tempfile
    from pathlib import Path

    from app.dedup.candidates import find_candidates
    from app.domain import CompanyDraft
    from app.services import companies
    from app.store import Store

    records = generate(n, seed)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store = Store.open(Path(tmp) / "bench.sqlite3", region="US")
        with store.write() as tx:
            for r in records:
                companies.create(tx, CompanyDraft(r.name, address=r.address, phone=r.phone,
                                                  website=r.website))
        store.close()
        fill = time.perf_counter() - t0
        store = Store.open(Path(tmp) / "bench.sqlite3", region="US")
        out = {"companies": n, "fill_s": round(fill, 1)}
        try:
            for run in ("cold", "warm"):
                t, c = time.perf_counter(), time.process_time()
                with store.read() as s:
                    found = find_candidates(s, "US")
                out[run] = {"s": round(time.perf_counter() - t, 2),
                            "cpu_s": round(time.process_time() - c, 2), "pairs": len(found)}
        finally:
            store.close()
    out["load_average_1min"] = round(os.getloadavg()[0], 2)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--speed", action="store_true", help="also time one-against-all")
    ap.add_argument("--index", action="store_true",
                    help="only the quality of one-record-at-a-time matching (CompanyIndex.match)")
    ap.add_argument("--store", action="store_true",
                    help="only time find_candidates on a real store (cold and warm)")
    args = ap.parse_args()
    if args.index:
        print(json.dumps({"index_quality": index_quality(args.n, args.seed)}, indent=2))
        return
    if args.store:
        print(json.dumps({"find_candidates_in_store": in_store(args.n, args.seed)}, indent=2))
        return
    out = {"quality": quality(args.n, args.seed)}
    if args.speed:
        out["one_against_all"] = one_against_all(args.n, args.seed + 1)
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
