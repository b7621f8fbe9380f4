"""Second looks at a card's doubtful reads, with real Tesseract: a Chinese company name against
the pinyin the card prints elsewhere, a German card's umlauts (deu), a doubtful e-mail address
read again in English. And the parser helpers behind them."""

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr import engine
from ocr import pipeline as pl
from ocr.parse import looks_german, parse_text, umlaut_word
from ocr.pinyin_checks import chars_for_pinyin, company_pinyin_fixes, pinyin_hints
from ocr.types import Box, CardResult, FieldValue
from tests.ocr import render

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


# -- parser: what the card says a Chinese company is called ---------------------------------

def test_company_checked_against_the_email_domain():
    f = parse_text("""成都宏法软件科技有限公司
王伟
销售经理
邮箱：wei.wang@hongda.com
地址：成都市武侯区人民路5号""")
    assert "hongda" in pinyin_hints(f) and "chengdu" in pinyin_hints(f)
    assert company_pinyin_fixes(f) == [(3, "da")]  # 宏法 is hongfa, the domain says hongda
    assert "达" in chars_for_pinyin("da") and "法" not in chars_for_pinyin("da")


def test_company_checked_against_the_english_name_on_a_bilingual_card():
    f = parse_text("""厂州宏达电子股份有限公司
Guangzhou Hongda Electronics Co., Ltd.
王伟 Wei Wang
wei.wang@hongda.com""")
    assert company_pinyin_fixes(f) == [(0, "guang")]  # 厂 read for 广


def test_company_that_agrees_with_the_card_or_has_no_hint_is_left_alone():
    agree = parse_text("""杭州金桥信息技术股份有限公司
刘桂花
guihua.liu@jinqiao.cn
www.jinqiao.cn""")
    assert company_pinyin_fixes(agree) == []
    other = parse_text("""腾讯科技有限公司
马化腾
pony@tencent.com""")  # a domain that is not the name's pinyin
    assert company_pinyin_fixes(other) == []
    free = parse_text("""成都宏法软件科技有限公司
王伟
hongda@qq.com""")  # a free-mail domain says nothing about the company
    assert company_pinyin_fixes(free) == [] or all(
        s != "da" for _, s in company_pinyin_fixes(free))


def _line_image(text: str, size: int = 44, width: int = 900) -> np.ndarray:
    img = Image.new("L", (width, 90), 255)
    ImageDraw.Draw(img).text((20, 18), text, font=render._font(text, size, False), fill=0)
    return np.asarray(img)


def test_company_read_again_with_only_the_hinted_pinyin():
    """The line says 宏达; as if the first read gave 宏法 (the model's usual slip), the
    e-mail domain hongda has it read again: 达 is the 'da' that fits the glyph."""
    img = _line_image("成都宏达软件科技有限公司")
    box = [Box(20, 18, 12 * 44, 50)]
    fields = {"company": [FieldValue("成都宏法软件科技有限公司", 0.9, box)],
              "emails": [FieldValue("wei.wang@hongda.com", 0.9)]}
    pl._check_company(fields, img, "eng+chi_sim")
    assert fields["company"][0].value == "成都宏达软件科技有限公司"
    # a hint the glyph does not fit (there is no 'ma' character that looks like 达) changes nothing
    fields = {"company": [FieldValue("成都宏达软件科技有限公司", 0.9, box)],
              "emails": [FieldValue("wei.wang@hongma.com", 0.9)]}
    pl._check_company(fields, img, "eng+chi_sim")
    assert fields["company"][0].value == "成都宏达软件科技有限公司"
    # the restriction ends with the check: the next read may read any character again
    again = engine.read_line(img, (20, 18, 12 * 44, 50), "chi_sim")
    assert "".join(w.text for w in again) == "成都宏达软件科技有限公司"


# -- German umlauts ------------------------------------------------------------------------

