"""Tests for engine/sums.py: sums, means and weighted sums as one node."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import Value, add_all, dot, gradcheck, mean
from engine.sums import dots
from tests.strategies import close, reals


def test_add_all_is_one_node_with_a_one_per_parent() -> None:
    xs = [Value(1.0), Value(2.0), Value(4.0)]
    out = add_all(xs)
    assert (out.data, out.op, out.parents, out.local_grads) == (
        7.0,
        "Σ",
        tuple(xs),
        (1.0, 1.0, 1.0),
    )


def test_mean_divides_by_the_count() -> None:
    xs = [Value(1.0), Value(2.0), Value(6.0)]
    out = mean(xs)
    out.backward()
    assert out.data == 3.0
    assert [x.grad for x in xs] == [1 / 3] * 3


def test_dot_is_the_neuron_sum_w_dot_x_plus_b() -> None:
    w = [Value(0.5, label="w1"), Value(-2.0, label="w2")]
    x = [Value(4.0, label="x1"), Value(1.0, label="x2")]
    b = Value(0.25, label="b")
    out = dot(w, x, b)
    assert out.op == "Σ w·x + b"
    assert out.data == 0.5 * 4.0 + (-2.0) * 1.0 + 0.25
    assert out.parents == (*w, *x, b)
    # d/dwi = xi, d/dxi = wi, d/db = 1
    assert out.local_grads == (4.0, 1.0, 0.5, -2.0, 1.0)


def test_dot_without_bias_and_with_plain_numbers() -> None:
    w = [Value(3.0), Value(5.0)]
    out = dot(w, [2, -1])
    out.backward()
    assert (out.op, out.data) == ("Σ w·x", 1.0)
    assert [v.grad for v in w] == [2.0, -1.0]


def test_a_value_in_both_roles_gets_both_contributions() -> None:
    a = Value(3.0)
    out = dot([a], [a])  # a * a
    out.backward()
    assert a.grad == 6.0


@pytest.mark.parametrize("fn", [add_all, mean])
def test_empty_input_is_an_error(fn) -> None:
    with pytest.raises(ValueError, match="at least one"):
        fn([])


def test_dot_refuses_mismatched_lengths_instead_of_truncating() -> None:
    with pytest.raises(ValueError, match="2 weights and 3 inputs"):
        dot([Value(1.0), Value(2.0)], [1.0, 2.0, 3.0])


def test_non_numbers_are_refused() -> None:
    with pytest.raises(TypeError, match="str"):
        add_all([Value(1.0), "2"])


@given(st.lists(reals(), min_size=1, max_size=6), st.data())
def test_sums_match_central_differences(ws: list[float], data: st.DataObject) -> None:
    n = len(ws)
    xs = data.draw(st.lists(reals(), min_size=n, max_size=n))

    def weighted(*args: Value) -> Value:
        return dot(args[:n], args[n:], 0.5).tanh() + mean(args) * add_all(args)

    assert gradcheck(weighted, ws + xs)


@given(st.lists(reals(), min_size=2, max_size=8))
def test_same_gradients_as_the_binary_ops_they_replace(xs: list[float]) -> None:
    n = len(xs) // 2
    fused = [Value(x) for x in xs]
    dot(fused[:n], fused[n : 2 * n], fused[-1]).tanh().backward()
    binary = [Value(x) for x in xs]
    total = binary[-1]
    for w, x in zip(binary[:n], binary[n : 2 * n], strict=True):
        total = total + w * x
    total.tanh().backward()
    for a, b in zip(fused, binary, strict=True):
        assert close(a.grad, b.grad, 1e-12)


@given(st.lists(reals(), min_size=1, max_size=6), st.data())
def test_dot_matches_pytorch(ws: list[float], data: st.DataObject) -> None:
    torch = pytest.importorskip("torch", reason="PyTorch is not installed")
    xs = data.draw(st.lists(reals(), min_size=len(ws), max_size=len(ws)))
    w, x = [Value(v) for v in ws], [Value(v) for v in xs]
    (dot(w, x, 1.0).sigmoid() * mean(w)).backward()
    tw = torch.tensor(ws, dtype=torch.float64, requires_grad=True)
    tx = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
    ((tw @ tx + 1.0).sigmoid() * tw.mean()).backward()
    for ours, theirs in zip(w + x, [*tw.grad.tolist(), *tx.grad.tolist()], strict=True):
        assert close(ours.grad, theirs, 1e-9)


@given(st.integers(1, 4), st.lists(reals(), min_size=1, max_size=5), st.data())
def test_dots_makes_exactly_the_nodes_dot_makes(
    rows: int, xs: list[float], data: st.DataObject
) -> None:
    n = len(xs)
    inputs = [Value(x) for x in xs]
    weight_rows = [
        [Value(w) for w in data.draw(st.lists(reals(), min_size=n, max_size=n))]
        for _ in range(rows)
    ]
    biases = [Value(data.draw(reals())) for _ in range(rows - 1)] + [None]
    together = dots(weight_rows, inputs, biases)
    one_by_one = [dot(w, inputs, b) for w, b in zip(weight_rows, biases, strict=True)]
    for a, b in zip(together, one_by_one, strict=True):
        # Bit for bit: the same numbers added in the same order.
        assert (a.data, a.op, a.parents, a.local_grads) == (
            b.data,
            b.op,
            b.parents,
            b.local_grads,
        )


def test_dots_shares_number_inputs_and_needs_one_bias_per_row() -> None:
    w1, w2 = [Value(1.0), Value(2.0)], [Value(3.0), Value(4.0)]
    a, b = dots([w1, w2], [5, 6])
    assert (a.data, b.data) == (17.0, 39.0)
    assert a.parents[2:] == b.parents[2:]  # the same leaves 5 and 6
    with pytest.raises(ValueError, match="2 rows and 1 biases"):
        dots([w1, w2], [5, 6], [Value(0.0)])
    with pytest.raises(ValueError, match="2 weights and 3 inputs"):
        dots([w1], [5, 6, 7])


# ------------------------------------------------- overflow, bad arguments
def test_mean_of_huge_numbers_does_not_overflow() -> None:
    xs = [Value(1e308), Value(1e308)]
    out = mean(xs)
    assert out.data == 1e308
    assert out.local_grads == (0.5, 0.5)  # d(mean)/dxi = 1/n, exactly
    biggest = 1.7976931348623157e308
    assert mean([biggest, biggest, -1.0]).data == pytest.approx(biggest / 3 * 2)
    assert math.isinf(mean([math.inf, 1.0]).data)  # a real inf stays inf
    assert math.isnan(mean([math.inf, -math.inf]).data)


def test_a_generator_works_wherever_a_list_does() -> None:
    out = dot((w for w in [1.0, 2.0]), (x for x in [3.0, 4.0]), 0.5)
    assert out.data == 11.5
    assert add_all(x for x in [1.0, 2.0]).data == 3.0
    assert mean(iter([1.0, 3.0])).data == 2.0
    rows = dots((row for row in [[1.0], [2.0]]), iter([3.0]))
    assert [r.data for r in rows] == [3.0, 6.0]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: add_all(5), "add_all needs a list of Values or numbers, got int"),
        (lambda: mean(None), "mean needs a list .* got NoneType"),
        (lambda: dot(5, [1.0]), "dot's weights needs a list .* got int"),
        (lambda: dot([1.0], 2.0), "dot's inputs needs a list .* got float"),
        (lambda: dots(3, [1.0]), "dots' weight rows needs a list of lists"),
    ],
)
def test_something_that_is_not_a_list_is_a_clear_error(call, message) -> None:
    with pytest.raises(TypeError, match=message):
        call()
