"""The local store: one SQLite file, opened safely, migrated by Alembic, written in transactions
that record every field change for sync.

    store = Store.open(path)
    with store.write() as tx:          # one transaction; rolled back on any exception
        contacts.create(tx, draft)
    with store.read() as session:      # read-only
        contacts.get(session, cid)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import locale
import logging
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app import hlc, search
from app.ids import new_id
from app.models import Meta

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_HEADER = b"SQLite format 3\x00"
# Per-connection page cache (KiB when negative). The GUI holds a few pooled connections; 16 MB
# each keeps a 100,000-contact file's hot pages (FTS, list indexes) without bloating RSS.
CACHE_KIB = 16384
_REVISION = re.compile(r"""^(down_)?revision\s*=\s*["']([^"']+)["']""", re.M)


class StoreError(Exception):
    """A problem with the database file that the user can act on; str() is the message."""


class NotADatabaseError(StoreError):
    pass


class NewerSchemaError(StoreError):
    pass


class StoreBusy(StoreError):
    """Another program kept the database's one writer for longer than SQLite waits."""


BUSY_TIMEOUT_S = 30  # how long a write waits for another program's transaction to end


def default_user_db() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("Satchel", appauthor=False)) / "satchel.sqlite3"


def default_region() -> str:
    """Phone region for numbers written without a country code: from the user's locale."""
    lang = (locale.getlocale()[0] or "")
    region = lang.split("_")[1][:2].upper() if "_" in lang else ""
    return region if len(region) == 2 and region.isalpha() else "US"


