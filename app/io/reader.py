"""Open any address-book file: detect its format from its content, then stream its records."""

from __future__ import annotations

import contextlib
import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from app.domain import CompanyDraft, ContactDraft
from app.io import ADDRESS_BOOK_SUFFIXES, decode, ldif, tabular, vcard
from app.io.errors import FileUnreadable, Message, RecordError
from app.io.tabular import Contacted

Record = ContactDraft | CompanyDraft | Contacted | RecordError
csv.field_size_limit(decode.MAX_LINE)


@dataclass
class Source:
    """One opened file: its format and (CSV/Excel) headers and mapping; `records` streams."""

    path: str
    format: str  # vcard | csv | xlsx | xls | ldif
    info: dict = field(default_factory=dict)
    records: Iterator[tuple[int, Record]] = iter(())
    size: int = 0  # bytes (a book inside a zip archive is no file to ask)
    # records the file seems to hold, counted cheaply before reading (cards, lines, sheet rows),
    # for a progress bar while nothing says how many there are; 0: not known
    expected: int = 0


def sniff_delimiter(text: str) -> str:
    sample = "\n".join(text[:20000].splitlines()[:30])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        return max(",;\t|", key=first.count)


def open_source(path: str | Path, mapping: dict[str, str] | None = None,
                remembered=None, data: bytes | None = None) -> Source:
    """`remembered(header_key) -> mapping|None` supplies the mapping chosen for this header set
    before; `data`: the file's bytes, read already. Raises FileUnreadable (with a user-facing
    message) for a file that cannot be read."""
    try:
        data = _read(path) if data is None else data
        src = _open(str(path), data, mapping, remembered)
    except FileUnreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged file (zlib, XML, csv …) is unreadable
        raise FileUnreadable(_broken(path, exc)) from exc
    src.records, src.size = _safe(src.records, str(path)), len(data)
    return src


def _broken(path, exc: Exception) -> Message:
    return Message("{file} could not be read ({error}). Nothing was imported; check the file or "
                   "export it again from your mail program.",
                   file=str(path), error=f"{type(exc).__name__}: {str(exc)[:120]}")


def _safe(records, path: str):
    """A reader bug on odd input must not escape as a traceback: the import stops cleanly
    (its transaction rolls back) with a message."""
    try:
        yield from records
    except FileUnreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - any reader failure on this file means "unreadable"
        raise FileUnreadable(_broken(path, exc)) from exc


def open_sources(path: str | Path, mapping: dict[str, str] | None = None,
                 remembered=None) -> list[Source]:
    """`open_source`, and for a zip archive of address books (Google Takeout's contacts, a
    mailed .zip of vCards) one source for each book in it, named "archive.zip/inside.vcf"."""
    data = _read(path)
    members = _archive_members(str(path), data)
    if members is None:
        return [open_source(path, mapping, remembered, data)]
    return [open_source(f"{path}/{inside}", mapping, remembered, book)
            for inside, book in members]


def _read(path: str | Path) -> bytes:
    """A file's bytes; "archive.zip/inside.vcf": that book in the archive (`open_sources`)."""
    name = str(path)
    try:
        return Path(path).read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # (the second: "…/book.zip/inside.csv")
        inside = _IN_ARCHIVE.fullmatch(name)
        if inside and Path(inside[1]).is_file():
            try:
                with zipfile.ZipFile(inside[1]) as z:
                    return z.read(inside[2])
            except (KeyError, OSError, zipfile.BadZipFile, zlib.error):
                pass
        raise FileUnreadable(Message("{file} does not exist.", file=name)) from None
    except IsADirectoryError:
        raise FileUnreadable(Message("{file} is a folder, not a file.", file=name)) from None
    except OSError as exc:
        raise FileUnreadable(Message("{file} could not be read ({error}).", file=name,
                                     error=exc.strerror or type(exc).__name__)) from None


_IN_ARCHIVE = re.compile(r"(.*?\.zip)/(.+)", re.IGNORECASE | re.DOTALL)
MAX_BOOK_IN_ARCHIVE = 512 << 20  # bytes: more than any address book, less than a zip bomb


