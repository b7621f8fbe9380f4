"""A file made by the first schema revision upgrades with its data intact and searchable."""

from alembic import command
from sqlalchemy import create_engine, text

from app import search
from app.store import Store, _alembic_config, schema_revisions


def test_upgrade_from_first_revision_backfills_search(db_path):
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('node_id', 'abcd1234')"))
        conn.execute(text(
            "INSERT INTO company (id, clocks, deleted, created_at, updated_at, name, name_key, "
            "address, phone, phone_e164, website, domain, note, tags) VALUES ('co1', '{}', 0, "
            "'2026-01-01', '2026-01-01', '上海电气集团', '上海电气', '上海市', '', '', '', '', '', '[]')"))
        conn.execute(text(
            "INSERT INTO contact (id, clocks, deleted, created_at, updated_at, name, sort_name, "
            "family_name, given_name, title, department, company_id, address, note, websites, tags)"
            " VALUES ('c1', '{}', 0, '2026-01-01', '2026-01-01', '李娜', '李娜', '', '', '经理', '',"
            " 'co1', '', '', '[]', '[]')"))
        conn.execute(text(
            "INSERT INTO contact_phone (contact_id, position, kind, number, e164, tail) VALUES "
            "('c1', 0, 'mobile', '139 1234 5678', '+8613912345678', '2345678')"))
    engine.dispose()

    store = Store.open(db_path, region="CN")
    with store.read() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == schema_revisions()[1]
        assert [h.id for h in search.search(s, "李娜")] == ["c1"]
        assert [h.id for h in search.search(s, "139-1234-5678")] == ["c1"]
        assert {h.id for h in search.search(s, "上海电气")} == {"co1", "c1"}
    store.close()


def test_head_read_from_files_is_alembics_head(db_path):
    """Store.open skips Alembic for a current file; its idea of the head must be Alembic's."""
    from alembic.script import ScriptDirectory

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        script = ScriptDirectory.from_config(_alembic_config(conn))
        known, head = schema_revisions()
        assert head == script.get_current_head()
        assert known == {s.revision for s in script.walk_revisions()}
    engine.dispose()


def test_live_contact_lists_use_the_partial_indexes(store):
    """contacts.ids and count, with and without a company, read an index in order (no sort,
    no walk over every contact)."""
    from sqlalchemy.dialects import sqlite

    from app.models import Contact
    from app.services import contacts

    count_q = contacts._live_ids().where(Contact.company_id == "x")
    count_sql = str(count_q.compile(dialect=sqlite.dialect(),
                                    compile_kwargs={"literal_binds": True}))
    with store.read() as s:
        con = s.connection().connection.driver_connection
        for sql, args, index in ((contacts.IDS_SQL, (), "ix_contact_live_order"),
                                 (contacts.COMPANY_IDS_SQL, ("x",), "ix_contact_live_company"),
                                 (count_sql, (), "ix_contact_live_company")):
            plan = " ".join(r[3] for r in con.execute("EXPLAIN QUERY PLAN " + sql, args))
            assert index in plan and "TEMP B-TREE" not in plan, plan
