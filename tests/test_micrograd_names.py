"""Tests for engine/micrograd_names.py: `_prev`, `_op` and `_backward()` as
views of takaisin's own data, and for `backward_node` (engine/graph.py)."""

from __future__ import annotations

import math

from hypothesis import given

from engine import Value, dot, topo_sort
from engine.graph import backward_node
from tests.strategies import close, programs_with_inputs


def test_prev_is_the_set_of_parents() -> None:
    a, b = Value(2.0), Value(-3.0)
    out = a * b
    assert out._prev == {a, b}
    assert isinstance(out._prev, set)
    assert a._prev == set()


def test_prev_of_a_value_used_twice_holds_it_once_as_in_micrograd() -> None:
    a = Value(3.0)
    b = a + a
    assert b.parents == (a, a)  # takaisin keeps both edges...
    assert b._prev == {a}  # ...micrograd's set holds the Value once


def test_prev_is_a_copy_that_cannot_change_the_graph() -> None:
    a, b = Value(1.0), Value(2.0)
    out = a + b
    out._prev.clear()
    assert out.parents == (a, b)


def test_op_is_the_operation_and_empty_for_a_leaf() -> None:
    a = Value(0.5)
    assert a._op == ""
    assert (a * 2)._op == "*"
    assert a.tanh()._op == "tanh"
    assert (a**2)._op == "**2"
    assert dot([a], [a], 1.0)._op == "Σ w·x + b"


def test_backward_does_one_nodes_step_only() -> None:
    a, b = Value(2.0, label="a"), Value(-3.0, label="b")
    c = a * b
    out = c.tanh()
    out.grad = 1.0
    out._backward()
    assert math.isclose(c.grad, 1.0 - out.data**2)
    assert a.grad == 0.0 and b.grad == 0.0  # not reached yet: one node only
    c._backward()
    assert math.isclose(a.grad, b.data * c.grad)
    assert math.isclose(b.grad, a.data * c.grad)


def test_backward_adds_to_what_the_parents_had() -> None:
    a = Value(1.0)
    out = a * 5.0
    out.grad = 2.0
    out._backward()
    out._backward()  # micrograd's += : twice gives twice
    assert a.grad == 20.0


def test_backward_on_a_value_used_twice_adds_both_uses() -> None:
    a = Value(3.0)
    b = a * a
    b.grad = 1.0
    b._backward()
    assert a.grad == 6.0  # d(a*a)/da = 2a, one a from each edge


def test_backward_with_zero_grad_adds_nothing_even_behind_an_infinite_slope() -> None:
    a = Value(0.0)
    root = a**0.5  # the slope at 0 is infinite
    root._backward()  # root.grad is 0: 0 * inf must not become nan
    assert a.grad == 0.0


def test_backward_of_a_leaf_does_nothing() -> None:
    a = Value(1.0)
    a.grad = 4.0
    a._backward()
    assert a.grad == 4.0


@given(programs_with_inputs())
def test_backward_node_on_every_node_in_reverse_order_is_backward(case) -> None:
    program, xs = case
    by_hand = [Value(x) for x in xs]
    out = program.run(by_hand)
    out.grad = 1.0
    for node in reversed(topo_sort(out)):
        backward_node(node)
    by_backward = [Value(x) for x in xs]
    program.run(by_backward).backward()
    for a, b in zip(by_hand, by_backward, strict=True):
        assert a.grad == b.grad or close(a.grad, b.grad, 1e-15)
