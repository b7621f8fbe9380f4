"""Text -> fields on text written like real cards and e-mail signatures (no OCR involved)."""

import pytest

from ocr.front_back import merge
from ocr.parse import parse_text
from ocr.types import CardResult, FieldValue


def values(fields, key):
    return [v.value for v in fields.get(key, [])]


def best(fields, key):
    vs = fields.get(key) or []
    return max(vs, key=lambda v: v.confidence).value if vs else ""


def phones(fields):
    return [(v.value, v.kind) for v in fields.get("phones", [])]


def test_western_card():
    f = parse_text("""Jane Doe
Senior Sales Manager
ACME Widgets Inc.
1600 Amphitheatre Parkway, Suite 200
Mountain View, CA 94043
T +1 650 253 0000  M +1 650 555 0199
Fax: +1 650 253 0001
jane.doe@acmewidgets.com | www.acmewidgets.com""", region="US")
    assert best(f, "name") == "Jane Doe"
    assert (best(f, "given_name"), best(f, "family_name")) == ("Jane", "Doe")
    assert best(f, "title") == "Senior Sales Manager"
    assert best(f, "company") == "ACME Widgets Inc."
    assert values(f, "emails") == ["jane.doe@acmewidgets.com"]
    assert values(f, "websites") == ["www.acmewidgets.com"]
    assert phones(f) == [("+1 650-253-0000", "work"), ("+1 650-555-0199", "mobile"),
                         ("+1 650-253-0001", "fax")]
    assert best(f, "address") == "1600 Amphitheatre Parkway, Suite 200, Mountain View, CA 94043"
    assert all(0 < v.confidence <= 1 for vs in f.values() for v in vs)


def test_chinese_card_with_labels():
    f = parse_text("""上海汽车集团股份有限公司
陈静
采购总监
地址：上海市静安区威海路489号
电话：021 2201 1888
手机：139 1111 2222
传真：021 2201 1999
邮箱：chen.jing@saicmotor.com""")
    assert best(f, "name") == "陈静"
    assert (best(f, "family_name"), best(f, "given_name")) == ("陈", "静")
    assert best(f, "title") == "采购总监"
    assert best(f, "company") == "上海汽车集团股份有限公司"
    assert best(f, "address") == "上海市静安区威海路489号"
    assert phones(f) == [("021 2201 1888", "work"), ("139 1111 2222", "mobile"),
                         ("021 2201 1999", "fax")]
    assert values(f, "emails") == ["chen.jing@saicmotor.com"]


def test_compound_surname_and_unlabelled_chinese_mobile():
    f = parse_text("欧阳明华\n市场部\n13812345678\n北京小米科技有限责任公司")
    assert (best(f, "family_name"), best(f, "given_name")) == ("欧阳", "明华")
    assert best(f, "department") == "市场部"
    assert phones(f) == [("138 1234 5678", "mobile")]
    assert best(f, "company") == "北京小米科技有限责任公司"


def test_bilingual_card_chinese_first_english_kept():
    f = parse_text("""深圳华强电子有限公司
Shenzhen Huaqiang Electronics Co., Ltd.
王伟  David Wang
销售经理 Sales Manager
Tel: +86 755 8888 1234
Mobile: +86 138 0013 8000
david.wang@hqe.com.cn
深圳市福田区华强北路1002号
1002 Huaqiang North Road, Futian District, Shenzhen""")
    assert best(f, "name") == "王伟"
    assert values(f, "name") == ["王伟", "David Wang"]
    assert best(f, "company") == "深圳华强电子有限公司"
    assert "Shenzhen Huaqiang Electronics Co., Ltd." in values(f, "company")
    assert best(f, "title") == "销售经理"
    assert best(f, "address") == "深圳市福田区华强北路1002号"
    note = "\n".join(values(f, "note"))
    assert "English name: David Wang" in note and "Sales Manager" in note
    assert "Huaqiang North Road" in note
    assert phones(f) == [("+86 755 8888 1234", "work"), ("+86 138 0013 8000", "mobile")]


