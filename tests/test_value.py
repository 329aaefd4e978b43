"""Tests for engine/value.py: every operation's value and local derivative."""

from __future__ import annotations

import gc
import math
import weakref
from fractions import Fraction

import pytest
from hypothesis import assume, given

from engine import Value, gradcheck
from tests.strategies import BINARY, UNARY, close, programs_with_inputs, reals

# ------------------------------------------------------------ construction


def test_a_new_value_is_a_leaf_with_zero_grad() -> None:
    v = Value(3, label="x")
    assert v.data == 3.0 and type(v.data) is float
    assert v.grad == 0.0
    assert v.label == "x"
    assert v.op == ""
    assert v.parents == ()
    assert v.local_grads == ()


@pytest.mark.parametrize("number", [2, 2.5, -0.0, Fraction(1, 4), 10**20])
def test_any_real_number_becomes_a_float(number: object) -> None:
    assert Value(number).data == float(number)


@pytest.mark.parametrize(
    ("bad", "type_name"),
    [
        ("a", "str"),
        (None, "NoneType"),
        (1j, "complex"),
        (True, "bool"),
        ([1.0], "list"),
    ],
)
def test_non_numbers_raise_type_error_naming_the_type(
    bad: object, type_name: str
) -> None:
    with pytest.raises(TypeError, match=type_name):
        Value(bad)


def test_a_value_is_not_wrapped_in_a_value() -> None:
    with pytest.raises(TypeError, match="Value"):
        Value(Value(1.0))


def test_operators_reject_non_numbers_with_the_type() -> None:
    with pytest.raises(TypeError, match="str"):
        Value(1.0) + "2"
    with pytest.raises(TypeError, match="NoneType"):
        Value(1.0) * None


def test_repr_shows_data_grad_label_and_op() -> None:
    a = Value(2.0, label="a")
    assert repr(a) == "Value(data=2.0, grad=0.0, label='a')"
    b = a * 3
    assert repr(b) == "Value(data=6.0, grad=0.0, op='*')"


# -------------------------------------------- each op: value and local grad


def test_add_records_parents_and_ones() -> None:
    a, b = Value(2.0), Value(-3.0)
    c = a + b
    assert (c.data, c.op, c.parents, c.local_grads) == (-1.0, "+", (a, b), (1.0, 1.0))


def test_sub_records_one_and_minus_one() -> None:
    a, b = Value(2.0), Value(-3.0)
    c = a - b
    assert (c.data, c.op, c.local_grads) == (5.0, "-", (1.0, -1.0))


def test_mul_records_the_other_operand() -> None:
    a, b = Value(2.0), Value(-3.0)
    c = a * b
    assert (c.data, c.op, c.local_grads) == (-6.0, "*", (-3.0, 2.0))


def test_div_records_one_over_b_and_minus_a_over_b_squared() -> None:
    a, b = Value(3.0), Value(2.0)
    c = a / b
    assert (c.data, c.op, c.local_grads) == (1.5, "/", (0.5, -0.75))


def test_pow_with_number_exponent_has_one_parent() -> None:
    a = Value(3.0)
    c = a**2
    assert (c.data, c.op, c.parents, c.local_grads) == (9.0, "**2", (a,), (6.0,))
    assert (a**0.5).op == "**0.5"


def test_pow_with_value_exponent_records_both_slopes() -> None:
    a, b = Value(2.0), Value(3.0)
    c = a**b
    assert c.data == 8.0
    assert c.local_grads == (3.0 * 4.0, 8.0 * math.log(2.0))


def test_neg() -> None:
    a = Value(2.0)
    c = -a
    assert (c.data, c.op, c.local_grads) == (-2.0, "neg", (-1.0,))


@pytest.mark.parametrize(
    ("method", "x", "value", "slope"),
    [
        ("exp", 1.0, math.e, math.e),
        ("log", math.e, 1.0, 1 / math.e),
        ("tanh", 0.5, math.tanh(0.5), 1 - math.tanh(0.5) ** 2),
        ("sigmoid", 0.0, 0.5, 0.25),
        ("relu", 2.0, 2.0, 1.0),
        ("relu", -2.0, 0.0, 0.0),
        ("relu", 0.0, 0.0, 0.0),  # as in PyTorch: no slope at the kink
    ],
)
def test_unary_functions(method: str, x: float, value: float, slope: float) -> None:
    out = getattr(Value(x), method)()
    assert out.op == method
    assert math.isclose(out.data, value, rel_tol=1e-15)
    assert math.isclose(out.local_grads[0], slope, rel_tol=1e-15)


