"""Tests for engine/grad_mode.py: no_grad records nothing, and always undoes itself."""

from __future__ import annotations

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
