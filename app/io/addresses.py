"""An address given in parts (a card's ADR, a sheet's street / city / state / zip columns, an
LDIF entry) as the one line a contact keeps, written the way its country writes it.

Latin script: street first ("12 Market St, 62701 Springfield, IL, USA"). Chinese, Japanese and
Korean: from the largest part to the smallest, unspaced, as on an envelope there
("广东省深圳市福田区华强北路1002号 518031"); a part the line already holds (a detailed address
that starts with its city, a municipality that is its own province: 北京市, 北京市) is written
once, and a country in Latin letters ends it. Both forms read the same to the matcher
(normalize.address_features).
"""

from __future__ import annotations

from app.domain import CJK


def join(street: str = "", city: str = "", region: str = "", postcode: str = "",
         country: str = "", district: str = "", extra: tuple[str, ...] = ()) -> str:
    """`extra`: lines that follow the street (a card's extended address and PO box)."""
    street, city, region, postcode, country, district = (
        _clean(x) for x in (street, city, region, postcode, country, district))
    lines = [x for x in (street, *map(_clean, extra)) if x]
    admin = " ".join((city, region, district)).strip()
    if CJK.search(admin) or not admin and CJK.search(" ".join(lines)):
        return _largest_first(lines, district, city, region, country, postcode)
    city_line = " ".join(x for x in (postcode, city) if x)
    return ", ".join(x for x in (*lines, city_line, region, country) if x)


def _clean(text: str) -> str:
    """One line: a part's own lines joined with commas (the text is the rep's own otherwise)."""
    if "\n" not in text and "\r" not in text:  # (nearly every part)
        return text.strip()
    return ", ".join(x.strip() for x in text.splitlines() if x.strip())


def _largest_first(lines: list[str], district: str, city: str, region: str, country: str,
                   postcode: str) -> str:
    detail = "".join(lines)
    latin_country = country if country and not CJK.search(country) else ""
    pieces: list[str] = []
    parts = [p for p in ("" if latin_country else country, region, city, district) if p]
    held = _heading(detail, parts, country)
    for part in parts:
        if part in held:
            continue
        # the same place twice (北京市 北京市; 北京 and 北京市): once, the longer way
        same = next((i for i, x in enumerate(pieces) if part.startswith(x) or x.startswith(part)),
                    None)
        if same is None:
            pieces.append(part)
        elif len(part) > len(pieces[same]):
            pieces[same] = part
    text = ""
    for piece in (*pieces, detail):  # glued where both sides are CJK, else a space
        if piece:
            glue = "" if not text or CJK.match(piece[0]) and CJK.match(text[-1]) else " "
            text += glue + piece
    if postcode and postcode not in text:
        text += " " + postcode
    return f"{text}, {latin_country}" if latin_country else text


_UNITS = "省市区县州盟旗镇乡"  # an administrative name's last character (广东省, 深圳市, 福田区)


def _heading(detail: str, parts: list[str], country: str) -> set[str]:
    """The parts the detailed address starts with already ("深圳市福田区华强北路…" holds
    深圳市 and 福田区). A name given without its unit holds only where the unit follows
    (深圳 in "深圳市…"): 中山 does not start "中山路100号", a street of another city. A
    country (中国) has none."""
    held: set[str] = set()
    rest, found = detail, True
    while found:
        found = False
        for part in parts:
            if part in held or not rest.startswith(part):
                continue
            n = len(part)
            if part[-1] not in _UNITS and part != country:
                if rest[n:n + 1] and rest[n] in _UNITS:
                    n += 1  # 深圳 as "深圳市"
                elif rest[n:n + 1]:
                    continue
            held.add(part)
            rest, found = rest[n:], True
    return held
