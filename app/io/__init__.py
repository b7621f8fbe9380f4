"""Address-book import and export: vCard, CSV (Google, Outlook, Apple, Thunderbird, any other
through a column mapping), LDIF and Excel in; vCard, Google CSV and Excel out.

Parsers need no store: they stream `(record_no, ContactDraft | CompanyDraft | RecordError)`.
`app.io.apply` saves them through `app.capture`, the one save path.
"""

from __future__ import annotations

from pathlib import Path

# the files an import reads, by their ending (the file dialog's filter, a folder's books)
ADDRESS_BOOK_SUFFIXES = (".vcf", ".vcard", ".csv", ".tsv", ".ldif", ".ldi", ".xlsx", ".xls")


def address_books(folder: Path) -> list[Path]:
    """The address books in a folder, by name (a phone or Outlook saves one vCard file per
    contact); not its subfolders. A folder that cannot be read has none."""
    try:
        return sorted((f for f in folder.iterdir()
                       if f.is_file() and f.suffix.lower() in ADDRESS_BOOK_SUFFIXES),
                      key=lambda f: f.name.casefold())
    except OSError:  # (no permission, gone meanwhile, a network share away)
        return []