def test_reflected_operators_put_the_number_first() -> None:
    a = Value(2.0)
    assert (3 + a).data == 5.0
    assert (3 - a).data == 1.0
    assert (3 * a).data == 6.0
    assert (3 / a).data == 1.5
    assert (3**a).data == 9.0
    for out in (3 + a, 3 - a, 3 * a, 3 / a, 3**a):
        constant, operand = out.parents
        assert (constant.data, constant.label, constant.op) == (3.0, "", "")
        assert operand is a


def test_builtin_sum_works_on_values() -> None:
    xs = [Value(1.0), Value(2.0), Value(3.0)]
    total = sum(xs)
    total.backward()
    assert total.data == 6.0
    assert [x.grad for x in xs] == [1.0, 1.0, 1.0]


# -------------------------------------------------- derivatives, numerically


@pytest.mark.parametrize("name", sorted(UNARY))
@given(x=reals(-2.0, 2.0))
def test_unary_ops_match_central_differences(name: str, x: float) -> None:
    assert gradcheck(UNARY[name], [x])


@pytest.mark.parametrize("name", sorted(BINARY))
@given(x=reals(-2.0, 2.0), y=reals(-2.0, 2.0))
def test_binary_ops_match_central_differences(name: str, x: float, y: float) -> None:
    assert gradcheck(BINARY[name], [x, y])


@given(x=reals(0.1, 5.0), y=reals(-3.0, 3.0))
def test_pow_log_and_div_match_central_differences(x: float, y: float) -> None:
    assert gradcheck(lambda a, b: a**b + (a.log() / b.exp()), [x, y])


@given(x=reals(-3.0, 3.0))
def test_relu_matches_central_differences_away_from_the_kink(x: float) -> None:
    assume(abs(x) > 1e-3)
    assert gradcheck(lambda a: a.relu() * 2.0, [x])


# ------------------------------------------------------- bad input, clearly


@pytest.mark.parametrize("x", [0.0, -1.0])
def test_log_outside_its_domain_names_the_operand(x: float) -> None:
    with pytest.raises(ValueError, match=rf"log\({x!r}\)"):
        Value(x).log()


def test_division_by_zero_names_both_operands() -> None:
    with pytest.raises(ZeroDivisionError, match=r"1\.0 / 0\.0"):
        Value(1.0) / 0
    with pytest.raises(ZeroDivisionError, match=r"2\.0 / 0\.0"):
        2 / Value(0.0)


def test_zero_to_a_negative_power_is_division_by_zero() -> None:
    with pytest.raises(ZeroDivisionError, match=r"0\.0 \*\* -1\.0"):
        Value(0.0) ** -1
    with pytest.raises(ZeroDivisionError, match="negative power"):
        Value(0.0) ** Value(-2.0)


def test_negative_base_to_a_fractional_power_is_not_real() -> None:
    with pytest.raises(ValueError, match=r"-2\.0 \*\* 0\.5"):
        Value(-2.0) ** 0.5
    with pytest.raises(ValueError, match="non-integer"):
        Value(-2.0) ** Value(0.5)


def test_negative_base_with_an_integer_power_works_for_a_number_exponent() -> None:
    a = Value(-2.0)
    out = a**3
    out.backward()
    assert (out.data, a.grad) == (-8.0, 12.0)


def test_negative_base_with_a_value_exponent_explains_the_missing_log() -> None:
    # The value (-2)**3 exists, but d/db needs ln(-2): say so instead of NaN.
    with pytest.raises(ValueError, match="ln"):
        Value(-2.0) ** Value(3.0)
    with pytest.raises(ValueError, match="ln"):
        (-2) ** Value(3.0)


