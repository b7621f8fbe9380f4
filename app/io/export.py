"""Export every live contact, or a selection (`Selection`: the rep's rows in a list, the command
line's --tag / --company): vCard 3.0 / 4.0 (one UTF-8 file, photos included; companies nobody
works at yet as company cards, so an imported account list travels too), Google CSV and
Outlook CSV (UTF-8 with a BOM so Excel and Outlook show Chinese), Excel with a "Satchel ID"
column (re-importing the edited sheet updates the same records). The file appears only when
complete (temp + rename).
"""

from __future__ import annotations

import base64
import contextlib
import csv
import os
import secrets
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app import normalize
from app.domain import NO_YEAR, ContactDraft, birthday_iso, has_year
from app.services import companies, contacts, rows
from app.services.companies import CompanyView
from app.services.contacts import ContactView
from app.store import Store

FORMATS = {"vcf": "vCard 3.0", "vcf4": "vCard 4.0", "csv": "Google CSV", "outlook": "Outlook CSV",
           "xlsx": "Excel"}
_V3_TEL = {"mobile": "CELL,VOICE", "work": "WORK,VOICE", "home": "HOME,VOICE", "fax": "WORK,FAX",
           "other": "VOICE"}
_V4_TEL = {"mobile": "cell", "work": "work,voice", "home": "home,voice", "fax": "work,fax",
           "other": "voice"}
_GOOGLE_PHONE = {"mobile": "Mobile", "work": "Work", "home": "Home", "fax": "Work Fax",
                 "other": "Other"}
_GOOGLE_EMAIL = {"work": "Work", "home": "Home", "other": "Other"}
XLSX_HEADERS = ["Satchel ID", "Name", "Given Name", "Family Name", "Company", "Job Title",
                "Department", "E-mail", "Email (home)", "Email (other)", "Phone", "Mobile",
                "Home Phone", "Fax", "Other Phone", "Address", "Website", "Birthday", "Notes",
                "Tags"]
SEP = " ::: "  # several values in one cell, as Google writes them
_BATCH = 500  # people read together (one by one, reading was 37 % of an export of 100,000)
# a file name's ending says the format (contacts.xlsx): a rep need not say it twice
_BY_SUFFIX = {".vcf": "vcf", ".vcard": "vcf", ".csv": "csv", ".xlsx": "xlsx"}
SUFFIX = {"vcf": ".vcf", "vcf4": ".vcf", "csv": ".csv", "outlook": ".csv", "xlsx": ".xlsx"}


def format_for(path: str | Path) -> str | None:
    """The format a file name's ending says (vCard 3.0 for .vcf), None for another ending."""
    return _BY_SUFFIX.get(Path(path).suffix.lower())


class ExportCancelled(Exception):
    pass


class NothingSelected(ValueError):
    """The command line's --tag / --company found nobody; the message says what there is."""


@dataclass(frozen=True)
class Selection:
    """Part of the store to export: these contacts, and the people of these companies (a
    selected company nobody works at goes into a vCard file as its company card, as in a full
    export). Written in the lists' order, whatever order the ids come in; gone ones left out."""

    contacts: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()


def contact_ids(session: Session, selection: Selection | None = None) -> list[str]:
    """The live contacts an export of `selection` (None: everything) writes, in the contacts
    list's order."""
    every = contacts.ids(session)
    if selection is None:
        return every
    wanted = set(selection.contacts)
    wanted.update(_people_at(session, selection.companies))
    return [i for i in every if i in wanted]


def _people_at(session: Session, company_ids: Iterable[str]) -> set[str]:
    con, ids, out = rows.dbapi(session), list(company_ids), set()
    for i in range(0, len(ids), _BATCH):
        part = ids[i:i + _BATCH]
        out.update(r for (r,) in con.execute(
            f"SELECT id FROM contact WHERE company_id IN ({', '.join('?' * len(part))})", part))
    return out


