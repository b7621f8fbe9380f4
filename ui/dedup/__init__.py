"""Find duplicates in the desktop app: the review queue (pairs side by side with the reason,
Merge… / Not the same / Skip, Undo) and the merge dialog. Entry point:
`open_review_dialog(parent, store)`."""

from ui.dedup.merge_dialog import MergeDialog
from ui.dedup.review import ReviewDialog, open_review_dialog

__all__ = ["MergeDialog", "ReviewDialog", "open_review_dialog"]
