"""Labelled benchmark data for company deduplication.

`generate(n, seed)` returns `n` CompanyRecords, each with `extra["entity"]` (records with the same
entity are the same real company) and `extra["case"]` (how the record was made). Duplicates are
realistic variants: abbreviations, legal-form variants, typos, word order, transliteration,
full-width characters, Chinese short vs registered names, moved offices, free-mail only; look-alike
different companies: the same name in another city, a subsidiary sharing its parent's domain.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from faker import Faker
from pypinyin import lazy_pinyin

from app.dedup.features import CompanyRecord
from app.normalize import company_key

LOCALES = {  # locale → (region, legal forms as written, weight)
    "de_DE": ("DE", ["GmbH", "AG", "GmbH & Co. KG", "Gesellschaft mit beschränkter Haftung", ""], 3),
    "en_US": ("US", ["Inc.", "Inc", "LLC", "Corp.", "Corporation", "Incorporated", ""], 3),
    "en_GB": ("GB", ["Ltd", "Limited", "PLC", "Ltd."], 2),
    "fr_FR": ("FR", ["SA", "S.A.", "SARL", "SAS", "Société anonyme"], 2),
    "es_ES": ("ES", ["S.A.", "S.L.", "SL", "Sociedad Anónima"], 1),
    "it_IT": ("IT", ["S.p.A.", "S.r.l.", "SpA", "Srl"], 1),
    "nl_NL": ("NL", ["B.V.", "BV", "N.V.", "Besloten Vennootschap"], 1),
    "zh_CN": ("CN", ["有限公司", "股份有限公司", "有限责任公司"], 3),
    "ja_JP": ("JP", ["株式会社", "有限会社"], 1),
    "ko_KR": ("KR", ["주식회사", "(주)"], 1),
}
FREE_MAIL = ["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "qq.com", "163.com",
             "126.com", "gmx.de", "web.de", "orange.fr", "libero.it", "naver.com"]
DESCRIPTORS = ["International", "Technologies", "Systems", "Manufacturing", "Services",
               "Solutions", "Industries", "Logistics", "Consulting", "Trading"]
ABBREV = {"International": "Intl", "Technologies": "Tech", "Systems": "Sys",
          "Manufacturing": "Mfg", "Services": "Svcs", "Industries": "Ind"}
CN_DESCRIPTORS = ["科技", "技术", "贸易", "电子", "网络", "实业", "机械", "物流", "信息"]
CN_CITIES = ["北京市", "上海市", "深圳市", "广州市", "杭州市", "南京市", "苏州市", "成都市", "武汉市"]
SUBSIDIARY = ["Healthcare", "Energy", "Finance", "Logistics", "Digital", "Real Estate", "Retail"]

VARIANTS = ["legal_form", "abbreviation", "typo", "word_order", "transliteration", "full_width",
            "cn_short", "moved_office", "free_mail", "case_punct", "sparse_card"]


class _Maker:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fakers = {}
        for i, loc in enumerate(LOCALES):
            f = Faker(loc)
            f.seed_instance(seed * 31 + i)
            self.fakers[loc] = f
        self.locales = [loc for loc, (_, _, w) in LOCALES.items() for _ in range(w)]
        self.n = 0

    def new_id(self) -> str:
        self.n += 1
        return f"c{self.n:07d}"

    def core_name(self, loc: str) -> str:
        f, rng = self.fakers[loc], self.rng
        if loc == "zh_CN":
            core = f.company_prefix() if hasattr(f, "company_prefix") else f.last_name() * 2
            desc = rng.choice(CN_DESCRIPTORS)
            city = rng.choice(CN_CITIES) if rng.random() < 0.3 else ""
            return f"{city}{core}{desc}"
        if loc in ("ja_JP", "ko_KR"):
            name = re.sub(r"株式会社|有限会社|合同会社|\(주\)|주식회사|\(유\)|유한회사", "", f.company())
            return name.strip() + f.last_name()
        words = [f.last_name()]
        r = rng.random()
        if r < 0.35:
            words.append(f.last_name())
        if r > 0.55:
            words.append(rng.choice(DESCRIPTORS))
        if len(words) == 2 and words[1] not in DESCRIPTORS and rng.random() < 0.3:
            return " & ".join(words)
        return " ".join(words)

    def address(self, loc: str) -> tuple[str, str]:
        f = self.fakers[loc]
        if loc == "zh_CN":
            city = self.rng.choice(CN_CITIES)
            road = f.street_name() if hasattr(f, "street_name") else "中山路"
            return (f"{city}{f.district() if hasattr(f, 'district') else ''}区{road}"
                    f"{self.rng.randint(1, 999)}号 邮编{f.postcode()}", city)
        city = f.city()
        street = f.street_address().replace("\n", " ")
        if loc in ("ja_JP", "ko_KR"):
            return f"{f.postcode()} {city} {street}", city
        return f"{street}, {f.postcode()} {city}", city

    def entity(self, loc: str | None = None, name: str | None = None) -> dict:
        loc = loc or self.rng.choice(self.locales)
        region, forms, _ = LOCALES[loc]
        f, rng = self.fakers[loc], self.rng
        core = name or self.core_name(loc)
        form = rng.choice(forms)
        if loc in ("ja_JP", "ko_KR") and rng.random() < 0.5:
            full = f"{form}{core}" if form else core
        else:
            full = f"{core}{form}" if loc == "zh_CN" else f"{core} {form}".strip()
        address, city = self.address(loc)
        slug = re.sub(r"[^a-z0-9]+", "", "".join(lazy_pinyin(core)).lower())[:14] or "x"
        domain = f"{slug}{rng.randint(1, 9999)}.{rng.choice(['com', 'de', 'fr', 'cn', 'co.uk', 'com.cn', 'net'])}"
        free = rng.random() < 0.25  # small companies: people write from free-mail
        return {
            "loc": loc, "region": region, "core": core, "form": form, "name": full,
            "address": address, "city": city, "phone": _phone(f, region, rng),
            "website": "" if free else rng.choice([f"https://www.{domain}", f"www.{domain}",
                                                    domain, f"http://{domain}/"]),
            "email_domains": (rng.choice(FREE_MAIL),) if free else (domain,),
        }


def _phone(f: Faker, region: str, rng: random.Random) -> str:
    import phonenumbers

    for _ in range(20):
        text = f.phone_number()
        try:
            num = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            fmt = rng.choice([phonenumbers.PhoneNumberFormat.INTERNATIONAL,
                              phonenumbers.PhoneNumberFormat.NATIONAL,
                              phonenumbers.PhoneNumberFormat.E164])
            return phonenumbers.format_number(num, fmt)
    return ""


def _typo(text: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if len(letters) < 5:
        return text
    i = rng.choice(letters[1:-1])
    op = rng.randrange(3)
    if op == 0 and i + 1 < len(text):
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if op == 1:
        return text[:i] + text[i + 1:]
    return text[:i] + rng.choice("aeiounrst") + text[i + 1:]


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c
                   for c in text)


def variant(e: dict, kind: str, rng: random.Random, mk: _Maker) -> dict | None:
    """A second record of the same company, written differently. None if it does not apply."""
    v = dict(e)
    loc, core = e["loc"], e["core"]
    cjk = loc in ("zh_CN", "ja_JP", "ko_KR")
    forms = [x for x in LOCALES[loc][1] if x != e["form"]]
    if kind == "legal_form":
        form = rng.choice(forms or [""])
        v["name"] = f"{core}{form}" if cjk else f"{core} {form}".strip()
    elif kind == "abbreviation":
        words = core.replace(" & ", " ").split()
        if any(w in ABBREV for w in words):
            v["name"] = " ".join(ABBREV.get(w, w) for w in words) + " " + e["form"]
        elif len(words) >= 3:
            v["name"] = "".join(w[0] for w in words).upper() + " " + e["form"]
        else:
            return None
    elif kind == "typo":
        if cjk:
            return None
        v["name"] = _typo(core, rng) + " " + e["form"]
    elif kind == "word_order":
        words = core.replace(" & ", " ").split()
        if len(words) < 2 or cjk:
            return None
        words[0], words[1] = words[1], words[0]
        v["name"] = " ".join(words) + " " + e["form"]
    elif kind == "transliteration":
        if loc == "zh_CN":
            v["name"] = " ".join(w.capitalize() for w in lazy_pinyin(core)) + " Co., Ltd."
        elif any(c in core for c in "äöüéèàñçÄÖÜÉ"):
            table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "é": "e", "è": "e",
                                   "à": "a", "ñ": "n", "ç": "c", "Ä": "Ae", "Ö": "Oe",
                                   "Ü": "Ue", "É": "E"})
            v["name"] = e["name"].translate(table)
        else:
            return None
    elif kind == "full_width":
        v["name"] = _full_width(e["name"])
    elif kind == "cn_short":
        if loc != "zh_CN":
            return None
        short = re.sub(r"^(北京市|上海市|深圳市|广州市|杭州市|南京市|苏州市|成都市|武汉市)", "", core)
        for d in CN_DESCRIPTORS:
            short = short.removesuffix(d)
        v["name"] = short
        # a short name alone is too little: the card shows the same phone or address
        if rng.random() < 0.5:
            v["address"] = ""
        else:
            v["phone"] = ""
    elif kind == "moved_office":
        v["address"], v["city"] = mk.address(loc)
        if rng.random() < 0.5:
            v["phone"] = ""
    elif kind == "free_mail":
        v["website"] = ""
        v["email_domains"] = (rng.choice(FREE_MAIL),)
    elif kind == "case_punct":
        v["name"] = rng.choice([e["name"].upper(), e["name"].lower(),
                                e["name"].replace(" ", ", ", 1), e["name"] + "."])
    elif kind == "sparse_card":  # a business card: name and one more thing
        keep = rng.choice(["phone", "website", "address"])
        for fld in ("phone", "website", "address"):
            if fld != keep:
                v[fld] = ""
        v["email_domains"] = e["email_domains"] if keep == "website" else ()
    else:
        raise ValueError(kind)
    if v["name"] == e["name"] and kind not in ("moved_office", "free_mail", "sparse_card"):
        return None
    # data entered on another day: some fields missing
    if kind not in ("sparse_card", "cn_short"):
        for fld in ("phone", "website", "address"):
            if rng.random() < 0.15:
                v[fld] = ""
    return v


def generate(n: int = 10_000, seed: int = 7, dup_rate: float = 0.3,
             lookalike_rate: float = 0.04) -> list[CompanyRecord]:
    mk = _Maker(seed)
    rng = mk.rng
    records: list[CompanyRecord] = []
    entity_no = 0

    def add(e: dict, entity: int, case: str) -> None:
        records.append(CompanyRecord(
            mk.new_id(), e["name"], e["address"], e["phone"], e["website"],
            tuple(e["email_domains"]), extra={"entity": entity, "case": case,
                                               "region": e["region"]}))

    bases: list[tuple[int, dict]] = []
    used_names: set[str] = set()
    while len(records) < n:
        r = rng.random()
        entity_no += 1
        if bases and r < lookalike_rate / 2:
            # same name, another company in another city
            _, other = rng.choice(bases)
            e = mk.entity(other["loc"], other["core"])
            e["name"] = other["name"]
            add(e, entity_no, "lookalike_same_name")
            continue
        if bases and r < lookalike_rate:
            _, parent = rng.choice(bases)
            if parent["loc"] in ("zh_CN", "ja_JP", "ko_KR") or not parent["website"]:
                continue
            sub = f"{parent['core'].split()[0]} {rng.choice(SUBSIDIARY)}"
            if company_key(sub) in used_names:
                continue
            used_names.add(company_key(sub))
            e = mk.entity(parent["loc"], sub)
            e["website"], e["email_domains"] = parent["website"], parent["email_domains"]
            add(e, entity_no, "lookalike_subsidiary")
            continue
        e = mk.entity()
        key = company_key(e["core"])
        if key in used_names:  # distinct companies get distinct names; look-alikes come below
            continue
        used_names.add(key)
        add(e, entity_no, "original")
        bases.append((entity_no, e))
        if rng.random() < dup_rate:
            for _ in range(1 if rng.random() < 0.8 else 2):
                kinds = VARIANTS[:]
                rng.shuffle(kinds)
                for kind in kinds:
                    v = variant(e, kind, rng, mk)
                    if v is not None:
                        add(v, entity_no, kind)
                        break
    records = records[:n]
    order = list(range(len(records)))
    rng.shuffle(order)
    return [records[i] for i in order]


def true_pairs(records: list[CompanyRecord]) -> set[tuple[str, str]]:
    by_entity: dict[int, list[str]] = {}
    for r in records:
        by_entity.setdefault(r.extra["entity"], []).append(r.id)
    pairs = set()
    for ids in by_entity.values():
        ids.sort()
        pairs.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    return pairs


def without_duplicates(records: list[CompanyRecord]) -> list[CompanyRecord]:
    """One record per entity (for the one-against-all benchmark)."""
    seen, out = set(), []
    for r in records:
        if r.extra["entity"] not in seen:
            seen.add(r.extra["entity"])
            out.append(r)
    return out


def relabel(rec: CompanyRecord, new_id: str) -> CompanyRecord:
    return replace(rec, id=new_id)
