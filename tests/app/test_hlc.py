"""Hybrid logical clock: total order, monotonic under a stuck or backwards wall clock, clamping."""

from hypothesis import given
from hypothesis import strategies as st

from app.hlc import MAX_DRIFT_MS, Clock, Stamp


@given(st.lists(st.tuples(st.integers(0, 10**13), st.integers(0, 99999),
                          st.text("abcdef0123456789", min_size=8, max_size=8)), min_size=2))
def test_encoded_stamps_sort_like_stamps(parts):
    stamps = [Stamp(*p) for p in parts]
    assert sorted(stamps) == sorted(stamps, key=Stamp.encode)
    assert all(Stamp.decode(s.encode()) == s for s in stamps)


def test_now_is_strictly_increasing_even_when_wall_clock_goes_back():
    walls = iter([1000, 1000, 999, 500, 2000, 2000])
    clock = Clock("n1", wall=lambda: next(walls))
    stamps = [clock.now() for _ in range(6)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 6
    assert stamps[3] == Stamp(1000, 3, "n1")


def test_observe_moves_past_remote_and_clamps_the_far_future():
    clock = Clock("me", wall=lambda: 10_000)
    clock.observe(Stamp(50_000, 7, "other"))
    assert clock.now() > Stamp(50_000, 7, "other")
    clock.observe(Stamp(10_000 + MAX_DRIFT_MS * 10, 0, "liar"))
    assert clock.last.wall_ms == 10_000 + MAX_DRIFT_MS