def test_japanese_layout_family_name_first():
    f = parse_text("株式会社サンプル商事\n営業部 部長\n山田 太郎\n〒100-0005 東京都千代田区丸の内1-1-1\n"
                   "TEL 03-1234-5678\nyamada@sample.co.jp", region="JP")
    assert (best(f, "family_name"), best(f, "given_name")) == ("山田", "太郎")
    assert best(f, "company") == "株式会社サンプル商事"
    assert "東京都千代田区" in best(f, "address")
    assert phones(f) == [("03-1234-5678", "work")]


def test_german_signature_with_sign_off_and_postnominal():
    f = parse_text("""Mit freundlichen Grüßen
Dr. Klaus Müller, MBA
Geschäftsführer
Müller & Söhne GmbH
Hauptstr. 12, 10115 Berlin
Tel. +49 30 1234567
Mobil +49 171 1234567
klaus@mueller-soehne.de""", region="DE")
    assert best(f, "name") == "Klaus Müller"
    assert best(f, "title") == "Geschäftsführer"
    assert best(f, "company") == "Müller & Söhne GmbH"
    assert best(f, "address") == "Hauptstr. 12, 10115 Berlin"
    assert [k for _, k in phones(f)] == ["work", "mobile"]
    assert "Grüßen" not in "\n".join(values(f, "note"))


def test_po_box_and_several_phones_on_one_line():
    f = parse_text("""Robert O'Neil
Purchasing Director
Northwind Trading Pty Ltd
PO Box 1234
Sydney NSW 2001
Australia
Ph: (02) 9876 5432 | Mob: 0412 345 678 | Fax: (02) 9876 5433
robert@northwind.com.au""", region="AU")
    assert best(f, "name") == "Robert O'Neil"
    assert best(f, "company") == "Northwind Trading Pty Ltd"
    assert best(f, "address") == "PO Box 1234, Sydney NSW 2001, Australia"
    assert phones(f) == [("(02) 9876 5432", "work"), ("0412 345 678", "mobile"),
                         ("(02) 9876 5433", "fax")]


def test_family_name_in_capitals_and_department():
    f = parse_text("WANG Li\nEngineering Department\nSenior Engineer\nHuawei Technologies Co., Ltd.\n"
                   "wangli@huawei.com")
    assert (best(f, "family_name"), best(f, "given_name")) == ("WANG", "Li")
    assert best(f, "department") == "Engineering Department"
    assert best(f, "title") == "Senior Engineer"
    assert best(f, "company") == "Huawei Technologies Co., Ltd."


def test_company_from_email_domain_without_legal_form():
    f = parse_text("Anna Schmidt\nHead of Marketing\nZalando\nanna.schmidt@zalando.de", region="DE")
    assert best(f, "company") == "Zalando"
    assert best(f, "title") == "Head of Marketing"


def test_ocr_dropped_dot_in_email_and_traditional_chinese():
    f = parse_text("張志明\n總經理\n台灣積體電路製造股份有限公司\n新竹市力行六路8號\nzm.chang@tsmccom",
                   region="TW")
    assert best(f, "name") == "張志明"
    assert best(f, "title") == "總經理"
    assert best(f, "company") == "台灣積體電路製造股份有限公司"
    assert best(f, "address") == "新竹市力行六路8號"
    assert values(f, "emails") == ["zm.chang@tsmc.com"]


def test_ocr_comma_for_dot_in_email():
    f = parse_text("E: jane.doe@acme,com | www.acme.com")
    assert values(f, "emails") == ["jane.doe@acme.com"]
    assert values(f, "websites") == ["www.acme.com"]


def test_rest_goes_to_note_and_empty_text():
    f = parse_text("Jane Doe\nACME Inc.\nISO 9001 certified since 1998")
    assert values(f, "note") == ["ISO 9001 certified since 1998"]
    assert parse_text("") == {}
    assert parse_text("   \n\n") == {}


