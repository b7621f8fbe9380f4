"""What can go wrong with an input file, in words a rep understands."""

from __future__ import annotations

from dataclasses import dataclass


class FileUnreadable(Exception):
    """The file as a whole cannot be imported (not an address book, unreadable, unmapped)."""


class UnmappedColumns(FileUnreadable):
    """A CSV/Excel file whose headers we cannot place; the caller may map them and retry."""

    def __init__(self, path: str, headers: list[str], unknown: list[str],
                 alike: dict[str, str] | None = None,
                 by_value: dict[str, str] | None = None) -> None:
        self.path = path
        self.headers = headers
        self.unknown = unknown
        self.alike = alike = alike or {}  # {header: field} of columns that claim the same field
        # a sheet without a header row (its columns named by letter): {column: field} its
        # values suggest; None for a sheet with headers
        self.by_value = by_value
        if by_value is not None:
            maps = " ".join(f'--map "{h}={by_value[h]}"' for h in headers if h in by_value)
            left = [h for h in headers if h not in by_value]
            super().__init__(
                f"{path} has no header row: its first row is a contact, so its columns are "
                "named by letter. Say what each holds with --map"
                + (f"; from the values it looks like: {maps}" if maps else "")
                + (f"; not guessed: {', '.join(left)} (give each a field, or "
                   f'"{left[0]}=" to ignore it)' if left else "") + ".")
            return
        by_field: dict[str, list[str]] = {}
        for h, f in alike.items():
            by_field.setdefault(f, []).append(h)
        said = [f"{' and '.join(hs)} all look like the {f.replace('_', ' ')}" if len(hs) > 2
                else f"{' and '.join(hs)} both look like the {f.replace('_', ' ')}"
                for f, hs in by_field.items()]
        rest = [h for h in unknown if h not in alike]
        if rest:
            said.append(f"these columns are not recognized: {', '.join(rest)}")
        super().__init__(
            f"{path}: {'; '.join(said)}. Map them with "
            '--map "Header=field" (field: name, given_name, family_name, company, title, '
            "department, email, phone, mobile, fax, address, website, note, birthday, tags, im "
            "(WeChat, QQ…: kept in the note); "
            '"Header=" ignores a column).')


@dataclass(frozen=True)
class RecordError:
    """One record that could not be read; the rest of the file still imports."""

    reason: str
    label: str = ""  # what the record is called, where the reader knows it (a group's name)
