"""Record identifiers: client-made UUIDv7 strings, so records are created offline and sort by time.

Made here rather than with `str(uuid6.uuid7())`: an import makes several ids per record, and
building a UUID object only to print it cost more than the rest of the id. The ids are the
same: RFC 9562 version 7, RFC variant, 48-bit Unix milliseconds then 74 random bits, and
uuid6's monotonic rule (each id takes the next millisecond when the clock has not moved past
the last one), so ids made in one process sort in the order they were made.
"""

import os
import threading
import time

_lock = threading.Lock()
_last_ms = 0
_VERSION_VARIANT = 0x7000_8000_0000_0000_0000  # version 7 (bits 76-79), variant 0b10 (62-63)
_RANDOM_MASK = 0x0FFF_3FFF_FFFF_FFFF_FFFF  # the 80 low bits less version and variant
# os.urandom's bytes for the next ids, taken 10 at a time: a system call per id was most of
# an id's cost (an import makes ~40,000)
_BATCH = 10 * 256
_random = b""
_used = _BATCH


def _forget_random() -> None:
    """A forked child must not make the ids its parent's bytes are meant for."""
    global _random, _used
    _random, _used = b"", _BATCH


os.register_at_fork(after_in_child=_forget_random)


def new_id() -> str:
    global _last_ms, _random, _used
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms + 1
        _last_ms = ms
        if _used >= _BATCH:
            _random, _used = os.urandom(_BATCH), 0
        bits = int.from_bytes(_random[_used:_used + 10], "big")
        _used += 10
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | bits & _RANDOM_MASK | _VERSION_VARIANT
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
