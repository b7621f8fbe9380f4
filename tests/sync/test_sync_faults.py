"""Interrupted syncs: lost requests and responses, retries, SIGKILL of the client during a local
write, a push and a pull, and a full replacement sync after HQ forgot old history."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from app.domain import ContactDraft
from app.models import Contact, Meta, Outbox
from app.services import contacts
from app.store import Store
from sync.client import pending_count
from sync.server import service
from tests.sync.conftest import assert_converged
from tests.sync.faults import FaultyTransport

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("kill_client.py")


def _people(rep, n: int, prefix: str = "P") -> list[str]:
    with rep.store.write() as tx:
        return [contacts.create(tx, ContactDraft(name=f"{prefix}{i}")) for i in range(n)]


def test_lost_response_is_retried_without_duplicates(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    _people(a, 5)
    faults = FaultyTransport()
    faults.plan = ["lose_response", "lose_request", "duplicate", "lose_response"]
    report = a.sync(transport=faults, retries=5)
    assert faults.injected["lose_response"] == 2
    assert report.pending == 0
    before = service.stats(hq.db)["log"]
    assert before == 5  # five names, each logged once
    b.sync(transport=FaultyTransport(), retries=5)
    assert_converged(hq, a, b)


def test_network_down_keeps_everything_and_next_sync_delivers(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    ids = _people(a, 3)
    faults = FaultyTransport()
    faults.plan = ["lose_request"] * 3
    try:
        a.sync(transport=faults, retries=2)
    except Exception as exc:
        assert "Cannot reach HQ" in str(exc)
    assert pending_count(a.store) == 3
    assert "Cannot reach HQ" in a.store.get_meta("sync.last_error")
    a.sync(), b.sync()
    with b.store.read() as s:
        assert all(contacts.get(s, i) for i in ids)


def _run(args: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(SCRIPT), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def _kill_when(proc: subprocess.Popen, predicate) -> list[str]:
    lines: list[str] = []
    for line in proc.stdout:
        lines.append(line.strip())
        if predicate(lines):
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
    return lines


def test_sigkill_during_local_writes_loses_no_committed_write(hq, replicas, tmp_path):
    db = tmp_path / "killed.sqlite3"
    Store.open(db).close()
    proc = _run(["write", str(db)])
    printed = _kill_when(proc, lambda lines: len(lines) >= 40)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    rep = replicas("alice")
    rep.store.close()
    rep.path, rep.store = db, Store.open(db, region="CN")
    with rep.store.read() as s:
        have = set(s.scalars(select(Contact.id)))
        assert set(printed) <= have
        assert s.scalar(select(func.count()).select_from(Outbox)) == len(have)
    rep.sync()
    assert pending_count(rep.store) == 0
    assert {r for e, r in service.snapshot(hq.db) if e == "contact"} == have


def test_sigkill_after_hq_answered_a_push_resends_without_duplicates(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    ids = _people(a, 35)
    a.store.close()
    proc = _run(["sync", str(a.path), hq.base_url, a.token, "push-answered", "2"])
    _kill_when(proc, lambda lines: lines[-1] == "AT push-answered")
    a.reopen()
    # HQ applied two batches; the client acknowledged only the first
    assert service.stats(hq.db)["log"] == 20
    assert pending_count(a.store) == 25
    report = a.sync()
    assert report.pending == 0 and report.pushed == 15
    assert service.stats(hq.db)["log"] == 35
    b.sync()
    with b.store.read() as s:
        assert all(contacts.get(s, i) for i in ids)
    assert_converged(hq, a, b)


def test_sigkill_during_pull_keeps_cursor_and_data_consistent(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    ids = _people(a, 35)
    a.sync()
    b.store.close()
    proc = _run(["sync", str(b.path), hq.base_url, b.token, "pull-applying", "3"])
    _kill_when(proc, lambda lines: lines[-1] == "AT pull-applying")
    b.reopen()
    with b.store.read() as s:
        cursor = int(s.get(Meta, "sync.cursor").value)
        have = set(s.scalars(select(Contact.id)))
    assert cursor == 20 and len(have) == 20  # two pages committed, the third rolled back
    b.sync()
    with b.store.read() as s:
        assert {i for i in ids if contacts.get(s, i)} == set(ids)
    assert_converged(hq, a, b)


def test_client_older_than_hq_history_gets_full_resync_keeping_pending(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    gone, kept = _people(a, 2, "gone"), _people(a, 2, "kept")
    a.sync(), b.sync()
    with a.store.write() as tx:
        contacts.delete(tx, gone[0])
        contacts.update(tx, kept[0], title="renamed")
        contacts.update(tx, kept[0], title="renamed again")
    a.sync()
    with b.store.write() as tx:  # b works offline meanwhile
        mine = contacts.create(tx, ContactDraft(name="made offline"))
        contacts.update(tx, kept[1], note="offline note")
    # HQ forgets history (and the old tombstone) as it would after 180 days
    out = service.compact(hq.db, days=-1)
    assert out["records_purged"] == 1 and out["horizon"] > 0
    report = b.sync()
    assert report.reset
    with b.store.read() as s:
        assert contacts.get(s, gone[0]) is None
        assert contacts.get(s, kept[0]).title == "renamed again"
        assert contacts.get(s, kept[1]).note == "offline note"
        assert contacts.get(s, mine).name == "made offline"
    a.sync()
    with a.store.read() as s:
        assert contacts.get(s, mine) is not None
        assert contacts.get(s, kept[1]).note == "offline note"
    assert_converged(hq, b)


def test_tombstones_are_kept_180_days_by_default(hq, replicas):
    a = replicas("alice")
    gone = _people(a, 1, "gone")[0]
    a.sync()
    with a.store.write() as tx:
        contacts.delete(tx, gone)
    a.sync()
    out = service.compact(hq.db)  # default: 180 days, the deletion is a day old at most
    assert out["records_purged"] == 0
    assert service.snapshot(hq.db)[("contact", gone)]["deleted"][0] is True
    late = replicas("late")  # a laptop that was offline: the deletion still reaches it
    late.sync()
    with late.store.read() as s:
        assert contacts.get(s, gone) is None
        assert s.get(Contact, gone).deleted
