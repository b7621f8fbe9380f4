"""Opening, migrating and refusing database files."""

import hashlib
import sqlite3

import pytest
from sqlalchemy import text

from app.domain import CompanyDraft
from app.services import companies
from app.store import NewerSchemaError, NotADatabaseError, Store, schema_revisions


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_with_wal_and_foreign_keys(db_path):
    store = Store.open(db_path)
    with store.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == schema_revisions()[1]
    assert len(store.node_id) == 8
    store.close()


def test_data_survives_reopen_and_clock_moves_forward(db_path):
    store = Store.open(db_path)
    with store.write() as tx:
        cid = companies.create(tx, CompanyDraft("Acme"))
    last = store.clock.last
    node = store.node_id
    store.close()
    again = Store.open(db_path)
    assert again.node_id == node
    assert again.clock.last == last  # never reuses a stamp after restart
    with again.read() as s:
        assert companies.get(s, cid).name == "Acme"
    again.close()


def test_text_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database\n" * 10)
    before = _digest(path)
    with pytest.raises(NotADatabaseError, match="not a Satchel database"):
        Store.open(path)
    assert _digest(path) == before
    assert not (tmp_path / "notes.sqlite3-wal").exists()


def test_corrupt_sqlite_file_is_refused_and_untouched(db_path):
    Store.open(db_path).close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page, keep the header
    db_path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    before = _digest(db_path)
    with pytest.raises(NotADatabaseError, match="could not be read"):
        Store.open(db_path)
    assert _digest(db_path) == before


def test_newer_schema_is_refused_and_untouched(db_path):
    Store.open(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = _digest(db_path)
    with pytest.raises(NewerSchemaError, match="newer version of Satchel"):
        Store.open(db_path)
    assert _digest(db_path) == before


def test_failed_write_leaves_database_as_it_was(store):
    with store.write() as tx:
        companies.create(tx, CompanyDraft("Kept"))
    with pytest.raises(RuntimeError), store.write() as tx:
        companies.create(tx, CompanyDraft("Lost"))
        raise RuntimeError("boom")
    with store.read() as s:
        assert [c.name for c in companies.list_all(s)] == ["Kept"]
        assert s.execute(text("SELECT count(*) FROM outbox")).scalar() == 1
        assert s.execute(text("SELECT count(*) FROM search_doc")).scalar() == 1


def test_listeners_hear_committed_writes_only(store):
    heard = []
    store.subscribe(heard.append)
    with store.write() as tx:
        companies.create(tx, CompanyDraft("Acme"))
    with pytest.raises(ValueError), store.write() as tx:
        companies.create(tx, CompanyDraft("Nope"))
        raise ValueError
    assert heard == [{"company"}]


def _write_pages(store, checkpoint_later: bool):
    """A transaction writing ~6 MB (more than SQLite's 1,000-page automatic checkpoint)."""
    from app.models import Meta
    from app.services import rows

    with store.write(checkpoint_later=checkpoint_later) as tx:
        tx.session.merge(Meta(key="bulk", value="x" * 6_000_000))
        tx.session.flush()
        return rows.dbapi(tx.session)


def test_a_big_commit_checkpoints_unless_told_to_leave_it_for_later(tmp_path):
    early, late = Store.open(tmp_path / "early.db"), Store.open(tmp_path / "late.db")
    try:
        _write_pages(early, checkpoint_later=False)
        assert early.path.stat().st_size > 6_000_000  # copied into the file at commit
        small = late.path.stat().st_size
        con = _write_pages(late, checkpoint_later=True)
        assert late.path.stat().st_size == small  # committed, still only in the log
        # the connection went back to the pool with SQLite's setting back: the next writer
        # that gets it checkpoints as usual
        assert con.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        with late.read() as s:  # committed all the same
            assert len(s.execute(text("SELECT value FROM meta WHERE key = 'bulk'")).scalar()) \
                == 6_000_000
        late.checkpoint()
        assert late.path.stat().st_size > 6_000_000
    finally:
        early.close()
        late.close()


def test_a_writer_that_waits_is_known_to_the_one_writing(store):
    """`write_wanted`: what lets the app's held import preview give way (ui.importing.worker)."""
    import threading

    holding, release = threading.Event(), threading.Event()
    seen = []

    def hold() -> None:
        with store.write() as tx:
            companies.create(tx, CompanyDraft("Held Ltd"))
            holding.set()
            release.wait(20)
            seen.append(store.write_wanted())

    first = threading.Thread(target=hold)
    first.start()
    assert holding.wait(20)
    assert not store.write_wanted()  # nobody waits yet
    second = threading.Thread(target=lambda: store.set_meta("waiting", "yes"))
    second.start()
    for _ in range(400):
        if store.write_wanted():
            break
        threading.Event().wait(0.01)
    release.set()
    first.join(20)
    second.join(20)
    assert seen == [True] and not store.write_wanted()
    assert store.get_meta("waiting") == "yes"
