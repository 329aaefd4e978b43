"""Operations on many Values at once: a sum, a mean, a weighted sum.

`a + b + c + d` built from `+` makes three nodes; `add_all([a, b, c, d])`
makes one node with four parents. The gradient is the same, but one node is
faster to build, to walk backwards, and to draw. The weighted sum
`w1*x1 + ... + wn*xn + b` is exactly what a neuron computes before its
activation g (the talk's `g(w·x)`), so a neuron is one `dot` node and one
activation node.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence

from engine.value import Number, Value, _as_value, new_node


def _as_values(items: Sequence[Value | Number], what: str) -> tuple[Value, ...]:
    """The items as a tuple of Values; numbers become constant leaves."""
    values = tuple(_as_value(x) for x in items)
    if not values:
        raise ValueError(f"{what} needs at least one value, got none")
    return values


def add_all(items: Sequence[Value | Number]) -> Value:
    """out = x1 + x2 + ... + xn, as one node.   d(out)/dxi = 1"""
    values = _as_values(items, "add_all")
    total = sum(v.data for v in values)
    return new_node(total, "Σ", values, (1.0,) * len(values))


def mean(items: Sequence[Value | Number]) -> Value:
    """out = (x1 + ... + xn) / n, as one node.   d(out)/dxi = 1/n"""
    values = _as_values(items, "mean")
    n = len(values)
    total = sum(v.data for v in values)
    return new_node(total / n, "mean", values, (1.0 / n,) * n)


def dot(
    weights: Sequence[Value | Number],
    inputs: Sequence[Value | Number],
    bias: Value | Number | None = None,
) -> Value:
    """out = w1*x1 + w2*x2 + ... + wn*xn (+ b), as one node.

    d(out)/dwi = xi,   d(out)/dxi = wi,   d(out)/db = 1

    The parents are all the weights, then all the inputs, then the bias.
    """
    if len(weights) != len(inputs):
        raise ValueError(
            f"dot needs as many weights as inputs, got {len(weights)} weights "
            f"and {len(inputs)} inputs"
        )
    # One pass per list reads the numbers and checks that each operand is a
    # Value (in a network they all are); `dot` runs once per neuron per
    # example, so this is the hottest code of a forward pass.
    w_data = [w.data for w in weights if isinstance(w, Value)]
    x_data = [x.data for x in inputs if isinstance(x, Value)]
    if not weights or len(w_data) < len(weights) or len(x_data) < len(inputs):
        # Plain numbers among them (or nothing at all): wrap, then try again.
        return dot(_as_values(weights, "dot"), _as_values(inputs, "dot"), bias)
    total = sum(map(operator.mul, w_data, x_data))
    if bias is None:
        return new_node(total, "Σ w·x", (*weights, *inputs), (*x_data, *w_data))
    b = _as_value(bias)
    parents = (*weights, *inputs, b)
    return new_node(total + b.data, "Σ w·x + b", parents, (*x_data, *w_data, 1.0))
