"""Translated field names and small text helpers shared by the review queue and merge dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("Dedup", text)


def field_label(field: str) -> str:
    labels = {
        "name": tr("Name"), "family_name": tr("Family name"), "given_name": tr("Given name"),
        "title": tr("Title"), "department": tr("Department"), "company_id": tr("Company"),
        "address": tr("Address"), "note": tr("Note"), "birthday": tr("Birthday"),
        "emails": tr("E-mails"), "phones": tr("Phones"), "phone": tr("Phone"),
        "websites": tr("Websites"), "website": tr("Website"), "tags": tr("Tags"),
    }
    return labels.get(field, field)


def kind_label(kind: str) -> str:
    return tr("Company") if kind == "company" else tr("Contact")


def counts_text(counts: dict[str, int]) -> str:
    """'3 contacts · 1 opportunity' (empty parts left out; '' when nothing is attached)."""
    names = {
        "contact": (tr("contact"), tr("contacts")),
        "opportunity": (tr("opportunity"), tr("opportunities")),
        "activity": (tr("activity"), tr("activities")),
    }
    parts = [f"{n} {names[e][0] if n == 1 else names[e][1]}" for e, n in counts.items() if n]
    return " · ".join(parts)


def score_text(score: float) -> str:
    pct = score * 100 if score <= 1 else score
    return f"{pct:.0f}%"


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
