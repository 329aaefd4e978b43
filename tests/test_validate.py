"""Tests for engine/validate.py: what counts as a number, an int, a flag."""

from __future__ import annotations

from fractions import Fraction

import pytest

from engine.validate import as_list, flag, integer, real_number, short_repr


def test_short_repr_keeps_a_message_short() -> None:
    assert len(short_repr("x" * 10_000_000)) < 80
    assert len(short_repr(10**400)) < 60
    assert short_repr(10**5000) == "<a int>"  # beyond Python's int-to-text limit
    assert short_repr("relu") == "'relu'"


def test_real_numbers_by_the_numbers_abc() -> None:
    assert real_number(Fraction(1, 4), "x") == 0.25
    numpy = pytest.importorskip("numpy")
    assert real_number(numpy.float32(0.5), "x") == 0.5
    assert real_number(numpy.int64(3), "x") == 3.0
    with pytest.raises(TypeError, match=r"lr needs a real number .* got bool"):
        real_number(True, "lr")
    with pytest.raises(OverflowError, match="lr is too large for a float"):
        real_number(10**400, "lr")


def test_integers_and_flags() -> None:
    assert integer(7, "n") == 7
    with pytest.raises(TypeError, match="n must be an int, got float"):
        integer(7.0, "n")
    with pytest.raises(TypeError, match="n must be an int, got bool"):
        integer(False, "n")
    assert flag(False, "nesterov") is False
    with pytest.raises(TypeError, match="nesterov must be True or False, got str"):
        flag("no", "nesterov")
    with pytest.raises(TypeError, match="nesterov must be True or False, got int"):
        flag(0, "nesterov")


def test_as_list() -> None:
    items = [1, 2]
    assert as_list(items, "f", "a list") is items
    assert as_list((x for x in items), "f", "a list") == items
    with pytest.raises(TypeError, match="f needs a list of numbers, got int: 3"):
        as_list(3, "f", "a list of numbers")
    with pytest.raises(TypeError, match="got str"):
        as_list("abc", "f", "a list")
