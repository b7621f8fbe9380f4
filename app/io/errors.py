"""What can go wrong with an input file, in words a rep understands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class Message(str):
    """A sentence for the rep: the English text as a str (the command line, --json), and the
    template and values it was made of, so the desktop app shows it translated
    (`ui.importing.messages.translated`; resources/i18n/update_translations.py collects every
    `Message("…")` template into the translation). A value may itself be a Message."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Message:
        self = super().__new__(cls, template.format(**values))
        self.template, self.values = template, values
        return self

    def __reduce__(self):  # pickled whole across the import's reading process
        return _message, (self.template, self.values)


def _message(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)


class FileUnreadable(Exception):
    """The file as a whole cannot be imported (not an address book, unreadable, unmapped):
    one message per problem (an import of several files says what is wrong with each)."""

    def __init__(self, *messages: str) -> None:
        super().__init__(*messages)
        self.messages = list(messages)

    def __str__(self) -> str:
        return "\n".join(self.messages)


class UnmappedColumns(FileUnreadable):
    """A CSV/Excel file whose headers we cannot place; the caller may map them and retry."""

    def __init__(self, path: str, headers: list[str], unknown: list[str],
                 alike: dict[str, str] | None = None,
                 by_value: dict[str, str] | None = None, lettered: bool = False) -> None:
        self.path = path
        self.headers = headers
        self.unknown = unknown
        self.alike = alike = alike or {}  # {header: field} of columns that claim the same field
        # {column: field} that the values of the unknown columns suggest, for the rep to confirm
        self.by_value = by_value = by_value or {}
        # a sheet without a header row: its columns named by letter ("Column A")
        self.lettered = lettered
        maps = " ".join(f'--map "{h}={by_value[h]}"' for h in headers if h in by_value)
        if lettered:
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
            '"Header=" ignores a column)'
            + (f"; from the values, these may fit: {maps}" if maps else "") + ".")


# why a contact row or entry is skipped (a card says more: it may hold a company alone)
NOTHING_TO_IMPORT = Message("no name, e-mail or phone")


@dataclass(frozen=True)
class RecordError:
    """One record that could not be read; the rest of the file still imports."""

    reason: str
    label: str = ""  # what the record is called, where the reader knows it (a group's name)
