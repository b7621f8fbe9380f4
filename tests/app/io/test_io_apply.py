"""Applying imports to a real SQLite store: idempotent, company-first, one transaction."""

import gc
from pathlib import Path

import pytest

from app import capture
from app.domain import CompanyDraft, ContactDraft, Email
from app.io import apply
from app.io.apply import Cancelled, run_import
from app.io.errors import FileUnreadable
from app.services import companies, contacts

GOOD = ["outlook_21_gbk_qp.vcf", "apple_30.vcf", "google_30_bom.vcf", "android_21_qp.vcf",
        "evolution_40.vcf", "big5_21.vcf", "broken.vcf", "google.csv", "outlook_en.csv",
        "outlook_de.csv", "outlook_fr.csv", "outlook_zh_gbk.csv", "thunderbird.csv",
        "icloud.csv", "generic_zh_utf16.tsv", "generic_big5.csv", "thunderbird.ldif"]


def paths(fx, names=GOOD):
    return [str(fx(n)) for n in names]


def test_import_everything_then_again_changes_nothing(store, fx, dump):
    first = run_import(store, paths(fx))
    assert first.created >= 20 and len(first.skipped) == 4  # (one a mailing list)
    assert {s["reason"] for s in first.skipped} >= {"card without END:VCARD (file cut short?)"}
    before = dump(store)
    second = run_import(store, paths(fx))
    assert (second.created, second.updated) == (0, 0)
    assert second.unchanged == first.created + first.updated
    assert dump(store) == before


def test_report_json_shape(store, fx):
    r = run_import(store, paths(fx, ["broken.vcf"])).to_json()
    assert set(r) == {"created", "updated", "unchanged", "skipped", "records"}
    assert r["skipped"][0] == {"file": str(fx("broken.vcf")), "record": 2,
                               "reason": "no name, e-mail, phone or company"}
    assert [x["record"] for x in r["records"]] == [1, 2, 3, 4]
    assert [x["action"] for x in r["records"]] == ["created", "skipped", "created", "skipped"]
    assert set(r["records"][0]) == {"file", "record", "action", "id", "company_id"}


def test_same_email_fills_and_adds_never_a_second_copy(store, fx, tmp_path):
    run_import(store, paths(fx, ["apple_30.vcf"]))
    more = tmp_path / "more.vcf"
    more.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Johnny Appleseed\n"
                    "EMAIL:JOHNNY@apple.com\nTEL;TYPE=HOME:+1 408 555 0177\nEND:VCARD\n")
    r = run_import(store, [str(more)])
    assert (r.created, r.updated) == (0, 1)
    with store.read() as s:
        [cid] = contacts.ids(s)
        v = contacts.get(s, cid)
    assert "+1 408 555 0177" in [p.number for p in v.phones]
    assert len(v.emails) == 2


def test_company_first_shared_and_address_inherited(store, fx):
    run_import(store, paths(fx, ["generic_zh_utf16.tsv"]))
    with store.read() as s:
        ids = contacts.ids(s)
        views = [contacts.get(s, i) for i in ids]
    assert len({v.company_id for v in views}) == 1  # two people, one company
    sun = next(v for v in views if v.name == "孙悦")
    assert sun.address == "北京市海淀区清河中街68号" and sun.own_address == ""


def test_the_report_names_each_persons_company_and_the_ones_the_import_made(store, fx):
    """Shown beside each person before the commit (the app's preview) and after; the second
    time the same companies are all already there; the summary says how many of each."""
    first = run_import(store, paths(fx, ["generic_zh_utf16.tsv"]), dry_run=True)
    [(company_id, name)] = first.companies.items()
    assert first.new_companies == {company_id} and name
    assert "companies: 1 new, 0 already in Satchel" in first.summary()
    real = run_import(store, paths(fx, ["generic_zh_utf16.tsv"]))
    assert list(real.companies.values()) == [name] and len(real.new_companies) == 1
    again = run_import(store, paths(fx, ["generic_zh_utf16.tsv"]))
    assert again.companies == real.companies and not again.new_companies
    assert "companies: 0 new, 1 already in Satchel" in again.summary()


