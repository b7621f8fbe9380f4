"""Camera capture: on a machine without a camera the error is clear (no crash, no hang)."""

import cv2
import pytest

from ocr.camera import NoCamera, grab


def test_no_camera_is_a_clear_error():
    cap = cv2.VideoCapture(7)
    present = cap.isOpened()
    cap.release()
    if present:
        pytest.skip("a camera is attached at index 7")
    with pytest.raises(NoCamera, match="No camera"):
        grab(7)
