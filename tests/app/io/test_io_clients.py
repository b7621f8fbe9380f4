"""More clients and oddities: iOS, Thunderbird 4.0, Outlook company entries, every legacy
CHARSET, photos by file: and web URI (a real local HTTP server), short GBK files, matching by
phone, joining a company that is already in the store."""

import base64
import datetime as dt
import http.server
import threading

import pytest

from app import capture
from app.domain import CompanyDraft
from app.io.apply import Cancelled, run_import
from app.io.reader import open_source
from app.services import companies, contacts

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def records(path, **kw):
    return [r for _, r in open_source(path, **kw).records]


def test_ios_grouped_items_several_addresses_urls_photo_and_company_card(fx):
    wu, bank = records(fx("ios_30.vcf"))
    assert (wu.name, wu.company, wu.department, wu.title) == (
        "吴晓明", "中国平安保险(集团)股份有限公司", "", "客户经理")
    assert [(p.number, p.kind) for p in wu.phones] == [
        ("+86 755 2222 8888", "work"), ("+86 138 0000 9999", "mobile"),
        ("+86 755 1111 2222", "home")]
    assert wu.websites == ["https://www.pingan.example", "https://blog.example/wu"]
    assert wu.address == "中国广东省深圳福田区益田路5033号 518033"  # the preferred one
    # the other address, and the WeChat id (IMPP;X-SERVICE-TYPE=WeChat), kept in the note
    assert wu.note == "Home address: 中国广东省深圳南山区科技园 518057\nWeChat: wuxm"
    assert wu.birthday == dt.date(1985, 6, 15)
    assert wu.photo.startswith(b"\xff\xd8\xff") and wu.photo.endswith(b"\xff\xd9")
    assert isinstance(bank, CompanyDraft)  # X-ABShowAs:COMPANY
    assert (bank.name, bank.phone, bank.website) == ("平安银行", "95511", "https://bank.pingan.example")


def test_thunderbird_40(fx):
    [d] = records(fx("thunderbird_40.vcf"))
    assert (d.company, d.department, d.title) == ("Volvo Cars", "Inköp", "Inköpschef")
    assert [(e.address, e.kind) for e in d.emails] == [
        ("sven.larsson@volvo.example", "work"), ("sven@hemma.example", "home")]
    assert [p.kind for p in d.phones] == ["work", "mobile"]
    assert d.note == "Träffades på mässan, Göteborg" and d.tags == ["Leverantör", "Norden"]
    assert d.birthday == dt.date(1976, 3, 11) and d.websites == ["https://volvocars.example"]


def test_outlook_company_entry_qp_label_and_21_base64_photo(fx):
    contoso, kim = records(fx("outlook_21_company.vcf"))
    assert isinstance(contoso, CompanyDraft) and contoso.name == "Contoso Ltd."
    assert contoso.address == "1 Microsoft Way, 98052 Redmond, WA, United States of America"
    assert (kim.company, kim.department) == ("Contoso Ltd.", "Purchasing")
    assert kim.photo.startswith(b"\xff\xd8\xff") and kim.photo.endswith(b"\xff\xd9")


def test_outlook_company_and_its_person_share_one_company(store, fx):
    r = run_import(store, [str(fx("outlook_21_company.vcf"))])
    assert [x["action"] for x in r.records] == ["created", "created"]
    company_id = r.records[0]["id"]
    assert r.records[1]["company_id"] == company_id
    with store.read() as s:
        assert companies.count(s) == 1 and contacts.count(s) == 1
        assert companies.get(s, company_id).phone == "+1 425 555 0100"


@pytest.mark.parametrize("charset,codec,text", [
    ("GB2312", "gb2312", "北京百度网讯科技有限公司"), ("GBK", "gbk", "深圳市腾讯计算机系统有限公司"),
    ("GB18030", "gb18030", "华为技术有限公司"), ("BIG5", "big5", "台灣積體電路製造"),
    ("SHIFT_JIS", "shift_jis", "トヨタ自動車株式会社"), ("ISO-8859-1", "latin-1", "Café Société"),
    ("ISO-8859-2", "iso8859_2", "Łódź Spółka"), ("WINDOWS-1252", "cp1252", "Müller – Söhne"),
])
def test_every_legacy_charset_parameter(tmp_path, charset, codec, text):
    # QUOTED-PRINTABLE on top of the code page, as Outlook and old phones write it
    qp = "".join(f"={b:02X}" for b in text.encode(codec))
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Tester;Pat\r\nTEL:+1 555 0100\r\n"
            b"ORG;CHARSET=" + charset.encode() + b":" + text.encode(codec) + b"\r\n"
            b"NOTE;CHARSET=" + charset.encode() + b";ENCODING=QUOTED-PRINTABLE:" + qp.encode()
            + b"\r\nEND:VCARD\r\n")
    p = tmp_path / "c.vcf"
    p.write_bytes(data)
    [d] = records(p)
    assert (d.company, d.note) == (text, text)


