"""Which column means what: the headers of Google, Outlook (English, German, French, Chinese),
Apple/iCloud and Thunderbird exports, plus a guesser for any other sheet (English and Chinese
headers). A mapping is {header: field}; FIELDS lists the fields a column can map to.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata

FIELDS = (
    "name", "given_name", "middle_name", "family_name", "company", "title", "department",
    "email", "email_home", "email_other", "phone", "extension", "mobile", "phone_home", "fax",
    "phone_other",
    "address", "street", "district", "city", "region", "postcode", "country",
    "home_address", "home_street", "home_city", "home_region", "home_postcode", "home_country",
    "website", "note", "birthday", "birth_year", "birth_month", "birth_day", "tags", "id",
    "im",  # a messenger handle (WeChat, QQ, Skype…): kept in the note as "WeChat: wxid_…"
)
IGNORE = ""  # a column mapped to "" is read and ignored
# words for fields on the command line (--map "Header=field")
ALIASES = {"e-mail": "email", "mail": "email", "cell": "mobile", "tel": "phone", "url": "website",
           "notes": "note", "job_title": "title", "organization": "company", "zip": "postcode",
           "first_name": "given_name", "last_name": "family_name", "ignore": IGNORE, "skip": IGNORE}

_S: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "display name", "fullname", "contact name", "contact",
             "姓名", "名字", "全名", "联系人", "聯絡人", "显示名称", "顯示名稱", "nom complet",
             "anzeigename", "vollständiger name"),
    "given_name": ("first name", "given name", "firstname", "forename", "vorname", "prénom",
                   "prenom", "名"),
    "middle_name": ("middle name", "additional name", "weitere vornamen", "deuxième prénom",
                    "中间名", "中間名"),
    "family_name": ("last name", "family name", "surname", "lastname", "nachname", "nom", "姓"),
    "company": ("company", "organization", "organisation", "company name", "organization name",
                "organization 1 - name", "account", "account name", "firma", "société", "societe",
                "entreprise", "公司", "公司名称", "公司名稱", "单位", "單位", "客户", "客户名称",
                "客戶名稱", "企业名称", "单位名称", "單位名稱", "公司全称", "organisation name",
                "工作单位", "工作單位", "所在公司", "所在单位", "所在單位", "所属公司", "所屬公司",
                "就职单位", "就職單位"),
    "title": ("job title", "position", "organization title", "organization 1 - title",
              "fonction", "poste", "职位", "职务", "職位", "職務", "职称", "職稱", "头衔", "title",
              "jobtitle", "role"),
    "department": ("department", "organization department", "organization 1 - department",
                   "abteilung", "service", "部门", "部門", "dept", "部门名称", "部門名稱"),
    "email": ("e-mail address", "email address", "e-mail", "email", "primary email",
              "email (work)", "work email", "e-mail-adresse", "adresse de messagerie",
              "adresse e-mail", "courriel", "电子邮件地址", "电子邮件", "電子郵件地址", "電子郵件",
              "邮箱", "郵箱", "邮件", "电邮", "电子邮箱", "電子郵箱", "邮箱地址", "郵箱地址",
              "企业邮箱", "企業郵箱", "工作邮箱", "工作郵箱", "公司邮箱", "公司郵箱", "办公邮箱",
              "work e-mail", "e-mail 2 address", "e-mail 3 address",
              "secondary email", "e-mail 2: adresse", "e-mail 3: adresse",
              "adresse de messagerie 2", "adresse de messagerie 3", "电子邮件 2 地址",
              "电子邮件 3 地址", "mail", "e-mail地址", "email地址", "邮件地址", "郵件地址"),
    "email_home": ("email (home)", "home email", "personal email", "e-mail (home)", "个人邮箱",
                   "個人郵箱", "私人邮箱", "私人郵箱"),
    "email_other": ("email (other)", "other email", "e-mail (other)"),
    "phone": ("business phone", "work phone", "phone", "telephone", "phone number",
              "business phone 2", "company main phone", "primary phone", "telefon geschäftlich",
              "telefon geschäftlich 2", "telefon", "téléphone (bureau)", "téléphone bureau",
              "téléphone", "商务电话", "商務電話", "电话", "電話", "办公电话", "辦公電話",
              "座机", "工作电话", "联系电话", "聯絡電話", "固定电话", "固話", "电话号码", "電話號碼",
              "单位电话", "單位電話", "phone (work)", "tel", "telefon firma", "company phone",
              "téléphone société", "公司电话", "公司電話", "商务电话 2", "main phone", "固话",
              "办公室电话", "辦公室電話"),
    "mobile": ("mobile phone", "mobile", "mobile number", "cell", "cell phone", "cellphone",
               "mobiltelefon", "handy", "tél. mobile", "téléphone mobile", "portable",
               "移动电话", "行動電話", "手机", "手機", "移动电话号码", "phone (mobile)",
               "手提电话", "手提電話", "手机号", "手机号码", "手機號碼", "mobile phone number"),
    "phone_home": ("home phone", "home phone 2", "telefon privat", "téléphone (domicile)",
                   "住宅电话", "住宅電話", "家庭电话", "phone (home)"),
    "fax": ("business fax", "fax", "fax number", "fax geschäftlich", "télécopie (bureau)",
            "商务传真", "商務傳真", "传真", "傳真", "phone (fax)", "公司传真", "公司傳真",
            "单位传真", "單位傳真", "传真号码", "傳真號碼"),
    # the work number's extension in a column of its own (a DingTalk or HR list)
    "extension": ("分机", "分机号", "分機", "分機號", "分机号码", "内线", "內線", "extension",
                  "ext", "ext.", "phone extension", "durchwahl", "poste"),
    "phone_other": ("other phone", "phone (other)", "pager", "pager number", "weiteres telefon",
                    "autre téléphone", "其他电话"),
    "address": ("address", "business address", "work address formatted", "adresse",
                "地址", "公司地址", "办公地址", "通讯地址", "联系地址", "聯絡地址", "address (work)",
                "address 1 - formatted", "adresse geschäftlich", "商务地址", "单位地址",
                "單位地址", "工作地址"),
    "street": ("business street", "work address", "straße geschäftlich", "rue (bureau)",
               "商务街道", "商務街道", "street", "straße", "rue", "街道",
               "street address", "mailing street", "address line 1", "详细地址", "詳細地址",
               "详细住址", "街道地址", "地址详情"),
    # a Chinese sheet's 省 / 市 / 区县 / 详细地址 (a city's district, a county)
    "district": ("区县", "區縣", "区/县", "區/縣", "县区", "区", "區", "县", "縣", "所在区",
                 "行政区", "district", "county"),
    "city": ("business city", "work city", "ort geschäftlich", "ville (bureau)",
             "商务市/县", "商務市/縣", "city", "ort", "ville", "城市", "市", "mailing city"),
    "region": ("business state", "work state", "region geschäftlich",
               "bundesland/kanton geschäftlich", "dép/région (bureau)", "商务省/市/自治区",
               "state", "province", "省", "省份", "state/region", "state/province",
               "mailing state/province", "mailing state"),
    "postcode": ("business postal code", "work zipcode", "postleitzahl geschäftlich",
                 "code postal (bureau)", "商务邮政编码", "商務郵遞區號", "zip", "zip code",
                 "postal code", "postcode", "plz", "code postal", "邮编", "邮政编码",
                 "zip/postal code", "mailing zip/postal code", "mailing postal code"),
    "country": ("business country/region", "business country", "work country",
                "land/region geschäftlich", "pays/région (bureau)", "商务国家/地区", "country",
                "land", "pays", "国家", "國家", "country/region", "mailing country", "国家/地区",
                "國家/地區", "国家或地区"),
    "home_address": ("home address formatted", "address (home)", "privatadresse",
                     "家庭地址", "家庭住址", "住址", "住宅地址"),
    "home_street": ("home street", "home address", "straße privat", "rue (domicile)",
                    "住宅街道"),
    "home_city": ("home city", "ort privat", "ville (domicile)", "住宅市/县"),
    "home_region": ("home state", "region privat", "bundesland/kanton privat",
                    "dép/région (domicile)", "住宅省/市/自治区"),
    "home_postcode": ("home postal code", "home zipcode", "postleitzahl privat",
                      "code postal (domicile)", "住宅邮政编码"),
    "home_country": ("home country/region", "home country", "land/region privat",
                     "pays/région (domicile)", "住宅国家/地区"),
    "website": ("web page", "website", "web site", "homepage", "url", "web page 1",
                "webseite", "page web", "site web", "网页", "網頁", "网站", "網站", "主页", "网址", "網址",
                "personal web page", "web page 2", "website 1 - value", "website url",
                "个人网页", "個人網頁", "个人主页", "個人主頁", "公司网址", "公司網址", "公司网站",
                "公司網站", "企业网址", "企業網址", "官网", "官網"),
    "note": ("notes", "note", "notizen", "remarks", "comments", "备注", "備註", "附注", "説明",
             "说明", "memo"),
    "birthday": ("birthday", "date of birth", "geburtstag", "anniversaire", "date de naissance",
                 "生日", "出生日期", "生日日期"),
    "birth_year": ("birth year",),
    "birth_month": ("birth month",),
    "birth_day": ("birth day",),
    "tags": ("categories", "category", "labels", "group membership", "tags", "groups",
             "kategorien", "catégories", "类别", "類別", "分组", "分組", "标签", "標籤",
             "联系人分组", "聯絡人分組", "客户分组", "客戶分組", "客户类别", "客戶類別", "分类",
             "分類"),
    "id": ("satchel id", "record id", "satchel-id"),
    "im": ("微信", "微信号", "微信號", "wechat", "wechat id", "weixin", "qq", "qq号", "qq號",
           "qq号码", "skype", "skype id", "whatsapp", "line", "line id", "im", "im address",
           "imaddress", "钉钉", "釘釘", "dingtalk", "telegram"),
}
# headers every client writes that mean nothing to Satchel: never "unrecognized"
_KNOWN_UNUSED = {
    "suffix", "anrede", "titre", "suffixe", "称谓", "後綴", "后缀", "nickname", "screen name",
    "initials", "spouse", "children", "gender", "anniversary", "yomi", "phonetic",
    "custom 1", "custom 2", "custom 3", "custom 4", "home address 2", "work address 2",
    "priority", "private", "sensitivity", "mileage", "billing information", "account",
    "directory server", "location", "office location", "manager's name", "assistant's name",
    "assistant's phone", "user 1", "user 2", "user 3", "user 4", "keywords", "language",
    "hobby", "referred by", "internet free busy", "e-mail type", "e-mail display name",
    "e-mail 2 type", "e-mail 2 display name", "e-mail 3 type", "e-mail 3 display name",
    "organizational id number", "government id number", "callback", "car phone", "isdn",
    "radio phone", "tty/tdd phone", "telex", "business street 2", "business street 3",
    "home street 2", "home street 3", "other street", "other city", "other state",
    "other postal code", "other country/region", "other fax", "home fax", "business phone 2",
    "business po box", "home po box", "other po box", "name prefix", "name suffix",
    "additional name yomi", "given name yomi", "family name yomi", "name yomi",
    "phonetic first name", "phonetic last name", "phonetic middle name", "file as",
    "short name", "maiden name", "prefix",
    # CRM exports (HubSpot, Salesforce) beside their contact columns
    "salutation", "contact owner", "lifecycle stage", "lead status", "create date",
    "last activity date", "last modified date", "created date", "lead source",
    # and a Chinese sheet's: gender, row number, its own numbering, timestamps; a company
    # directory's (WeCom, DingTalk): account, alias, employee number, hire date, office
    "性别", "性別", "序号", "序號", "编号", "編號", "创建时间", "創建時間", "更新时间", "更新時間",
    "账号", "帳號", "别名", "別名", "昵称", "暱稱", "工号", "工號", "员工编号", "入职时间",
    "入职日期", "入職日期", "办公地点", "辦公地點", "employee id", "hire date",
}
SIGNATURES = {
    "Outlook": {"e-mail address", "business phone", "job title"},
    "Outlook (Deutsch)": {"e-mail-adresse", "vorname", "nachname"},
    "Outlook (Français)": {"adresse de messagerie", "prénom"},
    "Outlook (中文)": {"电子邮件地址"},
    "Google": {"e-mail 1 - value"},
    "Thunderbird": {"primary email", "display name"},
}

def norm_header(h: str) -> str:
    h = unicodedata.normalize("NFKC", str(h)).strip().strip('"').strip().casefold()
    return re.sub(r"\s+", " ", h)


_LOOKUP: dict[str, str] = {}
for _field, _names in _S.items():
    for _n in _names:
        _LOOKUP.setdefault(norm_header(_n), _field)
_KNOWN_UNUSED = {norm_header(h) for h in _KNOWN_UNUSED}
SIGNATURES = {k: {norm_header(h) for h in v} for k, v in SIGNATURES.items()}
# fields that take one column only: the first (most specific) header wins
_SINGLE = {"name", "given_name", "middle_name", "family_name", "company", "title", "department",
           "note", "birthday", "id", "address", "street", "city", "region", "postcode",
           "country", "home_address", "home_street", "home_city", "home_region",
           "home_postcode", "home_country", "birth_year", "birth_month", "birth_day"}
# low-priority synonyms that lose to a more specific column in the same file
_WEAK = {"title": "title", "role": "title", "name": "name", "service": "department",
         "nom": "family_name", "mail": "email", "account": "company", "adresse": "address"}
_GOOGLE = re.compile(r"^(e-mail|phone|address|website|organization|relation|event|im|"
                     r"custom field|external id|location) (\d+) - (.+)$")


def is_note_header(header: str) -> bool:
    """Whether a column says it holds notes (备注, Notes), rather than being put in the note by
    the rep (所属行业, 意向产品): those values are written under their header's name."""
    return _LOOKUP.get(norm_header(header)) == "note"


