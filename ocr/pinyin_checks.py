"""A Chinese card checked against the pinyin it prints elsewhere: the company's and the
person's names are usually spelt in the e-mail addresses, the website, the English company name
or the city of the address (金桥 -> jinqiao.com, 陈强 -> chenqiang@). A domain or local part one
confusable letter away from such a spelling is corrected (`fix_domains`, `fix_local_parts`, run by
the parser); a company name that spells a hint but for one syllable is found here
(`company_pinyin_fixes`) and read again by the pipeline with only that syllable's characters
allowed (`chars_for_pinyin`)."""

from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz.distance import Levenshtein

try:
    from pypinyin import lazy_pinyin
    from pypinyin.pinyin_dict import pinyin_dict
except ImportError:  # pragma: no cover - a dependency; the parser works without it
    lazy_pinyin = pinyin_dict = None

from ocr.types import FieldValue

_HAN = re.compile(r"[\u4e00-\u9fff]")


def _has_han(text: str) -> bool:
    return bool(_HAN.search(text))


# letters OCR confuses in a domain: "jinqiao" read "jingiao"
_CONFUSABLE = {frozenset(p) for p in ("qg", "li", "l1", "o0", "nh", "ec", "uv", "rn")}


def fix_domains(fields: dict[str, list[FieldValue]]) -> None:
    """A Chinese company's domain is usually the pinyin of its name (金桥 -> jinqiao): an e-mail
    or website domain one confusable letter away from it is corrected."""
    if lazy_pinyin is None:
        return
    names = [v.value for v in fields.get("company", []) if _has_han(v.value)]
    words: set[str] = set()
    for name in names:
        py = [p for p in lazy_pinyin(name) if p.isalpha()]
        for i in range(len(py)):
            for j in range(i + 2, min(len(py), i + 5) + 1):
                words.add("".join(py[i:j]).lower())
    if not words:
        return
    for key in ("emails", "websites"):
        for v in fields.get(key, []):
            # the domain's first label: after the @ of an e-mail, at the start of a website
            pattern = r"@([a-z0-9\-]+)\." if key == "emails" else r"^(?:https?://)?(?:www\.)?([a-z0-9\-]+)\."
            m = re.search(pattern, v.value, re.I)
            if not m:
                continue
            label = m.group(1).lower()
            if label in words:
                continue
            for w in words:
                if _one_confusable_apart(label, w):
                    v.value = v.value[:m.start(1)] + w + v.value[m.end(1):]
                    v.confidence = round(v.confidence * 0.9, 3)
                    break


_FREE_MAIL = ("gmail", "qq", "163", "126", "hotmail", "outlook", "yahoo", "mail", "foxmail",
              "sina", "icloud")


@functools.lru_cache(maxsize=1)
def _pinyin_index() -> dict[str, frozenset[str]]:
    """Toneless pinyin syllable -> the common Chinese characters read that way (pypinyin's
    dictionary; ü spelt v as lazy_pinyin does)."""
    if pinyin_dict is None:
        return {}
    rev: dict[str, set[str]] = {}
    for code, readings in pinyin_dict.items():
        if not 0x4E00 <= code <= 0x9FFF:
            continue
        for p in readings.split(","):
            syl = "".join(c for c in unicodedata.normalize("NFD", p)
                          if not unicodedata.combining(c)).replace("ü", "v")
            rev.setdefault(syl, set()).add(chr(code))
    return {k: frozenset(v) for k, v in rev.items()}


def chars_for_pinyin(syllable: str) -> frozenset[str]:
    """The Chinese characters read `syllable` (toneless: 'da' -> 达, 大, 打 ...)."""
    return _pinyin_index().get(syllable, frozenset())


def _readings(ch: str) -> set[str]:
    code = ord(ch)
    if pinyin_dict is None or code not in pinyin_dict:
        return set()
    return {"".join(c for c in unicodedata.normalize("NFD", p) if not unicodedata.combining(c))
            .replace("ü", "v") for p in pinyin_dict[code].split(",")}


def pinyin_hints(fields: dict[str, list[FieldValue]]) -> set[str]:
    """Latin spellings of the Chinese names on a card, found elsewhere on it: e-mail and website
    domains (金桥 -> jinqiao.com), the words of the English company name on a bilingual card
    (Hangzhou Hongda Trading), the city an address starts with (广州市 -> guangzhou)."""
    out: set[str] = set()
    for key in ("emails", "websites"):
        for v in fields.get(key, []):
            host = v.value.rsplit("@", 1)[-1].lower()
            host = re.sub(r"^(?:https?://)?(?:www\.)?", "", host).split("/")[0]
            label = host.split(".")[0]
            if label.isalpha() and label not in _FREE_MAIL:
                out.add(label)
    for v in fields.get("company", []):
        if not _has_han(v.value):
            out.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", v.value))
    if lazy_pinyin is not None:
        for v in fields.get("address", []):
            m = re.match(r"^(?:.{2,3}省)?([\u4e00-\u9fff]{2,3}?)市", v.value)
            if m:
                out.add("".join(lazy_pinyin(m.group(1))))
    return {h for h in out if len(h) >= 4}


