"""Labelled business cards for the OCR benchmark: rendered (many layouts, fonts, English /
Chinese / bilingual text, logos, colour backgrounds), then "photographed" (a desk behind the card,
rotation, perspective, shadow, blur, noise, JPEG) at 12 MP. Seeded: the same seed gives the same
cards, byte for byte.

    nice .venv/bin/python -m bench.cards.generate OUT_DIR [--n 60] [--seed 1]

writes OUT_DIR/clean/card_NNN.png, OUT_DIR/photo/card_NNN.jpg and a label file beside each image
(card_NNN.json: lang, layout, and the fields name, title, company, emails, phones, websites,
address as printed on the card). On bilingual cards the labelled name/title/company/address are
the Chinese ones (the parser's documented choice; the English ones go to the note).
"""

from __future__ import annotations

import argparse
import json
import math
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path

import cv2
import numpy as np
from faker import Faker
from PIL import Image, ImageDraw, ImageFont
from pypinyin import lazy_pinyin
from unidecode import unidecode

FONT_DIR = "/usr/share/fonts/truetype"
LATIN_FONTS = [  # (regular, bold)
    ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    ("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf"),
    ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
    ("liberation/LiberationSansNarrow-Regular.ttf", "liberation/LiberationSansNarrow-Bold.ttf"),
]
CJK_FONTS = [
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
     "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
     "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"),
]
CARD = (2100, 1200)  # 3.5 x 2 in at 600 dpi: sharp after the photo's 12 MP resampling
PHOTO = (4000, 3000)  # 12 MP
LAYOUTS = ("left", "centred", "two_column", "logo_top")
LANGS = ("en", "zh", "bi")

# -- data --------------------------------------------------------------------------------------

EN_TITLES = ["Sales Manager", "Senior Software Engineer", "Marketing Director",
             "Chief Financial Officer", "Account Executive", "Purchasing Manager",
             "Project Manager", "Business Development Manager", "Regional Sales Representative",
             "Operations Director", "Product Manager", "Managing Director", "Senior Consultant",
             "Head of Procurement", "Export Sales Manager", "Chief Executive Officer",
             "Quality Assurance Engineer", "Key Account Manager", "Technical Director",
             "Vice President"]
ZH_TITLES = [("销售经理", "Sales Manager"), ("总经理", "General Manager"),
             ("市场总监", "Marketing Director"), ("高级工程师", "Senior Engineer"),
             ("采购主管", "Purchasing Supervisor"), ("技术总监", "Technical Director"),
             ("财务经理", "Finance Manager"), ("项目经理", "Project Manager"),
             ("董事长", "Chairman"), ("副总经理", "Deputy General Manager"),
             ("区域销售代表", "Regional Sales Representative"), ("首席执行官", "Chief Executive Officer"),
             ("客户经理", "Account Manager"), ("运营总监", "Operations Director"),
             ("产品经理", "Product Manager"), ("外贸业务员", "Export Sales Agent")]
EN_WORDS = ["Northwind", "Bluestone", "Redwood", "Silverline", "Crescent", "Summit", "Harbor",
            "Pinnacle", "Evergreen", "Granite", "Lakeside", "Brightway", "Ironbridge", "Oakridge",
            "Westfield", "Clearwater", "Falcon", "Meridian", "Keystone", "Highland"]
EN_INDUSTRY = ["Technologies", "Systems", "Logistics", "Manufacturing", "Electronics", "Trading",
               "Consulting", "Industries", "Software", "Solutions", "Energy", "Media"]
LEGAL = {"US": ["Inc.", "LLC", "Corp.", "Inc."], "GB": ["Ltd", "Ltd.", "Limited", "PLC"],
         "DE": ["GmbH", "AG", "GmbH & Co. KG"]}
