"""Operations on many Values at once: a sum, a mean, a weighted sum.

`a + b + c + d` built from `+` makes three nodes; `add_all([a, b, c, d])`
makes one node with four parents. The gradient is the same, but one node is
faster to build, to walk backwards, and to draw. The weighted sum
`w1*x1 + ... + wn*xn + b` is exactly what a neuron computes before its
activation g (the talk's `g(w·x)`), so a neuron is one `dot` node and one
activation node, and `dots` makes the `dot` nodes of a whole layer at once.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable, Sequence

from engine.validate import as_list
from engine.value import Number, Value, _as_value, new_node

_WANTED = "a list of Values or numbers"


def _as_values(items: Iterable[Value | Number], what: str) -> tuple[Value, ...]:
    """The items as a tuple of Values; numbers become constant leaves."""
    if not isinstance(items, list | tuple):
        items = as_list(items, what, _WANTED)  # a generator, or a clear error
    values = tuple(_as_value(x) for x in items)
    if not values:
        raise ValueError(f"{what} needs at least one value, got none")
    return values


def add_all(items: Iterable[Value | Number]) -> Value:
    """out = x1 + x2 + ... + xn, as one node.   d(out)/dxi = 1"""
    values = _as_values(items, "add_all")
    total = sum(v.data for v in values)
    return new_node(total, "Σ", values, (1.0,) * len(values))


def mean(items: Iterable[Value | Number]) -> Value:
    """out = (x1 + ... + xn) / n, as one node.   d(out)/dxi = 1/n

    When the sum overflows although the mean does not (the mean of 1e308
    and 1e308 is 1e308, their sum inf), it is x1/n + ... + xn/n instead:
    each term is at most the largest |xi|, and so is their sum.
    """
    values = _as_values(items, "mean")
    n = len(values)
    out = sum(v.data for v in values) / n
    if math.isinf(out) and all(math.isfinite(v.data) for v in values):
        out = sum(v.data / n for v in values)
    return new_node(out, "mean", values, (1.0 / n,) * n)


def dot(
    weights: Iterable[Value | Number],
    inputs: Iterable[Value | Number],
    bias: Value | Number | None = None,
) -> Value:
    """out = w1*x1 + w2*x2 + ... + wn*xn (+ b), as one node.

    d(out)/dwi = xi,   d(out)/dxi = wi,   d(out)/db = 1

    The parents are all the weights, then all the inputs, then the bias.
    Weights and inputs may be lists, tuples or any other iterable.
    """
    if not isinstance(inputs, list | tuple):
        inputs = as_list(inputs, "dot's inputs", _WANTED)
    xs, x_data = _values_and_numbers(inputs, "dot")
    return _weighted_sum(weights, xs, x_data, bias)


def dots(
    weight_rows: Sequence[Sequence[Value | Number]],
    inputs: Sequence[Value | Number],
    biases: Sequence[Value | Number | None] | None = None,
) -> list[Value]:
    """[dot(weights, inputs, bias) for each row of weights and its bias].

    A whole layer of neurons at once: the same nodes, with the same parents,
    local derivatives and results, as calling `dot` once per row. The only
    difference is speed: the inputs are read and checked once for all rows,
    not once per row (a layer of 16 neurons reads them once instead of 16
    times). Plain numbers among the inputs become one set of constant leaves
    that every row shares.
    """
    if not isinstance(weight_rows, list | tuple):
        weight_rows = as_list(weight_rows, "dots' weight rows", "a list of lists")
    if not isinstance(inputs, list | tuple):
        inputs = as_list(inputs, "dots' inputs", _WANTED)
    if biases is None:
        biases = [None] * len(weight_rows)
    elif not isinstance(biases, list | tuple):
        biases = as_list(biases, "dots' biases", _WANTED)
    if len(biases) != len(weight_rows):
        raise ValueError(
            f"dots needs one bias per row of weights, got {len(weight_rows)} rows "
            f"and {len(biases)} biases"
        )
    xs, x_data = _values_and_numbers(inputs, "dots")
    return [
        _weighted_sum(weights, xs, x_data, bias)
        for weights, bias in zip(weight_rows, biases, strict=True)
    ]


def _values_and_numbers(
    items: Sequence[Value | Number], what: str
) -> tuple[Sequence[Value], list[float]]:
    """The items as Values (numbers become constant leaves), and their numbers.

    One pass reads the numbers and checks that each item is a Value (in a
    network they all are); this runs for every neuron and every example, so
    it is the hottest code of a forward pass.
    """
    numbers = [v.data for v in items if isinstance(v, Value)]
    if len(numbers) < len(items) or not items:
        # Plain numbers among them (or nothing at all): wrap, then read again.
        items = _as_values(items, what)
        numbers = [v.data for v in items]
    return items, numbers


def _weighted_sum(
    weights: Sequence[Value | Number],
    xs: Sequence[Value],
    x_data: list[float],
    bias: Value | Number | None,
) -> Value:
    """One `Σ w·x + b` node, for inputs already read by `dot` or `dots`."""
    if not isinstance(weights, list | tuple):
        weights = as_list(weights, "dot's weights", _WANTED)
    if len(weights) != len(xs):
        raise ValueError(
            f"dot needs as many weights as inputs, got {len(weights)} weights "
            f"and {len(xs)} inputs"
        )
    weights, w_data = _values_and_numbers(weights, "dot")
    total = sum(map(operator.mul, w_data, x_data))
    if bias is None:
        return new_node(total, "Σ w·x", (*weights, *xs), (*x_data, *w_data))
    b = _as_value(bias)
    parents = (*weights, *xs, b)
    return new_node(total + b.data, "Σ w·x + b", parents, (*x_data, *w_data, 1.0))
