"""Business cards in the desktop app: batch review of scanned cards (Save / Skip / Back) with
OCR running ahead in worker processes. Entry points: `open_scan_dialog(parent, store, paths)`,
and `open_camera_dialog(parent, store)` for cards photographed with the computer's camera."""

from ui.cards.camera import CameraDialog, open_camera_dialog
from ui.cards.dialog import ScanDialog, open_scan_dialog
from ui.cards.review import ReviewWidget, save_card

__all__ = ["CameraDialog", "ReviewWidget", "ScanDialog", "open_camera_dialog", "open_scan_dialog",
           "save_card"]
