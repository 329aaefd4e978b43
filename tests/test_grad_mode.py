"""Tests for engine/grad_mode.py: no_grad records nothing, and always undoes itself."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from engine import Value, dot, is_recording, no_grad


def test_values_made_inside_no_grad_are_leaves() -> None:
    a, b = Value(2.0), Value(3.0)
    with no_grad():
        c = (a * b).tanh() + dot([a], [b])
    assert c.parents == () and c.local_grads == () and c.op == ""
    c.backward()
    assert a.grad == 0.0  # no path back to a


def test_the_values_are_still_computed() -> None:
    a = Value(2.0)
    with no_grad():
        c = a * 3 + 1
    assert c.data == 7.0


def test_no_grad_nests_and_restores() -> None:
    assert is_recording()
    with no_grad():
        with no_grad():
            assert not is_recording()
        assert not is_recording()
    assert is_recording()
    assert (Value(1.0) * 2).parents != ()


def test_no_grad_is_restored_after_an_exception() -> None:
    with pytest.raises(ZeroDivisionError), no_grad():
        Value(1.0) / 0
    assert is_recording()


# ------------------------------------------------------------ per thread
def _run_threads(*targets: Callable[[], None]) -> None:
    """Run each target in its own thread; re-raise the first error; bounded."""
    errors: list[BaseException] = []

    def guarded(target: Callable[[], None]) -> None:
        try:
            target()
        except BaseException as error:  # handed to the test's thread
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(t,)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
        assert not thread.is_alive(), "a thread did not finish in 10 s"
    if errors:
        raise errors[0]


def test_no_grad_in_one_thread_leaves_another_recording() -> None:
    inside = threading.Event()
    built = threading.Event()
    grads: list[float] = []

    def inference() -> None:
        with no_grad():
            inside.set()
            assert built.wait(5)
            assert not is_recording()

    def training() -> None:
        assert inside.wait(5)  # the other thread is inside no_grad now
        assert is_recording()
        w = Value(3.0)
        loss = w * 2.0
        loss.backward()
        grads.append(w.grad)
        built.set()

    _run_threads(inference, training)
    assert grads == [2.0]


def test_interleaved_no_grad_in_two_threads_never_leaves_recording_off() -> None:
    # A enters, B enters, A leaves, B leaves: with one shared flag, B would
    # restore the "off" it saw on entering, for every thread, for good.
    barrier = threading.Barrier(2, timeout=5)
    after: list[bool] = []

    def first() -> None:
        with no_grad():
            barrier.wait()  # 1: A is in
            barrier.wait()  # 2: B is in
        barrier.wait()  # 3: A is out
        barrier.wait()  # 4: B is out
        after.append(is_recording())

    def second() -> None:
        barrier.wait()  # 1
        with no_grad():
            barrier.wait()  # 2
            barrier.wait()  # 3
        barrier.wait()  # 4
        after.append(is_recording())

    _run_threads(first, second)
    assert after == [True, True]
    assert is_recording()
    assert (Value(1.0) * 2).parents != ()


def test_a_new_thread_starts_recording_even_from_inside_no_grad() -> None:
    seen: list[bool] = []
    with no_grad():
        _run_threads(lambda: seen.append(is_recording()))
    assert seen == [True]


def test_the_count_of_open_blocks_comes_back_to_zero():
    # new_node skips asking the thread's own setting while no block is open
    # anywhere; a count left above 0 would only slow it down, one left below
    # 0 would be wrong, so check both ways out of a block.
    from engine import grad_mode

    assert grad_mode.open_blocks == 0
    with no_grad():
        with no_grad():
            assert grad_mode.open_blocks == 2
        assert grad_mode.open_blocks == 1
    try:
        with no_grad():
            raise KeyError("out of the block by an error")
    except KeyError:
        pass
    assert grad_mode.open_blocks == 0
