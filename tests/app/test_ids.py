"""Record ids: UUIDv7 strings as uuid6 made them (version, variant, text form), in the order they
were made, a millisecond apart at least, from any thread."""

import threading
import time
import uuid

from app import ids


def _ms(record_id: str) -> int:
    return uuid.UUID(record_id).int >> 80


def test_version_7_rfc_variant_canonical_text():
    for _ in range(2000):
        rid = ids.new_id()
        u = uuid.UUID(rid)
        assert u.version == 7
        assert u.variant == uuid.RFC_4122
        assert str(u) == rid  # lower-case hex, 8-4-4-4-12


def test_timestamp_is_unix_milliseconds_now(monkeypatch):
    before = time.time_ns() // 1_000_000
    # a fresh process's state (other tests' ids may have run ahead of the clock)
    monkeypatch.setattr(ids, "_last_ms", 0)
    rid = ids.new_id()
    after = time.time_ns() // 1_000_000
    assert before <= _ms(rid) <= after


def test_monotonic_and_sortable():
    made = [ids.new_id() for _ in range(5000)]  # many in the same clock millisecond
    stamps = [_ms(r) for r in made]
    assert all(b >= a + 1 for a, b in zip(stamps, stamps[1:], strict=False))
    assert sorted(made) == made
    assert len(set(made)) == len(made)


def test_clock_behind_the_last_id_takes_the_next_millisecond(monkeypatch):
    ahead = time.time_ns() // 1_000_000 + 60_000  # as after a clock step back of a minute
    monkeypatch.setattr(ids, "_last_ms", ahead)
    assert _ms(ids.new_id()) == ahead + 1
    assert _ms(ids.new_id()) == ahead + 2


def test_random_bits_differ():
    # 74 random bits: two ids never share them (the timestamps differ anyway)
    tails = {ids.new_id()[15:] for _ in range(2000)}
    assert len(tails) == 2000


def test_threads_get_distinct_milliseconds():
    out: list[list[str]] = [[] for _ in range(4)]

    def make(i: int) -> None:
        out[i].extend(ids.new_id() for _ in range(2000))

    threads = [threading.Thread(target=make, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps = [_ms(r) for chunk in out for r in chunk]
    assert len(set(stamps)) == len(stamps)  # one id per millisecond, as uuid6's rule gives
    for chunk in out:
        assert sorted(chunk) == chunk


def _random_bits(record_id: str) -> int:
    return uuid.UUID(record_id).int & ((1 << 80) - 1)


def _child_ids(out) -> None:
    out.send([ids.new_id() for _ in range(50)])
    out.close()


def test_a_forked_child_does_not_reuse_its_parents_random_bytes():
    import multiprocessing as mp

    ids.new_id()  # the parent holds random bytes for its next ids
    ctx = mp.get_context("fork")
    pipe, out = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child_ids, args=(out,))
    child.start()
    out.close()
    theirs = pipe.recv()
    child.join()
    ours = [ids.new_id() for _ in range(50)]
    assert not {_random_bits(r) for r in ours} & {_random_bits(r) for r in theirs}
