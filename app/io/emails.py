"""E-mail values as address books hold them: "Ann Lee <ann@acme.example>", "mailto:…", several
in one cell ("a@x.org; b@y.org"), or no address at all ("n/a", "无", "-"). Only addresses become
e-mail addresses: the same address is the same person, so a placeholder shared by a sheet's rows
made them all one person (the others were reported "unchanged" and lost)."""

from __future__ import annotations

import re
import unicodedata

# an address inside whatever surrounds it: a display name, <>, mailto:, commas, spaces, and
# Chinese text written against it ("联系wxm@hq.cn": not a letter of the address)
_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)  # (o'brien@…)
# what a sheet writes where it has no address; anything else without an @ is kept in the note
_PLACEHOLDERS = {"n/a", "na", "none", "null", "nil", "no", "-", "--", "—", "/", ".", "0", "?",
                 "无", "無", "没有", "沒有", "暂无", "暫無", "未知"}


def addresses(text: str) -> tuple[list[str], str]:
    """(the e-mail addresses in a value, the value itself when it holds none and is not a
    placeholder: for the note)."""
    # NFKC: typed in a Chinese input method's full-width mode, "ｗｘｍ＠ｈｑ．ｃｎ" is wxm@hq.cn
    text = unicodedata.normalize("NFKC", text).strip()
    if "@" not in text:
        return [], "" if placeholder(text) else text
    if _ADDRESS.fullmatch(text):  # (nearly always: one plain address)
        return [text], ""
    return [a.rstrip(".") for a in _ADDRESS.findall(text)], ""


def placeholder(text: str) -> bool:
    """What a sheet writes in a field it has nothing for ("n/a", "无", "-")."""
    return text.strip().casefold() in _PLACEHOLDERS


def set_aside(no_address: list[str]) -> list[str]:
    """The note's lines for e-mail values that held no address ("E-mail: dee at acme")."""
    return [f"E-mail: {t}" for t in no_address if t]
