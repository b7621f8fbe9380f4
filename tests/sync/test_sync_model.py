"""Seeded randomized model-based sync test: 4 reps and an HQ writer do random creates, edits,
deletes, merges and notes, sync in random order (laptop clocks up to a day apart) through a
faulty network (lost requests and responses, duplicated and replayed messages), HQ restarts,
clients die mid-sync. At the end every replica equals HQ, and for every field HQ holds the
newest value ever written (nothing lost).

SATCHEL_SYNC_SEED picks the seed; SATCHEL_SYNC_SOAK=N runs N operations (default 600).
"""

from __future__ import annotations

import contextlib
import json
import os
import random

import pytest
from sqlalchemy import select

from app import hlc
from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.errors import ServiceError
from app.models import Company, Contact, Outbox
from app.services import activities, companies, contacts, records
from sync.client import SyncError
from sync.server import service
from tests.sync.conftest import assert_converged
from tests.sync.faults import FaultyTransport

SEED = int(os.environ.get("SATCHEL_SYNC_SEED", "20261124"))
OPS = int(os.environ.get("SATCHEL_SYNC_SOAK", "600"))


class Killed(BaseException):
    """The client process dies here (everything uncommitted is rolled back)."""


class Model:
    def __init__(self, hq, replicas, rng: random.Random) -> None:
        self.hq, self.rng = hq, rng
        self.reps = [replicas(f"rep{i}") for i in range(4)] + [replicas("boss", admin=True)]
        self.written: dict[tuple[str, str, str], tuple[str, object]] = {}  # newest write
        self.seen_ops: set[str] = set()
        self.faults = {id(r): FaultyTransport(random.Random(rng.random()), rate=0.2)
                       for r in self.reps}
        self.counts: dict[str, int] = {}
        # laptops' clocks disagree by up to a day
        self.offsets = {id(r): rng.randint(-12, 12) * 3_600_000 for r in self.reps}
        for r in self.reps:
            self.skew(r)

    def skew(self, rep) -> None:
        offset = self.offsets[id(rep)]
        rep.store.clock = hlc.Clock(rep.store.node_id, rep.store.clock.last,
                                    wall=lambda: hlc.physical_ms() + offset)

    # -- what was written locally (the outbox holds every local write until acknowledged) --
    def capture(self, rep) -> None:
        with rep.store.read() as s:
            for ob in s.scalars(select(Outbox)):
                if ob.op_id in self.seen_ops:
                    continue
                self.seen_ops.add(ob.op_id)
                for f, v in ob.changes.items():
                    key = (ob.entity, ob.record_id, f)
                    if key not in self.written or self.written[key][0] < ob.hlc:
                        self.written[key] = (ob.hlc, v)

    def live(self, rep, model) -> list[str]:
        with rep.store.read() as s:
            return list(s.scalars(select(model.id).where(
                model.deleted.is_(False), model.merged_into.is_(None)).order_by(model.id)))

    # -- operations -------------------------------------------------------------------------
    def op_create(self, rep) -> None:
        rng = self.rng
        with rep.store.write() as tx:
            if rng.random() < 0.3 or not self.live(rep, Company):
                companies.create(tx, CompanyDraft(name=f"Co {rng.randrange(10**6)}",
                                                  address=f"{rng.randrange(999)} Road"))
            else:
                co = rng.choice(self.live(rep, Company)) if rng.random() < 0.8 else None
                n = rng.randrange(10**6)
                contacts.create(tx, ContactDraft(
                    name=f"Person {n}", emails=[Email(f"p{n}@x{n % 7}.com")],
                    phones=[Phone(f"+86 138 {n % 10000:04d} {n % 9999:04d}", "mobile")]), co)

    def op_edit(self, rep) -> None:
        rng = self.rng
        if rng.random() < 0.5 and (ids := self.live(rep, Contact)):
            field, value = rng.choice([
                ("title", f"T{rng.randrange(50)}"), ("note", f"N{rng.randrange(10**6)}"),
                ("name", f"Renamed {rng.randrange(10**6)}"),
                ("tags", [f"t{rng.randrange(5)}"]),
                ("emails", [{"address": f"e{rng.randrange(999)}@y.com", "kind": "work"}]),
            ])
            with rep.store.write() as tx:
                contacts.update(tx, rng.choice(ids), **{field: value})
        elif ids := self.live(rep, Company):
            field, value = rng.choice([("name", f"Co {rng.randrange(10**6)}"),
                                       ("note", f"N{rng.randrange(999)}"),
                                       ("address", f"{rng.randrange(999)} Avenue")])
            with rep.store.write() as tx:
                companies.update(tx, rng.choice(ids), **{field: value})

    def op_delete(self, rep) -> None:
        model = self.rng.choice([Contact, Company])
        if ids := self.live(rep, model):
            with rep.store.write() as tx:
                records.delete(tx, model.__tablename__, self.rng.choice(ids))

    def op_merge(self, rep) -> None:
        model = self.rng.choice([Contact, Company])
        ids = self.live(rep, model)
        if len(ids) >= 2:
            keep, lose = self.rng.sample(ids, 2)
            with rep.store.write() as tx:
                records.update(tx, model.__tablename__, lose, {"merged_into": keep})

    def op_note(self, rep) -> None:
        if ids := self.live(rep, Contact):
            with rep.store.write() as tx:
                activities.create(tx, "note", body=f"note {self.rng.randrange(10**6)}",
                                  contact_id=self.rng.choice(ids))

    def op_sync(self, rep) -> None:
        die_at = self.rng.choice([None, None, None, "push-answered", "pull-applying"])

        def checkpoint(where: str) -> None:
            if where == die_at and self.rng.random() < 0.5:
                raise Killed(where)

        try:
            rep.sync(transport=self.faults[id(rep)], retries=3, checkpoint=checkpoint,
                     batch_size=self.rng.choice([5, 50, 500]),
                     page_size=self.rng.choice([7, 100, 2000]))
        except SyncError:
            self.counts["offline"] = self.counts.get("offline", 0) + 1
        except Killed:
            self.counts["killed"] = self.counts.get("killed", 0) + 1
            rep.reopen()
            self.skew(rep)

    def op_restart(self, _rep) -> None:
        self.hq.restart()

    def run(self, n: int) -> None:
        ops = [(self.op_create, 20), (self.op_edit, 25), (self.op_delete, 4), (self.op_merge, 4),
               (self.op_note, 8), (self.op_sync, 30), (self.op_restart, 1)]
        funcs, weights = zip(*ops, strict=True)
        for _ in range(n):
            rep = self.rng.choice(self.reps)
            op = self.rng.choices(funcs, weights)[0]
            # e.g. a reference that another op removed: the write did not happen
            with contextlib.suppress(ServiceError):
                op(rep)
            self.counts[op.__name__] = self.counts.get(op.__name__, 0) + 1
            self.capture(rep)

    def settle(self) -> None:
        for _ in range(3):
            for rep in self.reps:
                rep.sync(retries=3)

    def check(self) -> None:
        assert_converged(self.hq, *self.reps)
        server = service.snapshot(self.hq.db)
        for (entity, rid, field), (stamp, value) in self.written.items():
            state = server.get((entity, rid), {})
            assert field in state, f"{entity} {rid} {field} never reached HQ"
            got_value, got_stamp = state[field]
            assert got_stamp >= stamp, f"{entity}.{field} lost a newer write"
            if got_stamp == stamp:
                assert json.dumps(got_value, sort_keys=True) == json.dumps(value, sort_keys=True)
            else:  # only HQ's own merge repairs may be newer than every replica's write
                assert got_stamp.split(".")[2].startswith(("hq", *self.nodes())), got_stamp

    def nodes(self) -> tuple[str, ...]:
        return tuple(r.store.node_id for r in self.reps)


@pytest.mark.slow
def test_random_operations_with_faults_converge(hq, replicas):
    model = Model(hq, replicas, random.Random(SEED))
    model.run(OPS)
    model.settle()
    model.check()
    # the run really exercised what it claims
    assert model.counts.get("op_sync", 0) > 100 and model.counts.get("op_merge", 0) > 5
    injected = {k: sum(f.injected[k] for f in model.faults.values())
                for k in FaultyTransport.FAULTS}
    assert all(injected.values()), injected
    assert model.counts.get("killed", 0) > 0 and model.counts.get("op_restart", 0) > 0
