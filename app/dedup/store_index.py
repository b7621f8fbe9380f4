"""The matcher's in-memory index over one store's companies, kept in step with every write.

Why in memory: matching one company against 100,000 must take milliseconds, with blocking keys
(name words, transliteration, CJK bigrams …) that SQL indexes cannot express.

How it stays fresh: writes go through raw SQL on the session's connection (services and sync
alike), so each connection gets TEMP triggers (never stored in the user's file) that call back
into Python with the company id an INSERT/UPDATE touched, including e-mail changes of its
people. Ids touched inside a transaction that is still open are matched from a small per-
connection overlay (so an import finds the companies it created a moment ago); after commit
the shared index takes them over from the overlay (re-reading those written since the overlay
last read them), after rollback they are forgotten (the shared index never saw them).
An import tells the index itself what each record changes, as it queues it (`created`,
`joined`), and writes its batches with the triggers quiet (`writing`).
Rows inserted by another process are picked up by rowid; edits made by another process while
this one runs appear after a restart.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app import normalize
from app.dedup import saved_features
from app.dedup.blocking import CompanyIndex
from app.dedup.features import CompanyFeatures, CompanyRecord, features_many
from app.dedup.scoring import PairScore
from app.domain import Pickled
from app.services import rows

_FN = "satchel_dedup_touch"
_TRIGGERS = {
    "satchel_dedup_company_ins": "AFTER INSERT ON main.company BEGIN SELECT {fn}(NEW.id); END",
    "satchel_dedup_company_upd": "AFTER UPDATE ON main.company BEGIN SELECT {fn}(NEW.id); END",
    "satchel_dedup_email_ins": "AFTER INSERT ON main.contact_email BEGIN SELECT {fn}("
                               "(SELECT company_id FROM main.contact WHERE id = NEW.contact_id)); END",
    "satchel_dedup_email_del": "AFTER DELETE ON main.contact_email BEGIN SELECT {fn}("
                               "(SELECT company_id FROM main.contact WHERE id = OLD.contact_id)); END",
    "satchel_dedup_contact_upd": "AFTER UPDATE OF company_id, deleted, merged_into ON main.contact "
                                 "BEGIN SELECT {fn}(OLD.company_id); SELECT {fn}(NEW.company_id); END",
}

_ON_INSERT = ("satchel_dedup_company_ins", "satchel_dedup_email_ins")


class _Pending:
    """Company ids written on one DBAPI connection in its open transaction."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.stale: set[str] = set()  # written since the overlay last read them
        self.created: set[str] = set()  # told by `created` (an import's new companies)
        self.overlay = CompanyIndex()