@pytest.mark.parametrize("text", ["Founded 2019", "Room", "..."])
def test_noise_is_not_a_name_or_phone(text):
    f = parse_text(text)
    assert not f.get("name") and not f.get("phones")


def test_to_draft_and_json_shape():
    f = parse_text("Jane Doe\nACME Inc.\nM +1 650 555 0199\njane@acme.com", region="US")
    card = CardResult("x.jpg", 0, b"", f)
    d = card.to_draft()
    assert (d.name, d.company, d.emails[0].address, d.phones[0].kind) == (
        "Jane Doe", "ACME Inc.", "jane@acme.com", "mobile")
    js = card.to_json()
    assert set(js) == {"file", "fields", "confidence"}
    assert set(js["fields"]) == {"name", "title", "company", "department", "emails", "phones",
                                 "websites", "address"}
    assert js["fields"]["phones"] == [{"number": "+1 650-555-0199", "type": "mobile"}]
    assert 0 < js["confidence"]["name"] <= 1


def test_front_back_merge():
    front = CardResult("f.jpg", 0, b"front", parse_text(
        "David Wang\nSales Manager\nHQE Electronics Co., Ltd.\nM +86 138 0013 8000\n"
        "david@hqe.com.cn"))
    back = CardResult("b.jpg", 0, b"back", parse_text(
        "王伟\n销售经理\n深圳华强电子有限公司\n手机 138 0013 8000\n电话 0755 8888 1234"))
    m = merge(front, back)
    assert m.image_png == b"front"
    assert [v.value for v in m.fields["phones"]] == ["+86 138 0013 8000", "0755 8888 1234"]
    assert values(m.fields, "emails") == ["david@hqe.com.cn"]
    assert {"王伟", "David Wang"} <= set(values(m.fields, "name"))
    assert {"深圳华强电子有限公司", "HQE Electronics Co., Ltd."} <= set(values(m.fields, "company"))
    top = m.best("name").value
    fam = m.best("family_name").value
    assert (top, fam) in (("王伟", "王"), ("David Wang", "Wang"))


def test_field_value_boxes_default_empty_for_pasted_text():
    f = parse_text("jane@acme.com")
    assert isinstance(f["emails"][0], FieldValue) and f["emails"][0].boxes == []


def test_card_country_wins_over_default_region_for_local_numbers():
    # the rep's region is CN, the card is from New York: 212-555-0142 is a US number
    f = parse_text("JOHN A. SMITH\nAccount Executive\nGLOBEX CORPORATION\n"
                   "350 Fifth Avenue, 21st Floor\nNew York, NY 10118\nDirect: 212-555-0142\n"
                   "Cell: 917-555-0199\njsmith@globex.com", region="CN")
    assert phones(f) == [("(212) 555-0142", "work"), ("(917) 555-0199", "mobile")]
    assert (best(f, "family_name"), best(f, "given_name")) == ("SMITH", "JOHN A.")
    assert best(f, "address") == "350 Fifth Avenue, 21st Floor, New York, NY 10118"


def test_chinese_address_over_two_lines_and_department():
    f = parse_text("李明\n高级工程师\n研发中心\n北京百度网讯科技有限公司\n北京市海淀区上地十街10号\n百度大厦\n"
                   "电话：010-5992 8888\nwww.baidu.com")
    assert best(f, "address") == "北京市海淀区上地十街10号百度大厦"
    assert best(f, "department") == "研发中心" and best(f, "title") == "高级工程师"
    assert phones(f) == [("010 5992 8888", "work")]
    assert values(f, "websites") == ["www.baidu.com"]


