"""Business cards in the desktop app: batch review of scanned cards (Save / Skip / Back) with
OCR running ahead in worker processes. Entry point: `open_scan_dialog(parent, store, paths)`."""

from ui.cards.dialog import ScanDialog, open_scan_dialog
from ui.cards.review import ReviewWidget, save_card

__all__ = ["ReviewWidget", "ScanDialog", "open_scan_dialog", "save_card"]
