"""Export, and round trips: export → import into a fresh database → the same contacts."""

import codecs
import datetime as dt
import os
import stat

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from app.domain import NO_YEAR
from app.io.apply import run_import
from app.io.export import ExportCancelled, export
from app.services import contacts
from app.store import Store

SOURCES = ["outlook_21_gbk_qp.vcf", "apple_30.vcf", "google_30_bom.vcf", "evolution_40.vcf",
           "big5_21.vcf", "google.csv", "outlook_en.csv", "outlook_zh_gbk.csv",
           "generic_zh_utf16.tsv", "thunderbird.ldif"]


def people(store) -> dict:
    with store.read() as s:
        out = {}
        for cid in contacts.ids(s):
            v = contacts.get(s, cid)
            photo = contacts.attachment(s, cid, "photo")
            out[v.name] = (v.company_name, v.title, v.department, v.address, v.note, v.birthday,
                           sorted((e.address, e.kind) for e in v.emails),
                           sorted((p.number, p.kind) for p in v.phones),
                           sorted(v.websites), sorted(v.tags), photo)
        return out


@pytest.fixture
def filled(store, fx):
    run_import(store, [str(fx(n)) for n in SOURCES])
    return store


def _as_outlook_holds_them(who: dict) -> dict:
    """Outlook's e-mail columns have no kind: every address comes back a work one; a number
    beyond its columns for that kind (a second mobile) comes back from Other Phone."""
    def phones(v):
        return sorted(n for n, _ in v)
    return {k: (*v[:6], sorted((a, "work") for a, _ in v[6]), phones(v[7]), *v[8:])
            for k, v in who.items()}


