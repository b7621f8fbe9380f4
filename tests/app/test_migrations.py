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


def test_upgrade_reads_extensions_into_a_phones_identity(db_path):
    """0004: a number with an extension is another number than its switchboard (colleagues
    were one person), and one written with 转 is read at all: found by the import's rule
    and by search."""
    from app.services import contacts

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0003")
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('node_id', 'abcd1234'), "
                          "('region', 'CN')"))
        for cid, name in (("c1", "王小明"), ("c2", "Ann Auer"), ("c3", "前台")):
            conn.execute(text(
                "INSERT INTO contact (id, clocks, deleted, created_at, updated_at, name, "
                "sort_name, family_name, given_name, title, department, company_id, address, "
                "note, websites, tags) VALUES (:id, '{}', 0, '2026-01-01', '2026-01-01', :name, "
                ":name, '', '', '', '', NULL, '', '', '[]', '[]')"), {"id": cid, "name": name})
        # as 0003's code wrote them: 转 not read, the extension left out of the E.164 form
        for cid, number, e164, tail, digits in (
                ("c1", "0755-8601 3388 转 808", "", "3388808", "075586013388808"),
                ("c2", "+49 30 1234567 ext. 12", "+49301234567", "1234567", "49301234567"),
                ("c3", "0755 8601 3388", "+8675586013388", "6013388", "8675586013388")):
            conn.execute(text("INSERT INTO contact_phone (contact_id, position, kind, number, "
                              "e164, tail) VALUES (:c, 0, 'work', :n, :e, :t)"),
                         {"c": cid, "n": number, "e": e164, "t": tail})
            conn.execute(text("INSERT INTO search_doc (kind, record_id) VALUES ('contact', :c)"),
                         {"c": cid})
            conn.execute(text(
                "INSERT INTO search_fts (rowid, name, company, title, emails, phones, notes) "
                "SELECT rowid, :name, '', '', '', :d, '' FROM search_doc WHERE record_id = :c"),
                {"c": cid, "name": cid, "d": digits})
    engine.dispose()

    store = Store.open(db_path)
    with store.read() as s:
        assert contacts.find_by_phone(s, "+86 755 86013388 ext. 808") == ["c1"]
        assert contacts.find_by_phone(s, "+49 30 1234567") == []  # the switchboard: not Ann
        assert contacts.find_by_phone(s, "+49 30 1234567 x12") == ["c2"]
        assert contacts.find_by_phone(s, "0755 8601 3388") == ["c3"]
        assert [h.id for h in search.search(s, "+86 755 8601 3388")] in (["c1", "c3"],
                                                                         ["c3", "c1"])
    store.close()