def test_french_card_label_with_accent():
    f = parse_text("Pierre Dubois\nDirecteur Commercial\nSociété Générale SA\n29 boulevard Haussmann\n"
                   "75009 Paris\nTél. +33 1 42 14 20 00\npierre.dubois@socgen.com", region="FR")
    assert phones(f) == [("+33 1 42 14 20 00", "work")]
    assert not f.get("note")
    assert best(f, "address") == "29 boulevard Haussmann, 75009 Paris"


@pytest.mark.parametrize("line, dept, title", [
    ("人力资源部 经理", "人力资源部", "经理"),
    ("市场部经理", "市场部", "经理"),
    ("技术中心 高级工程师", "技术中心", "高级工程师"),
    ("销售经理", "", "销售经理"),
])
def test_chinese_department_and_title_on_one_line(line, dept, title):
    f = parse_text(f"赵丽娟\n{line}\n广州白云山医药集团股份有限公司")
    assert (best(f, "department"), best(f, "title")) == (dept, title)
    assert best(f, "name") == "赵丽娟"


# -- cases found by the generated-card benchmark (bench/cards) --------------------------------

def test_us_state_that_is_a_legal_form_stays_in_the_address():
    # "CO" (Colorado) and "AS" (American Samoa) are also legal forms (Co., AS)
    f = parse_text("""Juan Marquez
Marquez Energy LLC
3542 Navarro Branch, Suite 908
Torresburgh, AS 83214
Denver Office""", region="US")
    assert best(f, "company") == "Marquez Energy LLC"
    assert best(f, "address") == "3542 Navarro Branch, Suite 908, Torresburgh, AS 83214"


def test_german_one_word_street_and_postcode_line():
    f = parse_text("""Folker Scheel
Oakridge Logistics GmbH
Holzapfelplatz 130
27293 Belzig
Germany
folker.scheel@oakridge.de""", region="DE")
    assert best(f, "address") == "Holzapfelplatz 130, 27293 Belzig, Germany"
    assert best(f, "company") == "Oakridge Logistics GmbH"


def test_uk_postcode_with_letter_o_read_for_zero():
    f = parse_text("""Joshua Cross
Ironbridge Technologies Ltd.
143 Wilson Lane
East Hollyborough BRO 6JL
United Kingdom""", region="GB")
    assert best(f, "address") == "143 Wilson Lane, East Hollyborough BR0 6JL, United Kingdom"
    assert best(f, "name") == "Joshua Cross"  # a country is never a name


def test_email_label_glued_to_address_and_l_read_for_capital_i():
    f = parse_text("""Joshua Cross
lronbridge Technologies Ltd.
Emailjoshua.cross@ironbridge.com""", region="GB")
    assert values(f, "emails") == ["joshua.cross@ironbridge.com"]
    assert best(f, "company") == "Ironbridge Technologies Ltd."


def test_bilingual_card_chinese_name_wins_over_english_matching_the_email():
    f = parse_text("""张坤
Helen Zhang
首席执行官
Chief Executive Officer
苏州新源信息技术股份有限公司
Suzhou Xinyuan Information Technology Co., Ltd.
kun.zhang@xinyuan.cn""")
    assert best(f, "name") == "张坤"
    assert "Helen Zhang" in values(f, "name")
    assert best(f, "title") == "首席执行官"
    assert best(f, "company") == "苏州新源信息技术股份有限公司"


@pytest.mark.parametrize("title", ["外贸业务员", "首席执行官", "董事长"])
def test_more_chinese_titles(title):
    f = parse_text(f"""刘春梅
{title}
成都东方新材料股份有限公司""")
    assert best(f, "title") == title
    assert best(f, "name") == "刘春梅"


def test_letters_read_off_a_logo_are_not_a_name():
    f = parse_text("""A K
首席执行官
北京中科科技有限公司""")
    assert best(f, "name") == ""