def select(session: Session, tags: Sequence[str] = (), company_names: Sequence[str] = ()
           ) -> Selection:
    """The command line's selection: the contacts with any of these tags (case and width
    folded), at a company whose name contains any of these texts; both given: both must hold.
    Raises NothingSelected when a tag or name finds nobody, saying what there is."""
    firms = _companies_named(session, company_names) if company_names else None
    if not tags:
        return Selection(companies=tuple(firms or ()))
    tagged = _tagged(session, tags)
    if firms is not None:
        at = _people_at(session, firms)
        tagged = [i for i in tagged if i in at]
        if not tagged:
            raise NothingSelected(
                f"No contact at {_quoted(company_names)} has the tag {_quoted(tags)}; "
                "nothing was exported.")
    return Selection(contacts=tuple(tagged))


def _quoted(texts: Sequence[str]) -> str:
    return " or ".join(f'"{t}"' for t in texts)


def _companies_named(session: Session, texts: Sequence[str]) -> list[str]:
    wanted = [normalize.fold(t) for t in texts if normalize.fold(t)]
    found = [cid for cid, name in rows.dbapi(session).execute(
        "SELECT id, name FROM company WHERE NOT deleted AND merged_into IS NULL ORDER BY id")
        if any(w in normalize.fold(name) for w in wanted)]
    if not found:
        raise NothingSelected(f"No company's name contains {_quoted(texts)}; nothing was "
                              "exported. `satchel list companies` shows their names.")
    return found


def _tagged(session: Session, tags: Sequence[str]) -> list[str]:
    wanted = {normalize.fold(t) for t in tags}
    found: dict[str, None] = {}
    for cid, tag in rows.dbapi(session).execute(
            "SELECT c.id, t.value FROM contact c, json_each(c.tags) t WHERE c.tags <> '[]' "
            "AND NOT c.deleted AND c.merged_into IS NULL AND t.type = 'text'"):
        if normalize.fold(tag) in wanted:
            found[cid] = None
    if not found:
        used = sorted(contacts.tags_in_use(session))
        known = ", ".join(used[:20]) if used else "none yet"
        raise NothingSelected(f"No contact has the tag {_quoted(tags)}; nothing was exported. "
                              f"Tags in use: {known}.")
    return list(found)


def _views(store: Store, selection: Selection | None, cancel: Callable[[], bool] | None,
           progress: Callable[[int], None] | None, photos: bool = False
           ) -> Iterator[tuple[ContactView, tuple[bytes, str] | None]]:
    with store.read() as s:
        ids, n = contact_ids(s, selection), 0
        for i in range(0, len(ids), _BATCH):
            for v in contacts.get_many(s, ids[i:i + _BATCH]):
                if cancel is not None and cancel():
                    raise ExportCancelled("Export cancelled: no file was written.")
                photo = contacts.attachment(s, v.id, "photo") if photos and v.has_photo else None
                yield v, photo
                n += 1
                if progress is not None and n % 200 == 0:
                    progress(n)


