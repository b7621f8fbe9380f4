"""An import taken back (`run_import(undoable=True)` → `journal.undo`): every live record, field
and photo as before the import; what was edited since keeps the edit; HQ hears of it through
the outbox like any edit."""

import pytest
from sqlalchemy import text

from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.io.apply import run_import
from app.services import companies, contacts, journal, rows
from app.services.fields import SYNC_FIELDS

ALL = ["outlook_21_gbk_qp.vcf", "apple_30.vcf", "google_30_bom.vcf", "evolution_40.vcf",
       "big5_21.vcf", "ios_30.vcf", "android_21_qp.vcf", "google.csv", "outlook_en.csv",
       "outlook_zh_gbk.csv", "icloud.csv", "thunderbird.csv", "generic_zh_utf16.tsv",
       "thunderbird.ldif", "accounts.csv"]


def live(store) -> dict:
    """Every live contact and company with its synced fields, and their photos."""
    out = {}
    with store.read() as s:
        con = rows.dbapi(s)
        for entity in ("contact", "company"):
            ids = [i for (i,) in con.execute(
                f"SELECT id FROM {entity} WHERE NOT deleted AND merged_into IS NULL")]
            for i, rec in rows.load_many(s, entity, ids).items():
                out[i] = {f: rec[f] for f in SYNC_FIELDS[entity]}
        out["photos"] = sorted(s.execute(text(
            "SELECT a.owner_id, a.kind, a.mime, a.data FROM attachment a JOIN contact c "
            "ON c.id = a.owner_id WHERE NOT c.deleted AND c.merged_into IS NULL")).all())
    return out


def undo(store, report) -> journal.Undone:
    assert report.journal
    with store.write() as tx:
        return journal.undo(tx, report.journal)


@pytest.fixture
def known(store, fx):
    """A rep's book before the import: some of the files' people, a company, edits."""
    run_import(store, [str(fx(n)) for n in ALL[::3]])
    with store.write() as tx:
        contacts.create(tx, ContactDraft(name="Ada Lovelace", emails=[Email("ada@example.org")]))
        companies.create(tx, CompanyDraft("Analytical Engines Ltd"))
    return store


def test_every_file_imported_over_a_book_and_taken_back_leaves_the_book_as_it_was(known, fx):
    before = live(known)
    report = run_import(known, [str(fx(n)) for n in ALL], undoable=True, tags=["Fair 2026"])
    assert report.created and report.updated  # new people and companies, and stored ones filled
    assert live(known) != before
    done = undo(known, report)
    assert live(known) == before
    new_people = sum(1 for x, a in zip(report.records, report.about, strict=True)
                     if x["action"] == "created" and a.kind == "contact")
    assert done.deleted["contact"] == new_people
    assert done.deleted["company"] > report.created - new_people  # their new companies too
    assert done.restored["contact"] >= 1 and done.kept_later_edits == 0
    # and the same files import again as they did the first time
    assert run_import(known, [str(fx(n)) for n in ALL]).created == report.created


def test_a_field_edited_after_the_import_keeps_the_edit(store, tmp_path):
    with store.write() as tx:
        ada = contacts.create(tx, ContactDraft(name="Ada Lovelace",
                                               emails=[Email("ada@example.org")]))
    book = tmp_path / "fair.vcf"
    book.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nTITLE:CTO\r\n"
                    "EMAIL:ada@example.org\r\nTEL;TYPE=CELL:+44 7700 900123\r\nEND:VCARD\r\n"
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\n"
                    "EMAIL:grace@example.org\r\nEND:VCARD\r\n", encoding="utf-8")
    report = run_import(store, [str(book)], undoable=True)
    assert (report.created, report.updated) == (1, 1)
    with store.write() as tx:  # the rep corrects the title the import brought
        contacts.update(tx, ada, title="Chief Technology Officer")
    done = undo(store, report)
    assert done.kept_later_edits == 1 and done.restored["contact"] == 1
    with store.read() as s:
        v = contacts.get(s, ada)
        assert (v.title, v.phones) == ("Chief Technology Officer", [])
        assert [contacts.get(s, i).name for i in contacts.ids(s)] == ["Ada Lovelace"]


