"""map_halves: both cores for pure work over a long list, the same answer as one core."""

import os

import pytest

from app import parallel


def _square_and_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_the_second_half_is_worked_out_in_another_process_in_order():
    got = parallel.map_halves(_square_and_pid, list(range(5000)), min_items=10)
    assert [v for v, _ in got] == [x * x for x in range(5000)]
    pids = {pid for _, pid in got}
    if parallel.forking():
        assert len(pids) == 2 and {pid for _, pid in got[:2500]} == {os.getpid()}
    else:
        assert pids == {os.getpid()}


def test_short_lists_stay_in_this_process():
    got = parallel.map_halves(_square_and_pid, list(range(50)), min_items=100)
    assert {pid for _, pid in got} == {os.getpid()}


def _fails_in_the_child(x: int) -> int:
    if x > 5 and os.getpid() != PARENT:
        raise ValueError("only in the child")
    return x + 1


PARENT = os.getpid()


def test_a_child_that_fails_leaves_its_half_to_the_parent():
    assert parallel.map_halves(_fails_in_the_child, list(range(20)), min_items=10) == \
        list(range(1, 21))


def test_an_error_of_the_work_itself_reaches_the_caller():
    def boom(x: int) -> int:
        raise KeyError(x)

    with pytest.raises(KeyError):
        parallel.map_halves(boom, list(range(20)), min_items=10)