def test_overflow_names_the_operation() -> None:
    with pytest.raises(OverflowError, match=r"exp\(1000\.0\)"):
        Value(1000.0).exp()
    with pytest.raises(OverflowError, match=r"10\.0 \*\* 400\.0"):
        Value(10.0) ** 400


def test_a_slope_too_large_names_the_power_that_was_written() -> None:
    # 1e-200 ** -1 = 1e200 fits in a float, its slope -1e400 does not; the
    # error must speak of the ** -1 in the code, not only of a ** -2.
    with pytest.raises(OverflowError, match=r"slope of 1e-200 \*\* -1\.0"):
        Value(1e-200) ** -1
    with pytest.raises(OverflowError, match=r"slope of 1e-200 \*\* -1\.0"):
        Value(1e-200) ** Value(-1.0)


def test_sqrt_at_zero_has_an_infinite_slope_not_nan() -> None:
    out = Value(0.0) ** 0.5
    assert out.data == 0.0
    assert out.local_grads == (math.inf,)


@pytest.mark.parametrize("x", [1000.0, -1000.0, 1e308, -1e308])
def test_sigmoid_and_tanh_do_not_overflow(x: float) -> None:
    for method in ("sigmoid", "tanh"):
        a = Value(x)
        out = getattr(a, method)()
        out.backward()
        assert math.isfinite(out.data)
        assert math.isfinite(a.grad)
        assert a.grad == 0.0  # flat far out in the tails


def test_no_operation_returns_nan_on_finite_inputs() -> None:
    for x in (-5.0, -1.0, -0.0, 0.0, 1e-300, 1.0, 5.0):
        for name in sorted(UNARY):
            out = UNARY[name](Value(x))
            assert not math.isnan(out.data), (name, x)
            assert not any(math.isnan(g) for g in out.local_grads), (name, x)


# ------------------------------------------- whole graphs: the known answer


def test_micrograd_readme_example() -> None:
    """The example from micrograd's README gives the numbers it prints."""
    a = Value(-4.0)
    b = Value(2.0)
    c = a + b
    d = a * b + b**3
    c += c + 1
    c += 1 + c + (-a)
    d += d * 2 + (b + a).relu()
    d += 3 * d + (b - a).relu()
    e = c - d
    f = e**2
    g = f / 2.0
    g += 10.0 / f
    g.backward()
    assert f"{g.data:.4f}" == "24.7041"
    assert f"{a.grad:.4f}" == "138.8338"
    assert f"{b.grad:.4f}" == "645.5773"


def test_a_value_used_twice_gets_both_contributions() -> None:
    a = Value(3.0)
    (a + a).backward()
    assert a.grad == 2.0
    b = Value(3.0)
    (b * b).backward()
    assert b.grad == 6.0


@given(programs_with_inputs())
def test_random_graphs_match_pytorch_float64(case) -> None:
    torch = pytest.importorskip("torch", reason="PyTorch is not installed")
    program, xs = case
    ours = [Value(x) for x in xs]
    out = program.run(ours)
    out.backward()

    theirs = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in xs]
    ref = program.run(theirs)
    ref.backward()

    assert close(out.data, ref.item(), 1e-12)
    for mine, reference in zip(ours, theirs, strict=True):
        expected = reference.grad.item() if reference.grad is not None else 0.0
        assert close(mine.grad, expected, 1e-9), (program, xs)


# --------------------------------------------------------- memory: no cycles


class _Watched(Value):
    """A Value that a weakref can point at (Value itself has no __weakref__
    slot, to keep every node small)."""

    __slots__ = ("__weakref__",)


def test_a_dropped_graph_is_freed_by_reference_counting_alone() -> None:
    gc.collect()
    gc.disable()  # only reference counting may free the graph now
    try:
        leaf = _Watched(0.5)
        watcher = weakref.ref(leaf)
        out = leaf
        for _ in range(100):
            out = (out * 1.01 + leaf).tanh()
        out.backward()
        del leaf, out
        assert watcher() is None, "the graph is kept alive by a reference cycle"
        # And nothing else of it waits for the cyclic collector either.
        assert gc.collect() == 0
    finally:
        gc.enable()


# ------------------------------------------------- notes the user attaches


