"""search index: FTS5 (trigram) over contacts, companies, opportunities and activities

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # search_doc maps a record to the FTS rowid, so one record's entry can be replaced in place.
    op.execute(
        "CREATE TABLE search_doc (rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "record_id TEXT NOT NULL UNIQUE)"
    )
    # trigram: Chinese and any other script match by substring; phones hold bare digits.
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "name, company, title, emails, phones, notes, tokenize='trigram')"
    )
    # Trigrams need 3 characters, but Chinese words are often 2 (王伟, 采购): CJK characters
    # and bigrams are indexed as whole tokens here, filled by app.search.reindex.
    op.execute("CREATE VIRTUAL TABLE search_cjk USING fts5(grams, tokenize='unicode61')")
    # Backfill what a 0001 database already holds (the services keep it current from now on).
    op.execute(
        "INSERT INTO search_doc (kind, record_id) "
        "SELECT 'contact', id FROM contact WHERE NOT deleted "
        "UNION ALL SELECT 'company', id FROM company WHERE NOT deleted "
        "UNION ALL SELECT 'opportunity', id FROM opportunity WHERE NOT deleted "
        "UNION ALL SELECT 'activity', id FROM activity WHERE NOT deleted"
    )
    op.execute(
        """
        INSERT INTO search_fts (rowid, name, company, title, emails, phones, notes)
        SELECT d.rowid, c.name, coalesce(co.name, ''), c.title || ' ' || c.department,
               coalesce((SELECT group_concat(e.address_norm, ' ') FROM contact_email e
                         WHERE e.contact_id = c.id), ''),
               coalesce((SELECT group_concat(replace(p.e164, '+', ''), ' ') FROM contact_phone p
                         WHERE p.contact_id = c.id), ''),
               c.note
        FROM search_doc d JOIN contact c ON c.id = d.record_id
        LEFT JOIN company co ON co.id = c.company_id
        UNION ALL
        SELECT d.rowid, co.name, '', co.website, co.domain, replace(co.phone_e164, '+', ''),
               co.address || ' ' || co.note
        FROM search_doc d JOIN company co ON co.id = d.record_id
        UNION ALL
        SELECT d.rowid, o.title, '', o.stage, '', '', o.note
        FROM search_doc d JOIN opportunity o ON o.id = d.record_id
        UNION ALL
        SELECT d.rowid, a.subject, '', a.kind, '', '', a.body
        FROM search_doc d JOIN activity a ON a.id = d.record_id
        """
    )


    from app.search import cjk_grams  # same rule as live indexing

    bind = op.get_bind()
    rows = bind.exec_driver_sql(
        "SELECT rowid, name || ' ' || company || ' ' || title || ' ' || notes FROM search_fts"
    ).fetchall()
    bind.exec_driver_sql(
        "INSERT INTO search_cjk (rowid, grams) VALUES (?, ?)",
        [(rowid, cjk_grams(text)) for rowid, text in rows],
    ) if rows else None


def downgrade() -> None:
    op.execute("DROP TABLE search_cjk")
    op.execute("DROP TABLE search_fts")
    op.execute("DROP TABLE search_doc")
