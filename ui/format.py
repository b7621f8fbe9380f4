"""How values read on screen (dates, money, stages, kinds), translatable."""

from __future__ import annotations

import datetime as dt
import html
import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.domain import has_year


def tr(text: str) -> str:
    return QCoreApplication.translate("Format", text)


def stage_names() -> dict[str, str]:
    return {"lead": tr("Lead"), "qualified": tr("Qualified"), "proposal": tr("Proposal"),
            "negotiation": tr("Negotiation"), "won": tr("Won"), "lost": tr("Lost")}


def kind_names() -> dict[str, str]:
    return {"note": tr("Note"), "call": tr("Call"), "meeting": tr("Meeting"), "task": tr("Task")}


def phone_kind_names() -> dict[str, str]:
    return {"mobile": tr("mobile"), "work": tr("work"), "home": tr("home"), "fax": tr("fax"),
            "other": tr("other")}


def stage_text(stage: str) -> str:
    return stage_names().get(stage, stage)


def kind_text(kind: str) -> str:
    return kind_names().get(kind, kind)


def date_text(day: dt.date | None, today: dt.date | None = None) -> str:
    if day is None:
        return ""
    today = today or dt.date.today()
    if day == today:
        return tr("Today")
    if day == today - dt.timedelta(days=1):
        return tr("Yesterday")
    if day == today + dt.timedelta(days=1):
        return tr("Tomorrow")
    return day.isoformat()


def birthday_text(day: dt.date | None) -> str:
    """A birthday as the rep reads it: the ISO date, or the day and month in the user's
    language when the year is not known."""
    if day is None:
        return ""
    if has_year(day):
        return day.isoformat()
    return QLocale().toString(QDate(day.year, day.month, day.day), _day_and_month())


def wire_birthday_text(value: str) -> str:
    """A stored birthday ("1604-04-15", as records and sync changes hold it) as the rep reads
    it; a value that is no date as it is."""
    try:
        return birthday_text(dt.date.fromisoformat(value))
    except (TypeError, ValueError):
        return str(value)


def _day_and_month() -> str:
    """The locale's long date without its year and weekday: "MMMM d" (en_US), "d. MMMM" (de),
    "M月d日" (zh_CN)."""
    fmt = QLocale().dateFormat(QLocale.FormatType.LongFormat)
    fmt = _SEPARATORS.sub("", _YEAR_AND_WEEKDAY.sub("", fmt))
    return fmt if "M" in fmt and "d" in fmt else "d MMMM"


# the year with the words that go with it: "yyyy年", Spanish "'de' yyyy", Russian "yyyy 'г'."
# (and the weekday with what is stuck to it: "dddd,", Arabic "dddd،", Thai "ddddที่")
_YEAR_AND_WEEKDAY = re.compile(r"d{4}[^\sdMy]*|(?:'[^']*'\s*)?y+[年년]?(?:\s*'[^']*'\.?)?")
_SEPARATORS = re.compile(r"^[\s,.]+|[\s,]+$")  # left at the ends once those are gone


def amount_text(amount: float | None, currency: str = "") -> str:
    if amount is None:
        return ""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{text} {currency}".strip()


def esc(text: str | None) -> str:
    return html.escape(text or "")
