"""Turn file bytes into text: BOMs, UTF-16 without BOM, UTF-8, then the legacy code pages a
rep's mail client writes (GBK/GB18030, Big5, Shift_JIS, EUC-KR, cp1252, cp1251 …), each scored on
how plausible its text looks.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from functools import lru_cache

from charset_normalizer import from_bytes

from app.io.errors import FileUnreadable, Message

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# the legacy encodings address books really come in, in order of preference on a tie; a closed
# list keeps guesses sane (EUC-KR last: GBK text is valid EUC-KR and would read as Hangul)
LEGACY = ["gb18030", "big5", "shift_jis", "cp1252", "iso8859_2", "iso8859_15", "cp1251",
          "euc_kr"]
_CJK = {"gb18030", "big5", "shift_jis", "euc_kr"}
MAX_LINE = 1_000_000  # a "line" longer than this is not an address book
_SAMPLE = 64_000
_OK_PUNCT = set("\u00a0\u00a3\u00a7\u00a9\u00ab\u00ae\u00b0\u00b7\u00bb\u00d7\u20ac\u201a"
                "\u201e\u2026\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2122")


def _decodes(data: bytes, enc: str) -> str | None:
    """The text if `data` is valid in `enc`; a multi-byte character cut at the end is fine."""
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:
            return data[:exc.start].decode(enc)
        return None
    except LookupError:
        return None


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
    if _decodes(data, "utf-8") is not None:
        return "utf-8"
    return guess_legacy(data)


@lru_cache(maxsize=20_000)
def _common_han(ch: str) -> bool:
    """A CJK ideograph people write every day: in GB2312, Big5 level 1 or JIS level 1. Bytes
    read in the wrong CJK code page mostly land on rare characters, symbols or kana instead."""
    for enc, lo, hi in (("gb2312", 0xB0, 0xF7), ("big5", 0xA4, 0xC6), ("shift_jis", 0x88, 0x98)):
        try:
            b = ch.encode(enc)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and lo <= b[0] <= hi:
            return True
    return False


def _bad_share(text: str, enc: str) -> float:
    """How much of the non-ASCII text looks wrong when read as `enc` (0 = all plausible)."""
    bad = total = run = 0
    prev = " "
    for i, ch in enumerate(text):
        o = ord(ch)
        if o < 128:
            run, prev = 0, ch
            continue
        total += 1
        if enc in _CJK:
            if 0x4E00 <= o <= 0x9FFF:
                good = _common_han(ch)
                nxt = text[i + 1] if i + 1 < len(text) else " "
                if prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha():
                    good = False  # "Gr弟ter": an ideograph inside a Latin word
            elif 0x3040 <= o <= 0x30FF:
                good = enc == "shift_jis"  # kana
            elif 0xAC00 <= o <= 0xD7A3:
                good = enc == "euc_kr"  # Hangul
            else:
                good = 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or ch in _OK_PUNCT
        elif ch.isalpha():
            cyr = 0x400 <= o <= 0x4FF
            good = o < 0x250 or cyr
            if cyr and prev.isascii() and prev.isalpha():
                good = False  # "Mьller": Cyrillic inside a Latin word
            run = run + 1 if not cyr else 0
            if run > 2:
                good = False  # "ÕÅÎ": CJK bytes read as Latin letters
        else:
            good = ch in _OK_PUNCT
            run = 0
        bad += not good
        prev = ch
    return bad / total if total else 0.0


def _korean(sample: bytes) -> bool:
    """EUC-KR Hangul is also valid GBK, where it reads as common hanzi ('김민준' → '辫刮霖'), so
    the scores below cannot tell them apart. Read as EUC-KR, Korean text is Hangul only, while
    Chinese text turns into Hangul mixed with Hanja: text that is all Hangul, and enough of it
    that Chinese could not be so by chance (its every character from the first half of GB2312),
    is Korean."""
    text = _decodes(sample, "euc_kr")
    if text is None:
        return False
    hangul = 0
    for ch in text:
        o = ord(ch)
        if 0xAC00 <= o <= 0xD7A3:
            hangul += 1
        elif o >= 128 and not (0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or ch in _OK_PUNCT):
            return False
    return hangul >= 10


def guess_legacy(data: bytes) -> str:
    """The legacy code page that reads these (non-UTF-8) bytes most plausibly. Statistical
    detectors guess wrong on the short files address books often are (a GBK header line read
    as EUC-KR, "Müller" as cp1251), so each candidate is scored on what its text looks like."""
    sample = data[:_SAMPLE]
    if _korean(sample):
        return "euc_kr"
    scored = []
    for rank, enc in enumerate(LEGACY):
        text = _decodes(sample, enc)
        if text is not None:
            scored.append((_bad_share(text, enc), rank, enc))
    if scored:
        return min(scored)[2]
    best = from_bytes(sample, cp_isolation=LEGACY).best()
    return best.encoding if best is not None else "cp1252"


_BLOCK = 1 << 20  # the bytes of a file looked at together


def lines(data: bytes) -> Iterator[bytes]:
    """`data.splitlines()` a block at a time, each cut after a line feed: all the lines of a
    200 MB book of photos at once took twice its size again."""
    pos = 0
    while pos < len(data):
        end = data.find(b"\n", pos + _BLOCK)
        end = len(data) if end < 0 else end + 1
        yield from data[pos:end].splitlines()
        pos = end


def is_utf8(data: bytes) -> bool:
    """Checked a block at a time: the whole file decoded at once was a copy of it, up to four
    times its size."""
    check = codecs.getincrementaldecoder("utf-8")()
    try:
        for i in range(0, len(data), _BLOCK):
            check.decode(data[i:i + _BLOCK])
        check.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def check_text(data: bytes, path: str) -> None:
    """Refuse files that are plainly not text: empty, binary, images, absurd lines."""
    if not data or data.isspace():  # (strip() would copy a 200 MB book of photos)
        raise FileUnreadable(Message("{file} is empty: there is nothing to import.", file=path))
    head = data[:8192]
    for magic, what in ((b"\x89PNG", Message("a PNG image")),
                        (b"\xff\xd8\xff", Message("a JPEG image")),
                        (b"GIF8", Message("a GIF image")), (b"%PDF", Message("a PDF document")),
                        (b"\x7fELF", Message("a program")), (b"MZ", Message("a program")),
                        (b"SQLite format", Message("a database"))):
        if head.startswith(magic):
            raise FileUnreadable(Message(
                "{file} is {what}, not an address book. Choose a vCard (.vcf), CSV, LDIF or "
                "Excel (.xlsx, .xls) file.", file=path, what=what))
    enc = sniff_encoding(head) if not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-16"
    if "16" not in enc and "32" not in enc:
        controls = sum(1 for b in head if b < 9 or 13 < b < 32)
        if controls > len(head) // 100 + 1:
            raise FileUnreadable(Message(
                "{file} is a binary file, not an address book. Choose a vCard (.vcf), CSV, "
                "LDIF or Excel (.xlsx, .xls) file.", file=path))
    longest = max((len(line) for line in lines(data)), default=0)
    if longest > MAX_LINE:
        raise FileUnreadable(Message(
            "{file} has a line of {longest:,} characters: that is not an address book. Check "
            "that you chose the right file.", file=path, longest=longest))


def decode(data: bytes, path: str) -> str:
    enc = sniff_encoding(data)
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        text = data.decode(enc, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise FileUnreadable(Message("{file} is a binary file, not an address book.", file=path))
    return text