@pytest.mark.parametrize("per_record", [False, True])
def test_a_new_company_that_may_be_one_in_the_book_is_named_for_review(store, tmp_path,
                                                                        per_record):
    """A card with only a short name (华为) makes a company of its own, which the matcher finds
    "maybe" the 华为技术有限公司 in the book: the report says which, so the rep can review the
    two at once; a company the import linked is no look-alike."""
    with store.write() as tx:
        full = capture.save_company(tx, CompanyDraft(
            "华为技术有限公司", address="广东省深圳市龙岗区坂田华为基地",
            phone="0755 2878 0808")).company_id
    path = tmp_path / "cards.csv"
    path.write_text("姓名,公司,手机\r\n王小明,华为,13800138000\r\n"
                    "李娜,华为技术有限公司,13900139000\r\n赵磊,鸿睿科技有限公司,13700137000\r\n",
                    encoding="utf-8")
    report = run_import(store, [str(path)], per_record=per_record)
    [(new_id, like)] = report.look_alikes.items()
    assert report.companies[new_id] == "华为" and new_id in report.new_companies
    assert (like.id, like.name) == (full, "华为技术有限公司") and like.score > 0
    assert any("华为" in r for r in like.reasons), like.reasons
    assert f"new company 华为 ({new_id}) may be 华为技术有限公司 ({full})" in report.summary()


def test_the_import_says_how_many_records_to_expect_before_the_first(store, fx):
    told = []
    run_import(store, paths(fx, ["apple_30.vcf", "google.csv"]), dry_run=True,
               expect=told.append, progress=lambda done: told.append(-done))
    assert told[0] == 1 + 2 and told[-1] == -3  # (before any record; then the records)
    told.clear()
    run_import(store, paths(fx, ["google.csv", "generic_zh.xls"]), dry_run=True,
               expect=told.append)
    assert told == [0]  # one file that cannot say: no total


def test_account_list_imports_companies(store, fx):
    r = run_import(store, paths(fx, ["accounts.csv"]))
    assert r.created == 2
    with store.read() as s:
        assert contacts.count(s) == 0
        names = {companies.get(s, x["id"]).name for x in r.records}
    assert names == {"Globex Corporation", "Initech LLC"}
    again = run_import(store, paths(fx, ["accounts.csv"]))
    assert [x["action"] for x in again.records] == ["linked", "linked"]


def test_photo_kept_and_not_rewritten(store, fx, dump):
    r = run_import(store, paths(fx, ["apple_30.vcf"]))
    with store.read() as s:
        data, mime = contacts.attachment(s, r.records[0]["id"], "photo")
    assert data.startswith(b"\x89PNG") and mime == "image/png"
    before = dump(store)
    assert run_import(store, paths(fx, ["apple_30.vcf"])).unchanged == 1
    assert dump(store) == before


def test_dry_run_counts_and_writes_nothing(store, fx, dump):
    run_import(store, paths(fx, ["apple_30.vcf"]))
    before = dump(store)
    preview = apply.preview(store, paths(fx))
    assert dump(store) == before
    real = run_import(store, paths(fx))
    assert preview.to_json()["skipped"] == real.to_json()["skipped"]
    assert (preview.created, preview.updated, preview.unchanged) == (
        real.created, real.updated, real.unchanged)
    # record by record (the preview leaves out search entries and outbox ops, bulk.Creates)
    assert [(r["record"], r["action"]) for r in preview.records] == [
        (r["record"], r["action"]) for r in real.records]
    assert preview.about == real.about


def test_cancel_rolls_back(store, fx, dump):
    run_import(store, paths(fx, ["apple_30.vcf"]))
    before = dump(store)
    calls = iter(range(1000))
    with pytest.raises(Cancelled):
        run_import(store, paths(fx), cancel=lambda: next(calls) >= 10)
    assert dump(store) == before