def test_two_column_card_is_read_column_by_column():
    from ocr.engine import order_lines
    from ocr.parse import Line, Word, parse_lines
    from ocr.types import Box

    def line(text, x, y):
        return Line.build([Word(text, 0.95, Box(x, y, 12 * len(text), 20))], top=y)

    rows = [("Juan Marquez", 60, 100), ("Fax (666) 762-9866", 560, 100),
            ("Senior Consultant", 60, 140), ("Tel (423) 978-4447", 560, 140),
            ("Marquez Energy LLC", 60, 180), ("3542 Navarro Branch, Suite 908", 560, 180),
            ("Torresburgh, AS 83214", 560, 220)]
    ordered = order_lines([line(*r) for r in rows])
    assert [ln.text for ln in ordered] == [rows[i][0] for i in (0, 2, 4, 1, 3, 5, 6)]
    f = parse_lines(ordered, "US")
    assert best(f, "address") == "3542 Navarro Branch, Suite 908, Torresburgh, AS 83214"
    assert best(f, "company") == "Marquez Energy LLC"


def test_domain_misread_one_letter_off_the_company_pinyin_is_corrected():
    f = parse_text("""黄鹏
副总经理
南京金桥信息技术科技有限公司
huangpeng@jingiao.com.cn
www.jingiao.com.cn""")
    assert values(f, "emails") == ["huangpeng@jinqiao.com.cn"]
    assert values(f, "websites") == ["www.jinqiao.com.cn"]
    # an English domain unrelated to the name is left alone
    f = parse_text("""黄鹏
南京金桥信息技术科技有限公司
peng@gmail.com""")
    assert values(f, "emails") == ["peng@gmail.com"]


def test_domain_is_corrected_when_the_local_part_has_a_dot_too():
    f = parse_text("上海金桥贸易股份有限公司\n王林\n邮箱 lin.wang@jingiao.cn")
    assert values(f, "emails") == ["lin.wang@jinqiao.cn"]


@pytest.mark.parametrize("line, want", [
    ("邮箱 ying. wang@zhongke.com", "ying.wang@zhongke.com"),  # OCR's space after the dot
    ("Sales. ann@zhongke.com", "ann@zhongke.com"),  # a capitalized word is not the address
    ("e-mail. ann@zhongke.com", "ann@zhongke.com"),  # nor a label
])
def test_space_after_a_dot_in_the_local_part(line, want):
    f = parse_text(f"王颖\n南京中科机械科技有限公司\n{line}")
    assert values(f, "emails") == [want]


@pytest.mark.parametrize("text, want", [
    ("王磊\n邮箱 lei wang@shengshi.cn", "lei.wang@shengshi.cn"),  # the dot read as a space
    ("柯丽\nE-mail: |ke@dongfang.com.cn", "lke@dongfang.com.cn"),  # a thin l read as a bar
    ("吕丽\nE-mail: lIv@xinyuan.cn", "llv@xinyuan.cn"),  # capital I in a lower-case address
    ("陈强\nE-mail: chengiang@jiahe.com", "chenqiang@jiahe.com"),  # q read g: the name's pinyin
    ("Bob Stone\nTel 123 bob@x.com", "bob@x.com"),  # digits before are not part of it
    ("Bob Stone\nemail bob@x.com", "bob@x.com"),  # nor a lower-case label
])
def test_e_mail_misreads_on_chinese_cards(text, want):
    assert values(parse_text(text), "emails") == [want]


def test_an_address_unrelated_to_the_name_is_left_alone():
    assert values(parse_text("陈强\nE-mail: sales@jiahe.com"), "emails") == ["sales@jiahe.com"]


def test_website_speck_and_mixed_case_host():
    """A speck at the line's end read as '-' and OCR's mixed case ('Com.Cn') are not part of a
    website; a path keeps its case."""
    f = parse_text("王伟\n华为技术有限公司\nwww.bochuang.com.cn-\nHTTPS://Shop.Acme.COM/Spring-Sale\n")
    assert values(f, "websites") == ["www.bochuang.com.cn", "https://shop.acme.com/Spring-Sale"]
