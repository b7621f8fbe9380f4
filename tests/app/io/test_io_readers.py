"""Readers against one fixture per client and oddity (bytes as those clients write them)."""

import codecs
import datetime as dt

import pytest

from app.domain import NO_YEAR, CompanyDraft, ContactDraft
from app.io import columns, decode
from app.io.apply import run_import
from app.io.errors import FileUnreadable, RecordError, UnmappedColumns
from app.io.reader import open_source, sample_row, sniff_delimiter


def records(path, **kw):
    src = open_source(path, **kw)
    return src, list(src.records)


def test_outlook_21_gbk_charset_and_quoted_printable(fx):
    _, recs = records(fx("outlook_21_gbk_qp.vcf"))
    zhang, juergen = recs[0][1], recs[1][1]
    assert zhang.name == "张伟" and zhang.company == "华为技术有限公司"
    assert zhang.department == "销售部" and zhang.title == "销售经理"
    assert zhang.note == "Met at the fair\nSecond line of the note"  # QP soft break joined
    assert zhang.address == "中国广东深圳坂田华为基地 518129"  # largest first, as written there
    assert [(p.number, p.kind) for p in zhang.phones] == [
        ("+86 755 2878 0808", "work"), ("138-0013-8000", "mobile")]
    # the same file holds a cp1252 N and a QP UTF-8 FN
    assert juergen.name == "Jürgen Müller" and juergen.family_name == "Müller"


def test_apple_30_groups_types_photo_categories(fx):
    _, [(n, d)] = records(fx("apple_30.vcf"))
    assert n == 1 and d.name == "Johnny Appleseed"
    assert d.department == "Retail / Stores"
    assert [(e.address, e.kind) for e in d.emails] == [
        ("johnny@apple.com", "work"), ("johnny.home@icloud.com", "home")]
    assert [p.kind for p in d.phones] == ["mobile", "fax"]
    assert d.note == "Likes cider, apples\nand pears"
    assert d.tags == ["VIP", "Fruit"] and d.birthday == dt.date(1975, 3, 4)
    assert d.photo.startswith(b"\x89PNG") and d.photo_mime == "image/png"


def test_google_bom_and_folded_lines(fx):
    _, recs = records(fx("google_30_bom.vcf"))
    assert recs[0][1].note.endswith("longer than seventy-five octets.")
    assert recs[1][1].name == "李娜" and recs[1][1].company == "阿里巴巴集团"


def test_android_qp_utf8(fx):
    _, [(_, d)] = records(fx("android_21_qp.vcf"))
    assert d.name == "王芳" and [p.kind for p in d.phones] == ["mobile", "home"]


def test_vcard40_data_uri_photo_and_uri_tel(fx):
    _, [(_, d)] = records(fx("evolution_40.vcf"))
    assert d.name == "Émilie Dubois" and d.company == "Société Générale"
    assert d.phones[0].number == "+33-1-42-14-20-00"
    assert d.photo.startswith(b"\x89PNG") and d.birthday == dt.date(1980, 5, 12)


def test_big5_file_without_charset(fx):
    _, recs = records(fx("big5_21.vcf"))
    assert [r.name for _, r in recs] == ["陳大文", "林美玲"]
    assert recs[0][1].company == "台灣積體電路製造股份有限公司"


def test_malformed_cards_are_reported_and_the_rest_read(fx):
    _, recs = records(fx("broken.vcf"))
    assert [n for n, _ in recs] == [1, 2, 3, 4]
    assert isinstance(recs[1][1], RecordError) and isinstance(recs[3][1], RecordError)
    assert "END:VCARD" in recs[3][1].reason
    assert [r.name for _, r in recs if isinstance(r, ContactDraft)] == ["Good One", "Good Two"]


@pytest.mark.parametrize("name,client,expect", [
    ("google.csv", "Google", ("Ada", "Lovelace", "Analytical Engines Ltd", "CTO")),
    ("outlook_en.csv", "Outlook", ("John", "Smith", "Acme Corporation", "Account Manager")),
    ("outlook_de.csv", "Outlook (Deutsch)", ("Jürgen", "Weiß", "Müller & Söhne GmbH", "Verkaufsleiter")),
    ("outlook_fr.csv", "Outlook (Français)", ("Hélène", "Lefèvre", "Crédit Agricole S.A.", "Responsable achats")),
    ("outlook_zh_gbk.csv", "Outlook (中文)", ("强", "刘", "京东集团", "采购总监")),
    ("thunderbird.csv", "Thunderbird", ("Linus", "Berg", "Mozilla Test AB", "Engineer")),
    ("icloud.csv", "", ("Tim", "Cook", "Apple Inc.", "CEO")),
])
def test_csv_clients(fx, name, client, expect):
    src, recs = records(fx(name))
    d = recs[0][1]
    assert src.info["client"] == client
    assert (d.given_name, d.family_name, d.company, d.title) == expect
    assert d.emails and d.phones


def test_outlook_salutation_is_not_the_job_title(fx):
    src, recs = records(fx("outlook_en.csv"))
    assert src.info["mapping"]["Title"] == ""
    d = recs[0][1]
    assert d.address == "100 Main St, 62701 Springfield, IL, United States"
    assert d.tags == ["Customers", "Midwest"] and d.birthday == dt.date(1970, 1, 2)
    assert {p.kind for p in d.phones} == {"work", "mobile", "fax"}


def test_german_street_header_with_eszett(fx):
    _, recs = records(fx("outlook_de.csv"))
    assert recs[0][1].address.startswith("Königstraße 12")


def test_google_multi_values_and_labels(fx):
    _, recs = records(fx("google.csv"))
    ada, wang = recs[0][1], recs[1][1]
    assert [(e.address, e.kind) for e in ada.emails] == [
        ("ada@engines.co.uk", "work"), ("ada@home.example", "home")]
    assert ada.tags == ["Pioneers"]  # Google's "* myContacts" system group dropped
    assert wang.display_name() == "王芳" and len(wang.phones) == 2  # "a ::: b" in one cell


def test_chinese_headers_utf16_tab_separated(fx):
    src, recs = records(fx("generic_zh_utf16.tsv"))
    assert src.info["mapping"]["手机"] == "mobile"
    d = recs[0][1]
    assert (d.name, d.company, d.title) == ("赵敏", "小米科技有限责任公司", "市场总监")
    assert d.address == "北京市海淀区清河中街68号"


def test_big5_csv(fx):
    _, [(_, d)] = records(fx("generic_big5.csv"))
    assert d.name == "黃志明" and d.title == "經理"


def test_account_list_gives_companies(fx):
    src, recs = records(fx("accounts.csv"))
    assert src.info["companies"]
    assert all(isinstance(r, CompanyDraft) for _, r in recs)
    assert recs[1][1].name == "Initech LLC" and recs[1][1].website == "initech.example"


def test_unrecognized_headers_are_listed_and_can_be_mapped(fx):
    with pytest.raises(UnmappedColumns) as err:
        open_source(fx("unknown_headers.csv"))
    assert err.value.unknown == ["Customer", "Handphone", "Shoe size"]
    assert "Handphone" in str(err.value)
    # what their values suggest, for the rep to confirm (a Singapore mobile number)
    assert err.value.by_value == {"Customer": "name", "Handphone": "mobile"}
    assert 'these may fit: --map "Customer=name" --map "Handphone=mobile"' in str(err.value)
    assert not err.value.lettered
    _, [(_, d)] = records(fx("unknown_headers.csv"),
                          mapping={"Customer": "name", "Handphone": "mobile", "Shoe size": ""})
    assert d.name == "Pat Example" and d.phones[0].kind == "mobile"