class StoreIndex:
    def __init__(self, engine: Engine) -> None:
        self.lock = threading.RLock()
        self.index: CompanyIndex | None = None
        self.dirty: set[str] = set()  # committed (or rolled back) writes not yet re-read
        self.max_rowid = 0
        self.region = "US"
        self.pending: dict[int, _Pending] = defaultdict(_Pending)
        self.saved = saved_features.path_beside(engine.url.database)  # features kept there
        # committed transactions with an overlay to take over at the next refresh, and the id
        # of a company each created (`_take_committed`)
        self.committed: list[tuple[_Pending, str]] = []
        # connection → whether its triggers were there as its open transaction began
        self.checked: dict[int, bool] = {}
        event.listen(engine, "connect", self._on_connect)
        event.listen(engine, "commit", self._on_commit)
        event.listen(engine, "rollback", self._on_rollback)
        # idle pooled connections were opened before our hook: let the pool open new ones
        engine.pool.dispose()

    # -- triggers and transaction ends ---------------------------------------------------------
    def _on_connect(self, dbapi_con: Any, _record: Any) -> None:
        self._install(dbapi_con)

    def _install(self, con: Any) -> None:
        key = id(con)

        def touch(company_id: str | None) -> None:
            if company_id:
                with self.lock:
                    p = self.pending[key]
                    p.ids.add(company_id)
                    p.stale.add(company_id)

        con.create_function(_FN, 1, touch)
        _create_triggers(con)

    def ensure_installed(self, con: Any) -> None:
        # a TEMP trigger created inside a transaction that rolled back is gone again: check.
        # Found at the start of a transaction, they were made before it and stay to its end
        # (an import matches 10,000 times in one)
        key = id(con)
        if self.checked.get(key):
            return
        found = con.execute("SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' "
                            "AND name LIKE 'satchel_dedup_%'").fetchone()[0]
        if found != len(_TRIGGERS):
            self._install(con)
            if con.in_transaction:  # made inside it: a rollback may take them again
                self.checked[key] = False
        elif con.in_transaction and key not in self.checked:
            self.checked[key] = True

    def _on_commit(self, conn: Any) -> None:
        """The transaction's writes are the store's now: the shared index takes them over at
        its next refresh (`_take_committed`)."""
        p = self._end(conn)
        if p is None:
            return
        # a company the transaction created, as its overlay holds it: being in the store
        # after the commit event (which comes before the commit) shows the commit happened
        probe = next((cid for cid in p.created if cid in p.overlay.feats
                      and cid not in p.stale), None)
        with self.lock:
            if probe is None:  # nothing to take over (most transactions): re-read
                self.dirty |= p.ids
            else:
                self.committed.append((p, probe))

    def _on_rollback(self, conn: Any) -> None:
        """Its writes are gone, and the shared index never saw them (they were matched from
        the transaction's overlay): nothing to re-read. (An import's preview rolls back ~10,000
        new and changed companies.)"""
        self._end(conn)

    def _end(self, conn: Any) -> _Pending | None:
        dbapi_con = conn.connection.driver_connection
        with self.lock:
            self.checked.pop(id(dbapi_con), None)
            return self.pending.pop(id(dbapi_con), None)

    # -- reading -----------------------------------------------------------------------------
    def _load(self, con: Any, ids: list[str] | None = None, after_rowid: int | None = None,
              skip: set[str] | frozenset = frozenset()
              ) -> tuple[list[CompanyFeatures], list[str], int]:
        """Features of live companies (all, these ids, or rows after a rowid, less `skip`); ids
        that are gone."""
        sql = ("SELECT rowid, id, name, address, phone, website, deleted, merged_into "
               "FROM company")
        args: tuple = ()
        if ids is not None:
            sql += f" WHERE id IN ({','.join('?' * len(ids))})"
            args = tuple(ids)
        elif after_rowid is not None:
            sql += " WHERE rowid > ?"
            args = (after_rowid,)
        found = con.execute(sql, args).fetchall()
        everything = ids is None and after_rowid is None
        saved, mail = saved_features.load(self.saved, self.region) if everything else ({}, {})
        normalize.learn_company_domains(mail)
        seen: set[str] = set()
        domains = _email_domains(con, None if everything else [r[1] for r in found], seen)
        live, gone, max_rowid = [], [], 0
        for rowid, cid, name, address, phone, website, deleted, merged in found:
            max_rowid = max(max_rowid, rowid)
            if cid in skip:
                continue
            if deleted or merged:
                gone.append(cid)
                continue
            live.append(CompanyRecord(cid, name or "", address or "", phone or "",
                                      website or "", tuple(domains.get(cid, ()))))
        if ids is not None:
            read = {r[1] for r in found}
            gone.extend(i for i in ids if i not in read)
        if not everything:
            return features_many(live, self.region), gone, max_rowid
        feats, worked = saved_features.features(live, self.region, saved)
        if max(worked, len(seen - mail.keys())) >= saved_features.SAVE_MIN:
            saved_features.save(self.saved, self.region, live, feats, seen)
        return feats, gone, max_rowid

    def _catch_up(self, con: Any) -> None:
        """The shared index takes in what was committed since it last looked (under `lock`)."""
        taken = self._take_committed(con)
        p = self.pending.get(id(con))
        own = p.ids if p else set()
        todo = self.dirty - own
        if todo:
            self._apply(self.index, *self._load(con, list(todo))[:2])
            self.dirty -= todo
        # rows inserted by another process; none can be while this connection's write
        # transaction is open (SQLite's write lock), so an import does not ask each time
        newest = 0 if own else con.execute("SELECT max(rowid) FROM company").fetchone()[0] or 0
        if newest > self.max_rowid:
            # this connection's own uncommitted rows belong to its overlay only (they join the
            # shared index after commit, `_take_committed`): an import's thousands of new
            # companies are then scanned once per match, not twice. Those just taken over or
            # re-read (this process's own commits, new rows among them) are not read again
            feats, gone, _ = self._load(con, after_rowid=self.max_rowid, skip=own | todo | taken)
            self._apply(self.index, feats, gone)
            self.max_rowid = newest

    def catch_up(self, conn: Any) -> None:
        """A write transaction begins (`_writer_begins`): the shared index takes in what others
        committed now, before it writes. Once it has touched a company, the index cannot read
        that company's committed row (the transaction's own writes hide it), and what it then
        held of it (a name's count, the blocks) would depend on when the transaction's first
        match came: an import decided otherwise with its reading process, which asks at once,
        than without. (Not as a read begins: after an import, the window's next read would
        take in its 10,000 companies.)"""
        if self.index is None:
            return
        with self.lock:
            self._catch_up(conn.connection.driver_connection)

    def refresh(self, session: Session, region: str) -> tuple[CompanyIndex, CompanyIndex, set[str]]:
        """The shared index (fresh), this connection's overlay of uncommitted writes and the
        ids it holds (the caller reads them under `lock` and must not change them)."""
        con = rows.dbapi(session)
        self.ensure_installed(con)
        with self.lock:
            if self.index is None or region != self.region:
                self.region = region
                feats, _, self.max_rowid = self._load(con)
                self.index = CompanyIndex(feats)
                self.index.prepare()
                self.dirty.clear()
                self.committed.clear()
            self._catch_up(con)
            p = self.pending.get(id(con))
            if p is None:
                return self.index, CompanyIndex(), set()
            if p.stale:
                stale = list(p.stale)
                self._apply(p.overlay, *self._load(con, stale)[:2])
                p.stale.clear()
            return self.index, p.overlay, p.ids  # (not copied: an import's holds thousands)

    def created(self, session: Session, f: CompanyFeatures) -> None:
        """A company this connection's transaction creates (an import queues its new ones and
        writes them in batches, `writing`), with the features of its row: matched from the
        overlay at once. Its people's e-mail domains come with `joined`; other changes (an
        update of its row) are re-read after their trigger as usual."""
        con = rows.dbapi(session)
        with self.lock:
            p = self.pending[id(con)]
            p.ids.add(f.id)
            p.created.add(f.id)
            p.overlay.add(f)
            p.stale.discard(f.id)

    def joined(self, session: Session, company_id: str, domains: set[str]) -> None:
        """New people with e-mail addresses join this company; an import queues them and writes
        them later, in a batch (`writing`). The company is matched from this transaction's
        overlay from now on, with their domains (`email_company_domain`), as the trigger on
        their e-mail rows would have it after a write of each person on its own: which
        companies the overlay holds changes what a match finds (a name's count, the blocks)."""
        con = rows.dbapi(session)
        with self.lock:
            self._into_overlay(self.pending[id(con)], company_id, domains)

    @contextlib.contextmanager
    def writing(self, session: Session, touched: dict[str, set[str]]) -> Iterator[None]:
        """An import writes a batch of rows it built itself (new companies, new people), inside
        its transaction, and says which companies the batch touches (`touched`: company id →
        the domains of the batch's new people's e-mail addresses there). The insert triggers
        are dropped meanwhile (a batch only inserts), and those companies get the features a
        re-read would give, those they had plus the new domains, instead of being read again
        (re-reading each batch's ~500 companies was ~5 % of an import, the triggers' calls
        another 4 %). Dropped, not only kept from calling us: SQLite runs every insert into a
        table with a trigger with a statement journal, a copy of each page it changes (~90,000
        pages, ~2 % of a 10,000-record import). Inside the transaction: a rollback brings them
        back too."""
        con = rows.dbapi(session)
        self.ensure_installed(con)
        for name in _ON_INSERT:  # (a batch only inserts)
            con.execute(f"DROP TRIGGER IF EXISTS temp.{name}")
        try:
            yield
        finally:
            _create_triggers(con)
        with self.lock:
            p = self.pending[id(con)]
            for cid, domains in touched.items():
                self._into_overlay(p, cid, domains)

    def _into_overlay(self, p: _Pending, cid: str, domains: set[str]) -> None:
        """`cid` into the overlay with these e-mail domains added, as a trigger and a re-read
        would have it; one this transaction wrote otherwise and the overlay has not read since
        is read again."""
        found = {normalize.company_domain(d) for d in domains} - {""}  # (as features)
        if cid in p.overlay.feats and cid not in p.stale:  # the overlay's, as it stands
            f = p.overlay.feats[cid]
            if found <= f.domains:
                return
        elif cid not in p.ids and not (self.committed or cid in self.dirty) \
                and self.index is not None and cid in self.index.feats:
            f = self.index.feats[cid]  # a stored company, as the store holds it
            p.ids.add(cid)
        else:  # not known as it stands: read again, as after a trigger
            p.ids.add(cid)
            p.stale.add(cid)
            return
        p.overlay.add(f if found <= f.domains
                      else f.with_domains(f.domains | found))

    def _take_committed(self, con: Any) -> set[str]:
        """Committed transactions' companies into the shared index; returns the ids taken over.
        A transaction's overlay holds its companies as they are in the store, except those
        written since it last read them (`stale`): those are re-read, the rest taken over (an
        import's 10,000 new companies would otherwise all be read again). The commit event
        comes before the commit: where its probe company is not in the store, the commit failed
        and everything is re-read."""
        taken: set[str] = set()
        for p, probe in self.committed:
            if con.execute("SELECT 1 FROM company WHERE id = ?", (probe,)).fetchone() is None:
                self.dirty |= p.ids
                continue
            for cid in p.ids - p.stale:
                f = p.overlay.feats.get(cid)
                if f is None:  # deleted or merged in that transaction
                    self.index.remove(cid)
                else:
                    self.index.add(f)
            self.dirty |= p.stale
            taken |= p.ids - p.stale
        self.committed.clear()
        return taken

    def reread(self, session: Session, company_id: str) -> None:
        """Read this company again before the next match (a savepoint that created or changed
        it was rolled back: no trigger tells)."""
        con = rows.dbapi(session)
        with self.lock:
            p = self.pending[id(con)]
            p.ids.add(company_id)
            p.stale.add(company_id)

    @staticmethod
    def _apply(index: CompanyIndex, feats: list[CompanyFeatures], gone: list[str]) -> None:
        for f in feats:
            index.add(f)
        for cid in gone:
            index.remove(cid)


