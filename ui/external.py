"""Entrances built in other modules (import, business cards, dedup, sync), opened lazily so the
main window works in a build without them and starts fast."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("External", text)


def feature(module: str, name: str) -> Callable[..., Any] | None:
    """`module.name`, or None when that part of Satchel is not in this build."""
    try:
        return getattr(importlib.import_module(module), name)
    except ImportError as exc:
        log.info("%s.%s not available: %s", module, name, exc)
        return None
    except AttributeError:
        log.info("%s has no %s", module, name)
        return None
    except Exception:  # a broken module must not take the main window down with it
        log.exception("%s could not be loaded", module)
        return None


def call(parent: QWidget, module: str, name: str, title: str, *args: Any) -> Any:
    func = feature(module, name)
    if func is None:
        QMessageBox.information(parent, title, tr(
            "{0} is not available in this build of Satchel. Update Satchel to use it.").format(
            title))
        return None
    try:
        return func(parent, *args)
    except Exception as exc:  # a bug in that dialog: say so, keep the app running
        log.exception("%s.%s failed", module, name)
        QMessageBox.warning(parent, title, tr(
            "{0} stopped because of an unexpected error ({1}). Your data was not changed by "
            "it; please report this.").format(title, exc))
        return None