def export(store: Store, fmt: str, out: str | Path, *, selection: Selection | None = None,
           cancel: Callable[[], bool] | None = None,
           progress: Callable[[int], None] | None = None) -> int:
    """Write the contacts (all, or `selection`) to `out` in `fmt` (a key of FORMATS); returns
    how many records the file holds."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}.")
    out = Path(out)
    tmp = _new_part_file(out)
    try:
        if fmt in ("vcf", "vcf4"):
            n = _vcards(store, selection, tmp, 4 if fmt == "vcf4" else 3, cancel, progress)
        elif fmt in ("csv", "outlook"):
            n = _csv(store, selection, tmp, cancel, progress,
                     *((_google_headers(), google_row) if fmt == "csv"
                       else (OUTLOOK_HEADERS, outlook_row)))
        else:
            n = _xlsx(store, selection, tmp, cancel, progress)
        os.replace(tmp, out)
        return n
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _new_part_file(out: Path) -> str:
    """An empty file beside `out` to write into, readable as a file the rep saves anywhere
    else is (the umask's mode; mkstemp's 0600 hid the export from the rep's other accounts, a
    shared folder, a file server), or as the file it replaces was."""
    while True:
        tmp = out.parent / f".{out.name}.{secrets.token_hex(4)}.part"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        with contextlib.suppress(OSError):
            os.chmod(tmp, stat.S_IMODE(out.stat().st_mode))
        return str(tmp)


# -- vCard ---------------------------------------------------------------------------------
def _esc(text: str) -> str:
    return (text.replace("\\", "\\\\").replace("\r\n", "\n").replace("\n", "\\n")
            .replace(";", "\\;").replace(",", "\\,"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next with a leading space (never inside
    a UTF-8 character)."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line + "\r\n"
    out, cur, size = [], [], 0
    limit = 75
    for ch in line:
        b = len(ch.encode("utf-8"))
        if size + b > limit:
            out.append("".join(cur))
            cur, size, limit = [], 0, 74
        cur.append(ch)
        size += b
    out.append("".join(cur))
    return "\r\n ".join(out) + "\r\n"


def _prop(lines: list[str], version: int, name: str, value: str, params: str = "") -> None:
    # Outlook reads a 3.0 card's non-ASCII text in the system code page unless told
    cs = ";CHARSET=UTF-8" if version == 3 and not value.isascii() else ""
    lines.append(f"{name}{params}{cs}:{value}")


def vcard(v: ContactView, version: int = 3, photo: tuple[bytes, str] | None = None) -> str:
    lines = ["BEGIN:VCARD", f"VERSION:{version}.0"]

    def prop(name: str, value: str, params: str = "") -> None:
        _prop(lines, version, name, value, params)

    prop("FN", _esc(v.name or v.company_name or (v.emails[0].address if v.emails else "")))
    # a name never split goes whole into N's family part: Apple's and iOS's Contacts show a
    # card by its N and call one with an empty N "No Name"; Outlook does the same on export
    whole = not (v.family_name or v.given_name)
    prop("N", f"{_esc(v.name if whole else v.family_name)};{_esc(v.given_name)};;;")
    if v.company_name or v.department:
        org = [_esc(v.company_name)] + ([_esc(v.department)] if v.department else [])
        prop("ORG", ";".join(org))
    if v.title:
        prop("TITLE", _esc(v.title))
    for e in v.emails:
        t = f";TYPE=INTERNET,{e.kind.upper()}" if version == 3 else f";TYPE={e.kind}"
        prop("EMAIL", e.address, t)
    for p in v.phones:
        t = _V3_TEL.get(p.kind, "VOICE") if version == 3 else _V4_TEL.get(p.kind, "voice")
        prop("TEL", p.number, f';TYPE={t}' if version == 3 else f';TYPE="{t}"')
    if v.address:
        prop("ADR", f";;{_esc(v.address)};;;;", ";TYPE=WORK" if version == 3 else ";TYPE=work")
    for url in v.websites:
        prop("URL", url)
    if v.note:
        prop("NOTE", _esc(v.note))
    if v.tags:
        prop("CATEGORIES", ",".join(_esc(t) for t in v.tags))
    if v.birthday and has_year(v.birthday):
        prop("BDAY", v.birthday.isoformat())
    elif v.birthday:  # no year: 4.0 says so; 3.0 has Apple's way, which Apple reads back
        if version == 3:
            prop("BDAY", v.birthday.isoformat(), f";X-APPLE-OMIT-YEAR={NO_YEAR}")
        else:
            prop("BDAY", f"--{v.birthday:%m%d}")
    if photo:
        data, mime = photo
        b64 = base64.b64encode(data).decode("ascii")
        if version == 3:
            lines.append(f"PHOTO;ENCODING=b;TYPE={mime.split('/')[-1].upper()}:{b64}")
        else:
            lines.append(f"PHOTO:data:{mime};base64,{b64}")
    lines.append(f"UID:urn:uuid:{v.id}")
    lines.append("END:VCARD")
    return "".join(_fold(x) for x in lines)


def company_vcard(c: CompanyView, version: int = 3) -> str:
    """A company nobody works at yet (an HQ account list): a company card, which Apple, iOS
    and vCard 4.0 readers (and Satchel's importer) show as a company, not a person."""
    lines = ["BEGIN:VCARD", f"VERSION:{version}.0"]
    if version == 4:
        lines.append("KIND:org")
    _prop(lines, version, "FN", _esc(c.name))
    _prop(lines, version, "N", ";;;;")
    _prop(lines, version, "ORG", _esc(c.name))
    if c.phone:
        _prop(lines, version, "TEL", c.phone, ";TYPE=WORK,VOICE" if version == 3 else ";TYPE=work")
    if c.address:
        _prop(lines, version, "ADR", f";;{_esc(c.address)};;;;",
              ";TYPE=WORK" if version == 3 else ";TYPE=work")
    if c.website:
        _prop(lines, version, "URL", c.website)
    if c.note:
        _prop(lines, version, "NOTE", _esc(c.note))
    if c.tags:
        _prop(lines, version, "CATEGORIES", ",".join(_esc(t) for t in c.tags))
    if version == 3:
        lines.append("X-ABShowAs:COMPANY")
    lines.append(f"UID:urn:uuid:{c.id}")
    lines.append("END:VCARD")
    return "".join(_fold(x) for x in lines)


def _lone_companies(store: Store, selection: Selection | None,
                    cancel: Callable[[], bool] | None) -> Iterator[CompanyView]:
    """The companies nobody works at (of the selected ones, where there is a selection)."""
    with store.read() as s:
        ids = [r[0] for r in rows.dbapi(s).execute(
            "SELECT c.id FROM company c WHERE NOT c.deleted AND c.merged_into IS NULL AND NOT "
            "EXISTS (SELECT 1 FROM contact p WHERE p.company_id = c.id AND NOT p.deleted) "
            "ORDER BY c.name_key, c.id")]
        if selection is not None:
            chosen = set(selection.companies)
            ids = [cid for cid in ids if cid in chosen]
        for cid in ids:
            if cancel is not None and cancel():
                raise ExportCancelled("Export cancelled: no file was written.")
            c = companies.get(s, cid)
            if c is not None:
                yield c


def _vcards(store, selection, tmp, version, cancel, progress) -> int:
    n = 0
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        for v, photo in _views(store, selection, cancel, progress, photos=True):
            f.write(vcard(v, version, photo))
            n += 1
        for c in _lone_companies(store, selection, cancel):
            f.write(company_vcard(c, version))
            n += 1
    return n


# -- Google CSV ----------------------------------------------------------------------------
def _google_headers() -> list[str]:
    h = ["Name", "Given Name", "Additional Name", "Family Name", "Birthday", "Notes",
         "Group Membership"]
    for i in range(1, 4):
        h += [f"E-mail {i} - Type", f"E-mail {i} - Value"]
    for i in range(1, 6):
        h += [f"Phone {i} - Type", f"Phone {i} - Value"]
    h += ["Address 1 - Type", "Address 1 - Formatted", "Organization 1 - Type",
          "Organization 1 - Name", "Organization 1 - Title", "Organization 1 - Department",
          "Website 1 - Type", "Website 1 - Value"]
    return h


def _by_kind(items, kinds: dict[str, str], attr: str) -> list[str]:
    cells: list[str] = []
    for kind, label in kinds.items():
        values = [getattr(x, attr) for x in items if x.kind == kind]
        cells += [label if values else "", SEP.join(values)]
    return cells


def google_row(v: ContactView) -> list[str]:
    return ([v.name, v.given_name, "", v.family_name,
             birthday_iso(v.birthday) if v.birthday else "", v.note,
             SEP.join(["* myContacts", *v.tags])]
            + _by_kind(v.emails, _GOOGLE_EMAIL, "address")
            + _by_kind(v.phones, _GOOGLE_PHONE, "number")
            + ["Work" if v.address else "", v.address, "", v.company_name, v.title,
               v.department, "Work" if v.websites else "", SEP.join(v.websites)])


# -- Outlook CSV -----------------------------------------------------------------------------
# the columns of Outlook's own CSV export (Google's "Outlook CSV" too), by those names: its
# Import/Export wizard maps them without the rep placing each field by hand, as it must for
# Google CSV's
OUTLOOK_HEADERS = ["First Name", "Middle Name", "Last Name", "Company", "Department",
                   "Job Title", "Business Street", "Business Phone", "Business Phone 2",
                   "Mobile Phone", "Home Phone", "Home Phone 2", "Other Phone", "Business Fax",
                   "E-mail Address", "E-mail 2 Address", "E-mail 3 Address", "Web Page",
                   "Personal Web Page", "Birthday", "Categories", "Notes"]
_OUTLOOK_PHONES = {"work": ("Business Phone", "Business Phone 2"), "mobile": ("Mobile Phone",),
                   "home": ("Home Phone", "Home Phone 2"), "fax": ("Business Fax",),
                   "other": ("Other Phone",)}
_OUTLOOK_EMAILS = ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")


def outlook_row(v: ContactView) -> list[str]:
    """Outlook has a column or two per kind of number and three for e-mail addresses: what does
    not fit goes to Other Phone, or beside the last address (" / ", "; "): shown, not lost;
    Satchel reads such cells back as several. Outlook composes a contact's name from its parts:
    a name they do not make (王小明 stored whole, "Maria Garcia-Lopez de la Fuente") is written
    whole in First Name."""
    cells = dict.fromkeys(OUTLOOK_HEADERS, "")
    parts = ContactDraft(given_name=v.given_name, family_name=v.family_name).display_name()
    if parts and parts == v.name:
        cells.update({"First Name": v.given_name, "Last Name": v.family_name})
    else:
        cells["First Name"] = v.name
    cells.update({"Company": v.company_name, "Department": v.department, "Job Title": v.title,
                  "Business Street": v.address, "Web Page": v.websites[0] if v.websites else "",
                  "Personal Web Page": SEP.join(v.websites[1:]),
                  "Birthday": birthday_iso(v.birthday) if v.birthday else "",
                  "Categories": ";".join(v.tags), "Notes": v.note})
    for p in v.phones:
        slots = (*_OUTLOOK_PHONES.get(p.kind, ()), "Other Phone")
        free = next((s for s in slots if not cells[s]), None)
        cells[free or "Other Phone"] = " / ".join(
            x for x in (cells[free or "Other Phone"], p.number) if x)
    for i, e in enumerate(v.emails):
        slot = _OUTLOOK_EMAILS[min(i, 2)]
        cells[slot] = "; ".join(x for x in (cells[slot], e.address) if x)
    return list(cells.values())


def _csv(store, selection, tmp, cancel, progress, headers: list[str],
         row: Callable[[ContactView], list[str]]) -> int:
    n = 0
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f:  # BOM: Excel then reads UTF-8
        w = csv.writer(f)
        w.writerow(headers)
        for v, _ in _views(store, selection, cancel, progress):
            w.writerow(row(v))
            n += 1
    return n


# -- Excel ---------------------------------------------------------------------------------
def xlsx_row(v: ContactView) -> list:
    def kind(items, k, attr):
        return SEP.join(getattr(x, attr) for x in items if x.kind == k)

    return [v.id, v.name, v.given_name, v.family_name, v.company_name, v.title, v.department,
            kind(v.emails, "work", "address"), kind(v.emails, "home", "address"),
            kind(v.emails, "other", "address"), kind(v.phones, "work", "number"),
            kind(v.phones, "mobile", "number"), kind(v.phones, "home", "number"),
            kind(v.phones, "fax", "number"), kind(v.phones, "other", "number"), v.address,
            SEP.join(v.websites), birthday_iso(v.birthday) if v.birthday else "", v.note,
            SEP.join(v.tags)]


# the columns' widths in characters, as a rep reads the sheet: the id narrow (it is there to
# come back), names, companies, e-mails and addresses wide enough to read
_XLSX_WIDTHS = dict(zip(XLSX_HEADERS, [12, 22, 14, 14, 30, 20, 16, 30, 26, 26, 18, 18, 18, 18,
                                        18, 40, 28, 12, 40, 20], strict=True))


def _xlsx(store, selection, tmp, cancel, progress) -> int:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Contacts")
    for i, width in enumerate(_XLSX_WIDTHS.values(), 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "B2"  # the header row and the id stay in view
    ws.append([_bold(WriteOnlyCell(ws, value=h)) for h in XLSX_HEADERS])
    n = 0
    for v, _ in _views(store, selection, cancel, progress):
        # text cells: a phone like 0571... must not become a number
        ws.append([_text(ws, x) for x in xlsx_row(v)])
        n += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(XLSX_HEADERS))}{n + 1}"
    wb.save(tmp)
    return n


def _bold(cell):
    from openpyxl.styles import Font

    cell.font = Font(bold=True)
    return cell


def _text(ws, value: str):
    """Every cell is text (a phone like 0571… must not become a number); a value starting
    with "=" must stay text, not become a formula."""
    if value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        return cell
    return value