@pytest.mark.parametrize("fmt", ["vcf", "vcf4", "csv", "outlook", "xlsx"])
def test_round_trip(filled, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    n = export(filled, fmt, out)
    assert n == len(people(filled))
    fresh = Store.open(tmp_path / "fresh.sqlite3", region="CN")
    try:
        r = run_import(fresh, [str(out)])
        assert r.created == n and not r.skipped
        a, b = people(filled), people(fresh)
        if fmt in ("csv", "outlook", "xlsx"):  # photos travel in vCards only
            a = {k: v[:-1] for k, v in a.items()}
            b = {k: v[:-1] for k, v in b.items()}
        if fmt == "outlook":
            a, b = _as_outlook_holds_them(a), _as_outlook_holds_them(b)
        assert b == a
        assert run_import(fresh, [str(out)]).created == 0
    finally:
        fresh.close()


WRITTEN = {"vcf": "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15", "vcf4": "BDAY:--0415",
           "csv": "--04-15", "xlsx": "--04-15"}


@pytest.mark.parametrize("fmt", ["vcf", "vcf4", "csv", "xlsx"])
def test_a_birthday_without_a_year_travels_without_one(store, tmp_path, fmt):
    """Written as each format's readers know a year left out (Apple's 1604 in vCard 3.0,
    --MMDD in 4.0, --MM-DD in Google's CSV), and read back the same."""
    (tmp_path / "in.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:王芳\r\nEMAIL:wang@example.cn\r\nBDAY:--0415\r\n"
        "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann Lee\r\nEMAIL:ann@example.org\r\n"
        "BDAY:1980-02-29\r\nEND:VCARD\r\n", encoding="utf-8")
    run_import(store, [str(tmp_path / "in.vcf")])
    out = tmp_path / f"out.{fmt}"
    export(store, fmt, out)
    if fmt == "xlsx":
        written = [str(c.value) for row in openpyxl.load_workbook(out).active.iter_rows()
                   for c in row if c.value]
    else:
        written = out.read_bytes().decode("utf-8-sig").replace("\r\n ", "").splitlines()
    assert any(WRITTEN[fmt] in w for w in written)
    fresh = Store.open(tmp_path / "fresh.sqlite3", region="CN")
    try:
        run_import(fresh, [str(out)])
        assert {n: v[5] for n, v in people(fresh).items()} == {
            "王芳": dt.date(NO_YEAR, 4, 15), "Ann Lee": dt.date(1980, 2, 29)}
    finally:
        fresh.close()


def test_vcard_for_outlook_and_csv_for_excel(filled, tmp_path):
    export(filled, "vcf", tmp_path / "a.vcf")
    text = (tmp_path / "a.vcf").read_bytes().decode("utf-8")
    assert "FN;CHARSET=UTF-8:张伟" in text and "PHOTO;ENCODING=b;TYPE=PNG:" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    export(filled, "csv", tmp_path / "a.csv")
    assert (tmp_path / "a.csv").read_bytes().startswith(codecs.BOM_UTF8)


def test_the_workbook_reads_like_a_spreadsheet(filled, tmp_path):
    """Opened in Excel: a bold header row that stays in view with the id column, a filter on
    every column, and columns wide enough for a company or an e-mail address."""
    n = export(filled, "xlsx", tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    assert all(c.font.b for c in ws[1]) and not any(c.font.b for c in ws[2])
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == f"A1:T{n + 1}"
    widths = {ws.cell(1, i).value: ws.column_dimensions[get_column_letter(i)].width
              for i in range(1, ws.max_column + 1)}
    assert widths["Company"] >= 30 and widths["E-mail"] >= 30 and widths["Address"] >= 40


def test_edited_xlsx_updates_the_same_records(filled, tmp_path, dump):
    out = tmp_path / "book.xlsx"
    export(filled, "xlsx", out)
    # unedited: nothing changes
    before = dump(filled)
    assert run_import(filled, [str(out)]).updated == 0
    assert dump(filled) == before
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "张伟")
    row[header.index("Job Title")].value = "销售总监"
    row[header.index("Mobile")].value = "139 1111 2222"
    cid = row[0].value
    wb.save(out)
    r = run_import(filled, [str(out)])
    assert (r.created, r.updated) == (0, 1)
    with filled.read() as s:
        v = contacts.get(s, cid)
    assert v.title == "销售总监"
    assert [p.number for p in v.phones if p.kind == "mobile"] == ["139 1111 2222"]


def test_cancelled_export_writes_no_file(filled, tmp_path):
    out = tmp_path / "x.vcf"
    with pytest.raises(ExportCancelled):
        export(filled, "vcf", out, cancel=lambda: True)
    assert not out.exists() and list(tmp_path.glob(".x.vcf.*")) == []


def test_the_file_is_as_readable_as_any_the_rep_saves(filled, tmp_path):
    """The umask's mode, as a file saved by any program (a temporary file's 0600 kept the
    export from a shared folder); a file replaced keeps its own mode."""
    old = os.umask(0o022)
    try:
        out = tmp_path / "new.csv"
        export(filled, "csv", out)
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        out.chmod(0o640)
        export(filled, "xlsx", out.with_suffix(".xlsx"))
        export(filled, "csv", out)
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
        assert stat.S_IMODE(out.with_suffix(".xlsx").stat().st_mode) == 0o644
    finally:
        os.umask(old)
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


@pytest.mark.parametrize("fmt", ["vcf", "vcf4"])
def test_companies_nobody_works_at_travel_as_company_cards(store, fx, tmp_path, fmt):
    from app.services import companies

    run_import(store, [str(fx("accounts.csv")), str(fx("apple_30.vcf"))])
    out = tmp_path / f"out.{fmt}"
    assert export(store, fmt, out) == 3  # one person, two lone companies
    text = out.read_text(encoding="utf-8")
    assert ("KIND:org" if fmt == "vcf4" else "X-ABShowAs:COMPANY") in text
    fresh = Store.open(tmp_path / "fresh.sqlite3", region="CN")
    try:
        r = run_import(fresh, [str(out)])
        assert r.created == 3 and not r.skipped
        with store.read() as s, fresh.read() as t:
            def lone(sess):
                return sorted((c.name, c.phone, c.website, c.address)
                              for c in companies.list_all(sess) if c.contact_count == 0)
            assert lone(t) == lone(s) and len(lone(s)) == 2
            assert contacts.count(t) == 1
    finally:
        fresh.close()


_ODD = list("abcXYZ éü张伟王芳;,:\\\"'=+-/()#@&\t") + ["\n", "  ", "😀", "Ⅷ", "ß"]


def _random_people(store, seed: int) -> None:
    """Twenty people with every character an export must escape (quotes, ; , \\ : = + and
    newlines, Chinese, emoji), yearless and leap-day birthdays. Left out, as what the formats
    cannot carry: a newline in an address (imports write an address on one line, "a, b"),
    a separator inside a tag of a spreadsheet cell, a backslash in a web address."""
    import random

    from app import capture
    from app.domain import ContactDraft, Email, Phone

    r = random.Random(seed)

    def text(n: int = 0, plain: bool = False) -> str:
        chars = [c for c in _ODD if not plain or c not in ";,\n\\"]
        return "".join(r.choice(chars) for _ in range(n or r.randint(1, 12))).strip()

    with store.write() as tx:
        for i in range(20):
            capture.save_contact(tx, ContactDraft(
                name=text() or f"n{i}", title=text() if r.random() < .5 else "",
                department=text() if r.random() < .3 else "",
                company=text() if r.random() < .6 else "",
                emails=[Email(f"p{seed}x{i}@ex{r.randint(0, 3)}.example")],
                phones=[Phone(f"+86 138 {r.randint(1000, 9999)} {r.randint(1000, 9999)}",
                              r.choice(["mobile", "work", "home", "fax"]))],
                note=text(30) if r.random() < .5 else "",
                address=text(20, plain=True) if r.random() < .3 else "",
                tags=[t for t in (text(plain=True) for _ in range(r.randint(0, 2))) if t],
                websites=[f"https://w{i}.example/{text(3, plain=True)}"] if r.random() < .3 else [],
                birthday=r.choice([None, dt.date(1980, 2, 29), dt.date(NO_YEAR, 12, 31)])))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_people_round_trip(store, tmp_path, seed):
    """Every format gives back the same people (found Google labels cut at a comma)."""
    _random_people(store, seed)
    before = people(store)
    for fmt in ("vcf", "vcf4", "csv", "outlook", "xlsx"):
        out = tmp_path / f"out-{seed}.{fmt}"
        export(store, fmt, out)
        fresh = Store.open(tmp_path / f"fresh-{fmt}.sqlite3", region="CN")
        try:
            r = run_import(fresh, [str(out)])
            got, want = people(fresh), before
            if fmt == "outlook":
                got, want = _as_outlook_holds_them(got), _as_outlook_holds_them(want)
            assert not r.skipped and got == want, fmt
        finally:
            fresh.close()


def _fair(store) -> dict[str, str]:
    """People at two companies, some tagged at a fair, and a company nobody works at."""
    from app import capture
    from app.domain import CompanyDraft, ContactDraft, Email

    ids = {}
    with store.write() as tx:
        for name, company, tags in [("张伟", "华为技术有限公司", ["广交会 2026"]),
                                    ("李娜", "华为技术有限公司", []),
                                    ("Emma Thompson", "Northwind Traders", ["Canton Fair"]),
                                    ("王芳", "", ["广交会 2026", "VIP"])]:
            ids[name] = capture.save_contact(tx, ContactDraft(
                name=name, company=company, tags=tags,
                emails=[Email(f"{len(ids)}@fair.example")])).contact_id
        ids["华为终端"] = capture.save_company(tx, CompanyDraft("华为终端有限公司")).company_id
    return ids


def _names(path) -> list[str]:
    fresh = Store.open(path.parent / f"{path.name}.sqlite3", region="CN")
    try:
        run_import(fresh, [str(path)])
        with fresh.read() as s:
            from app.services import companies
            return [contacts.get(s, i).name for i in contacts.ids(s)] + sorted(
                f"company:{c.name}" for c in companies.list_all(s) if c.contact_count == 0)
    finally:
        fresh.close()


@pytest.mark.parametrize("fmt", ["vcf", "csv", "xlsx"])
def test_a_selection_exports_those_people_only(store, tmp_path, fmt):
    from app.io.export import Selection

    ids = _fair(store)
    out = tmp_path / f"chosen.{fmt}"
    # the list's selection, in any order, with one since deleted: the list's order, live only
    with store.write() as tx:
        contacts.delete(tx, ids["李娜"])
    chosen = Selection(contacts=(ids["王芳"], ids["Emma Thompson"], ids["李娜"]))
    assert export(store, fmt, out, selection=chosen) == 2
    assert _names(out) == ["Emma Thompson", "王芳"]


def test_selected_companies_export_their_people_and_lone_ones_as_cards(store, tmp_path):
    from app.io.export import Selection

    ids = _fair(store)
    with store.read() as s:
        huawei = contacts.get(s, ids["张伟"]).company_id
    out = tmp_path / "huawei.vcf"
    assert export(store, "vcf", out, selection=Selection(companies=(huawei, ids["华为终端"]))) == 3
    assert _names(out) == ["张伟", "李娜", "company:华为终端有限公司"]
    # an empty selection writes an empty file, not everything
    assert export(store, "csv", tmp_path / "none.csv", selection=Selection()) == 0


def test_selection_by_tag_and_company_name(store):
    from app.io.export import NothingSelected, contact_ids, select

    ids = _fair(store)
    with store.read() as s:
        def chosen(**kw) -> set[str]:
            sel = select(s, **kw)
            return {n for n, i in ids.items() if i in contact_ids(s, sel)}

        # tags fold case and width; several are "any of them"
        assert chosen(tags=["广交会 2026"]) == {"张伟", "王芳"}
        assert chosen(tags=["canton FAIR", "vip"]) == {"Emma Thompson", "王芳"}
        # a company by a part of its name: all its people; with a tag, those with it
        assert chosen(company_names=["华为"]) == {"张伟", "李娜"}
        assert select(s, company_names=["华为"]).companies.__len__() == 2  # 华为终端 too
        assert chosen(company_names=["华为"], tags=["广交会 2026"]) == {"张伟"}
        assert chosen(company_names=["ＮＯＲＴＨＷＩＮＤ"]) == {"Emma Thompson"}
        with pytest.raises(NothingSelected, match="Tags in use: Canton Fair, VIP, 广交会 2026"):
            select(s, tags=["Hannover Messe"])
        with pytest.raises(NothingSelected, match='No company\'s name contains "Siemens"'):
            select(s, company_names=["Siemens"])
        with pytest.raises(NothingSelected, match="No contact at"):
            select(s, company_names=["Northwind"], tags=["VIP"])


def test_outlook_csv_has_outlooks_own_columns_and_reads_back_unchanged(filled, tmp_path):
    """Outlook's Import/Export wizard maps columns by Outlook's own names; what does not fit
    its columns (a third work number, a fourth address) is written beside the last of its
    kind, and read back as several. Re-imported into the same store: nothing changes (a name
    written whole into First Name stays the name, not a first name)."""
    import csv

    from app import capture
    from app.domain import ContactDraft, Email, Phone
    from app.io.export import OUTLOOK_HEADERS

    with filled.write() as tx:
        capture.save_contact(tx, ContactDraft(
            name="欧阳娜娜", phones=[Phone(f"+86 755 8601 33{i:02}", "work") for i in range(3)],
            emails=[Email(f"n{i}@ouyang.example") for i in range(4)]))
    out = tmp_path / "outlook.csv"
    export(filled, "outlook", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert list(rows[0]) == OUTLOOK_HEADERS
    na = next(r for r in rows if r["First Name"] == "欧阳娜娜")
    assert (na["Business Phone"], na["Business Phone 2"], na["Other Phone"]) == (
        "+86 755 8601 3300", "+86 755 8601 3301", "+86 755 8601 3302")
    assert na["E-mail 3 Address"] == "n2@ouyang.example; n3@ouyang.example"
    again = run_import(filled, [str(out)])
    assert (again.created, again.updated, len(again.skipped)) == (0, 0, 0)


@pytest.mark.parametrize("fmt", ["vcf", "vcf4"])
def test_a_name_never_split_goes_whole_into_n_and_reads_back_unchanged(filled, tmp_path, fmt):
    """Apple's and iOS's Contacts show a card by its N and call one with an empty N "No Name":
    a name typed whole goes whole into N's family part (as Outlook writes it). Read back, such
    an N is no split of the name: a re-import into the same store changes nothing, and a fresh
    store gets the name alone."""
    import re

    from app import capture
    from app.domain import ContactDraft, Email

    with filled.write() as tx:
        capture.save_contact(tx, ContactDraft(name="欧阳娜娜", emails=[Email("nana@ouyang.example")]))
        capture.save_contact(tx, ContactDraft(given_name="Anna", family_name="Schmidt",
                                              emails=[Email("anna@schmidt.example")]))
    out = tmp_path / f"out.{fmt}"
    export(filled, fmt, out)
    text = out.read_text(encoding="utf-8")
    assert re.search(r"\nN[^:\n]*:欧阳娜娜;;;;\n", text)
    assert re.search(r"\nN[^:\n]*:Schmidt;Anna;;;\n", text)
    again = run_import(filled, [str(out)])
    assert (again.created, again.updated, len(again.skipped)) == (0, 0, 0)
    fresh = Store.open(tmp_path / "fresh.sqlite3", region="CN")
    try:
        run_import(fresh, [str(out)])
        with fresh.read() as s:
            got = {v.name: (v.family_name, v.given_name)
                   for v in (contacts.get(s, i) for i in contacts.ids(s))}
    finally:
        fresh.close()
    assert got["欧阳娜娜"] == ("", "") and got["Anna Schmidt"] == ("Schmidt", "Anna")
