"""Turn file bytes into text: BOMs, UTF-16 without BOM, UTF-8, then the legacy code pages a
rep's mail client writes (GBK/GB18030, Big5, Shift_JIS, cp1252), guessed by charset-normalizer.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from app.io.errors import FileUnreadable

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# the legacy encodings address books really come in; a closed list keeps guesses sane
LEGACY = ["gb18030", "big5", "shift_jis", "cp1252", "iso8859_2", "cp1251", "euc_kr"]
MAX_LINE = 1_000_000  # a "line" longer than this is not an address book


def sniff_encoding(data: bytes) -> str:
    """The codec name for these bytes (as a whole)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:4096]
    if len(head) >= 4:
        # ASCII text in UTF-16 has a NUL in every other byte
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) // 4 and even == 0:
            return "utf-16-le"
        if even > len(head) // 4 and odd == 0:
            return "utf-16-be"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    return guess_legacy(data)


def guess_legacy(data: bytes) -> str:
    best = from_bytes(data[:200_000], cp_isolation=LEGACY).best()
    if best is not None:
        return best.encoding
    for name in LEGACY:  # nothing convincing: the first that decodes at all
        try:
            data.decode(name)
            return name
        except UnicodeDecodeError:
            continue
    return "cp1252"


def check_text(data: bytes, path: str) -> None:
    """Refuse files that are plainly not text: empty, binary, images, absurd lines."""
    if not data.strip():
        raise FileUnreadable(f"{path} is empty: there is nothing to import.")
    head = data[:8192]
    for magic, what in ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                        (b"GIF8", "a GIF image"), (b"%PDF", "a PDF document"),
                        (b"\x7fELF", "a program"), (b"MZ", "a program"),
                        (b"SQLite format", "a database")):
        if head.startswith(magic):
            raise FileUnreadable(f"{path} is {what}, not an address book. Choose a vCard (.vcf), "
                                 "CSV, LDIF or Excel (.xlsx) file.")
    enc = sniff_encoding(head) if not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-16"
    if "16" not in enc and "32" not in enc:
        controls = sum(1 for b in head if b < 9 or 13 < b < 32)
        if controls > len(head) // 100 + 1:
            raise FileUnreadable(f"{path} is a binary file, not an address book. Choose a vCard "
                                 "(.vcf), CSV, LDIF or Excel (.xlsx) file.")
    longest = max((len(line) for line in data.splitlines()), default=0)
    if longest > MAX_LINE:
        raise FileUnreadable(f"{path} has a line of {longest:,} characters: that is not an "
                             "address book. Check that you chose the right file.")


def decode(data: bytes, path: str) -> str:
    enc = sniff_encoding(data)
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        text = data.decode(enc, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise FileUnreadable(f"{path} is a binary file, not an address book.")
    return text
