"""Normalizers shared by storage, search, matching and import: one place for each rule.

Stored beside the text as entered: lower-case e-mail, E.164 phone, digits-only phone, company key.
The deduplication matcher (app.dedup) builds its features from the functions here too:
company names (case, width, accents, punctuation, legal forms, "&"/"and", leading "The"),
registrable web/e-mail domains (free-mail never identifies a company), phones with extensions,
addresses (street-type abbreviations, postcodes, Chinese address units).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable

import phonenumbers
from cleanco import termdata
from unidecode import unidecode

from app.domain import CJK as _CJK
from app.memo import Memo

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
_DIGITS = re.compile(r"\D+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# -- text folding ------------------------------------------------------------------------------

# Latin letters with diacritics → ASCII (é→e, ß→ss, ø→o); CJK and other scripts are left alone so
# 華為 and 株式会社 keep their meaning. A translate table is built once: fast on 100,000 names.
_LATIN_TO_ASCII = {
    cp: unidecode(chr(cp)).lower()
    for cp in itertools.chain(range(0x80, 0x250), range(0x1E00, 0x1F00))
    if unicodedata.category(chr(cp)).startswith("L")
}


def fold(text: str) -> str:
    """Case- and width-insensitive form: NFKC turns full-width ＡＢＣ１ into ABC1."""
    return unicodedata.normalize("NFKC", text or "").casefold().strip()


def fold_accents(text: str) -> str:
    """`fold` plus Latin accents removed: 'Société Générale' → 'societe generale'."""
    return fold(text).translate(_LATIN_TO_ASCII)


def is_cjk(text: str) -> bool:
    """True when the text contains Chinese, Japanese or Korean characters."""
    return bool(_CJK.search(text or ""))


def _is_cjk(ch: str) -> bool:
    return bool(ch) and unicodedata.east_asian_width(ch) in ("W", "F")


def to_latin(text: str) -> str:
    """A Latin spelling for cross-script comparison: 华为 → 'huawei', Газпром → 'gazprom'."""
    text = fold_accents(text)
    if _HAN.search(text):
        from pypinyin import lazy_pinyin  # ~50 MB of dictionaries: loaded when first needed

        text = " ".join(lazy_pinyin(text, errors=lambda s: [s]))
    return unidecode(text).lower()


# -- company names -----------------------------------------------------------------------------

def _term_words(term: str) -> tuple[str, ...]:
    """'S.A.R.L.' → ('sarl',); 'gmbh & co. kg' → ('gmbh', 'and', 'co', 'kg')."""
    text = fold_accents(term).replace("&", " and ")
    text = re.sub(r"\b(\w)\.(?=\w\.?)", r"\1", text)  # join dotted abbreviations
    return tuple(w for w in _PUNCT.split(text) if w)


# Legal forms: cleanco's multilingual term list (EN/DE/FR/ES/IT/NL and ~60 more countries) plus
# the long spelled-out forms and a few it lacks. Matched as whole trailing words.
_EXTRA_LEGAL = [
    "gesellschaft mit beschränkter haftung", "aktiengesellschaft", "kommanditgesellschaft",
    "offene handelsgesellschaft", "gmbh & co kg", "ag & co kg", "e.k.", "ek", "ug haftungsbeschränkt",
    "société anonyme", "société à responsabilité limitée", "société par actions simplifiée",
    "sociedad anónima", "sociedad limitada", "sociedad de responsabilidad limitada", "s.l.u.",
    "società per azioni", "società a responsabilità limitata", "s.r.l.s.",
    "besloten vennootschap", "naamloze vennootschap", "b.v.", "n.v.", "co ltd", "co. ltd.",
    "company limited", "corp", "limited liability company", "public limited company", "pte ltd",
    "pvt ltd", "private limited", "kabushiki kaisha", "k.k.", "yugen kaisha", "godo kaisha",
    "holding", "holdings", "group",
]
_LEGAL_SEQS: frozenset[tuple[str, ...]] = frozenset(
    words
    for term in itertools.chain(itertools.chain.from_iterable(termdata.terms_by_type.values()),
                                _EXTRA_LEGAL)
    if (words := _term_words(term))
)
# Words cleanco lists that are too often part of a real name to strip ("private", "company" kept
# in the spelled-out sequences above, where they are unambiguous).
_LEGAL_SEQS = _LEGAL_SEQS - {("private",), ("company",), ("et",), ("pt",), ("da",), ("pp",),
                             ("group",), ("holding",), ("holdings",)}
_MAX_LEGAL_LEN = max(len(s) for s in _LEGAL_SEQS)
_LEADING_LEGAL = {("pt",), ("cv",), ("ooo",), ("oao",), ("zao",)}

# CJK legal forms (Chinese, Japanese, Korean), longest first; stripped at the end or the start.
_CJK_LEGAL = sorted([
    "股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "集团有限公司", "集團有限公司",
    "集团股份有限公司", "股份公司", "控股有限公司", "分公司", "公司", "株式会社", "有限会社",
    "有限會社", "合同会社", "合資会社", "合名会社", "(株)", "(有)", "㈱", "주식회사", "유한회사",
    "集团公司", "集团", "集團",
    "(주)", "㈜", "유한책임회사", "합자회사",
], key=len, reverse=True)
# Descriptive words of a Chinese registered name: 华为技术有限公司 → core 华为. Region prefixes too:
# 深圳市腾讯计算机系统有限公司 → 腾讯计算机系统 → 腾讯.
_CJK_DESCRIPTORS = sorted([
    "技术", "科技", "集团", "控股", "网络", "电子", "信息", "软件", "通信", "贸易", "实业",
    "国际", "发展", "投资", "咨询", "服务", "工程", "制造", "设备", "系统", "计算机", "电气",
    "机械", "材料", "医药", "生物", "能源", "物流", "商贸", "企业", "管理", "股份", "工业",
    "技術", "國際", "電子", "資訊", "網絡", "軟體", "貿易", "發展", "顧問",
], key=len, reverse=True)
_CJK_REGIONS = sorted([
    "中国", "中國", "北京市", "北京", "上海市", "上海", "天津市", "天津", "重庆市", "重庆",
    "深圳市", "深圳", "广州市", "广州", "杭州市", "杭州", "南京市", "南京", "苏州市", "苏州",
    "成都市", "成都", "武汉市", "武汉", "西安市", "西安", "香港", "台湾", "台灣", "东莞市", "东莞",
    "广东省", "广东", "浙江省", "浙江", "江苏省", "江苏", "日本", "韓国", "한국",
], key=len, reverse=True)

# Common word abbreviations in company names (no maintained library covers these).
_WORD_ABBREV = {
    "intl": "international", "int'l": "international", "inter": "international",
    "mfg": "manufacturing", "tech": "technology", "technologies": "technology",
    "techn": "technology", "sys": "systems", "system": "systems", "svcs": "services",
    "svc": "services", "service": "services", "natl": "national", "assoc": "associates",
    "bros": "brothers", "ctr": "center", "centre": "center", "grp": "group", "hldgs": "holdings",
    "ind": "industries", "inds": "industries", "industry": "industries", "mgmt": "management",
    "dept": "department", "dt": "deutsche", "dtsch": "deutsche", "univ": "university",
    "labs": "laboratories", "lab": "laboratories", "eng": "engineering", "engg": "engineering",
    "elec": "electric", "electronic": "electronics", "solution": "solutions", "sol": "solutions",
    "st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "co-op": "cooperative",
}
_STOP_WORDS = {"the", "and", "der", "die", "das", "le", "la", "les", "el", "los", "il", "de"}


def _strip_cjk_legal(text: str) -> str:
    changed = True
    while changed:
        changed = False
        for form in _CJK_LEGAL:
            if text.endswith(form) and len(text) > len(form):
                text, changed = text[: -len(form)], True
            elif text.startswith(form) and len(text) > len(form):
                text, changed = text[len(form):], True
    return text


def company_words(name: str) -> list[str]:
    """Name words without legal form, "&"/"and", leading "The", punctuation, case or accents.

    'The Procter & Gamble Company, Inc.' → ['procter', 'gamble', 'company'];
    'Société Générale S.A.' → ['societe', 'generale']; '华为技术有限公司' → ['华为技术'].
    """
    text = fold_accents(name)
    text = re.sub(r"[（(][^）)]*[）)]", lambda m: " " if not is_cjk(m.group()) or
                  m.group()[1:-1] not in ("株", "有", "주") else m.group(), text)
    text = text.replace("&", " and ").replace("+", " and ")
    text = re.sub(r"\b(\w)\.(?=\w\.?)", r"\1", text).replace("'", "")
    if is_cjk(text):
        text = _strip_cjk_legal(re.sub(r"\s+", "", text) if not re.search(r"[a-z]{2}", text)
                                else text.strip())
    words = [w for w in _PUNCT.split(text) if w]
    words = [_strip_cjk_legal(w) if is_cjk(w) else w for w in words]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and tuple(words[:1]) in _LEADING_LEGAL:
        words = words[1:]
    stripped = True
    while stripped and len(words) > 1:
        stripped = False
        for n in range(min(_MAX_LEGAL_LEN, len(words) - 1), 0, -1):
            if tuple(words[-n:]) in _LEGAL_SEQS:
                words, stripped = words[:-n], True
                break
        if not stripped and len(words) > 1 and words[-1] == "and":  # "Acme & Co." leftovers
            words, stripped = words[:-1], True
    words = [w for w in words if w not in _STOP_WORDS] or words
    return words


def has_legal_form(name: str) -> bool:
    """Whether a name is a company's by its legal form: 华为技术有限公司, Acme GmbH, PT Maju,
    Société Générale S.A. (a person's name has none)."""
    text = fold_accents(name)
    if is_cjk(text):
        return any(_strip_cjk_legal(w) != w for w in _PUNCT.split(text) if w)
    words = _term_words(text)
    tails = range(1, min(_MAX_LEGAL_LEN, len(words) - 1) + 1)  # a name is more than its form
    return len(words) > 1 and (tuple(words[:1]) in _LEADING_LEGAL
                               or any(tuple(words[-n:]) in _LEGAL_SEQS for n in tails))


_COMPANY_KEYS = Memo(65536)  # imports and the matcher ask for the same names often


def company_key(name: str) -> str:
    """Exact-match key for a company name: case, width, accents, punctuation, legal forms,
    "&"/"and" and a leading "The" ignored. CJK names are joined without spaces."""
    key = _COMPANY_KEYS.get(name)
    if key is None:
        words = company_words(name)
        key = "".join(words) if words and _is_cjk(words[0][:1]) else " ".join(words)
        _COMPANY_KEYS.keep(name, key)
    return key


def learn_company_key(name: str, key: str) -> None:
    """A key worked out in another process (the matcher's features of `name`)."""
    _COMPANY_KEYS.keep(name, key)


def canonical_words(words: list[str]) -> list[str]:
    """Expand common abbreviations: 'intl' → 'international', 'mfg' → 'manufacturing'."""
    return [_WORD_ABBREV.get(w, w) for w in words]


def cjk_core(name: str, key: str | None = None) -> str:
    """A Chinese name without region prefix, legal form or descriptive words:
    '深圳市华为技术有限公司' → '华为'. Empty when the name is not CJK. `key`: its company_key."""
    key = company_key(name) if key is None else key
    if not key or not _HAN.search(key):
        return ""
    core = key
    for region in _CJK_REGIONS:
        if core.startswith(region) and len(core) > len(region) + 1:
            core = core[len(region):]
            break
    changed = True
    while changed:
        changed = False
        for word in _CJK_DESCRIPTORS:
            if core.endswith(word) and len(core) > len(word) + 1:
                core, changed = core[: -len(word)], True
    return core


def acronym(words: list[str]) -> str:
    """Initials of a multi-word Latin name: ['international', 'business', 'machines'] → 'ibm'."""
    if len(words) < 2 or any(not w.isascii() for w in words):
        return ""
    return "".join(w[0] for w in words if w not in _STOP_WORDS)


# -- e-mail, web domains -----------------------------------------------------------------------

@functools.lru_cache(maxsize=65536)  # an import asks for each address a few times
def normalize_email(address: str) -> str:
    return fold(address).strip("<>\"' ")


def email_domain(address: str) -> str:
    norm = normalize_email(address)
    return norm.rsplit("@", 1)[1] if "@" in norm else ""


def web_domain(url: str) -> str:
    """'https://www.Acme.com/about' → 'acme.com' (scheme, www. and path dropped)."""
    text = fold(url)
    if "@" in text and "/" not in text:
        text = text.rsplit("@", 1)[1]
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text).split("/", 1)[0].split(":", 1)[0]
    return text.removeprefix("www.").strip(".")