def names_a_column(text: str) -> bool:
    """Whether a cell's text is a header Satchel knows (used or knowingly unused)."""
    n = norm_header(text)
    return n in _LOOKUP or n in _KNOWN_UNUSED or bool(_GOOGLE.match(n))


def header_key(headers: list[str]) -> str:
    """Identifies a header set, so the mapping the rep chose once is used next time."""
    norm = json.dumps([norm_header(h) for h in headers], ensure_ascii=False)
    return hashlib.sha1(norm.encode()).hexdigest()


def parse_field(word: str) -> str:
    w = word.strip().lower().replace("-", "_").replace(" ", "_")
    w = ALIASES.get(w, ALIASES.get(word.strip().lower(), w))
    if w not in FIELDS and w != IGNORE:
        raise ValueError(f'"{word}" is not a field; use one of: {", ".join(FIELDS)}')
    return w


def client_name(headers: list[str]) -> str:
    normed = {norm_header(h) for h in headers}
    for name, sig in SIGNATURES.items():
        if sig <= normed:
            return name
    return ""


def guess(headers: list[str]) -> tuple[dict[str, str], list[str]]:
    """({header: field or ""}, unrecognized headers). Google's numbered columns
    ("E-mail 1 - Value") map to "email#1", their "- Type"/"- Label" columns to "email#1.type".
    Two columns that both clearly mean a one-column field (客户 "customer" and 单位 "employer"
    both say company) are unrecognized, both: the first gets the field as its guess, and which
    is which is the rep's to say (`alike`).
    """
    mapping: dict[str, str] = {}
    unknown: list[str] = list(alike(headers))
    taken: dict[str, tuple[str, bool]] = {}  # single field -> (header, weak)
    for h in headers:
        n = norm_header(h)
        if not n:
            mapping[h] = IGNORE
            continue
        g = _GOOGLE.match(n)
        if g:
            mapping[h] = _google(g.group(1), g.group(2), g.group(3))
            continue
        field = _LOOKUP.get(n)
        if field is None:
            if n in _KNOWN_UNUSED or re.match(r"(custom|user) ?\d+$", n):
                mapping[h] = IGNORE
            elif h not in unknown:
                unknown.append(h)
            continue
        weak = n in _WEAK
        if field in _SINGLE:
            prev = taken.get(field)
            if prev and (weak or not prev[1]):
                mapping[h] = IGNORE  # e.g. Outlook's "Title" (Mr./Ms.) beside "Job Title"
                continue
            if prev:
                mapping[prev[0]] = IGNORE
            taken[field] = (h, weak)
        mapping[h] = field
    return mapping, unknown