def company_pinyin_fixes(fields: dict[str, list[FieldValue]]) -> list[tuple[int, str]]:
    """(character index, pinyin syllable) in the best Chinese company name where the card says
    otherwise: a run of its characters spells a hint (pinyin_hints) but for one syllable, e.g.
    成都宏法软件 against hongda.com -> (3, 'da'); the OCR reads that character again, restricted
    to characters read 'da'. Empty when the name agrees with every hint or has none."""
    if lazy_pinyin is None or pinyin_dict is None:
        return []
    names = [v.value for v in fields.get("company", []) if _has_han(v.value)]
    if not names or not all(0x4E00 <= ord(c) <= 0x9FFF for c in names[0]):
        return []
    name = names[0]
    syl = lazy_pinyin(name)
    if len(syl) != len(name):
        return []
    hints = pinyin_hints(fields)
    spelt = "".join(syl)
    out: list[tuple[int, str]] = []
    for hint in sorted(hints):
        if hint in spelt:
            continue  # the name already spells it
        found = None
        for i in range(len(name)):
            for j in range(i + 2, min(len(name), i + 4) + 1):
                for k in range(i, j):
                    pre, suf = "".join(syl[i:k]), "".join(syl[k + 1:j])
                    if len(pre) + len(suf) < 3 or len(hint) <= len(pre) + len(suf) or \
                            not (hint.startswith(pre) and hint.endswith(suf)):
                        continue
                    mid = hint[len(pre):len(hint) - len(suf)]
                    if mid not in _readings(name[k]) and chars_for_pinyin(mid):
                        found = (k, mid)
        if found and found not in out:
            out.append(found)
    return out


def _one_confusable_apart(got: str, want: str) -> bool:
    diff = [(a, b) for a, b in zip(got, want, strict=False) if a != b]
    return len(got) == len(want) and len(diff) == 1 and frozenset(diff[0]) in _CONFUSABLE


def fix_local_parts(fields: dict[str, list[FieldValue]]) -> None:
    """A Chinese person's address is usually spelt from the name (陈强 -> chenqiang, qiang.chen,
    qchen): a local part one confusable letter away from such a spelling is corrected; so is
    one with a thin stray glyph or a misread 'E-mail' label before such a spelling ('llpeng',
    'xmaitbxu') or one that is such a spelling without its first letter ('henying'), unless
    what is left is itself a part of the name (jiang@ may well be Jiang's address)."""
    names = [v.value for v in fields.get("name", []) if _has_han(v.value)]
    if lazy_pinyin is None or not names or len(names[0]) < 2:
        return
    family, *given_parts = [p for p in lazy_pinyin(names[0]) if p.isalpha()]
    if not given_parts:
        return
    given, initials = "".join(given_parts), "".join(p[0] for p in given_parts)
    spellings = {family + given, given + family, f"{family}.{given}", f"{given}.{family}",
                 initials + family, family + initials, f"{family}_{given}", f"{given}_{family}"}
    for v in fields.get("emails", []):
        local, _, host = v.value.rpartition("@")
        low = local.lower()
        if low in spellings:
            continue
        if len(low) >= 4 and low[0] in "li1|" and low[1:] in spellings:
            v.value = f"{low[1:]}@{host}"
            v.confidence = round(v.confidence * 0.9, 3)
            continue
        glued = [w for w in spellings if low.endswith(w) and min(
            Levenshtein.distance(low[:-len(w)].strip(".:-_"), x) for x in ("email", "mail")) <= 2]
        if glued:  # 'E-mail:' glued to it and misread: 'xmaitbxu' for bxu
            v.value = f"{glued[0]}@{host}"
            v.confidence = round(v.confidence * 0.9, 3)
            continue
        lost = [w for w in spellings if w[1:] == low]
        if len(low) >= 4 and lost and low not in (family, given, initials) and \
                not re.fullmatch(r"[a-z]?\.?", low.replace(family, "").replace(given, "")):
            v.value = f"{lost[0]}@{host}"
            v.confidence = round(v.confidence * 0.9, 3)
            continue
        for want in spellings:
            if _one_confusable_apart(local.lower(), want):
                v.value = f"{want}@{host}"
                v.confidence = round(v.confidence * 0.9, 3)
                break