def _create_triggers(con: Any) -> None:
    for name, body in _TRIGGERS.items():
        con.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS {name} {body.format(fn=_FN)}")


def _email_domains(con: Any, company_ids: list[str] | None, seen: set[str] | None = None
                   ) -> dict[str, set[str]]:
    """Company id → the company domains of its people's e-mail addresses (free-mail left out);
    `seen` gathers the addresses' domains."""
    sql = ("SELECT c.company_id, e.address_norm FROM contact_email e "
           "JOIN contact c ON c.id = e.contact_id WHERE NOT c.deleted AND c.merged_into IS NULL "
           "AND c.company_id IS NOT NULL")
    args: tuple = ()
    if company_ids is not None:
        if not company_ids:
            return {}
        sql += f" AND c.company_id IN ({','.join('?' * len(company_ids))})"
        args = tuple(company_ids)
    out: dict[str, set[str]] = defaultdict(set)
    for cid, address in con.execute(sql, args):
        mail = mail_domain(address or "")
        if seen is not None:
            seen.add(mail)
        domain = normalize.company_domain(mail)
        if domain:
            out[cid].add(domain)
    return out


def email_company_domain(address_norm: str) -> str:
    """The company domain a person's (normalized) e-mail address gives their company."""
    return normalize.company_domain(mail_domain(address_norm))