def _check_file(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite (or WAL set-up) can touch it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a Satchel database. Choose a file.")
    with path.open("rb") as f:
        head = f.read(16)
    if head != SQLITE_HEADER:
        raise NotADatabaseError(
            f"{path} is not a Satchel database (not an SQLite file). It was left untouched; "
            "open another file or start a new database."
        )


def schema_revisions() -> tuple[set[str], str]:
    """(every revision this app knows, the head), read from the migration files without
    importing Alembic (36 MB and ~0.2 s that an already current file never needs)."""
    known: set[str] = set()
    parents: set[str] = set()
    for f in (MIGRATIONS / "versions").glob("*.py"):
        for down, rev in _REVISION.findall(f.read_text(encoding="utf-8")):
            (parents if down else known).add(rev)
    heads = known - parents
    return known, (heads.pop() if len(heads) == 1 else "")


def _current_revision(conn) -> str | None:
    con = conn.connection.driver_connection
    if con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                   "AND name = 'alembic_version'").fetchone() is None:
        return None
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _migrate(conn, path: Path) -> None:
    """Bring the file to this app's schema with Alembic (imported only when needed)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(conn))
    head = script.get_current_head()
    current = MigrationContext.configure(conn).get_current_revision()
    known = {s.revision for s in script.walk_revisions()}
    if current is not None and current not in known:
        raise NewerSchemaError(
            f"{path} was written by a newer version of Satchel (schema {current}). "
            "It was left untouched; update Satchel to open it."
        )
    if current != head:
        command.upgrade(_alembic_config(conn), "head")
        if current is not None:  # an existing file: fresh planner statistics for the new schema
            conn.exec_driver_sql("ANALYZE")


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


class Tx:
    """One write transaction. Services call `record` for every record they change."""

    def __init__(self, store: Store, session: Session) -> None:
        self.store = store
        self.session = session
        self.touched: set[str] = set()

    @property
    def region(self) -> str:
        return self.store.region

    def new_stamp(self) -> str:
        return self.store.clock.now().encode()

    def record(self, entity: str, record_id: str, changes: dict[str, Any],
               stamp: str | None = None, clocks: bool = True) -> str | None:
        """Append these field changes to the outbox (one op, one stamp) and, unless the caller
        already did, stamp the record's per-field clocks. Returns the stamp (None: no changes).
        """
        if not changes:
            return None
        stamp = stamp or self.new_stamp()
        con = self.session.connection().connection.driver_connection
        if clocks:
            con.execute(f"UPDATE {entity} SET clocks = json_patch(clocks, ?) WHERE id = ?",
                        (json.dumps(dict.fromkeys(changes, stamp)), record_id))
        con.execute(OUTBOX_INSERT, outbox_row(entity, record_id, stamp, changes))
        self.touched.add(entity)
        return stamp


OUTBOX_INSERT = "INSERT INTO outbox (op_id, entity, record_id, hlc, changes) VALUES (?, ?, ?, ?, ?)"


def outbox_row(entity: str, record_id: str, stamp: str, changes: dict[str, Any]) -> tuple:
    """The parameters of OUTBOX_INSERT for one operation (one stamp, these field changes)."""
    return (new_id(), entity, record_id, stamp, _changes_json(changes))


def jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _iso(value: Any) -> Any:
    """The encoder's fallback, asked only for values JSON has no form for: a date's ISO text."""
    out = jsonable(value)
    if out is value:
        raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")
    return out


# built once (an import writes thousands of ops); dates as `jsonable` writes them, without a
# copy of the changes
_changes_json = json.JSONEncoder(ensure_ascii=False, default=_iso).encode


class Store:
    def __init__(self, path: Path, engine: Engine, region: str) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._listeners: list[Callable[[set[str]], None]] = []
        self._write_lock = threading.RLock()  # SQLite has one writer; queue ours in-process
        self._waiting = 0  # writers blocked on it (`write_wanted`)
        self._waiting_lock = threading.Lock()
        with self._sessions() as s:
            meta = {m.key: m.value for m in s.scalars(select(Meta))}
        self.node_id = meta.get("node_id", "")
        last = hlc.Stamp.decode(meta["hlc_last"]) if meta.get("hlc_last") else hlc.ZERO
        self.clock = hlc.Clock(self.node_id, last)
        self.region = region or meta.get("region") or default_region()

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, region: str | None = None) -> Store:
        path = Path(path).expanduser()
        _check_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "checkin", _on_checkin)
        event.listen(engine, "close", _on_close)
        try:
            with engine.begin() as conn:
                known, head = schema_revisions()
                current = _current_revision(conn)
                if current is not None and current not in known:
                    raise NewerSchemaError(
                        f"{path} was written by a newer version of Satchel (schema {current}). "
                        "It was left untouched; update Satchel to open it."
                    )
                if current != head or not head:
                    _migrate(conn, path)
                _ensure_identity(conn)
        except StoreError:
            engine.dispose()
            raise
        except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
            engine.dispose()
            raise NotADatabaseError(
                f"{path} could not be read as a Satchel database ({_reason(exc)}). It was left "
                "untouched; restore it from a backup or start a new database."
            ) from exc
        from app.dedup.store_index import attach  # (the matcher builds on the store)

        attach(engine)  # its listeners now, before any other thread connects (see attach)
        return cls(path, engine, region or "")

    def close(self) -> None:
        self.engine.dispose()  # each connection runs PRAGMA optimize as it closes

    # -- transactions --------------------------------------------------------------------
    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            session.info["region"] = self.region
            yield session

    @contextlib.contextmanager
    def write(self, *, checkpoint_later: bool = False) -> Iterator[Tx]:
        """`checkpoint_later`: the commit does not copy the write-ahead log into the database
        file, however much this transaction wrote; the caller runs `checkpoint` when it suits
        it (an import's commit would wait ~0.2 s for that after 10,000 records; the app shows
        the report first)."""
        with self._writer(), self._sessions() as session:
            session.info["region"] = self.region
            session.info["writes"] = True  # (the matcher's index catches up as it begins)
            tx = Tx(self, session)
            if checkpoint_later:
                _no_checkpoint_until_checkin(session)
            try:
                yield tx
                if tx.touched:
                    session.merge(Meta(key="hlc_last", value=self.clock.last.encode()))
                search.write_later(session)
                session.commit()
            except BaseException as exc:
                session.rollback()
                if _locked(exc):
                    raise StoreBusy(
                        "The database is busy: another program is writing to it (the Satchel "
                        "app showing an import's preview, the command line, a second Satchel). "
                        "Nothing was changed. Finish or cancel that, then try again.") from exc
                raise
        if tx.touched:
            self._notify(tx.touched)

    @contextlib.contextmanager
    def _writer(self) -> Iterator[None]:
        """The in-process write lock; a writer that has to wait for it is counted while it
        waits (`write_wanted`)."""
        if not self._write_lock.acquire(blocking=False):
            with self._waiting_lock:
                self._waiting += 1
            try:
                self._write_lock.acquire()
            finally:
                with self._waiting_lock:
                    self._waiting -= 1
        try:
            yield
        finally:
            self._write_lock.release()

    def write_wanted(self) -> bool:
        """Whether another writer of this process waits for the transaction in progress: the
        app's import preview, held open until the rep answers, gives way to it
        (`ui.importing.worker`)."""
        return self._waiting > 0

    def checkpoint(self) -> None:
        """Copy what the write-ahead log holds into the database file, without waiting for
        readers or blocking them (SQLite's passive checkpoint; a commit usually does it)."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except (DatabaseError, sqlite3.Error) as exc:  # the next commit's checkpoint will do
            log.warning("checkpoint of %s failed: %s", self.path, _reason(exc))

    def subscribe(self, callback: Callable[[set[str]], None]) -> None:
        """`callback(entities)` runs after every committed write that touched those entities."""
        self._listeners.append(callback)

    def unsubscribe(self, callback: Callable[[set[str]], None]) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(callback)

    def _notify(self, touched: set[str]) -> None:
        for cb in list(self._listeners):
            try:
                cb(set(touched))
            except Exception:  # a broken listener must not undo a committed write
                log.exception("store listener failed")

    # -- settings ------------------------------------------------------------------------
    def get_meta(self, key: str, default: str = "") -> str:
        with self.read() as s:
            row = s.get(Meta, key)
            return row.value if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self._writer(), self._sessions.begin() as s:
            s.merge(Meta(key=key, value=value))


def _locked(exc: BaseException) -> bool:
    """SQLite's "database is locked": another connection's transaction outlasted the wait."""
    cause = getattr(exc, "orig", exc)
    return isinstance(cause, sqlite3.OperationalError) and "locked" in str(cause)


def _reason(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc)) or exc.__class__.__name__
    return text.splitlines()[0]