def test_a_photo_the_import_replaced_comes_back(store, fx):
    with store.write() as tx:
        cid = contacts.create(tx, ContactDraft(name="Placeholder"))
    r = run_import(store, [str(fx("apple_30.vcf"))])
    person = r.records[0]["id"]
    with store.write() as tx:
        contacts.attach(tx, person, "photo", b"\x89PNG old", "image/png")
        contacts.detach(tx, cid, "photo")
    before = live(store)
    report = run_import(store, [str(fx("apple_30.vcf"))], undoable=True)
    assert report.updated == 1 and live(store) != before  # the card's photo again
    undo(store, report)
    assert live(store) == before


def test_the_undo_reaches_hq_as_edits(store, tmp_path):
    book = tmp_path / "one.csv"
    book.write_text("Name,E-mail,Company\nLi Na,li@example.cn,Example Trading\n",
                    encoding="utf-8")
    report = run_import(store, [str(book)], undoable=True)
    with store.read() as s:
        pending = s.execute(text("SELECT count(*) FROM outbox")).scalar()
    undo(store, report)
    with store.read() as s:
        ops = s.execute(text("SELECT entity, record_id, changes FROM outbox")).all()
    assert len(ops) == pending + 2  # the contact, then its company, deleted
    assert {(e, '"deleted": true' in c) for e, _, c in ops[-2:]} == {("contact", True),
                                                                    ("company", True)}


def test_no_journal_unless_asked_and_none_in_a_dry_run(store, fx):
    assert run_import(store, [str(fx("google.csv"))]).journal is None
    assert run_import(store, [str(fx("apple_30.vcf"))], dry_run=True,
                      undoable=True).journal is None


def test_the_phone_book_read_by_the_number_loses_what_was_undone(store, tmp_path):
    """The phone index (contact_phone) follows the fields: a number the import added is gone."""
    with store.write() as tx:
        ada = contacts.create(tx, ContactDraft(name="Ada", emails=[Email("ada@example.org")],
                                               phones=[Phone("+44 20 7946 0000")]))
    book = tmp_path / "b.csv"
    book.write_text("Name,E-mail,Mobile\nAda,ada@example.org,+44 7700 900123\n",
                    encoding="utf-8")
    report = run_import(store, [str(book)], undoable=True)
    assert report.updated == 1
    undo(store, report)
    with store.read() as s:
        assert [p.number for p in contacts.get(s, ada).phones] == ["+44 20 7946 0000"]
        assert contacts.find_by_phone(s, "+44 7700 900123") == []


def test_the_mapping_chosen_for_the_import_is_forgotten_with_it(store, fx):
    """The names were in the company column because the rep chose so: undone, the next import
    of that sheet asks again instead of repeating the mistake; a mapping chosen before that
    import comes back."""
    from app.io.errors import UnmappedColumns

    wrong = {"Customer": "company", "Handphone": "mobile", "Shoe size": ""}
    report = run_import(store, [str(fx("unknown_headers.csv"))], mapping=wrong, undoable=True)
    assert report.created == 1
    assert run_import(store, [str(fx("unknown_headers.csv"))], dry_run=True).unchanged == 1
    undo(store, report)
    with pytest.raises(UnmappedColumns):
        run_import(store, [str(fx("unknown_headers.csv"))], dry_run=True)
    right = {"Customer": "name", "Handphone": "mobile", "Shoe size": ""}
    run_import(store, [str(fx("unknown_headers.csv"))], mapping=right)
    report = run_import(store, [str(fx("unknown_headers.csv"))], mapping=wrong, undoable=True)
    undo(store, report)
    again = run_import(store, [str(fx("unknown_headers.csv"))], dry_run=True)
    assert again.unchanged == 1 and again.created == 0  # read with the right one again
