"""Translated field names and small text helpers shared by the review queue and merge dialog."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("Dedup", text)


def kind_label(kind: str) -> str:
    return tr("Company") if kind == "company" else tr("Contact")


def counts_text(counts: dict[str, int]) -> str:
    """'3 contacts · 1 opportunity' (empty parts left out; '' when nothing is attached)."""
    # whole phrases, not number + noun: other languages put the number elsewhere
    names = {
        "contact": (tr("1 contact"), tr("{0} contacts")),
        "opportunity": (tr("1 opportunity"), tr("{0} opportunities")),
        "activity": (tr("1 activity"), tr("{0} activities")),
    }
    parts = [names[e][0] if n == 1 else names[e][1].format(n)
             for e, n in counts.items() if n and e in names]
    return " · ".join(parts)


def listing(items: Iterable[str]) -> str:
    """'a, b, c' with the list separator of the language (Chinese: 、)."""
    return tr(", ").join(items)


# why a pair was suggested: app.dedup says it in English; the words are translated here
# (the values — a domain, a phone, a city — stay as they are)
_REASONS = [(re.compile(pattern), text) for pattern, text in (
    (r"same name", lambda: tr("same name")),
    (r"same name, other word order", lambda: tr("same name, other word order")),
    (r"same name at the same company", lambda: tr("same name at the same company")),
    (r"abbreviation", lambda: tr("abbreviation")),
    (r"short name (.+)", lambda: tr("short name {0}")),
    (r"name (\d+)% similar", lambda: tr("name {0}% similar")),
    (r"transliterated name (\d+)% similar", lambda: tr("transliterated name {0}% similar")),
    (r"same domain (.+)", lambda: tr("same domain {0}")),
    (r"different web domains", lambda: tr("different web domains")),
    (r"same phone (.+)", lambda: tr("same phone {0}")),
    (r"same e-mail (.+)", lambda: tr("same e-mail {0}")),
    (r"same address", lambda: tr("same address")),
    (r"same postcode", lambda: tr("same postcode")),
    (r"different address", lambda: tr("different address")),
    (r"different address \((.+)\)", lambda: tr("different address ({0})")),
)]


def reason_text(reason: str) -> str:
    """One reason from app.dedup in the user's language; an unknown one as it is."""
    for pattern, text in _REASONS:
        found = pattern.fullmatch(reason)
        if found:
            return text().format(*found.groups())
    return reason


def score_text(score: float) -> str:
    pct = score * 100 if score <= 1 else score
    return f"{pct:.0f}%"


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