CN_CITIES = [("北京市", "Beijing", "010", ["海淀区", "朝阳区", "东城区", "西城区", "丰台区"]),
             ("上海市", "Shanghai", "021", ["浦东新区", "徐汇区", "静安区", "长宁区", "闵行区"]),
             ("深圳市", "Shenzhen", "0755", ["南山区", "福田区", "宝安区", "龙岗区"]),
             ("广州市", "Guangzhou", "020", ["天河区", "越秀区", "海珠区", "番禺区"]),
             ("杭州市", "Hangzhou", "0571", ["西湖区", "滨江区", "余杭区", "上城区"]),
             ("南京市", "Nanjing", "025", ["鼓楼区", "玄武区", "建邺区", "江宁区"]),
             ("成都市", "Chengdu", "028", ["武侯区", "锦江区", "高新区", "青羊区"]),
             ("苏州市", "Suzhou", "0512", ["工业园区", "姑苏区", "吴中区", "相城区"])]
CN_ROADS = ["中关村大街", "建国路", "人民路", "科技园南路", "长江路", "解放路", "淮海中路",
            "天府大道", "文三路", "中山北路", "滨江大道", "科苑路", "学院路", "新华路"]
CN_BUILDINGS = ["大厦", "科技园", "国际中心", "广场", "产业园"]
CN_BRANDS = ["华远", "金桥", "恒信", "瑞丰", "博创", "天成", "新源", "鼎盛", "宏达", "联创",
             "中科", "东方", "盛世", "万通", "安泰", "嘉禾"]
CN_INDUSTRY = [("软件", "Software"), ("电子", "Electronics"), ("贸易", "Trading"),
               ("科技", "Technology"), ("机械", "Machinery"), ("物流", "Logistics"),
               ("信息技术", "Information Technology"), ("新材料", "New Materials")]
CN_LEGAL = [("有限公司", "Co., Ltd."), ("股份有限公司", "Co., Ltd."), ("科技有限公司", "Technology Co., Ltd.")]
EN_GIVEN = ["David", "Michael", "Kevin", "Linda", "Grace", "Jason", "Amy", "Eric", "Helen",
            "Tony", "Cindy", "Frank", "Lily", "Peter", "Vivian", "Leo"]


@dataclass
class Labels:
    lang: str
    layout: str
    region: str
    name: str = ""
    title: str = ""
    company: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    address: str = ""
    seed: int = 0


@dataclass
class Content:
    labels: Labels
    name: list[str]  # name line(s) as printed (bilingual: Chinese, English)
    title: list[str]
    company: list[str]
    contact: list[str]  # phone / e-mail / web lines
    address: list[str]  # adjacent address lines


def _slug(text: str) -> str:
    return "".join(c for c in unidecode(text).lower() if c.isalnum())


def _cn_mobile(rng: random.Random) -> str:
    return "1" + rng.choice("35789") + "".join(rng.choice("0123456789") for _ in range(9))


def _digits(rng: random.Random, n: int) -> str:
    return rng.choice("23456789") + "".join(rng.choice("0123456789") for _ in range(n - 1))


def _fmt_cn_mobile(m: str, rng: random.Random) -> str:
    return rng.choice([f"{m[:3]} {m[3:7]} {m[7:]}", m, f"+86 {m[:3]} {m[3:7]} {m[7:]}",
                       f"{m[:3]}-{m[3:7]}-{m[7:]}"])


def _fmt_cn_land(area: str, rng: random.Random) -> str:
    n = _digits(rng, 8)
    return rng.choice([f"{area}-{n[:4]} {n[4:]}", f"({area}) {n}", f"+86 {area[1:]} {n[:4]} {n[4:]}",
                       f"{area}-{n}"])


def _zh_person(rng: random.Random, fk: Faker) -> tuple[str, str, str]:
    """(Chinese name, pinyin 'Wei Wang', e-mail local part)."""
    name = fk.name()
    while not 2 <= len(name) <= 3:
        name = fk.name()
    py = lazy_pinyin(name)
    fam, giv = py[0], "".join(py[1:])
    english = f"{giv.capitalize()} {fam.capitalize()}"
    local = rng.choice([f"{giv}.{fam}", f"{fam}{giv}", f"{giv[0]}{fam}" if giv else fam])
    return name, english, local