def _archive_members(name: str, data: bytes) -> list[tuple[str, bytes]] | None:
    """The address books in a zip archive, by name; None for a file that is no archive (an
    Excel workbook, LibreOffice's and Apple's spreadsheets are zip files too)."""
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        if _spreadsheet(z, z.namelist()):
            z.close()
            return None
    except Exception:  # noqa: BLE001 - unreadable as a zip: read as a workbook, which says why
        return None
    with z:
        books = sorted((i for i in z.infolist() if not i.is_dir()
                        and Path(i.filename).suffix.lower() in ADDRESS_BOOK_SUFFIXES
                        and not i.filename.startswith("__MACOSX/")
                        and not Path(i.filename).name.startswith(".")),
                       key=lambda i: i.filename.casefold())
        if not books:
            raise FileUnreadable(Message("{file} is a zip archive without address books (vCard, "
                                         "CSV, LDIF or Excel files) in it.", file=name))
        if any(i.file_size > MAX_BOOK_IN_ARCHIVE for i in books):
            raise FileUnreadable(Message("{file} holds a file too big to be an address book "
                                         "(over {mb} MB unpacked).", file=name,
                                         mb=MAX_BOOK_IN_ARCHIVE >> 20))
        try:
            return [(i.filename, z.read(i)) for i in books]
        except Exception as exc:  # noqa: BLE001 - zipfile's damage is many kinds of error
            raise FileUnreadable(Message("{file} is a damaged zip archive ({error}). Nothing was "
                                         "imported; download or save it again.", file=name,
                                         error=type(exc).__name__)) from None


def _open(name: str, data: bytes, mapping, remembered) -> Source:
    if data.startswith(b"PK\x03\x04"):
        return _xlsx(name, data, mapping, remembered)
    if data.startswith(_OLE2):
        return _table(name, "xls", _xls_rows(name, data), mapping, remembered)
    decode.check_text(data, name)
    wide = vcard._wide(data)
    if vcard.looks_like_vcard(wide):
        cards = wide.count(b"BEGIN:VCARD") or wide.upper().count(b"BEGIN:VCARD")
        return Source(name, "vcard", {}, vcard.read_vcards(data, name), expected=cards)
    text = decode.decode(data, name)
    if ldif.looks_like_ldif(text):
        return Source(name, "ldif", {}, ldif.read_ldif(text, name),
                      expected=len(_LDIF_ENTRY.findall(text)))
    # rows stream from the text: a 10,000-row file is never held as a list of lists as well
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    src = _table(name, "csv", rows, mapping, remembered)
    src.expected = text.rstrip("\r\n").count("\n")  # lines under the header (a guess)
    return src


_LDIF_ENTRY = re.compile(r"^dn::?", re.IGNORECASE | re.MULTILINE)


def sample_row(path: str | Path) -> list[str]:
    """The first data row of a CSV/Excel file (to show beside its headers when mapping)."""
    split = tabular.header_of(_raw_rows(path))
    first = next((r for r in split[1] if any(tabular._cell(c) for c in r)), None) \
        if split else None
    return [tabular._cell(c) for c in first] if first else []


def _raw_rows(path: str | Path, limit: int = 50) -> list[list]:
    data = _read(path)
    if data.startswith(b"PK\x03\x04"):
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        ws = _first_filled(wb.worksheets)
        if ws is None:
            wb.close()
            return []
        with contextlib.closing(_sheet_rows(wb, ws, data)) as rows:
            return list(islice(rows, limit))
    if data.startswith(_OLE2):
        return list(islice(_xls_rows(str(path), data), limit))
    text = decode.decode(data, str(path))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    return list(islice(reader, limit))


def _table(name: str, fmt: str, rows: Iterable[list], mapping, remembered) -> Source:
    from app.io import columns

    split = tabular.header_of(rows)
    if split is None:
        raise FileUnreadable(Message("{file} has no header row: there is nothing to import.",
                                     file=name))
    headers, it, lettered = split
    if len(headers) < 2 and fmt == "csv":
        raise FileUnreadable(Message("{file} is not an address book: it has a single column and "
                                     "no recognizable format. Choose a vCard, CSV, LDIF or Excel "
                                     "file.", file=name))
    saved = remembered(columns.header_key(headers)) if remembered and not lettered else None
    info: dict = {}
    records = tabular.read_rows(name, headers, it, mapping, saved, info, lettered)
    first = next(records, None)  # runs the header check now, so errors come before any record
    return Source(name, fmt, info, _chain(first, records))


