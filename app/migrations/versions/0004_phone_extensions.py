"""phone identity: a number's extension is part of it, and Chinese extension words are read

Revision ID: 0004
Revises: 0003

contact_phone.e164 held the E.164 form without the extension, so colleagues behind one
switchboard ("+49 30 1234567 ext. 12", "ext. 13") were one person to the import and to the
matcher; it holds `normalize.phone_key` now ("+49301234567;ext=12"). Numbers written with
转 / 分机 ("0755-8601 3388 转 808") were not read at all: no E.164, the extension inside their
last seven digits, and a search by the number found nothing. Only the numbers that can hold an
extension are re-read: those with a character that is no digit, space, '+', '-', '(' or ')'.

The phone region is the one the app starts with (the locale's, as `Store` picks it). A number
already read keeps its E.164 form and only gains its extension, whatever the region; one read
for the first time is written as this region reads it.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_MAY_HOLD_AN_EXTENSION = "GLOB '*[^0-9 +()-]*'"


def upgrade() -> None:
    from app import normalize
    from app.search import _phone_digits
    from app.store import default_region

    con = op.get_bind()
    row = con.exec_driver_sql("SELECT value FROM meta WHERE key = 'region'").fetchone()
    region = (row[0] if row else "") or default_region()
    reread: set[str] = set()  # contacts whose numbers are read anew: their search entries too
    for rowid, contact_id, number, old, tail in con.exec_driver_sql(
            "SELECT rowid, contact_id, number, e164, tail FROM contact_phone "
            f"WHERE number {_MAY_HOLD_AN_EXTENSION}").fetchall():
        ext = normalize.phone_extension(number, region)
        if old:
            key, new_tail = (f"{old};ext={ext}" if ext and ";ext=" not in old else old), tail
        else:
            key = normalize.phone_key(number, region)
            new_tail = normalize.national_digits(number, region)[-7:]
            if key:
                reread.add(contact_id)
        if (key, new_tail) != (old, tail):
            con.exec_driver_sql("UPDATE contact_phone SET e164 = ?, tail = ? WHERE rowid = ?",
                                (key, new_tail, rowid))
    for contact_id in reread:
        numbers = [n for (n,) in con.exec_driver_sql(
            "SELECT number FROM contact_phone WHERE contact_id = ? ORDER BY position",
            (contact_id,))]
        _search_phones(con, contact_id, " ".join(_phone_digits(n, region) for n in numbers))
    for company_id, phone in con.exec_driver_sql(
            "SELECT id, phone FROM company WHERE phone_e164 = '' AND phone "
            f"{_MAY_HOLD_AN_EXTENSION}").fetchall():
        e164 = normalize.phone_e164(phone, region)
        if e164:
            con.exec_driver_sql("UPDATE company SET phone_e164 = ? WHERE id = ?",
                                (e164, company_id))
            _search_phones(con, company_id, _phone_digits(phone, region))


def _search_phones(con, record_id: str, phones: str) -> None:
    con.exec_driver_sql(
        "UPDATE search_fts SET phones = ? WHERE rowid = "
        "(SELECT rowid FROM search_doc WHERE record_id = ?)", (phones, record_id))


def downgrade() -> None:
    """The extension taken off again (the numbers read anew stay read)."""
    op.execute("UPDATE contact_phone SET e164 = substr(e164, 1, instr(e164, ';ext=') - 1) "
                "WHERE instr(e164, ';ext=') > 0")
