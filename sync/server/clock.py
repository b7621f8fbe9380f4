"""HQ's hybrid logical clock: observes every incoming stamp, clamps absurd ones."""

from __future__ import annotations

import logging
import secrets
import threading

from app import hlc

log = logging.getLogger(__name__)


class ServerClock:
    """HQ's HLC: observes every incoming stamp; stamps HQ's own changes (merge repairs)."""

    def __init__(self) -> None:
        self.clock = hlc.Clock("hq" + secrets.token_hex(3))
        self._clamps = 0
        self._lock = threading.Lock()

    def admit(self, text: str) -> str:
        """The stamp to store for an incoming one: clamped if absurdly far in the future."""
        stamp = hlc.Stamp.decode(text)
        now = hlc.physical_ms()
        if stamp.wall_ms > now + hlc.MAX_DRIFT_MS:
            # pulled back to HQ's now, so one broken laptop clock cannot drag every replica
            with self._lock:
                self._clamps = (self._clamps + 1) % 100_000
                clamped = hlc.Stamp(now, self._clamps, stamp.node)
            log.warning("change stamped %s is far in the future; clamped to %s", text,
                        clamped.encode())
            stamp = clamped
        self.clock.observe(stamp)
        return stamp.encode()

    def now(self) -> str:
        return self.clock.now().encode()

    def after(self, *stamps: str | None) -> str:
        """A new stamp later than these (HQ's own change must beat the value it replaces,
        whichever process or laptop clock wrote that)."""
        for text in stamps:
            if text:
                self.clock.observe(hlc.Stamp.decode(text))
        return self.now()
