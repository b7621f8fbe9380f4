"""Contacts dropped or pasted as text rather than as files: a card dragged out of a mail client
(vCard data), rows copied from a spreadsheet (tab-separated, as Excel, WPS and Google Sheets
put them on the clipboard), or the addresses of a mail's To: line ("王小明 <wxm@hq.cn>; Ann
<ann@x.org>"). Each becomes an address-book file the import reads like any other, so it gets
the same preview, mapping step, report and idempotency."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from app.io import emails

_VCARD = re.compile(r"^\s*BEGIN\s*:\s*VCARD\s*$", re.I | re.M)
# what separates the addresses of a To: line: ; , or a line break (a comma inside a quoted
# display name, "Lee, Ann" <ann@x.org>, is not)
_MAILBOXES = re.compile(r'(?:"[^"]*"|[^;,\n"])+')
_DISPLAY_NAME = re.compile(r'^\s*"?(.*?)"?\s*<[^>]*>\s*$')


def as_file(text: str, folder: Path, name: str) -> Path | None:
    """The text as an address book `name`.vcf / .tsv / .csv in `folder`, None when it holds no
    contacts."""
    if _VCARD.search(text):
        return _write(folder / f"{name}.vcf", text)
    lines = [x for x in text.splitlines() if x.strip()]
    if lines and any("\t" in x for x in lines):
        return _write(folder / f"{name}.tsv", "\n".join(lines) + "\n")
    people = mailboxes(text)
    if people:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["Name", "E-mail"])
        writer.writerows(people)
        return _write(folder / f"{name}.csv", out.getvalue())
    return None


def mailboxes(text: str) -> list[tuple[str, str]]:
    """(display name, address) of each address in a To: line or a list of addresses, none
    when any part of it is not an address (then it is no such list)."""
    found = []
    for part in _MAILBOXES.findall(text):
        if not part.strip():
            continue
        addresses, _ = emails.addresses(part)
        if len(addresses) != 1:
            return []
        named = _DISPLAY_NAME.match(part)
        found.append((_first_last(named.group(1).strip()) if named else "", addresses[0]))
    return found


def _first_last(name: str) -> str:
    """Outlook's "Lee, Ann" is Ann Lee."""
    last, comma, first = name.partition(",")
    if comma and first.strip() and "," not in first and name.isascii():
        return f"{first.strip()} {last.strip()}"
    return name


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