def test_short_gbk_csv_is_read_as_chinese(tmp_path):
    # a two-line GBK file used to be guessed as EUC-KR (Korean) by the statistical detector
    p = tmp_path / "list.csv"
    p.write_bytes("姓名,手提电话,邮箱\r\n李雷,13911112222,li.lei@example.cn\r\n".encode("gbk"))
    [d] = records(p)
    assert d.name == "李雷" and d.phones[0].kind == "mobile"


def test_evolution_photo_file_uri(tmp_path):
    photo = tmp_path / "photos" / "pas_id_5F1.png"
    photo.parent.mkdir()
    photo.write_bytes(PNG)
    card = tmp_path / "addressbook.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve Olution\r\nEMAIL:eve@gnome.example\r\n"
                    f"PHOTO;VALUE=uri:{photo.as_uri()}\r\n"
                    "X-EVOLUTION-FILE-AS:Olution\\, Eve\r\nEND:VCARD\r\n", encoding="utf-8")
    [d] = records(card)
    assert d.photo == PNG and d.photo_mime == "image/png"
    photo.write_bytes(b"not an image")
    [d] = records(card)
    assert d.photo is None  # not a picture: ignored, the contact still imports


@pytest.fixture
def photo_server():
    """A real HTTP server: /a.png is a photo, anything else 404."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            hits.append(self.path)
            if self.path == "/a.png":
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()
                self.wfile.write(PNG)
            else:
                self.send_error(404)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_google_web_photo_is_fetched_by_the_import_not_the_preview(store, tmp_path, photo_server,
                                                                   dump):
    base, hits = photo_server
    p = tmp_path / "google.vcf"
    p.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gina Web\r\nEMAIL:gina@web.example\r\n"
                 f"PHOTO:{base}/a.png\r\nEND:VCARD\r\n"
                 "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nora Nophoto\r\nEMAIL:nora@web.example\r\n"
                 f"PHOTO:{base}/missing.jpg\r\nEND:VCARD\r\n", encoding="utf-8")
    before = dump(store)
    preview = run_import(store, [str(p)], dry_run=True)
    assert preview.created == 2 and hits == [] and dump(store) == before
    r = run_import(store, [str(p)])
    assert r.created == 2 and sorted(hits) == ["/a.png", "/missing.jpg"]
    with store.read() as s:
        assert contacts.attachment(s, r.records[0]["id"], "photo") == (PNG, "image/png")
        assert contacts.attachment(s, r.records[1]["id"], "photo") is None
    hits.clear()
    after = dump(store)
    again = run_import(store, [str(p)])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert hits == ["/missing.jpg"]  # a contact with a photo is not fetched again
    assert dump(store) == after


def test_the_held_preview_fetches_web_photos_once_the_rep_says_import(store, tmp_path,
                                                                      photo_server, dump):
    """The app's preview is the import held open (`confirm`): off the network until Import."""
    base, hits = photo_server
    p = tmp_path / "google.vcf"
    p.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gina Web\r\nEMAIL:gina@web.example\r\n"
                 f"PHOTO:{base}/a.png\r\nEND:VCARD\r\n", encoding="utf-8")
    before = dump(store)
    with pytest.raises(Cancelled):
        run_import(store, [str(p)], confirm=lambda report: False)
    assert hits == [] and dump(store) == before
    fetched_while_held = []
    r = run_import(store, [str(p)],
                   confirm=lambda report: fetched_while_held.append(list(hits)) or True)
    assert fetched_while_held == [[]] and hits == ["/a.png"]
    with store.read() as s:
        assert contacts.attachment(s, r.records[0]["id"], "photo") == (PNG, "image/png")


