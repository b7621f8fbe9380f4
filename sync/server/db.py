"""HQ database: URL handling, engines and Alembic migrations.

PostgreSQL (psycopg 3) for real use; an SQLite file is the embedded default for a one-machine
trial. On SQLite, write transactions start with BEGIN IMMEDIATE so pushes queue instead of
failing; on PostgreSQL they serialize on the hq_counter row (see service.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


class HqDatabaseError(Exception):
    """A database problem the operator can act on; str() says what to do."""


def default_db_url() -> str:
    env = os.environ.get("SATCHEL_HQ_DB")
    if env:
        return normalize_url(env)
    import platformdirs

    path = Path(platformdirs.user_data_dir("Satchel HQ", appauthor=False)) / "hq.sqlite3"
    return f"sqlite:///{path}"


def normalize_url(text: str) -> str:
    """Accept a SQLAlchemy URL, a postgresql:// URL (→ psycopg 3) or a plain file path."""
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    if text.startswith(("postgresql://", "postgres://")):
        text = "postgresql+psycopg://" + text.split("://", 1)[1]
    try:
        make_url(text)
    except ArgumentError as exc:
        raise HqDatabaseError(f"Not a database URL: {text} ({exc}).") from None
    return text


@dataclass
class Database:
    url: str
    engine: Engine  # reads (and PostgreSQL writes)
    write_engine: Engine

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def read(self) -> Session:
        return self._read_sessions()

    def write(self) -> Session:
        return self._write_sessions()

    def __post_init__(self) -> None:
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self.write_engine, expire_on_commit=False)

    def dispose(self) -> None:
        self.engine.dispose()
        if self.write_engine is not self.engine:
            self.write_engine.dispose()


def _sqlite_engine(url: str, begin: str) -> Engine:
    path = make_url(url).database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _rec) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql(begin)

    return engine


def connect(url: str | None = None, *, migrate: bool = False) -> Database:
    url = normalize_url(url) if url else default_db_url()
    if url.startswith("sqlite"):
        db = Database(url, _sqlite_engine(url, "BEGIN"), _sqlite_engine(url, "BEGIN IMMEDIATE"))
    else:
        engine = create_engine(url, pool_size=10, max_overflow=30, pool_pre_ping=True)
        db = Database(url, engine, engine)
    try:
        with db.write_engine.begin() as conn:
            _check_schema(conn, migrate)
    except HqDatabaseError:
        db.dispose()
        raise
    except Exception as exc:  # connection refused, bad credentials, not a database...
        db.dispose()
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()
        raise HqDatabaseError(
            f"Cannot open the HQ database {_safe(url)}: {reason[0] if reason else exc}. "
            "Check the --db URL and that the server is running."
        ) from exc
    return db


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _config(conn: Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def _check_schema(conn: Connection, migrate: bool) -> None:
    script = ScriptDirectory.from_config(_config(conn))
    head = script.get_current_head()
    current = MigrationContext.configure(conn).get_current_revision()
    known = {s.revision for s in script.walk_revisions()}
    if current is not None and current not in known:
        raise HqDatabaseError(
            f"The HQ database has schema {current}, newer than this satchel-hq. Update it.")
    if current != head:
        if not migrate:
            raise HqDatabaseError(
                "The HQ database is not initialised or is out of date: run `satchel-hq init` "
                "with the same --db.")
        command.upgrade(_config(conn), "head")