def test_confirm_sees_the_whole_report_before_the_commit(store, fx, dump):
    """`confirm`: the app's preview is the import held open before its commit."""
    before = dump(store)
    asked = []

    def no(report):
        asked.append(report)
        assert dump(store) == before  # (another connection: nothing committed yet)
        assert gc.isenabled()  # (the app goes on while the rep reads: its garbage collected)
        return False

    with pytest.raises(Cancelled):
        run_import(store, paths(fx), confirm=no)
    assert dump(store) == before and asked[0].created > 0
    report = run_import(store, paths(fx), confirm=lambda r: asked.append(r) or True)
    assert asked[-1] is report
    assert [(r["file"], r["record"], r["action"]) for r in report.records] == \
        [(r["file"], r["record"], r["action"]) for r in asked[0].records]
    assert dump(store) != before


def test_failure_mid_import_rolls_back(store, fx, dump, monkeypatch):
    before = dump(store)
    real = apply.capture.save_contact
    count = iter(range(1000))

    def flaky(tx, draft, region=None, **kw):
        if next(count) == 7:
            raise RuntimeError("disk on fire")
        return real(tx, draft, region, **kw)

    monkeypatch.setattr(apply.capture, "save_contact", flaky)
    with pytest.raises(RuntimeError):
        run_import(store, paths(fx))
    assert dump(store) == before


def test_unreadable_file_stops_before_writing(store, fx, dump):
    before = dump(store)
    with pytest.raises(FileUnreadable) as err:
        run_import(store, paths(fx, ["apple_30.vcf", "image.png", "empty.csv"]))
    assert "PNG image" in str(err.value) and "empty" in str(err.value)
    assert dump(store) == before


def test_source_file_never_modified(store, fx):
    p = fx("outlook_21_gbk_qp.vcf")
    data = p.read_bytes()
    run_import(store, [str(p)])
    assert p.read_bytes() == data


def test_mapping_remembered_per_header_set(store, fx):
    run_import(store, paths(fx, ["unknown_headers.csv"]),
               mapping={"Customer": "name", "Handphone": "mobile", "Shoe size": ""})
    r = run_import(store, paths(fx, ["unknown_headers.csv"]))  # no --map this time
    assert r.unchanged == 1


@pytest.mark.parametrize("per_record", [False, True])
def test_a_card_with_the_year_completes_a_birthday_kept_without_one(store, tmp_path, dump,
                                                                    per_record):
    """The phone's card (no year) then the mail client's (with it): the person gets the year;
    a date on another day does not replace the birthday; importing again changes nothing."""
    import datetime as dt

    from app.domain import NO_YEAR

    card = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{0}\r\nEMAIL:{1}\r\nBDAY:{2}\r\nEND:VCARD\r\n".format
    book = tmp_path / "book.vcf"
    book.write_text("".join([
        card("Li Na", "li@example.cn", "--0415"), card("Li Na", "li@example.cn", "1985-04-15"),
        card("Bo", "bo@example.cn", "--0101"), card("Bo", "bo@example.cn", "1990-02-03"),
        card("Cy", "cy@example.cn", "1970-05-06"), card("Cy", "cy@example.cn", "--0506")]),
        encoding="utf-8")
    run_import(store, [str(book)], per_record=per_record)
    with store.read() as s:
        got = {v.name: v.birthday for v in map(lambda i: contacts.get(s, i), contacts.ids(s))}
    assert got == {"Li Na": dt.date(1985, 4, 15), "Bo": dt.date(NO_YEAR, 1, 1),
                   "Cy": dt.date(1970, 5, 6)}
    before = dump(store)
    again = run_import(store, [str(book)], per_record=per_record)
    assert again.created == again.updated == 0 and dump(store) == before


def test_an_address_stored_street_first_is_the_one_now_written_province_first(store, tmp_path):
    """Importers wrote a Chinese card's address street first ("坂田华为基地, 518129 深圳, 广东,
    中国") until they wrote it from the province down: the same card imported again is
    unchanged, not a person with a second, reordered copy of their company's address."""
    with store.write() as tx:
        capture.save_contact(tx, ContactDraft(
            name="张伟", company="华为技术有限公司", emails=[Email("zw@huawei.example")],
            address="坂田华为基地, 518129 深圳, 广东, 中国"))
    (tmp_path / "z.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张伟\r\nORG:华为技术有限公司\r\nEMAIL:zw@huawei.example\r\n"
        "ADR;TYPE=WORK:;;坂田华为基地;深圳;广东;518129;中国\r\nEND:VCARD\r\n", encoding="utf-8")
    for per_record in (True, False):
        r = run_import(store, [tmp_path / "z.vcf"], per_record=per_record)
        assert (r.created, r.updated, r.unchanged) == (0, 0, 1)