def _zh_company(rng: random.Random) -> tuple[str, str, str, tuple]:
    city = rng.choice(CN_CITIES)
    brand = rng.choice(CN_BRANDS)
    ind_zh, ind_en = rng.choice(CN_INDUSTRY)
    legal_zh, legal_en = rng.choice(CN_LEGAL)
    if legal_zh.startswith("科技") and ind_zh == "科技":
        legal_zh, legal_en = "有限公司", "Co., Ltd."
    zh = f"{city[0][:-1]}{brand}{ind_zh}{legal_zh}"
    brand_py = "".join(lazy_pinyin(brand))
    en = f"{city[1]} {brand_py.capitalize()} {ind_en} {legal_en}"
    return zh, en, brand_py, city


def _zh_address(rng: random.Random, city: tuple) -> str:
    road = rng.choice(CN_ROADS)
    no = rng.randint(1, 999)
    tail = rng.choice(["", f"{rng.choice(CN_BRANDS)}{rng.choice(CN_BUILDINGS)}{rng.randint(2, 28)}"
                       f"层", f"{rng.randint(1, 12)}号楼{rng.randint(101, 2808)}室",
                       f"{rng.choice(CN_BRANDS)}{rng.choice(CN_BUILDINGS)}{rng.randint(101, 2808)}室"])
    return f"{city[0]}{rng.choice(city[3])}{road}{no}号{tail}"


def _en_address(rng: random.Random, fk: Faker, region: str) -> list[str]:
    if region == "US":
        street = f"{rng.randint(10, 9999)} {fk.street_name()}"
        if rng.random() < 0.4:
            street += f", Suite {rng.randint(100, 950)}"
        return [street, f"{fk.city()}, {fk.state_abbr()} {fk.postcode()[:5]}"]
    if region == "GB":
        return [f"{rng.randint(1, 220)} {fk.street_name()}", f"{fk.city()} {fk.postcode()}",
                "United Kingdom"][: rng.choice([2, 3])]
    return [f"{fk.street_name()} {rng.randint(1, 180)}", f"{fk.postcode()} {fk.city()}",
            "Germany"][: rng.choice([2, 3])]


def _en_phone(rng: random.Random, region: str) -> str:
    if region == "US":
        a, b, c = _digits(rng, 3), _digits(rng, 3), "".join(rng.choice("0123456789")
                                                            for _ in range(4))
        return rng.choice([f"+1 {a} {b} {c}", f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"+1 {a}-{b}-{c}"])
    if region == "GB":
        return rng.choice([f"+44 20 7{_digits(rng, 3)} {_digits(rng, 4)}",
                           f"+44 7{rng.randint(400, 999)} {_digits(rng, 6)}",
                           f"020 7{_digits(rng, 3)} {_digits(rng, 4)}"])
    return rng.choice([f"+49 30 {_digits(rng, 8)}", f"+49 89 {_digits(rng, 4)} {_digits(rng, 4)}",
                       f"+49 151 {_digits(rng, 8)}", f"030 {_digits(rng, 8)}"])