def test_a_field_a_known_column_holds_is_not_suggested_for_an_unknown_one(tmp_path):
    """Kunde holds names too, but Name is the name: Kunde is left for the rep to place; its
    neighbour's +49 170 number is a mobile one."""
    path = tmp_path / "k.csv"
    path.write_text("Name,Kunde,Telefonnr\r\nAnn Lee,Bob Smith,+49 170 1234567\r\n",
                    encoding="utf-8")
    with pytest.raises(UnmappedColumns) as err:
        records(path)
    assert err.value.unknown == ["Kunde", "Telefonnr"]
    assert err.value.by_value == {"Telefonnr": "mobile"}


def test_remembered_mapping_is_used(fx):
    key = columns.header_key(["Customer", "Handphone", "Shoe size"])
    saved = {key: {"Customer": "name", "Handphone": "mobile", "Shoe size": ""}}
    _, [(_, d)] = records(fx("unknown_headers.csv"), remembered=saved.get)
    assert d.name == "Pat Example"


def test_ldif_base64_folding_groups_and_bad_entry(fx):
    _, recs = records(fx("thunderbird.ldif"))
    olaf = recs[0][1]
    assert olaf.name == "Olaf Øster" and olaf.company == "Fjord Fisk AS"
    assert olaf.note.endswith("second line in the file.")
    assert recs[1][1].company == "百度"
    # 3 is a mailing list, not a person: said so, and its member Olaf gets its name as a tag
    assert [n for n, _ in recs] == [1, 2, 3, 4]
    assert recs[2][1].reason.startswith("a mailing list (Friends), not a person")
    assert recs[2][1].label == "Friends"
    assert olaf.tags == ["Friends"] and recs[1][1].tags == []
    assert isinstance(recs[3][1], RecordError)


def test_xlsx_with_chinese_headers(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "公司", "职位", "手机", "邮箱"])
    ws.append(["钱伟", "美的集团", "区域经理", 13712345678, "qian.wei@midea.com"])
    wb.save(tmp_path / "list.xlsx")
    src, [(_, d)] = records(tmp_path / "list.xlsx")
    assert src.format == "xlsx"
    assert (d.name, d.company, d.phones[0].number) == ("钱伟", "美的集团", "13712345678")


@pytest.mark.parametrize("name,words", [
    ("image.png", "PNG image"), ("empty.csv", "empty"), ("binary.vcf", "binary"),
])
def test_not_an_address_book(fx, name, words):
    with pytest.raises(FileUnreadable, match=words):
        open_source(fx(name))


def test_absurdly_long_line(tmp_path):
    p = tmp_path / "long.csv"
    p.write_bytes(b"a," * 600_000 + b"\n")
    with pytest.raises(FileUnreadable, match="line of"):
        open_source(p)


def test_missing_file_and_fake_xlsx(tmp_path):
    with pytest.raises(FileUnreadable, match="does not exist"):
        open_source(tmp_path / "nope.vcf")
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(FileUnreadable, match="not an Excel"):
        open_source(tmp_path / "x.xlsx")


@pytest.mark.parametrize("data,enc", [
    ("Müller".encode("cp1252") * 20, "cp1252"),
    (codecs.BOM_UTF8 + "张伟".encode(), "utf-8-sig"),
    ("name,公司\n".encode("utf-16-le"), "utf-16-le"),
    ("姓名,公司,职位,手机号码,电子邮箱地址\n张伟,华为技术有限公司,销售经理\n".encode("gbk") * 3, "gb18030"),
])
def test_encoding_detection(data, enc):
    assert decode.sniff_encoding(data) == enc


def test_korean_euc_kr_is_not_read_as_chinese(tmp_path):
    """EUC-KR Hangul is valid GBK too (as common hanzi): a Korean address book must still
    come out in Korean, and Russian cp1251 in Cyrillic."""
    card = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:김;민준;;;\r\nFN:김민준\r\nORG:삼성전자\r\n"
            "ADR;TYPE=WORK:;;서울특별시 서초구 서초대로 74길 11;;;;\r\nEND:VCARD\r\n")
    (tmp_path / "kr.vcf").write_bytes(card.encode("euc_kr"))
    (tmp_path / "ru.csv").write_bytes("First Name,Last Name,Company\nИван,Петров,ООО Ромашка\n"
                                      .encode("cp1251"))
    [(_, kr)] = list(open_source(tmp_path / "kr.vcf").records)
    [(_, ru)] = list(open_source(tmp_path / "ru.csv").records)
    assert (kr.display_name(), kr.company) == ("김민준", "삼성전자")
    assert (ru.display_name(), ru.company) == ("Иван Петров", "ООО Ромашка")


def test_chinese_gbk_cards_are_never_taken_for_korean(tmp_path):
    """The Korean rule must not catch Chinese: 300 one-card GBK files with generated Chinese
    names, companies and addresses all read back as written."""
    from faker import Faker

    fake = Faker("zh_CN")
    fake.seed_instance(5)
    for i in range(300):
        name, company, address = fake.name(), fake.company(), fake.address().replace("\n", " ")
        data = (f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:{name}\r\nORG:{company}\r\n"
                f"ADR;WORK:;;{address};;;;\r\nEND:VCARD\r\n").encode("gbk")
        assert decode.decode(data, f"card{i}.vcf").startswith(f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:{name}")


@pytest.mark.parametrize("text,sep", [("a;b;c\n1;2;3\n", ";"), ("a\tb\n1\t2\n", "\t"),
                                      ('a,b\n"x, y",2\n', ",")])
def test_delimiter_detection(text, sep):
    assert sniff_delimiter(text) == sep


def _card(tmp_path, data: bytes):
    p = tmp_path / "c.vcf"
    p.write_bytes(data)
    return [r for _, r in open_source(p).records]


def test_shift_jis_and_iso8859_charsets_url_photo_and_x_props(tmp_path):
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:" + "山田;太郎".encode("shift_jis")
            + b"\r\nORG;CHARSET=ISO-8859-2:" + "Łódź Sp. z o.o.".encode("iso8859_2")
            + b"\r\nPHOTO;VALUE=URL:http://example.com/a.jpg\r\nX-CUSTOM;FOO=1:whatever\r\n"
            b"TEL;PREF:+81 3 1234 5678\r\nEND:VCARD\r\n")
    [d] = _card(tmp_path, data)
    assert (d.family_name, d.given_name, d.company) == ("山田", "太郎", "Łódź Sp. z o.o.")
    assert d.photo is None and d.phones[0].number == "+81 3 1234 5678"


def test_nested_agent_card_goes_to_vobject(tmp_path):
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss Person\r\nEMAIL:boss@corp.example\r\n"
            b"AGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:Assistant\r\nEND:VCARD\r\n"
            b"END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Next One\r\nEND:VCARD\r\n")
    recs = _card(tmp_path, data)
    assert len(recs) == 2 and recs[1].name == "Next One"
    assert isinstance(recs[0], RecordError) or recs[0].name == "Boss Person"


