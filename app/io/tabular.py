"""Rows of a CSV or Excel sheet → drafts, through a column mapping (see app.io.columns)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from app.domain import CJK, CompanyDraft, ContactDraft, Email, Phone
from app.io import addresses, columns, emails, headerless
from app.io.errors import NOTHING_TO_IMPORT, FileUnreadable, Message, RecordError, UnmappedColumns
from app.io.vcard import parse_date, with_handles

_PHONE_KIND = {"phone": "work", "mobile": "mobile", "phone_home": "home", "fax": "fax",
               "phone_other": "other"}
_EMAIL_KIND = {"email": "work", "email_home": "home", "email_other": "other"}
_MULTI = re.compile(r"\s*:::\s*")  # Google puts several values in one cell


@dataclass
class Contacted:
    """A draft read from a row that carries a Satchel record id (a re-imported export)."""

    draft: ContactDraft
    record_id: str


def resolve(path: str, headers: list[str], given: dict[str, str] | None,
            remembered: dict[str, str] | None, sample: list[list[str]] | None = None,
            lettered: bool = False) -> dict[str, str]:
    """The mapping to use: the guess, then what the rep chose before, then --map; or
    UnmappedColumns listing what is still unknown, with what the values of those columns in
    `sample` (the first rows) suggest, for the rep to confirm. `lettered`: a sheet without a
    header row, its columns named by letter."""
    mapping, unknown = columns.guess(headers)
    chosen: set[str] = set()
    for extra in (remembered or {}, given or {}):
        byname = {columns.norm_header(k): v for k, v in extra.items()}
        for h in headers:
            n = columns.norm_header(h)
            if n in byname:
                mapping[h] = byname[n]
                chosen.add(h)
        unknown = [h for h in unknown if columns.norm_header(h) not in byname]
    twice = columns.claimed_twice({h: mapping[h] for h in headers if h in chosen})
    if twice:  # the first column would win and the others be dropped
        field, which = next(iter(twice.items()))
        both = "both" if len(which) == 2 else "all"
        raise FileUnreadable(f"{path}: {' and '.join(which)} are {both} mapped to {field}, "
                             "which one column holds: map the others to another field, or "
                             'ignore them with "Header=".')
    alike = columns.alike(headers)
    for h in [h for h in unknown if h in alike]:
        # a column that claimed the field with another: settled once the rep placed the rest
        rivals = [x for x in alike if x != h and alike[x] == alike[h] and x not in chosen]
        if not rivals:
            mapping[h] = alike[h]
            unknown.remove(h)
    if unknown and not columns.client_name(headers):
        raise UnmappedColumns(path, headers, unknown,
                              {h: alike[h] for h in unknown if h in alike},
                              _by_value(headers, unknown, mapping, sample or []), lettered)
    for h in unknown:
        mapping[h] = columns.IGNORE  # a known client's extra columns
    if not any(mapping.values()):
        raise UnmappedColumns(path, headers, list(headers))
    return mapping


def _by_value(headers: list[str], unknown: list[str], mapping: dict[str, str],
              sample: list[list[str]]) -> dict[str, str]:
    """{unknown column: field} its values suggest (`headerless.guess`: "Customer" holding
    "Pat Example" is the name), for a field no known column holds already."""
    taken = {f for h, f in mapping.items() if h not in unknown and f}
    found = headerless.guess([[_cell(c) for c in r] for r in sample])
    return {headers[i]: f for i, f in found.items()
            if i < len(headers) and headers[i] in unknown and f not in taken}


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    text = str(v).replace("\r\n", "\n").strip()
    # how CRMs write a number for Excel to keep as text (its leading zero or +): ="0755…"
    if text.startswith('="') and text.endswith('"') and len(text) > 2:
        return text[2:-1].replace('""', '"').strip()
    return text


def _number(text: str) -> str:
    """A phone number without the apostrophe that keeps it text in Excel ('+86…), which a
    pasted cell brings along (only in a number: the brand '47 keeps its own)."""
    return text[1:].lstrip() if text[:1] == "'" and text[1:2] in _NUMBER_START else text


_NUMBER_START = frozenset("+(0123456789")


def _tags(cell: str) -> list[str]:
    """Google separates labels with ":::" (a label may hold a comma: "Key accounts, North");
    Outlook its categories with ";", people typing in a spreadsheet with commas."""
    return _MULTI.split(cell) if ":::" in cell else _TAG_SEPARATORS.split(cell)


_TAG_SEPARATORS = re.compile(r"[;,，、]")


def _label(text: str) -> str:
    """A tag from a label: Google's own start "* " ("* starred" → "starred"), and its
    "* myContacts", which every contact has, says nothing."""
    text = text.strip()
    if text.startswith("* "):
        text = text[2:].strip()
        return "" if text.casefold() == "mycontacts" else text
    return text


def _phone_kind(label: str) -> str:
    label = label.lower()
    for word, kind in (("fax", "fax"), ("mobile", "mobile"), ("cell", "mobile"),
                       ("手机", "mobile"), ("home", "home"), ("work", "work")):
        if word in label:
            return kind
    return "work" if not label else "other"


def _email_kind(label: str) -> str:
    label = label.lower()
    return "home" if "home" in label else "other" if "other" in label else "work"


def _full_address(line: str, parts: dict[str, str]) -> str:
    """An address column with city, region, postcode and country columns beside it (the common
    "Address, City, State, Zip, Country"): one address, each part once (one the address line
    already holds is not added again)."""
    if not line:
        return addresses.join(**parts)
    if CJK.search(line):  # (which parts a Chinese line holds, addresses.join knows better)
        return addresses.join(**{**parts, "street": line})
    held = line.casefold()
    rest = {k: v for k, v in parts.items() if k != "street" and v.casefold() not in held}
    return addresses.join(**{**rest, "street": line}) if rest else line


def row_to_draft(mapping: dict[str, str], headers: list[str], row: list,
                 companies: bool) -> ContactDraft | CompanyDraft | Contacted | RecordError:
    vals: dict[str, list[str]] = {}
    handles: list[str] = []  # messenger columns, kept in the note under their own header
    for h, v in zip(headers, row, strict=False):
        f = mapping.get(h, "")
        text = _cell(v)
        if f == "note" and text and not _says_note(h):
            text = f"{h.strip()}: {text}"  # 所属行业: 电子 (a column the rep put in the note)
        if f and text:
            vals.setdefault(f, []).append(text)
            if f == "im":
                handles.append(f"{h.strip()}: {text}")
    if not vals:
        return RecordError(Message("no value in any imported column"))
    one = {k: v[0] for k, v in vals.items()}
    work: dict[str, str] = {}
    home: dict[str, str] = {}
    for part in ("street", "city", "region", "postcode", "country", "district"):
        if part in one:
            work[part] = one[part]
        if f"home_{part}" in one:
            home[part] = one[f"home_{part}"]
    address = _full_address(one.get("address", ""), work) or \
        _full_address(one.get("home_address", ""), home)
    tags = [t for t in (_label(x) for cell in vals.get("tags", []) for x in _tags(cell)) if t]
    if companies:
        name = one.get("company") or one.get("name", "")
        if not name:
            return RecordError(Message("no company name"))
        phone = _number(one.get("phone") or one.get("fax", ""))
        return CompanyDraft(name=name, address=address, phone=phone,
                            website=one.get("website", ""), note=one.get("note", ""), tags=tags)
    d = ContactDraft(
        name=one.get("name", "") or _whole(one),
        given_name="" if _whole(one) else " ".join(
            x for x in (one.get("given_name"), one.get("middle_name")) if x),
        family_name=one.get("family_name", ""), company=one.get("company", ""),
        title=one.get("title", ""), department=one.get("department", ""), address=address,
        note=with_handles("\n".join(vals.get("note", [])), handles), tags=tags)
    not_kept: list[str] = []  # note lines for e-mail and phone cells that hold none
    if "extension" in one:
        _add_extension(vals, one["extension"], not_kept)
    for f, kind in _EMAIL_KIND.items():
        for cell in vals.get(f, []):
            _add_emails(d, cell, kind, not_kept)
    for f, kind in _PHONE_KIND.items():
        for cell in vals.get(f, []):
            _add_phones(d, _MULTI.split(cell), kind, not_kept)
    d.websites = [u for cell in vals.get("website", []) for u in _MULTI.split(cell) if u]
    _google_numbered(one, d, not_kept)
    if "birthday" in one:
        d.birthday = parse_date(one["birthday"])
        if d.birthday is None:  # "明年3月", "early May": the rep's words, kept
            not_kept.append(f"Birthday: {one['birthday']}")
    elif {"birth_month", "birth_day"} <= one.keys():  # (Thunderbird: the year may be empty)
        d.birthday = parse_date(
            f"{one.get('birth_year') or '-'}-{one['birth_month']:0>2}-{one['birth_day']:0>2}")
    d.keep_in_note(not_kept)
    if not (d.display_name() or d.emails or d.phones):
        if d.company:
            d.name = d.company
        else:
            return RecordError(NOTHING_TO_IMPORT)
    if _SATCHEL_ID.fullmatch(one.get("id", "")):
        return Contacted(d, one["id"])
    return d  # (a CRM's own "Record ID", 51234, is no Satchel record: a row like any other)


_SATCHEL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)


def _says_note(header: str) -> bool:
    """A notes column (备注), or one of a sheet without headers: its values go into the note
    as they are; any other column mapped there goes under its header's name."""
    return columns.is_note_header(header) or headerless.is_column_name(header)


def _whole(one: dict[str, str]) -> str:
    """A first name with no other part of a name is the name as a whole (Outlook holds a
    name in its parts: Satchel's export puts 王小明 in First Name)."""
    if "name" in one or "family_name" in one or "middle_name" in one:
        return ""
    return one.get("given_name", "")


def _add_emails(d: ContactDraft, cell: str, kind: str, notes: list[str]) -> None:
    """A cell's addresses ("Ann <ann@x.org>; ann@y.org", Google's ":::" lists); text that is
    no address for the note."""
    for piece in _MULTI.split(cell):
        found, rest = emails.addresses(piece)
        d.emails += [Email(a, kind) for a in found]
        if rest:
            notes.extend(emails.set_aside([rest]))


def _add_phones(d: ContactDraft, numbers: list[str], kind: str, notes: list[str]) -> None:
    """Numbers (a cell may hold several: `_several`); a cell with no digit is none: a
    placeholder ("无", "-") is dropped, other text kept in the note ("Phone: ask reception"),
    as is a number Excel shortened ("8.6138E+12")."""
    for text in (n for cell in numbers for n in _several(cell)):
        if not any(ch.isdigit() for ch in text):
            if text and not emails.placeholder(text):
                notes.append(f"Phone: {text}")
            continue
        number = _number(text)
        if (shortened := _SCIENTIFIC.fullmatch(number)) is not None:
            number = _unshortened(shortened)
            if not number:  # not a wrong number in the phone list: the rep sees it in the note
                notes.append(f"Phone: {text} (shortened by Excel, its last digits are lost)")
                continue
        d.phones.append(Phone(number, kind))


def _add_extension(vals: dict[str, list[str]], extension: str, notes: list[str]) -> None:
    """An extension column (分机号, Extension) belongs to the work number beside it: "0755-8601
    3388 ext. 808", one number (normalize.phone_key); without one it is kept in the note."""
    phones = vals.get("phone")
    if phones and any(ch.isdigit() for ch in extension) and extension not in phones[0]:
        phones[0] = f"{phones[0]} ext. {extension}"
    elif not phones:
        notes.append(f"Extension: {extension}")


def _several(cell: str) -> list[str]:
    """The numbers of a cell that holds several ("138 0013 8000 / 0755-8601 3388", "…、…",
    "…，…"): split where every piece is a number of 7 digits at least, so that "ext. 12" or
    "转 808" after a comma stays with its number."""
    pieces = [p.strip() for p in _NUMBER_SEPARATORS.split(cell)]
    if len(pieces) > 1 and all(sum(ch.isdigit() for ch in p) >= 7 for p in pieces):
        return pieces
    return [cell]


_NUMBER_SEPARATORS = re.compile(r"\s*[/、，,;；|]\s*|\n")


# a long number in an Excel cell of the General format, saved as CSV: 8613800138000 is
# written "8.6138E+12" (Chinese mobile numbers with their country code, landlines with the area
# code but without the 0)
_SCIENTIFIC = re.compile(r"([0-9])(?:\.([0-9]+))?[eE]\+?([0-9]{1,2})")


def _unshortened(m: re.Match) -> str:
    """The number's digits when all of them are there ("1.3800138E+10"), else ""."""
    digits, places = m[1] + (m[2] or ""), int(m[3]) + 1
    if len(digits) < places or digits[places:].strip("0"):
        return ""
    return digits[:places]


def _google_numbered(one: dict[str, str], d: ContactDraft, notes: list[str]) -> None:
    for key, value in sorted(one.items()):
        if "#" not in key or "." in key:
            continue
        base = key.split("#")[0]
        label = one.get(f"{key}.type", "")
        items = [x for x in _MULTI.split(value) if x]
        if base == "email":
            _add_emails(d, value, _email_kind(label), notes)
        elif base == "phone":
            _add_phones(d, items, _phone_kind(label), notes)
        elif base == "website":
            d.websites += items
        elif base == "address" and not d.address:
            d.address = items[0].replace("\n", ", ") if items else ""
    for key in sorted(one):
        if key.startswith("address#") and key.count(".") == 1 and not d.address:
            num = key.split("#")[1].split(".")[0]
            parts = {p: one.get(f"address#{num}.{p}", "") for p in
                     ("street", "city", "region", "postcode", "country")}
            d.address = addresses.join(**parts)


# one-cell rows above the header a sheet may have ("2026年展会客户名单" merged across the
# columns, a date, who made the list); more of them and the first is the header after all
_TITLE_ROWS = 5


def split_header(rows: Iterable[list]) -> tuple[list, Iterator[list]] | None:
    """(the header row as read, the rows after it), None for a sheet with no filled row. The
    header is the first filled row, unless rows that fill a single cell with text that names
    no column come first: those are the sheet's title, and the header is the first row after
    them of several cells or of one that names a column. (A one-column list of unknown header
    has only such rows: its first is the header.)"""
    it = iter(rows)
    held: list[list] = []  # from the first filled row on, while they may be a title
    titles = 0
    for row in it:
        filled = [c for c in map(_cell, row) if c]
        if not filled:
            if held:
                held.append(row)
            continue
        if len(filled) > 1 or columns.names_a_column(filled[0]):
            return row, it
        held.append(row)
        titles += 1
        if titles > _TITLE_ROWS:
            break
    if not held:
        return None
    return held[0], _then(held[1:], it)


def header_of(rows: Iterable[list]) -> tuple[list[str], Iterator[list], bool] | None:
    """(the headers, the data rows, whether the sheet has no header row), None for a sheet
    with no filled row. A first row that is a record (`headerless.is_data`) is data: the
    columns are then named by their letters."""
    split = split_header(rows)
    if split is None:
        return None
    head, it = split
    headers = [_cell(c) for c in head]
    if not headerless.is_data(headers):
        return headers, it, False
    return [headerless.column_name(i) for i in range(len(head))], _then([head], it), True


def _then(rows: list[list], rest: Iterator[list]) -> Iterator[list]:
    yield from rows
    yield from rest


def read_rows(path: str, headers: list[str], rows: Iterator[list],
              given: dict[str, str] | None = None, remembered: dict[str, str] | None = None,
              info: dict | None = None, no_header_row: bool = False
              ) -> Iterator[tuple[int, ContactDraft | CompanyDraft | Contacted | RecordError]]:
    """The records of the rows under these headers (`header_of` finds them). Record numbers
    count data rows from 1 (blank rows count too). `no_header_row`: the headers are the columns'
    letters (`header_of`): the rep says what each holds, helped by a guess from the values."""
    first = list(islice(rows, headerless.SAMPLE_ROWS))  # (what unknown columns hold)
    rows = _then(first, rows)
    mapping = resolve(path, headers, given, None if no_header_row else remembered, first,
                      no_header_row)
    companies = columns.is_company_list(mapping)
    if info is not None:
        # (a mapping of letters is not remembered: another sheet's columns differ)
        info.update(headers=headers, mapping=mapping, companies=companies,
                    client=columns.client_name(headers),
                    header_key=None if no_header_row else columns.header_key(headers))
    n = 0
    for row in rows:
        n += 1
        if not any(_cell(c) for c in row):
            continue  # blank lines between rows: counted, not reported
        yield n, row_to_draft(mapping, headers, row, companies)