def content(seed: int) -> Content:
    """The text of one card and its labels (deterministic for `seed`)."""
    rng = random.Random(seed)
    lang = LANGS[seed % 3]
    layout = rng.choice(LAYOUTS)
    if lang == "en":
        region = rng.choice(["US", "US", "GB", "DE"])
        fk = Faker({"US": "en_US", "GB": "en_GB", "DE": "de_DE"}[region])
        fk.seed_instance(seed)
        first, last = fk.first_name(), fk.last_name()
        name = f"{first} {last}"
        word = rng.choice(EN_WORDS) if rng.random() < 0.6 else last.split("-")[0]
        company = f"{word} {rng.choice(EN_INDUSTRY)}"
        if rng.random() < 0.85:
            company += " " + rng.choice(LEGAL[region])
        domain = _slug(word) + rng.choice({"US": [".com"], "GB": [".co.uk", ".com"],
                                           "DE": [".de", ".com"]}[region])
        title = rng.choice(EN_TITLES)
        local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", first]).lower()
        local = "".join(c for c in unidecode(local) if c.isalnum() or c == ".")
        email = f"{local}@{domain}"
        phones = [_en_phone(rng, region) for _ in range(rng.choice([1, 2, 2, 3]))]
        kinds = rng.sample(["Tel", "Mobile", "Fax"], len(phones)) if rng.random() < 0.8 else \
            ["T", "M", "F"][: len(phones)]
        contact = [f"{k} {p}" if k else p for k, p in zip(kinds, phones, strict=True)]
        contact.append(rng.choice([email, f"E-mail: {email}", f"Email {email}"]))
        web = f"www.{domain}" if rng.random() < 0.7 else ""
        if web:
            contact.append(web)
        address = _en_address(rng, fk, region)
        labels = Labels(lang, layout, region, name, title, company, [email], phones,
                        [web] if web else [], ", ".join(address), seed)
        return Content(labels, [name], [title], [company], contact, address)
    fk = Faker("zh_CN")
    fk.seed_instance(seed)
    name, english, local = _zh_person(rng, fk)
    company, company_en, brand_py, city = _zh_company(rng)
    title, title_en = rng.choice(ZH_TITLES)
    domain = brand_py + rng.choice([".com", ".com.cn", ".cn"])
    email = f"{local}@{domain}"
    mobile = _cn_mobile(rng)
    phones = [_fmt_cn_mobile(mobile, rng)]
    kinds = ["手机："]
    if rng.random() < 0.7:
        phones.insert(0, _fmt_cn_land(city[2], rng))
        kinds.insert(0, "电话：")
    if rng.random() < 0.3:
        phones.append(_fmt_cn_land(city[2], rng))
        kinds.append("传真：")
    if lang == "bi":
        kinds = [{"手机：": "Mobile ", "电话：": "Tel ", "传真：": "Fax "}[k] for k in kinds]
    contact = [f"{k}{p}" for k, p in zip(kinds, phones, strict=True)]
    contact.append(rng.choice([email, f"邮箱：{email}", f"E-mail: {email}"]))
    web = f"www.{domain}" if rng.random() < 0.6 else ""
    if web:
        contact.append(web)
    addr = _zh_address(rng, city)
    addr_line = rng.choice([addr, f"地址：{addr}"])
    labels = Labels(lang, layout, "CN", name, title, company, [email], phones,
                    [web] if web else [], addr, seed)
    if lang == "zh":
        return Content(labels, [name], [title], [company], contact, [addr_line])
    if rng.random() < 0.5:
        english = f"{rng.choice(EN_GIVEN)} {english.split()[-1]}"
    return Content(labels, [name, english], [title, title_en], [company, company_en], contact,
                   [addr_line])


# -- rendering ----------------------------------------------------------------------------------

@dataclass
class Style:
    latin: tuple[str, str]
    cjk: tuple[str, str]
    bg: tuple[int, int, int]
    ink: tuple[int, int, int]
    accent: tuple[int, int, int]
    dark: bool


def _style(rng: random.Random) -> Style:
    latin = tuple(f"{FONT_DIR}/{p}" for p in rng.choice(LATIN_FONTS))
    cjk = rng.choice(CJK_FONTS)
    accent = rng.choice([(30, 80, 160), (170, 30, 40), (20, 120, 90), (200, 120, 20),
                         (90, 40, 130), (40, 40, 40)])
    r = rng.random()
    if r < 0.12:  # dark card, light text
        bg = rng.choice([(25, 35, 60), (30, 30, 32), (60, 20, 30)])
        return Style(latin, cjk, bg, (245, 245, 240), (230, 190, 90), True)
    if r < 0.45:  # pastel colour
        bg = tuple(rng.randint(215, 245) for _ in range(3))
    else:
        bg = rng.choice([(255, 255, 255), (250, 248, 240), (245, 245, 245)])
    ink = rng.choice([(20, 20, 30), (40, 40, 40), (20, 30, 70), (60, 60, 60)])
    return Style(latin, cjk, bg, ink, accent, False)