def test_utf16_vcard_and_mixed_encodings(tmp_path):
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:周杰伦\r\nTEL:+886 2 1234 5678\r\nEND:VCARD\r\n"
    [d] = _card(tmp_path, codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert d.name == "周杰伦"
    # one UTF-8 card, one GBK card without CHARSET in the same file
    mixed = (text.encode("utf-8") + "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:刘德华有限公司销售经理\r\n"
             "TEL:+852 2345 6789\r\nEND:VCARD\r\n".encode("gbk"))
    a, b = _card(tmp_path, mixed)
    assert a.name == "周杰伦" and b.name == "刘德华有限公司销售经理"


@pytest.mark.parametrize("offset", [60, 200, 400, 900, 2000])
def test_damaged_xlsx_is_unreadable_not_a_crash(fx, tmp_path, offset):
    # found by the fuzz test: a corrupt deflate stream raised zlib.error past the handlers
    data = bytearray(fx("generic_zh.xlsx").read_bytes())
    data[offset:offset + 8] = b"\x00\xff" * 4
    p = tmp_path / "damaged.xlsx"
    p.write_bytes(bytes(data))
    try:
        src = open_source(p)
        list(src.records)
    except FileUnreadable as exc:
        assert str(p) in str(exc)


def test_birthdays_without_a_year_are_kept(tmp_path):
    """Apple writes a birthday without a year as 1604 with X-APPLE-OMIT-YEAR, vCard 4.0 and
    Google as --MMDD / --MM-DD, Thunderbird leaves the year field empty: all are kept, in the
    year NO_YEAR; a month alone, a day alone or a date that cannot be are not."""
    from app.domain import NO_YEAR

    card = ("BEGIN:VCARD\r\nVERSION:{v}\r\nFN:{n}\r\nBDAY{p}:{b}\r\nEND:VCARD\r\n").format
    (tmp_path / "b.vcf").write_text("".join([
        card(v="3.0", n="Apple", p=";X-APPLE-OMIT-YEAR=1604", b="1604-04-15"),
        card(v="3.0", n="Apple leap", p=";X-APPLE-OMIT-YEAR=1604", b="1604-02-29"),
        card(v="4.0", n="Four", p="", b="--0415"),
        card(v="3.0", n="Dashes", p="", b="--04-15"),
        card(v="4.0", n="Month only", p="", b="--04"),
        card(v="4.0", n="No such day", p="", b="--0231"),
        card(v="3.0", n="Dated", p="", b="1980-04-15"),
        card(v="3.0", n="Year zero", p="", b="0001-04-15")]), encoding="utf-8")
    (tmp_path / "g.csv").write_text("Name,Birthday\r\nGoogle,--04-15\r\nGoogle dated,1980-04-15\r\n",
                                    encoding="utf-8")
    (tmp_path / "t.csv").write_text(
        "First Name,Last Name,Primary Email,Birth Year,Birth Month,Birth Day\r\n"
        "Tb,One,tb1@example.org,,4,15\r\nTb,Two,tb2@example.org,1980,4,15\r\n", encoding="utf-8")
    (tmp_path / "t.ldif").write_text(
        "dn: cn=Ld,mail=ld@example.org\ncn: Ld\nmail: ld@example.org\nbirthmonth: 04\n"
        "birthday: 15\n\n", encoding="utf-8")
    got = {}
    for name in ("b.vcf", "g.csv", "t.csv", "t.ldif"):
        for _, d in records(tmp_path / name)[1]:
            got[d.display_name()] = d.birthday
    yearless, dated = dt.date(NO_YEAR, 4, 15), dt.date(1980, 4, 15)
    assert got == {"Apple": yearless, "Apple leap": dt.date(NO_YEAR, 2, 29), "Four": yearless,
                   "Dashes": yearless, "Month only": None, "No such day": None, "Dated": dated,
                   "Year zero": None, "Google": yearless, "Google dated": dated,
                   "Tb One": yearless, "Tb Two": dated, "Ld": yearless}


def test_spreadsheet_text_markers_are_taken_off(tmp_path):
    """="0755…" (how CRMs write a number Excel must keep as text) and a leading apostrophe
    typed in Excel are not part of the number; elsewhere an apostrophe is the text's own."""
    (tmp_path / "x.csv").write_text(
        'Name,Company,Mobile Phone,Business Phone,Business City,Notes\r\n'
        'Ann Lee,\'47 Brand,\'+86 138 0013 8000,="0755-8601 3388",\'s-Hertogenbosch,'
        '"=""quoted"" note"\r\n', encoding="utf-8")
    [(_, d)] = records(tmp_path / "x.csv")[1]
    assert sorted(p.number for p in d.phones) == ["+86 138 0013 8000", "0755-8601 3388"]
    assert "'s-Hertogenbosch" in d.address and d.note == '="quoted" note'
    assert d.company == "'47 Brand"


def test_google_labels_with_a_comma_stay_whole(tmp_path):
    """Google separates labels with ":::" and allows a comma in one (its own labels start
    "* ": "* starred" is the tag "starred", "* myContacts" none); other files separate
    categories with ";" or ","."""
    (tmp_path / "g.csv").write_text(
        "First Name,Last Name,Labels,E-mail 1 - Value\r\n"
        'Ann,Lee,"* myContacts ::: Key accounts, North ::: VIP ::: * starred",ann@example.org\r\n',
        encoding="utf-8")
    (tmp_path / "o.csv").write_text(
        "First Name,Last Name,Categories,E-mail Address\r\nBo,Chen,VIP;Key accounts,bo@example.org\r\n"
        "Cy,Diaz,\"VIP, 华东、华南\",cy@example.org\r\n", encoding="utf-8")
    got = {d.display_name(): d.tags for name in ("g.csv", "o.csv")
           for _, d in records(tmp_path / name)[1]}
    assert got == {"Ann Lee": ["Key accounts, North", "VIP", "starred"],
                   "Bo Chen": ["VIP", "Key accounts"],
                   "Cy Diaz": ["VIP", "华东", "华南"]}


def test_two_columns_that_both_say_company_are_asked_about(tmp_path):
    """客户 ("customer") and 单位 ("employer") both read as the company: rather than keep the
    first and drop the other (the people's names went into the company), the rep is asked;
    once one is placed the other takes the field. Known clients' files are not affected."""
    path = tmp_path / "m.csv"
    path.write_text("客户,手机号码,单位,备注\r\n张三,13900001111,某某公司,老客户\r\n", encoding="utf-8")
    with pytest.raises(UnmappedColumns) as err:
        open_source(path)
    assert err.value.unknown == ["客户", "单位"]
    assert "客户 and 单位 both look like the company" in str(err.value)
    [(_, d)] = records(path, mapping={"客户": "name"})[1]
    assert (d.name, d.company, d.note) == ("张三", "某某公司", "老客户")
    [(_, d)] = records(path, mapping={"单位": "company", "客户": "name"})[1]
    assert (d.name, d.company) == ("张三", "某某公司")
    with pytest.raises(FileUnreadable, match="客户 and 单位 are both mapped to company"):
        open_source(path, mapping={"单位": "company", "客户": "company"})
    # a weak synonym beside the specific header is settled without asking, as before
    (tmp_path / "t.csv").write_text("Name,Title,Job Title\r\nAnn Lee,Ms.,Buyer\r\n",
                                    encoding="utf-8")
    [(_, d)] = records(tmp_path / "t.csv")[1]
    assert (d.name, d.title) == ("Ann Lee", "Buyer")


def test_excel_97_workbook(fx, tmp_path, capsys):
    """.xls as WPS or an old Excel saves it: Chinese headers, a phone typed as a number (not
    1.39e10 or 13912345678.0), a birthday as a date cell; the first sheet only."""
    src, recs = records(fx("generic_zh.xls"))
    assert src.format == "xls" and len(recs) == 2
    li, tom = recs[0][1], recs[1][1]
    assert (li.name, li.company, li.title) == ("李娜", "上海浦东发展银行", "客户经理")
    assert sorted(p.number for p in li.phones) == ["021-6161 8888", "13912345678"]
    assert li.birthday == dt.date(1988, 3, 8) and li.emails[0].address == "li.na@spdb.example.cn"
    assert [p.number for p in tom.phones] == ["447700900123"] and tom.birthday is None
    # an Office 97–2003 file that is no workbook (a Word document, a damaged book): said so
    doc = tmp_path / "letter.xls"
    doc.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 2000)
    with pytest.raises(FileUnreadable, match="not an Excel workbook.*save it as .xlsx"):
        open_source(doc)
    cut = tmp_path / "cut.xls"  # xlrd's warnings on a damaged book must not reach stdout (--json)
    cut.write_bytes(fx("generic_zh.xls").read_bytes()[:3000])
    with pytest.raises(FileUnreadable):
        open_source(cut)
    assert capsys.readouterr().out == ""


