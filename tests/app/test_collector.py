"""app.collector: Python's cycle collector stays off while a bulk operation runs, however they
nest or end, and is as it was afterwards."""

import gc
import threading

import pytest

from app import collector


@pytest.fixture(autouse=True)
def _collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_off_inside_and_back_on_after_even_on_an_error():
    with pytest.raises(RuntimeError), collector.paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()


def test_nested_and_overlapping_callers_keep_it_off_until_the_last_leaves():
    inside, leave = threading.Event(), threading.Event()

    def other():
        with collector.paused():
            inside.set()
            leave.wait(5)

    t = threading.Thread(target=other)
    with collector.paused():
        t.start()
        assert inside.wait(5)
        with collector.paused():
            assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's import still runs
    leave.set()
    t.join(5)
    assert gc.isenabled()


def test_left_off_when_it_was_off_before():
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()


def test_what_was_made_inside_leaves_the_young_generation():
    """Else the first young pass after an import walks all it made."""
    with collector.paused():
        made = [[i] for i in range(100_000)]
        assert len(gc.get_objects(generation=0)) > 100_000
    assert len(gc.get_objects(generation=0)) < 1000
    assert any(x is made for x in gc.get_objects(generation=2))


def test_resumed_inside_for_a_while_and_nothing_outside():
    """An import held open for the rep's answer: the app goes on, its garbage is collected."""
    with collector.paused():
        with collector.resumed():
            assert gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with collector.resumed():  # (not inside `paused`: as it was)
        assert gc.isenabled()
    assert gc.isenabled()
