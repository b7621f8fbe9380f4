"""Sheets without a header row: a rep's own list often starts with its first person. Its first
row was read as the headers and so lost, and its "columns" (王小明, 13800138000…) could not be
mapped. A first row that names no column but holds an e-mail address or a phone number is
data: the columns are named by their letters, as the spreadsheet shows them ("Column A"), and
what each holds is guessed from its values, for the rep to confirm (never imported on a guess
alone, nor remembered: another sheet without headers may order its columns otherwise).
`guess` also offers a sheet's columns whose headers Satchel does not know what their values
look like ("Customer" holding names: `tabular._by_value`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from app import normalize
from app.io import columns, emails
from app.io.vcard import parse_date  # (the birthdays the readers read: 1990年7月1号, 3月5日…)

SAMPLE_ROWS = 50  # the rows the columns' values are judged by
_SHARE = 0.6  # of a column's filled cells that must look like a field for the guess
_PHONE = re.compile(r"[+＋]?[\d\s()（）\-–./]{7,}(?:\s*(?:转|分机|ext\.?|x)\s*\d{1,6})?", re.I)
_WEB = re.compile(r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.(?:com|cn|net|org|de|fr|uk|io)"
                  r"(?:/\S*)?", re.I)
_ADDRESS = re.compile(r"[省市区县镇乡路街道巷弄号楼室]|\d+\s*\w+\s+(?:street|st|road|rd|avenue|"
                      r"ave|straße|strasse|str|rue|allee|weg|platz|lane|drive|blvd)\b", re.I)
_TITLE = re.compile(r"经理|总监|主管|主任|总裁|董事|工程师|销售|采购|代表|助理|专员|顾问|总经理|"
                    r"manager|director|engineer|sales|buyer|ceo|cto|cfo|president|head of|"
                    r"assistant|consultant|leiter|directeur|responsable", re.I)


def column_name(i: int) -> str:
    """A column's name where the sheet has none: its letter, as the spreadsheet shows it."""
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(65 + r) + letters
    return f"Column {letters}"


def is_column_name(header: str) -> bool:
    """Whether a header is one `column_name` gave (a sheet without a header row)."""
    return bool(_LETTERED.fullmatch(header))


_LETTERED = re.compile(r"Column [A-Z]+")


def is_data(cells: list[str]) -> bool:
    """Whether a sheet's first filled row is a record, not headers: none of its cells names a
    column, and one holds an e-mail address or a phone number (headers never do)."""
    filled = [c for c in cells if c]
    if not filled or any(columns.names_a_column(c) for c in filled):
        return False
    return any(emails.addresses(c)[0] or _is_phone(c) for c in filled)


def guess(rows: list[list[str]]) -> dict[int, str]:
    """{column: field} for the columns whose values say what they hold. A field one column
    holds (name, company…) goes to the first column that looks like it."""
    width = max((len(r) for r in rows), default=0)
    values = [[r[i] for r in rows if i < len(r) and r[i]] for i in range(width)]
    found: dict[int, str] = {}
    for field, looks in _BY_VALUE:
        for i, cells in enumerate(values):
            if i in found or not cells:
                continue
            if sum(1 for c in cells if looks(c)) >= _SHARE * len(cells):
                found[i] = _refined(field, cells)
                if field in _ONE_COLUMN:
                    break
    return found


def _is_phone(cell: str) -> bool:
    cell = cell.strip()
    return bool(_PHONE.fullmatch(cell)) and len(normalize.digits(cell)) >= 7 \
        and parse_date(cell) is None


def _refined(field: str, cells: list[str]) -> str:
    """A column of phone numbers that are mobile numbers is the mobile column (a number
    without its country code read as a Chinese one)."""
    if field != "phone":
        return field
    mobile = sum(1 for c in cells if normalize.is_mobile(c, "CN"))
    return "mobile" if mobile >= _SHARE * len(cells) else field


def _short_name(cell: str) -> bool:
    """A person's name: a few characters of Chinese, or two or three words, without digits."""
    if any(ch.isdigit() for ch in cell) or "@" in cell:
        return False
    if normalize.is_cjk(cell):
        return len(cell.replace(" ", "").replace("\u3000", "")) <= 5
    return 1 <= len(cell.split()) <= 4 and len(cell) <= 40


# in this order: what is sure first (an address with an @), a name last (what is left)
_BY_VALUE: list[tuple[str, Callable[[str], bool]]] = [
    ("email", lambda c: bool(emails.addresses(c)[0])),
    ("phone", _is_phone),
    ("website", lambda c: bool(_WEB.fullmatch(c.strip())) and "@" not in c),
    ("birthday", lambda c: parse_date(c) is not None),
    ("company", normalize.has_legal_form),
    ("address", lambda c: bool(_ADDRESS.search(c)) and len(c) >= 6),
    ("title", lambda c: bool(_TITLE.search(c)) and len(c) <= 40),
    ("name", _short_name),
]
_ONE_COLUMN = {"website", "birthday", "company", "address", "title", "name"}
