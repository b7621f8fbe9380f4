"""Starting the desktop app: QApplication, style, translations, the store, the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app.store import Store, StoreError, default_user_db
from ui.main_window import MainWindow
from ui.style import RESOURCES, apply_style

I18N = RESOURCES / "i18n"
log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Satchel")
    app.setOrganizationName("Satchel")
    app.setApplicationDisplayName("Satchel")
    apply_style(app)
    install_translations(app)
    return app


def install_translations(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Satchel's own translation (resources/i18n/satchel_<locale>.qm) and Qt's, if present."""
    locale = locale or QLocale()
    installed = []
    for name, folder in (("satchel", str(I18N)),
                         ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    app.setProperty("satchel_translators", installed)  # keep them alive
    return installed


def install_excepthook() -> None:
    """An unexpected error in a slot: log the traceback, tell the user in one sentence, keep
    running (every write is one transaction, so a failed action changed nothing)."""
    previous = sys.excepthook

    def hook(kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, value, tb)
            return
        log.error("unexpected error", exc_info=(kind, value, tb))
        QMessageBox.warning(QApplication.activeWindow(), "Satchel", QApplication.translate(
            "App", "Something went wrong: {0}\n\nThe action was not completed and nothing was "
            "half-saved. If it happens again, please report it.").format(
            str(value).splitlines()[0] if str(value) else kind.__name__))

    sys.excepthook = hook


def make_main_window(store: Store) -> MainWindow:
    return MainWindow(store)


def run_gui(db_path: str | None = None) -> int:
    app = make_application()
    path = Path(db_path) if db_path else default_user_db()
    try:
        store = Store.open(path)
    except StoreError as exc:
        QMessageBox.critical(None, "Satchel", QApplication.translate(
            "App", "Satchel could not open its database.\n\n{0}").format(exc))
        return 1
    except OSError as exc:
        QMessageBox.critical(None, "Satchel", QApplication.translate(
            "App", "Satchel could not open {0}: {1}.\n\nCheck that the folder exists and that "
            "you may write to it, or start Satchel with --db pointing at another file.").format(
            path, exc.strerror or exc))
        return 1
    install_excepthook()
    window = make_main_window(store)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
