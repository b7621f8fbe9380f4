"""Each normalizer on the cases deduplication depends on."""

import pytest

from app import normalize as n


@pytest.mark.parametrize("written", [
    "ACME GmbH", "acme gmbh", "ＡＣＭＥ　ＧｍｂＨ", "Acme, GmbH.", "ACME Gesellschaft mit beschränkter Haftung",
    "Acme Inc.", "Acme, Inc", "ACME LLC", "Acme Ltd.", "Acme S.A.", "Acme SARL", "Acme S.p.A.",
    "Acme S.r.l.", "Acme B.V.", "Acme N.V.", "Acme S.L.", "Acme AG", "Acme GmbH & Co. KG",
    "The Acme Company Ltd", "Acme Co., Ltd.", "Acme Corporation", "Acme SAS", "Acme Pty Ltd",
])
def test_company_key_ignores_case_width_punctuation_and_legal_forms(written):
    expected = "acme company" if "Company" in written else "acme"
    assert n.company_key(written) == expected


def test_company_key_accents_and_ampersand_and_leading_the():
    assert n.company_key("Société Générale S.A.") == n.company_key("societe generale")
    assert n.company_key("Müller & Söhne GmbH") == n.company_key("Muller and Sohne")
    assert n.company_key("The Procter & Gamble Company") == n.company_key("Procter and Gamble Company")
    assert n.company_key("The") == "the"  # a name that is only "The" stays a name


@pytest.mark.parametrize("written,key", [
    ("华为技术有限公司", "华为技术"), ("华为技术股份有限公司", "华为技术"), ("上海汽车集团股份有限公司", "上海汽车"),
    ("トヨタ自動車株式会社", "トヨタ自動車"), ("株式会社トヨタ", "トヨタ"), ("삼성전자 주식회사", "삼성전자"),
    ("(주)삼성전자", "삼성전자"), ("華為技術有限公司", "華為技術"),
])
def test_cjk_legal_forms(written, key):
    assert n.company_key(written) == key


def test_cjk_core_drops_region_and_descriptors():
    assert n.cjk_core("华为技术有限公司") == "华为"
    assert n.cjk_core("深圳市腾讯计算机系统有限公司") == "腾讯"
    assert n.cjk_core("华为") == "华为"
    assert n.cjk_core("Acme GmbH") == ""


def test_transliteration_and_abbreviations():
    assert n.to_latin("华为").replace(" ", "") == "huawei"
    assert n.to_latin("Газпром") == "gazprom"
    assert n.canonical_words(["acme", "intl", "mfg"]) == ["acme", "international", "manufacturing"]
    assert n.acronym(["international", "business", "machines"]) == "ibm"
    assert n.acronym(["acme"]) == ""


@pytest.mark.parametrize("text,domain", [
    ("https://www.Acme.com/about", "acme.com"), ("ann@mail.acme.co.uk", "acme.co.uk"),
    ("shop.acme.co.uk", "acme.co.uk"), ("http://huawei.com.cn:8080/x", "huawei.com.cn"),
    ("bob@gmail.com", ""), ("x@hotmail.de", ""), ("li@qq.com", ""), ("wang@163.com", ""),
    ("zhao@126.com", ""), ("a@outlook.com", ""), ("yahoo.co.jp", ""), ("acme", ""), ("", ""),
])
def test_company_domain_ignores_free_mail(text, domain):
    assert n.company_domain(text) == domain