def test_umlaut_word_and_german_cards():
    assert umlaut_word("Liibeck", "Lübeck") and umlaut_word("Solzer", "Sölzer")
    assert umlaut_word("Méchlichengasse", "Möchlichengasse")
    assert not umlaut_word("Kehl", "Kehl") and not umlaut_word("Keht", "Kehl")
    assert not umlaut_word("Berlin", "Bärlund")  # not the same word
    assert looks_german("Sölzer Maschinenbau GmbH") and looks_german("23552 Lübeck")
    assert looks_german("Hauptstraße 5") and not looks_german("1600 Amphitheatre Parkway")


GERMAN_CARD = [
    ("Jürgen Köhler", 48, True),
    ("Geschäftsführer", 32, False),
    ("Sölzer Maschinenbau GmbH", 36, True),
    ("Karl-Müller-Straße 12", 28, False),
    ("23552 Lübeck", 28, False),
    ("Tel +49 451 1234567", 28, False),
    ("juergen@soelzer.de", 28, False),
]


@pytest.mark.skipif("deu" not in engine.available_languages(),
                    reason="tesseract-ocr-deu is not installed (make setup installs it)")
def test_german_card_keeps_its_umlauts():
    [card] = pl.scan_image(render.photograph([render.card(GERMAN_CARD)], angle=6, seed=2),
                           region="DE")
    assert isinstance(card, CardResult), card
    assert card.value("name") == "Jürgen Köhler"
    assert card.value("company") == "Sölzer Maschinenbau GmbH"
    assert card.value("address") == "Karl-Müller-Straße 12, 23552 Lübeck"


# -- e-mail addresses read again ------------------------------------------------------------

def test_doubtful_email_words_are_kept():
    data = {"text": ["E-mail:", "shuying.liu@antai.cn", "Tatiana-Zobel-StraRe", "xq"],
            "conf": [93.0, 0.0, 9.0, 5.0], "left": [0, 100, 0, 0], "top": [0, 0, 50, 90],
            "width": [90, 300, 300, 20], "height": [20, 20, 20, 20],
            "block_num": [1, 1, 1, 1], "par_num": [1, 1, 1, 1], "line_num": [1, 1, 2, 3]}
    kept = [w.text for *_, w in engine._words(data, 20.0)]
    assert kept == ["E-mail:", "shuying.liu@antai.cn", "Tatiana-Zobel-StraRe"]


def _email_words(img: np.ndarray, text: str, conf: float) -> list:
    ys, xs = np.nonzero(img < 128)
    box = Box(int(xs.min()), int(ys.min()), int(xs.max() - xs.min()), int(ys.max() - ys.min()))
    return [(1, 1, 1, engine.Word(text, conf, box))]


def test_email_read_again_in_english_gets_its_lost_dot():
    img = _line_image("li.chang@antai.com.cn", 34)
    got = engine._recheck_emails(img, _email_words(img, "lichang@antai.com.cn", 0.53))
    assert [w.text for *_, w in got] == ["li.chang@antai.com.cn"]
    # a sure, well-formed read is not read again
    sure = _email_words(img, "lichang@antai.com.cn", 0.95)
    assert engine._recheck_emails(img, sure) == sure


def test_email_read_again_when_the_first_read_is_no_address():
    img = _line_image("jing.wang@jiahe.com.cn", 34)
    got = engine._recheck_emails(img, _email_words(img, "jing.wang@iiahe com.en", 0.4))
    assert [w.text for *_, w in got] == ["jing.wang@jiahe.com.cn"]


