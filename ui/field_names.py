"""A record field's name in the user's language: the duplicates review, the merge dialog and the
sync conflicts all name the same fields, so they name them once here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("FieldNames", text)


def field_label(field: str, entity: str = "") -> str:
    """'family_name' → 'Family name'; an opportunity's title is its name, a contact's the job."""
    if (entity, field) == ("opportunity", "title"):
        return tr("Opportunity name")
    labels = {
        "name": tr("Name"), "family_name": tr("Family name"), "given_name": tr("Given name"),
        "title": tr("Title"), "department": tr("Department"), "company_id": tr("Company"),
        "contact_id": tr("Contact"), "opportunity_id": tr("Opportunity"),
        "address": tr("Address"), "note": tr("Note"), "birthday": tr("Birthday"),
        "emails": tr("E-mails"), "phones": tr("Phones"), "phone": tr("Phone"),
        "websites": tr("Websites"), "website": tr("Website"), "tags": tr("Tags"),
        "deleted": tr("Deleted"), "merged_into": tr("Merged into"), "amount": tr("Amount"),
        "currency": tr("Currency"), "stage": tr("Stage"), "close_date": tr("Close date"),
        "subject": tr("Subject"), "body": tr("Text"), "done": tr("Done"), "kind": tr("Kind"),
        "date": tr("Date"), "due_date": tr("Due date"),
    }
    return labels.get(field, field.replace("_", " "))
