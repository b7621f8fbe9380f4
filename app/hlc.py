"""Hybrid logical clock (HLC): stamps that are totally ordered across replicas.

A stamp is (wall_ms, counter, node). Encoded as a fixed-width string so that comparing two
encoded stamps as strings gives the same order as comparing them as tuples: the store and the
wire only ever carry the string form.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

log = logging.getLogger(__name__)

# A remote stamp further ahead of our wall clock than this is clamped (a laptop whose clock is a
# year ahead must not drag every replica with it).
MAX_DRIFT_MS = 24 * 3600 * 1000


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        return f"{self.wall_ms:015d}.{self.counter:05d}.{self.node}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        wall, counter, node = text.split(".", 2)
        return cls(int(wall), int(counter), node)

    def __str__(self) -> str:
        return self.encode()


ZERO = Stamp(0, 0, "")


def physical_ms() -> int:
    return time.time_ns() // 1_000_000


class Clock:
    """One replica's clock. Thread-safe; `now()` never returns the same stamp twice."""

    def __init__(self, node: str, last: Stamp = ZERO, wall=physical_ms) -> None:
        self.node = node
        self._last = last
        self._wall = wall
        self._lock = threading.Lock()

    @property
    def last(self) -> Stamp:
        return self._last

    def now(self) -> Stamp:
        with self._lock:
            wall = self._wall()
            if wall > self._last.wall_ms:
                stamp = Stamp(wall, 0, self.node)
            else:
                stamp = Stamp(self._last.wall_ms, self._last.counter + 1, self.node)
            self._last = stamp
            return stamp

    def observe(self, remote: Stamp) -> Stamp:
        """Advance past a stamp seen from another replica (clamped if absurdly far ahead)."""
        with self._lock:
            wall = self._wall()
            if remote.wall_ms > wall + MAX_DRIFT_MS:
                log.warning("clock stamp %s is far in the future; clamped", remote.encode())
                remote = Stamp(wall + MAX_DRIFT_MS, 0, remote.node)
            if remote > self._last:
                self._last = Stamp(remote.wall_ms, remote.counter, self.node)
            return self._last
