"""Text -> contact fields. Pure: no image, no database. Used for OCR lines of a business card
(with word boxes and confidences) and for pasted e-mail signatures (quick-add).

How a card is read, line by line:
1. e-mails, websites and phone numbers are taken out of every line wherever they are (a line
   "T +1 555 0100 | ann@acme.com" gives a phone and an e-mail); a phone's type comes from the
   label before it (Tel/T/Phone/电话 -> work, Mobile/M/Cell/手机 -> mobile, Fax/F/传真 -> fax),
   else from phonenumbers (a mobile number, e.g. a Chinese 1[3-9]x number, -> mobile);
2. what is left of each line is classified: company (legal-form cues: Ltd, GmbH, Inc, 有限公司,
   公司, 集团 ...), address (street/road/Suite/PO Box/postcode, 路/号/区/市/省/室/楼 ...; adjacent
   address lines are joined), title (Manager, Director, 经理, 总监 ...), department (Dept,
   Sales Department, 市场部 ...), name (2-4 capitalised words, or 2-4 Chinese characters led by a
   known surname; the biggest/topmost such line wins, an e-mail local part matching it helps);
3. everything else is the note.

Bilingual cards (English + Chinese): the Chinese value is the field's best candidate (name,
company, title, department, address) and the English one is kept as a second, lower-confidence
candidate in the same field list AND written into the note ("English name: David Wang",
"Company (English): ..."), so the reviewed contact keeps both. `family_name`/`given_name` are
those of the best name (Chinese: family = first character, or the two-character compound
surname; Latin: the last word, or the word written in capitals, or the part before a comma).

Every FieldValue has confidence = OCR confidence of the words used x parse certainty, and the
boxes of those words (empty for pasted text).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import phonenumbers
from rapidfuzz.distance import Levenshtein

try:  # Chinese names -> pinyin, to match them with the e-mail address
    from pypinyin import lazy_pinyin
except ImportError:  # pragma: no cover - a dependency; the parser works without it
    lazy_pinyin = None

from ocr import pinyin_checks
from ocr.types import FIELD_KEYS, Box, FieldValue

# -- lines with word boxes -------------------------------------------------------------------

@dataclass
class Word:
    text: str
    conf: float = 1.0  # 0..1
    box: Box | None = None


@dataclass
class Line:
    words: list[Word]
    text: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)
    height: float = 0.0  # median word box height (0 when unknown)
    top: int = 0  # order on the card

    @classmethod
    def build(cls, words: list[Word], top: int = 0) -> Line:
        text, spans = "", []
        prev: Word | None = None
        for w in words:
            if prev is not None:
                cjk_pair = _cjk_end(prev.text) and _cjk_start(w.text)
                mixed = (_cjk_end(prev.text) and w.text[0].isdigit()) or (
                    prev.text[-1].isdigit() and _cjk_start(w.text))
                if not ((cjk_pair and not _wide_gap(prev, w, 1.5))
                        or (mixed and not _wide_gap(prev, w, 0.5))):
                    text += " "
            start = len(text)
            text += w.text
            spans.append((start, len(text)))
            prev = w
        heights = sorted(w.box.h for w in words if w.box is not None)
        height = float(heights[len(heights) // 2]) if heights else 0.0
        return cls(words, text, spans, height, top)

    def conf(self, start: int = 0, end: int | None = None) -> float:
        used = self._used(start, len(self.text) if end is None else end)
        if not used:
            return 1.0
        return sum(w.conf for w in used) / len(used)

    def boxes(self, start: int = 0, end: int | None = None) -> list[Box]:
        return [w.box for w in self._used(start, len(self.text) if end is None else end)
                if w.box is not None]

    def _used(self, start: int, end: int) -> list[Word]:
        return [w for w, (a, b) in zip(self.words, self.spans, strict=False) if a < end and b > start]


def _wide_gap(a: Word, b: Word, factor: float) -> bool:
    if a.box is None or b.box is None:
        return True  # pasted text: spacing as typed
    gap = b.box.x - (a.box.x + a.box.w)
    return gap > factor * max(a.box.h, b.box.h, 1)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3040 <= o <= 0x30FF
            or 0xF900 <= o <= 0xFAFF or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF60)


def _cjk_end(t: str) -> bool:
    return bool(t) and _is_cjk(t[-1])


def _cjk_start(t: str) -> bool:
    return bool(t) and _is_cjk(t[0])


def has_cjk(t: str) -> bool:
    return any(_is_cjk(c) for c in t)


def text_lines(text: str) -> list[Line]:
    out = []
    for i, raw in enumerate(text.splitlines()):
        words = [Word(w) for w in raw.split()]
        if words:
            out.append(Line.build(words, top=i))
    return out


# -- patterns ----------------------------------------------------------------------------------

# OCR may put a space after a dot of the local part ("ying. wang@") or read the dot as a space
# ("lei wang@"): a lower-case word right before is joined (a capitalized one is a label: "Sales.
# ann@"; nor are "mail", "email")
EMAIL_RE = re.compile(r"(?:(?<![A-Za-z0-9._%+\-])(?!(?:e-?)?mail\b)"
                      r"(?:[a-z0-9][a-z0-9._%+\-]*\.|[a-z]{1,10})\s)?"
                      r"[A-Za-z0-9][A-Za-z0-9._%+\-]*\s?@\s?[A-Za-z0-9\-]+(?:\s?\.\s?[A-Za-z0-9\-]+)*"
                      r"\.[A-Za-z]{2,}")
_EMAIL_NODOT_RE = re.compile(r"([A-Za-z0-9][A-Za-z0-9._%+\-]*)\s?@\s?([A-Za-z0-9\-]{2,}?)"
                             r"(com|net|org|cn)\b")
_TLDS = ("com|net|org|cn|com\\.cn|hk|tw|jp|co\\.jp|de|uk|co\\.uk|fr|it|es|nl|ch|at|se|no|dk|fi|"
         "io|ai|co|us|ca|au|com\\.au|sg|com\\.sg|kr|in|ru|br|mx|biz|info|eu|be|pl|tech|app|dev")
WEB_RE = re.compile(
    r"(?:(?:https?://)?www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:/[^\s,;|]*)?"
    r"|https?://[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:/[^\s,;|]*)?"
    rf"|\b[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\.(?:{_TLDS})\b(?:/[^\s,;|]*)?)",
    re.I)

# labels in front of a value; the capture says what the value is
_PHONE_LABELS = [
    ("mobile", r"mobile|mob|cell(?:phone)?|handy|hp|m|c|手机|手機|移动电话|移動電話|携帯|携帯電話"),
    ("fax", r"fax|facsimile|f|传真|傳真|ファックス|ＦＡＸ"),
    ("work", r"tel(?:ephone)?|tél|téléphone|telefon|phone|ph|office|direct|dir|d|t|o|w|work|"
             r"电话|電話|座机|总机|直线|"
             r"办公电话|hotline|热线"),
    ("home", r"home|h|住宅"),
]
_PHONE_LABEL_RE = re.compile(
    r"(?:(?<=^)|(?<=[\s|/,;·•(]))(" + "|".join(p for _, p in _PHONE_LABELS) + r")\s*[.:：]?\s*"
    r"(?=[+(\d（])", re.I)
_OTHER_LABEL_RE = re.compile(
    r"^\s*(?:地址|住所|邮箱|网址|網址)\s*[.:：]?\s*|"
    r"^\s*(?:e-?mail|email|mail|e|邮箱|邮件|電郵|电邮|web(?:site)?|w|url|网址|網址|网站|"
    r"address|addr|add|a|地址|住所|adresse|anschrift)\s*[.:：]\s*", re.I)
_LABEL_ONLY_RE = re.compile(
    r"^[\s|/,;·•:：.\-]*(?:(?:" + "|".join(p for _, p in _PHONE_LABELS) +
    r"|e-?mail|email|mail|web|website|url|网址|邮箱|地址|address)(?:[\s|/,;·•:：.\-]+|$))*$", re.I)

_LEGAL = (r"ltd|limited|llc|l\.l\.c|inc|incorporated|corp|corporation|co|company|gmbh|ag|kg|"
          r"s\.?a\.?|s\.?a\.?r\.?l|sarl|s\.?r\.?l|b\.?v|n\.?v|pty|plc|llp|lp|oy|ab|a/s|as|s\.?p\.?a|"
          r"k\.?k|se|spa")
COMPANY_STRONG_RE = re.compile(
    rf"(?:\b(?:{_LEGAL})\b\.?|有限公司|有限責任公司|股份|公司|集团|集團|株式会社|株式會社|"
    r"有限会社|合同会社|事务所|事務所|研究院|研究所|银行|銀行|工厂|工廠|商行|厂$)", re.I)
COMPANY_WEAK_RE = re.compile(
    r"\b(?:group|holdings?|technolog(?:y|ies)|solutions|systems|industries|international|"
    r"partners|consulting|associates|labs?|enterprises?|trading|manufacturing|electronics|"
    r"software|logistics|university|bank|institute|foundation|agency|studio|ventures|capital|"
    r"networks?|media|pharma(?:ceuticals)?|motors?|energy)\b|大学|大學|学院|医院|醫院|中心$",
    re.I)

_ADDR_WORDS = (
    r"street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|suite|ste|floor|fl|building|"
    r"bldg|tower|plaza|way|court|ct|place|pl|highway|hwy|parkway|pkwy|square|sq|terrace|"
    r"room|rm|unit|district|province|industrial park|park|estate|"
    r"postfach|straße|strasse|str|platz|weg|allee|gasse|ring|rue|via|calle|avenida|chome|"
    r"p\.?\s?o\.?\s?box|box|zip")
ADDR_RE = re.compile(rf"\b(?:{_ADDR_WORDS})\b\.?", re.I)
ADDR_CJK_RE = re.compile(r"[路街道号號区區市省室楼樓层層弄巷镇鎮县縣村栋棟座]|大厦|大廈|广场|廣場|園区|园区|"
                         r"丁目|番地|都|府|県")
POSTCODE_RE = re.compile(
    r"\b(?:[A-Z]{2,3}\s+\d{4,5}(?:-\d{4})?(?=\W*$)|\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|"
    r"[A-Z]{1,2}[\dOSIB][A-Z\d]?\s+[\dOSIB][A-Z]{2}(?=\W*$)|"
    r"\d{3}-\d{4}|\d{4}\s?[A-Z]{2}|\d{6})\b")
STREET_NO_RE = re.compile(r"^\s*(?:no\.?\s*)?\d+[a-z]?(?:-\d+)?,?\s+[A-Za-z]", re.I)
_COUNTRIES = re.compile(
    r"^(?:usa|u\.s\.a\.|united states(?: of america)?|china|p\.?\s?r\.?\s?china|中国|中國|germany|"
    r"deutschland|uk|united kingdom|england|france|japan|日本|singapore|hong kong|香港|taiwan|台湾|"
    r"臺灣|canada|australia|italy|spain|netherlands|switzerland|austria|india|korea|"
    r"south korea|malaysia|thailand|vietnam|indonesia|philippines)\.?$", re.I)

_TITLE_EN = re.compile(
    r"\b(?:manager|director|ceo|cto|cfo|coo|cio|cmo|president|vice president|vp|svp|evp|"
    r"engineer|consultant|officer|head|lead|specialist|representative|rep|executive|partner|"
    r"founder|co-founder|owner|chairman|chairwoman|chair|secretary|assistant|analyst|"
    r"architect|developer|designer|coordinator|supervisor|administrator|advisor|adviser|"
    r"accountant|attorney|lawyer|counsel|professor|buyer|principal|associate|"
    r"geschäftsführer|geschaftsfuhrer|leiter|leiterin|vertrieb|sales|marketing|purchasing|"
    r"procurement|agent|technician|scientist|researcher|editor|producer|controller|"
    r"treasurer|auditor|planner|strategist|trainer|instructor|nurse|doctor|physician|"
    r"pharmacist|broker|dealer|merchandiser|directeur|gerente|intern)s?\b", re.I)
_TITLE_CJK = re.compile(
    r"经理|經理|总监|總監|主任|董事|总裁|總裁|工程师|工程師|主管|代表|顾问|顧問|销售|銷售|采购|採購|"
    r"会计|會計|律师|律師|教授|秘书|秘書|助理|专员|專員|部长|部長|处长|處長|科长|科長|厂长|廠長|"
    r"院长|院長|首席|合伙人|合夥人|创始人|創辦人|执行长|執行長|总经理|總經理|社长|社長|課長|"
    r"係長|取締役|営業|担当|组长|組長|店长|店長|经纪|經紀|设计师|設計師|分析师|分析師|医生|醫生|"
    r"会长|會長|理事|局长|局長|行长|行長|书记|書記|架构师|架構師|老板|老闆|业务员|業務員|执行官|執行官|"
    r"董事长|董事長|主席|专家|專家|技术员|技術員|讲师|講師|研究员|研究員")
_DEPT_RE = re.compile(
    r"\b(?:department|dept|division|div|abteilung|team|unit|office of)\b\.?|"
    r"(?:部|部门|部門|事业部|事業部|中心|研究所|办公室|辦公室|课|課|科|处|處|组|組)$", re.I)
_DEPT_WORDS_EN = re.compile(
    r"^(?:sales|marketing|purchasing|procurement|finance|engineering|r&d|research(?: & | and )"
    r"development|human resources|hr|it|operations|logistics|customer service|legal|"
    r"business development|export|import|quality(?: assurance| control)?|production|"
    r"supply chain|accounting|administration|technical support)"
    r"(?: (?:department|dept\.?|division|team))?$", re.I)

_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|professor|ing|dipl\.?-ing|sir|mx)\.?\s+",
                        re.I)
_POSTNOMINAL = re.compile(
    r",?\s+(?:ph\.?\s?d|mba|cpa|pe|p\.e|md|m\.d|esq|jr|sr|ii|iii|iv|msc|bsc|ma|ba|cfa|pmp|"
    r"dipl|mph|llm|jd)\.?$", re.I)
_LATIN_NAME_WORD = re.compile(
    r"^(?:[A-Z][a-zß-ÿ]*(?:['’\-][A-Z]?[a-zß-ÿ]+)*|[A-Z][A-Z'’\-]+|[A-Z]\.|[a-z]{1,3})$")
_NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin",
                   "al", "ten", "ter", "y", "dos", "das"}

COMPOUND_SURNAMES = ["欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙", "公孫", "慕容", "长孙", "長孫", "宇文", "司徒", "夏侯", "轩辕", "軒轅", "令狐", "钟离", "鐘離", "闾丘", "閭丘", "澹台", "澹臺", "端木", "南宫", "南宮", "西门", "西門", "独孤", "獨孤", "呼延", "申屠", "太史", "单于", "單于", "百里", "东郭", "東郭", "公羊", "万俟", "萬俟", "司空", "濮阳", "濮陽", "淳于", "赫连", "赫連", "拓跋", "第五", "乐正", "樂正"]
SURNAMES = set(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧"
    "曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鐘谭譚陆陸汪范金石廖贾賈"
    "夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔"
    "向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭"
    "焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴"
    "蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁"
    "窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁"
    "沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗"
    "燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥屠豆朴盖蓋练練"
    "廉禹井祖漆巴丰支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈晁芮都普阙闕浦戈伏鹿薄邸雍辜"
    "羊阿乌烏母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇公哈湛宾賓戎勾茅利於呼居揭"
    "干但尉冶斯元束檀衣信展阴陰昝智幸奉植衡富尧堯闭閉由"
    "山田中村小林佐藤木高橋渡辺伊加吉松井清斎斉斋森池阿部石島岡野"
)

# -- extraction ----------------------------------------------------------------------------


@dataclass
class _Hit:
    key: str
    value: str
    certainty: float
    line: Line
    start: int
    end: int
    kind: str = ""

    def field_value(self) -> FieldValue:
        conf = self.line.conf(self.start, self.end) * self.certainty
        return FieldValue(self.value, round(max(0.0, min(1.0, conf)), 3),
                          self.line.boxes(self.start, self.end), self.kind)


def parse_text(text: str, region: str = "CN") -> dict[str, list[FieldValue]]:
    """Fields from plain text (a pasted e-mail signature, or OCR text without boxes)."""
    return parse_lines(text_lines(_clean(text)), region)


def _clean(text: str) -> str:
    # full-width ASCII -> half-width, keep CJK as is
    out = []
    for ch in text:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E and ch not in "：（）":
            out.append(chr(o - 0xFEE0))
        elif ch == "\u3000":
            out.append(" ")
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


_LEGAL_ONLY_RE = re.compile(r"^(?:co\.?,?\s*)?(?:ltd|limited|inc|gmbh|llc|corp|plc|ag|pty\.?\s*ltd)"
                            r"\.?$|^(?:有限公司|股份有限公司|有限責任公司)$", re.I)


def _join_split_legal_forms(lines: list[Line]) -> list[Line]:
    """'Shenzhen Huaqiang Electronics Co.,' / 'Ltd.' read as two lines -> one line."""
    out: list[Line] = []
    for line in lines:
        if out and _LEGAL_ONLY_RE.match(line.text.strip()) and not out[-1].text.endswith(
                ("Ltd.", "Ltd", "Inc.", "GmbH")):
            out[-1] = Line.build(out[-1].words + line.words, out[-1].top)
        else:
            out.append(line)
    return out


_REGION_CUES = [
    ("US", re.compile(r"\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|"
                      r"MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|"
                      r"WI|WY|DC)\s+\d{5}(?:-\d{4})?\b|\bUSA\b|United States")),
    ("HK", re.compile(r"Hong Kong|香港")),
    ("TW", re.compile(r"Taiwan|台湾|臺灣|台北|臺北")),
    ("SG", re.compile(r"Singapore")),
    ("JP", re.compile(r"Japan|日本|東京都|〒\s?\d{3}-\d{4}")),
    ("GB", re.compile(r"United Kingdom|\bUK\b|London|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")),
    ("DE", re.compile(r"Germany|Deutschland|\bBerlin\b|München|Hamburg")),
    ("FR", re.compile(r"France|\bParis\b")),
    ("AU", re.compile(r"Australia|\b(?:NSW|VIC|QLD)\s+\d{4}\b")),
    ("CN", re.compile(r"中国|China|[省市]")),
]


def card_region(text: str, default: str) -> str:
    """The country the card is from, for numbers written without a country code: the first
    +CC number on the card, else an address cue (a US state and ZIP, Hong Kong, 日本 ...)."""
    m = re.search(r"(?:^|[\s(:：])\+\s?(\d{1,3})[\s\-.(]", text)
    if m:
        code = phonenumbers.region_code_for_country_code(int(m.group(1)))
        if code and code != "ZZ":
            return code
    for code, rx in _REGION_CUES:
        if rx.search(text):
            return code
    return default


_GERMAN_RE = re.compile(r"\bGmbH\b|\bAG\b|\bKG\b|Germany|Deutschland|\+49\b|"
                        r"^\s*\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+", re.M)
_UMLAUT_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U",
                              "ß": "ss"})


def looks_german(text: str) -> bool:
    """A German card (its umlauts need Tesseract's `deu` model: `eng` reads Sölzer as Solzer,
    Lübeck as Liibeck): a German legal form, +49, Germany, a street in -straße/-weg/-ring ..., or a
    five-digit postcode before a town."""
    return bool(_GERMAN_RE.search(text) or _STREET_SUFFIX_RE.search(text))


def umlaut_word(eng: str, deu: str) -> bool:
    """`deu` (a word read with the German model) is `eng` (the English model's read of it) with
    the umlauts or ß that the English model cannot read: Lübeck for Liibeck, Sölzer for Solzer,
    Möchlichen for Méchlichen; a word without them, or spelt otherwise, is not."""
    if deu == eng or not re.search(r"[äöüÄÖÜß]", deu) or re.search(r"[äöüÄÖÜß]", eng):
        return False
    folded = deu.translate(_UMLAUT_FOLD)
    n = sum(c in "äöüÄÖÜß" for c in deu)
    return folded[:1].lower() == eng[:1].lower() and \
        Levenshtein.distance(folded, eng) <= min(2, n + 1)


def parse_lines(lines: list[Line], region: str = "CN") -> dict[str, list[FieldValue]]:
    lines = _join_split_legal_forms(lines)
    region = card_region("\n".join(ln.text for ln in lines), region)
    hits: list[_Hit] = []
    rest: list[tuple[Line, str, int]] = []  # line, remaining text (masked), offset
    for line in lines:
        masked = _extract_contacts(line, region, hits)
        rest.append((line, masked, 0))
    _classify_rest(rest, hits, region)
    fields: dict[str, list[FieldValue]] = {k: [] for k in FIELD_KEYS}
    for h in hits:
        fields[h.key].append(h.field_value())
    pinyin_checks.fix_domains(fields)
    pinyin_checks.fix_local_parts(fields)
    _dedupe(fields)
    return {k: v for k, v in fields.items() if v}


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _extract_contacts(line: Line, region: str, hits: list[_Hit]) -> str:
    # a thin l at the start of an address is often read as a bar: "E-mail: |ke@"
    text = _clean(re.sub(r"(?:(?<=[\s:：])|^)\|(?=[a-z0-9][a-z0-9._%+\-]*\s?@)", "l", line.text))
    # OCR reads the dot before com/net/cn as a comma: same length, so word spans still match
    text = re.sub(r"(@[A-Za-z0-9\-.]+),(?=(?:com|net|org|cn|de|jp|hk|io)\b)", r"\1.", text)
    masked = text
    # e-mails
    for m in EMAIL_RE.finditer(text):
        local_text, at, host_text = m.group(0).partition("@")
        # a space left between two words of the local part stands for a lost dot
        local_text = re.sub(r"(?<=[a-z0-9])\s+(?=[a-z0-9])", ".", local_text.strip())
        value = re.sub(r"\s+", "", local_text + at + host_text).strip(".")
        value = _GLUED_EMAIL_LABEL.sub("", value)  # "Email: ann@" read as "Emailann@"
        local, _, host = value.rpartition("@")
        if len(local) > 2 and re.fullmatch(r"[a-z0-9._%+\-I]*[a-z][a-z0-9._%+\-I]*", local[:-1]):
            local = local[:-1].replace("I", "l") + local[-1]  # "lIv@" is llv@
        if local[1:-1] == local[1:-1].lower() and len(local) > 2:
            # addresses on cards are lower case: a capital I is an l misread ("Ixie@"), a capital
            # just before the @ is the @ read twice ("jian.qiuQ@")
            local = local[0].replace("I", "l") + local[1:-1] + (
                "" if local[-1].isupper() and local[-2].islower() else local[-1])
        # a speck after the address read as a letter: 'antai.coml', 'acme.cni'
        host = re.sub(rf"(?<=\.)({_TLDS})[li1]$", r"\1", host) \
            if not re.search(rf"\.(?:{_TLDS})$", host) else host
        value = f"{local}@{host}"
        hits.append(_Hit("emails", value, 0.98, line, m.start(), m.end(), "work"))
        masked = _mask(masked, m.start(), m.end())
    if not hits or hits[-1].key != "emails" or hits[-1].line is not line:
        # OCR often drops the dot before the top-level domain: ann@acmecom -> ann@acme.com
        for m in _EMAIL_NODOT_RE.finditer(masked):
            value = f"{m.group(1)}@{m.group(2)}.{m.group(3)}"
            hits.append(_Hit("emails", value, 0.8, line, m.start(), m.end(), "work"))
            masked = _mask(masked, m.start(), m.end())
    # websites (not inside an e-mail)
    for m in WEB_RE.finditer(masked):
        value = m.group(0).rstrip(".,;-_")  # a speck at the line's end read as '-'
        # a host is the same in any case; OCR mixes them ('www.xinyuan.Com.Cn'); a path is not
        scheme, sep, rest = value.rpartition("://")
        host, slash, path = rest.partition("/")
        value = f"{scheme.lower()}{sep}{host.lower()}{slash}{path}"
        if "@" in value or not re.search(r"[A-Za-z]", value.split(".")[-1]):
            continue
        before = masked[max(0, m.start() - 1):m.start()]
        if before and before not in " |/,;:：·•(":
            continue
        # "Wwww.acme.com", "wwwacme.com": the dot after www lost or a W doubled
        value = re.sub(r"^(?:https?://)?[Ww]{3,}\.?(?=[A-Za-z0-9\-]+\.)", "www.", value) \
            if not value.lower().startswith("http") else value
        bare = value.lower()
        certain = 0.97 if bare.startswith(("www.", "http")) else 0.8
        if certain < 0.9 and (re.fullmatch(r"[a-z]+\.(?:co|as|se|de|it|in|no|st)", bare)
                              or len(bare) < 5):
            continue  # "Co.", "Rd.st" ... are not websites
        hits.append(_Hit("websites", value, certain, line, m.start(), m.end()))
        masked = _mask(masked, m.start(), m.end())
    # phones
    masked = _extract_phones(line, masked, region, hits)
    return masked


def _phone_kind(label: str) -> str:
    low = label.lower()
    for kind, pat in _PHONE_LABELS:
        if re.fullmatch(pat, low, re.I):
            return kind
    return ""


def _format_phone(raw: str, num: phonenumbers.PhoneNumber) -> str:
    """The number in the standard grouping (OCR spacing varies: '139 11112222'), international
    when written with +/00, national otherwise; as read when it is not a valid number."""
    if not phonenumbers.is_valid_number(num):
        return raw.strip(" .,;")
    fmt = (phonenumbers.PhoneNumberFormat.INTERNATIONAL
           if raw.lstrip("(（ ").startswith(("+", "00")) else phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(num, fmt)


def _extract_phones(line: Line, masked: str, region: str, hits: list[_Hit]) -> str:
    labels = [(m.start(), m.end(), _phone_kind(m.group(1))) for m in _PHONE_LABEL_RE.finditer(masked)]
    # a label must be a real label: a short token directly before digits
    try:
        matches = list(phonenumbers.PhoneNumberMatcher(
            masked, region, leniency=phonenumbers.Leniency.POSSIBLE))
    except Exception:  # noqa: BLE001 - phonenumbers on odd OCR text
        matches = []
    prev_end = 0
    for m in matches:
        raw = m.raw_string
        digits = re.sub(r"\D", "", raw)
        if len(digits) < 7 or len(digits) > 16:
            continue
        if re.fullmatch(r"(?:19|20)\d\d", digits[:4]) and len(digits) == 8 and "-" not in raw \
                and " " not in raw and "+" not in raw:
            continue  # a date
        start, end = m.start, m.end
        kind, label_start = "", start
        for ls, le, lk in labels:
            if prev_end <= ls and le <= start + 1 and masked[le:start].strip(" .:：(（") == "":
                kind, label_start = lk, ls
        num = m.number
        certainty = 0.95 if phonenumbers.is_valid_number(num) else 0.75
        if not kind:
            ntype = phonenumbers.number_type(num)
            if ntype == phonenumbers.PhoneNumberType.MOBILE or ntype == phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE and \
                    num.country_code == 86 and re.fullmatch(r"1[3-9]\d{9}", str(num.national_number)):
                kind = "mobile"
            else:
                kind = "work"
            certainty *= 0.95
        value = _format_phone(raw, num)
        hits.append(_Hit("phones", value, certainty, line, start, end, kind))
        masked = _mask(masked, label_start, end)
        prev_end = end
    # a label with nothing after it is noise
    if _LABEL_ONLY_RE.match(masked):
        return ""
    return masked


def _strip_label(text: str) -> tuple[str, int, str]:
    m = _OTHER_LABEL_RE.match(text)
    if not m:
        return text, 0, ""
    label = m.group(0).strip(" .:：").lower()
    kind = "address" if label in ("address", "addr", "add", "a", "地址", "住所", "adresse",
                                  "anschrift") else ""
    return text[m.end():], m.end(), kind


def _segments(masked: str) -> list[tuple[int, int]]:
    """Spans of what is left in a line once e-mails/phones/websites are cut out (separators |)."""
    out = []
    for m in re.finditer(r"[^|•·]+", masked):
        for a, b in _script_split(m.group(0)):
            seg = m.group(0)[a:b]
            if seg.strip(" ,;/-:："):
                lead = len(seg) - len(seg.lstrip(" ,;/-:："))
                trail = len(seg.rstrip(" ,;/-:："))
                out.append((m.start() + a + lead, m.start() + a + trail))
    return out


_SCRIPT_EDGE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[A-Za-z]{2})|(?<=[A-Za-z.])\s+(?=[\u4e00-\u9fff])")


def _script_split(seg: str) -> list[tuple[int, int]]:
    """'王伟  David Wang' -> the Chinese and the English part (bilingual lines)."""
    if not has_cjk(seg) or not re.search(r"[A-Za-z]{3}", seg) or re.search(r"\d", seg):
        return [(0, len(seg))]
    out, start = [], 0
    for m in _SCRIPT_EDGE.finditer(seg):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(seg)))
    return out


@dataclass
class _Cand:
    line: Line
    text: str
    start: int
    end: int
    order: int
    address_label: bool = False
    key: str = ""
    score: float = 0.0


def _classify_rest(rest: list[tuple[Line, str, int]], hits: list[_Hit], region: str) -> None:
    cands: list[_Cand] = []
    for order, (line, masked, _) in enumerate(rest):
        if not masked.strip():
            continue
        for a, b in _segments(masked):
            seg = masked[a:b]
            if _SIGN_OFF.match(seg.strip()):
                continue
            body, cut, label = _strip_label(seg)
            body_stripped = body.strip(" ,;/-")
            if not body_stripped:
                continue
            s = a + cut + (len(body) - len(body.lstrip(" ,;/-")))
            cands.append(_Cand(line, body_stripped, s, s + len(body_stripped), order,
                               label == "address"))

    emails = [h.value for h in hits if h.key == "emails"]
    sites = [h.value for h in hits if h.key == "websites"]
    domain_words = _domain_words(emails + sites)

    for c in cands:
        c.key, c.score = _classify(c, domain_words)
    cands = _split_department_titles(cands)

    _join_addresses(cands, hits)
    for c in cands:
        if c.key in ("company", "title", "department"):
            _add_lang_pair(c, hits, cands)
    _pick_name(cands, hits, emails)
    used = {id(c) for c in cands if c.key in ("used",)}
    notes = [c for c in cands if c.key in ("", "note") and id(c) not in used]
    for c in notes:
        if len(c.text) >= 2 and re.search(r"\w", c.text):
            hits.append(_Hit("note", c.text, 0.5, c.line, c.start, c.end))


_SIGN_OFF = re.compile(
    r"^(?:best(?: regards| wishes)?|kind regards|regards|warm regards|thanks|thank you|cheers|"
    r"sincerely|yours(?: sincerely| truly)?|mit freundlichen grüßen|viele grüße|此致|敬礼|谢谢|"
    r"祝好|--+|sent from my \w+)[,.!]?$", re.I)


_DEPT_TITLE_CJK = re.compile(r"^(.{1,10}?(?:部门|部門|事业部|事業部|部|中心|办公室|辦公室|处|處|科|课|課))"
                             r"\s*(.{2,12})$")


def _split_department_titles(cands: list[_Cand]) -> list[_Cand]:
    """'人力资源部 经理' / '人力资源部经理' -> department 人力资源部 and title 经理."""
    out: list[_Cand] = []
    for c in cands:
        m = _DEPT_TITLE_CJK.match(c.text) if c.key == "title" and has_cjk(c.text) else None
        if m and _TITLE_CJK.search(m.group(2)) and not _TITLE_CJK.search(m.group(1)):
            dept_end = c.start + m.end(1)
            title_start = c.start + m.start(2)
            out.append(_Cand(c.line, m.group(1), c.start, dept_end, c.order, key="department",
                             score=0.85))
            out.append(_Cand(c.line, m.group(2), title_start, c.end, c.order, key="title",
                             score=c.score))
        else:
            out.append(c)
    return out


def _domain_words(values: list[str]) -> set[str]:
    out = set()
    for v in values:
        host = v.rsplit("@", 1)[-1].lower()
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", host).split("/")[0]
        first = host.split(".")[0]
        if first and first not in ("gmail", "qq", "163", "126", "hotmail", "outlook", "yahoo",
                                   "mail", "foxmail", "sina", "icloud"):
            out.add(re.sub(r"[^a-z0-9]", "", first))
    return out


def _classify(c: _Cand, domain_words: set[str]) -> tuple[str, float]:
    t = c.text
    cjk = has_cjk(t)
    words = t.split()
    if c.address_label:
        return "address", 0.95
    if COMPANY_STRONG_RE.search(t) and not (ADDR_RE.search(t) and re.search(r"\d", t)) \
            and not (cjk and re.search(r"[路街号號]\s*\d|\d+\s*[号號室楼樓]", t)) \
            and not _CITY_LINE_RE.search(t):
        return "company", 0.93
    addr = _address_score(t)
    if addr >= 0.8:
        return "address", addr
    if _COUNTRIES.match(t.strip()):
        return "country", 0.7
    dept = bool(_DEPT_RE.search(t) or _DEPT_WORDS_EN.match(t))
    title = bool(_TITLE_EN.search(t) or _TITLE_CJK.search(t))
    if dept and not title:
        return "department", 0.88
    if title and len(t) <= 60 and not re.search(r"\d{3}", t):
        return "title", 0.88 if (len(words) <= 7 or cjk) else 0.6
    if COMPANY_WEAK_RE.search(t):
        return "company", 0.8
    key = re.sub(r"[^a-z0-9]", "", t.lower())
    if key and domain_words and any(key == d or (len(key) >= 3 and d.startswith(key))
                                    or (len(d) >= 3 and key.startswith(d)) for d in domain_words) \
            and not _name_shape(t):
        return "company", 0.75
    if addr >= 0.5 and not _name_shape(t):
        return "address", addr
    return "", 0.0


# "Denver, CO 80202" / "Torresburgh, AS 83214": a state code that is also a legal form (Co, AS);
# "44438 Flöha": a German postcode and town
_CITY_LINE_RE = re.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\W*$|^\s*\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+")
# German street names are one word: Holzapfelplatz 130, Vollbrechtweg 75, Hauptstr. 5
_STREET_SUFFIX_RE = re.compile(
    r"[a-zäöüß\-](?:stra(?:ß|ss|b|8|fs)e|str\.|platz|weg|allee|gasse|ring|damm|ufer|chaussee|pfad|"
    r"markt)"
    r"\s+\d+[a-z]?\b", re.I)


def _address_score(t: str) -> float:
    cjk = has_cjk(t)
    if re.match(r"^\s*p\.?\s?o\.?\s?box\b|^\s*postfach\b|^\s*邮政信箱", t, re.I):
        return 0.95
    score = 0.0
    if cjk:
        n = len(ADDR_CJK_RE.findall(t))
        if n >= 2 or (n >= 1 and re.search(r"\d", t)):
            score = 0.92
        elif n == 1 and len(t) >= 3:
            score = 0.6
    else:
        has_word = bool(ADDR_RE.search(t))
        has_digit = bool(re.search(r"\d", t))
        if has_word and has_digit or _STREET_SUFFIX_RE.search(t):
            score = 0.92
        elif STREET_NO_RE.match(t) and len(t.split()) >= 2 or POSTCODE_RE.search(t) and re.search(r"[A-Za-z]{3}", t):
            score = 0.85
        elif has_word and len(t.split()) >= 2:
            score = 0.55
    if re.search(r"邮编|郵編|zip|postcode|post code", t, re.I):
        score = max(score, 0.85)
    return score


def _join_addresses(cands: list[_Cand], hits: list[_Hit]) -> None:
    """Adjacent address lines (and a country line right after) become one address per script."""
    groups: list[list[_Cand]] = []
    for c in cands:
        if c.key == "address" or (c.key == "country" and groups and groups[-1][-1].order
                                  >= c.order - 1):
            if groups and groups[-1][-1].order >= c.order - 1 and \
                    has_cjk(groups[-1][-1].text) == has_cjk(c.text):
                groups[-1].append(c)
            else:
                groups.append([c])
    for c in cands:
        if c.key == "country" and not any(c in g for g in groups):
            c.key = ""
    if not groups:
        return
    scored = []
    for g in groups:
        cjk = has_cjk("".join(x.text for x in g))
        text = _tidy(("" if cjk else ", ").join(x.text.strip(" ,") for x in g))
        if not cjk:
            # ß read as B ("WagnerstraBe"); a British postcode's 0 read as O
            text = _fix_uk_postcode(re.sub(r"(?<=[a-z])B(?=e\b)", "ß", text))
        conf = sum(x.line.conf(x.start, x.end) for x in g) / len(g)
        cert = max(x.score for x in g)
        boxes = [b for x in g for b in x.line.boxes(x.start, x.end)]
        scored.append((cjk, text, conf * cert, boxes, g))
    # best first: Chinese on a bilingual card, else the longest
    scored.sort(key=lambda s: (not s[0], -s[2] * len(s[1]) ** 0.3))
    for i, (cjk, text, conf, boxes, g) in enumerate(scored):
        # the joined value keeps the words' confidence and boxes through a synthetic line
        fv_hit = _Hit("address", text, 1.0,
                      _synthetic(text, conf * (1.0 if i == 0 else 0.8), boxes), 0, len(text))
        hits.append(fv_hit)
        for x in g:
            x.key = "used"
        if i > 0:
            hits.append(_Hit("note", f"Address ({'Chinese' if cjk else 'English'}): {text}",
                             0.5, fv_hit.line, 0, len(text)))


def _synthetic(text: str, conf: float, boxes: list[Box]) -> Line:
    return _BoxLine([Word(text, conf, None)], text, [(0, len(text))], boxes=boxes)


class _BoxLine(Line):
    def __init__(self, words, text, spans, boxes):  # noqa: ANN001
        super().__init__(words, text, spans)
        self._fixed_boxes = boxes

    def boxes(self, start: int = 0, end: int | None = None) -> list[Box]:
        return list(self._fixed_boxes)


_LABEL_EN = {"company": "Company", "title": "Title", "department": "Department"}


def _add_lang_pair(c: _Cand, hits: list[_Hit], cands: list[_Cand]) -> None:
    """Company/title/department: every line of that kind is a candidate; CJK before Latin."""
    same = [x for x in cands if x.key == c.key]
    if c is not same[0]:
        return
    # keep the strongest of each script; CJK first when both exist
    ordered = sorted(same, key=lambda x: (not has_cjk(x.text), -x.score, x.order))
    first_script = has_cjk(ordered[0].text)
    for i, x in enumerate(ordered):
        cert = x.score if i == 0 else x.score * 0.8
        hits.append(_Hit(x.key, _tidy(x.text), cert, x.line, x.start, x.end))
        if i > 0:
            lang = "English" if first_script and not has_cjk(x.text) else "other"
            hits.append(_Hit("note", f"{_LABEL_EN[x.key]} ({lang}): {_tidy(x.text)}", 0.5,
                             x.line, x.start, x.end))


_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\d])|(?<=\d)\s+(?=[\u4e00-\u9fff])")


_GLUED_EMAIL_LABEL = re.compile(r"^(?:E-?mail|EMAIL|E-MAIL|Mail)[:.]?(?=[A-Za-z0-9])")
# OCR reads a capital I as l in many sans fonts: "lronbridge", "lvan"; no word starts with l and
# a consonant
_L_FOR_I = re.compile(r"\bl(?=[bcdfgjklmnpqrstvwxz][a-z])")
# British postcodes: the outward code ends, the inward code starts with a digit ("BRO 6JL")
_UK_POSTCODE_O = re.compile(r"\b([A-Z]{1,2})([OSIB])([A-Z\d]?)\s+([\dOSIB])([A-Z]{2})\b|"
                            r"\b([A-Z]{1,2}\d[A-Z\d]?)\s+([OSIB])([A-Z]{2})\b")
_DIGIT_FOR = str.maketrans("OSIB", "0518")  # letters OCR reads for the digits of a postcode


def _fix_uk_postcode(t: str) -> str:
    """A British postcode's digits read as letters: 'BRO 6JL' -> 'BR0 6JL', 'ESF 2UX' ->
    'E5F 2UX' (the outward code has a digit, the inward code starts with one)."""
    def fix(m: re.Match) -> str:
        if m.group(1) is not None:
            if re.search(r"\d", m.group(1) + m.group(3)):
                return m.group(0)  # 'BS1 4DJ' has its digit: S is a letter there
            return (f"{m.group(1)}{m.group(2).translate(_DIGIT_FOR)}{m.group(3)} "
                    f"{m.group(4).translate(_DIGIT_FOR)}{m.group(5)}")
        return f"{m.group(6)} {m.group(7).translate(_DIGIT_FOR)}{m.group(8)}"
    return _UK_POSTCODE_O.sub(fix, t)


def _tidy(t: str) -> str:
    """Spaces between Chinese characters (an OCR artefact) and stray quotes/bars removed."""
    t = _CJK_SPACE.sub("", re.sub(r"\s+", " ", t))
    if not has_cjk(t):
        t = _L_FOR_I.sub("I", t)
    return t.strip(" ,;|\"'“”‘’`·•")


# -- names -----------------------------------------------------------------------------------

def _name_shape(t: str) -> bool:
    return _latin_name(t) is not None or _cjk_name(t) is not None


def _latin_name(t: str) -> tuple[str, str, str, float] | None:
    """(name, family, given, certainty) for 'Jane Doe', 'Dr. Jane A. Doe, PhD', 'DOE Jane'."""
    s = _HONORIFIC.sub("", t.strip())
    s = _POSTNOMINAL.sub("", s).strip(" ,")
    if has_cjk(s) or re.search(r"[\d@/&]", s) or _COUNTRIES.match(s):
        return None
    if "," in s:
        fam, _, giv = s.partition(",")
        words = giv.split() + fam.split()
        if len(words) < 2 or len(words) > 4:
            return None
        if not all(_LATIN_NAME_WORD.match(w) for w in words):
            return None
        return f"{giv.strip()} {fam.strip()}", fam.strip(), giv.strip(), 0.8
    words = s.split()
    if len(words) < 2 or len(words) > 4:
        return None
    if max(len(w.rstrip(".")) for w in words) < 3:
        return None  # "A K": letters read off a logo or a Chinese name, not a name
    if not all(_LATIN_NAME_WORD.match(w) or w.lower() in _NAME_PARTICLES for w in words):
        return None
    if not words[0][0].isupper():
        return None
    caps = [w for w in words if len(w) > 1 and w.isupper()]
    if len(caps) == 1 and len(words) >= 2 and caps[0] == words[0]:
        fam = caps[0]
        giv = " ".join(w for w in words if w is not caps[0])
        return s, fam, giv, 0.85
    # family name: last word, with particles (van der Berg)
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _NAME_PARTICLES:
        i -= 1
    return s, " ".join(words[i:]), " ".join(words[:i]), 0.85


def _cjk_name(t: str) -> tuple[str, str, str, float] | None:
    s = t.strip()
    parts = s.split()
    joined = "".join(parts)
    if not (2 <= len(joined) <= 4) or not all(0x4E00 <= ord(c) <= 0x9FFF for c in joined):
        return None
    if _TITLE_CJK.search(joined) or COMPANY_STRONG_RE.search(joined) or ADDR_CJK_RE.search(
            joined[1:]) and len(joined) > 3:
        return None
    if len(parts) == 2 and len(joined) >= 3:  # Japanese style: family and given separated
        return joined, parts[0], parts[1], 0.85 if parts[0][0] in SURNAMES else 0.7
    if joined[:2] in COMPOUND_SURNAMES and len(joined) >= 3:
        return joined, joined[:2], joined[2:], 0.9
    if joined[0] in SURNAMES:
        return joined, joined[0], joined[1:], 0.9
    return joined, joined[0], joined[1:], 0.55


def _email_matches(name: str, emails: list[str]) -> bool:
    if has_cjk(name) and lazy_pinyin is not None:
        py = lazy_pinyin(name)  # 王小明 -> wang, xiaoming: wang.xiaoming@, xmwang@, xiaoming@
        name = f"{''.join(py[1:])} {py[0]}" if len(py) > 1 else py[0]
    words = [re.sub(r"[^a-z]", "", w.lower()) for w in name.split()]
    words = [w for w in words if len(w) >= 2]
    for e in emails:
        local = e.split("@")[0].lower()
        if any(w in local for w in words):
            return True
        if len(words) >= 2 and local.startswith(words[0][0]) and words[-1] in local:
            return True
    return False


def _pick_name(cands: list[_Cand], hits: list[_Hit], emails: list[str]) -> None:
    options = []
    heights = [c.line.height for c in cands if c.line.height]
    max_h = max(heights) if heights else 0.0
    for c in cands:
        if c.key not in ("", "note", "title"):
            continue
        if c.key == "title":
            continue
        parsed = _cjk_name(c.text) or _latin_name(c.text)
        if not parsed:
            continue
        name, fam, giv, cert = parsed
        score = cert
        if max_h:
            score *= 0.7 + 0.3 * (c.line.height / max_h)
        score *= 1.0 - min(c.order, 10) * 0.02
        if _email_matches(name, emails):
            score = min(1.0, score + 0.15)
        options.append((score, has_cjk(name), name, fam, giv, c, cert))
    if not options:
        return
    # the best-scoring name; a Chinese one wins on a bilingual card when it looks as plausible
    options.sort(key=lambda o: -o[0])
    best = options[0]
    cjk_opts = [o for o in options if o[1] and o[6] >= 0.85]
    if not best[1] and cjk_opts and cjk_opts[0][0] >= best[0] * 0.5:
        best = cjk_opts[0]
    _, _, name, fam, giv, c, cert = best
    c.key = "used"
    hits.append(_Hit("name", name, min(1.0, best[0] + 0.05), c.line, c.start, c.end))
    hits.append(_Hit("family_name", fam, best[0], c.line, c.start, c.end))
    hits.append(_Hit("given_name", giv, best[0], c.line, c.start, c.end))
    # the other-script name: second candidate and into the note
    for o in options:
        if o is best or o[1] == best[1] or o[0] < 0.6:
            continue
        oc = o[5]
        oc.key = "used"
        hits.append(_Hit("name", o[2], o[0] * 0.7, oc.line, oc.start, oc.end))
        label = "English name" if not o[1] else "Chinese name"
        hits.append(_Hit("note", f"{label}: {o[2]}", 0.5, oc.line, oc.start, oc.end))
        break


def _dedupe(fields: dict[str, list[FieldValue]]) -> None:
    for key, values in fields.items():
        seen: dict[str, FieldValue] = {}
        out = []
        for v in values:
            k = re.sub(r"\W", "", v.value.lower())
            if key == "phones":
                k = re.sub(r"\D", "", v.value)[-9:]
            if k in seen:
                continue
            seen[k] = v
            out.append(v)
        fields[key] = out
    # best first for single-valued fields (multi-valued keep card order)
    for key in ("name", "title", "company", "department", "address"):
        fields[key].sort(key=lambda v: -v.confidence)