def alike(headers: list[str]) -> dict[str, str]:
    """{header: field} for the columns of a file of no known client that claim the same
    one-column field, none of them a weak synonym (Outlook's "Title" beside "Job Title" is
    settled by `_WEAK`)."""
    if client_name(headers):
        return {}
    claims: dict[str, list[str]] = {}
    for h in headers:
        n = norm_header(h)
        field = _LOOKUP.get(n)
        if field in _SINGLE and n not in _WEAK:
            claims.setdefault(field, []).append(h)
    return {h: f for f, hs in claims.items() if len(hs) > 1 for h in hs}


def claimed_twice(mapping: dict[str, str]) -> dict[str, list[str]]:
    """{field: headers} for one-column fields the rep gave to several columns (the first
    would win, the others be dropped); notes, which are joined, excepted."""
    by_field: dict[str, list[str]] = {}
    for h, f in mapping.items():
        if f in _SINGLE and f != "note":
            by_field.setdefault(f, []).append(h)
    return {f: hs for f, hs in by_field.items() if len(hs) > 1}


def _google(kind: str, num: str, part: str) -> str:
    base = {"e-mail": "email", "phone": "phone", "address": "address", "website": "website",
            "organization": "org"}.get(kind)
    if base is None:
        return IGNORE
    if part in ("type", "label"):
        return f"{base}#{num}.type"
    if base == "org":
        return {"name": "company", "title": "title", "department": "department"}.get(part, IGNORE) \
            if num == "1" else IGNORE
    if base == "address":
        return {"formatted": f"address#{num}", "street": f"address#{num}.street",
                "city": f"address#{num}.city", "region": f"address#{num}.region",
                "postal code": f"address#{num}.postcode",
                "country": f"address#{num}.country"}.get(part, IGNORE)
    return f"{base}#{num}" if part == "value" else IGNORE


COMPANY_ONLY_FIELDS = {"name", "company", "website", "phone", "fax", "address", "street",
                       "district", "city", "region", "postcode", "country", "note", "tags", "id"}


def is_company_list(mapping: dict[str, str]) -> bool:
    """An account list: only company columns (name, website, phone, address …), and a column
    that says company or website."""
    used = {f for f in mapping.values() if f}
    if not used or not used <= COMPANY_ONLY_FIELDS:
        return False
    return "company" in used or "website" in used