def _font(style: Style, text: str, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    cjk = any("\u4e00" <= c <= "\u9fff" for c in text)
    paths = style.cjk if cjk else style.latin
    return ImageFont.truetype(paths[1] if bold else paths[0], size)


def _fit(draw: ImageDraw.ImageDraw, style: Style, text: str, size: int, bold: bool,
         width: int) -> ImageFont.FreeTypeFont:
    f = _font(style, text, size, bold)
    while draw.textlength(text, font=f) > width and size > 20:
        size -= 3
        f = _font(style, text, size, bold)
    return f


def _logo(draw: ImageDraw.ImageDraw, rng: random.Random, x: int, y: int, s: int,
          colour: tuple) -> None:
    kind = rng.choice(["circle", "square", "triangle", "rings", "diamond"])
    if kind == "circle":
        draw.ellipse([x, y, x + s, y + s], fill=colour)
    elif kind == "square":
        draw.rounded_rectangle([x, y, x + s, y + s], radius=s // 6, fill=colour)
    elif kind == "triangle":
        draw.polygon([(x + s // 2, y), (x + s, y + s), (x, y + s)], fill=colour)
    elif kind == "rings":
        for i in range(3):
            draw.ellipse([x + i * s // 6, y + i * s // 6, x + s - i * s // 6, y + s - i * s // 6],
                         outline=colour, width=max(4, s // 14))
    else:
        draw.polygon([(x + s // 2, y), (x + s, y + s // 2), (x + s // 2, y + s), (x, y + s // 2)],
                     fill=colour)


def render(c: Content, seed: int) -> Image.Image:
    rng = random.Random(seed * 7 + 3)
    st = _style(rng)
    W, H = CARD
    img = Image.new("RGB", CARD, st.bg)
    d = ImageDraw.Draw(img)
    layout = c.labels.layout
    if not st.dark and rng.random() < 0.5:  # a colour band or stripe
        band = rng.choice(["top", "bottom", "left"])
        t = rng.randint(16, 40)
        box = {"top": [0, 0, W, t], "bottom": [0, H - t, W, H], "left": [0, 0, t, H]}[band]
        d.rectangle(box, fill=st.accent)
    margin = rng.randint(110, 160)
    name_size = rng.randint(84, 110)
    big, mid, small = name_size, rng.randint(56, 66), rng.randint(46, 56)
    entries: list[tuple[str, int, bool, tuple]] = []  # text, size, bold, colour
    for i, t in enumerate(c.name):
        entries.append((t, big if i == 0 else mid, True, st.ink))
    for t in c.title:
        entries.append((t, mid - 6, False, st.ink))
    head = entries
    comp = [(t, mid if i == 0 else small + 2, True, st.accent if not st.dark else st.ink)
            for i, t in enumerate(c.company)]
    body = [(t, small, False, st.ink) for t in c.contact + c.address]
    gap = lambda s: int(s * rng.uniform(1.3, 1.5))  # noqa: E731

    def column(x: int, y: int, rows, width: int, align: str = "left") -> int:
        for text, size, bold, col in rows:
            f = _fit(d, st, text, size, bold, width)
            tw = d.textlength(text, font=f)
            xx = x + (width - tw) / 2 if align == "centre" else x + width - tw if \
                align == "right" else x
            d.text((xx, y), text, font=f, fill=col)
            y += gap(f.size)
        return y

    if layout == "logo_top":
        s = rng.randint(150, 210)
        _logo(d, rng, margin, margin - 40, s, st.accent if not st.dark else st.ink)
        y = column(margin + s + 50, margin - 40 + (s - mid * len(comp)) // 2, comp,
                   W - 2 * margin - s - 50)
        y = max(y, margin + s) + 40
        y = column(margin, y, head, W - 2 * margin) + 20
        column(margin, y, body, W - 2 * margin)
    elif layout == "centred":
        if rng.random() < 0.5:
            s = rng.randint(110, 150)
            _logo(d, rng, (W - s) // 2, 60, s, st.accent if not st.dark else st.ink)
            y = 60 + s + 30
        else:
            y = margin - 30
        y = column(margin, y, comp, W - 2 * margin, "centre") + 25
        y = column(margin, y, head, W - 2 * margin, "centre") + 25
        column(margin, y, body, W - 2 * margin, "centre")
    elif layout == "two_column":
        half = W // 2 - margin // 2
        if rng.random() < 0.5:
            _logo(d, rng, margin, margin - 40, 120, st.accent if not st.dark else st.ink)
            y0 = margin + 110
        else:
            y0 = margin
        y = column(margin, y0, head, half - margin) + 40
        column(margin, y, comp, half - margin)
        right = [(t, small - 2, False, st.ink) for t in c.contact + c.address]
        column(W // 2 + 20, margin + 60, right, W // 2 - margin - 20)
    else:  # left
        y = column(margin, margin - 20, head, W - 2 * margin) + 30
        y = column(margin, y, comp, W - 2 * margin) + 30
        column(margin, y, body, W - 2 * margin)
        if rng.random() < 0.5:
            s = rng.randint(140, 200)
            _logo(d, rng, W - margin - s, margin - 40, s, st.accent if not st.dark else st.ink)
    return img


# -- photographing ------------------------------------------------------------------------------

def _desk(rng: np.random.Generator, size: tuple[int, int]) -> np.ndarray:
    W, H = size
    kind = rng.integers(0, 4)
    small = (W // 8, H // 8)
    if kind == 0:  # wood: brown with grain
        base = np.array([40, 75, 120]) * rng.uniform(0.7, 1.3)
        y = np.linspace(0, rng.uniform(30, 90), small[1])[:, None]
        x = np.linspace(0, 3, small[0])[None, :]
        grain = np.sin(y + 2 * np.sin(x * rng.uniform(1, 3))) * 14
        tex = base[None, None, :] + grain[:, :, None]
    elif kind == 1:  # grey / white office desk
        tex = np.full((small[1], small[0], 3), rng.uniform(120, 200))
    elif kind == 2:  # dark desk or mat
        tex = np.full((small[1], small[0], 3), rng.uniform(25, 60)) + rng.uniform(-10, 10, 3)
    else:  # coloured cloth
        tex = np.full((small[1], small[0], 3), 1.0) * rng.uniform(60, 200, 3)
    tex = tex + rng.normal(0, 6, tex.shape[:2] + (1,))
    big = cv2.resize(tex.astype(np.float32), size, interpolation=cv2.INTER_LINEAR)
    return big


def photograph(card: Image.Image, seed: int, size: tuple[int, int] = PHOTO) -> np.ndarray:
    """The card on a desk, as a phone photo (BGR uint8)."""
    rng = np.random.default_rng(seed)
    W, H = size
    out = _desk(rng, size)
    src = cv2.cvtColor(np.asarray(card), cv2.COLOR_RGB2BGR).astype(np.float32)
    h, w = src.shape[:2]
    angle = rng.uniform(-15, 15)
    if rng.random() < 0.06:
        angle += 180  # the card lay upside down
    scale = rng.uniform(0.5, 0.8) * W / w
    cx, cy = W / 2 + rng.uniform(-0.08, 0.08) * W, H / 2 + rng.uniform(-0.08, 0.08) * H
    a = math.radians(angle)
    # the whole card in the frame (a rep photographs all of it), with a margin of desk
    half_w = (abs(w * math.cos(a)) + abs(h * math.sin(a))) / 2
    half_h = (abs(w * math.sin(a)) + abs(h * math.cos(a))) / 2
    scale = min(scale, (min(cx, W - cx) - 0.04 * W) / half_w, (min(cy, H - cy) - 0.04 * H) / half_h)
    pts = []
    for (x, y) in [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]:
        x, y = x * scale, y * scale
        pts.append((cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a)))
    pts = np.float32(pts)
    # perspective: the far edge a little shorter
    k = rng.uniform(0, 0.06) * w * scale
    side = rng.integers(0, 4)
    i, j = side, (side + 1) % 4
    mid = (pts[i] + pts[j]) / 2
    pts[i] += (mid - pts[i]) / np.linalg.norm(mid - pts[i]) * k
    pts[j] += (mid - pts[j]) / np.linalg.norm(mid - pts[j]) * k
    pts = pts.clip([0, 0], [W - 1, H - 1]).astype(np.float32)
    m = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), pts)
    warped = cv2.warpPerspective(src, m, size, flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), m, size, flags=cv2.INTER_LINEAR)
    # the card's own shadow on the desk, then the card
    q = (W // 8, H // 8)
    sh = cv2.GaussianBlur(cv2.resize(cv2.warpAffine(mask, np.float32([[1, 0, 18], [0, 1, 24]]),
                                                    size), q, interpolation=cv2.INTER_AREA),
                          (0, 0), 3)
    sh = cv2.resize(sh, size, interpolation=cv2.INTER_LINEAR)
    out = out * (1 - 0.45 * sh[:, :, None])
    out = out * (1 - mask[:, :, None]) + warped * mask[:, :, None]
    # light: a gradient across the photo and a soft shadow (a hand, the phone)
    gx, gy = np.meshgrid(np.linspace(-1, 1, W // 8), np.linspace(-1, 1, H // 8))
    d = rng.uniform(-1, 1, 2)
    light = 1.0 - rng.uniform(0.05, 0.25) * (gx * d[0] + gy * d[1] + 1) / 2
    if rng.random() < 0.5:
        sx, sy = rng.uniform(-1, 1, 2)
        r = rng.uniform(0.3, 0.7)
        blob = np.exp(-((gx - sx) ** 2 + (gy - sy) ** 2) / r ** 2)
        light = light * (1 - rng.uniform(0.15, 0.35) * blob)
    tint = rng.uniform(0.93, 1.05, 3)
    light = cv2.resize(light.astype(np.float32), size, interpolation=cv2.INTER_LINEAR)
    out = out * light[:, :, None] * tint[None, None, :]
    sigma = rng.uniform(0.6, 2.0)  # focus / hand shake
    out = cv2.GaussianBlur(out, (0, 0), sigma)
    noise = np.empty(out.shape, np.float32)
    cv2.setRNGSeed(seed % 2**31)
    cv2.randn(noise, 0.0, float(rng.uniform(2, 6)))
    out = out + noise
    return np.clip(out, 0, 255).astype(np.uint8)


def jpeg_quality(seed: int) -> int:
    return int(np.random.default_rng(seed + 99).integers(70, 93))


def generate(out: Path, n: int, seed: int = 1, photos: bool = True) -> list[Path]:
    """Write n cards (clean PNG + photo JPEG + JSON labels); returns the label paths."""
    (out / "clean").mkdir(parents=True, exist_ok=True)
    if photos:
        (out / "photo").mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        s = seed * 100_000 + i
        c = content(s)
        stem = f"card_{i:03d}"
        label = json.dumps(asdict(c.labels), ensure_ascii=False, indent=1)
        have = out / "clean" / f"{stem}.json"
        if have.exists() and have.read_text(encoding="utf-8") == label and (
                not photos or (out / "photo" / f"{stem}.jpg").exists()):
            paths.append(have)  # already there (the generator is deterministic)
            continue
        img = render(c, s)
        img.save(out / "clean" / f"{stem}.png", optimize=False, compress_level=1)
        (out / "clean" / f"{stem}.json").write_text(label, encoding="utf-8")
        if photos:
            photo = photograph(img, s)
            cv2.imwrite(str(out / "photo" / f"{stem}.jpg"), photo,
                        [cv2.IMWRITE_JPEG_QUALITY, jpeg_quality(s)])
            (out / "photo" / f"{stem}.json").write_text(label, encoding="utf-8")
        paths.append(out / "clean" / f"{stem}.json")
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    generate(args.out, args.n, args.seed)
    print(json.dumps({"out": str(args.out), "cards": args.n, "seed": args.seed}))


if __name__ == "__main__":
    main()
