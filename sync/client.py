"""The sync client: push the outbox in batches, pull pages, keep the cursor.

    client = SyncClient(store, "https://hq.example.com", token)
    report = client.sync()

Safe to kill at any point: outbox rows are removed only after HQ answered for them (a retried
batch gets the same answer), and each pulled page is applied together with its cursor in one
local transaction. Network errors are retried with backoff, then reported as "offline" with
nothing lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import httpx
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app import hlc
from app.models import ENTITIES, Conflict, Meta, Outbox
from app.services import rows
from app.store import Store
from sync import protocol as P
from sync.apply import apply_changes, stub_everything_settled

log = logging.getLogger(__name__)

META_SERVER = "sync.server"
META_TOKEN = "sync.token"
META_CURSOR = "sync.cursor"
META_LAST_SYNC = "sync.last_sync"
META_LAST_ERROR = "sync.last_error"


class SyncError(Exception):
    """A sync problem; str() says what happened and what to do. Nothing local was lost."""

    status: int | None = None  # HQ's HTTP status, when HQ refused the request


class SyncOffline(SyncError):
    pass


class SyncAuthError(SyncError):
    pass


class SyncProtocolError(SyncError):
    pass


class SyncCancelled(SyncError):
    pass


@dataclass
class SyncReport:
    pushed: int = 0  # changes HQ took
    duplicates: int = 0
    superseded: int = 0
    rejected: int = 0
    pulled: int = 0  # changes applied locally
    removed: int = 0
    conflicts: int = 0
    reset: bool = False
    cursor: int = 0
    pending: int = 0
    seconds: float = 0.0
    rejected_reasons: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def pending_count(store: Store) -> int:
    """Local writes not yet acknowledged by HQ."""
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(Outbox)) or 0


class SyncClient:
    def __init__(
        self,
        store: Store,
        server: str,
        token: str,
        *,
        transport: httpx.BaseTransport | None = None,
        batch_size: int = 1000,
        page_size: int = P.MAX_PAGE,  # fewer, larger local transactions: a faster first sync
        retries: int = 5,
        backoff: float = 0.5,
        timeout: float = 60.0,
        cancel: threading.Event | None = None,
        progress: Callable[[str, int], None] | None = None,
        checkpoint: Callable[[str], None] | None = None,
    ) -> None:
        server = server.strip().rstrip("/")
        if not server.startswith(("http://", "https://")):
            raise SyncError(f"The HQ address {server!r} must start with http:// or https://.")
        self.store = store
        self.server = server
        self.protocol = P.PROTOCOL_VERSION
        self.batch_size = min(batch_size, P.MAX_BATCH)
        self.page_size = min(page_size, P.MAX_PAGE)
        self.retries = retries
        self.backoff = backoff
        self.cancel = cancel or threading.Event()
        self.progress = progress or (lambda phase, n: None)
        # called at the points where a crash matters (tests kill the process there)
        self.checkpoint = checkpoint or (lambda where: None)
        self.http = httpx.Client(
            base_url=server, transport=transport, timeout=timeout,
            headers={"Authorization": f"Bearer {token.strip()}",
                     "User-Agent": f"Satchel-sync/{P.PROTOCOL_VERSION}"})

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- HTTP with retries -------------------------------------------------------------------
    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        delay = self.backoff
        last = ""
        for attempt in range(self.retries + 1):
            if self.cancel.is_set():
                raise SyncCancelled("Sync cancelled; nothing was lost.")
            try:
                r = self.http.post(path, json=body)
            except httpx.TransportError as exc:
                last = f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__
            else:
                if r.status_code < 400:
                    try:
                        return r.json()
                    except ValueError:
                        last = "HQ sent an unreadable answer"
                else:
                    message = _message(r)
                    if r.status_code == 401:
                        raise SyncAuthError(f"HQ refused the device token: {message}")
                    if r.status_code == 426:
                        raise SyncProtocolError(message)
                    if r.status_code not in (408, 429, 500, 502, 503, 504):
                        err = SyncError(f"HQ refused the request ({r.status_code}): {message}")
                        err.status = r.status_code
                        raise err
                    last = f"HQ answered {r.status_code}: {message}"
            if attempt < self.retries:
                log.info("sync %s failed (%s); retrying in %.1fs", path, last, delay)
                if self.cancel.wait(delay):
                    raise SyncCancelled("Sync cancelled; nothing was lost.")
                delay = min(delay * 2, 30.0)
        raise SyncOffline(f"Cannot reach HQ at {self.server} ({last}). Your changes are kept "
                          "and will be sent at the next sync.")

    # -- the whole round ---------------------------------------------------------------------
    def sync(self) -> SyncReport:
        started = time.monotonic()
        report = SyncReport()
        try:
            self.push(report)
            self.pull(report)
        except SyncError as exc:
            self.store.set_meta(META_LAST_ERROR, str(exc))
            raise
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.store.set_meta(META_LAST_SYNC, now)
        self.store.set_meta(META_LAST_ERROR, "")
        report.pending = pending_count(self.store)
        report.cursor = self.cursor()
        report.seconds = round(time.monotonic() - started, 3)
        return report

    def cursor(self) -> int:
        return int(self.store.get_meta(META_CURSOR, "0") or 0)

    # -- push --------------------------------------------------------------------------------
    def _next_batch(self) -> tuple[list[str], list[dict[str, Any]]]:
        op_ids: list[str] = []
        changes: list[dict[str, Any]] = []
        with self.store.read() as s:
            for ob in s.scalars(select(Outbox).order_by(Outbox.seq).limit(self.batch_size)):
                if changes and len(changes) + len(ob.changes) > self.batch_size:
                    break
                op_ids.append(ob.op_id)
                for f, v in ob.changes.items():
                    changes.append({"change_id": f"{ob.op_id}/{f}", "entity": ob.entity,
                                    "record_id": ob.record_id, "field": f, "value": v,
                                    "hlc": ob.hlc})
        return op_ids, changes

    def push(self, report: SyncReport | None = None) -> SyncReport:
        report = report or SyncReport()
        while True:
            op_ids, changes = self._next_batch()
            if not op_ids:
                return report
            # same content → same id: a batch resent after a lost answer is answered as before
            batch_id = hashlib.sha256(
                json.dumps(changes, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
            answer = self._post("/v1/push", {
                "protocol": self.protocol, "batch_id": batch_id,
                "cursor": self.cursor(), "changes": changes})
            self.checkpoint("push-answered")
            self._acknowledge(op_ids, changes, answer, report)
            self.progress("push", report.pushed + report.duplicates + report.superseded)

    def _acknowledge(self, op_ids: list[str], changes: list[dict], answer: dict,
                     report: SyncReport) -> None:
        sent = {c["change_id"]: c for c in changes}
        with self.store.write() as tx:
            s = tx.session
            for res in answer.get("results", []):
                c = sent.get(res.get("change_id"))
                if c is None:
                    continue
                status = res.get("status")
                stored = res.get("hlc")
                rec = None  # loaded only when needed: most answers are a plain "accepted"
                if c["entity"] in ENTITIES and (
                        status == "superseded" or (stored and stored != c["hlc"])):
                    rec = rows.load(s, c["entity"], c["record_id"])
                local = rec["clocks"].get(c["field"]) if rec is not None else None
                if status in ("accepted", "duplicate"):
                    report.pushed += status == "accepted"
                    report.duplicates += status == "duplicate"
                    if stored and stored != c["hlc"] and local == c["hlc"]:
                        # HQ clamped a far-future stamp: keep ours equal to HQ's
                        rows.dbapi(s).execute(
                            f"UPDATE {c['entity']} SET clocks = json_set(clocks, ?, ?) "
                            "WHERE id = ?", (f'$."{c["field"]}"', stored, c["record_id"]))
                elif status == "superseded":
                    report.superseded += 1
                    if rec is not None and local == c["hlc"]:
                        _add_conflict(s, c["entity"], rec, c["field"], local,
                                      res.get("current_value"), res.get("current_hlc") or "")
                        report.conflicts += 1
                else:
                    report.rejected += 1
                    reason = f"{c['entity']} {c['record_id']} {c['field']}: {res.get('reason')}"
                    report.rejected_reasons.append(reason)
                    log.warning("HQ rejected a change: %s", reason)
            s.execute(delete(Outbox).where(Outbox.op_id.in_(op_ids)))
            self._observe(s, answer.get("server_hlc"))

    def _observe(self, s: Session, server_hlc: str | None) -> None:
        if server_hlc:
            try:
                self.store.clock.observe(hlc.Stamp.decode(server_hlc))
            except ValueError:
                return
            s.merge(Meta(key="hlc_last", value=self.store.clock.last.encode()))

    # -- pull --------------------------------------------------------------------------------
    def pull(self, report: SyncReport | None = None) -> SyncReport:
        report = report or SyncReport()
        page = self._fetch(self.cursor())
        while True:
            if page.get("reset"):
                if report.reset:
                    raise SyncError("HQ asked twice for a full resync; try again later.")
                self._reset()
                report.reset = True
                page = self._fetch(0)
                continue
            ahead = None
            if page.get("more"):
                # fetch the next page while this one is applied (HQ and SQLite work at once);
                # only an applied page moves the stored cursor, so a crash loses nothing
                ahead = _Prefetch(self._fetch, int(page["cursor"]))
            try:
                self._apply(page, report)
            except BaseException:
                if ahead is not None:
                    ahead.result(discard=True)
                raise
            self.progress("pull", report.pulled)
            if ahead is None:
                return report
            page = ahead.result()

    def _fetch(self, cursor: int) -> dict[str, Any]:
        try:
            return self._post("/v1/pull", {"protocol": self.protocol, "cursor": cursor,
                                           "limit": self.page_size})
        except SyncError as exc:
            if exc.status != 422 or self.page_size <= P.COMPAT_PAGE:
                raise
            # an HQ from before pages grew: ask again with the page size it knows
            log.info("HQ refused pages of %s changes; using %s", self.page_size, P.COMPAT_PAGE)
            self.page_size = P.COMPAT_PAGE
            return self._fetch(cursor)

    def _apply(self, page: dict, report: SyncReport) -> None:
        changes = page.get("changes") or []
        with _cycle_gc_paused(), self.store.write() as tx:
            stats = apply_changes(tx.session, changes, self.store.node_id)
            tx.session.merge(Meta(key=META_CURSOR, value=str(int(page["cursor"]))))
            # our next edit must be later than every value we have seen, HQ's clock or not
            newest = max((c.get("hlc") or "" for c in changes), default="")
            self._observe(tx.session, max(newest, page.get("server_hlc") or ""))
            tx.touched.update(e for e, _ in stats.records)
            self.checkpoint("pull-applying")
        report.pulled += stats.applied
        report.removed += stats.removed
        report.conflicts += stats.conflicts

    def _reset(self) -> None:
        """HQ no longer has the history after our cursor: rebuild from its full state,
        keeping every record with pending local changes as it is."""
        log.warning("HQ asked for a full resync (cursor %s too old)", self.cursor())
        with self.store.write() as tx:
            n = stub_everything_settled(tx.session)
            tx.session.merge(Meta(key=META_CURSOR, value="0"))
            if n:
                tx.touched.update(ENTITIES)


_gc_lock = threading.Lock()
_gc_pause = {"depth": 0, "was_enabled": False}  # shared by sync threads (the bench runs 20)


@contextlib.contextmanager
def _cycle_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a page is applied. A page makes hundreds of
    thousands of short-lived objects (freed by reference counting anyway), and each burst sets
    off collections that walk every live object of the app: a fifth of a 100,000-record first
    sync. Cycles made meanwhile are collected once it runs again."""
    with _gc_lock:
        if _gc_pause["depth"] == 0:
            _gc_pause["was_enabled"] = gc.isenabled()
            gc.disable()
        _gc_pause["depth"] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pause["depth"] -= 1
            if _gc_pause["depth"] == 0 and _gc_pause["was_enabled"]:
                gc.enable()