def test_a_folder_is_its_address_books(store, fx, tmp_path):
    """A folder imports every address book in it, by name (a vCard file per contact, as a phone
    or Outlook saves them); what is no address book beside them is left alone. A folder with
    none says so and imports nothing."""
    import shutil

    for name in ("apple_30.vcf", "google.csv", "image.png"):
        shutil.copy(fx(name), tmp_path / name)
    report = run_import(store, [tmp_path])
    assert [r["file"] for r in report.records][0].endswith("apple_30.vcf")
    assert {Path(r["file"]).name for r in report.records} == {"apple_30.vcf", "google.csv"}
    assert report.created == 3 and not report.skipped
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileUnreadable, match="folder without address books"):
        run_import(store, [tmp_path / "empty"])
    from app.io import address_books

    assert address_books(tmp_path / "gone") == []  # unreadable or gone: none, no traceback


def test_a_zip_archive_is_its_address_books(store, fx, tmp_path):
    """Google Takeout gives a rep's contacts as a .zip, and a colleague mails a .zip of vCards:
    each address book in it is imported, named inside the archive; what else it holds is left
    alone. The mapping step can show a book's first row from inside it. An archive without
    books says so; a workbook (a zip file too) is still a workbook."""
    import zipfile

    from app.io.reader import sample_row

    takeout = tmp_path / "takeout-20261201.zip"
    with zipfile.ZipFile(takeout, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(fx("google_30_bom.vcf"), "Takeout/Contacts/My Contacts/My Contacts.vcf")
        z.write(fx("unknown_headers.csv"), "Takeout/Contacts/客户/客户.csv")
        z.writestr("Takeout/archive_browser.html", "<html></html>")
        z.writestr("__MACOSX/Takeout/._My Contacts.vcf", "junk")
    with pytest.raises(FileUnreadable, match="Customer"):  # the unknown columns, as for a file
        run_import(store, [takeout])
    inside = f"{takeout}/Takeout/Contacts/客户/客户.csv"
    assert sample_row(inside)[0] == "Pat Example"
    report = run_import(store, [takeout], mapping={"Customer": "name", "Handphone": "mobile",
                                                   "Shoe size": ""})
    assert {r["file"] for r in report.records} == {
        f"{takeout}/Takeout/Contacts/My Contacts/My Contacts.vcf", inside}
    assert report.created == len(report.records) and not report.skipped
    empty = tmp_path / "photos.zip"
    with zipfile.ZipFile(empty, "w") as z:
        z.write(fx("image.png"), "image.png")
    with pytest.raises(FileUnreadable, match="zip archive without address books"):
        run_import(store, [empty])
    assert run_import(store, [fx("generic_zh.xlsx")]).created == 1


def test_the_report_names_what_was_kept_in_the_note(store, tmp_path):
    """Values a reader could not take as what they claimed to be (a number Excel shortened, an
    e-mail value without an address, a birthday no date can be read from, a second address)
    are kept in the contact's note, and the report names them per record, so the rep sees
    before importing what in the file needs fixing."""
    from app.services import contacts

    (tmp_path / "s.csv").write_text("姓名,手机,邮箱\r\n王小明,8.6138E+12,wxm@hq.example.cn\r\n"
                                    "李娜,13800138000,lina@hq.example.cn\r\n", encoding="utf-8")
    (tmp_path / "c.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dee Dunn\r\nEMAIL:dee at acme\r\nBDAY:next spring\r\n"
        "TEL:+1 212 555 0100\r\nADR;TYPE=WORK:;;1 Main St;Springfield;;;\r\n"
        "ADR;TYPE=HOME:;;9 Elm St;Springfield;;;\r\nEND:VCARD\r\n", encoding="utf-8")
    files = [str(tmp_path / "s.csv"), str(tmp_path / "c.vcf")]
    preview = run_import(store, files, dry_run=True)
    kept = {(r["file"], r["record"]): list(a.kept_in_note)
            for r, a in zip(preview.records, preview.about, strict=True)}
    assert kept == {
        (files[0], 1): ["Phone: 8.6138E+12 (shortened by Excel, its last digits are lost)"],
        (files[0], 2): [],
        (files[1], 1): ["Home address: 9 Elm St, Springfield", "E-mail: dee at acme",
                        "Birthday: next spring"]}
    assert f"kept in the note of {files[1]} record 1: Home address: 9 Elm St, Springfield; " \
           "E-mail: dee at acme; Birthday: next spring" in preview.summary()
    report = run_import(store, files)
    assert [a.kept_in_note for a in report.about] == [a.kept_in_note for a in preview.about]
    with store.read() as s:
        dee = contacts.get(s, report.records[2]["id"])
        assert dee.note.splitlines() == kept[(files[1], 1)] and dee.birthday is None
    # the second time nothing changes, and the note does not grow
    again = run_import(store, files)
    assert (again.created, again.updated) == (0, 0)


def test_the_report_says_what_an_update_changes(store, tmp_path):
    """Before importing onto people the rep already has, the preview says which fields each
    update gives them; the command line's summary counts them by field."""
    from app import capture
    from app.domain import ContactDraft, Email

    with store.write() as tx:
        capture.save_contact(tx, ContactDraft(name="王小明", emails=[Email("wxm@hq.example.cn")]))
    (tmp_path / "u.csv").write_text("姓名,邮箱,手机,职位\r\n王小明,wxm@hq.example.cn,13800138000,经理\r\n"
                                    "李娜,lina@by.example.cn,13700137000,\r\n", encoding="utf-8")
    preview = run_import(store, [str(tmp_path / "u.csv")], dry_run=True)
    assert [(r["action"], a.changed) for r, a in zip(preview.records, preview.about,
                                                      strict=True)] == [
        ("updated", ("phones", "title")), ("created", ())]
    assert "updated fields: phones (1), title (1)" in preview.summary()
    real = run_import(store, [str(tmp_path / "u.csv")])
    assert real.about == preview.about
    assert all(not a.changed for a in run_import(store, [str(tmp_path / "u.csv")]).about)


def test_an_import_can_tag_everyone_in_it(store, tmp_path):
    """A fair's list imported with the fair's tag: new people get it, people already in the
    book gain it (an update saying so), a company row too; the same import again changes
    nothing, whatever the tag's case."""
    from app import capture
    from app.domain import ContactDraft, Email
    from app.services import companies, contacts

    with store.write() as tx:
        known = capture.save_contact(tx, ContactDraft(
            name="王小明", emails=[Email("wxm@hq.example.cn")], tags=["VIP"])).contact_id
    (tmp_path / "fair.csv").write_text("姓名,邮箱,公司\r\n王小明,wxm@hq.example.cn,\r\n"
                                       "李娜,lina@by.example.cn,白云贸易\r\n", encoding="utf-8")
    report = run_import(store, [str(tmp_path / "fair.csv")], tags=["广交会 2026", " "])
    assert (report.created, report.updated) == (1, 1)
    assert report.about[0].changed == ("tags",)
    with store.read() as s:
        assert contacts.get(s, known).tags == ["VIP", "广交会 2026"]
        li = contacts.get(s, report.records[1]["id"])
        assert li.tags == ["广交会 2026"]
    again = run_import(store, [str(tmp_path / "fair.csv")], tags=["广交会 2026"])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    # 王小明 holds VIP already: "vip" is the same tag to him, new to 李娜
    vip = run_import(store, [str(tmp_path / "fair.csv")], tags=["vip"])
    assert [r["action"] for r in vip.records] == ["unchanged", "updated"]
    (tmp_path / "accounts.csv").write_text("Company,Website\r\nAcme GmbH,acme.example\r\n",
                                           encoding="utf-8")
    run_import(store, [str(tmp_path / "accounts.csv")], tags=["Fair"])
    with store.read() as s:
        acme = next(c for c in companies.list_all(s) if c.name == "Acme GmbH")
        assert acme.tags == ["Fair"]