def _chain(first, rest):
    if first is not None:
        yield first
    yield from rest


def _xlsx(name: str, data: bytes, mapping, remembered) -> Source:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip, zlib, XML errors: all "not a workbook"
        raise FileUnreadable(_not_a_workbook(name, data, exc)) from None
    ws = _first_filled(wb.worksheets)
    if ws is None:
        raise FileUnreadable(_no_filled_sheet(name))
    src = _table(name, "xlsx", _sheet_rows(wb, ws, data), mapping, remembered)
    src.expected = max((ws.max_row or 1) - 1, 0)  # (the sheet's own dimension, if it says)
    return src


def _spreadsheet(z: zipfile.ZipFile, names: list[str]) -> str:
    """Which spreadsheet a zip file is: "xlsx", "xlsb" (Excel's binary workbook), "ods"
    (LibreOffice), "numbers" (Apple), or "" for none (an archive)."""
    if "[Content_Types].xml" in names:
        return "xlsb" if "xl/workbook.bin" in names else "xlsx"
    if "mimetype" in names:
        kind = z.read("mimetype")[:80]
        return "ods" if kind.startswith(b"application/vnd.oasis.opendocument") else "other"
    if any(n.startswith("Index/") and n.endswith(".iwa") for n in names):
        return "numbers"
    return ""


def _no_filled_sheet(name: str) -> Message:
    return Message("{file} has no filled worksheet: there is nothing to import.", file=name)


