"""Look and feel in one place: font (covers Chinese), palette, style sheet, icons."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
ACCENT = "#2563eb"
MUTED = "#6b7280"

# Noto Sans CJK covers Latin and CJK with one consistent design; the others are fallbacks.
FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans", "Source Han Sans SC", "Microsoft YaHei UI",
                 "PingFang SC", "Segoe UI", "DejaVu Sans"]

STYLE_SHEET = f"""
QListWidget#sidebar {{
    background: #f3f4f6; border: none; border-right: 1px solid #e5e7eb;
    padding: 10px 6px; outline: 0;
}}
QListWidget#sidebar::item {{ padding: 7px 10px; border-radius: 6px; color: #1f2937; }}
QListWidget#sidebar::item:selected {{ background: #dbe5fb; color: #1e3a8a; }}
QListWidget#sidebar::item:hover:!selected {{ background: #e8eaee; }}
QLabel#viewTitle {{ font-size: 17pt; font-weight: 600; color: #111827; }}
QLabel#sectionTitle {{ font-size: 11pt; font-weight: 600; color: #374151; }}
QLabel#muted, QLabel#emptyState {{ color: {MUTED}; }}
QLabel#emptyState {{ font-size: 11pt; padding: 24px; }}
QTableView {{ border: 1px solid #e5e7eb; gridline-color: transparent;
              selection-background-color: #dbe5fb; selection-color: #111827;
              alternate-background-color: #f9fafb; }}
QTableView::item {{ padding: 0 6px; }}
QHeaderView::section {{ background: #f9fafb; border: none; border-bottom: 1px solid #e5e7eb;
                        padding: 5px 8px; color: #4b5563; font-weight: 600; }}
QTextBrowser#detail {{ border: none; background: white; }}
QToolButton#bigAction {{ border: 1px solid #d1d5db; border-radius: 10px; background: white;
                         padding: 18px 12px; font-size: 11pt; color: #111827; }}
QToolButton#bigAction:hover, QToolButton#bigAction:focus {{ border-color: {ACCENT};
                                                            background: #f5f8ff; }}
QLineEdit#searchField {{ font-size: 13pt; padding: 8px 10px; border: 1px solid #c7d2fe;
                         border-radius: 8px; }}
QListWidget#searchResults {{ border: none; outline: 0; }}
QListWidget#searchResults::item {{ padding: 4px 8px; border-radius: 5px; }}
QListWidget#searchResults::item:selected {{ background: #dbe5fb; color: #111827; }}
QFrame#searchPopup {{ background: white; border: 1px solid #c7cbd3; border-radius: 10px; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: none; border-radius: 5px;
                       padding: 5px 14px; }}
QPushButton#primary:hover {{ background: #1d4ed8; }}
QPushButton#primary:disabled {{ background: #93c5fd; }}
QToolButton#detailAction, QToolButton#dangerAction {{
    border: 1px solid #d1d5db; border-radius: 5px; background: white; padding: 4px 10px;
    color: #1f2937; }}
QToolButton#detailAction:hover, QToolButton#detailAction:focus {{ background: #f3f4f6;
                                                                  border-color: #9ca3af; }}
QToolButton#dangerAction {{ color: #b91c1c; }}
QToolButton#detailAction::menu-indicator {{ subcontrol-position: right center; right: 6px; }}
QToolButton#detailAction[popupMode="2"] {{ padding-right: 22px; }}
QToolButton#dangerAction:hover, QToolButton#dangerAction:focus {{ background: #fef2f2;
                                                                  border-color: #fca5a5; }}
QLabel#hint {{ color: #065f46; background: #ecfdf5; border: 1px solid #a7f3d0;
               border-radius: 5px; padding: 5px 8px; }}
QLabel#error {{ color: #991b1b; }}
QListWidget#dedupQueue::item {{ padding: 4px 6px; border-bottom: 1px solid #e5e7eb; }}
QListWidget#dedupQueue::item:selected {{ background: #dbe5fb; color: #111827;
                                        border-radius: 4px; }}
QToolButton#syncNow {{ color: {ACCENT}; }}
QToolButton#syncNow:hover {{ color: #1d4ed8; text-decoration: underline; }}
"""


def app_font() -> QFont:
    available = set(QFontDatabase.families())
    families = [f for f in FONT_FAMILIES if f in available] or ["Sans Serif"]
    font = QFont(families[0], 10)
    font.setFamilies(families)
    return font


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setFont(app_font())
    pal = app.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f9fafb"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#dbe5fb"))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#111827"))
    pal.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    pal.setColor(QPalette.ColorRole.Button, QColor("#f3f4f6"))
    app.setPalette(pal)
    app.setStyleSheet(STYLE_SHEET)
    app.setWindowIcon(icon("satchel"))


@cache
def icon(name: str) -> QIcon:
    path = RESOURCES / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def mark_primary(button: QWidget) -> None:
    """Style a button as the main action (blue); re-polish so the style sheet applies now."""
    button.setObjectName("primary")
    button.style().unpolish(button)
    button.style().polish(button)