class _Prefetch:
    """One request running in a helper thread; result() re-raises its error here."""

    def __init__(self, fn: Callable[[int], dict[str, Any]], arg: int) -> None:
        self._value: dict[str, Any] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(fn, arg), daemon=True)
        self._thread.start()

    def _run(self, fn: Callable[[int], dict[str, Any]], arg: int) -> None:
        try:
            self._value = fn(arg)
        except BaseException as exc:  # handed to the caller's thread
            self._error = exc

    def result(self, discard: bool = False) -> dict[str, Any]:
        self._thread.join()
        if self._error is not None and not discard:
            raise self._error
        return self._value or {}


def _message(r: httpx.Response) -> str:
    try:
        body = r.json()
        return str(body.get("error") or body.get("detail") or body)
    except ValueError:
        return r.text[:200] or r.reason_phrase


def _add_conflict(s: Session, entity: str, rec: dict[str, Any], fname: str, local_hlc: str,
                  remote_value: Any, remote_hlc: str) -> None:
    exists = s.scalar(select(Conflict.id).where(
        Conflict.record_id == rec["id"], Conflict.field == fname,
        Conflict.local_hlc == local_hlc))
    if exists is None:
        s.add(Conflict(entity=entity, record_id=rec["id"], field=fname,
                       local_value=rows.current(rec, fname), local_hlc=local_hlc,
                       remote_value=remote_value, remote_hlc=remote_hlc))