def _not_a_workbook(name: str, data: bytes, exc: Exception) -> Message:
    """Why a zip file is no workbook, and what to do: the spreadsheets of LibreOffice and Apple
    Numbers are zip files too."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            kind = _spreadsheet(z, z.namelist())
    except Exception:  # noqa: BLE001 - zipfile's damage is many kinds of error
        kind = ""
    if kind == "ods":
        return Message("{file} is an OpenDocument spreadsheet (LibreOffice, OpenOffice). Save "
                       "it as Excel (.xlsx) or CSV there (File → Save As), then import that.",
                       file=name)
    if kind == "numbers":
        return Message("{file} is an Apple Numbers spreadsheet. Export it as Excel or CSV in "
                       "Numbers (File → Export To), then import that.", file=name)
    if kind == "xlsb":
        return Message("{file} is an Excel binary workbook (.xlsb), which Satchel cannot read. "
                       "Save it as an Excel workbook (.xlsx) or CSV in Excel (File → Save As), "
                       "then import that.", file=name)
    return Message("{file} is a zip file but not an Excel workbook ({error}).", file=name,
                   error=str(exc))


_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")  # Office 97–2003 files: .xls, but also .doc, .msg
# an Excel (or Word) file saved with a password: the OLE2 container of an encrypted .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def _xls_rows(name: str, data: bytes) -> Iterator[list]:
    """An Excel 97–2003 workbook's first sheet (xlrd; its text is UTF-16 inside, whatever the
    code page of the Excel that wrote it), dates as dates."""
    import xlrd

    if _ENCRYPTED in data:  # (HQ's sheets often come so: xlrd would call it "no workbook")
        raise FileUnreadable(Message(
            "{file} is protected with a password, so Satchel cannot read it. Open it in Excel "
            "or WPS with its password, save a copy without one (File → Info → Protect Workbook "
            "→ Encrypt with Password, and clear it), then import that copy.", file=name))
    try:  # (xlrd writes its warnings on a damaged file to stdout unless told otherwise)
        try:  # with its formatting, for the merged cells (`_unmerged`)
            book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO(),
                                      formatting_info=True)
        except Exception:  # noqa: BLE001 - formatting xlrd cannot read: the values alone
            book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO())
    except Exception as exc:  # noqa: BLE001 - a Word file, a mail, an encrypted or damaged book
        why = str(exc)[:120] or type(exc).__name__
        raise FileUnreadable(Message("{file} is an Office 97–2003 file but not an Excel workbook "
                                     "Satchel can read ({error}). Open it in Excel or WPS and save "
                                     "it as .xlsx or CSV, then import that.", file=name,
                                     error=why)) from None
    sheet = next((sh for sh in book.sheets() if sh.nrows), None)
    if sheet is None:
        raise FileUnreadable(_no_filled_sheet(name))
    return _xls_sheet(book, sheet)


def _xls_sheet(book, sheet) -> Iterator[list]:
    import xlrd

    rows = ([xlrd.xldate_as_datetime(c.value, book.datemode)
             if c.ctype == xlrd.XL_CELL_DATE else c.value for c in sheet.row(r)]
            for r in range(sheet.nrows))
    # (xlrd's ends are one past the range)
    yield from _unmerged(rows, [(top, bottom - 1, left, right - 1)
                                for top, bottom, left, right in sheet.merged_cells])


def _first_filled(sheets):
    """The first worksheet with a value in it (a workbook's first sheet is often the empty
    "Sheet1" beside the list)."""
    for ws in sheets:
        for row in islice(ws.iter_rows(values_only=True), 20):
            if any(v not in (None, "") for v in row):
                return ws
    return None


def _sheet_rows(wb, ws, data: bytes) -> Iterator[list]:
    """Rows read as the import goes (openpyxl's read-only mode streams the sheet), merged cells
    unmerged."""
    try:
        yield from _unmerged((list(r) for r in ws.iter_rows(values_only=True)),
                             _merged_ranges(data, ws._worksheet_path))
    finally:
        wb.close()


# <mergeCell ref="A2:A4"/> in a worksheet's XML, whatever its namespace prefix
_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')


def _merged_ranges(data: bytes, sheet_path: str) -> list[tuple[int, int, int, int]]:
    """A worksheet's merged cells as (top, bottom, left, right), from 0. openpyxl's read-only
    mode, which streams the rows, does not read them: they come after the rows in the XML,
    read here a block at a time."""
    from openpyxl.utils.cell import range_boundaries

    found: set[tuple[bytes, bytes]] = set()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z, z.open(sheet_path) as xml:
            tail = b""
            while block := xml.read(1 << 20):
                text = tail + block
                found.update(m.groups() for m in _MERGE_CELL.finditer(text))
                tail = text[-200:]  # (a tag cut by the block's end is whole in the next)
    except (KeyError, OSError, zipfile.BadZipFile, zlib.error):
        return []  # read as it is: the rows still import, a merged value only in its first
    out = []
    for a, b in found:
        left, top, right, bottom = range_boundaries(f"{a.decode()}:{b.decode()}")
        out.append((top - 1, bottom - 1, left - 1, right - 1))
    return out


def _unmerged(rows: Iterator[list], merged: list[tuple[int, int, int, int]]) -> Iterator[list]:
    """Rows with a merged cell's value in every row it spans: a Chinese sheet merges a company
    over the rows of its people ("单位" once for three names), which would otherwise leave
    the second and third without it. Across a row a merge stays one cell (a title above the
    header is one cell: tabular.split_header)."""
    starts: dict[int, list[tuple[int, int, int]]] = {}
    for top, bottom, left, right in merged:
        if bottom > top:
            starts.setdefault(top, []).append((bottom, left, right))
    if not starts:
        yield from rows
        return
    active: list[tuple[int, int, list]] = []  # (bottom, left, the top row's values)
    for i, row in enumerate(rows):
        active = [a for a in active if a[0] >= i]
        for _, left, values in active:
            if len(row) < left + len(values):
                row.extend([None] * (left + len(values) - len(row)))
            for c, value in enumerate(values, left):
                if row[c] in (None, ""):
                    row[c] = value
        for bottom, left, right in starts.get(i, ()):
            active.append((bottom, left, [row[c] if c < len(row) else None
                                          for c in range(left, right + 1)]))
        yield row
