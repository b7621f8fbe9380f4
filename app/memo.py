"""Bounded caches as plain dicts: what another process worked out can be poured in (an
import's reading process, app.io.ahead), which functools.lru_cache does not allow."""

from __future__ import annotations

from typing import Any


class Memo(dict):
    """A dict that empties itself when full (simpler than LRU, and the hot entries return
    within a few calls)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def keep(self, key: Any, value: Any) -> Any:
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value