def mail_domain(address_norm: str) -> str:
    """normalize.email_domain of an address already normalized, without its cache (which the
    100,000 addresses of a store's index build would fill: ~16 MB)."""
    return address_norm.rpartition("@")[2] if "@" in address_norm else ""


_INDEXES: weakref.WeakKeyDictionary[Engine, StoreIndex] = weakref.WeakKeyDictionary()
_GLOBAL = threading.Lock()


@event.listens_for(Session, "after_begin")
def _writer_begins(session: Session, _transaction: Any, conn: Any) -> None:
    if session.info.get("writes"):  # (app.store.Store.write)
        idx = _INDEXES.get(conn.engine)
        if idx is not None:
            idx.catch_up(conn)


def store_index(session: Session) -> StoreIndex:
    idx = session.info.get(_SESSION_KEY)  # (an import asks ~30,000 times)
    if idx is None:
        engine = session.get_bind()
        idx = session.info[_SESSION_KEY] = attach(getattr(engine, "engine", engine))
    return idx


def attach(engine: Engine) -> StoreIndex:
    """The engine's index, made (its listeners registered) on the first call. Store.open calls
    this before any other thread connects: SQLAlchemy's listener lists are not locked, so a
    listener added while another thread connects failed that connect ("deque mutated during
    iteration": an import's worker made the index while the window read the store)."""
    with _GLOBAL:
        idx = _INDEXES.get(engine)
        if idx is None:
            idx = _INDEXES[engine] = StoreIndex(engine)
    return idx


