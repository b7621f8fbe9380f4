"""Sync benchmarks; prints JSON figures.

    python -m bench.bench_sync [--records 100000] [--clients 20] [--pg URL] [--only NAME]
        [--hq-cache DIR] [--compare-with SRC_TREE --rounds 2]

- initial: a fresh client pulls N records (20% companies, 80% contacts with e-mails and phones)
  from HQ over loopback HTTP; records/s and changes/s applied, the client's and HQ's CPU
  seconds (steadier than wall time on a shared machine), and HQ's side alone (pull_only: every
  page fetched and decoded, nothing applied). --compare-with runs the previous code's HQ and
  client alternately with the current ones on the same seeded HQ file;
- delta: 100 field edits on one laptop, its sync plus another laptop's sync (round trip);
- concurrent: 20 clients push and pull at once against PostgreSQL (--pg or SATCHEL_TEST_PG_URL);
  checks no change was lost, reports HQ's changes/s;
- outbox: a local write through the services (outbox row + clocks) beside the same insert
  without the outbox, in the same run.
HQ runs as its own process (`satchel-hq serve`), as in real use.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx

from app import hlc
from app.domain import ContactDraft, Email, Phone
from app.ids import new_id
from app.services import contacts, rows
from app.services.fields import to_wire
from app.store import Store
from bench import synth
from sync import protocol as P
from sync.client import SyncClient
from sync.server import service
from sync.server.db import connect

ROOT = Path(__file__).resolve().parents[1]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def hq_process(db_url: str, workers: int = 1, root: Path = ROOT,
               info: dict | None = None) -> Iterator[str]:
    """`satchel-hq serve` from the source tree `root`; `info` receives its pid."""
    port = _port()
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "serve", "--port",
                             str(port), "--db", db_url, "--workers", str(workers)], env=env,
                            cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if info is not None:
        info["pid"] = proc.pid
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(400):
            try:
                httpx.get(f"{url}/v1/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far (HQ's share of the machine)."""
    import psutil

    t = psutil.Process(pid).cpu_times()
    return t.user + t.system


