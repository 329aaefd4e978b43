"""Tests for engine/graph.py: topological order, backward, backward_steps."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import ChainRuleStep, Value, add_all, backward_steps, dot, topo_sort
from tests.strategies import close, programs_with_inputs

# ------------------------------------------------------------- topo_sort


def _diamond() -> tuple[Value, Value, Value, Value]:
    a = Value(2.0, label="a")
    b = (a * 3).tanh()
    c = a + b  # a reaches c directly and through b
    d = c * b
    return a, b, c, d


def test_topo_sort_puts_parents_first_and_root_last() -> None:
    d = _diamond()[-1]
    order = topo_sort(d)
    assert order[-1] is d
    position = {id(n): i for i, n in enumerate(order)}
    for node in order:
        for parent in node.parents:
            assert position[id(parent)] < position[id(node)]


def test_topo_sort_lists_each_node_once() -> None:
    d = _diamond()[-1]
    order = topo_sort(d)
    assert len(order) == len({id(n) for n in order})
    x = Value(1.0)
    y = x
    for _ in range(50):
        y = y + x  # x is reached along 51 paths
    assert sum(n is x for n in topo_sort(y)) == 1


def test_topo_sort_is_the_same_every_time() -> None:
    def labels() -> list[str]:
        a, b = Value(1.0, label="a"), Value(2.0, label="b")
        c = (a * b).relu()
        c.label = "c"
        d = c + a
        d.label = "d"
        return [n.label for n in topo_sort(d)]

    assert labels() == labels() == ["a", "b", "", "c", "d"]


def _recursive_order(node: Value, seen: set[Value], order: list[Value]) -> None:
    """The textbook depth-first search: each parent first, in order, then node."""
    if node in seen:
        return
    seen.add(node)
    for parent in node.parents:
        _recursive_order(parent, seen, order)
    order.append(node)


@given(st.lists(st.lists(st.integers(0, 99), min_size=1, max_size=4), max_size=30))
def test_topo_sort_is_the_order_of_recursive_depth_first_search(picks) -> None:
    # A random graph: each new node sums 1 to 4 earlier nodes (repeats allowed).
    nodes = [Value(1.0), Value(2.0)]
    for pick in picks:
        nodes.append(add_all([nodes[i % len(nodes)] for i in pick]))
    root = add_all(nodes[::-1])
    expected: list[Value] = []
    _recursive_order(root, set(), expected)
    assert [id(n) for n in topo_sort(root)] == [id(n) for n in expected]


def test_topo_sort_of_a_leaf_is_the_leaf() -> None:
    a = Value(1.0)
    assert topo_sort(a) == [a]


# --------------------------------------------------------------- backward


def test_backward_on_a_leaf_seeds_one() -> None:
    a = Value(3.0)
    a.backward()
    assert a.grad == 1.0


def test_backward_twice_doubles_leaves_but_not_interior_nodes() -> None:
    a, b, c, d = _diamond()
    d.backward()
    first = (a.grad, b.grad, c.grad, d.grad)
    d.backward()
    assert a.grad == 2 * first[0]  # leaves accumulate, as in PyTorch
    assert (b.grad, c.grad, d.grad) == first[1:]  # interior: latest sweep only


def test_leaf_grads_accumulate_across_different_roots() -> None:
    a = Value(2.0)
    (a * 3).backward()
    (a * a).backward()
    assert a.grad == 3.0 + 4.0


@given(programs_with_inputs())
def test_backward_twice_is_exactly_twice(case) -> None:
    program, xs = case
    leaves = [Value(x) for x in xs]
    out = program.run(leaves)
    out.backward()
    once = [leaf.grad for leaf in leaves]
    out.backward()
    assert [leaf.grad for leaf in leaves] == [2 * g for g in once]


def test_a_million_node_chain_builds_and_backpropagates() -> None:
    x = Value(1.0)
    y = x
    for _ in range(1_000_000):
        y = -y  # one node per step, no constants: quick to build
    y.backward()
    assert x.grad == 1.0  # an even number of sign flips
    assert len(topo_sort(y)) == 1_000_001


# --------------------------------------------------------- backward_steps


def test_backward_steps_yields_one_step_per_edge_in_backward_order() -> None:
    w = Value(-3.0, label="w")
    x = Value(2.0, label="x")
    z = w * x
    z.label = "z"
    L = z.tanh()
    L.label = "L"
    steps = list(backward_steps(L))
    assert [(s.node.label, s.parent.label) for s in steps] == [
        ("L", "z"),
        ("z", "w"),
        ("z", "x"),
    ]
    first = steps[0]
    assert isinstance(first, ChainRuleStep)
    assert first.upstream_grad == 1.0
    assert first.local_grad == 1 - math.tanh(-6.0) ** 2
    for s in steps:
        assert s.contribution == s.local_grad * s.upstream_grad
    assert w.grad == steps[1].contribution == 2.0 * steps[0].contribution


def test_backward_steps_shows_both_uses_of_a_repeated_parent() -> None:
    a = Value(3.0, label="a")
    out = a * a
    steps = list(backward_steps(out))
    assert [s.parent for s in steps] == [a, a]
    assert [s.contribution for s in steps] == [3.0, 3.0]
    assert a.grad == 6.0


def test_backward_steps_shows_every_edge_of_a_weighted_sum() -> None:
    ws = [Value(0.5, label="w1"), Value(-1.0, label="w2")]
    xs = [Value(2.0, label="x1"), Value(3.0, label="x2")]
    b = Value(0.1, label="b")
    out = dot(ws, xs, b).relu()
    labels = [s.parent.label for s in backward_steps(out)]
    assert labels == ["", "w1", "w2", "x1", "x2", "b"]


def test_backward_steps_does_nothing_until_iterated() -> None:
    a = Value(2.0)
    out = a * 3
    steps = backward_steps(out)
    assert a.grad == 0.0
    next(steps)
    assert a.grad == 3.0


@given(programs_with_inputs())
def test_backward_steps_leaves_exactly_the_grads_of_backward(case) -> None:
    program, xs = case
    by_steps = [Value(x) for x in xs]
    out = program.run(by_steps)
    for _ in backward_steps(out):
        pass
    by_backward = [Value(x) for x in xs]
    program.run(by_backward).backward()
    for a, b in zip(by_steps, by_backward, strict=True):
        assert a.grad == b.grad or close(a.grad, b.grad, 1e-15)


def test_backward_and_backward_steps_agree_on_interior_grads() -> None:
    d = _diamond()[-1]
    d.backward()
    expected = [n.grad for n in topo_sort(d)]
    d2 = _diamond()[-1]
    list(backward_steps(d2))
    assert [n.grad for n in topo_sort(d2)] == pytest.approx(expected, rel=1e-15)


def test_backward_steps_agrees_with_backward_behind_a_zero_grad() -> None:
    # sqrt at 0 records an infinite slope; the ReLU after it is off, so no
    # gradient reaches it. backward skips that node: inf · 0 must not
    # become NaN in the step-by-step sweep either.
    x = Value(0.0, label="x")
    out = (x**0.5).relu()
    out.backward()
    assert x.grad == 0.0
    y = Value(0.0, label="y")
    steps = list(backward_steps((y**0.5).relu()))
    assert [s.contribution for s in steps] == [0.0, 0.0]
    assert y.grad == 0.0


@pytest.mark.parametrize("bad", [math.inf, -math.inf, math.nan])
def test_backward_from_a_non_finite_root_is_an_error_not_silent_nan(bad: float) -> None:
    a = Value(1e200, label="a")
    loss = a * a * 0.0 if math.isnan(bad) else a * a  # overflows to inf, or nan
    if bad == -math.inf:
        loss = -loss
    loss.label = "L"
    assert loss.data == bad or (math.isnan(bad) and math.isnan(loss.data))
    with pytest.raises(
        ValueError, match=r"cannot backpropagate from L = .*not a finite"
    ):
        loss.backward()
    with pytest.raises(ValueError, match="not a finite"):
        list(backward_steps(loss))
    assert a.grad == 0.0  # nothing was touched


# ---------------------------------------------------------- not a Value
@pytest.mark.parametrize("root", [2.0, "L", None, [Value(1.0)]])
def test_topo_sort_and_backward_steps_need_a_value(root: object) -> None:
    name = type(root).__name__
    with pytest.raises(TypeError, match=f"topo_sort needs a Value .*got {name}"):
        topo_sort(root)
    # at the call, not only once the generator is first advanced
    with pytest.raises(TypeError, match=f"backward_steps needs a Value .*got {name}"):
        backward_steps(root)


def test_a_list_of_outputs_gets_a_hint() -> None:
    with pytest.raises(TypeError, match="combine them into one first"):
        topo_sort([Value(1.0), Value(2.0)])
