"""A still from a camera (OpenCV capture), when one is present. No Qt: the UI shows the preview
with its own widgets and calls grab() for the picture to scan."""

from __future__ import annotations

import numpy as np


class NoCamera(Exception):
    """No camera, or it gave no picture; the message says what to do."""


def grab(index: int = 0, warmup: int = 5) -> np.ndarray:
    """One BGR frame from camera `index` (after a few frames so exposure settles)."""
    import cv2

    cap = cv2.VideoCapture(index)
    try:
        if not cap.isOpened():
            raise NoCamera("No camera was found; connect one, or scan a photo of the card "
                           "instead (File > Scan business cards).")
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, 1920)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, 1080)
        frame = None
        for _ in range(max(1, warmup)):
            ok, img = cap.read()
            if ok:
                frame = img
        if frame is None:
            raise NoCamera("The camera gave no picture; close other programs using it and "
                           "try again.")
        return frame
    finally:
        cap.release()