def test_registrable_domain_needs_no_network(monkeypatch):
    import socket

    def no_network(*a, **k):
        raise AssertionError("tldextract tried the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    assert n.registrable_domain("a.b.example.com.au") == "example.com.au"


def test_phones():
    assert n.phone_e164("030 1234567", "DE") == "+49301234567"
    assert n.phone_key("+49 30 1234567 ext. 12", "DE") == "+49301234567;ext=12"
    assert n.phone_key("(0755) 2878-0808", "CN") == "+8675528780808"
    assert n.phone_key("１３８ ００１３ ８０００", "CN") == "+8613800138000"  # full-width digits
    assert n.phone_key("12", "DE") == ""
    assert n.phone_search_digits("+86 138-0013-8000", "CN") == "8613800138000"
    assert n.national_digits("+86 138 0013 8000", "CN") == "13800138000"


@pytest.mark.parametrize("written,key", [
    # an extension as a Chinese number gives it
    ("0755-8601 3388 转 808", "+8675586013388;ext=808"), ("0755-86013388分机808", "+8675586013388;ext=808"),
    ("(0755) 8601 3388 轉808（前台）", "+8675586013388;ext=808"),
    # the words a sheet writes beside a number
    ("手机：13800138000", "+8613800138000"), ("138 0013 8000（私人）", "+8613800138000"),
    ("+86-13800138000(微信同号)", "+8613800138000"), ("电话 0755-86013388", "+8675586013388"),
])
def test_chinese_numbers_with_their_words(written, key):
    """Before, phonenumbers read none of these: no E.164 form, so a call or a search by the
    number found nobody, and the extension sat in the last seven digits."""
    assert n.phone_key(written, "CN") == key
    assert n.phone_extension(written, "CN") == key.partition(";ext=")[2]
    assert n.phone_search_digits(written, "CN") == key.partition(";")[0][1:]


def test_digits_of_another_script_and_other_extension_words():
    """Only the words beside a number go: Arabic-Indic digits are the number."""
    assert n.phone_key("٠٥٥ ١٢٣ ٤٥٦٧", "AE") == "+971551234567"
    # and a Japanese or Korean extension word is one too
    assert n.phone_key("03-1234-5678 内線 123", "JP") == "+81312345678;ext=123"
    assert n.phone_key("02-123-4567 내선 45", "KR") == "+8221234567;ext=45"


@pytest.mark.parametrize("address,code", [
    ("Hauptstraße 1, 10115 Berlin", "10115"), ("12 Rue de Rivoli, 75001 Paris", "75001"),
    ("1600 Amphitheatre Parkway, Mountain View, CA 94043-1351", "94043"),
    ("10 Downing Street, London SW1A 2AA", "sw1a2aa"), ("Damrak 1, 1012 AB Amsterdam", "1012ab"),
    ("Seestr. 5, CH-8001 Zürich", "8001"), ("深圳市南山区科技园路1号 邮编518057", "518057"),
    ("〒100-0005 東京都千代田区丸の内1-1", "1000005"), ("Hauptstr. 1", ""),
])
def test_postcode(address, code):
    assert n.postcode(address) == code


def test_address_abbreviations_are_one_form():
    same = ["Hauptstraße 1, 10115 Berlin", "Hauptstr. 1, 10115 Berlin", "HAUPTSTRASSE 1 10115 BERLIN"]
    assert len({n.normalize_address(a) for a in same}) == 1
    assert n.normalize_address("5 Main Street") == n.normalize_address("5 Main St.")
    assert n.street_key("Hauptstr. 1, 10115 Berlin") == "haupt st 1"
    assert n.street_key("1600 Amphitheatre Parkway") == "1600 amphitheatre pkwy"


def test_chinese_address_units():
    assert n.address_words("广东省深圳市龙岗区坂田华为基地") == ["广东省", "深圳市", "龙岗区", "坂田华为基地"]
    assert n.street_key("深圳市南山区科技园路1号") == n.street_key("中国深圳市南山区科技园路一号")
    assert n.street_key("深圳市南山区科技园路1号") == "科技园路1号"


def test_city_for_labels():
    assert n.city("Hauptstr. 1, 10115 Berlin") == "Berlin"
    assert n.city("1600 Amphitheatre Parkway, Mountain View, CA 94043") == "Mountain View"
    assert n.city("广东省深圳市龙岗区坂田") == "深圳市"
    assert n.city("") == ""