_SESSION_KEY = "store_index"


@dataclass(frozen=True)
class Prematch(Pickled):
    """A company draft's features and its matches in the shared index, worked out ahead of
    the import that saves it (app.io.ahead, in another process). While an import's
    transaction is open the shared index does not change (SQLite's write lock keeps other
    writers out; the import's own writes go to its overlay), so these are the matches
    `match_features` would find there; it still leaves out the companies the import has
    written since (they are matched in the overlay as they now are)."""

    features: CompanyFeatures
    stored: list[tuple[str, PairScore]]


def match_features(session: Session, f: CompanyFeatures, region: str,
                   exclude: set[str] | None = None,
                   stored: list[tuple[str, PairScore]] | None = None
                   ) -> list[tuple[str, PairScore]]:
    """Companies in the store that are "same" or "maybe" for these features, best first.
    `stored`: the shared index's matches, worked out ahead (`Prematch`)."""
    idx = store_index(session)
    main, overlay, own = idx.refresh(session, region)
    with idx.lock:
        if stored is None:
            found = dict(main.match(f, exclude=own | exclude if exclude else own))
        else:
            found = {cid: s for cid, s in stored
                     if cid not in own and not (exclude and cid in exclude)}
        found.update(overlay.match(f, exclude=exclude))
    found.pop(f.id, None)
    return sorted(found.items(), key=lambda t: (t[1].decision != "same", -t[1].score, t[0]))


def all_features(session: Session, region: str) -> list[CompanyFeatures]:
    """Every live company's features (for a full dedupe), from the fresh index."""
    idx = store_index(session)
    main, overlay, own = idx.refresh(session, region)
    with idx.lock:
        feats = {k: v for k, v in main.feats.items() if k not in own}
        feats.update(overlay.feats)
    return list(feats.values())
