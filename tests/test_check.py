"""Tests for engine/check.py: gradcheck catches wrong derivatives."""

from __future__ import annotations

import math

import pytest

from engine import GradcheckError, Value, gradcheck, new_node
from engine.check import central_difference


def _wrong_square(a: Value) -> Value:
    """a**2 with a deliberately wrong local derivative (a instead of 2a)."""
    return new_node(a.data**2, "bad**2", (a,), (a.data,))


def test_a_correct_function_passes() -> None:
    assert gradcheck(lambda a, b: (a * b + a.exp()).tanh(), [0.3, -1.2]) is True


def test_central_difference_estimates_the_slope() -> None:
    slope = central_difference(lambda a: a**3, [2.0], 0)
    assert math.isclose(slope, 12.0, rel_tol=1e-8)


def test_a_wrong_derivative_is_reported_with_the_numbers() -> None:
    with pytest.raises(GradcheckError) as caught:
        gradcheck(lambda a, b: _wrong_square(a) + b, [Value(3.0, label="x"), 1.0])
    error = caught.value
    assert len(error.mismatches) == 1  # b's gradient is right
    mismatch = error.mismatches[0]
    assert (mismatch.index, mismatch.label) == (0, "x")
    assert mismatch.analytic == 3.0
    assert math.isclose(mismatch.numeric, 6.0, rel_tol=1e-6)
    message = str(error)
    assert "input 0 (x)" in message
    assert "backward gives 3" in message
    assert "central difference gives 6" in message


def test_a_nan_gradient_is_a_mismatch() -> None:
    def nan_slope(a: Value) -> Value:
        return new_node(a.data, "nan", (a,), (math.nan,))

    with pytest.raises(GradcheckError):
        gradcheck(nan_slope, [1.0])


def test_the_callers_values_are_left_alone() -> None:
    x = Value(2.0)
    x.grad = 5.0
    gradcheck(lambda a: a * a, [x])
    assert (x.data, x.grad) == (2.0, 5.0)


def test_fn_must_return_a_value() -> None:
    with pytest.raises(TypeError, match="float"):
        gradcheck(lambda a: 1.0, [1.0])


def test_no_inputs_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one input"):
        gradcheck(lambda: Value(1.0), [])


@pytest.mark.parametrize("eps", [0.0, -0.0, math.nan, math.inf])
def test_a_step_that_is_not_positive_is_a_clear_error(eps: float) -> None:
    # eps = 0 used to end in a bare "float division by zero".
    with pytest.raises(ValueError, match="eps > 0"):
        gradcheck(lambda a: a * a, [1.0], eps=eps)


def test_negative_tolerances_are_a_clear_error() -> None:
    with pytest.raises(ValueError, match="atol, rtol >= 0"):
        gradcheck(lambda a: a * a, [1.0], atol=-1.0)


@pytest.mark.parametrize(("bad", "type_name"), [("3", "str"), (True, "bool")])
def test_inputs_that_are_not_numbers_are_refused(bad: object, type_name: str) -> None:
    # float("3") and float(True) would quietly check at 3.0 and 1.0.
    with pytest.raises(TypeError, match=f"gradcheck input 1 .*{type_name}"):
        gradcheck(lambda a, b: a * b, [1.0, bad])


def test_a_nudge_out_of_the_domain_says_it_was_the_nudge() -> None:
    # log at 1e-7 is fine, but 1e-7 - eps is negative: the error must say it
    # came from the central difference, not from the learner's input.
    with pytest.raises(ValueError, match=r"input 0 .* 1e-07 ± 1e-06.*smaller eps"):
        gradcheck(lambda a: a.log(), [1e-7])
    assert gradcheck(lambda a: a.log(), [1e-7], eps=1e-9, rtol=1e-2)


def test_gradcheck_inputs_may_be_any_iterable_and_else_a_clear_error() -> None:
    assert gradcheck(lambda a, b: a * b, (x for x in [2.0, 3.0]))
    with pytest.raises(TypeError, match="gradcheck needs a list of input Values"):
        gradcheck(lambda a: a * 2, 2.0)
    with pytest.raises(TypeError, match="call it as gradcheck\\(fn, inputs\\)"):
        gradcheck([2.0], lambda a: a * 2)
    with pytest.raises(OverflowError, match="gradcheck's eps is too large"):
        gradcheck(lambda a: a * 2, [1.0], eps=10**400)