def test_the_headers_chinese_forms_and_mail_clients_write_need_no_mapping(tmp_path):
    """工作单位 (the employer), 所属公司, E-mail地址, 固话, 公司传真, 单位地址, 联系人分组, 国家/地区,
    公司网址, 生日日期: each asked about in the mapping step until the twelfth session."""
    path = tmp_path / "客户.csv"
    path.write_text(
        "姓名,工作单位,E-mail地址,固话,公司传真,单位地址,联系人分组,国家/地区,公司网址,生日日期\r\n"
        "王小明,深圳华强电子有限公司,wxm@hq.example.cn,0755-8888 1234,0755-8888 1235,"
        "深圳市福田区华强北路1号,广交会,中国,www.hq.example.cn,1985-06-01\r\n",
        encoding="utf-8")
    _, [(_, d)] = records(path)
    assert (d.name, d.company, d.emails[0].address) == ("王小明", "深圳华强电子有限公司",
                                                         "wxm@hq.example.cn")
    assert sorted((p.number, p.kind) for p in d.phones) == [
        ("0755-8888 1234", "work"), ("0755-8888 1235", "fax")]
    assert "华强北路1号" in d.address and d.tags == ["广交会"]
    assert d.websites == ["www.hq.example.cn"] and d.birthday == dt.date(1985, 6, 1)
    with pytest.raises(UnmappedColumns):  # and 所在公司 beside 单位 both claim the company
        records(_written(tmp_path / "two.csv", "姓名,单位,所在公司\r\n王小明,华强,华强电子\r\n"))


