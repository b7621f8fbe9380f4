"""Front and back of one card merged into one contact.

Typical case: an English front and a Chinese back (or a card with the logo/address on the back).
Multi-valued fields (e-mails, phones, websites) are united; for the others the more confident
value wins and the other side's differing value is kept as a lower candidate and in the note.
"""

from __future__ import annotations

import re

from ocr.types import FIELD_KEYS, MULTI_KEYS, CardResult, FieldValue


def _key(key: str, value: str) -> str:
    if key == "phones":
        return re.sub(r"\D", "", value)[-9:]
    return re.sub(r"\W", "", value.lower())


def merge(front: CardResult, back: CardResult) -> CardResult:
    fields: dict[str, list[FieldValue]] = {}
    notes: list[FieldValue] = list(front.fields.get("note", [])) + list(back.fields.get("note", []))
    for key in FIELD_KEYS:
        if key == "note":
            continue
        a, b = list(front.fields.get(key, [])), list(back.fields.get(key, []))
        if key in MULTI_KEYS:
            seen, out = set(), []
            for v in a + b:
                k = _key(key, v.value)
                if k and k not in seen:
                    seen.add(k)
                    out.append(v)
            if out:
                fields[key] = out
            continue
        both = sorted(a + b, key=lambda v: -v.confidence)
        if not both:
            continue
        seen, out = set(), []
        for v in both:
            k = _key(key, v.value)
            if k not in seen:
                seen.add(k)
                out.append(v)
        fields[key] = out
    # family/given follow the chosen name's side
    name = fields.get("name", [None])[0]
    if name is not None:
        side = back if name in back.fields.get("name", []) else front
        for k in ("family_name", "given_name"):
            if side.fields.get(k):
                fields[k] = list(side.fields[k])
    if notes:
        seen_notes, uniq = set(), []
        for n in notes:
            if n.value not in seen_notes:
                seen_notes.add(n.value)
                uniq.append(n)
        fields["note"] = uniq
    # the front image is kept with the contact; the back's text is appended for reference
    return CardResult(file=front.file, index=front.index, image_png=front.image_png,
                      fields=fields, text=front.text + "\n--- back ---\n" + back.text,
                      rotation=front.rotation, seconds=front.seconds + back.seconds)