def test_same_normalized_phone_is_the_same_person(store, tmp_path):
    a = tmp_path / "a.vcf"
    a.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张伟\r\nTEL;TYPE=CELL:+86 138 0013 8000\r\n"
                 "END:VCARD\r\n", encoding="utf-8")
    b = tmp_path / "b.csv"
    b.write_text("姓名,手机,邮箱,职位\r\n张伟,138-0013-8000,zhang.wei@huawei.example,销售经理\r\n",
                 encoding="utf-8")
    run_import(store, [str(a)])
    r = run_import(store, [str(b)])
    assert (r.created, r.updated) == (0, 1)
    with store.read() as s:
        [cid] = contacts.ids(s)
        v = contacts.get(s, cid)
    assert v.title == "销售经理"  # an empty field filled
    assert [e.address for e in v.emails] == ["zhang.wei@huawei.example"]  # a value added
    assert len(v.phones) == 1  # the same number, written differently: not a second phone


def test_contact_joins_a_company_already_in_the_store(store, tmp_path):
    with store.write() as tx:
        existing = capture.save_company(tx, CompanyDraft("华为技术有限公司", phone="+86 755 2878 0808")).company_id
    p = tmp_path / "p.csv"
    p.write_text("姓名,公司,手机\r\n李娜,华为技术有限公司,13900001111\r\n王芳,华为技术有限公司,13900002222\r\n",
                 encoding="utf-8")
    r = run_import(store, [str(p)])
    assert [x["company_id"] for x in r.records] == [existing, existing]
    with store.read() as s:
        assert companies.count(s) == 1


def test_unindented_21_base64_and_a_stray_line_do_not_lose_the_card(tmp_path):
    b64 = base64.b64encode(PNG * 4)
    lines = b"\r\n".join(b64[i:i + 60] for i in range(0, len(b64), 60))
    p = tmp_path / "phone.vcf"
    p.write_bytes(b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Jo\r\nPHOTO;ENCODING=BASE64;TYPE=PNG:"
                  + lines + b"\r\nTEL;CELL:+1 555 0123\r\nthis line has no colon\r\nEND:VCARD\r\n")
    [d] = records(p)
    assert d.photo == PNG * 4 and d.phones[0].number == "+1 555 0123"


def test_person_known_by_phone_keeps_their_company_on_reimport(store, tmp_path):
    """Same person (a number written another way), same company name, another address: the
    matcher alone rates that company "maybe" and capture would make a second one."""
    first = tmp_path / "first.vcf"
    first.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zhou Min\r\nORG:Zeta Trading\r\n"
                     "TEL;TYPE=CELL:+86 139 1234 5678\r\n"
                     "ADR;TYPE=WORK:;;1 Main Street;Springfield;;62701;USA\r\nEND:VCARD\r\n",
                     encoding="utf-8")
    again = tmp_path / "again.vcf"
    again.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zhou Min\r\nORG:Zeta Trading\r\n"
                     "TEL;TYPE=CELL:139-1234-5678\r\n"
                     "ADR;TYPE=WORK:;;9 Harbour Road;Shelbyville;;;USA\r\nEND:VCARD\r\n",
                     encoding="utf-8")
    a = run_import(store, [str(first)])
    b = run_import(store, [str(again)])
    assert b.records[0]["action"] != "created" and b.records[0]["id"] == a.records[0]["id"]
    with store.read() as s:
        assert companies.count(s) == 1


def test_company_card_keeps_its_email_and_second_phone_in_the_note(tmp_path):
    p = tmp_path / "co.vcf"
    p.write_text("BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Acme GmbH\r\nORG:Acme GmbH\r\n"
                 "EMAIL:info@acme.example\r\nTEL:+49 30 1234567\r\nTEL;TYPE=fax:+49 30 1234568\r\n"
                 "END:VCARD\r\n", encoding="utf-8")
    [c] = records(p)
    assert isinstance(c, CompanyDraft) and c.phone == "+49 30 1234567"
    assert c.note == "E-mail: info@acme.example\nPhone: +49 30 1234568"


def test_google_takeout_archive_imports_as_its_books(store, fx):
    """Google Takeout hands a rep's contacts over as a .zip (a vCard file of all contacts and
    a CSV of a label, beside an HTML page): the same people as the books alone."""
    report = run_import(store, [fx("takeout.zip")])
    names = {r["file"].rsplit("/", 1)[-1] for r in report.records}
    assert names == {"My Contacts.vcf", "Starred.csv"} and not report.skipped
    with store.read() as s:
        from_archive = sorted(contacts.get(s, i).name for i in contacts.ids(s))
    assert run_import(store, [fx("google_30_bom.vcf"), fx("google.csv")]).created == 0
    with store.read() as s:
        assert sorted(contacts.get(s, i).name for i in contacts.ids(s)) == from_archive
