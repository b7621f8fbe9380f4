"""Public result types of the business-card pipeline (no Qt, no database).

`CardResult.fields` keys: name, family_name, given_name, title, department, company, emails,
phones, websites, address, note. Each key maps to a list of candidates (best first).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from app.domain import ContactDraft, Email, Phone

FIELD_KEYS = ("name", "family_name", "given_name", "title", "department", "company", "emails",
              "phones", "websites", "address", "note")
# fields holding several values (all candidates are kept); the others use the best one
MULTI_KEYS = ("emails", "phones", "websites")


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels of the upright card image (`CardResult.image_png`)."""

    x: int
    y: int
    w: int
    h: int

    def to_json(self) -> list[int]:
        return [self.x, self.y, self.w, self.h]

    @classmethod
    def around(cls, boxes: list[Box]) -> Box:
        """The smallest box holding all of these (a line's words, a field's words)."""
        x0, y0 = min(b.x for b in boxes), min(b.y for b in boxes)
        return cls(x0, y0, max(b.x + b.w for b in boxes) - x0, max(b.y + b.h for b in boxes) - y0)


@dataclass
class FieldValue:
    value: str
    confidence: float  # 0..1 = OCR confidence x parse certainty
    boxes: list[Box] = field(default_factory=list)
    kind: str = ""  # phones: mobile/work/fax/other; emails: work/home/other


@dataclass
class CardResult:
    file: str
    index: int  # card number within the file (a flatbed page may hold several cards)
    image_png: bytes  # the cut-out, upright, cleaned colour card image
    fields: dict[str, list[FieldValue]] = field(default_factory=dict)
    text: str = ""  # the raw OCR text, lines joined by newlines
    rotation: int = 0  # degrees the card was turned (clockwise) to make it upright
    seconds: float = 0.0  # time spent on this card

    def best(self, key: str) -> FieldValue | None:
        values = self.fields.get(key) or []
        return max(values, key=lambda v: v.confidence) if values else None

    def value(self, key: str) -> str:
        best = self.best(key)
        return best.value if best else ""

    def confidence(self, key: str) -> float:
        best = self.best(key)
        return best.confidence if best else 0.0

    def with_fields(self, fields: dict[str, list[FieldValue]]) -> CardResult:
        return replace(self, fields=fields)

    def to_draft(self) -> ContactDraft:
        """The card's values (possibly edited by the rep in `fields`) as a ContactDraft."""
        return draft_from_fields(self.fields)

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "fields": {
                "name": self.value("name"),
                "title": self.value("title"),
                "company": self.value("company"),
                "department": self.value("department"),
                "emails": [v.value for v in self.fields.get("emails", [])],
                "phones": [{"number": v.value, "type": v.kind or "work"}
                           for v in self.fields.get("phones", [])],
                "websites": [v.value for v in self.fields.get("websites", [])],
                "address": self.value("address"),
            },
            "confidence": {k: round(_field_confidence(self.fields.get(k, [])), 3)
                           for k in FIELD_KEYS if self.fields.get(k)},
        }


def _field_confidence(values: list[FieldValue]) -> float:
    if not values:
        return 0.0
    return min(v.confidence for v in values) if len(values) > 1 else values[0].confidence


def draft_from_fields(fields: dict[str, list[FieldValue]]) -> ContactDraft:
    def one(key: str) -> str:
        values = fields.get(key) or []
        return max(values, key=lambda v: v.confidence).value.strip() if values else ""

    return ContactDraft(
        name=one("name"),
        family_name=one("family_name"),
        given_name=one("given_name"),
        title=one("title"),
        department=one("department"),
        company=one("company"),
        emails=[Email(v.value.strip(), v.kind or "work") for v in fields.get("emails", [])
                if v.value.strip()],
        phones=[Phone(v.value.strip(), v.kind or "work") for v in fields.get("phones", [])
                if v.value.strip()],
        websites=[v.value.strip() for v in fields.get("websites", []) if v.value.strip()],
        address=one("address"),
        note="\n".join(v.value for v in fields.get("note", []) if v.value.strip()),
    )


@dataclass
class CardError:
    file: str
    error: str  # what happened and what to do

    def to_json(self) -> dict:
        return {"file": self.file, "error": self.error}