@functools.cache
def _tld():
    """tldextract with the public suffix list bundled in the package: never fetched over the
    network. Built when first needed (it costs memory and time at app start)."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


# Mail providers whose domain says nothing about the company. The label list covers every
# country suffix of the big providers (hotmail.de, yahoo.co.jp, gmx.at ...).
_FREE_MAIL_LABELS = {
    "gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo", "ymail", "rocketmail",
    "aol", "gmx", "yandex", "icloud", "protonmail", "proton", "zoho", "mail", "email", "inbox",
    "web", "t-online", "freenet", "orange", "wanadoo", "libero", "virgilio", "tiscali",
    "alice", "laposte", "sfr", "free", "naver", "daum", "hanmail", "nate", "qq", "foxmail",
    "163", "126", "yeah", "sina", "sohu", "139", "189", "aliyun", "21cn", "tom", "263",
    "rediffmail", "seznam", "wp", "onet", "interia", "o2", "bluewin", "ziggo", "kpnmail",
    "hetnet", "planet", "telenet", "skynet", "btinternet", "sky", "comcast", "verizon", "att",
    "sbcglobal", "me", "mac", "hushmail", "tutanota", "fastmail", "mailbox", "posteo",
}
_FREE_MAIL_DOMAINS = {"me.com", "mac.com", "mail.ru", "bk.ru", "list.ru", "inbox.ru", "ya.ru",
                      "sina.cn", "vip.qq.com", "vip.163.com", "vip.sina.com", "hotmail.co.uk"}


@functools.lru_cache(maxsize=65536)
def registrable_domain(text: str) -> str:
    """The registrable domain of a URL, host or e-mail address: 'https://shop.acme.co.uk/x' and
    'ann@mail.acme.co.uk' → 'acme.co.uk'. '' when there is none."""
    host = web_domain(text)
    if not host or "." not in host:
        return ""
    parts = _tld().extract_str(host, include_psl_private_domains=False)
    if not parts.domain or not parts.suffix:
        return ""
    return f"{parts.domain}.{parts.suffix}"


def is_free_mail(domain: str) -> bool:
    """True for gmail.com, outlook.com, qq.com, 163.com, web.de … in any country variant."""
    reg = registrable_domain(domain) or fold(domain)
    if reg in _FREE_MAIL_DOMAINS or fold(domain) in _FREE_MAIL_DOMAINS:
        return True
    return reg.split(".", 1)[0] in _FREE_MAIL_LABELS


_COMPANY_DOMAINS = Memo(65536)  # the matcher's index asks for every employee's domain


def company_domain(text: str) -> str:
    """The domain that identifies a company from its website or an employee's e-mail address,
    or '' for free-mail providers and unparseable text."""
    found = _COMPANY_DOMAINS.get(text)
    if found is None:
        reg = registrable_domain(text)
        found = _COMPANY_DOMAINS.keep(text, "" if not reg or is_free_mail(reg) else reg)
    return found


def learn_company_domains(found: dict[str, str]) -> None:
    """Company domains worked out before or elsewhere (the matcher's saved features, an
    import's reading process)."""
    for text, domain in found.items():
        _COMPANY_DOMAINS.keep(text, domain)


# -- phones ------------------------------------------------------------------------------------

def digits(text: str) -> str:
    return _DIGITS.sub("", unicodedata.normalize("NFKC", text or ""))


# One parse per (number, region): storage, search and matching all ask for the same ones, and
# parsing is the dearest step of a phone number.
_PARSED = Memo(65536)  # (text, region) → PhoneNumber | None
_E164 = Memo(65536)  # (text, region) → E.164 text


# the words a Chinese (Japanese, Korean) number gives its extension with ("0755-8601 3388 转
# 808"), which phonenumbers reads only as "ext."
_EXTENSION = re.compile(r"\s*(?:转|轉|分机|分機|内线|內線|内線|내선)\s*")  # (内線 Japanese, 내선 Korean)


# what a Chinese sheet writes beside a number: "138 0013 8000（私人）", "…(微信同号)", "手机："
# (digits of any script stay: phonenumbers reads ٠٥٥ as 055)
_NOT_OF_THE_NUMBER = re.compile(r"\([^)]*[^\x00-\x7f\d][^)]*\)|[^\x00-\x7f\d]")


def _phone_text(text: str) -> str:
    """The text phonenumbers is given: NFKC (full-width digits), extensions as it reads them,
    and no words around the number (phonenumbers gives up on "13800138000（私人）")."""
    nfkc = unicodedata.normalize("NFKC", text or "")
    if nfkc.isascii():
        return nfkc
    return _NOT_OF_THE_NUMBER.sub(" ", _EXTENSION.sub(" ext. ", nfkc))


def _parse_phone(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    key = (text, region)
    try:
        return _PARSED[key]
    except KeyError:
        pass
    try:
        num = phonenumbers.parse(text, region or None)
    except phonenumbers.NumberParseException:
        num = None
    return _PARSED.keep(key, num)


def phone_e164(text: str, region: str = "US") -> str:
    """E.164 form ('+8613800138000'), or '' when the text is not a plausible number."""
    key = (text, region)
    try:
        return _E164[key]
    except KeyError:
        pass
    nfkc = _phone_text(text)
    num = _parse_phone(nfkc, region) if len(digits(nfkc)) >= 5 else None
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164) \
        if num is not None and phonenumbers.is_possible_number(num) else ""
    return _E164.keep(key, e164)


def is_mobile(text: str, region: str = "US") -> bool:
    """Whether the number plan of its country says mobile (+65 9123 4567, 13800138000); a
    number that may be either (the US and Canada) is not."""
    num = _parse_phone(_phone_text(text), region)
    return num is not None and \
        phonenumbers.number_type(num) == phonenumbers.PhoneNumberType.MOBILE


def phone_parses(numbers: Iterable[str], region: str) -> list[tuple]:
    """What parsing these numbers found, for `learn_parses` in another process."""
    out = []
    for text in numbers:
        e164 = phone_e164(text, region)
        nfkc = _phone_text(text)
        out.append((text, nfkc, region, _parse_phone(nfkc, region), e164))
    return out


def learn_parses(parses: list[tuple]) -> None:
    for text, nfkc, region, num, e164 in parses:
        _PARSED.keep((nfkc, region), num)
        _E164.keep((text, region), e164)
        _KEYS.keep((text, region), _key(e164, num.extension if e164 else ""))


def phone_key(text: str, region: str = "US") -> str:
    """E.164 with the extension kept: '+49 30 1234567 ext. 12' → '+49301234567;ext=12'. A
    phone's identity: colleagues share a switchboard, not its extensions (stored as
    contact_phone.e164)."""
    key = (text, region)
    try:
        return _KEYS[key]
    except KeyError:
        pass
    e164 = phone_e164(text, region)
    ext = _parse_phone(_phone_text(text), region).extension if e164 else ""
    return _KEYS.keep(key, _key(e164, ext))


_KEYS = Memo(65536)  # (text, region) → phone_key: an import asks for each number's often
_EXT = ";ext="  # (RFC 3966's, as phonenumbers writes it)


def _key(e164: str, extension: str | None) -> str:
    return f"{e164}{_EXT}{extension}" if extension else e164


def phone_key_text(key: str) -> str:
    """A phone key as a rep reads it: '+49301234567 ext. 12'."""
    return key.replace(_EXT, " ext. ")


def phone_identity(text: str, region: str = "US") -> str:
    """The same number however written, its extension part of it: `phone_key`, or the bare
    digits of a number that does not parse."""
    return phone_key(text, region) or digits(text)


def phone_extension(text: str, region: str = "US") -> str:
    """The extension of a plausible number ('12' of '+49 30 1234567 ext. 12'), else ''."""
    return phone_key(text, region).partition(_EXT)[2]


def same_line(stored: str, national: str, extension: str | None, region: str = "US") -> bool:
    """Whether a stored number is the one of these national digits (the same last digits, the
    shorter a suffix of the longer, 7 at least: '0755 8601 3388' and '+86 755 86013388') and,
    unless `extension` is None, has this extension ('' none)."""
    theirs = national_digits(stored, region)
    shorter, longer = sorted((theirs, national), key=len)
    if len(shorter) < 7 or not longer.endswith(shorter):
        return False
    return extension is None or phone_extension(stored, region) == extension


def phone_search_digits(text: str, region: str = "US") -> str:
    """Digits used by search and lookup: E.164 digits when parseable, else the bare digits."""
    e164 = phone_e164(text, region)
    return e164[1:] if e164 else digits(text)


@functools.lru_cache(maxsize=65536)
def national_digits(text: str, region: str = "US") -> str:
    """The national significant number ('13800138000'), or the bare digits."""
    num = _parse_phone(_phone_text(text), region)
    return str(num.national_number) if num is not None else digits(text)

# -- addresses ---------------------------------------------------------------------------------

# Street types and address words → one short form (EN/DE/FR/ES/IT/NL).
_STREET_WORDS = {
    "street": "st", "str": "st", "strasse": "st", "straße": "st", "st": "st", "avenue": "ave",
    "av": "ave", "ave": "ave", "avenida": "ave", "road": "rd", "rd": "rd", "boulevard": "blvd",
    "blvd": "blvd", "drive": "dr", "dr": "dr", "lane": "ln", "ln": "ln", "place": "pl",
    "pl": "pl", "platz": "pl", "plaza": "pl", "piazza": "pl", "square": "sq", "sq": "sq",
    "court": "ct", "ct": "ct", "highway": "hwy", "hwy": "hwy", "parkway": "pkwy", "pkwy": "pkwy",
    "suite": "ste", "ste": "ste", "floor": "fl", "fl": "fl", "building": "bldg", "bldg": "bldg",
    "calle": "c", "c": "c", "via": "v", "viale": "vle", "vle": "vle", "rue": "r", "r": "r",
    "straat": "st", "weg": "wg", "laan": "ln", "gasse": "g", "allee": "al", "chaussee": "ch",
    "north": "n", "south": "s", "east": "e", "west": "w", "n": "n", "s": "s", "e": "e", "w": "w",
    "room": "rm", "rm": "rm", "unit": "unit", "no": "", "nr": "", "number": "",
}
# German compounds: 'Hauptstraße' / 'Hauptstr.' → 'hauptst'; Dutch 'Kerkstraat' → 'kerkst'.
_COMPOUND_SUFFIX = re.compile(r"(?<=\w)(strasse|straße|straat|str)$")
_CN_NUMERALS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_CN_UNIT = r"(?:省|自治区|市|区|县|镇|乡|街道|路|大道|街|道|巷|弄|里|号|栋|幢|座|楼|层|室|单元)"
_CN_PART = re.compile(r"[^\s省市区县镇乡路街道巷弄号栋幢座楼层室]+?" + _CN_UNIT)
_POSTCODES = [
    re.compile(r"\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b"),  # UK
    re.compile(r"\b([a-z]\d[a-z])\s*(\d[a-z]\d)\b"),  # Canada
    re.compile(r"\b(\d{3})-(\d{4})\b"),  # Japan
    re.compile(r"\b(\d{5})-\d{4}\b"),  # US ZIP+4 → ZIP
    re.compile(r"\b(\d{4})\s?([a-z]{2})\b(?=\s+[a-z])"),  # Netherlands '1012 AB Amsterdam'
    re.compile(r"(?<![\d-])(\d{5,6})(?![\d-])"),  # DE/FR/IT/ES/US 5 digits, CN 6 digits
    re.compile(r"(?:,|\b[a-z]{1,2}-)\s*(\d{4})\s+(?=[^\W\d])"),  # CH/AT/BE/DK '8001 Zürich'
]


def _postcode_match(text: str) -> re.Match | None:
    for pattern in _POSTCODES:
        m = pattern.search(text)
        if m:
            return m
    return None


def _address_text(address: str) -> str:
    text = fold_accents(address)
    if _HAN.search(text):
        text = text.translate(_CN_NUMERALS)
    return re.sub(r"(邮编|郵便番号|〒)[:：]?\s*", " ", text)


def postcode(address: str) -> str:
    """The postal code in an address, normalized ('SW1A 1AA' → 'sw1a1aa'), or ''."""
    m = _postcode_match(_address_text(address))
    return "".join(g for g in m.groups() if g) if m else ""


def address_words(address: str) -> list[str]:
    """Comparable words of an address: folded, accents removed, street types abbreviated,
    postcode removed. Chinese addresses split into their units: '广东省深圳市龙岗区坂田华为基地'
    → ['广东省', '深圳市', '龙岗区', '坂田华为基地']."""
    text = _address_text(address)
    return _address_words(text, _postcode_match(text))


def _address_words(text: str, m: re.Match | None) -> list[str]:
    if m:  # the postcode is compared on its own, not as address words
        text = text[:m.start()] + " " + text[m.end():]
    if _HAN.search(text):
        text = re.sub(r"中国|中國", " ", text)
        out: list[str] = []
        for chunk in _PUNCT.split(text):
            if not chunk:
                continue
            pos = 0
            for m in _CN_PART.finditer(chunk):
                out.append(m.group())
                pos = m.end()
            if chunk[pos:]:
                out.append(chunk[pos:])
        return out
    words = []
    for w in _PUNCT.split(text.replace("-", " ")):
        if not w:
            continue
        w = _STREET_WORDS[w] if w in _STREET_WORDS else _COMPOUND_SUFFIX.sub(" st", w)
        words.extend(x for x in w.split() if x)
    return words


def normalize_address(address: str) -> str:
    """One comparable string for an address: 'Hauptstraße 1, 10115 Berlin' → 'haupt st 1 berlin'."""
    return _join_address(address_words(address))


def _join_address(words: list[str]) -> str:
    return ("" if words and _HAN.search(words[0]) else " ").join(words)


def address_features(address: str) -> tuple[str, str, str]:
    """(postcode, street_key, normalize_address) in one pass, for the matcher."""
    text = _address_text(address)  # one pass: this runs for every company in the store
    m = _postcode_match(text)
    words = _address_words(text, m)
    code = "".join(g for g in m.groups() if g) if m else ""
    return code, _street_from_words(words), _join_address(words)


def street_key(address: str) -> str:
    """Street and house number: 'Hauptstr. 1, 10115 Berlin' → 'haupt st 1';
    '深圳市南山区科技园路1号' → '科技园路1号'. '' when not found."""
    return _street_from_words(address_words(address))


def _street_from_words(words: list[str]) -> str:
    if words and _HAN.search(" ".join(words)):
        for i, w in enumerate(words):
            if re.search(r"(路|大道|街|道|巷|弄)$", w):
                nxt = words[i + 1] if i + 1 < len(words) and words[i + 1].endswith("号") else ""
                return w + nxt
        return ""
    for i, w in enumerate(words):
        if w.isdigit() or re.fullmatch(r"\d+[a-z]?", w):
            # number after the street ('hauptst 1') or before it ('1600 amphitheatre pkwy')
            before = words[max(0, i - 2):i]
            if before and not before[-1].isdigit():
                return " ".join(before + [w])
            after = words[i + 1:i + 3]
            if after:
                return " ".join([w] + after)
    return ""


def city(address: str) -> str:
    """A best-effort city for labels: the 市 unit of a Chinese address, else the words beside the
    postcode ('10115 Berlin', 'Mountain View, CA 94043'), else the last comma-separated part."""
    text = unicodedata.normalize("NFKC", address or "").strip()
    if not text:
        return ""
    if _HAN.search(text):
        m = re.search(r"([^\s省,，\d]{2,4}?市)", text)
        if m:
            return m.group(1)
    parts = [p.strip() for p in re.split(r"[,，\n]", text) if p.strip()]
    for i, part in enumerate(parts):
        m = _postcode_match(fold_accents(part))
        if m is None:
            continue
        rest = (part[:m.start()] + " " + part[m.end():]).strip(" -")
        rest = re.sub(r"^[A-Z]{1,2}-|\b[A-Z]{2}\b", "", rest).strip(" -")  # 'D-', state codes
        if re.search(r"[^\W\d]", rest):
            return rest
        if i > 0:
            return parts[i - 1]
    return parts[-1] if len(parts) > 1 else ""
