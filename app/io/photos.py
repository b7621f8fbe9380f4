"""Photos a card gives by reference instead of inline: `PHOTO;VALUE=uri:file:///…` (Evolution
keeps its photos beside the address book) and `PHOTO:https://…` (Google's export). They become
the contact's picture like an inline one.

Local files are read by the parser. Web photos are fetched by the real import only (never by the
preview), a few at a time while the records are saved, and attached before the one commit; a
photo that cannot be fetched leaves the contact without one, it never fails the import.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urlparse

MAX_BYTES = 5_000_000  # a contact photo; anything bigger is not one
_MAGIC = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"),
          (b"GIF8", "image/gif"), (b"RIFF", "image/webp"), (b"BM", "image/bmp"))


def image_mime(data: bytes) -> str:
    """The image type of these bytes, or "" when they are not an image we can show."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            if mime == "image/webp" and data[8:12] != b"WEBP":
                return ""
            return mime
    return ""


def is_web(uri: str) -> bool:
    return uri.lower().startswith(("http://", "https://"))


def read_local(uri: str) -> tuple[bytes, str] | None:
    """A `file:` URI (or plain path) to an image on this machine."""
    u = urlparse(uri)
    path = Path(unquote(u.path)) if u.scheme == "file" else Path(uri)
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
        data = path.read_bytes()
    except (OSError, ValueError):
        return None
    mime = image_mime(data)
    return (data, mime) if mime else None


class WebPhotos:
    """Fetches web photos in the background while the import saves records. After three
    failed connections in a row it stops trying (offline, or the host is gone): an import of
    5,000 Google cards must not wait 5,000 timeouts."""

    def __init__(self, workers: int = 4, timeout: float = 5.0) -> None:
        import httpx

        self._client = httpx.Client(timeout=timeout, follow_redirects=True)
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="satchel-photo")
        self._lock = threading.Lock()
        self._failures = 0
        self.pending: list[tuple[int, str, Future]] = []  # (report index, contact id, future)

    def submit(self, index: int, contact_id: str, url: str) -> None:
        self.pending.append((index, contact_id, self._pool.submit(self._get, url)))

    def _get(self, url: str) -> tuple[bytes, str] | None:
        import httpx

        with self._lock:
            if self._failures >= 3:
                return None
        try:
            with self._client.stream("GET", url) as r:
                if r.status_code != 200:
                    return None
                data = b""
                for chunk in r.iter_bytes():
                    data += chunk
                    if len(data) > MAX_BYTES:
                        return None
        except (httpx.HTTPError, OSError, ValueError):
            with self._lock:
                self._failures += 1
            return None
        with self._lock:
            self._failures = 0
        mime = image_mime(data)
        return (data, mime) if mime else None

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._client.close()
