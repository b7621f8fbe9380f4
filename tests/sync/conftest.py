"""Sync tests run through real HTTP: HQ (uvicorn, in a thread) on a free loopback port, over
the embedded SQLite file and over a real PostgreSQL database created and dropped per test."""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import select

from app import hlc
from app.models import ENTITIES
from app.services import rows
from app.services.fields import SYNC_FIELDS
from app.store import Store
from sync.apply import STUB
from sync.client import SyncClient
from sync.server import service
from sync.server.app import create_app
from sync.server.db import connect

PG_URL = os.environ.get("SATCHEL_TEST_PG_URL", "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hq:
    """A real HQ server on 127.0.0.1; restart() keeps its database and port."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.db = connect(url, migrate=True)
        self.port = free_port()
        self.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        config = uvicorn.Config(create_app(self.db), host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("HQ did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)

    def restart(self) -> None:
        self.stop()
        self.db.dispose()
        self.db = connect(self.url)
        self.start()

    def token(self, name: str, team: str = "default", admin: bool = False) -> str:
        return service.add_rep(self.db, name, team, admin)

    def close(self) -> None:
        self.stop()
        self.db.dispose()


def _pg_database():
    import psycopg

    name = f"satchel_test_{uuid.uuid4().hex[:10]}"
    admin = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = admin.rsplit("/", 1)[0]

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"{base}/{name}", drop


@pytest.fixture
def pg_url():
    if not PG_URL:
        pytest.skip("SATCHEL_TEST_PG_URL is not set: no PostgreSQL server to test HQ against")
    url, drop = _pg_database()
    yield url
    drop()


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def hq_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture
def hq(hq_url):
    server = Hq(hq_url)
    yield server
    server.close()


@pytest.fixture
def sqlite_hq(tmp_path):
    server = Hq(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    yield server
    server.close()


_last_ms = 0
_wall_lock = threading.Lock()


def _next_ms() -> int:
    """The replicas' wall clock: never the same millisecond twice, in any of a test's replicas.
    A test's edits follow one another within a millisecond on a fast machine, and HLC orders
    edits of one millisecond by node id (random): "the later edit wins" would then hold only
    half the time. (Reps' laptops are seconds apart; the clock still reads real time.)"""
    global _last_ms
    with _wall_lock:
        _last_ms = max(hlc.physical_ms(), _last_ms + 1)
        return _last_ms


def ordered_clock(store: Store) -> Store:
    """Give a test's store the replicas' wall clock (above), so its edits and those of the
    test's other stores are ordered as they were made."""
    store.clock = hlc.Clock(store.node_id, store.clock.last, wall=_next_ms)
    return store


def _open(path: Path, region: str) -> Store:
    return ordered_clock(Store.open(path, region=region))


class Replica:
    """One rep's laptop: its own store file and device token."""

    def __init__(self, hq: Hq, path: Path, token: str, region: str = "CN") -> None:
        self.hq, self.path, self.token, self.region = hq, path, token, region
        self.store = _open(path, region)

    def client(self, **kw: Any) -> SyncClient:
        kw.setdefault("retries", 2)
        kw.setdefault("backoff", 0.01)
        return SyncClient(self.store, self.hq.base_url, self.token, **kw)

    def sync(self, **kw: Any):
        with self.client(**kw) as c:
            return c.sync()

    def reopen(self) -> None:
        self.store.close()
        self.store = _open(self.path, self.region)

    def close(self) -> None:
        self.store.close()


@pytest.fixture
def replicas(hq, tmp_path):
    made: list[Replica] = []

    def make(name: str, team: str = "default", admin: bool = False) -> Replica:
        r = Replica(hq, tmp_path / f"{name}.sqlite3", hq.token(name, team, admin))
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()


def local_state(store: Store) -> dict[tuple[str, str], dict[str, tuple[Any, str]]]:
    """Every visible-to-sync record's stamped fields: {(entity, id): {field: (value, hlc)}}."""
    out: dict[tuple[str, str], dict[str, tuple[Any, str]]] = {}
    with store.read() as s:
        for entity, model in ENTITIES.items():
            for rid in s.scalars(select(model.id)):
                rec = rows.load(s, entity, rid)
                clocks = rec["clocks"]
                if STUB in clocks or not clocks:
                    continue
                out[(entity, rid)] = {f: (rows.current(rec, f), h) for f, h in clocks.items()
                                      if f in SYNC_FIELDS[entity]}
    return out


def assert_converged(hq: Hq, *reps: Replica, team: str | None = None) -> None:
    server = service.snapshot(hq.db, team)
    for r in reps:
        assert local_state(r.store) == server, f"replica {r.path.name} differs from HQ"
