"""What can go wrong with an input file, in words a rep understands."""

from __future__ import annotations

from dataclasses import dataclass


class FileUnreadable(Exception):
    """The file as a whole cannot be imported (not an address book, unreadable, unmapped)."""


class UnmappedColumns(FileUnreadable):
    """A CSV/Excel file whose headers we cannot place; the caller may map them and retry."""

    def __init__(self, path: str, headers: list[str], unknown: list[str]) -> None:
        self.path = path
        self.headers = headers
        self.unknown = unknown
        super().__init__(
            f"{path}: these columns are not recognized: {', '.join(unknown)}. Map them with "
            '--map "Header=field" (field: name, given_name, family_name, company, title, '
            "department, email, phone, mobile, fax, address, website, note, birthday, tags; "
            '"Header=" ignores a column).')


@dataclass(frozen=True)
class RecordError:
    """One record that could not be read; the rest of the file still imports."""

    reason: str