def _on_connect(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cur.execute("PRAGMA analysis_limit=1000")  # ANALYZE / optimize sample, fast on 1M rows
    cur.close()


_AUTOCHECKPOINT = "satchel_autocheckpoint"  # pool record info: the setting to give back


def _no_checkpoint_until_checkin(session: Session) -> None:
    """No automatic checkpoint at this session's commit: its connection's setting is kept and
    given back when the pool takes the connection back (`_on_checkin`, in this thread), so no
    other transaction ever gets it without."""
    fairy = session.connection().connection
    con = fairy.driver_connection
    fairy.info.setdefault(_AUTOCHECKPOINT,
                          con.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    con.execute("PRAGMA wal_autocheckpoint=0")


def _on_checkin(dbapi_conn, record) -> None:
    if dbapi_conn is not None and _AUTOCHECKPOINT in record.info:
        dbapi_conn.execute(f"PRAGMA wal_autocheckpoint={int(record.info.pop(_AUTOCHECKPOINT))}")


def _on_close(dbapi_conn, _record) -> None:
    """SQLite's advice: PRAGMA optimize before closing a connection. It refreshes planner
    statistics only for tables this connection's queries found lacking or stale; usually a no-op."""
    with contextlib.suppress(Exception):
        dbapi_conn.execute("PRAGMA optimize")


def _ensure_identity(conn) -> None:
    """Each database file is one sync replica with its own node id (for HLC stamps)."""
    row = conn.execute(select(Meta.value).where(Meta.key == "node_id")).first()
    if row is None:
        conn.execute(insert(Meta).values(key="node_id", value=secrets.token_hex(4)))
