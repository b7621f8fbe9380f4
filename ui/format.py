"""How values read on screen (dates, money, stages, kinds), translatable."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication


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


def amount_text(amount: float | None, currency: str = "") -> str:
    if amount is None:
        return ""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{text} {currency}".strip()


def esc(text: str | None) -> str:
    return html.escape(text or "")
