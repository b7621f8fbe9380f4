"""app.io's sentences for the rep (`app.io.errors.Message`: why a file cannot be imported, why
a record is skipped) in the language of the app. resources/i18n/update_translations.py puts
every template into the translation, context "ImportMessage"."""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import QCoreApplication

from app.io.errors import Message


def translated(text: str) -> str:
    """A Message in the app's language, its values too; any other text as it is. A file is
    named by its name alone: the dialog says which files these are, and a pasted card's
    temporary folder means nothing to a rep."""
    if not isinstance(text, Message):
        return text
    values = {k: translated(v) if isinstance(v, str) else v for k, v in text.values.items()}
    if "file" in values:
        values["file"] = PurePath(values["file"]).name
    try:
        return QCoreApplication.translate("ImportMessage", text.template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost its placeholders
        return text.template.format(**values)
