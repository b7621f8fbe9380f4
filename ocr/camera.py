"""Card photos from a camera (OpenCV capture), when one is present. No Qt: the UI shows the live
preview with its own widgets by polling a LiveFeed, which reads frames in a thread of its own;
`grab()` is the one-shot still for scripts.

A frame source is any callable returning a BGR frame (or None when the camera had none to
give); VideoCaptureSource is the real one, and a test without a camera may pass its own."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np

FrameSource = Callable[[], "np.ndarray | None"]
PREVIEW_WIDTH = 960  # frames are shrunk in the reader thread: the UI only paints a small image
MAX_FPS = 30  # a source that never blocks (a test's) is not read faster than a camera
FIRST_FRAME_WAIT = 6.0  # s: a camera takes a moment to deliver its first picture
LOST_AFTER = 3.0  # s without a picture once it was streaming: unplugged, or taken by another app


class NoCamera(Exception):
    """No camera, or it gave no picture; the message says what to do."""


class CameraBusy(NoCamera):
    """The camera opened but never sent a picture (most often: another program has it)."""


class CameraLost(NoCamera):
    """The camera was streaming and stopped (unplugged, or another program took it)."""


def _quiet_open(index: int):
    """cv2.VideoCapture(index) without OpenCV's warnings on stderr when there is none."""
    import cv2

    log = cv2.utils.logging
    level = log.getLogLevel()
    log.setLogLevel(log.LOG_LEVEL_ERROR)
    try:
        return cv2.VideoCapture(index)
    finally:
        log.setLogLevel(level)


class VideoCaptureSource:
    """The default frame source: camera `index` through OpenCV. Opening may take a second or
    two on some systems, so the UI does it off its thread (LiveFeed does)."""

    def __init__(self, index: int = 0, width: int = 1920, height: int = 1080) -> None:
        import cv2

        self._cap = _quiet_open(index)
        if not self._cap.isOpened():
            self._cap.release()
            raise NoCamera("No camera found. Connect one, or scan the cards and open the "
                           "image files (satchel scan, or File > Scan business cards).")
        self._cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)  # the camera picks its nearest size
        self._cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)

    def __call__(self) -> np.ndarray | None:
        ok, frame = self._cap.read()
        return frame if ok and frame is not None and frame.size else None

    def close(self) -> None:
        self._cap.release()


def grab(index: int = 0, warmup: int = 5) -> np.ndarray:
    """One BGR frame from camera `index` (after a few frames so exposure settles)."""
    source = VideoCaptureSource(index)
    try:
        frame = None
        for _ in range(max(1, warmup)):
            img = source()
            if img is not None:
                frame = img
        if frame is None:
            raise NoCamera("The camera gave no picture; close other programs using it and "
                           "try again.")
        return frame
    finally:
        source.close()


@dataclass(frozen=True)
class Frame:
    seq: int  # 1, 2, ...: a new number for every new picture
    image: np.ndarray  # BGR, full size (what a capture keeps)
    preview: np.ndarray  # BGR, at most PREVIEW_WIDTH wide, contiguous


def preview_of(image: np.ndarray, width: int = PREVIEW_WIDTH) -> np.ndarray:
    import cv2

    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    elif image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    h, w = image.shape[:2]
    if w > width:
        image = cv2.resize(image, (width, max(1, round(h * width / w))),
                           interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(image)


class LiveFeed:
    """A camera opened and read in a daemon thread; the UI polls `poll()` on a timer and never
    waits for the device. States: "opening" → "live" → "failed" (`error` says why) or
    "stopped". `open_source` is called in the thread (VideoCaptureSource by default)."""

    def __init__(self, open_source: Callable[[], FrameSource] | None = None,
                 first_frame_wait: float = FIRST_FRAME_WAIT,
                 lost_after: float = LOST_AFTER) -> None:
        self._open = open_source or VideoCaptureSource
        self.first_frame_wait = first_frame_wait
        self.lost_after = lost_after
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._frame: Frame | None = None
        self._opened_at: float | None = None
        self._last_at: float | None = None
        self.state = "opening"
        self.error: NoCamera | None = None

    def start(self) -> LiveFeed:
        self._thread = threading.Thread(target=self._run, name="satchel-camera", daemon=True)
        self._thread.start()
        return self

    def _fail(self, error: NoCamera) -> None:
        with self._lock:
            if self.state not in ("failed", "stopped"):
                self.state, self.error = "failed", error
        self._stop.set()

    def _run(self) -> None:
        try:
            source = self._open()
        except NoCamera as exc:
            self._fail(exc)
            return
        except Exception as exc:  # noqa: BLE001 - a driver's error is "no camera" to the rep
            self._fail(NoCamera(f"The camera could not be opened ({exc})."))
            return
        with self._lock:
            self._opened_at = time.monotonic()
        seq = 0
        try:
            while not self._stop.is_set():
                started = time.monotonic()
                try:
                    image = source()
                except Exception as exc:  # noqa: BLE001 - unplugged mid-read, driver error
                    self._fail(CameraLost(f"The camera stopped ({exc})."))
                    break
                if image is not None and getattr(image, "size", 0):
                    seq += 1
                    frame = Frame(seq, image, preview_of(image))
                    with self._lock:
                        self._frame, self._last_at = frame, time.monotonic()
                        if self.state == "opening":
                            self.state = "live"
                    rest = 1 / MAX_FPS - (time.monotonic() - started)
                else:
                    rest = 0.03  # no picture this time: do not spin on a failing device
                if rest > 0:
                    self._stop.wait(rest)
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                with contextlib.suppress(Exception):  # releasing a device that is gone
                    close()

    def poll(self) -> Frame | None:
        """The newest picture (None before the first); checks that pictures still come, so
        a camera unplugged or taken away ends as "failed" even while its read() hangs."""
        now = time.monotonic()
        with self._lock:
            frame, opened, last, state = (self._frame, self._opened_at, self._last_at,
                                          self.state)
        if state in ("opening", "live") and opened is not None:
            if last is None and now - opened > self.first_frame_wait:
                self._fail(CameraBusy("The camera gives no picture. Another program may be "
                                      "using it: close that program and try again."))
            elif last is not None and now - last > self.lost_after:
                self._fail(CameraLost("The camera stopped sending pictures: it was unplugged, "
                                      "or another program is using it."))
        return frame

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, wait: float = 1.0) -> None:
        """Stop reading; the thread releases the device (at once, or when a hung read ends)."""
        with self._lock:
            if self.state in ("opening", "live"):
                self.state = "stopped"
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(wait)


def save_photo(image: np.ndarray, folder: str | Path, quality: int = 95) -> Path:
    """Write a captured frame as `card-YYYYMMDD-HHMMSS[-n].jpg` in `folder` (made if needed)."""
    import cv2

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = datetime.now().strftime("card-%Y%m%d-%H%M%S")
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise OSError(f"the picture could not be encoded as JPEG ({image.shape})")
    for n in range(1, 1000):
        path = folder / (f"{stem}.jpg" if n == 1 else f"{stem}-{n}.jpg")
        try:
            with path.open("xb") as f:  # never over an earlier capture of the same second
                f.write(data.tobytes())
            return path
        except FileExistsError:
            continue
    raise OSError(f"too many card photos named {stem}* in {folder}")