def _written(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_a_workbook_saved_with_a_password_says_so(fx, store, dump):
    """HQ's sheets often come with a password: the file is an OLE2 container, so it was called
    "an Office 97–2003 file but not an Excel workbook"; now the rep reads what to do."""
    before = dump(store)
    with pytest.raises(FileUnreadable) as err:
        run_import(store, [str(fx("protected.xlsx"))])
    said, = err.value.messages
    assert said.template.startswith("{file} is protected with a password")
    assert "save a copy without one" in str(err.value) and "97–2003" not in str(err.value)
    assert dump(store) == before


def test_the_list_on_a_workbook_s_second_sheet(tmp_path):
    """A workbook whose first sheet is the empty "Sheet1" beside the list: the list is read; a
    workbook with nothing in it says so."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    ws = wb.create_sheet("客户名单")
    ws.append(["姓名", "手机", "公司"])
    ws.append(["赵六", "13700001111", "某公司"])
    wb.save(tmp_path / "two.xlsx")
    [(_, d)] = records(tmp_path / "two.xlsx")[1]
    assert (d.name, d.company) == ("赵六", "某公司")
    openpyxl.Workbook().save(tmp_path / "blank.xlsx")
    with pytest.raises(FileUnreadable, match="no filled worksheet"):
        open_source(tmp_path / "blank.xlsx")


def test_a_title_above_the_header_row_is_skipped(tmp_path):
    """Hand-made lists often open with a title merged across the columns, a date or who made
    the list, and a blank row, before the header: those rows are skipped (until the ninth
    session the title was taken for the only column, and nothing imported)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2026年展会客户名单"])
    ws.merge_cells("A1:D1")
    ws.append(["制表：王芳 2026-11-01"])
    ws.append([])
    ws.append(["姓名", "公司", "手机", "邮箱"])
    ws.append(["张伟", "深圳市华强电子有限公司", "13800138000", "zw@hq.cn"])
    ws.append([])
    ws.append(["李娜", "上海浦东发展公司", "13900139000", "ln@pd.cn"])
    wb.save(tmp_path / "title.xlsx")
    src, recs = records(tmp_path / "title.xlsx")
    assert src.info["headers"] == ["姓名", "公司", "手机", "邮箱"]
    assert [(n, d.name, d.company) for n, d in recs] == [
        (1, "张伟", "深圳市华强电子有限公司"), (3, "李娜", "上海浦东发展公司")]
    assert sample_row(tmp_path / "title.xlsx") == ["张伟", "深圳市华强电子有限公司",
                                                   "13800138000", "zw@hq.cn"]
    # a GBK CSV whose title row is the title and empty cells
    (tmp_path / "title.csv").write_bytes(
        "客户通讯录,,,\r\n姓名,公司,手机,邮箱\r\n王芳,华为技术有限公司,13700137000,wf@hw.cn\r\n"
        .encode("gbk"))
    [(_, d)] = records(tmp_path / "title.csv")[1]
    assert (d.name, d.company, d.emails[0].address) == ("王芳", "华为技术有限公司", "wf@hw.cn")


def test_one_cell_rows_that_are_no_title(tmp_path):
    """A one-column list keeps its first row as the header (its unknown name is asked about,
    not its first value), and a known header of one column after a title is the header."""
    import openpyxl

    def sheet(name, rows):
        wb = openpyxl.Workbook()
        for row in rows:
            wb.active.append(row)
        wb.save(tmp_path / name)
        return tmp_path / name

    with pytest.raises(UnmappedColumns) as err:
        open_source(sheet("one.xlsx", [["Customer"], ["Zhang Wei"], ["Li Na"]]))
    assert err.value.headers == ["Customer"]
    src, recs = records(sheet("mails.xlsx", [["Kundenliste"], ["E-Mail"], ["a@b.de"],
                                             ["c@d.de"]]))
    assert src.info["headers"] == ["E-Mail"]
    assert [d.emails[0].address for _, d in recs] == ["a@b.de", "c@d.de"]


def test_contact_groups_become_their_members_tags(tmp_path):
    """Apple's group cards (X-ADDRESSBOOKSERVER-KIND:group) and vCard 4.0's (KIND:group) are
    no people: they are skipped with a reason, and their members in the file, found by UID
    before or after the group, get the group's name as a tag (until the eighth session each
    group became a person named "VIP Customers")."""
    card = "BEGIN:VCARD\r\nVERSION:{0}\r\n{1}\r\nEND:VCARD\r\n".format
    (tmp_path / "g.vcf").write_text("".join([
        card("3.0", "FN:Ann Lee\r\nEMAIL:ann@example.org\r\nUID:ABC-1\r\nCATEGORIES:VIP"),
        card("3.0", "N:VIP Customers\r\nFN:VIP Customers\r\nX-ADDRESSBOOKSERVER-KIND:group\r\n"
                    "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:abc-1\r\n"
                    "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:def-2"),
        card("4.0", "KIND:group\r\nFN:展会 2026\r\nMEMBER:urn:uuid:def-2\r\nMEMBER:urn:uuid:abc-1"),
        card("3.0", "FN:Bo Chen\r\nEMAIL:bo@example.org\r\nUID:urn:uuid:DEF-2"),
        card("3.0", "FN:Cy Diaz\r\nEMAIL:cy@example.org\r\nUID:ghi-3")]), encoding="utf-8")
    recs = records(tmp_path / "g.vcf")[1]
    people = {d.display_name(): d.tags for _, d in recs if not isinstance(d, RecordError)}
    assert people == {"Ann Lee": ["VIP", "VIP Customers", "展会 2026"],
                      "Bo Chen": ["VIP Customers", "展会 2026"], "Cy Diaz": []}
    skipped = [(n, d.reason) for n, d in recs if isinstance(d, RecordError)]
    assert [n for n, _ in skipped] == [2, 3] and "a contact group (展会 2026)" in skipped[1][1]
    # the report names them (its Name column showed "(no name)")
    assert [d.label for _, d in recs if isinstance(d, RecordError)] == ["VIP Customers", "展会 2026"]


def test_an_address_column_beside_city_state_and_zip(tmp_path):
    """"Address, City, State, Zip, Country" (Salesforce, HubSpot, most hand-made lists): one
    address with all of it (the city, state and zip were dropped); an address line that holds
    them already does not get them twice."""
    (tmp_path / "a.csv").write_text(
        "Name,Email,Address,City,State,Zip,Country\r\n"
        "Ann Lee,ann@acme.example,1 Main St,Springfield,IL,62701,USA\r\n"
        'Bo Chen,bo@acme.example,"5 Elm St, Springfield, IL 62702",Springfield,IL,62702,\r\n'
        "王芳,wf@example.cn,,深圳,广东,518000,中国\r\n"
        "孙八,s8@example.cn,中山路100号,中山,广东,528400,中国\r\n", encoding="utf-8")
    got = [d.address for _, d in records(tmp_path / "a.csv")[1]]
    assert got == ["1 Main St, 62701 Springfield, IL, USA", "5 Elm St, Springfield, IL 62702",
                   "中国广东深圳 518000", "中国广东中山中山路100号 528400"]


def test_crm_exports_from_hubspot_and_salesforce(tmp_path):
    """The lists HQ hands out come from a CRM: their headers are recognized (the street, state,
    zip and country went unrecognized), their bookkeeping columns ignored, and a CRM's own
    "Record ID" is no Satchel id (the row is an ordinary one, not an edit of a record)."""
    (tmp_path / "hubspot.csv").write_text(
        "Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,"
        "Job Title,Street Address,City,State/Region,Postal Code,Country/Region,Website URL,"
        "Contact owner,Lifecycle Stage,Create Date\r\n"
        "51234,Ann,Lee,ann@acme.example,+1 212 555 0100,+1 917 555 0199,Acme Inc,Buyer,"
        "1 Main St,Springfield,IL,62701,United States,https://acme.example,Pat,lead,"
        "2026-01-05\r\n", encoding="utf-8")
    (tmp_path / "salesforce.csv").write_text(
        "Salutation,First Name,Last Name,Title,Account Name,Mailing Street,Mailing City,"
        "Mailing State/Province,Mailing Zip/Postal Code,Mailing Country,Phone,Mobile,Email,"
        "Contact Owner\r\n"
        "Ms.,Bo,Chen,CFO,Globex,5 Elm St,Shelbyville,IL,62565,USA,+1 217 555 0101,,"
        "bo@globex.example,Pat\r\n", encoding="utf-8")
    [(_, ann)] = records(tmp_path / "hubspot.csv")[1]
    [(_, bo)] = records(tmp_path / "salesforce.csv")[1]
    assert isinstance(ann, ContactDraft)  # not a Satchel record to edit (tabular.Contacted)
    assert (ann.display_name(), ann.company, ann.title, ann.websites) == (
        "Ann Lee", "Acme Inc", "Buyer", ["https://acme.example"])
    assert ann.address == "1 Main St, 62701 Springfield, IL, United States"
    assert sorted((p.kind, p.number) for p in ann.phones) == [
        ("mobile", "+1 917 555 0199"), ("work", "+1 212 555 0100")]
    assert (bo.display_name(), bo.company, bo.title) == ("Bo Chen", "Globex", "CFO")
    assert bo.address == "5 Elm St, 62565 Shelbyville, IL, USA"


def test_messenger_handles_are_kept_in_the_note(tmp_path):
    """A Chinese client is reached on WeChat or QQ more than by mail: the columns 微信 and QQ
    of a sheet, and IMPP / X-QQ / X-SKYPE of a card, are kept in the note under their
    service's name (they were dropped)."""
    (tmp_path / "w.csv").write_text(
        "姓名,手机,微信,QQ,公司,备注\r\n陈静,13800001111,chenjing_88,12345678,华南贸易,老客户\r\n",
        encoding="utf-8")
    [(_, d)] = records(tmp_path / "w.csv")[1]
    assert d.note == "老客户\n微信: chenjing_88\nQQ: 12345678"
    # a note that holds a handle already does not get it twice
    (tmp_path / "n.csv").write_text("姓名,微信,备注\r\n陈静,chenjing_88,微信: chenjing_88\r\n",
                                    encoding="utf-8")
    [(_, d)] = records(tmp_path / "n.csv")[1]
    assert d.note == "微信: chenjing_88"
    # a WPS sheet as Chinese offices keep them: its row number and gender need no mapping step
    (tmp_path / "wps.csv").write_text(
        "序号,姓名,性别,手机,单位,职务,QQ,生日\r\n1,陈静,女,13800001111,华南贸易,经理,12345678,"
        "1990-05-04\r\n", encoding="gbk")
    [(_, d)] = records(tmp_path / "wps.csv")[1]
    assert (d.name, d.company, d.title, d.note) == ("陈静", "华南贸易", "经理", "QQ: 12345678")
    (tmp_path / "w.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@example.org\r\n"
        "IMPP;X-SERVICE-TYPE=WeChat;type=pref:x-apple:ann_lee\r\nX-QQ:987654\r\n"
        "IMPP:xmpp:ann@jabber.example\r\nX-SKYPE-USERNAME:ann.lee\r\nX-QQ:987654\r\n"
        "IMPP:x-apple:ann.home\r\nIMPP:\r\n"
        "NOTE:Met in Canton\\nSkype: ann.lee\r\nEND:VCARD\r\n", encoding="utf-8")
    [(_, d)] = records(tmp_path / "w.vcf")[1]
    assert d.note == ("Met in Canton\nSkype: ann.lee\nWeChat: ann_lee\nQQ: 987654\n"
                      "XMPP: ann@jabber.example\nIM: ann.home")


def test_only_addresses_become_e_mail_addresses(tmp_path):
    """The same e-mail is the same person: a placeholder a sheet writes where it has no address
    ("n/a", "无", "-") made all its rows one person, the others reported "unchanged" and lost.
    An address inside a display name or after mailto: is taken out; several in a cell are
    several; text that is no address is kept in the note."""
    (tmp_path / "m.csv").write_text(
        "Name,Email,E-mail 2 Address\r\nCy Diaz,n/a,\r\nEve Fox,n/a,-\r\n王五,无,\r\n"
        'Ann Lee,Ann Lee <Ann@Example.org>,"mailto:ann.lee@example.org; a@b.org c@d.org"\r\n'
        "Dee Ray,dee at example dot org,\r\nSean O'Brien,sean.o'brien@example.ie,\r\n",
        encoding="utf-8")
    got = {d.display_name(): ([e.address for e in d.emails], d.note)
           for _, d in records(tmp_path / "m.csv")[1]}
    assert got == {"Cy Diaz": ([], ""), "Eve Fox": ([], ""), "王五": ([], ""),
                   "Ann Lee": (["Ann@Example.org", "ann.lee@example.org", "a@b.org", "c@d.org"],
                               ""),
                   "Dee Ray": ([], "E-mail: dee at example dot org"),
                   "Sean O'Brien": (["sean.o'brien@example.ie"], "")}
    (tmp_path / "m.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gus Ho\r\nEMAIL:n/a\r\nEMAIL:Gus <gus@ho.example>\r\n"
        "END:VCARD\r\n", encoding="utf-8")
    [(_, d)] = records(tmp_path / "m.vcf")[1]
    assert [e.address for e in d.emails] == ["gus@ho.example"] and d.note == ""


def test_a_placeholder_e_mail_does_not_merge_people(store, tmp_path):
    from app.io.apply import run_import
    from app.services import contacts

    (tmp_path / "m.csv").write_text("Name,Email\r\nCy Diaz,n/a\r\nEve Fox,n/a\r\n",
                                    encoding="utf-8")
    assert run_import(store, [str(tmp_path / "m.csv")]).created == 2
    with store.read() as s:
        assert sorted(contacts.get(s, i).name for i in contacts.ids(s)) == ["Cy Diaz", "Eve Fox"]


def test_a_phone_cell_without_a_digit_is_no_number(tmp_path):
    """"-" or "无" where a sheet has no number is dropped; other text is kept in the note."""
    (tmp_path / "p.csv").write_text("Name,Mobile Phone,Business Phone\r\nCy Diaz,-,ask reception\r\n"
                                    "王五,无,0755-8601 3388\r\n", encoding="utf-8")
    got = {d.display_name(): ([p.number for p in d.phones], d.note)
           for _, d in records(tmp_path / "p.csv")[1]}
    assert got == {"Cy Diaz": ([], "Phone: ask reception"), "王五": (["0755-8601 3388"], "")}


def test_numbers_excel_wrote_in_scientific_notation(tmp_path):
    """A CSV that Excel saved from a General-format column writes 8613800138000 as
    "8.6138E+12": its last digits are gone. Such a number is no phone number (it would call
    someone else): it is kept in the note, saying why. Where all the digits are there
    ("1.3800138000E+10", a column formatted with ten decimals), it is the number."""
    rows = ["客户名单（2026年11月）,,,", "姓名,公司,手机,座机",
            "王小明,深圳华强电子,8.6138E+12,7.55123E+10",
            "李娜,白云贸易,1.3800138000E+10,020-87654321",
            "赵六,中关村科技,'+86 139 0013 9000,1.3800138E+10"]
    (tmp_path / "s.csv").write_bytes("\r\n".join(rows).encode("gbk"))
    got = {d.display_name(): ({p.number for p in d.phones}, set(d.note.splitlines()))
           for _, d in records(tmp_path / "s.csv")[1]}
    lost = "(shortened by Excel, its last digits are lost)"
    assert got == {
        "王小明": (set(), {f"Phone: 8.6138E+12 {lost}", f"Phone: 7.55123E+10 {lost}"}),
        "李娜": ({"13800138000", "020-87654321"}, set()),
        "赵六": ({"+86 139 0013 9000"}, {f"Phone: 1.3800138E+10 {lost}"})}
    # the import's report names what was set aside (ContactDraft.set_aside)
    assert {d.display_name(): set(d.set_aside) for _, d in records(tmp_path / "s.csv")[1]} \
        == {name: noted for name, (_, noted) in got.items()}


def test_a_chinese_name_given_in_parts_is_written_family_name_first(store, tmp_path):
    """A card with N but no FN (old phones write such 2.1 cards), a sheet with first and last
    name columns: 王 + 小明 is 王小明, not "小明 王"; a Latin name keeps given name first."""
    from app.io.apply import run_import
    from app.services import contacts

    (tmp_path / "n.vcf").write_bytes(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:王;小明;;;\r\nTEL;CELL:13900139000\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lovelace;Ada;;;\r\nTEL:+44 20 7946 0000\r\n"
        "END:VCARD\r\n".encode("gbk"))
    (tmp_path / "n.csv").write_text("First Name,Last Name,Mobile Phone\r\n"
                                    "一郎,山田,+81 90 1234 5678\r\n", encoding="utf-8")
    run_import(store, [tmp_path / "n.vcf", tmp_path / "n.csv"])
    with store.read() as s:
        names = sorted((v.name, v.family_name, v.given_name)
                       for v in contacts.get_many(s, contacts.ids(s)))
    assert names == [("Ada Lovelace", "Lovelace", "Ada"), ("山田一郎", "山田", "一郎"),
                     ("王小明", "王", "小明")]


def test_a_chinese_address_in_columns_is_written_largest_part_first(tmp_path):
    """省份 / 城市 / 区县 / 详细地址 / 邮编, as a Chinese sheet has them: one address from the
    province down, each part once (a detailed address that starts with its city, a
    municipality that is its own province), the postcode after it. A Latin one keeps its
    order, a card's ADR the same rule."""
    (tmp_path / "a.csv").write_bytes(
        "序号,姓名,性别,省份,城市,区县,详细地址,邮编\r\n"
        "1,王小明,男,广东省,深圳市,福田区,华强北路1002号,518031\r\n"
        "2,李娜,女,广东省,深圳市,南山区,深圳市南山区科技园南区,518057\r\n"
        "3,赵六,男,北京市,北京市,海淀区,中关村大街27号,100080\r\n"
        "4,钱七,男,北京,北京市,,中关村大街28号,\r\n"
        # the city of 中山, and a 中山路 (there is one in most Chinese cities)
        "5,孙八,男,广东,中山,,中山路100号,\r\n"
        "6,周九,男,福建省,厦门市,,中山路100号,\r\n".encode("gbk"))
    got = [d.address for _, d in records(tmp_path / "a.csv")[1]]
    assert got == ["广东省深圳市福田区华强北路1002号 518031", "广东省深圳市南山区科技园南区 518057",
                   "北京市海淀区中关村大街27号 100080", "北京市中关村大街28号", "广东中山中山路100号",
                   "福建省厦门市中山路100号"]
    (tmp_path / "a.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Wu\r\n"
        "ADR;TYPE=WORK:;;华强北路1002号;Shenzhen;Guangdong;518031;China\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:吴\r\n"
        "ADR;TYPE=WORK:;;华强北路1002号;深圳市;广东省;518031;China\r\nEND:VCARD\r\n",
        encoding="utf-8")
    got = [d.address for _, d in records(tmp_path / "a.vcf")[1]]
    assert got == ["华强北路1002号, 518031 Shenzhen, Guangdong, China",
                   "广东省深圳市华强北路1002号 518031, China"]


def test_several_numbers_in_one_cell_are_several_numbers(tmp_path):
    """"13800138000/13900139000", "…、…", "…，…", one a line: a sheet typed by hand puts a
    person's numbers in one cell. Each is a number of its own; an extension after a comma
    stays with its number."""
    (tmp_path / "n.csv").write_bytes(
        "姓名,手机,电话\r\n"
        '王小明,13800138000/13900139000,"0755-8601 3388, 转 808"\r\n'
        "李娜,13700137000、020-87654321,\r\n"
        '赵六,"139 0013 9000，138 0013 8001",+86 (10) 6275 1234\r\n'
        'Ann Lee,"+1 212 555 0100\n+1 212 555 0101",\r\n'.encode("gb18030"))
    got = {d.display_name(): [p.number for p in d.phones]
           for _, d in records(tmp_path / "n.csv")[1]}
    assert got == {"王小明": ["0755-8601 3388, 转 808", "13800138000", "13900139000"],
                   "李娜": ["13700137000", "020-87654321"],
                   "赵六": ["+86 (10) 6275 1234", "139 0013 9000", "138 0013 8001"],
                   "Ann Lee": ["+1 212 555 0100", "+1 212 555 0101"]}


def test_birthdays_as_a_chinese_sheet_writes_them(tmp_path):
    """1990年7月1日, 7月1号, full-width digits, 3月5日 without a year (kept in NO_YEAR, as other
    yearless birthdays); a birthday no date can be read from is kept in the note."""
    (tmp_path / "b.csv").write_text(
        "姓名,手机,生日\r\n王一,13800138001,1990年7月1日\r\n王二,13800138002,1990年7月1号\r\n"
        "王三,13800138003,１９８５年１２月３１日\r\n王四,13800138004,3月5日\r\n"
        "王五,13800138005,明年春天\r\n", encoding="utf-8")
    got = {d.display_name(): (d.birthday, d.note) for _, d in records(tmp_path / "b.csv")[1]}
    assert got == {"王一": (dt.date(1990, 7, 1), ""), "王二": (dt.date(1990, 7, 1), ""),
                   "王三": (dt.date(1985, 12, 31), ""), "王四": (dt.date(NO_YEAR, 3, 5), ""),
                   "王五": (None, "Birthday: 明年春天")}


def test_a_company_directory_from_wecom_or_dingtalk(tmp_path):
    """A company directory's export (WeCom, DingTalk) imports without a mapping step: its
    account, alias, employee number, hire date and office columns mean nothing here, its
    personal and company mailboxes are the home and work e-mail, and an extension column
    belongs to the work number beside it (one number with it: normalize.phone_key)."""
    (tmp_path / "d.csv").write_text(
        "姓名,账号,别名,工号,职务,部门,手机,座机,分机号,个人邮箱,企业邮箱,办公地点,入职时间\r\n"
        "王小明,wangxm,小明,A001,销售经理,华南区销售部,13800138000,0755-86013388,808,"
        "wxm@163.com,wxm@hq.example.cn,深圳总部,2020-01-01\r\n"
        "李娜,lina,,A002,经理,市场部,13700137000,,809,,lina@hq.example.cn,深圳总部,\r\n",
        encoding="utf-8")
    got = {d.display_name(): ([(p.number, p.kind) for p in d.phones],
                              [(e.address, e.kind) for e in d.emails], d.note)
           for _, d in records(tmp_path / "d.csv")[1]}
    assert got == {
        "王小明": ([("0755-86013388 ext. 808", "work"), ("13800138000", "mobile")],
                [("wxm@hq.example.cn", "work"), ("wxm@163.com", "home")], ""),
        "李娜": ([("13700137000", "mobile")], [("lina@hq.example.cn", "work")],
               "Extension: 809")}


def test_e_mail_addresses_typed_in_a_chinese_input_method(tmp_path):
    """Full-width "＠" and letters (an input method's full-width mode) are an address; Chinese
    written against an address ("联系wxm@…", "…（工作）") is not part of it."""
    (tmp_path / "e.csv").write_text(
        "姓名,邮箱\r\n王一,ｗｘｍ＠ｈｑ．ｅｘａｍｐｌｅ．ｃｎ\r\n王二,wang2＠hq.example.cn\r\n"
        "王三,联系wang3@hq.example.cn（工作）\r\n", encoding="utf-8")
    got = {d.display_name(): ([e.address for e in d.emails], d.note)
           for _, d in records(tmp_path / "e.csv")[1]}
    assert got == {"王一": (["wxm@hq.example.cn"], ""), "王二": (["wang2@hq.example.cn"], ""),
                   "王三": (["wang3@hq.example.cn"], "")}


@pytest.mark.parametrize("name", ["merged_zh.xlsx", "merged_zh.xls"])
def test_a_company_merged_over_its_peoples_rows_is_every_ones(fx, name):
    """A Chinese sheet merges a company's cell over the rows of its people: each of them is at
    that company (before, the second and third had none). A title merged across the columns
    above the header is still one title, skipped; so the mapping step's first values."""
    src, recs = records(fx(name))
    assert [(d.display_name(), d.company) for _, d in recs] == [
        ("王小明", "深圳华强电子有限公司"), ("李娜", "深圳华强电子有限公司"),
        ("赵六", "深圳华强电子有限公司"), ("钱七", "广州白云贸易公司")]
    assert sample_row(fx(name))[:2] == ["深圳华强电子有限公司", "王小明"]


@pytest.mark.parametrize("name,entries,says", [
    ("客户.ods", {"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                 "content.xml": "<office:document-content/>"}, "OpenDocument spreadsheet"),
    ("客户.numbers", {"Index/Document.iwa": "", "Metadata/Properties.plist": ""},
     "Apple Numbers spreadsheet"),
    ("客户.xlsb", {"[Content_Types].xml": "<Types/>", "xl/workbook.bin": ""},
     r"Excel binary workbook \(\.xlsb\).*Save it as an Excel workbook \(\.xlsx\)"),
    ("客户.zip", {"a.txt": "hello"}, "zip file but not an Excel workbook")])
def test_a_spreadsheet_satchel_cannot_read_says_how_to_save_it(tmp_path, name, entries, says):
    """LibreOffice's and Apple Numbers' spreadsheets are zip files too: the message says what
    the file is and how to save it as one Satchel reads, not just "not an Excel workbook"."""
    import zipfile

    with zipfile.ZipFile(tmp_path / name, "w") as z:
        for entry, text in entries.items():
            z.writestr(entry, text)
    with pytest.raises(FileUnreadable, match=says):
        open_source(tmp_path / name)


_NO_HEADER = [["王小明", "深圳华强电子有限公司", "销售经理", "138 0013 8000", "wxm@hq.example.cn",
               "广东省深圳市福田区华强北路1号"],
              ["李娜", "广州白云贸易有限公司", "采购主管", "13700137000", "lina@by.example.cn",
               "广州市白云区机场路88号"],
              ["Anna Schmidt", "Acme Industrial GmbH", "Sales Director", "+49 170 1234567",
               "anna@acme.de", "Hauptstraße 5, 80331 München"]]


def _csv(rows: list[list[str]]) -> str:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def test_a_sheet_without_a_header_row_keeps_its_first_row(tmp_path):
    """A rep's own list often starts with its first person: that row was read as the headers
    (and lost), and its "columns" could not be mapped. A first row that names no column but
    holds an e-mail address or a phone number is data: the columns are named by letter, and
    what each holds is guessed from the values for the rep to confirm, never imported on the
    guess alone (nor remembered: another such sheet may order its columns otherwise)."""
    path = tmp_path / "客户.csv"
    path.write_bytes(("客户名单（2026年11月）\r\n" + _csv(_NO_HEADER)).encode("gb18030"))
    with pytest.raises(UnmappedColumns) as err:
        records(path)
    letters = [f"Column {c}" for c in "ABCDEF"]
    assert err.value.headers == letters
    assert err.value.by_value == dict(zip(letters, ["name", "company", "title", "mobile",
                                                    "email", "address"], strict=True))
    assert '--map "Column A=name"' in str(err.value) and "no header row" in str(err.value)
    assert sample_row(path)[0] == "王小明"  # what the mapping step shows beside Column A
    src, got = records(path, mapping=err.value.by_value)
    assert [d.display_name() for _, d in got] == ["王小明", "李娜", "Anna Schmidt"]
    assert [n for n, _ in got] == [1, 2, 3]  # the first row is record 1
    assert got[0][1].phones[0].kind == "mobile" and got[2][1].company == "Acme Industrial GmbH"
    assert src.info["header_key"] is None  # not remembered


def test_headers_that_name_nothing_known_are_still_headers(tmp_path):
    """Only a row with an address or a number is taken for data: "Kunde, Handy" is a header row
    of unknown names, mapped as before."""
    path = tmp_path / "k.csv"
    path.write_text("Kunde,Handy,Schuhgröße\r\nAnn Lee,+65 9123 4567,42\r\n", encoding="utf-8")
    with pytest.raises(UnmappedColumns) as err:
        records(path)
    assert err.value.headers == ["Kunde", "Handy", "Schuhgröße"] and not err.value.lettered


def test_an_excel_sheet_without_a_header_row(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    for row in _NO_HEADER:
        wb.active.append(row)
    wb.save(tmp_path / "k.xlsx")
    with pytest.raises(UnmappedColumns) as err:
        records(tmp_path / "k.xlsx")
    _, got = records(tmp_path / "k.xlsx", mapping=err.value.by_value)
    assert [d.emails[0].address for _, d in got] == ["wxm@hq.example.cn", "lina@by.example.cn",
                                                     "anna@acme.de"]


def test_what_a_column_holds_is_guessed_from_its_values():
    from app.io import headerless

    rows = [["Ada Lovelace", "+44 20 7946 0000", "www.acme.example.com", "1815-12-10", "x"],
            ["Alan Turing", "020 7946 0001", "https://turing.example.org", "1912-06-23", ""],
            ["Grace Hopper", "(212) 555-0100", "hopper.example.com", "1906-12-09", "y"]]
    assert headerless.guess(rows) == {0: "name", 1: "phone", 2: "website", 3: "birthday"}
    # birthdays as Chinese sheets write them, read as the readers read them (vcard.parse_date)
    assert headerless.guess([["1990年7月1号"], ["3月5日"], ["１９８５年１２月３１日"]]) == {0: "birthday"}
    assert headerless.column_name(0) == "Column A" and headerless.column_name(27) == "Column AB"
    assert not headerless.is_data(["Name", "E-mail"]) and headerless.is_data(["Ann", "a@b.example"])


def test_chinese_mail_clients_address_books_need_no_mapping(tmp_path):
    """NetEase (163) mail and Foxmail write 电话号码, 家庭地址, 个人网页: until the eleventh session
    these stopped the command line and asked the rep in the app."""
    (tmp_path / "163.csv").write_text(
        "姓名,邮箱地址,手机号码,电话号码,公司名称,部门,职位,联系地址,生日,备注,分组\r\n"
        "王小明,wxm@163.com,13800138000,0755-86013388,华强电子,销售部,经理,深圳市福田区,"
        "1990-07-01,,客户\r\n", encoding="gb18030")
    (tmp_path / "foxmail.csv").write_text(
        "名,姓,昵称,电子邮件地址,移动电话,家庭电话,商务电话,公司,部门,职位,办公地址,家庭地址,"
        "网页,生日,附注,个人网页,传真\r\n"
        "娜,李,娜娜,lina@qq.com,13700137000,,020-87654321,白云贸易,,,,广州市天河区体育西路1号,"
        ",,,https://lina.example.cn,\r\n", encoding="gb18030")
    [(_, wang)] = records(tmp_path / "163.csv")[1]
    assert sorted(p.number for p in wang.phones) == ["0755-86013388", "13800138000"]
    [(_, li)] = records(tmp_path / "foxmail.csv")[1]
    assert (li.display_name(), li.address, li.websites) == (
        "李娜", "广州市天河区体育西路1号", ["https://lina.example.cn"])


def test_columns_the_rep_puts_in_the_note_keep_their_header(tmp_path):
    """A fair list's 所属行业 and 意向产品 mapped to the note: "电子" and "LED灯" alone would say
    nothing there, so each is written under its column's name; the sheet's own 备注 is not."""
    path = tmp_path / "fair.csv"
    path.write_text("联系人,手机号,所属行业,意向产品,跟进人,备注\r\n"
                    "王小明,13800138000,电子,LED灯,张三,展会第二天\r\n", encoding="utf-8")
    mapping = {"所属行业": "note", "意向产品": "note", "跟进人": ""}
    [(_, d)] = records(path, mapping=mapping)[1]
    assert d.note.splitlines() == ["所属行业: 电子", "意向产品: LED灯", "展会第二天"]


def test_a_files_records_are_counted_before_it_is_read(fx, tmp_path):
    """`Source.expected`, for the preview's progress bar: cards, LDIF entries, lines under a
    CSV's header, a sheet's rows; what the reading then finds, for well-made files."""
    for name in ("outlook_21_gbk_qp.vcf", "apple_30.vcf", "big5_21.vcf", "evolution_40.vcf",
                 "google.csv", "outlook_zh_gbk.csv", "generic_zh_utf16.tsv", "thunderbird.ldif",
                 "generic_zh.xlsx", "broken.vcf"):
        src = open_source(fx(name))
        assert src.expected == sum(1 for _ in src.records) > 0, name
    assert open_source(fx("generic_zh.xls")).expected == 0  # (not known: the bar just runs)
    # a guess: a line inside quotes is no record
    quoted = tmp_path / "notes.csv"
    quoted.write_text('Name,Notes\r\nAnn,"two\r\nlines"\r\nBo,one\r\n', encoding="utf-8")
    src = open_source(quoted)
    assert (src.expected, sum(1 for _ in src.records)) == (3, 2)