def _record_changes(n: int) -> tuple[list[dict], int]:
    """Wire changes of n records (companies then their contacts), stamped like a real replica."""
    n_co = max(1, n // 5)
    cos = synth.companies(n_co)
    people = synth.contacts(n - n_co, cos)
    changes: list[dict] = []
    wall = hlc.physical_ms() - 3_600_000
    ids: dict[str, str] = {}
    for i, (draft, _region) in enumerate(cos):
        rid = new_id()
        ids[draft.name] = rid
        stamp = hlc.Stamp(wall, i % 50_000, "bench").encode()
        for f, v in (("name", draft.name), ("address", draft.address), ("phone", draft.phone),
                     ("website", draft.website)):
            if v:
                changes.append(_ch("company", rid, f, to_wire(f, v), stamp))
    for i, draft in enumerate(people):
        rid = new_id()
        stamp = hlc.Stamp(wall + 1 + i // 50_000, i % 50_000, "bench").encode()
        values = {"name": draft.display_name(), "title": draft.title,
                  "company_id": ids.get(draft.company), "emails": draft.emails,
                  "phones": draft.phones}
        for f, v in values.items():
            w = to_wire(f, v)
            if w not in ("", [], None):
                changes.append(_ch("contact", rid, f, w, stamp))
    return changes, n


def _ch(entity: str, rid: str, field: str, value: object, stamp: str) -> dict:
    return {"change_id": f"{rid}/{field}", "entity": entity, "record_id": rid, "field": field,
            "value": value, "hlc": stamp}


def seed_hq(db_url: str, changes: list[dict]) -> str:
    """Load changes into HQ the way pushes would (service.push), returns an admin token."""
    db = connect(db_url, migrate=True)
    token = service.add_rep(db, f"bench-{uuid.uuid4().hex[:6]}", admin=True)
    rep = service.authenticate(db, token)
    clock = service.ServerClock()
    for i in range(0, len(changes), P.MAX_BATCH):
        req = P.PushRequest(protocol=P.PROTOCOL_VERSION, batch_id=f"seed{i}",
                            changes=changes[i:i + P.MAX_BATCH])
        service.push(db, clock, rep, req)
    db.dispose()
    return token


# A fresh client in its own process, from a given source tree (so the previous code can run
# beside the current one on the same HQ data): prints its figures as JSON.
_CLIENT = """
import json, sys, time
from pathlib import Path
from app.store import Store
from sync import protocol as P
from sync.client import SyncClient
url, token, path = sys.argv[1:4]
store = Store.open(Path(path), region="US")
t0, c0 = time.perf_counter(), time.process_time()
with SyncClient(store, url, token, page_size=P.MAX_PAGE) as c:
    report = c.sync()
secs, cpu = time.perf_counter() - t0, time.process_time() - c0
with store.read() as s:
    con = s.connection().connection.driver_connection
    got = sum(con.execute(f"SELECT count(*) FROM {e} WHERE NOT deleted").fetchone()[0]
              for e in ("company", "contact"))
store.close()
print(json.dumps({"seconds": secs, "client_cpu_s": cpu, "pulled": report.pulled,
                  "records_present": got}))
"""


def seeded_hq(tmp: Path, n: int, cache: Path | None) -> tuple[str, str, int, dict]:
    """An HQ SQLite file holding n records, and an admin token. With `cache` (a folder), the
    seeded file is kept there and reused by later runs (seeding 100k records takes minutes)."""
    folder = cache or tmp
    folder.mkdir(parents=True, exist_ok=True)
    db_file, token_file = folder / f"hq-initial-{n}.sqlite3", folder / f"hq-initial-{n}.json"
    if cache is not None and db_file.exists() and token_file.exists():
        saved = json.loads(token_file.read_text())
        return f"sqlite:///{db_file}", saved["token"], saved["changes"], {"hq_seed": "cached"}
    db_file.unlink(missing_ok=True)
    changes, n = _record_changes(n)
    t0 = time.perf_counter()
    token = seed_hq(f"sqlite:///{db_file}", changes)
    seed_s = time.perf_counter() - t0
    token_file.write_text(json.dumps({"token": token, "changes": len(changes)}))
    return (f"sqlite:///{db_file}", token, len(changes),
            {"hq_seed_seconds": round(seed_s, 2),
             "hq_seed_changes_per_s": round(len(changes) / seed_s)})


def initial_once(tmp: Path, db_url: str, token: str, root: Path, tag: str) -> dict:
    """One initial sync into an empty client, HQ and client both run from `root`."""
    info: dict = {}
    with hq_process(db_url, root=root, info=info) as url:
        hq0 = _cpu_s(info["pid"])
        out = subprocess.run(
            [sys.executable, "-c", _CLIENT, url, token, str(tmp / f"fresh-{tag}.sqlite3")],
            cwd=root, env={**os.environ, "PYTHONPATH": str(root)}, check=True,
            capture_output=True, text=True)
        hq_cpu = _cpu_s(info["pid"]) - hq0
    for suffix in ("", "-wal", "-shm"):
        (tmp / f"fresh-{tag}.sqlite3{suffix}").unlink(missing_ok=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    r["hq_cpu_s"] = hq_cpu
    return r


def pull_only(db_url: str, token: str, root: Path = ROOT, limit: int = P.MAX_PAGE) -> dict:
    """HQ's side alone: every page fetched over loopback HTTP and decoded, nothing applied."""
    info: dict = {}
    with hq_process(db_url, root=root, info=info) as url, httpx.Client(
            base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=120) as http:
        hq0 = _cpu_s(info["pid"])
        t0 = time.perf_counter()
        cursor, pages, n = 0, 0, 0
        while True:
            page = http.post("/v1/pull", json={"protocol": P.PROTOCOL_VERSION, "cursor": cursor,
                                               "limit": limit}).json()
            pages, n, cursor = pages + 1, n + len(page["changes"]), page["cursor"]
            if not page["more"]:
                break
        secs = time.perf_counter() - t0
        return {"pages": pages, "changes": n, "seconds": round(secs, 2),
                "hq_cpu_s": round(_cpu_s(info["pid"]) - hq0, 2)}


def _figures(r: dict, n: int) -> dict:
    return {"seconds": round(r["seconds"], 2), "records_per_s": round(n / r["seconds"]),
            "changes_per_s": round(r["pulled"] / r["seconds"]),
            "client_cpu_s": round(r["client_cpu_s"], 2),
            "records_per_client_cpu_s": round(n / r["client_cpu_s"]),
            "hq_cpu_s": round(r["hq_cpu_s"], 2), "records_present": r["records_present"]}


def bench_initial(tmp: Path, n: int, cache: Path | None = None,
                  compare: Path | None = None, rounds: int = 1) -> dict:
    """Initial sync of n records; with `compare` (a source tree of the previous code, e.g.
    `git archive COMMIT | tar -x -C DIR`), both run alternately on the same HQ data."""
    db_url, token, n_changes, seed = seeded_hq(tmp, n, cache)
    out: dict = {"records": n, "changes": n_changes, **seed}
    runs: dict[str, list[dict]] = {"after": [], "before": []}
    trees = [("before", compare), ("after", ROOT)] if compare else [("after", ROOT)]
    for i in range(rounds):
        for tag, root in trees if i % 2 == 0 else trees[::-1]:
            runs[tag].append(_figures(initial_once(tmp, db_url, token, root, tag), n))
    for tag, rs in runs.items():
        if rs:
            best = min(rs, key=lambda r: r["seconds"])
            out[tag] = {**best, "runs_seconds": [r["seconds"] for r in rs]}
    if compare:
        a, b = out["after"], out["before"]
        out["ratio_after_over_before"] = {
            "records_per_s": round(a["records_per_s"] / b["records_per_s"], 2),
            "client_cpu": round(b["client_cpu_s"] / a["client_cpu_s"], 2),
            "hq_cpu": round(b["hq_cpu_s"] / a["hq_cpu_s"], 2)}
        # older trees' HQ takes pages of at most 5,000 changes
        out["pull_only_before"] = pull_only(db_url, token, compare, P.COMPAT_PAGE)
    out["pull_only"] = pull_only(db_url, token)
    out["pull_only"]["records_per_hq_cpu_s"] = round(n / out["pull_only"]["hq_cpu_s"])
    return out


def bench_delta(tmp: Path) -> dict:
    db_url = f"sqlite:///{tmp / 'hq-delta.sqlite3'}"
    db = connect(db_url, migrate=True)
    ta, tb = service.add_rep(db, "a"), service.add_rep(db, "b")
    db.dispose()
    with hq_process(db_url) as url:
        a, b = Store.open(tmp / "a.sqlite3", region="US"), Store.open(tmp / "b.sqlite3", "US")
        with a.write() as tx:
            ids = [contacts.create(tx, ContactDraft(name=f"P{i}")) for i in range(100)]
        for st, tok in ((a, ta), (b, tb)):
            with SyncClient(st, url, tok) as c:
                c.sync()
        with a.write() as tx:
            for i, cid in enumerate(ids):
                contacts.update(tx, cid, title=f"title {i}")
        t0 = time.perf_counter()
        with SyncClient(a, url, ta) as c:
            pushed = c.sync().pushed
        t1 = time.perf_counter()
        with SyncClient(b, url, tb) as c:
            pulled = c.sync().pulled
        t2 = time.perf_counter()
        a.close(), b.close()
    return {"changes": 100, "pushed": pushed, "pulled": pulled,
            "push_sync_s": round(t1 - t0, 3), "pull_sync_s": round(t2 - t1, 3),
            "round_trip_s": round(t2 - t0, 3)}


def bench_concurrent(tmp: Path, pg_url: str, clients: int, per_client: int = 200,
                     workers: int = 2) -> dict:
    import psycopg

    name = f"satchel_bench_{uuid.uuid4().hex[:8]}"
    admin = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    db_url = admin.rsplit("/", 1)[0] + "/" + name
    try:
        db = connect(db_url, migrate=True)
        tokens = [service.add_rep(db, f"rep{i}") for i in range(clients)]
        db.dispose()
        stores = [Store.open(tmp / f"c{i}.sqlite3", region="US") for i in range(clients)]
        made: list[list[str]] = []
        for i, st in enumerate(stores):
            with st.write() as tx:
                made.append([contacts.create(tx, ContactDraft(
                    name=f"Rep{i} Person {k}", title="Buyer", emails=[Email(f"r{i}p{k}@x.com")],
                    phones=[Phone(f"+1 415 555 {k:04d}")])) for k in range(per_client)])
        total_changes = sum(
            len(ob) for st in stores for ob in [_outbox_changes(st)])
        with hq_process(db_url, workers) as url:
            errors: list[str] = []

            def run(i: int, phase: str) -> None:
                try:
                    with SyncClient(stores[i], url, tokens[i], batch_size=200) as c:
                        getattr(c, phase)()
                except Exception as exc:  # reported in the JSON, not swallowed
                    errors.append(repr(exc))

            def all_at_once(phase: str) -> float:
                t0 = time.perf_counter()
                threads = [threading.Thread(target=run, args=(i, phase)) for i in range(clients)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                return time.perf_counter() - t0

            push_s = all_at_once("push")  # 20 laptops send their work at once
            pull_s = all_at_once("pull")  # and then all fetch everyone's
            pulled_changes = total_changes * clients
            db = connect(db_url)
            snap = service.snapshot(db)
            stats = service.stats(db)
            db.dispose()
        want = {cid for ids in made for cid in ids}
        on_hq = {rid for (e, rid) in snap if e == "contact"}
        replicas_ok = True
        for st in stores:
            with st.read() as s:
                have = {r for (r,) in rows.dbapi(s).execute(
                    "SELECT id FROM contact WHERE NOT deleted")}
            replicas_ok &= have == want
            st.close()
        return {"clients": clients, "hq_workers": workers, "changes_pushed": total_changes,
                "concurrent_push_s": round(push_s, 2),
                "server_push_changes_per_s": round(stats["log"] / push_s),
                "concurrent_pull_s": round(pull_s, 2),
                "server_pull_changes_per_s": round(pulled_changes / pull_s),
                "lost_on_hq": len(want - on_hq), "replicas_complete": replicas_ok,
                "errors": errors}
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _outbox_changes(store: Store) -> list:
    with store.read() as s:
        return [c for (c,) in rows.dbapi(s).execute("SELECT changes FROM outbox")
                for _ in json.loads(c)]


def bench_outbox(tmp: Path, n: int = 3000) -> dict:
    """Same rows written with and without the outbox, interleaved in rounds (fair to caches)."""
    store = Store.open(tmp / "outbox.sqlite3", region="US")
    values = [{"name": f"Person {i}", "title": "Buyer", "note": "met at the fair",
               "emails": [{"address": f"p{i}@x.com", "kind": "work"}],
               "phones": [{"number": f"+1 415 555 {i % 10000:04d}", "kind": "work"}]}
              for i in range(n)]
    with_ob = without = 0.0
    for rnd in range(6):
        chunk = values[rnd * (n // 6):(rnd + 1) * (n // 6)]
        for outbox in ((True, False) if rnd % 2 else (False, True)):
            t0 = time.perf_counter()
            with store.write() as tx:
                for v in chunk:
                    rid = new_id()
                    stamp = tx.new_stamp()
                    rows.apply(tx.session, "contact", rid, v, dict.fromkeys(v, stamp), None)
                    if outbox:
                        tx.record("contact", rid, v, stamp=stamp, clocks=False)
            dt_ = time.perf_counter() - t0
            if outbox:
                with_ob += dt_
            else:
                without += dt_
    store.close()
    return {"writes": n, "with_outbox_us": round(with_ob / n * 1e6, 1),
            "plain_insert_us": round(without / n * 1e6, 1),
            "ratio": round(with_ob / without, 2)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--pg", default=os.environ.get("SATCHEL_TEST_PG_URL", ""))
    ap.add_argument("--workers", type=int, default=2, help="HQ processes (PostgreSQL)")
    ap.add_argument("--only", choices=["initial", "delta", "concurrent", "outbox"])
    ap.add_argument("--hq-cache", type=Path, help="folder keeping the seeded HQ for reuse")
    ap.add_argument("--compare-with", type=Path,
                    help="source tree of the previous code: initial sync A/B in one run")
    ap.add_argument("--rounds", type=int, default=1, help="initial syncs per tree")
    args = ap.parse_args()
    out: dict = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                 "machine": f"{platform.machine()}, {os.cpu_count()} cpus, "
                            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}",
                 "load_avg_before": [round(x, 2) for x in os.getloadavg()]}
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if args.only in (None, "outbox"):
            out["outbox"] = bench_outbox(tmp)
        if args.only in (None, "delta"):
            out["delta_100"] = bench_delta(tmp)
        if args.only in (None, "initial"):
            out["initial_sync"] = bench_initial(tmp, args.records, args.hq_cache,
                                                args.compare_with, args.rounds)
        if args.only in (None, "concurrent"):
            out["concurrent"] = (bench_concurrent(tmp, args.pg, args.clients,
                                                 workers=args.workers) if args.pg
                                 else {"skipped": "no PostgreSQL URL (--pg)"})
    out["load_avg_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
