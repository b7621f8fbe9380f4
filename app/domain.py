"""Plain data that flows *into* the store from every entrance: quick-add, importers, business
cards, pasted signatures. No database, no Qt: parsers produce drafts, `app.capture` saves them.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from dataclasses import dataclass, field, fields

PHONE_KINDS = ("mobile", "work", "home", "fax", "other")
EMAIL_KINDS = ("work", "home", "other")
ACTIVITY_KINDS = ("note", "call", "meeting", "task")
STAGES = ("lead", "qualified", "proposal", "negotiation", "won", "lost")
# A birthday whose year is not known (Apple, Android and Google let a user leave it out) is kept
# as a date in this year: Apple's own convention, which vCard 3.0 readers get back with
# X-APPLE-OMIT-YEAR; a leap year, so 29 February fits
NO_YEAR = 1604
# Chinese, Japanese and Korean script (kana, ideographs, hangul): a name in it is written
# family name first, unspaced
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
# a name of Chinese characters alone (and the dot of 爱新觉罗·溥仪), with any spaces in it
_HAN_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·•\s]+")


def _unpadded(name: str) -> str:
    """A name of Chinese characters without the spaces documents pad them with, so that "王　五"
    lines up under "欧阳娜娜": it is 王五 (one name, found as one). (A Japanese name of kanji
    alone, 山田 太郎, is unspaced too: also a way it is written.)"""
    if name.isascii() or " " not in name and "\u3000" not in name:  # (nearly every name)
        return name
    return "".join(name.split()) if _HAN_NAME.fullmatch(name) else name


def has_year(day: dt.date) -> bool:
    return day.year != NO_YEAR


def birthday_iso(day: dt.date) -> str:
    """ISO 8601 with "--" for a year not known (`--04-15`), as Google's CSV writes it."""
    return day.isoformat() if has_year(day) else f"--{day:%m-%d}"


class Pickled:
    """A dataclass pickled as its class and field values, loaded by one call of its __init__:
    an import's reading process sends 10,000 drafts and their companies' features to the
    import, and the default (a state set attribute by attribute) took ~70 % longer to load."""

    __slots__ = ()

    def __reduce__(self):
        return type(self), _field_values(type(self))(self)


@functools.cache
def _field_values(cls: type) -> operator.attrgetter:
    """The class's field values as a tuple, read in C (every class here has two fields or more:
    attrgetter returns one value bare)."""
    return operator.attrgetter(*(f.name for f in fields(cls)))


@dataclass
class Phone(Pickled):
    number: str  # as entered
    kind: str = "work"


@dataclass
class Email(Pickled):
    address: str  # as entered
    kind: str = "work"


@dataclass
class CompanyDraft(Pickled):
    name: str
    address: str = ""
    phone: str = ""
    website: str = ""
    note: str = ""
    tags: list[str] = field(default_factory=list)


@dataclass
class ContactDraft(Pickled):
    """A person as some source describes them. Empty string = unknown."""

    name: str = ""
    family_name: str = ""
    given_name: str = ""
    title: str = ""
    department: str = ""
    company: str = ""  # company name as written; matched to a Company on save
    emails: list[Email] = field(default_factory=list)
    phones: list[Phone] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    address: str = ""  # on save: becomes the company's address if it has none, else the contact's
    note: str = ""
    birthday: dt.date | None = None
    tags: list[str] = field(default_factory=list)
    photo: bytes | None = None
    photo_mime: str = ""
    # what a reader could not take as what its column or property said (a number Excel
    # shortened, an e-mail value without an address, a birthday it cannot read, a second
    # address): kept in the note, and named in the import's report so the rep sees it
    set_aside: list[str] = field(default_factory=list)

    def keep_in_note(self, lines: list[str]) -> None:
        """Set these values aside: at the end of the note, and in `set_aside`."""
        lines = [x for x in lines if x]
        self.note = "\n".join(x for x in (self.note, *lines) if x)
        self.set_aside.extend(lines)

    def display_name(self) -> str:
        if self.name.strip():
            return _unpadded(self.name.strip())
        given, family = self.given_name.strip(), self.family_name.strip()
        if CJK.search(family + given):  # 王 + 小明 → 王小明: family first, no space
            return family + given
        return " ".join(p for p in (given, family) if p)