def test_email_split_after_a_dot_becomes_one_word():
    img = _line_image("ann@acme.com", 34)
    [(*k, w)] = _email_words(img, "x", 0.9)
    for conf in (0.95, 0.87):  # sure, and doubtful but read again the same
        a = engine.Word("ann@acme.", conf, Box(w.box.x, w.box.y, w.box.w * 3 // 4, w.box.h))
        b = engine.Word("com", 0.97, Box(w.box.x + w.box.w * 3 // 4, w.box.y, w.box.w // 4,
                                         w.box.h))
        got = engine._recheck_emails(img, [(1, 1, 1, a), (1, 1, 1, b)])
        assert [x.text for *_, x in got] == ["ann@acme.com"]


def test_speck_after_the_top_level_domain_is_dropped():
    for text, want in [("ldai@antai.coml", "ldai@antai.com"), ("li@xinyuan.cni", "li@xinyuan.cn"),
                       ("ann@acme.dev", "ann@acme.dev"), ("ann@acme.co.uk", "ann@acme.co.uk")]:
        assert [v.value for v in parse_text(text)["emails"]] == [want]


def test_british_postcode_with_a_digit_read_as_a_letter():
    def address(text):
        return parse_text("Emma Jordan\n" + text, "GB")["address"][0].value
    assert address("83 Hardy Creek\nEast Brett ESF 2UX") == "83 Hardy Creek, East Brett E5F 2UX"
    assert address("5 High St\nBromley BRO 6JL") == "5 High St, Bromley BR0 6JL"
    # a postcode with its digit keeps its letters
    assert address("1 Temple Way\nBristol BS1 4DJ") == "1 Temple Way, Bristol BS1 4DJ"


def test_a_line_piece_the_line_grew_over_is_read_once():
    line, piece, below = (262, 532, 574, 28), (724, 534, 100, 26), (262, 600, 300, 28)
    assert engine.drop_covered([piece, line, below]) == [line, below]
    # a small line inside a much taller box (a logo, a big name) is its own line
    tall = (100, 100, 600, 120)
    assert engine.drop_covered([tall, (150, 140, 200, 28)]) == [tall, (150, 140, 200, 28)]


def test_local_part_checked_against_the_persons_pinyin():
    def email(name, text):
        return [v.value for v in parse_text(f"{name}\n销售经理\n{text}")["emails"]]
    assert email("彭莉", "llpeng@dongfang.com") == ["lpeng@dongfang.com"]  # the colon as an l
    assert email("陈颖", "henying@jiahe.cn") == ["chenying@jiahe.cn"]  # its first letter lost
    # a part of the name is an address of its own: not completed
    assert email("江丽", "jiang@hongda.com") == ["jiang@hongda.com"]
    assert email("陈颖", "ying@jiahe.cn") == ["ying@jiahe.cn"]
    assert email("徐波", "xmaitbxu@hengxin.com") == ["bxu@hengxin.com"]  # 'E-mail:' glued, misread
    # a bar before the address at the start of a line is an l, as after a label
    assert email("江丽", "|jiang@hongda.com") == ["ljiang@hongda.com"]


def test_thin_first_letter_seen_again_is_marked_for_the_parser():
    img = _line_image("ljiang@hongda.com", 34)
    got = engine._recheck_emails(img, _email_words(img, "jiang@hongda.com", 0.52))
    assert [w.text for *_, w in got] == ["|jiang@hongda.com"]


def test_dot_seen_again_is_added_and_the_first_host_kept():
    img = _line_image("bo.jiang@jingiao.com.cn", 34)  # as if the host were misread the 2nd time
    got = engine._recheck_emails(img, _email_words(img, "bojiang@jinqiao.com.cn", 0.87))
    assert [w.text for *_, w in got] == ["bo.jiang@jinqiao.com.cn"]
    assert not engine._near_host("jinqiao.com.cn", "jiahe.com.cn")


def test_a_website_read_with_little_confidence_is_kept():
    """'www.tiancheng.cn-' (a speck at the line's end) came back at 4 % and the whole line was
    dropped as noise; like an e-mail address it is kept for the parser."""
    from ocr.engine import _words

    data = {"text": ["www.tiancheng.cn-", "xq"], "conf": ["4", "4"], "left": [0, 300],
            "top": [0, 0], "width": [240, 20], "height": [27, 27], "block_num": [1, 1],
            "par_num": [1, 1], "line_num": [1, 1]}
    assert [w.text for *_, w in _words(data, 20.0)] == ["www.tiancheng.cn-"]