def test_user_code_can_keep_its_own_notes_on_a_value() -> None:
    p = Value(0.5, label="w")
    p.m = 0.0  # e.g. an optimizer's moving averages
    p.v = 0.25
    p._vis_color = "red"  # e.g. a drawing's colour
    assert (p.m, p.v, p._vis_color) == (0.0, 0.25, "red")
    out = p * 2.0  # notes change nothing about the arithmetic or gradients
    out.backward()
    assert out.data == 1.0 and p.grad == 2.0
    assert out.__dict__ == {}  # only the noted Value carries them


def test_a_note_cannot_replace_micrograds_names() -> None:
    a = Value(1.0)
    with pytest.raises(AttributeError):
        a._prev = set()  # a view of `parents`, not storage


# --------------------------------------------------------------- comparisons


def test_comparisons_with_numbers_on_either_side_compare_data() -> None:
    a = Value(2.0)
    assert a < 3 and a <= 2.0 and a > 1 and a >= 2
    # The number on the left is the point here: Python asks the Value.
    assert 1 < a and 3 > a and 2 <= a and 2.0 >= a  # noqa: SIM300
    assert not (a < 2.0) and not (a > 2.0)
    assert type(a < 3) is bool


def test_comparisons_between_values_build_no_graph() -> None:
    a, b = Value(1.0), Value(-1.0)
    assert b < a and a > b and max([a, b]) is a and sorted([a, b]) == [b, a]
    assert a.grad == 0.0 and a.parents == ()


@given(reals(), reals())
def test_comparisons_agree_with_the_floats(x: float, y: float) -> None:
    a, b = Value(x), Value(y)
    assert (a < b, a <= b, a > b, a >= b) == (x < y, x <= y, x > y, x >= y)
    assert (a < y, x <= b, a > y, x >= b) == (x < y, x <= y, x > y, x >= y)


def test_equality_is_identity_so_values_work_in_sets_and_dicts() -> None:
    a, b = Value(0.0), Value(0.0)
    assert a == a and a != b  # same number, different nodes
    assert len({a, b}) == 2
    grads = {a: "first", b: "second"}
    a.data = 5.0  # training changes data; the node's place in the dict stays
    assert grads[a] == "first"


def test_comparing_with_a_non_number_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="Value"):
        _ = Value(1.0) < "2"
    with pytest.raises(TypeError):
        _ = Value(1.0) >= None


# ------------------------------------------------------ NaN and big ints
def test_relu_keeps_nan_as_pytorch_does() -> None:
    out = Value(math.nan).relu()
    assert math.isnan(out.data)
    assert out.local_grads == (1.0,)  # torch: relu'(nan) passes the grad on
    assert Value(-0.0).relu().data == 0.0 and Value(-1.0).relu().local_grads == (0.0,)


def test_relu_at_nan_matches_pytorch() -> None:
    torch = pytest.importorskip("torch")
    x = torch.tensor(math.nan, dtype=torch.float64, requires_grad=True)
    y = torch.relu(x)
    y.backward()
    ours = Value(math.nan).relu()
    assert math.isnan(ours.data) and math.isnan(y.item())
    assert ours.local_grads == (x.grad.item(),)


@pytest.mark.parametrize(
    "make",
    [
        lambda v: v.tanh(),
        lambda v: v.sigmoid(),
        lambda v: v.exp(),
        lambda v: v.log(),
        lambda v: v**2,
        lambda v: v ** Value(2.0),
        lambda v: Value(-2.0) ** v.data,
        lambda v: v * 2 + 1,
    ],
)
def test_no_operation_turns_nan_into_a_number(make) -> None:
    assert math.isnan(make(Value(math.nan)).data)


def test_an_int_too_large_for_a_float_is_a_clear_error() -> None:
    with pytest.raises(OverflowError, match=r"Value\(data\) is too large") as caught:
        Value(10**400)
    assert len(str(caught.value)) < 200  # not all 401 digits
    with pytest.raises(OverflowError, match="too large"):
        Value(1.0) * 10**400


def test_a_label_must_be_a_string() -> None:
    with pytest.raises(TypeError, match="label must be a string, got int: 5"):
        Value(1.0, label=5)
    with pytest.raises(TypeError, match="label must be a string, got NoneType"):
        Value(1.0, None)
